"""Putting results into the project's layer tree (`layer_tree`): MBTiles (raster, or vector through `vector_tiles`)
and mosaics as layers of the plugin's group, and a styled vector MBTiles rendered into raster tiles."""

import os

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
)

from ..core.errors import InputError
from ..core.mbtiles import MBTilesReader
from ..core.vector.mvt import is_vector
from ..i18n import say
from .layer_tree import BasemapLegend, add_to_group, describe, is_own, mbtiles_title, show_in_tree
from .sidecars import inputs_left_alone
from .vector_tiles import find_loaded, load_vector_mbtiles


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
        present = find_loaded(project, path)
        if present is not None:  # redrawn with the tiles a download added, named for what it holds now
            if title:
                present.setName(title)
            present.triggerRepaint()
            return None
        return load_vector_mbtiles(project, path, title=title or mbtiles_title(path, metadata))
    with inputs_left_alone():  # a user's file, the library's: no .aux.xml beside it, nor an overview's in the cwd
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
    with inputs_left_alone():
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
