"""The dock's "FTP" page: list a server's products, preview the tiles of the area, download them."""

import os

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWidget

from ..algorithms.download_ftp import load_vrt
from ..core.ftp import DEFAULT_HOST, FtpServer, check_host, connect
from ..core.ftp_products import DEFAULT_EPSG, find_products, name_footprint, select
from ..core.errors import IgnOfflineError
from ..core.storage import human_size
from .background import AlgorithmRun, cancel_task, run_function

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "ftp_page.ui"))


class FtpPage(QWidget, FORM_CLASS):
    def __init__(self, area_page, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.area_page = area_page
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.products = []
        self.list_task = None
        self.run = None
        self.footprints = QgsRubberBand(self.canvas, QgsWkbTypes.PolygonGeometry)
        self.footprints.setStrokeColor(QColor(41, 98, 255))
        self.footprints.setFillColor(QColor(41, 98, 255, 50))
        self.footprints.setWidth(1)
        self.hostEdit.setText(DEFAULT_HOST)
        self.outputDir.setStorageMode(QgsFileWidget.GetDirectory)
        self.outputDir.setFilePath(os.path.join(os.path.expanduser("~"), "IGN Offline", "FTP"))
        self.listButton.clicked.connect(self.list_products)
        self.productsTable.itemSelectionChanged.connect(self.preview)
        self.area_page.selectionChanged.connect(self.preview)
        self.downloadButton.clicked.connect(self.download)
        self.cancelButton.clicked.connect(self.cancel)

    # -- listing (network: in a task) -----------------------------------------------------------------------

    def server(self):
        port = self.portSpin.value()
        return FtpServer(check_host(self.hostEdit.text(), port), port)

    def list_products(self):
        try:
            server = self.server()
        except IgnOfflineError as exc:
            self.log(str(exc), error=True)
            return

        def work(task):
            connection = connect(server)
            try:
                return find_products(connection, "/", 3, task.isCanceled)
            finally:
                connection.close()

        def listed(products):
            self.listButton.setEnabled(True)
            self.show_products(products)

        def failed(message):
            self.listButton.setEnabled(True)
            self.log(message, error=True)

        self.listButton.setEnabled(False)
        self.log(self.tr("Listing {}…").format(server.label))
        self.list_task = run_function(self.tr("IGN Offline: list FTP products"), work, listed, failed)

    def show_products(self, products):
        self.products = sorted(products, key=lambda p: p.path)
        self.productsTable.setRowCount(len(self.products))
        for row, listing in enumerate(self.products):
            size = human_size(sum(t.size or 0 for t in listing.tiles))
            for column, text in enumerate((listing.info.title, str(len(listing.tiles)), size, listing.path)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, row)
                self.productsTable.setItem(row, column, item)
        self.log(self.tr("{} products.").format(len(self.products)))
        if self.products:
            self.productsTable.selectRow(0)

    def selected_product(self):
        rows = {index.row() for index in self.productsTable.selectionModel().selectedRows()}
        return self.products[min(rows)] if rows and self.products else None

    # -- preview of the tiles the download would fetch ---------------------------------------------------------

    def tiles_in_area(self, listing):
        """The product's tiles that touch the dock's area, and their boxes (from their names)."""
        crs = QgsCoordinateReferenceSystem("EPSG:{}".format(listing.epsg or DEFAULT_EPSG))
        area = self.area_page.current_area()
        to_product = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
        rect = to_product.transformBoundingBox(QgsRectangle(*area.bbox))
        boxes = {t.file_name: name_footprint(t) for t in listing.tiles}
        chosen = select(listing.tiles, boxes, (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()))
        return chosen, {t.file_name: boxes[t.file_name] for t in chosen}, crs

    def preview(self):
        self.footprints.reset(QgsWkbTypes.PolygonGeometry)
        listing = self.selected_product()
        self.downloadButton.setEnabled(listing is not None)
        if listing is None:
            return
        try:
            chosen, boxes, crs = self.tiles_in_area(listing)
        except IgnOfflineError as exc:
            self.selectionLabel.setText(str(exc))
            return
        to_canvas = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        for box in boxes.values():
            geometry = QgsGeometry.fromRect(QgsRectangle(*box))
            geometry.transform(to_canvas)
            self.footprints.addGeometry(geometry, None)
        size = human_size(sum(t.size or 0 for t in chosen))
        if chosen:
            self.selectionLabel.setText(self.tr("{} of {} tiles in the area ({}), drawn in blue.").format(
                len(chosen), len(listing.tiles), size))
        else:
            self.selectionLabel.setText(self.tr("No tile of this product in the area: it covers département {}.").format(
                ", ".join(listing.departements) or "?"))

    # -- download (the download_ftp algorithm, in the task manager) -------------------------------------------

    def parameters(self):
        listing = self.selected_product()
        if listing is None:
            raise ValueError(self.tr("List the products and pick one first."))
        parameters = {"HOST": self.hostEdit.text().strip(), "PORT": self.portSpin.value(), "PRODUCT": listing.path,
                      "OUTPUT_FOLDER": self.outputDir.filePath(), "CONNECTIONS": self.connectionsSpin.value(),
                      "LOAD": False}
        parameters.update(self.area_page.area_parameters(polygons=False))  # download_ftp takes boxes
        return parameters

    def download(self):
        if self.run is not None and not self.run.finished:
            return
        try:
            self.run = AlgorithmRun("ign_offline:download_ftp", self.parameters(), self._downloaded,
                                    lambda percent: self.progressBar.setValue(int(percent)), self.log)
        except ValueError as exc:
            self.log(str(exc), error=True)
            return
        self._title = self.selected_product().info.title
        self.progressBar.setValue(0)
        self._busy(True)

    def _busy(self, busy):
        self.downloadButton.setEnabled(not busy)
        self.cancelButton.setEnabled(busy)

    def cancel(self):
        if self.run is not None:
            self.run.cancel()

    def _downloaded(self, ok, results):
        self._busy(False)
        bar = self.iface.messageBar()
        if not ok:
            bar.pushMessage(self.tr("IGN Offline"), self.tr("The FTP download did not finish: see the FTP page."),
                            Qgis.Warning, 8)
            return
        summary = self.tr("{} files downloaded ({}), {} already there, {} failed.").format(
            results["FILES_DOWNLOADED"], human_size(results["BYTES"]), results["FILES_SKIPPED"],
            results["FILES_FAILED"])
        self.log(summary)
        if results["VRT"]:
            try:
                load_vrt(QgsProject.instance(), results["VRT"], self._title)
            except ValueError as exc:
                self.log(str(exc), error=True)
        bar.pushMessage(self.tr("IGN Offline"), summary,
                        Qgis.Success if not results["FILES_FAILED"] else Qgis.Warning, 8)

    def log(self, text, error=False):
        self.logView.appendPlainText(("⚠ " if error else "") + text)

    def cleanup(self):
        self.cancel()
        cancel_task(self.list_task)
        self.area_page.selectionChanged.disconnect(self.preview)
        self.footprints.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.footprints)
        self.footprints = None
