"""The area picker's "Polygons of a layer…": the user's choice of layer (never one of the plugin's, never one the
list falls on by itself), followed in its selection and its edits, and read into a core Area once per change."""

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer, QgsVectorLayerFeatureSource, QgsWkbTypes
from qgis.PyQt.QtCore import Qt

from ..core.errors import IgnOfflineError, InputError
from ..i18n import tr
from ..toolbelt.areas import area_from_features
from ..toolbelt.layer_tree import is_own
from . import settings
from .area_canvas import area_geometry
from .area_choices import POLYGON_LAYER


class PolygonLayerChoice:
    """Mixed into the AreaPicker: its form's `polygonLayerCombo`, `selectedOnlyCheck`, `areaCombo` and
    `countsTable`, its `canvas`, `overview`, `outline_layer_id`, `layer_reading` (a LatestRun), `_area_changed()`,
    `_draw_area()` and `_update_counts()`."""

    def _layer_polygons_area(self):
        """The chosen layer's polygons (or its selected ones) as a core Area, read in the background once per
        change (`_forget_layer_area`): until the read has ended, an InputError that says it is under way."""
        layer = self._polygon_layer()
        key = (layer.id(), self.selectedOnlyCheck.isChecked())
        found = self._layer_area[1] if self._layer_area is not None and self._layer_area[0] == key else None
        if found is None:
            self._read_layer(layer, key)
            self.countsTable.setCursor(Qt.BusyCursor)
            raise InputError(tr("Reading the polygons of '{}'…").format(layer.name()))
        if isinstance(found, Exception):
            raise found
        return found

    def _read_layer(self, layer, key):
        """Read the layer's polygons into an Area in a task (a France-sized layer takes tenths of a second), with
        its outline in the canvas's CRS; the picker is busy meanwhile. The task reads a copy of the layer's source
        (safe off the GUI thread) and never touches the layer; a read superseded by a newer choice is dropped."""
        if self._layer_area == (key, None):
            return  # under way
        self._layer_area = (key, None)
        request = QgsFeatureRequest()
        if key[1]:
            request.setFilterFids(layer.selectedFeatureIds())
        source, crs, name = QgsVectorLayerFeatureSource(layer), layer.crs(), layer.name()
        context, canvas_crs = QgsProject.instance().transformContext(), self._canvas_crs()

        def read(task):
            try:
                area = area_from_features(source.getFeatures(request), crs, context, name)
            except IgnOfflineError as exc:
                return exc, None
            return area, (canvas_crs, area_geometry(area, canvas_crs, context))

        def done(found):
            self._layer_area = (key,) + found
            self.countsTable.unsetCursor()
            self._draw_area()
            self._update_counts()

        self.layer_reading.start(read, done, lambda message: done((IgnOfflineError(message), None)))

    def _forget_layer_area(self):
        """The layer, its selection or its features changed, or another area was picked: read again if needed."""
        self.layer_reading.stop()
        self._layer_area = None

    def _own_layers(self):
        """The plugin's helper layers (outline, coverage, overview): never the user's polygons."""
        ids = {self.outline_layer_id, self.overview.layer_id}
        return [layer for layer in QgsProject.instance().mapLayers().values() if is_own(layer) or layer.id() in ids]

    def _except_own_layers(self, *args):
        """Mark helper layers before adding them (`toolbelt.layer_tree.mark_own`): they are left out as they come."""
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
            self._remember_layer()
        self._unwatch()
        self._watched_layer = layer
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)
            layer.dataChanged.connect(self._layer_edited)
        self._area_changed()

    def _remember_layer(self, *args):
        """The layer chosen, by id, with its project's file (once saved): chosen again when that project is
        opened again (`_restore_layer`), after a restart too."""
        layer = self.polygonLayerCombo.currentLayer()
        if layer is not None:
            settings.store_json(settings.AREA_LAYER, {"layer": layer.id(), "name": layer.name(),
                                                      "project": QgsProject.instance().absoluteFilePath()})

    def _restore_layer(self, *args):
        """At start, and when a project is opened: the layer chosen before in that project, chosen again silently
        when it is there; when it is not, the picker says it is gone and waits for the user's choice. Never a
        layer of another project, nor any other layer in its place."""
        remembered = settings.json_value(settings.AREA_LAYER, {})
        project = QgsProject.instance()
        if (self.polygonLayerCombo.currentLayer() is not None or not project.absoluteFilePath()
                or remembered.get("project") != project.absoluteFilePath()):
            return
        layer = project.mapLayer(remembered.get("layer") or "")
        if (isinstance(layer, QgsVectorLayer) and layer.geometryType() == QgsWkbTypes.PolygonGeometry
                and layer not in self._except_own_layers()):
            self.polygonLayerCombo.setLayer(layer)
        elif remembered.get("name"):
            self.gone_layer = remembered["name"]
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
            self._forget_layer_area()

    def _selection_changed(self, *args):
        if self.areaCombo.currentData() == POLYGON_LAYER and self.selectedOnlyCheck.isChecked():
            self._area_changed()
