"""The "IGN Offline" dock: coverage area and zoom band, with exact tile counts.

The other pages (download, cache recovery, FTP) read `current_area()` and
`zoom_range()` from here and run the provider's algorithms in the background.
"""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsPointXY,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMapToolExtent, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QLocale, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDockWidget, QTableWidgetItem

from ..algorithms.area_parameters import area_from_features
from ..core import areas, coverage
from ..core.errors import IgnOfflineError, InputError
from .cache_page import CachePage
from .download_page import DownloadPage
from .ftp_page import FtpPage
from .library_page import LibraryPage

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "dock.ui"))

CANVAS_EXTENT = "canvas"
POLYGON_LAYER = "polygon_layer"
DRAWN = "drawn"
CUSTOM_BAND = "custom"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
WORLD = QgsRectangle(-180.0, -areas.MAX_LATITUDE, 180.0, areas.MAX_LATITUDE)


class IgnOfflineDock(QDockWidget, FORM_CLASS):
    # Emitted whenever the area or the zoom range the user picked changes.
    selectionChanged = pyqtSignal()

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.rubber_band = QgsRubberBand(self.canvas, QgsWkbTypes.PolygonGeometry)
        self.rubber_band.setStrokeColor(QColor(217, 83, 79))
        self.rubber_band.setFillColor(QColor(217, 83, 79, 40))
        self.rubber_band.setWidth(2)

        for area in areas.PRESETS.values():
            self.areaCombo.addItem(self.tr(area.title), area.key)
        self.areaCombo.addItem(self.tr("Current map canvas extent"), CANVAS_EXTENT)
        self.areaCombo.addItem(self.tr("Polygon layer…"), POLYGON_LAYER)
        self.areaCombo.addItem(self.tr("Rectangle drawn on the map"), DRAWN)
        self.polygonLayerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.drawn = None          # the drawn rectangle, in lon/lat
        self.draw_tool = None
        self._previous_tool = None
        for band in areas.ZOOM_BANDS:
            self.zoomBandCombo.addItem(
                self.tr("{} ({}–{})").format(self.tr(band.title), band.zoom_min, band.zoom_max), band.key)
        self.zoomBandCombo.addItem(self.tr("Custom"), CUSTOM_BAND)

        self.areaCombo.currentIndexChanged.connect(self._area_changed)
        self.polygonLayerCombo.layerChanged.connect(self._polygon_layer_changed)
        self._watched_layer = None
        self.selectedOnlyCheck.toggled.connect(self._area_changed)
        self.drawButton.clicked.connect(self.start_drawing)
        self.zoomToButton.clicked.connect(self.zoom_to_area)
        self.zoomBandCombo.currentIndexChanged.connect(self._band_changed)
        self.zoomMinSpin.valueChanged.connect(self._zoom_edited)
        self.zoomMaxSpin.valueChanged.connect(self._zoom_edited)
        self.canvas.extentsChanged.connect(self._canvas_moved)

        self._band_changed()
        self._area_changed()

        self.download_page = DownloadPage(self, iface)
        self.pages.addTab(self.download_page, self.tr("Download"))
        self.cache_page = CachePage(iface)
        self.pages.addTab(self.cache_page, self.tr("Recover cache"))
        self.ftp_page = FtpPage(self, iface)
        self.pages.addTab(self.ftp_page, self.tr("FTP"))
        self.library_page = LibraryPage(self, iface)
        self.pages.addTab(self.library_page, self.tr("Library"))

    # -- what the user picked -------------------------------------------------

    def select_area(self, key):
        self.areaCombo.setCurrentIndex(self.areaCombo.findData(key))

    def select_zoom_band(self, key):
        self.zoomBandCombo.setCurrentIndex(self.zoomBandCombo.findData(key))

    def current_area(self):
        """The core Area picked (a preset, the canvas extent or a drawn rectangle in lon/lat, or the polygons
        of a layer)."""
        key = self.areaCombo.currentData()
        if key == POLYGON_LAYER:
            layer = self.polygonLayerCombo.currentLayer()
            if layer is None:
                raise InputError(self.tr("Pick a polygon layer of the project (or add one)."))
            selected = self.selectedOnlyCheck.isChecked()
            features = layer.getSelectedFeatures() if selected else layer.getFeatures()
            return area_from_features(features, layer.crs(), QgsProject.instance().transformContext(), layer.name())
        if key == DRAWN:
            if self.drawn is None:
                raise InputError(self.tr("Draw a rectangle on the map first (button below)."))
            return areas.bbox_area(*self.drawn, self.tr("Rectangle drawn on the map"))
        if key != CANVAS_EXTENT:
            return areas.PRESETS[key]
        to_wgs84 = QgsCoordinateTransform(self._canvas_crs(), WGS84, QgsProject.instance())
        rect = to_wgs84.transformBoundingBox(self.canvas.extent()).intersect(WORLD)
        return areas.bbox_area(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(),
                               self.tr("Map canvas extent"))

    def area_parameters(self, polygons=True):
        """AREA, EXTENT or AREA_LAYER for the provider's algorithms, naming the picked area
        (`polygons` False: the polygon layer's box as an EXTENT, for algorithms without AREA_LAYER)."""
        if self.areaCombo.currentData() == POLYGON_LAYER and polygons:
            layer = self.polygonLayerCombo.currentLayer()
            if layer is None:
                raise InputError(self.tr("Pick a polygon layer of the project (or add one)."))
            return {"AREA_LAYER": QgsProcessingFeatureSourceDefinition(
                layer.id(), selectedFeaturesOnly=self.selectedOnlyCheck.isChecked())}
        area = self.current_area()
        if area.key == "extent" or area.polygons is not None:
            return {"EXTENT": "{},{},{},{} [EPSG:4326]".format(area.west, area.east, area.south, area.north)}
        return {"AREA": area.key}

    def zoom_range(self):
        return self.zoomMinSpin.value(), self.zoomMaxSpin.value()

    # -- canvas -----------------------------------------------------------------

    def _canvas_crs(self):
        crs = self.canvas.mapSettings().destinationCrs()
        return crs if crs.isValid() else WGS84

    def _area_geometry_on_canvas(self, area):
        if area.polygons is not None:
            rings = [[[QgsPointXY(x, y) for x, y in ring] for ring in polygon] for polygon in area.polygons.parts]
            geometry = QgsGeometry.fromMultiPolygonXY(rings)
            source = QgsCoordinateReferenceSystem("EPSG:3857")
        else:
            geometry = QgsGeometry.fromRect(QgsRectangle(*area.bbox)).densifyByCount(16)
            source = WGS84
        geometry.transform(QgsCoordinateTransform(source, self._canvas_crs(), QgsProject.instance()))
        return geometry

    def zoom_to_area(self):
        try:
            area = self.current_area()
        except IgnOfflineError:
            return
        self.canvas.setExtent(self._area_geometry_on_canvas(area).boundingBox())
        self.canvas.refresh()

    def _draw_area(self):
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        if self.areaCombo.currentData() != CANVAS_EXTENT:
            try:
                self.rubber_band.setToGeometry(self._area_geometry_on_canvas(self.current_area()), None)
            except IgnOfflineError:
                pass  # nothing picked yet: said in the counts

    def _polygon_layer_changed(self, layer):
        """Follow the picked layer's selection too (when 'Selected features only' is ticked)."""
        self._unwatch()
        self._watched_layer = layer
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)
        self._area_changed()

    def _unwatch(self):
        if self._watched_layer is not None:
            try:
                self._watched_layer.selectionChanged.disconnect(self._selection_changed)
            except (RuntimeError, TypeError):
                pass  # the layer was removed meanwhile
        self._watched_layer = None

    def _selection_changed(self, *args):
        if self.areaCombo.currentData() == POLYGON_LAYER and self.selectedOnlyCheck.isChecked():
            self._area_changed()

    # -- drawing a rectangle ----------------------------------------------------------

    def start_drawing(self):
        """A map tool: drag a rectangle on the canvas; it becomes the area."""
        self.select_area(DRAWN)
        if self.draw_tool is None:
            self.draw_tool = QgsMapToolExtent(self.canvas)
            self.draw_tool.extentChanged.connect(self.rectangle_drawn)
        self._previous_tool = self.canvas.mapTool()
        self.canvas.setMapTool(self.draw_tool)

    def rectangle_drawn(self, rect):
        if rect.isEmpty():
            return
        to_wgs84 = QgsCoordinateTransform(self._canvas_crs(), WGS84, QgsProject.instance())
        box = to_wgs84.transformBoundingBox(rect).intersect(WORLD)
        self.drawn = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        if self._previous_tool is not None and self._previous_tool is not self.draw_tool:
            self.canvas.setMapTool(self._previous_tool)
        else:
            self.canvas.unsetMapTool(self.draw_tool)
        self._area_changed()

    def _canvas_moved(self):
        if self.areaCombo.currentData() == CANVAS_EXTENT:
            self._update_counts()
        else:
            self._draw_area()  # the canvas CRS may have changed

    # -- reactions ----------------------------------------------------------------

    def _area_changed(self):
        key = self.areaCombo.currentData()
        self.zoomToButton.setEnabled(key != CANVAS_EXTENT)
        self.polygonLayerCombo.setVisible(key == POLYGON_LAYER)
        self.selectedOnlyCheck.setVisible(key == POLYGON_LAYER)
        self._draw_area()
        self._update_counts()

    def _band_changed(self):
        key = self.zoomBandCombo.currentData()
        if key == CUSTOM_BAND:
            return
        band = areas.zoom_band(key)
        for spin, value in ((self.zoomMinSpin, band.zoom_min), (self.zoomMaxSpin, band.zoom_max)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._update_counts()

    def _zoom_edited(self):
        zooms = self.zoom_range()
        matching = [b.key for b in areas.ZOOM_BANDS if (b.zoom_min, b.zoom_max) == zooms]
        self.zoomBandCombo.blockSignals(True)
        self.select_zoom_band(matching[0] if matching else CUSTOM_BAND)
        self.zoomBandCombo.blockSignals(False)
        self._update_counts()

    def _update_counts(self):
        self.countsTable.setRowCount(0)
        try:
            area = self.current_area()
            counts = coverage.area_counts(area, *self.zoom_range())
        except IgnOfflineError as exc:
            self.areaBoundsLabel.setText("")
            self.totalLabel.setText(str(exc))
            self.selectionChanged.emit()
            return
        self.areaBoundsLabel.setText("{:.2f}–{:.2f}°E  {:.2f}–{:.2f}°N".format(
            area.west, area.east, area.south, area.north))
        locale = QLocale()
        self.countsTable.setRowCount(len(counts))
        for row, (zoom, count) in enumerate(counts.items()):
            self.countsTable.setItem(row, 0, QTableWidgetItem(str(zoom)))
            self.countsTable.setItem(row, 1, QTableWidgetItem(locale.toString(float(count), "f", 0)))
        self.totalLabel.setText(self.tr("Total: {} tiles").format(locale.toString(float(sum(counts.values())), "f", 0)))
        self.selectionChanged.emit()

    def cleanup(self):
        """Undo what the dock did to the canvas (called by the plugin's unload)."""
        self.download_page.cleanup()
        self.cache_page.cleanup()
        self.ftp_page.cleanup()
        self.library_page.cleanup()
        self.canvas.extentsChanged.disconnect(self._canvas_moved)
        if self.draw_tool is not None:
            self.canvas.unsetMapTool(self.draw_tool)
            self.draw_tool = None
        self._unwatch()
        self.polygonLayerCombo.layerChanged.disconnect(self._polygon_layer_changed)
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.rubber_band)
        self.rubber_band = None
