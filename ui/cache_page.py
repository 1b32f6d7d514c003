"""The dock's "Recover cache" page: scan QGIS's network cache, then recover its tile sets."""

import os

from qgis.core import QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWidget

from ..algorithms.layers import load_mbtiles
from ..algorithms.recover_cache import address_book, qgis_cache_directory
from ..core.cache_recovery import scan_cache
from ..core.storage import human_size
from .background import AlgorithmRun, cancel_task, run_function

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "cache_page.ui"))


class CachePage(QWidget, FORM_CLASS):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.scan_task = None
        self.run = None
        self.cacheDir.setStorageMode(QgsFileWidget.GetDirectory)
        self.cacheDir.setFilePath(qgis_cache_directory())
        self.outputDir.setStorageMode(QgsFileWidget.GetDirectory)
        self.outputDir.setFilePath(os.path.join(os.path.expanduser("~"), "IGN Offline", "from cache"))
        self.scanButton.clicked.connect(self.scan)
        self.recoverButton.clicked.connect(self.recover)

    def scan(self):
        """Read the cache's headers in a task and list its tile sets."""
        folder = self.cacheDir.filePath()

        def scanned(scan):
            self.scanButton.setEnabled(True)
            self.show_scan(scan)

        def failed(message):
            self.scanButton.setEnabled(True)
            self.log(message, error=True)

        self.scanButton.setEnabled(False)
        self.setsTable.setRowCount(0)
        self.log(self.tr("Scanning {}…").format(folder))
        book = address_book(QgsProject.instance())  # QGIS's settings and projects: read here, on the GUI thread
        self.scan_task = run_function(
            self.tr("IGN Offline: scan the QGIS cache"),
            lambda task: scan_cache(folder, progress=lambda f: task.setProgress(100 * f), is_cancelled=task.isCanceled,
                                    book=book),
            scanned, failed)

    def show_scan(self, scan):
        sets = sorted(scan.sets.values(), key=lambda item: -len(item.tiles))
        self.setsTable.setRowCount(len(sets))
        for row, tile_set in enumerate(sets):
            zooms = tile_set.zooms
            for column, text in enumerate((tile_set.key.layer, "{}–{}".format(zooms[0], zooms[-1]),
                                           str(len(tile_set.tiles)), human_size(tile_set.bytes))):
                self.setsTable.setItem(row, column, QTableWidgetItem(text))
        self.log(self.tr("{} files, {} tile sets, {} files skipped.").format(
            scan.files, len(sets), scan.files_skipped))
        self.recoverButton.setEnabled(bool(sets))

    def recover(self):
        if self.run is not None and not self.run.finished:
            return
        parameters = {"CACHE_DIR": self.cacheDir.filePath(), "OUTPUT_FOLDER": self.outputDir.filePath(),
                      "LOAD": False}
        try:
            self.run = AlgorithmRun("ign_offline:recover_cache", parameters, self._recovered,
                                    lambda percent: self.progressBar.setValue(int(percent)), self.log)
        except ValueError as exc:
            self.log(str(exc), error=True)
            return
        self.recoverButton.setEnabled(False)

    def _recovered(self, ok, results):
        self.recoverButton.setEnabled(True)
        if not ok:
            self.log(self.tr("The recovery did not finish."), error=True)
            return
        for path in filter(None, results["MBTILES"].split("\n")):
            try:
                load_mbtiles(QgsProject.instance(), path)
            except ValueError as exc:
                self.log(str(exc), error=True)
        self.log(self.tr("{} tiles recovered into {}.").format(results["TILES_RECOVERED"], results["OUTPUT_FOLDER"]))

    def log(self, text, error=False):
        self.logView.appendPlainText(("⚠ " if error else "") + text)

    def cleanup(self):
        if self.run is not None:
            self.run.cancel()
        cancel_task(self.scan_task)
