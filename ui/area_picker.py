"""The dock's "where" and "how detailed": the area (a preset, the canvas extent, the polygons of a layer, a
rectangle drawn on the map, coordinates typed in, a saved area) and the zoom levels, with the tiles they count.

The pages read what is picked through `current_area()`, `area_parameters()` and `zoom_range()`, and follow it
through `selectionChanged`. The picker draws its area on the canvas while it is shown, and remembers its choices
across restarts (settings keys of the dock: area, west…north, zoom_min, zoom_max, drawn, areas, overview).
"""

import os

from qgis.core import (
    QgsCoordinateTransform,
    QgsMapLayerProxyModel,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QInputDialog, QWidget

from ..core.errors import IgnOfflineError, InputError
from ..core.tiles import areas, grid
from ..i18n import reason, tr
from . import settings
from .area_canvas import WGS84, WORLD, AreaOnCanvas
from .area_choices import CANVAS_EXTENT, CUSTOM_BAND, DRAWN, POLYGON_LAYER, SAVED, TYPED, band_scales, scale_text
from .area_layer import PolygonLayerChoice
from .background import LatestRun
from .overview import OverviewBasemap
from .tile_counts import TileCounts

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "area_picker.ui"))


class AreaPicker(PolygonLayerChoice, AreaOnCanvas, TileCounts, QWidget, FORM_CLASS):
    """The picker's form and its choices; what it does with a layer's polygons (`area_layer`), on the canvas
    (`area_canvas`), with the counts (`tile_counts`) and with the overview basemap (`overview`) is theirs."""

    # Emitted whenever the area or the zoom range the user picked changes.
    selectionChanged = pyqtSignal()  # noqa: N815 (Qt signals are named as Qt names them)

    def __init__(self, canvas, library_folder, parent=None):
        """`library_folder()`: the dock's library folder, where the overview basemap is looked for first.
        Call `refresh()` once whoever follows `selectionChanged` is connected."""
        super().__init__(parent)
        self.setupUi(self)
        self.canvas = canvas
        self.library_folder = library_folder
        self.rubber_band = QgsRubberBand(self.canvas, QgsWkbTypes.PolygonGeometry)
        self.rubber_band.setStrokeColor(QColor(217, 83, 79))
        self.rubber_band.setFillColor(QColor(217, 83, 79, 40))
        self.rubber_band.setWidth(2)
        self.drawn = tuple(settings.json_value(settings.DRAWN, [])) or None  # the drawn rectangle, in lon/lat
        self.draw_tool = None
        self._previous_tool = None
        self._watched_layer = None
        self.outline_layer_id = None

        self.polygonLayerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        # The polygon layer is the user's choice: never one the list falls on by itself. With no empty row, a list
        # emptied (project closed) takes the first layer added next (another project's), and says nothing.
        self.polygonLayerCombo.setAllowEmptyLayer(True)
        self.polygonLayerCombo.setLayer(None)
        self._leaving = None  # the name of the chosen layer while it leaves the list (removed, project closed)
        self.gone_layer = None  # the name of the chosen layer gone from the project, until the user picks again
        self._fill_area_choices()
        for band in areas.ZOOM_BANDS:
            self.zoomBandCombo.addItem(tr("{}: zoom {}–{}, {}").format(
                tr(band.title), band.zoom_min, band.zoom_max, band_scales(band.zoom_min, band.zoom_max)), band.key)
        self.zoomBandCombo.addItem(tr("Custom zoom levels"), CUSTOM_BAND)

        # Restored before the reactions are connected: one refresh at the end, not one per widget.
        for spin, key in self._bounds_keys() + ((self.zoomMinSpin, settings.ZOOM_MIN),
                                                (self.zoomMaxSpin, settings.ZOOM_MAX)):
            settings.remember(spin, key)
        settings.remember(self.areaCombo, settings.AREA)
        settings.remember(self.overviewCheck, settings.OVERVIEW)
        self.overviewCheck.setToolTip(tr("Plan IGN from your library when it is there, else from the server of the "
                                         "Download tab (needs the network)"))

        self.areaCombo.currentIndexChanged.connect(self._area_choice_changed)
        self.polygonLayerCombo.layerChanged.connect(self._polygon_layer_changed)
        self.polygonLayerCombo.model().rowsAboutToBeRemoved.connect(self._layers_leaving)
        self.polygonLayerCombo.model().rowsRemoved.connect(self._layers_left)
        self.selectedOnlyCheck.toggled.connect(self._area_changed)
        for spin in (self.westSpin, self.southSpin, self.eastSpin, self.northSpin):
            spin.valueChanged.connect(self._bounds_typed)
        self.drawButton.clicked.connect(self.start_drawing)
        self.saveAreaButton.clicked.connect(self.save_area)
        self.deleteAreaButton.clicked.connect(self.forget_area)
        self.zoomToButton.clicked.connect(self.zoom_to_area)
        self.overview = OverviewBasemap(self.overviewCheck, self.overviewLabel, library_folder)
        self.zoomBandCombo.currentIndexChanged.connect(self._band_changed)
        self.zoomMinSpin.valueChanged.connect(self._zoom_edited)
        self.zoomMaxSpin.valueChanged.connect(self._zoom_edited)
        self.canvas.extentsChanged.connect(self._canvas_moved)
        self.canvas.destinationCrsChanged.connect(self._draw_area)
        self._start_counts()
        # ((layer id, selected only), Area or its error, (canvas CRS, outline)) of the polygon layer, until it
        # changes; ((layer id, selected only), None) while read
        self._layer_area = None
        self.layer_reading = LatestRun(tr("IGN Offline: read the area's polygons"))
        QgsProject.instance().layersAdded.connect(self._except_own_layers)
        QgsProject.instance().readProject.connect(self._restore_layer)
        QgsProject.instance().projectSaved.connect(self._remember_layer)  # its file known at last

    def refresh(self):
        """The band, scales, counts and outline of what is picked, and `selectionChanged`."""
        self.overview.restore()  # at start, once the dock's library folder is restored: as it was left
        self._zoom_edited()
        self._restore_layer()  # when the dock starts with its project open
        if self.areaCombo.currentData() == POLYGON_LAYER:
            self._default_polygon_layer()
        self._area_changed()

    def _area_choice_changed(self):
        if self.areaCombo.currentData() == POLYGON_LAYER and self._default_polygon_layer():
            return  # the layer picked has changed the area already
        self._area_changed()

    # -- the choices -------------------------------------------------------------------------------------------

    def _fill_area_choices(self):
        current = self.areaCombo.currentData()
        self.areaCombo.blockSignals(True)
        self.areaCombo.clear()
        for area in areas.PRESETS.values():
            self.areaCombo.addItem(tr(area.title), area.key)
        self.areaCombo.addItem(tr("Map canvas extent (follows the map)"), CANVAS_EXTENT)
        self.areaCombo.addItem(tr("Polygons of a layer…"), POLYGON_LAYER)
        self.areaCombo.addItem(tr("Rectangle drawn on the map"), DRAWN)
        self.areaCombo.addItem(tr("Coordinates typed in"), TYPED)
        for name in sorted(self.saved_areas(), key=str.lower):
            self.areaCombo.addItem(tr("Saved: {}").format(name), SAVED + name)
        index = self.areaCombo.findData(current)
        self.areaCombo.setCurrentIndex(max(index, 0))
        self.areaCombo.blockSignals(False)

    def select_area(self, key):
        self.areaCombo.setCurrentIndex(self.areaCombo.findData(key))

    def select_zoom_band(self, key):
        self.zoomBandCombo.setCurrentIndex(self.zoomBandCombo.findData(key))

    # -- what the user picked -------------------------------------------------

    def current_area(self):
        """The core Area picked (a preset, the canvas extent, a drawn, typed or saved box in lon/lat, or the
        polygons of a layer)."""
        key = self.areaCombo.currentData()
        if key == POLYGON_LAYER:
            return self._layer_polygons_area()
        if key == DRAWN:
            if self.drawn is None:
                raise InputError(tr("Draw a rectangle on the map first (button \"Draw on the map\")."))
            return areas.bbox_area(*self.drawn, tr("Rectangle drawn on the map"))
        if key == TYPED:
            return areas.bbox_area(self.westSpin.value(), self.southSpin.value(), self.eastSpin.value(),
                                   self.northSpin.value(), tr("Typed area"))
        if key and key.startswith(SAVED):
            name = key[len(SAVED):]
            box = self.saved_areas().get(name)
            if box is None:
                raise InputError(tr("The saved area '{}' is gone: pick another area.").format(name))
            return areas.bbox_area(*box, name)
        if key != CANVAS_EXTENT:
            preset = areas.PRESETS[key]
            return areas.Area(preset.key, tr(preset.title), *preset.bbox)
        to_wgs84 = QgsCoordinateTransform(self._canvas_crs(), WGS84, QgsProject.instance())
        rect = to_wgs84.transformBoundingBox(self.canvas.extent()).intersect(WORLD)
        return areas.bbox_area(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(),
                               tr("Map canvas extent"))

    def area_parameters(self, polygons=True):
        """AREA, EXTENT or AREA_LAYER for the provider's algorithms, naming the picked area
        (`polygons` False: the polygon layer's box as an EXTENT, for algorithms without AREA_LAYER)."""
        if self.areaCombo.currentData() == POLYGON_LAYER and polygons:
            layer = self._polygon_layer()
            return {"AREA_LAYER": QgsProcessingFeatureSourceDefinition(
                layer.id(), selectedFeaturesOnly=self.selectedOnlyCheck.isChecked())}
        area = self.current_area()
        if area.key == "extent" or area.polygons is not None:
            return {"EXTENT": "{},{},{},{} [{}]".format(area.west, area.east, area.south, area.north, grid.WGS84)}
        return {"AREA": area.key}

    def zoom_range(self):
        return self.zoomMinSpin.value(), self.zoomMaxSpin.value()

    # -- typed and saved areas ------------------------------------------------------------------------------------

    def use_bounds(self, west, south, east, north):
        """Make a lon/lat box the area, as typed coordinates the user can see and edit."""
        for (spin, key), number in zip(self._bounds_keys(), (west, south, east, north)):
            spin.blockSignals(True)
            spin.setValue(number)
            spin.blockSignals(False)
            settings.store(key, spin.value())
        if self.areaCombo.currentData() == TYPED:
            self._area_changed()
        else:
            self.select_area(TYPED)

    def _bounds_keys(self):
        """The typed box's spin boxes, west, south, east, north, with their settings keys."""
        return ((self.westSpin, settings.WEST), (self.southSpin, settings.SOUTH), (self.eastSpin, settings.EAST),
                (self.northSpin, settings.NORTH))

    def _bounds_typed(self):
        if self.areaCombo.currentData() == TYPED:
            self._area_changed()

    @staticmethod
    def saved_areas():
        return {name: tuple(box) for name, box in settings.json_value(settings.AREAS, {}).items()}

    def ask_area_name(self):
        name, ok = QInputDialog.getText(self, tr("Save area"), tr("Name of this area (its bounding box is kept):"))
        return name.strip() if ok else ""

    def _picked_area(self):
        """current_area(), or None with what is missing said under the counts."""
        try:
            return self.current_area()
        except IgnOfflineError as exc:
            self.totalLabel.setText(reason(exc))
            return None

    def save_area(self):
        area = self._picked_area()
        if area is None:
            return
        name = self.ask_area_name()
        if not name:
            return
        saved = settings.json_value(settings.AREAS, {})
        saved[name] = list(area.bbox)
        settings.store_json(settings.AREAS, saved)
        self._fill_area_choices()
        self.select_area(SAVED + name)

    def forget_area(self):
        key = self.areaCombo.currentData() or ""
        if not key.startswith(SAVED):
            return
        saved = settings.json_value(settings.AREAS, {})
        saved.pop(key[len(SAVED):], None)
        settings.store_json(settings.AREAS, saved)
        self._fill_area_choices()
        self._area_changed()

    # -- canvas -----------------------------------------------------------------

    # -- reactions ----------------------------------------------------------------

    def _area_changed(self):
        self._forget_layer_area()
        key = self.areaCombo.currentData() or ""
        self.zoomToButton.setEnabled(key != CANVAS_EXTENT)
        self.polygonLayerCombo.setVisible(key == POLYGON_LAYER)
        self.selectedOnlyCheck.setVisible(key == POLYGON_LAYER)
        self.boundsWidget.setVisible(key == TYPED)
        self.deleteAreaButton.setVisible(key.startswith(SAVED))
        self._draw_area()
        self._update_counts()

    def _band_changed(self):
        key = self.zoomBandCombo.currentData()
        if key == CUSTOM_BAND:
            return
        band = areas.zoom_band(key)
        for spin, value in ((self.zoomMinSpin, band.zoom_min), (self.zoomMaxSpin, band.zoom_max)):
            spin.setValue(value)  # remembered through the spin boxes

    def _zoom_edited(self):
        zooms = self.zoom_range()
        matching = [b.key for b in areas.ZOOM_BANDS if (b.zoom_min, b.zoom_max) == zooms]
        self.zoomBandCombo.blockSignals(True)
        self.select_zoom_band(matching[0] if matching else CUSTOM_BAND)
        self.zoomBandCombo.blockSignals(False)
        self.scaleLabel.setText(tr("Zoom {} ≈ {} … zoom {} ≈ {} (at the latitude of Occitanie; the SCAN 25 map "
                                   "is 1:25 000, zoom 14).").format(
            zooms[0], scale_text(areas.approximate_scale(zooms[0])), zooms[1],
            scale_text(areas.approximate_scale(zooms[1]))) if zooms[0] <= zooms[1] else "")
        self._update_counts()

    def cleanup(self):
        """Undo what the picker did to the canvas (called by the dock's cleanup); a second call does nothing."""
        if self.rubber_band is None:
            return
        self.canvas.extentsChanged.disconnect(self._canvas_moved)
        self.canvas.destinationCrsChanged.disconnect(self._draw_area)
        self.overview.cleanup()
        self.counting.stop()
        self.layer_reading.stop()
        QgsProject.instance().layersAdded.disconnect(self._except_own_layers)
        QgsProject.instance().readProject.disconnect(self._restore_layer)
        QgsProject.instance().projectSaved.disconnect(self._remember_layer)
        self._stop_drawing()
        self.draw_tool = None
        self._unwatch()
        self.polygonLayerCombo.layerChanged.disconnect(self._polygon_layer_changed)
        self.polygonLayerCombo.model().rowsAboutToBeRemoved.disconnect(self._layers_leaving)
        self.polygonLayerCombo.model().rowsRemoved.disconnect(self._layers_left)
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.rubber_band)
        self.rubber_band = None
