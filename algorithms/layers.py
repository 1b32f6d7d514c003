"""Putting results into the project's layer tree."""

import os

from qgis.core import QgsRasterLayer

from ..core.mbtiles import MBTilesReader

GROUP_NAME = "IGN Offline"


def add_to_group(project, layer, group_name=GROUP_NAME):
    """Add `layer` to the project inside a top-level group (created on first use)."""
    root = project.layerTreeRoot()
    group = root.findGroup(group_name) or root.insertGroup(0, group_name)
    project.addMapLayer(layer, False)
    group.addLayer(layer)
    return layer


def mbtiles_title(path, metadata=None):
    """What the layer tree shows: the tile set's own name, else the file name made readable."""
    if metadata is None:
        with MBTilesReader(path) as reader:
            metadata = reader.metadata()
    name = (metadata.get("name") or "").strip()
    return name or os.path.splitext(os.path.basename(path))[0].replace("_", " ")


def load_mbtiles(project, path, title=None):
    """The MBTiles as a raster layer in the group; None if it is already in the project.

    Raises ValueError if GDAL cannot open it.
    """
    if path in {layer.source() for layer in project.mapLayers().values()}:
        return None
    layer = QgsRasterLayer(path, title or mbtiles_title(path), "gdal")
    if not layer.isValid():
        raise ValueError("GDAL cannot open {}".format(path))
    return add_to_group(project, layer)
