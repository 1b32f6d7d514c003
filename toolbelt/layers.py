"""Putting results into the project's layer tree: in one group, newest on top, visible, one legend line per
basemap; and telling the plugin's own helper layers (outline, coverage, overview) from the user's."""

import os

from qgis.core import (
    QgsApplication,
    QgsMapLayerLegend,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
)

from ..core.errors import InputError
from ..core.mbtiles import RECOVERED_KEY, MBTilesReader
from ..core.messages import Message
from ..core.naming import display_title
from ..core.vector.mvt import is_vector
from ..i18n import say

# The layer-tree group, in the user's language ("IGN Hors ligne"); a group of the English name (a project made
# in English) is used as it is.
GROUP_NAME = Message("IGN Offline")
OWN_PROPERTY = "ign_offline/own"  # a custom property on the plugin's helper layers; saved with the project


def mark_own(layer):
    """Mark `layer` as one of the plugin's helper layers (an area outline, the library coverage, the overview
    basemap): never offered as the user's polygons, and known again in a project saved then reopened."""
    layer.setCustomProperty(OWN_PROPERTY, True)
    return layer


def is_own(layer):
    """True for the plugin's helper layers: marked by `mark_own`, or by toolbelt.helper_layers with their role
    ("outline", "coverage", "overview") in the same property."""
    value = layer.customProperty(OWN_PROPERTY, False) if layer is not None else False
    return bool(value) and str(value).lower() not in ("false", "0")


class BasemapLegend(QgsMapLayerLegend):
    """No legend lines under a basemap: its red, green and blue bands ("Band 1/2/3") mean nothing to a reader."""

    def createLayerTreeModelLegendNodes(self, node_layer):  # noqa: N802 (QGIS API name)
        return []


def add_to_group(project, layer, group_name=GROUP_NAME):
    """Add `layer` to the project at the top of a top-level group (created on first use, named in the user's
    language): newest on top, and visible (a result out of sight looks like no result)."""
    root = project.layerTreeRoot()
    name = say(group_name)
    group = root.findGroup(name) or root.findGroup(str(group_name)) or root.insertGroup(0, name)
    project.addMapLayer(layer, False)
    show_in_tree(group.insertLayer(0, layer))
    return layer


def show_in_tree(node):
    """Make `node` visible: checked, and every group above it checked; the other layers of a group the user had
    hidden are unchecked first, so that only this result appears, not what the user hid."""
    node.setItemVisibilityChecked(True)
    parent = node.parent()
    while parent is not None and parent.parent() is not None:  # up to, not including, the root
        if not parent.itemVisibilityChecked():
            for child in parent.children():
                child.setItemVisibilityChecked(False)
            node.setItemVisibilityChecked(True)
            parent.setItemVisibilityChecked(True)
        node, parent = parent, parent.parent()


def mbtiles_title(path, metadata=None):
    """What the layer tree shows: the tile set's own name, else the file name made readable — a title, never a raw
    identifier ("PLAN.IGN" shows as "Plan IGN": core.naming.display_title)."""
    if metadata is None:
        with MBTilesReader(path) as reader:
            metadata = reader.metadata()
    stem = os.path.splitext(os.path.basename(path))[0]
    title = display_title(metadata.get("ign_offline:layer") or stem, metadata.get("name"), stem.replace("_", " "))
    if metadata.get(RECOVERED_KEY):  # told from the library's file of the same layer, which has the same title
        return say(Message("{} (recovered from the cache)", title))
    return title


def describe(layer, metadata):
    """The raw identifier and the server of an MBTiles layer in its abstract (the layer tree's tooltip), where the
    name shows the title; the tile set's attribution as the layer's (QGIS prints it with the map)."""
    lines = [metadata.get(key) for key in ("ign_offline:layer", "ign_offline:source") if metadata.get(key)]
    if lines:
        layer.setAbstract("\n".join(lines))
    if metadata.get("attribution"):
        layer.setAttribution(metadata["attribution"])
    return layer


def load_mbtiles(project, path, title=None):
    """The MBTiles as a layer in the group — a raster layer, or a vector tile layer with its saved style for a
    vector file (`format=pbf`) —; None if it is already in the project (then it is redrawn: a download may have
    added tiles to it).

    Raises ValueError if QGIS cannot open it.
    """
    with MBTilesReader(path) as reader:
        metadata = reader.metadata()
    for present in project.mapLayers().values():
        # The plugin's own layers reading the same file (the overview basemap is the library's Plan IGN v2) are
        # not the download's: never renamed nor reused, the download gets its layer in the group.
        if present.source() == path and not is_own(present):
            if title:
                present.setName(title)  # what the file holds now (not the area it was first loaded for)
            if present.dataProvider() is not None:
                present.dataProvider().reloadData()
            present.triggerRepaint()
            node = project.layerTreeRoot().findLayer(present.id())
            if node is not None:
                show_in_tree(node)
            return None
    if is_vector(metadata):
        from .vector_tiles import find_loaded, load_vector_mbtiles  # it builds on this module

        present = find_loaded(project, path)
        if present is not None:  # redrawn with the tiles a download added, named for what it holds now
            if title:
                present.setName(title)
            present.triggerRepaint()
            return None
        return load_vector_mbtiles(project, path, title=title or mbtiles_title(path, metadata))
    layer = QgsRasterLayer(path, title or mbtiles_title(path, metadata), "gdal")
    if not layer.isValid():
        raise InputError("GDAL cannot open {}.", path)  # a ValueError too, said in the user's language
    layer.setLegend(BasemapLegend())
    return add_to_group(project, describe(layer, metadata))


def load_vrt(project, path, title):
    """The mosaic as a layer in the IGN Offline group (replacing an older copy of the same file)."""
    for layer in project.mapLayers().values():
        if layer.source() == path:
            project.removeMapLayer(layer.id())  # rebuilt with more tiles: reload it
    layer = QgsRasterLayer(path, title, "gdal")
    if not layer.isValid():
        raise InputError("GDAL cannot open {}.", path)  # a ValueError too, said in the user's language
    if layer.bandCount() >= 3:
        layer.setLegend(BasemapLegend())  # a photograph: its colour bands are no legend (an MNS keeps its ramp)
    return add_to_group(project, layer)


# QGIS's "Generate XYZ tiles (MBTiles)": the Python one up to QGIS 3.24, a native one since.
RENDERERS = ("qgis:tilesxyzmbtiles", "native:tilesxyzmbtiles")


def render_vector_mbtiles(path, output, bbox, zoom_min, zoom_max, feedback):
    """The styled vector MBTiles rendered by QGIS's own tile renderer (qgis:tilesxyzmbtiles) into a raster
    MBTiles of PNG tiles over `bbox` (lon/lat) at zooms `zoom_min`-`zoom_max`, for apps that draw only pictures.

    The layer sits alone in a project of its own (the renderer draws a project's layers): the user's project is
    not touched. Raises QgsProcessingException when the renderer fails.
    """
    from .vector_tiles import load_vector_mbtiles  # it builds on this module

    project = QgsProject()
    load_vector_mbtiles(project, path)
    context = QgsProcessingContext()
    context.setProject(project)
    registry = QgsApplication.processingRegistry()
    algorithm = next(filter(None, (registry.createAlgorithmById(name) for name in RENDERERS)), None)
    if algorithm is None:
        raise InputError("QGIS's {} algorithm is not available (the Processing plugin is not loaded): it draws vector "
                         "tiles into raster tiles. Enable Processing, or export the vector tiles as mbtiles or "
                         "pmtiles.", RENDERERS[0])
    west, south, east, north = bbox
    parameters = {"EXTENT": "{},{},{},{} [EPSG:4326]".format(west, east, south, north), "ZOOM_MIN": zoom_min,
                  "ZOOM_MAX": zoom_max, "DPI": 96, "TILE_FORMAT": 0, "QUALITY": 75, "METATILESIZE": 4,
                  "OUTPUT_FILE": output}
    results, ok = algorithm.run(parameters, context, feedback)
    if not ok or not os.path.isfile(output):
        raise QgsProcessingException(say("QGIS could not render {} into raster tiles.", path))
    return output
