"""The dock's "where" and "how detailed": the area (a preset, the canvas extent, the polygons of a layer, a
rectangle drawn on the map, coordinates typed in, a saved area) and the zoom levels, with the tiles they count.

The pages read what is picked through `current_area()`, `area_parameters()` and `zoom_range()`, and follow it
through `selectionChanged`. The picker draws its area on the canvas while it is shown, and remembers its choices
across restarts (settings keys of the dock: area, west…north, zoom_min, zoom_max, drawn, areas, overview).
"""

import os

import requests
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsPointXY,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapToolExtent, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QLocale, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QInputDialog, QTableWidgetItem, QWidget

from ..core.errors import IgnOfflineError, InputError
from ..core.library import naming
from ..core.sources import wmts
from ..core.sources.http import image_kind, redact_url, unreachable_reason, user_agent
from ..core.sources.url_templates import is_xyz_template
from ..core.tiles import areas, coverage, grid
from ..i18n import marked, reason, say, tr
from ..toolbelt.areas import area_from_features
from ..toolbelt.helper_layers import ROLE as HELPER_ROLE
from ..toolbelt.helper_layers import helper_layers, store_helper_layer
from ..toolbelt.layers import BasemapLegend, is_own
from . import settings
from .background import cancel_task, run_function

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "area_picker.ui"))

CANVAS_EXTENT = "canvas"
POLYGON_LAYER = "polygon_layer"
DRAWN = "drawn"
TYPED = "typed"
SAVED = "saved:"
CUSTOM_BAND = "custom"
WGS84 = QgsCoordinateReferenceSystem(grid.WGS84)
WEB_MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
WORLD = QgsRectangle(-180.0, -areas.MAX_LATITUDE, 180.0, areas.MAX_LATITUDE)
# Counts costing more than this (coverage.count_cost: a polygon's points and columns, zoom by zoom; some tenths of
# a second) are made in a task: a large polygon's would freeze QGIS for seconds, a world-sized one for minutes.
QUICK_COUNT = 300 * 1000

# The core's English titles, marked here so that the picker shows them translated.
PRESET_TITLES = (marked("Toulouse"), marked("Pyrénées (caves)"), marked("Montpellier"), marked("Carcassonne"))
BAND_TITLES = (marked("Overview"), marked("Regional"), marked("Local"), marked("High detail"))

# The overview basemap: Plan IGN v2, from the library when it holds it, else from the server typed in the Download
# tab (its setting, read only), as XYZ requests of WMTS tiles (no capabilities to read on the main thread).
OVERVIEW_LAYER = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
OVERVIEW_SERVER = "https://data.geopf.fr/wmts"
OVERVIEW_TILES = ("SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + OVERVIEW_LAYER + "&STYLE=normal"
                  "&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILECOL={x}&TILEROW={y}")


def overview_url(server):
    """The XYZ template of the overview from `server` (the Download tab's: a WMTS endpoint, its capabilities
    URL, or an XYZ template, then drawn as it is)."""
    server = (server or "").strip() or OVERVIEW_SERVER
    if is_xyz_template(server):
        return server
    # Plan IGN is public: the Géoplateforme's private endpoint would want the account, the public one not.
    endpoint = wmts.endpoint_of(server).split("?")[0].replace("data.geopf.fr/private/", "data.geopf.fr/")
    return endpoint + "?" + OVERVIEW_TILES


def overview_xyz(server):
    """The QGIS data source (XYZ) of the overview from `server`."""
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", overview_url(server))
    uri.setParam("zmin", "0")
    uri.setParam("zmax", "19")
    return bytes(uri.encodedUri()).decode()


def fetch_first_tile(template):
    """Raise OSError unless the server of `template` answers its zoom-0 tile with an image (in a task: network)."""
    url = wmts.XyzSource(template, "image/png", True).tile_url(0, 0, 0)
    try:
        response = requests.get(url, timeout=(5, 10), headers={"User-Agent": user_agent()})
    except requests.RequestException as exc:
        raise OSError(unreachable_reason(exc)) from None
    if response.status_code != 200 or image_kind(response.content) is None:
        raise OSError("HTTP {}".format(response.status_code))


def scale_text(number):
    locale = QLocale()
    locale.setNumberOptions(QLocale.DefaultNumberOptions)  # 1:25 000 reads better than 1:25000
    return "1:" + locale.toString(int(number))


def band_scales(zoom_min, zoom_max):
    return tr("≈ {} to {}").format(scale_text(areas.approximate_scale(zoom_min)),
                                   scale_text(areas.approximate_scale(zoom_max)))


class AreaPicker(QWidget, FORM_CLASS):
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
        self.drawn = tuple(settings.json_value("drawn", [])) or None  # the drawn rectangle, in lon/lat
        self.draw_tool = None
        self._previous_tool = None
        self._watched_layer = None
        self.overview_layer_id = None
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
        for spin, key in ((self.westSpin, "west"), (self.southSpin, "south"), (self.eastSpin, "east"),
                          (self.northSpin, "north"), (self.zoomMinSpin, "zoom_min"), (self.zoomMaxSpin, "zoom_max")):
            settings.remember(spin, key)
        settings.remember(self.areaCombo, "area")
        settings.remember(self.overviewCheck, "overview")
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
        self.overviewCheck.toggled.connect(self.show_overview)
        self.zoomBandCombo.currentIndexChanged.connect(self._band_changed)
        self.zoomMinSpin.valueChanged.connect(self._zoom_edited)
        self.zoomMaxSpin.valueChanged.connect(self._zoom_edited)
        self.canvas.extentsChanged.connect(self._canvas_moved)
        self.canvas.destinationCrsChanged.connect(self._draw_area)
        self._overview_restored = False
        self.overview_check = None  # the task asking the overview's server for a tile
        self.count_task = None  # the task counting a large polygon's tiles
        self._layer_area = None  # ((layer id, selected only), Area) of the polygon layer, until it changes
        self._counting = 0  # which count is the one shown (a later change makes an earlier one stale)
        QgsProject.instance().layersAdded.connect(self._except_own_layers)

    def refresh(self):
        """The band, scales, counts and outline of what is picked, and `selectionChanged`."""
        if not self._overview_restored:  # at start, once the dock's library folder is restored: as it was left
            self._overview_restored = True
            if self.overviewCheck.isChecked():
                self._when_started(self._restore_overview)
        self._zoom_edited()
        if self.areaCombo.currentData() == POLYGON_LAYER:
            self._default_polygon_layer()
        self._area_changed()

    def _area_choice_changed(self):
        if self.areaCombo.currentData() == POLYGON_LAYER and self._default_polygon_layer():
            return  # the layer picked has changed the area already
        self._area_changed()

    def _own_layers(self):
        """The plugin's helper layers (outline, coverage, overview): never the user's polygons."""
        ids = {self.outline_layer_id, self.overview_layer_id}
        return [layer for layer in QgsProject.instance().mapLayers().values() if is_own(layer) or layer.id() in ids]

    def _except_own_layers(self, *args):
        """Mark helper layers before adding them (`toolbelt.layers.mark_own`): they are left out as they come."""
        own = self._own_layers()
        self.polygonLayerCombo.setExceptedLayerList(own)
        return own

    def _default_polygon_layer(self):
        """When the user picks "Polygons of a layer…": the layer chosen before if it is still there, else the
        polygon layer they are working on (the active one) rather than the first one listed, which may be another
        of theirs: counts of the wrong layer look just as normal. Never one of the plugin's. When the chosen layer
        is gone, nothing: the picker says so and waits for the user's choice.
        True when it picked one (the picker has followed it)."""
        own = self._except_own_layers()
        if self.gone_layer is not None or self.polygonLayerCombo.currentLayer() is not None:
            return False
        active = self.canvas.currentLayer()
        if (isinstance(active, QgsVectorLayer) and active.geometryType() == QgsWkbTypes.PolygonGeometry
                and active not in own):
            self.polygonLayerCombo.setLayer(active)
        elif self.polygonLayerCombo.count() > 1:  # the first listed after the empty row
            self.polygonLayerCombo.setLayer(self.polygonLayerCombo.layer(1))
        return self.polygonLayerCombo.currentLayer() is not None

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
            layer = self._polygon_layer()
            selected = self.selectedOnlyCheck.isChecked()
            if self._layer_area is None or self._layer_area[0] != (layer.id(), selected):
                # Read once per change (`_area_changed`): the pages read the area on every change too, and a large
                # layer's polygons take a while to densify.
                features = layer.getSelectedFeatures() if selected else layer.getFeatures()
                self._layer_area = ((layer.id(), selected), area_from_features(
                    features, layer.crs(), QgsProject.instance().transformContext(), layer.name()))
            return self._layer_area[1]
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

    def _polygon_layer(self):
        """The polygon layer the user chose; InputError when there is none (or it is gone): nothing runs on
        another layer in its place."""
        layer = self.polygonLayerCombo.currentLayer()
        if layer is not None:
            return layer
        if self.gone_layer is not None:
            raise InputError(tr("The layer '{}' chosen as the area is no longer in the project: pick the polygon "
                                "layer to use (the area stays unset until you do).").format(self.gone_layer))
        raise InputError(tr("Pick a polygon layer of the project (or add one)."))

    def zoom_range(self):
        return self.zoomMinSpin.value(), self.zoomMaxSpin.value()

    # -- typed and saved areas ------------------------------------------------------------------------------------

    def use_bounds(self, west, south, east, north):
        """Make a lon/lat box the area, as typed coordinates the user can see and edit."""
        for spin, number in ((self.westSpin, west), (self.southSpin, south), (self.eastSpin, east),
                             (self.northSpin, north)):
            spin.blockSignals(True)
            spin.setValue(number)
            spin.blockSignals(False)
            settings.store(spin.objectName().replace("Spin", ""), spin.value())
        if self.areaCombo.currentData() == TYPED:
            self._area_changed()
        else:
            self.select_area(TYPED)

    def _bounds_typed(self):
        if self.areaCombo.currentData() == TYPED:
            self._area_changed()

    @staticmethod
    def saved_areas():
        return {name: tuple(box) for name, box in settings.json_value("areas", {}).items()}

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
        saved = settings.json_value("areas", {})
        saved[name] = list(area.bbox)
        settings.store_json("areas", saved)
        self._fill_area_choices()
        self.select_area(SAVED + name)

    def forget_area(self):
        key = self.areaCombo.currentData() or ""
        if not key.startswith(SAVED):
            return
        saved = settings.json_value("areas", {})
        saved.pop(key[len(SAVED):], None)
        settings.store_json("areas", saved)
        self._fill_area_choices()
        self._area_changed()

    # -- canvas -----------------------------------------------------------------

    def _canvas_crs(self):
        crs = self.canvas.mapSettings().destinationCrs()
        return crs if crs.isValid() else WGS84

    def _area_geometry(self, area, crs):
        if area.polygons is not None and area.polygons.wkb is not None:  # a layer's: drawn from GDAL's WKB, in C
            geometry = QgsGeometry()
            geometry.fromWkb(area.polygons.wkb)
            source = WEB_MERCATOR
        elif area.polygons is not None:
            rings = [[[QgsPointXY(x, y) for x, y in ring] for ring in polygon] for polygon in area.polygons.parts]
            geometry = QgsGeometry.fromMultiPolygonXY(rings)
            source = WEB_MERCATOR
        else:
            geometry = QgsGeometry.fromRect(QgsRectangle(*area.bbox)).densifyByCount(16)
            source = WGS84
        geometry.transform(QgsCoordinateTransform(source, crs, QgsProject.instance()))
        return geometry

    def _area_geometry_on_canvas(self, area):
        return self._area_geometry(area, self._canvas_crs())

    def zoom_to_area(self):
        area = self._picked_area()
        if area is None:
            return
        project = QgsProject.instance()
        present = list(project.mapLayers().values())
        own = {layer.id() for layer in self._own_layers()}
        if all(layer.id() in own for layer in present):
            # An empty project shows QGIS's welcome page, not the map: give the map something to show. With only the
            # plugin's own layers (the overview ticked first), the outline too.
            if self.overviewCheck.isChecked():
                self.show_overview(True)
            self._add_outline_layer(area)
        self._fit(area)
        # QGIS sets the canvas up for a project's first layers (their CRS, their whole extent) in a deferred call
        # (the layer tree's canvas bridge): after a layer just added (the overview just ticked, the outline), that
        # would undo this zoom (the whole world). Fitted again once it has run, in the CRS it leaves.
        QTimer.singleShot(0, lambda: self.rubber_band is not None and self._fit(area))

    def _fit(self, area):
        extent = self._area_geometry_on_canvas(area).boundingBox()
        extent.scale(1.1)  # a margin: the outline's sides not on the canvas's edges, nor cut by them
        self.canvas.setExtent(extent)
        self.canvas.refresh()

    def _add_outline_layer(self, area):
        """A light outline of the area, as a layer of the project (the user's to keep or remove), stored in the
        library's helper GeoPackage (a table per area): a file, so it survives saving and taking the project
        offline, and QGIS does not ask about a temporary layer on quit."""
        memory = QgsVectorLayer("Polygon?crs=EPSG:3857", tr("Area: {}").format(area.title), "memory")
        feature = QgsFeature()
        feature.setGeometry(self._area_geometry(area, WEB_MERCATOR))
        memory.dataProvider().addFeatures([feature])
        memory.updateExtents()
        memory.renderer().setSymbol(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "217,83,79", "outline_width": "0.6"}))
        project = QgsProject.instance()
        try:
            layer = store_helper_layer(project, memory, self.library_folder(), "outline_" + naming.safe_name(
                area.key or area.title).lower(), "outline")
        except IgnOfflineError as exc:
            self.totalLabel.setText(say(exc.message))
            return
        project.addMapLayer(layer)
        self.outline_layer_id = layer.id()

    def overview_source(self):
        """(uri, provider): the library's Plan IGN when it holds it, else the server typed in the Download tab."""
        path = naming.library_file(self.library_folder(), OVERVIEW_LAYER)
        return (path, "gdal") if os.path.isfile(path) else (overview_xyz(settings.value("source")), "wms")

    def _when_started(self, call):
        """`call()` once QGIS has finished starting: a layer added while it starts (its main window not shown yet)
        makes its blank project "modified", and QGIS then stops on "save the current project?" before anything else.
        QGIS processes events while it starts: a deferred call alone may run too early. When the plugin is loaded
        in a running QGIS (enabled, reloaded, a test), soon after."""
        from qgis import utils

        iface = getattr(utils, "iface", None)
        window = iface.mainWindow() if iface is not None and hasattr(iface, "initializationCompleted") else None
        if window is not None and not window.isVisible():
            def once():
                iface.initializationCompleted.disconnect(once)
                QTimer.singleShot(0, call)  # after whatever else follows the start

            iface.initializationCompleted.connect(once)
        else:
            QTimer.singleShot(0, call)

    def _restore_overview(self):
        """The overview as it was left (box ticked): not a change of the user's, so the project stays as clean as
        it was (no "save the project?" on quit, or when QGIS starts, for a basemap the plugin put back)."""
        if self.rubber_band is None or not self.overviewCheck.isChecked():
            return  # cleaned up, or unticked meanwhile
        project = QgsProject.instance()
        clean = not project.isDirty()
        self.show_overview(True)
        if clean:  # QGIS reacts to a first layer in its own time too (the project's CRS…): after that as well
            project.setDirty(False)
            QTimer.singleShot(0, lambda: project.setDirty(False))

    def _say_overview(self, text):
        self.overviewLabel.setText(text)
        self.overviewLabel.setVisible(bool(text))

    def show_overview(self, on):
        project = QgsProject.instance()
        present = project.mapLayer(self.overview_layer_id) if self.overview_layer_id else None
        if present is None:  # one the project already holds (saved with it): not a second one
            present = next(iter(helper_layers(project, "overview")), None)
        self._say_overview("")
        if not on:
            if present is not None:
                project.removeMapLayer(present.id())
            self.overview_layer_id = None
            return
        if present is None:
            uri, provider = self.overview_source()
            present = QgsRasterLayer(uri, tr("Overview: Plan IGN v2"), provider)
            if not present.isValid():
                self._say_overview(tr("The overview basemap cannot be opened ({}): untick it, or download Plan IGN "
                                      "v2 into the library.").format(uri if provider == "gdal" else redact_url(uri)))
                return
            present.setCustomProperty(HELPER_ROLE, "overview")
            project.addMapLayer(present, False)
            project.layerTreeRoot().addLayer(present)  # at the bottom: under everything else
        present.setLegend(BasemapLegend())  # one legend line: its colour bands mean nothing to a reader
        self.overview_layer_id = present.id()
        if present.providerType() == "wms":
            self._check_overview_server(present.id())

    def _check_overview_server(self, layer_id):
        """Ask the overview's server for one tile, in a task: QGIS draws a basemap whose server does not answer
        as a blank, and says nothing; the dock says it under the box."""
        cancel_task(self.overview_check)
        template = overview_url(settings.value("source"))

        def failed(reason):
            if self.overview_layer_id == layer_id:  # still the one shown
                self._say_overview(tr("The overview basemap cannot be drawn: {} does not answer ({}). Check the "
                                      "network, or download Plan IGN v2 into the library to see it offline.").format(
                    redact_url(template.split("?")[0]), reason))

        self.overview_check = run_function(tr("Overview basemap"), lambda task: fetch_first_tile(template),
                                           lambda value: None, failed)

    def _draw_area(self, *args):
        if self.rubber_band is None:
            return  # cleaned up: nothing to draw on
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        if self.areaCombo.currentData() != CANVAS_EXTENT and self.isVisible():
            try:
                self.rubber_band.setToGeometry(self._area_geometry_on_canvas(self.current_area()), None)
            except IgnOfflineError:
                pass  # nothing picked yet: said in the counts

    def set_shown(self, visible):
        """The outline only while the dock is shown (a hidden dock draws nothing, and stops drawing)."""
        if visible:
            self._draw_area()
        elif self.rubber_band is not None:
            self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
            self._stop_drawing()

    def _layers_leaving(self, parent, first, last):
        """Rows about to leave the list: when the chosen layer's is among them, the list then falls on another
        row by itself, which is not the user's choice (`_polygon_layer_changed`)."""
        layer = self.polygonLayerCombo.currentLayer()
        if layer is not None and first <= self.polygonLayerCombo.currentIndex() <= last:
            self._leaving = layer.name()

    def _layers_left(self, *args):
        """The list fell on another row by itself, silently at times (no layerChanged): not the user's choice."""
        if self._leaving is not None:
            self._polygon_layer_changed(None)

    def _polygon_layer_changed(self, layer):
        """The user's choice of layer, followed in its selection too (when 'Selected features only' is ticked). When
        the chosen layer left the list (removed, its project closed), no other in its place: the empty row, and
        the picker says the layer is gone until the user picks one."""
        if self._leaving is not None:
            self.gone_layer, self._leaving = self._leaving, None
            self.polygonLayerCombo.blockSignals(True)
            self.polygonLayerCombo.setLayer(None)
            self.polygonLayerCombo.blockSignals(False)
            layer = None
        elif layer is not None:
            self.gone_layer = None
        self._unwatch()
        self._watched_layer = layer
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)
            layer.dataChanged.connect(self._layer_edited)
        self._area_changed()

    def _unwatch(self):
        if self._watched_layer is not None:
            try:
                self._watched_layer.selectionChanged.disconnect(self._selection_changed)
                self._watched_layer.dataChanged.disconnect(self._layer_edited)
            except (RuntimeError, TypeError):
                pass  # the layer was removed meanwhile
        self._watched_layer = None

    def _layer_edited(self, *args):
        if self.areaCombo.currentData() == POLYGON_LAYER:
            self._area_changed()
        else:
            self._layer_area = None

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

    def _stop_drawing(self):
        if self.draw_tool is not None and self.canvas.mapTool() is self.draw_tool:
            if self._previous_tool is not None and self._previous_tool is not self.draw_tool:
                self.canvas.setMapTool(self._previous_tool)
            else:
                self.canvas.unsetMapTool(self.draw_tool)

    def rectangle_drawn(self, rect):
        if rect.isEmpty():
            return
        to_wgs84 = QgsCoordinateTransform(self._canvas_crs(), WGS84, QgsProject.instance())
        box = to_wgs84.transformBoundingBox(rect).intersect(WORLD)
        self.drawn = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        settings.store_json("drawn", list(self.drawn))
        self._stop_drawing()
        self._area_changed()

    def _canvas_moved(self):
        if self.areaCombo.currentData() == CANVAS_EXTENT:
            self._update_counts()
        else:
            self._draw_area()  # the canvas CRS may have changed

    # -- reactions ----------------------------------------------------------------

    def _area_changed(self):
        self._layer_area = None  # read again: the layer, its selection or its features changed
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

    def _update_counts(self):
        """The counts of what is picked: at once for a box or a small polygon; in a task, zoom by zoom and only up
        to the large-job limit, for a polygon whose count would freeze QGIS (busy meanwhile)."""
        self._counting += 1
        cancel_task(self.count_task)
        self.count_task = None
        self.countsTable.setRowCount(0)
        self.countsTable.unsetCursor()
        try:
            area = self.current_area()
            zooms = self.zoom_range()
            quick = coverage.count_cost(area, *zooms) <= QUICK_COUNT
            counted = (coverage.area_counts(area, *zooms), True) if quick else None
        except IgnOfflineError as exc:
            self.areaBoundsLabel.setText("")
            self.totalLabel.setText(reason(exc))
            self.selectionChanged.emit()
            return
        locale = QLocale()
        locale.setNumberOptions(QLocale.DefaultNumberOptions)  # "5 022": QGIS's default locale omits the grouping
        self.areaBoundsLabel.setText(tr("Longitude {}° to {}°, latitude {}° to {}°").format(
            *(locale.toString(value, "f", 2) for value in (area.west, area.east, area.south, area.north))))
        if counted is not None:
            self._show_counts(*counted)
        else:
            self._count_in_background(area, zooms)
        self.selectionChanged.emit()

    def _count_in_background(self, area, zooms):
        counting = self._counting

        def counted(found):
            if found is not None and counting == self._counting and self.rubber_band is not None:
                self.count_task = None
                self._show_counts(found[0], found[2])

        def failed(message):
            if counting == self._counting and self.rubber_band is not None:
                self.count_task = None
                self.countsTable.unsetCursor()
                self.totalLabel.setText(message)

        self.countsTable.setCursor(Qt.BusyCursor)
        self.totalLabel.setText(tr("Counting the tiles of {}…").format(area.title))
        self.count_task = run_function(
            tr("IGN Offline: count the tiles"),
            lambda task: coverage.counts_until(area.polygons, *zooms, areas.LARGE_JOB_TILES, task.isCanceled),
            counted, failed)

    def _show_counts(self, counts, exact):
        """Each zoom's count; `exact` False: the counting stopped past the large-job limit (the zooms shown)."""
        locale = QLocale()
        locale.setNumberOptions(QLocale.DefaultNumberOptions)  # "5 022": QGIS's default locale omits the grouping
        self.countsTable.unsetCursor()
        self.countsTable.setRowCount(len(counts))
        for row, (zoom, count) in enumerate(counts.items()):
            self.countsTable.setItem(row, 0, QTableWidgetItem(str(zoom)))
            self.countsTable.setItem(row, 1, QTableWidgetItem(locale.toString(float(count), "f", 0)))
        if exact:
            self.totalLabel.setText(tr("Total: {} tiles per layer").format(
                locale.toString(float(sum(counts.values())), "f", 0)))
        else:
            self.totalLabel.setText(tr("Total: over {} tiles per layer, a very large job (counting stopped there: "
                                       "reduce the area or the zooms).").format(
                locale.toString(float(areas.LARGE_JOB_TILES), "f", 0)))

    def cleanup(self):
        """Undo what the picker did to the canvas (called by the dock's cleanup); a second call does nothing."""
        if self.rubber_band is None:
            return
        self.canvas.extentsChanged.disconnect(self._canvas_moved)
        self.canvas.destinationCrsChanged.disconnect(self._draw_area)
        cancel_task(self.overview_check)
        cancel_task(self.count_task)
        QgsProject.instance().layersAdded.disconnect(self._except_own_layers)
        self._stop_drawing()
        self.draw_tool = None
        self._unwatch()
        self.polygonLayerCombo.layerChanged.disconnect(self._polygon_layer_changed)
        self.polygonLayerCombo.model().rowsAboutToBeRemoved.disconnect(self._layers_leaving)
        self.polygonLayerCombo.model().rowsRemoved.disconnect(self._layers_left)
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.rubber_band)
        self.rubber_band = None
