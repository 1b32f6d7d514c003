"""The area picker on the map canvas: the picked area's outline (a rubber band while the dock is shown, or a layer
of the project on "Zoom to the area"), the zoom to it, and the rectangle the user drags on the canvas."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapToPixelSimplifier,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapToolExtent
from qgis.PyQt.QtCore import QTimer

from ..core import naming
from ..core.errors import IgnOfflineError
from ..core.tiles import areas, grid
from ..i18n import say, tr
from ..toolbelt.helper_layers import store_helper_layer
from . import settings
from .area_choices import CANVAS_EXTENT, DRAWN, POLYGON_LAYER

WGS84 = QgsCoordinateReferenceSystem(grid.WGS84)
WEB_MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
# Points of an outline past which the band draws it simplified to the canvas's pixels, then if still more, only its
# part around the canvas.
OUTLINE_POINTS = 10000
WORLD = QgsRectangle(-180.0, -areas.MAX_LATITUDE, 180.0, areas.MAX_LATITUDE)


def area_geometry(area, crs, transform_context):
    """The area's outline in `crs`: from GDAL's WKB for a layer's polygons (in C: tens of thousands of points), a
    box densified to follow the parallels' curve in a projected CRS. Safe off the GUI thread."""
    if area.polygons is not None and area.polygons.wkb is not None:
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
    geometry.transform(QgsCoordinateTransform(source, crs, transform_context))
    return geometry


def points(geometry):
    return geometry.constGet().nCoordinates() if geometry.constGet() is not None else 0


class AreaOnCanvas:
    """Mixed into the AreaPicker: its `canvas`, `rubber_band`, `draw_tool`, `overview`, `library_folder()`,
    `current_area()`, `_own_layers()` and `_area_changed()`, and its form's labels."""

    def _canvas_crs(self):
        crs = self.canvas.mapSettings().destinationCrs()
        return crs if crs.isValid() else WGS84

    def _area_geometry(self, area, crs):
        return area_geometry(area, crs, QgsProject.instance().transformContext())

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
                self.overview.show(True)
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

    def _draw_area(self, *args):
        if self.rubber_band is None:
            return  # cleaned up: nothing to draw on
        self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
        if self.areaCombo.currentData() != CANVAS_EXTENT and self.isVisible():
            try:
                outline = self._outline_on_canvas()
            except IgnOfflineError:
                return  # nothing picked yet, or being read: said in the counts
            # A large outline simplified to the canvas's pixels: a France-sized layer's holds ~90,000 points, which
            # the band would transform and paint at every redraw of the canvas (on the GUI thread); no pixel of it
            # differs. Made again as the canvas moves (`_canvas_moved`); seen from close, also cut to around what
            # the canvas shows. A small one (a box) drawn as it is, exactly.
            if points(outline) > OUTLINE_POINTS:
                outline = QgsMapToPixelSimplifier(
                    QgsMapToPixelSimplifier.SimplifyGeometry, self.canvas.mapUnitsPerPixel()).simplify(outline)
            if points(outline) > OUTLINE_POINTS:
                around = self.canvas.extent()
                around.scale(3)
                outline = outline.clipped(around)
            self.rubber_band.setToGeometry(outline, None)

    def _outline_on_canvas(self):
        """The picked area's outline in the canvas's CRS: a layer's as its read made it in the background (made
        again here only if the canvas's CRS changed since), any other's (a box) made now."""
        area = self.current_area()
        crs = self._canvas_crs()
        made = self._layer_area[2] if self.areaCombo.currentData() == POLYGON_LAYER else None
        if made is not None and made[0] == crs:
            return made[1]
        return self._area_geometry(area, crs)

    def set_shown(self, visible):
        """The outline only while the dock is shown (a hidden dock draws nothing, and stops drawing)."""
        if visible:
            self._draw_area()
        elif self.rubber_band is not None:
            self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)
            self._stop_drawing()

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
        settings.store_json(settings.DRAWN, list(self.drawn))
        self._stop_drawing()
        self._area_changed()

    def _canvas_moved(self):
        if self.areaCombo.currentData() == CANVAS_EXTENT:
            self._update_counts()
        else:
            self._draw_area()  # the canvas CRS may have changed
