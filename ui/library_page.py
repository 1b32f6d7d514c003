"""The dock's "My library" tab: what the library folder holds (files, zooms, completeness against a plan, coverage
on the map), the plan that keeps it filled and fresh, and offline copies of the current project."""

import os

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QFileDialog, QTableWidgetItem

from ..core.errors import IgnOfflineError
from ..core.field import projects
from ..core.library import inventory, plans
from ..core.storage import human_size
from ..core.tiles import coverage
from ..i18n import say, tr
from ..toolbelt.helper_layers import store_helper_layer
from ..toolbelt.layers import add_to_group, load_mbtiles
from .background import cancel_task, run_function
from .download_page import confirm_large_job
from .page import Page
from .runner import Job

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "library_page.ui"))
REFRESH_DAYS = 30


def _count(area, zoom_min, zoom_max):
    return sum(coverage.area_counts(area, zoom_min, zoom_max).values())


def _plan_tiles(path):
    """The plan's tiles, at most (entries may overlap), as run_plan counts them before asking ALLOW_LARGE."""
    return sum(_count(entry.area, entry.zoom_min, entry.zoom_max) for entry in plans.load_plan(path).entries)


class LibraryPage(Page, FORM_CLASS):
    RUN_BUTTONS = ("estimateButton", "runButton", "refreshButton", "coverageButton", "offlineProjectButton")

    def __init__(self, dock, iface, parent=None):
        super().__init__(dock, iface, parent)
        self.list_task = None
        self.coverage_layer_id = None
        self.planFile.setFilter(tr("Plans (*.json)"))
        self.remember(plan=self.planFile)
        self.estimateButton.clicked.connect(lambda: self.run_plan(estimate_only=True))
        self.runButton.clicked.connect(lambda: self.run_plan())
        self.refreshButton.clicked.connect(lambda: self.run_plan(refresh=True))
        self.listButton.clicked.connect(self.list_files)
        self.loadButton.clicked.connect(self.load_selected)
        self.coverageButton.clicked.connect(self.show_coverage)
        self.offlineProjectButton.clicked.connect(self.make_project_offline)

    # -- the plan ---------------------------------------------------------------------------------------------

    def run_plan(self, estimate_only=False, refresh=False):
        parameters = {"PLAN": self.planFile.filePath().strip(), "LIBRARY": self.library_folder(),
                      "ESTIMATE_ONLY": estimate_only, "LOAD": False}
        if refresh:
            parameters["REFRESH_DAYS"] = REFRESH_DAYS
        what = tr("The plan's estimate") if estimate_only else tr("The plan")
        if not estimate_only and not self._confirmed(parameters, lambda: _plan_tiles(parameters["PLAN"]),
                                                     self.library_folder()):
            return
        self.runner.start([Job("ign_offline:run_plan", parameters, what)], lambda *done: None,
                          lambda outcomes, cancelled: self._plan_done(outcomes, cancelled, what))

    def _plan_done(self, outcomes, cancelled, what):
        results = self.runner.outcome(outcomes, cancelled, what)
        if results is not None and results.get("TILES_DOWNLOADED") is not None and results.get("MBTILES"):
            self.runner.report(tr("Library: {} tiles downloaded, {} failed.").format(
                results["TILES_DOWNLOADED"], results["TILES_FAILED"]),
                Qgis.Success if not results["TILES_FAILED"] else Qgis.Warning, self.library_folder())
        elif results is not None:
            self.runner.report(tr("{} is done: see the IGN Offline panel.").format(what), Qgis.Info)
        self.list_files()

    # -- the files ---------------------------------------------------------------------------------------------

    def list_files(self):
        """The library's files with their size, zooms, tiles and (with a plan) completeness, read in a task."""
        folder, plan_path = self.library_folder(), self.planFile.filePath().strip()
        if not os.path.isdir(folder):
            self.log(tr("The library folder {} does not exist yet: download something first.").format(folder),
                     error=True)
            return

        def read(task):
            rows, unreadable = inventory.inventory_folder(folder)
            shares = {}
            if plan_path and os.path.isfile(plan_path):
                for item in inventory.completeness(plans.load_plan(plan_path), folder):
                    planned, present = shares.get(item.file, (0, 0))
                    shares[item.file] = (planned + item.planned, present + item.present)
            return rows, unreadable, shares

        self.list_task = run_function(tr("IGN Offline: read the library"), read, self.show_files,
                                      lambda message: self.log(message, error=True))

    def show_files(self, found):
        rows, unreadable, shares = found
        files = {}
        for row in rows:
            files.setdefault(row.path, []).append(row)
        self.filesTable.setRowCount(len(files))
        for index, (path, items) in enumerate(sorted(files.items())):
            share = shares.get(os.path.basename(path))
            values = (os.path.basename(path), human_size(os.path.getsize(path)),
                      "{}–{}".format(items[0].zoom, items[-1].zoom), "{:,}".format(sum(r.tiles for r in items)),
                      "{:.0%}".format(share[1] / share[0]) if share and share[0] else "")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(256, path)  # Qt.UserRole
                self.filesTable.setItem(index, column, item)
        for path, reason in unreadable.items():
            self.log("{}: {}".format(os.path.basename(path), reason), error=True)
        self.log(tr("{} files in the library.").format(len(files)))

    def selected_paths(self):
        rows = sorted({index.row() for index in self.filesTable.selectedIndexes()}) or range(
            self.filesTable.rowCount())
        return [self.filesTable.item(row, 0).data(256) for row in rows]

    def load_selected(self):
        for path in self.selected_paths():
            try:
                load_mbtiles(QgsProject.instance(), path)
            except ValueError as exc:
                self.log(str(exc), error=True)

    def show_coverage(self):
        """The inventory's coverage layer (one feature per file and zoom) in the project."""
        folder = self.library_folder()
        if not os.path.isdir(folder):
            self.runner.start_fresh()
            self.log(tr("The library folder {} does not exist yet: download something first.").format(folder),
                     error=True)
            return
        parameters = {"FOLDER": folder, "OUTPUT": "TEMPORARY_OUTPUT"}
        self.runner.start([Job("ign_offline:inventory", parameters, tr("Coverage"))], self._coverage_done,
                          self._coverage_all)

    def _coverage_done(self, job, ok, results):
        layer = self.runner.run.context.takeResultLayer(results["OUTPUT"])
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            layer.setName(tr("Library coverage"))
            try:  # a file in the library, not a temporary layer: kept by the project and its offline copy
                layer = store_helper_layer(QgsProject.instance(), layer, self.library_folder(), "coverage",
                                           "coverage")
            except IgnOfflineError as exc:
                self.log(say(exc.message), error=True)
                return
            add_to_group(QgsProject.instance(), layer)
            self.coverage_layer_id = layer.id()

    def _coverage_all(self, outcomes, cancelled):
        if not cancelled and not outcomes[-1][1]:
            self.runner.report_failure(tr("The coverage"))

    # -- the project, offline ------------------------------------------------------------------------------------

    def choose_folder(self):
        return QFileDialog.getExistingDirectory(self, tr("Folder for the offline project"))

    def make_project_offline(self):
        """The current project, its tile layers as MBTiles of the dock's area and zooms, in a folder of its own."""
        project = QgsProject.instance()
        if not project.fileName():
            self.runner.start_fresh()
            self.log(tr("Save the project first: its offline copy is made from the saved file."), error=True)
            return
        if project.isDirty():
            self.log(tr("The project has unsaved changes: the offline copy is made from the saved file."))
        folder = self.choose_folder()
        if not folder:
            return
        zoom_min, zoom_max = self.area_picker.zoom_range()
        parameters = {"PROJECT": project.fileName(), "OUTPUT_FOLDER": folder, "ZOOM_MIN": zoom_min,
                      "ZOOM_MAX": zoom_max}
        library = self.library_folder()
        if library and os.path.isdir(library):
            parameters["LIBRARY"] = library
        try:
            parameters.update(self.area_picker.area_parameters())
        except IgnOfflineError as exc:
            self.runner.start_fresh()
            self.log(str(exc), error=True)
            return

        def tiles():
            layers = projects.read_project(project.fileName()).layers
            return (sum(1 for layer in layers if layer.kind == projects.TILE)
                    * _count(self.area_picker.current_area(), zoom_min, zoom_max))

        if not self._confirmed(parameters, tiles, folder):
            return
        self.runner.start([Job("ign_offline:make_project_offline", parameters, tr("The offline project"))],
                          lambda *done: None, self._offline_done)

    def _confirmed(self, parameters, count, where):
        """Ask before a very large job (what the algorithm refuses without ALLOW_LARGE); False: nothing starts.
        `count()` gives its tiles; a plan or project it cannot read is left for the algorithm to refuse."""
        try:
            tiles = count()
        except (IgnOfflineError, OSError, ValueError):
            return True
        allow = confirm_large_job(self, tiles, where)
        if allow is None:
            self.runner.start_fresh()
            self.log(tr("Nothing started: reduce the area or the zooms."))
            return False
        parameters.update(allow)
        return True

    def _offline_done(self, outcomes, cancelled):
        results = self.runner.outcome(outcomes, cancelled, outcomes[-1][0].label)
        if results is not None:
            self.runner.report(tr("Offline project ready: {} (copy the whole folder)").format(
                results["PROJECT_OFFLINE"]), Qgis.Success, os.path.dirname(results["PROJECT_OFFLINE"]))

    def cleanup(self):
        super().cleanup()
        cancel_task(self.list_task)
