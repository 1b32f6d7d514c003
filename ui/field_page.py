"""The dock's "Field" tab: library files taken to the field. Pick the files (or everything the library holds for
the area), the app (a target of core.field.exports: QField, OsmAnd, Locus, AlpineQuest, Avenza, a web page) and a
size cap per file; the area and zooms are the picker's. The expected size is shown before anything runs; Export
runs ign_offline:export_tiles once per file into `<library>/exports/<target>/`, named by layer, area and zooms."""

import os
import time

from qgis.core import Qgis
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFileDialog, QListWidgetItem

from ..core import mbtiles
from ..core.errors import IgnOfflineError
from ..core.field import exports, folder_sync, formats
from ..core.library import inventory
from ..core.messages import Message, Size, plural
from ..core.tiles import coverage
from ..i18n import reason as said_reason
from ..i18n import say, tr
from . import settings
from .background import LatestRun, cancel_task, run_function
from .page import Page
from .runner import Job

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "field_page.ui"))

PATH_ROLE = Qt.UserRole
NO_CAP, CUSTOM_CAP = 0, -1


def read_library(folder):
    """[(path, layer title, (lowest, highest zoom) or None)] of the library's MBTiles; files that cannot be read
    are left out with their reason ({path: reason})."""
    files, unreadable = [], {}
    for path in inventory.library_files(folder) if os.path.isdir(folder) else []:
        try:
            with mbtiles.MBTilesReader(path) as reader:
                title = reader.metadata().get("name", "")
            files.append((path, title or os.path.splitext(os.path.basename(path))[0], exports.zoom_span(path)))
        except IgnOfflineError as exc:
            unreadable[path] = said_reason(exc)
    return files, unreadable


def measure(paths, area, zoom_min, zoom_max, is_cancelled=None):
    """(files with tiles in the subset, tiles, bytes) an export of `paths` is expected to write, and the paths
    that hold no tile of it."""
    ranges = [r for z in range(zoom_min, zoom_max + 1) for r in coverage.area_ranges(area, z)]
    files = tiles = size = 0
    empty = set()
    for path in paths:
        if is_cancelled and is_cancelled():
            break
        count, expected = exports.expected_size(path, zoom_min, zoom_max, ranges)
        if count:
            files, tiles, size = files + 1, tiles + count, size + expected.bytes
        else:
            empty.add(path)
    return files, tiles, size, empty


class FieldPage(Page, FORM_CLASS):
    RUN_BUTTONS = ("exportButton", "listButton", "updateButton", "addFolderButton", "measureButton")

    def __init__(self, area_picker, library, iface, parent=None):
        super().__init__(area_picker, library, iface, parent)
        self.list_task = None
        # update_size's measures: a superseded one (the choice changed meanwhile) neither clears the newer one's
        # place nor writes its own words over the newer measure's
        self.measuring = LatestRun(tr("IGN Offline: measure the export"))
        self.closed = False  # after cleanup: a read that ends later finds no widgets to fill
        self.files = []  # [(path, title, zoom span)] of the library, as last read
        self.read_from = None  # the library folder last read (None: not read yet)
        self.empty = set()  # the files the last measure found no tile in, for the area and zooms
        # The device copies (exports, offline folders) and their patches' sizes, measured in a task: the latest only
        self.measuring_copies = LatestRun(tr("IGN Offline: measure the device copies' patches"))
        self.copies = []  # folder_sync.DeviceCopy, as last measured
        for target in formats.TARGETS:
            self.targetCombo.addItem(say(target.label), target.name)
        self.capCombo.addItem(tr("No limit"), NO_CAP)
        self.capCombo.addItem(tr("2000 MB (apps)"), formats.APPS_MB)
        self.capCombo.addItem(tr("4000 MB (FAT32 SD card)"), formats.FAT32_MB)
        self.capCombo.addItem(tr("Custom"), CUSTOM_CAP)
        self.remember({settings.FIELD_TARGET: self.targetCombo, settings.FIELD_ALL: self.allCheck,
                       settings.FIELD_CAP_MB: self.capSpin})
        self._target_changed()
        self.remember({settings.FIELD_FORMAT: self.formatCombo, settings.FIELD_CAP: self.capCombo,
                       settings.FIELD_VERIFY: self.verifyCheck})
        self.targetCombo.currentIndexChanged.connect(self._target_changed)
        self.capCombo.currentIndexChanged.connect(self._cap_changed)
        self._cap_changed()
        self.allCheck.toggled.connect(self._all_toggled)
        self.filesList.itemChanged.connect(self._ticks_changed)
        self.formatCombo.currentIndexChanged.connect(lambda *_: self.update_size())
        self.area_picker.selectionChanged.connect(self.update_size)
        self.library.changed.connect(lambda *_: self.list_files())
        self.listButton.clicked.connect(self.list_files)
        self.exportButton.clicked.connect(self.export)
        self.openFolderButton.clicked.connect(self.open_exports)
        self.library.changed.connect(lambda *_: self.measure_copies())
        self.updateButton.clicked.connect(self.update_copy)
        self.addFolderButton.clicked.connect(self.add_folder)
        self.measureButton.clicked.connect(self.measure_copies)
        self.list_files()
        self.measure_copies()

    # -- choices -------------------------------------------------------------------------------------------------

    def target(self):
        return formats.target(self.targetCombo.currentData())

    def _target_changed(self, *_):
        """The formats the app opens (its best first) and where its files go; its size cap offered."""
        target = self.target()
        self.formatCombo.blockSignals(True)
        self.formatCombo.clear()
        for name in target.formats:
            chosen = formats.export_format(name)
            if chosen.writer is not None:  # made from library MBTiles
                self.formatCombo.addItem("{} ({})".format(chosen.title, chosen.extension), name)
        self.formatCombo.blockSignals(False)
        self.notesLabel.setText(say(target.notes))
        index = self.capCombo.findData(target.cap_mb)
        if index >= 0 and self.capCombo.currentData() != CUSTOM_CAP:
            self.capCombo.setCurrentIndex(index)
        self.update_size()

    def _cap_changed(self, *_):
        self.capSpin.setVisible(self.capCombo.currentData() == CUSTOM_CAP)
        self.update_size()

    def cap_mb(self):
        """The size per file at most, in MB; 0: no split."""
        data = self.capCombo.currentData()
        return self.capSpin.value() if data == CUSTOM_CAP else (data or 0)

    def _all_toggled(self, checked):
        self.filesList.setEnabled(not checked)
        self.update_size()

    def _ticks_changed(self, *_):
        settings.store_json(settings.FIELD_FILES, [os.path.basename(p) for p in self.ticked_paths(all_files=False)])
        self.update_size()

    def ticked_paths(self, all_files=None):
        """The files to export: every library file with "everything…" ticked, else the ticked ones."""
        every = self.allCheck.isChecked() if all_files is None else all_files
        items = [self.filesList.item(row) for row in range(self.filesList.count())]
        return [item.data(PATH_ROLE) for item in items if every or item.checkState() == Qt.Checked]

    # -- the library's files ----------------------------------------------------------------------------------

    def list_files(self):
        """The library's MBTiles (title, file, zooms), read in a task: a library can hold large files."""
        cancel_task(self.list_task)
        folder = self.library_folder()
        self.list_task = run_function(tr("IGN Offline: read the library"), lambda task: read_library(folder),
                                      lambda found: self.show_files(found, folder), self._read_failed)

    def _read_failed(self, message):
        self.list_task = None
        if not self.closed:
            self.log(message, error=True)

    def showEvent(self, event):  # noqa: N802 (Qt API name)
        """Read the library again each time the tab is shown: files downloaded meanwhile are listed."""
        super().showEvent(event)
        if not self.runner.busy:
            self.list_files()
            self.measure_copies()

    def show_files(self, found, found_in=None):
        self.list_task = None
        if self.closed:
            return
        self.files, unreadable = found
        kept = set(settings.json_value(settings.FIELD_FILES, []))
        self.filesList.blockSignals(True)
        self.filesList.clear()
        for path, title, span in self.files:
            zooms = "z{}–{}".format(*span) if span else tr("no tile")
            item = QListWidgetItem("{} — {} ({})".format(title, os.path.basename(path), zooms))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if os.path.basename(path) in kept else Qt.Unchecked)
            item.setData(PATH_ROLE, path)
            self.filesList.addItem(item)
        self.filesList.blockSignals(False)
        for path, reason in unreadable.items():
            self.log("{}: {}".format(os.path.basename(path), reason), error=True)
        self.read_from = found_in  # said under the list (not in the log, where it would outlive the next read)
        self.update_size()

    # -- the expected size ------------------------------------------------------------------------------------

    def update_size(self, *_):
        """What the export would write, measured in a task (it reads the files' indexes) and shown before Export."""
        self.measuring.stop()
        self.empty = set()
        paths = self.ticked_paths()
        if not paths:
            self.sizeLabel.setText(self.nothing_ticked_text())
            return
        try:
            area = self.area_picker.current_area()
        except IgnOfflineError as exc:
            self.sizeLabel.setText(say(exc.message))
            return
        low, high = self.area_picker.zoom_range()
        cap = self.cap_mb()
        self.sizeLabel.setText(tr("Measuring the export…"))

        def shown(result):
            if result is None or self.closed:
                return
            files, tiles, size, self.empty = result
            self.sizeLabel.setText(self.size_text(files, tiles, size, cap))

        def failed(message):
            if not self.closed:
                self.sizeLabel.setText(message)

        self.measuring.start(lambda task: measure(paths, area, low, high, task.isCanceled), shown, failed)

    @property
    def size_task(self):
        """The task measuring the export, until it ends (None: no measure under way)."""
        return self.measuring.task

    def nothing_ticked_text(self):
        """Why nothing is measured: the library read holds no MBTiles, or no file is ticked."""
        if not self.files and self.read_from is not None:
            return say("The library folder {} holds no MBTiles yet: download layers first.", self.read_from)
        return tr("Tick library files to export (or everything for this area).")

    @staticmethod
    def size_text(files, tiles, size, cap):
        if not tiles:
            return tr("The ticked files hold no tile in this area at these zooms: pick another area or zooms.")
        text = say(plural(files, "Expected: {:,} tiles, about {} in {} file.", "Expected: {:,} tiles, about {} in "
                          "{} files.", tiles, Size(size), files))
        if cap and size > cap * 1e6:
            text += " " + say("Files over {:,} MB are split into parts.", cap)
        return text

    # -- exporting ------------------------------------------------------------------------------------------------

    def exports_folder(self):
        return os.path.join(self.library_folder(), "exports", self.target().name)

    def jobs(self):
        """One export_tiles run per file, named by layer, area and zooms; and what is said of the files left out
        (no tile in the area at these zooms)."""
        target, kind = self.target(), self.formatCombo.currentData()
        area = self.area_picker.current_area()
        low, high = self.area_picker.zoom_range()
        spans = {path: (title, span) for path, title, span in self.files}
        jobs, left_out = [], []
        for path in self.ticked_paths():
            title, span = spans.get(path, (os.path.basename(path), None))
            if span is None or span[1] < low or span[0] > high or path in self.empty:
                left_out.append(say("{}: no tile in this area at zooms {}-{}, left out.", title, low, high))
                continue
            output = formats.default_output(self.library_folder(), target.name, title, area.title,
                                            max(low, span[0]), min(high, span[1]), kind)
            parameters = dict(self.area_picker.area_parameters(), INPUT=path, TARGET=target.name, FORMAT=kind,
                              OUTPUT=output, ZOOM_MIN=low, ZOOM_MAX=high, MAX_FILE_MB=self.cap_mb(), LOAD=False)
            jobs.append(Job("ign_offline:export_tiles", parameters, title, area.title))
        return jobs, left_out

    def export(self):
        if self.runner.busy:
            return
        try:
            jobs, left_out = self.jobs()
        except IgnOfflineError as exc:
            self.log(say(exc.message), error=True)
            return
        if jobs:
            self.runner.start(jobs, lambda *done: None, self._exported)
        for line in left_out:  # after the runner's fresh start, which clears the log
            self.log(line)
        if not jobs:
            self.log(tr("Nothing to export: tick library files that hold tiles at these zooms."), error=True)

    def _exported(self, outcomes, cancelled):
        what = tr("The export")
        written = [path for _, ok, results in outcomes if ok for path in results.get("OUTPUTS", "").splitlines()]
        if cancelled:
            self.runner.report_cancel(what)
        elif not written or not all(ok for _, ok, _ in outcomes):
            self.runner.report_failure(what)
        else:
            self.runner.report(say(plural(len(written), "{:,} file exported into {}.", "{:,} files exported into {}.",
                                          len(written), self.exports_folder())), Qgis.Success, self.exports_folder())

    def open_exports(self):
        """The target's exports folder in the file manager; said in the log when none can be opened."""
        folder = self.exports_folder()
        if self.runner.opened(folder) is False:
            self.log(say("No file manager could be opened: the exports are in {}", folder), error=True)

    # -- the device copies ---------------------------------------------------------------------------------

    def measure_copies(self, *_):
        """Each known copy (the library's exports, the offline folders remembered) with the size of its patch,
        measured in a task: both files of each copy are read."""
        library, folders = self.library_folder(), settings.field_folders()
        self.copyLabel.setText(tr("Measuring the patches of the device copies…"))

        def shown(copies):
            if copies is None or self.closed:
                return
            self.show_copies(copies)

        def failed(message):
            if not self.closed:
                self.copyLabel.setText(message)

        self.measuring_copies.start(lambda task: folder_sync.survey(library, folders, task.isCanceled), shown,
                                    failed)

    @property
    def copies_task(self):
        """The task measuring the device copies, until it ends (None: none under way)."""
        return self.measuring_copies.task

    def show_copies(self, copies):
        chosen = self.chosen_copy()
        self.copies = copies
        self.copiesList.clear()
        for index, copy in enumerate(copies):
            item = QListWidgetItem(self.copy_text(copy))
            item.setData(PATH_ROLE, index)
            item.setToolTip("\n".join([copy.path] + ["{}: {}".format(os.path.basename(state.path), say(state.reason))
                                                     for state in copy.refused]))
            self.copiesList.addItem(item)
            if chosen is not None and copy.path == chosen.path:
                self.copiesList.setCurrentItem(item)
        if copies:
            self.copyLabel.setText(tr("Choose a copy, then Update: in place when it can be written, else its patch "
                                      "is written into the library's exports/patches folder, to carry."))
        else:
            self.copyLabel.setText(tr("No device copy yet: export MBTiles above, or add an offline project folder."))

    @staticmethod
    def copy_text(copy, now=None):
        """One line: the copy's name, its age, what its patch holds (or why it cannot be patched)."""
        name = os.path.basename(os.path.normpath(copy.path)) + (os.sep if copy.folder else "")
        if copy.modified is None:
            return " — ".join((name, tr("not there: connect the device, then Measure")))
        days = int(max(0, (now or time.time()) - copy.modified) // 86400)
        parts = [say(plural(days, "written {:,} day ago", "written {:,} days ago", days)) if days
                 else tr("written today")]
        if not copy.states:
            parts.append(tr("no MBTiles"))
        elif copy.tiles:
            parts.append(say(plural(copy.tiles, "patch {} ({:,} tile)", "patch {} ({:,} tiles)",
                                    Size(copy.patch_bytes), copy.tiles)))
        elif len(copy.refused) < len(copy.states):
            parts.append(tr("up to date"))
        if copy.refused:
            parts.append(say(plural(len(copy.refused), "{:,} file cannot be patched", "{:,} files cannot be patched",
                                    len(copy.refused))))
        return " — ".join((name, ", ".join(parts)))

    def chosen_copy(self):
        item = self.copiesList.currentItem()
        if item is None or not 0 <= item.data(PATH_ROLE) < len(self.copies):
            return None
        return self.copies[item.data(PATH_ROLE)]

    def choose_folder(self):
        return QFileDialog.getExistingDirectory(self, tr("Offline project folder"))

    def add_folder(self):
        folder = self.choose_folder()
        if folder:
            settings.remember_field_folder(folder)
            self.measure_copies()

    def update_copy(self):
        """The chosen copy updated in place by its patch when it can be written (sync_field_folder for a folder,
        make_patch then apply_patch for an export: its patch is kept for the phone's copy of that export); else
        its patches written into <library>/exports/patches/, to carry."""
        if self.runner.busy:
            return
        copy = self.chosen_copy()
        if copy is None:
            self.start(tr("Choose a device copy in the list first."), error=True)
            return
        library = self.library_folder()
        if not os.path.exists(copy.path):
            self.start(say("{} is not there: connect the device (or its card), then Measure.", copy.path), error=True)
            return
        if copy.folder and copy.reachable:
            settings.remember_field_folder(copy.path)
            jobs = [Job("ign_offline:sync_field_folder", {"FOLDER": copy.path, "LIBRARY": library,
                                                          "VERIFY": self.verifyCheck.isChecked()},
                        os.path.basename(os.path.normpath(copy.path)))]
            on_all = lambda outcomes, cancelled: self._updated(copy, outcomes, cancelled)  # noqa: E731
        else:
            jobs = self.patch_jobs(copy, library)
            on_all = lambda outcomes, cancelled: self._made(copy, library, outcomes, cancelled)  # noqa: E731
        if not jobs:
            self.start(tr("No file of this copy can be patched: see the reasons in its tooltip."), error=True)
            return
        os.makedirs(folder_sync.patches_folder(library), exist_ok=True)
        self.runner.start(jobs, lambda *done: None, on_all)

    @staticmethod
    def patch_jobs(copy, library):
        """make_patch of each patchable MBTiles of `copy` under its making_name in the library's exports/patches/
        (_made then keeps it under its chain name, or drops it when it changes nothing)."""
        jobs = []
        for state in copy.states:
            if state.reason is not None:
                continue
            source = state.source  # as the background measure found it: nothing read on the GUI thread
            patch = folder_sync.making_name(library, state.path, copy.path if copy.folder else None)
            jobs.append(Job("ign_offline:make_patch", {"INPUT": source, "BASE": state.path, "OUTPUT": patch},
                            os.path.basename(state.path)))
        return jobs

    def _made(self, copy, library, outcomes, cancelled):
        """The patches made kept under their chain names (a patch that changes nothing dropped: no patch kept
        for devices is ever replaced); for a reachable copy, applied to it in place."""
        if cancelled or not all(ok for _, ok, _ in outcomes):
            for job, _, _ in outcomes:
                folder_sync.remove_patch(job.parameters["OUTPUT"])
            self._updated(copy, outcomes, cancelled)
            return
        kept, pruned = [], []
        try:
            for job, _, _ in outcomes:
                base, folder = job.parameters["BASE"], copy.path if copy.folder else None
                patch = folder_sync.keep_patch(job.parameters["OUTPUT"], library, base, folder)
                if patch:
                    kept.append((base, patch))
                    removed = folder_sync.prune_patches(library, base, patch, folder)
                    if removed:
                        pruned.append(say(plural(
                            len(removed), "{:,} older patch of {} removed: a device that far behind moves less by a "
                            "fresh copy of the file.", "{:,} older patches of {} removed: a device that far behind "
                            "moves less by a fresh copy of the file.", len(removed), os.path.basename(base))))
        except IgnOfflineError as exc:
            self.runner.log(said_reason(exc), error=True)
            self.runner.report_failure(tr("The update"))
            return
        if copy.reachable and kept:
            jobs = [Job("ign_offline:apply_patch", {"PATCH": patch, "TARGET": base,
                                                    "VERIFY": self.verifyCheck.isChecked()}, os.path.basename(base))
                    for base, patch in kept]
            self.runner.start(jobs, lambda *done: None,
                              lambda applied, stopped: self._updated(copy, applied, stopped, kept, pruned))
        else:
            self._updated(copy, outcomes, False, kept, pruned)

    def _chains(self, copy, kept):
        """The names of the patches a device's copy of each updated file applies, in order, up to now."""
        library = self.library_folder()
        names = []
        for base, patch in kept:
            chain = folder_sync.patch_chain(library, base, folder_sync.link_of(patch)[1],
                                            copy.path if copy.folder else None)
            names.append(tr(", then ").join(os.path.basename(name) for name in chain or [patch]))
        return "; ".join(names)

    def _updated(self, copy, outcomes, cancelled, kept=(), pruned=()):
        what = tr("The update")
        name = os.path.basename(os.path.normpath(copy.path))
        patches = folder_sync.patches_folder(self.library_folder())
        if cancelled:
            self.runner.report_cancel(what)
        elif not all(ok for _, ok, _ in outcomes):
            self.runner.report_failure(what)
        elif outcomes[0][0].algorithm_id == "ign_offline:sync_field_folder":
            results = outcomes[0][2]
            self.runner.report(say(Message("{}: {} moved by patches, where a full copy would move {}.", name,
                                           Size(int(results.get("BYTES_MOVED") or 0)),
                                           Size(int(results.get("FULL_COPY_BYTES") or 0)))))
        elif not kept:
            self.runner.report(say("{} is already current: no patch written, the patches kept in {} left as they "
                                   "are.", name, patches), Qgis.Success, patches)
        elif copy.reachable:
            self.runner.report(say("{} updated in place. For the device's copy of it, the patches kept in {}, to "
                                   "apply in order from the one starting at the copy's own hash (apply_patch, or "
                                   "martin's mbtiles apply-patch): {}.", name, patches, self._chains(copy, kept)),
                               Qgis.Success, patches)
        else:
            self.runner.report(say(plural(len(kept), "{} cannot be written here: {:,} patch written into {}, to "
                                          "carry to the device and apply there (apply_patch, or martin's mbtiles "
                                          "apply-patch): {}.", "{} cannot be written here: {:,} patches written "
                                          "into {}, to carry to the device and apply there (apply_patch, or "
                                          "martin's mbtiles apply-patch): {}.", name, len(kept), patches,
                                          "; ".join(os.path.basename(patch) for _, patch in kept))),
                               Qgis.Success, patches)
        for line in pruned:
            self.runner.log(line)
        self.measure_copies()

    def cleanup(self):
        self.closed = True
        cancel_task(self.list_task)
        self.measuring.stop()
        self.measuring_copies.stop()
        super().cleanup()
