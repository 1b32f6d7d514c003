"""The dock's "QGIS cache" tab: scan QGIS's network cache, then recover its tile sets into the library folder."""

import os

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QTableWidgetItem

from ..core.cache.scan import scan_cache
from ..core.messages import plural
from ..core.storage import human_size
from ..i18n import number, reason, say, tr
from ..toolbelt.layers import load_mbtiles
from ..toolbelt.qgis_cache import address_book, qgis_cache_directory
from . import settings
from .background import cancel_task, run_function
from .page import Page
from .runner import Job

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "cache_page.ui"))
FOLDER_NAME = "QGIS cache"


class CachePage(Page, FORM_CLASS):
    RUN_BUTTONS = ("recoverButton",)

    def __init__(self, area_picker, library, iface, parent=None):
        super().__init__(area_picker, library, iface, parent)
        self.scan_task = None
        self.cacheDir.setStorageMode(QgsFileWidget.GetDirectory)
        self.cacheDir.setFilePath(qgis_cache_directory())
        self.remember({settings.CACHE: self.cacheDir})
        self.scanButton.clicked.connect(self.scan)
        self.recoverButton.clicked.connect(self.recover)
        self.recoverButton.setEnabled(False)

    def output_folder(self):
        return os.path.join(self.library_folder(), FOLDER_NAME)

    def scan(self):
        """Read the cache's headers in a task and list its tile sets."""
        folder = self.cacheDir.filePath()

        def scanned(scan):
            self.scanButton.setEnabled(True)
            self.show_scan(scan)

        def failed(message):
            self.scanButton.setEnabled(True)
            self.log(message, error=True)

        self.runner.start_fresh()
        self.scanButton.setEnabled(False)
        self.setsTable.setRowCount(0)
        self.log(say("Scanning {}…", folder))
        book = address_book(QgsProject.instance())  # QGIS's settings and projects: read here, on the GUI thread
        self.scan_task = run_function(
            tr("IGN Offline: scan the QGIS cache"),
            lambda task: scan_cache(folder, progress=lambda f: task.setProgress(100 * f), is_cancelled=task.isCanceled,
                                    book=book),
            scanned, failed)

    def show_scan(self, scan):
        sets = sorted(scan.sets.values(), key=lambda item: -len(item.tiles))
        self.setsTable.setRowCount(len(sets))
        for row, tile_set in enumerate(sets):
            zooms = tile_set.zooms
            for column, text in enumerate((tile_set.key.layer, "{}–{}".format(zooms[0], zooms[-1]),
                                           number(len(tile_set.tiles)), say(human_size(tile_set.bytes)))):
                self.setsTable.setItem(row, column, QTableWidgetItem(text))
        self.log(say("{}, {}, {}.", plural(scan.files, "{:,} file", "{:,} files", scan.files),
                     plural(len(sets), "{:,} tile set", "{:,} tile sets", len(sets)),
                     plural(scan.files_skipped, "{:,} file skipped", "{:,} files skipped", scan.files_skipped)))
        self.recoverButton.setEnabled(bool(sets))

    def recover(self):
        parameters = {"CACHE_DIR": self.cacheDir.filePath(), "OUTPUT_FOLDER": self.output_folder(), "LOAD": False}
        self.runner.start([Job("ign_offline:recover_cache", parameters, tr("Recovery"))], self._recovered_one,
                          self._recovered_all)

    def _recovered_one(self, job, ok, results):
        for path in filter(None, (results.get("MBTILES") or "").split("\n")):
            try:
                load_mbtiles(QgsProject.instance(), path)
            except ValueError as exc:
                self.log(reason(exc), error=True)

    def _recovered_all(self, outcomes, cancelled):
        results = self.runner.outcome(outcomes, cancelled, tr("The recovery"))
        if results is None:
            return
        recovered = results["TILES_RECOVERED"]
        self.runner.report(say(plural(recovered, "{:,} tile recovered from the QGIS cache into {}.",
                                      "{:,} tiles recovered from the QGIS cache into {}.", recovered,
                                      results["OUTPUT_FOLDER"])),
            Qgis.Success if results["TILES_RECOVERED"] else Qgis.Warning, results["OUTPUT_FOLDER"])

    def cleanup(self):
        super().cleanup()
        cancel_task(self.scan_task)
