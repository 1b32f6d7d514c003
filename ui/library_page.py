"""The dock's "Library" page: a library folder and its plan; estimate, run, refresh; files, load, coverage."""

import os

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QFileDialog, QTableWidgetItem, QWidget

from ..algorithms.layers import add_to_group, load_mbtiles
from ..core import inventory, plans
from ..core.errors import IgnOfflineError
from ..core.storage import human_size
from .background import AlgorithmRun, cancel_task, run_function

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "library_page.ui"))
REFRESH_DAYS = 30


class LibraryPage(QWidget, FORM_CLASS):
    def __init__(self, area_page, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.area_page = area_page
        self.iface = iface
        self.run = None
        self.list_task = None
        self.libraryDir.setStorageMode(QgsFileWidget.GetDirectory)
        self.planFile.setFilter(self.tr("Plans (*.json)"))
        self.estimateButton.clicked.connect(lambda: self.run_plan(estimate_only=True))
        self.runButton.clicked.connect(lambda: self.run_plan())
        self.refreshButton.clicked.connect(lambda: self.run_plan(refresh=True))
        self.cancelButton.clicked.connect(self.cancel)
        self.listButton.clicked.connect(self.list_files)
        self.loadButton.clicked.connect(self.load_selected)
        self.coverageButton.clicked.connect(self.show_coverage)
        self.offlineProjectButton.clicked.connect(self.make_project_offline)

    def folder(self):
        return self.libraryDir.filePath().strip()

    # -- the plan ---------------------------------------------------------------------------------------------

    def run_plan(self, estimate_only=False, refresh=False):
        if self.run is not None and not self.run.finished:
            return
        parameters = {"PLAN": self.planFile.filePath().strip(), "LIBRARY": self.folder(),
                      "ESTIMATE_ONLY": estimate_only, "LOAD": False}
        if refresh:
            parameters["REFRESH_DAYS"] = REFRESH_DAYS
        self.logView.clear()
        try:
            self.run = AlgorithmRun("ign_offline:run_plan", parameters, self._plan_done,
                                    lambda percent: self.progressBar.setValue(int(percent)), self.log)
        except ValueError as exc:
            self.log(str(exc), error=True)
            return
        self._busy(True)

    def _plan_done(self, ok, results):
        self._busy(False)
        if not ok:
            self.log(self.tr("The plan did not finish: see above."), error=True)
            return
        if results.get("TILES_DOWNLOADED") is not None and results.get("MBTILES"):
            self.iface.messageBar().pushMessage(self.tr("IGN Offline"), self.tr(
                "Library: {} tiles downloaded, {} failed.").format(results["TILES_DOWNLOADED"],
                                                                  results["TILES_FAILED"]),
                Qgis.Success if not results["TILES_FAILED"] else Qgis.Warning, 8)
        self.list_files()

    def _busy(self, busy):
        self.cancelButton.setEnabled(busy)
        for button in (self.estimateButton, self.runButton, self.refreshButton):
            button.setEnabled(not busy)

    def cancel(self):
        if self.run is not None:
            self.run.cancel()

    # -- the files ---------------------------------------------------------------------------------------------

    def list_files(self):
        """The library's files with their size, zooms, tiles and (with a plan) completeness, read in a task."""
        folder, plan_path = self.folder(), self.planFile.filePath().strip()
        if not os.path.isdir(folder):
            self.log(self.tr("Choose the library folder."), error=True)
            return

        def read(task):
            rows, unreadable = inventory.inventory_folder(folder)
            shares = {}
            if plan_path and os.path.isfile(plan_path):
                for item in inventory.completeness(plans.load_plan(plan_path), folder):
                    planned, present = shares.get(item.file, (0, 0))
                    shares[item.file] = (planned + item.planned, present + item.present)
            return rows, unreadable, shares

        self.list_task = run_function(self.tr("IGN Offline: read the library"), read, self.show_files,
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
        self.log(self.tr("{} files in the library.").format(len(files)))

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
        if self.run is not None and not self.run.finished:
            return
        if not os.path.isdir(self.folder()):
            self.log(self.tr("Choose the library folder."), error=True)
            return
        parameters = {"FOLDER": self.folder(), "OUTPUT": "TEMPORARY_OUTPUT"}
        try:
            self.run = AlgorithmRun("ign_offline:inventory", parameters, self._coverage_done, None, self.log)
        except (ValueError, IgnOfflineError) as exc:
            self.log(str(exc), error=True)

    def _coverage_done(self, ok, results):
        if not ok:
            return
        layer = self.run.context.takeResultLayer(results["OUTPUT"])
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            layer.setName(self.tr("Library coverage"))
            add_to_group(QgsProject.instance(), layer)
            self.coverage_layer_id = layer.id()

    # -- the project, offline ------------------------------------------------------------------------------------

    def choose_folder(self):
        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the offline project"))

    def make_project_offline(self):
        """The current project, its tile layers as MBTiles of the dock's area and zooms, in a folder of its own."""
        if self.run is not None and not self.run.finished:
            return
        project = QgsProject.instance()
        if not project.fileName():
            self.log(self.tr("Save the project first: its offline copy is made from the saved file."), error=True)
            return
        if project.isDirty():
            self.log(self.tr("The project has unsaved changes: the offline copy is made from the saved file."))
        folder = self.choose_folder()
        if not folder:
            return
        zoom_min, zoom_max = self.area_page.zoom_range()
        parameters = {"PROJECT": project.fileName(), "OUTPUT_FOLDER": folder, "ZOOM_MIN": zoom_min,
                      "ZOOM_MAX": zoom_max}
        if self.folder() and os.path.isdir(self.folder()):
            parameters["LIBRARY"] = self.folder()
        self.logView.clear()
        try:
            parameters.update(self.area_page.area_parameters())
            self.run = AlgorithmRun("ign_offline:make_project_offline", parameters, self._offline_done,
                                    lambda percent: self.progressBar.setValue(int(percent)), self.log)
        except (ValueError, IgnOfflineError) as exc:
            self.log(str(exc), error=True)
            return
        self._busy(True)

    def _offline_done(self, ok, results):
        self._busy(False)
        if ok and results.get("PROJECT_OFFLINE"):
            self.iface.messageBar().pushMessage(self.tr("IGN Offline"), self.tr(
                "Offline project ready: {} (copy the whole folder)").format(results["PROJECT_OFFLINE"]), Qgis.Success, 10)

    def log(self, text, error=False):
        self.logView.appendPlainText(("⚠ " if error else "") + text)

    def cleanup(self):
        self.cancel()
        cancel_task(self.list_task)
