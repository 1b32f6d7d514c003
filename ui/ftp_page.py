"""The dock's "Orthophotos, MNS (FTP)" tab: list a server's products, preview the tiles of the area, use a product's
coverage as the area, download into the library folder."""

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
from qgis.gui import QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QTableWidgetItem

from ..core.errors import IgnOfflineError
from ..core.ftp.client import DEFAULT_HOST, DOCK_FIELDS, FtpServer, check_host, connect
from ..core.ftp.products import DEFAULT_EPSG, find_products, name_footprint, select, union
from ..core.messages import plural
from ..core.storage import human_size
from ..core.tiles import grid
from ..i18n import number, reason, say, tr
from ..toolbelt.areas import area_in_crs
from ..toolbelt.layers import load_vrt
from . import settings
from .background import cancel_task, run_function
from .page import Page
from .runner import Job

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "ftp_page.ui"))
WGS84 = QgsCoordinateReferenceSystem(grid.WGS84)
# download_ftp run from here names the dock's fields (core.ftp.client.DOCK_FIELDS) when the server fails
DOCK = {"FIELDS": "dock"}


def explain(info):
    """What a product's name says, in words:
    'Orthophoto, natural colours (RVB), 0.20 m pixels, département 67, 2015'."""
    kinds = {"OHR": tr("Orthophoto (high resolution)"), "ORTHO": tr("Orthophoto"), "MNS": tr("Surface model (MNS)"),
             "MNT": tr("Terrain model (MNT)")}
    options = {"RVB": tr("natural colours (RVB)"), "IRC": tr("infrared false colours (IRC)")}
    parts = [kinds.get(info.product.upper(), info.product), options.get(info.option.upper(), info.option)]
    if info.resolution_m:
        parts.append(say("{:.2f} m pixels", info.resolution_m))
    if info.departement:
        parts.append(say("département {}", info.departement))
    parts.append(info.year)
    return ", ".join(p for p in parts if p)


class FtpPage(Page, FORM_CLASS):
    RUN_BUTTONS = ("downloadButton",)

    def __init__(self, area_picker, library, iface, parent=None):
        super().__init__(area_picker, library, iface, parent)
        self.canvas = iface.mapCanvas()
        self.products = []
        self.list_task = None
        self.footprints = QgsRubberBand(self.canvas, QgsWkbTypes.PolygonGeometry)
        self.footprints.setStrokeColor(QColor(41, 98, 255))
        self.footprints.setFillColor(QColor(41, 98, 255, 50))
        self.footprints.setWidth(1)
        self.hostEdit.setText(DEFAULT_HOST)
        self.remember({settings.FTP_HOST: self.hostEdit, settings.FTP_PORT: self.portSpin,
                       settings.FTP_CONNECTIONS: self.connectionsSpin})
        self.listButton.clicked.connect(self.list_products)
        self.productsTable.itemSelectionChanged.connect(self.preview)
        self.area_picker.selectionChanged.connect(self.preview)
        self.canvas.destinationCrsChanged.connect(self.preview)
        self.zoomCoverageButton.clicked.connect(self.zoom_to_coverage)
        self.useCoverageButton.clicked.connect(self.use_coverage)
        self.downloadButton.clicked.connect(self.download)

    # -- listing (network: in a task) -----------------------------------------------------------------------

    def server(self):
        port = self.portSpin.value()
        # said in the dock's words, not the Processing parameters' (HOST, PORT); its downloads say them too (DOCK)
        return FtpServer(check_host(self.hostEdit.text(), port, DOCK_FIELDS), port, fields=DOCK_FIELDS[2],
                         listing=DOCK_FIELDS[3])

    def list_products(self):
        self.runner.start_fresh()
        try:
            server = self.server()
        except IgnOfflineError as exc:
            self.log(reason(exc), error=True)
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
        self.log(say("Listing {}…", server.label))
        self.list_task = run_function(tr("IGN Offline: list FTP products"), work, listed, failed)

    def show_products(self, products):
        self.products = sorted(products, key=lambda p: p.path)
        self.productsTable.setRowCount(len(self.products))
        for row, listing in enumerate(self.products):
            size = say(human_size(sum(t.size or 0 for t in listing.tiles)))
            for column, text in enumerate((listing.info.title, number(len(listing.tiles)), size, listing.path)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, row)
                item.setToolTip(explain(listing.info))
                self.productsTable.setItem(row, column, item)
        self.log(say(plural(len(self.products), "{:,} product.", "{:,} products.", len(self.products))))
        if self.products:
            self.productsTable.selectRow(0)

    def selected_product(self):
        rows = {index.row() for index in self.productsTable.selectionModel().selectedRows()}
        return self.products[min(rows)] if rows and self.products else None

    # -- coverage and preview ---------------------------------------------------------------------------------

    @staticmethod
    def product_crs(listing):
        return QgsCoordinateReferenceSystem("EPSG:{}".format(listing.epsg or DEFAULT_EPSG))

    def coverage(self, listing, crs):
        """The box of the product's tiles (from their names), in `crs`; None when it has none."""
        if not listing.tiles:
            return None
        rect = QgsRectangle(*union(name_footprint(t) for t in listing.tiles))
        return QgsCoordinateTransform(self.product_crs(listing), crs, QgsProject.instance()).transformBoundingBox(rect)

    def zoom_to_coverage(self):
        listing = self.selected_product()
        rect = self.coverage(listing, self.canvas.mapSettings().destinationCrs()) if listing else None
        if rect is not None:
            self.canvas.setExtent(rect)
            self.canvas.refresh()

    def use_coverage(self):
        listing = self.selected_product()
        rect = self.coverage(listing, WGS84) if listing else None
        if rect is not None:
            self.area_picker.use_bounds(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

    def tiles_in_area(self, listing):
        """The product's tiles that touch the dock's area, and their boxes (from their names).

        The area goes to the product's CRS as download_ftp takes it there (toolbelt.areas.area_in_crs) and
        the tiles are chosen by the same core.ftp.products.select; the download may still correct the
        footprints from the product's catalogue or a first tile, which a preview cannot read without the network.
        """
        crs = self.product_crs(listing)
        area = self.area_picker.current_area()
        bbox = area_in_crs(QgsRectangle(*area.bbox), WGS84, crs, QgsProject.instance().transformContext())
        boxes = {t.file_name: name_footprint(t) for t in listing.tiles}
        chosen = select(listing.tiles, boxes, bbox)
        return chosen, {t.file_name: boxes[t.file_name] for t in chosen}, crs

    def preview(self, *args):
        self.footprints.reset(QgsWkbTypes.PolygonGeometry)
        listing = self.selected_product()
        for button in (self.downloadButton, self.zoomCoverageButton, self.useCoverageButton):
            button.setEnabled(listing is not None and not self.runner.busy)
        if listing is None:
            return
        try:
            chosen, boxes, crs = self.tiles_in_area(listing)
        except IgnOfflineError as exc:
            self.selectionLabel.setText(reason(exc))
            return
        to_canvas = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        for box in boxes.values():
            geometry = QgsGeometry.fromRect(QgsRectangle(*box))
            geometry.transform(to_canvas)
            self.footprints.addGeometry(geometry, None)
        size = human_size(sum(t.size or 0 for t in chosen))
        if chosen:
            self.selectionLabel.setText(say(plural(
                len(listing.tiles), "{:,} of {:,} tile in the area ({}), drawn in blue.",
                "{:,} of {:,} tiles in the area ({}), drawn in blue.", len(chosen), len(listing.tiles), size)))
        else:
            self.selectionLabel.setText(say(
                "No tile of this product in the area: it covers département {}. “Use its coverage as the area” "
                "picks where it has tiles.", ", ".join(listing.departements) or "?"))

    def set_footprints_shown(self, shown):
        if shown:
            self.preview()
        else:
            self.footprints.reset(QgsWkbTypes.PolygonGeometry)

    # -- download (the download_ftp algorithm, in the task manager) -------------------------------------------

    def parameters(self):
        listing = self.selected_product()
        if listing is None:
            raise ValueError(tr("List the products and pick one first."))
        parameters = {"HOST": self.hostEdit.text().strip(), "PORT": self.portSpin.value(), "PRODUCT": listing.path,
                      "OUTPUT_FOLDER": self.library_folder(), "CONNECTIONS": self.connectionsSpin.value(),
                      "LOAD": False}
        parameters.update(self.area_picker.area_parameters(polygons=False))  # download_ftp takes boxes
        return parameters

    def download(self):
        try:
            self.server()  # a bad server field refused in the dock's words, as the listing does
            jobs = [Job("ign_offline:download_ftp", self.parameters(), self.selected_product().info.title,
                        self.area_picker.current_area().title, configuration=DOCK)]
        except (ValueError, IgnOfflineError) as exc:
            self.start(reason(exc), error=True)
            return
        self.runner.start(jobs, self._downloaded_one, self._downloaded_all)

    def _downloaded_one(self, job, ok, results):
        if results.get("VRT"):
            try:
                load_vrt(QgsProject.instance(), results["VRT"], job.layer_name())
            except ValueError as exc:
                self.log(reason(exc), error=True)

    def _downloaded_all(self, outcomes, cancelled):
        results = self.runner.outcome(outcomes, cancelled, tr("The FTP download"))
        if results is None:
            return
        job = outcomes[-1][0]
        downloaded = results["FILES_DOWNLOADED"]
        summary = say(plural(
            downloaded, "{}: {:,} file downloaded ({}), {:,} already there, {:,} failed.",
            "{}: {:,} files downloaded ({}), {:,} already there, {:,} failed.",
            job.label, downloaded, human_size(results["BYTES"]), results["FILES_SKIPPED"], results["FILES_FAILED"]))
        # The log has the algorithm's own count (with the mosaic): the message bar alone gives this summary.
        self.runner.report(summary, Qgis.Success if not results["FILES_FAILED"] else Qgis.Warning,
                           results.get("OUTPUT_FOLDER"), logged=False)

    def cleanup(self):
        super().cleanup()
        cancel_task(self.list_task)
        self.area_picker.selectionChanged.disconnect(self.preview)
        self.canvas.destinationCrsChanged.disconnect(self.preview)
        self.footprints.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.footprints)
        self.footprints = None
