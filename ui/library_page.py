"""The dock's "My library" tab: what the library folder holds (files, zooms, completeness against a plan, coverage
on the map), the plan that keeps it filled and fresh, and offline copies of the current project."""

import json
import math
import os

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QTableWidgetItem

from ..core.errors import IgnOfflineError
from ..core.field import offline_copy, projects
from ..core.library import inventory, plans, refresh
from ..core.library import jobs as library_jobs
from ..core.messages import Size, lonlat_box, plural
from ..core.tiles import areas, coverage
from ..core.vector import styles as vector_styles
from ..i18n import number, say, size, tr
from ..i18n import reason as said_reason
from ..toolbelt.helper_layers import store_helper_layer
from ..toolbelt.layer_tree import add_to_group
from ..toolbelt.layers import load_mbtiles
from ..toolbelt.vector_tiles import current_style, find_loaded, load_vector_mbtiles
from . import settings
from .background import cancel_task, run_function
from .large_jobs import confirm_large_job
from .page import Page
from .runner import Job
from .tile_counts import QUICK_COUNT

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "library_page.ui"))
REFRESH_DAYS = 30


def _plan_weight(path, library):
    """(tiles, exact, tile_bytes): the plan's tiles, at most (entries may overlap), as run_plan counts them before
    asking ALLOW_LARGE: only until surely past the large-job limit (in a task); weighed per layer
    as the library's files measured them (core.library.jobs.planned_weight)."""
    return library_jobs.planned_weight(plans.load_plan(path), library, areas.LARGE_JOB_TILES)


def percent(present, planned):
    """'100 %' only when complete ('99 %' for 99.6 %): done is done."""
    share = present / planned if planned else 1.0
    return say("{}%", number(100 if share >= 1 else min(99, math.floor(share * 100))))


def area_text(entry):
    """An entry's area as a person reads it: the preset's title, the polygon file's name, or where a polygon
    written in the plan lies."""
    preset = areas.PRESETS.get(entry.area_label)
    if preset is not None:
        return tr(preset.title)
    if entry.area_label == plans.INLINE_LABEL:
        return say("Polygon in the plan ({})", lonlat_box(*entry.area.bbox))
    return os.path.splitext(os.path.basename(entry.area_label))[0]


class LibraryPage(Page, FORM_CLASS):
    RUN_BUTTONS = ("estimateButton", "runButton", "refreshButton", "coverageButton", "offlineProjectButton",
                   "addToPlanButton", "editEntryButton", "removeEntryButton")

    def __init__(self, area_picker, library, iface, parent=None):
        super().__init__(area_picker, library, iface, parent)
        # The page whose ticked layers go into the plan (its plan_layers, layer_source and vector_styles): the
        # Download page, given by the dock (`take_layers_from`).
        self.layers_page = None
        self.list_task = None
        self.listing = 0  # which reading of the library the tables show (an older one finishing late is dropped)
        self.coverage_layer_id = None
        self.planFile.setFilter(tr("Plans (*.json)"))
        self.remember({settings.PLAN: self.planFile, settings.AUTO_REFRESH: self.autoRefreshCheck})
        header = self.planTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)  # the layer takes what is left
        self.addToPlanButton.clicked.connect(self.add_to_plan)
        self.editEntryButton.clicked.connect(self.edit_entries)
        self.removeEntryButton.clicked.connect(self.remove_entries)
        self.planFile.fileChanged.connect(self.show_plan)
        library.changed.connect(self.show_plan)  # the default plan is the library's
        self.show_plan()
        self.estimateButton.clicked.connect(lambda: self.run_plan(estimate_only=True))
        self.runButton.clicked.connect(lambda: self.run_plan())
        self.refreshButton.clicked.connect(lambda: self.run_plan(refresh=True))
        self.listButton.clicked.connect(self.list_files)
        self.loadButton.clicked.connect(self.load_selected)
        self.styleCombo.setToolTip(tr("Style of the selected vector file: choosing one draws it so (offline, from "
                                      "the styles saved beside it), loading it if needed"))
        self.filesTable.itemSelectionChanged.connect(self.show_styles)
        self.styleCombo.activated.connect(self.apply_style)
        self.coverageButton.clicked.connect(self.show_coverage)
        self.offlineProjectButton.clicked.connect(self.make_project_offline)

    def take_layers_from(self, page):
        self.layers_page = page

    # -- the plan ---------------------------------------------------------------------------------------------

    def plan_path(self):
        """The plan chosen, else the library's own `<library>/plan.json` (made by Add to plan)."""
        return self.planFile.filePath().strip() or plans.default_plan_path(self.library_folder())

    def run_plan(self, estimate_only=False, refresh=False):
        parameters = {"PLAN": self.plan_path(), "LIBRARY": self.library_folder(),
                      "ESTIMATE_ONLY": estimate_only, "LOAD": False}
        if refresh:
            parameters["REFRESH_DAYS"] = REFRESH_DAYS
        what = tr("The plan's estimate") if estimate_only else tr("The plan")

        def start():
            self.runner.start([Job("ign_offline:run_plan", parameters, what)], lambda *done: None,
                              lambda outcomes, cancelled: self._plan_done(outcomes, cancelled, what, estimate_only))

        if estimate_only:
            start()
            return
        plan, library = parameters["PLAN"], parameters["LIBRARY"]
        self._confirm_then(parameters, lambda: _plan_weight(plan, library), self.library_folder(), start)

    def _plan_done(self, outcomes, cancelled, what, estimate_only):
        results = self.runner.outcome(outcomes, cancelled, what)
        if results is not None and results.get("TILES_DOWNLOADED") is not None and results.get("MBTILES"):
            # Styles not saved or entries set aside: a warning saying which (the map and the rest are there).
            notes = [line for line in (results.get("STYLES_NOT_SAVED") or "").splitlines() if line]
            failed = json.loads(results.get("ENTRIES_FAILED") or "[]")
            if failed:
                notes.append(tr("Entries not run: {} (see the IGN Offline panel).").format(
                    ", ".join(str(row["entry"]) for row in failed)))
            text = say("Library: {:,} tiles downloaded, {:,} failed.", results["TILES_DOWNLOADED"],
                       results["TILES_FAILED"])
            self.runner.report(" ".join([text] + notes),
                               Qgis.Warning if results["TILES_FAILED"] or notes else Qgis.Success,
                               self.library_folder())
        elif results is not None and estimate_only:
            self.runner.report(tr("The plan's estimate is ready: see the IGN Offline panel."), Qgis.Info)
        elif results is not None:
            self.runner.report(tr("The plan has run: see the IGN Offline panel."), Qgis.Info)
        self.list_files()

    def refresh_due(self):
        """The plan's entries due for a refresh, run in the background (run_plan ONLY_DUE: the others are left
        alone); the message bar says what changed. False when the page is busy with another run."""
        # The user consented to refreshing the plan they made: no question at start (most tiles are re-checks).
        parameters = {"PLAN": self.plan_path(), "LIBRARY": self.library_folder(), "ONLY_DUE": True, "LOAD": False,
                      "ALLOW_LARGE": True}
        what = tr("The library's refresh")
        return self.runner.start([Job("ign_offline:run_plan", parameters, what)], lambda *done: None,
                                 lambda outcomes, cancelled: self._refresh_done(outcomes, cancelled, what))

    def _refresh_done(self, outcomes, cancelled, what):
        results = self.runner.outcome(outcomes, cancelled, what)
        if results is None:
            return
        records = json.loads(results.get("REFRESH") or "[]")
        found = refresh.totals(records)
        if not any(found[key] for key in ("new", "changed", "gone", "files_new", "files_changed")):
            self.runner.report(tr("Library refreshed: nothing changed."), Qgis.Info)
        else:
            self.runner.report(say("Library refreshed: tiles new {:,}, changed {:,}, gone {:,}; dataset files new "
                                   "{:,}, changed {:,}; {} received.", found["new"], found["changed"],
                                   found["gone"], found["files_new"], found["files_changed"],
                                   Size(found["bytes"])), Qgis.Success, self.library_folder())
        self.list_files(quiet=True)

    # -- the plan's entries, by clicks -------------------------------------------------------------------------

    def _edit_plan(self, change, layers=False):
        """`change(document, path, source, layers)` → (document, what to say, or None: nothing to save) saved into
        the plan (made in the library when none is chosen); the tables read again. `layers`: the server and layers
        ticked on the layers tab are needed. Whatever is refused is said, and the plan file is left as it was."""
        path = self.plan_path()
        try:
            source, picked = self.layers_page.plan_layers() if layers else (None, None)
            document = plans.read_document(path, source)
            document, said = change(document, path, source, picked)
            if said is None:
                return
            plans.save_document(document, path)
        except (IgnOfflineError, ValueError) as exc:  # said in the user's language either way
            self.log(said_reason(exc), error=True)
            return
        self.log(said)
        if layers and plans.holds_key(source):
            self.log(tr("The server's key is not written into the plan (a file in clear): run the plan with the key "
                        "as an account (AUTHCFG)."))
        self.show_plan_file(path)

    def _current_entry_fields(self, path):
        """The area (copied into the library when it is polygons) and zooms picked in the dock, as entry fields."""
        zoom_min, zoom_max = self.area_picker.zoom_range()
        area = plans.entry_area(self.area_picker.current_area(), self.library_folder(), path)
        return {"area": area, "zoom_min": zoom_min, "zoom_max": zoom_max}

    def add_to_plan(self):
        """One entry per layer ticked on the layers tab, over the dock's area and zooms."""
        def add(document, path, source, layers):
            fields = self._current_entry_fields(path)
            page = self.layers_page
            # A vector layer comes from the TMS service listed with it, its styles as the layers tab says.
            entries = [plans.make_entry(layer, fields["area"], fields["zoom_min"], fields["zoom_max"],
                                        page.layer_source(layer) or source, document.get("source"),
                                        style=page.vector_styles(layer) if page.layer_source(layer) else None)
                       for layer in layers]
            document, added = plans.add_entries(document, entries)
            if not added:
                self.log(tr("Already in the plan: nothing added."))
                return document, None
            return document, say(plural(added, "{} entry added to the plan {}.", "{} entries added to the plan {}.",
                                        added, path))

        self._edit_plan(add, layers=True)

    def selected_entries(self):
        return sorted({index.row() for index in self.planTable.selectedIndexes()})

    def edit_entries(self):
        """The selected entries take the dock's current area and zooms (their layers and servers stay)."""
        rows = self.selected_entries()
        if not rows:
            self.log(tr("Select the plan's entries to change in the table first."), error=True)
            return

        def edit(document, path, *_):
            fields = self._current_entry_fields(path)
            for row in rows:
                document = plans.replace_entry(document, row, **fields)
            return document, say(plural(len(rows), "{} entry of the plan changed.", "{} entries of the plan changed.",
                                        len(rows)))

        self._edit_plan(edit)

    def remove_entries(self):
        rows = self.selected_entries()
        if not rows:
            self.log(tr("Select the plan's entries to remove in the table first."), error=True)
            return
        self._edit_plan(lambda document, *_: (plans.remove_entries(document, rows), say(plural(
            len(rows), "{} entry removed from the plan.", "{} entries removed from the plan.", len(rows)))))

    def show_plan_file(self, path):
        """The plan `path` chosen and shown (through fileChanged when another one was chosen)."""
        if self.planFile.filePath().strip() != path:
            self.planFile.setFilePath(path)  # shows the plan, through fileChanged
        else:
            self.show_plan()

    def show_plan(self, *args):
        """The plan's entries (layer, area, zooms), then their tiles and how complete they are, read in a task."""
        self.planTable.setRowCount(0)
        if os.path.isfile(self.plan_path()):
            self.list_files(quiet=True)

    def show_entries(self, items):
        """`items`: inventory.EntryCompleteness of each entry, in the plan's order."""
        self.planTable.setRowCount(len(items))
        for row, item in enumerate(items):
            entry = item.entry
            values = (entry.layer, area_text(entry), "{}–{}".format(entry.zoom_min, entry.zoom_max),
                      number(item.planned), percent(item.present, item.planned))
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.planTable.setItem(row, column, cell)

    # -- the files ---------------------------------------------------------------------------------------------

    def list_files(self, quiet=False):
        """The library's files with their size, zooms, tiles and (with a plan) completeness, and the plan's entries
        with theirs, read in a task. `quiet`: a missing folder is no news (the plan alone is shown)."""
        folder, plan_path = self.library_folder(), self.plan_path()
        has_plan = os.path.isfile(plan_path)
        if not os.path.isdir(folder) and not (quiet and has_plan):
            self.log(say("The library folder {} does not exist yet: download something first.", folder), error=True)
            return
        self.listing += 1
        listing = self.listing

        def read(task):
            rows, unreadable = inventory.inventory_folder(folder) if os.path.isdir(folder) else ([], {})
            try:
                plan = plans.load_plan(plan_path) if has_plan else None
            except IgnOfflineError as exc:
                return rows, unreadable, [], exc.message
            items = inventory.completeness(plan, folder) if plan is not None else []
            return rows, unreadable, sorted(items, key=lambda item: item.entry.number), None

        def failed(message):
            if listing == self.listing:
                self.log(message, error=True)

        self.list_task = run_function(tr("IGN Offline: read the library"), read,
                                      lambda found: listing == self.listing and self.show_files(found), failed)

    def show_files(self, found):
        rows, unreadable, items, plan_error = found
        self.show_entries(items)
        if plan_error is not None:
            self.log(say(plan_error), error=True)
        shares = {}
        for item in items:
            planned, present = shares.get(item.file, (0, 0))
            shares[item.file] = (planned + item.planned, present + item.present)
        files = {}
        for row in rows:
            files.setdefault(row.path, []).append(row)
        self.filesTable.setRowCount(len(files))
        for index, (path, items) in enumerate(sorted(files.items())):
            share = shares.get(os.path.basename(path))
            values = (os.path.basename(path), size(os.path.getsize(path)),
                      "{}–{}".format(items[0].zoom, items[-1].zoom), number(sum(r.tiles for r in items)),
                      percent(share[1], share[0]) if share and share[0] else "")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(256, path)  # Qt.UserRole
                self.filesTable.setItem(index, column, item)
        for path, reason in unreadable.items():
            self.log(say("{}: {}", os.path.basename(path), reason), error=True)
        self.log(say(plural(len(files), "{} file in the library.", "{} files in the library.", len(files))))

    def selected_paths(self):
        rows = sorted({index.row() for index in self.filesTable.selectedIndexes()}) or range(
            self.filesTable.rowCount())
        return [self.filesTable.item(row, 0).data(256) for row in rows]

    def load_selected(self):
        for path in self.selected_paths():
            try:
                load_mbtiles(QgsProject.instance(), path)
            except ValueError as exc:
                self.log(said_reason(exc), error=True)

    def show_styles(self):
        """The styles saved beside the selected vector file (none for a raster or no selection)."""
        rows = sorted({index.row() for index in self.filesTable.selectedIndexes()})
        path = self.filesTable.item(rows[0], 0).data(256) if rows else None
        names = vector_styles.saved_styles(path) if path else []
        self.styleCombo.clear()
        for name in names:
            self.styleCombo.addItem(name, path)
        loaded = find_loaded(QgsProject.instance(), path) if names else None
        if loaded is not None and current_style(loaded) in names:
            self.styleCombo.setCurrentIndex(names.index(current_style(loaded)))
        self.styleCombo.setEnabled(bool(names))

    def apply_style(self, index):
        """One click: the selected vector file drawn with the style chosen (loaded first if it is not)."""
        path, style = self.styleCombo.itemData(index), self.styleCombo.itemText(index)
        try:
            load_vector_mbtiles(QgsProject.instance(), path, style)
        except (IgnOfflineError, ValueError) as exc:  # said in the user's language either way
            self.log(said_reason(exc), error=True)
            return
        self.log(say("{}: style '{}'.", os.path.basename(path), style))

    def show_coverage(self):
        """The inventory's coverage layer (one feature per file and zoom) in the project."""
        folder = self.library_folder()
        if not os.path.isdir(folder):
            self.start(tr("The library folder {} does not exist yet: download something first.").format(folder),
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
            self.start(tr("Save the project first: its offline copy is made from the saved file."), error=True)
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
            self.start(said_reason(exc), error=True)
            return

        path = project.fileName()
        try:
            area = self.area_picker.current_area()  # read by the picker already (its polygons: in the background)
        except IgnOfflineError:
            area = None  # not read yet: the algorithm weighs the copy itself

        def tiles():
            if area is None:
                return None
            return offline_copy.planned_weight(projects.read_project(path), area, zoom_min, zoom_max,
                                               parameters.get("LIBRARY"), areas.LARGE_JOB_TILES)

        quick = area is not None and coverage.count_cost(area, zoom_min, zoom_max) <= QUICK_COUNT
        self._confirm_then(parameters, tiles, folder, lambda: self.runner.start(
            [Job("ign_offline:make_project_offline", parameters, tr("The offline project"))], lambda *done: None,
            self._offline_done), at_once=quick)

    def _confirm_then(self, parameters, count, where, start, at_once=False):
        """Ask before a very large job (what the algorithm refuses without ALLOW_LARGE), then `start()` it; nothing
        starts when the user declines. `count()` gives its (tiles, exact, tile_bytes measured in the library or
        None), or None when it cannot weigh it; it runs in a task (a polygon's tiles, a plan's, take seconds to
        count; `at_once`: here, when it costs nothing). A plan or project it cannot read is left for the algorithm
        to refuse."""
        def weigh(task):
            try:
                return count()
            except (IgnOfflineError, OSError, ValueError):
                return None

        def weighed(found):
            if found is not None:
                allow = confirm_large_job(self, found[0], where, found[1], found[2])
                if allow is None:
                    self.start(tr("Nothing started: reduce the area or the zooms."))
                    return
                parameters.update(allow)
            start()

        self.runner.count_first(weigh, weighed, lambda why: self.start(why, error=True), at_once)

    def _offline_done(self, outcomes, cancelled):
        results = self.runner.outcome(outcomes, cancelled, outcomes[-1][0].label)
        if results is not None:
            settings.remember_field_folder(os.path.dirname(results["PROJECT_OFFLINE"]))  # the Field page's copies
            # The log has the algorithm's "Offline project: …" line already: the message bar alone says it is ready.
            self.runner.report(tr("Offline project ready: {} (copy the whole folder)").format(
                results["PROJECT_OFFLINE"]), Qgis.Success, os.path.dirname(results["PROJECT_OFFLINE"]), logged=False)

    def cleanup(self):
        super().cleanup()
        cancel_task(self.list_task)
