"""Putting results into the project's layer tree: in one group, newest on top, one legend line per basemap."""

import os

from qgis.core import QgsMapLayerLegend, QgsRasterLayer

from ..core.mbtiles import MBTilesReader

GROUP_NAME = "IGN Offline"


class BasemapLegend(QgsMapLayerLegend):
    """No legend lines under a basemap: its red, green and blue bands ("Band 1/2/3") mean nothing to a reader."""

    def createLayerTreeModelLegendNodes(self, node_layer):  # noqa: N802 (QGIS API name)
        return []


def add_to_group(project, layer, group_name=GROUP_NAME):
    """Add `layer` to the project at the top of a top-level group (created on first use): newest on top."""
    root = project.layerTreeRoot()
    group = root.findGroup(group_name) or root.insertGroup(0, group_name)
    project.addMapLayer(layer, False)
    group.insertLayer(0, layer)
    return layer


def mbtiles_title(path, metadata=None):
    """What the layer tree shows: the tile set's own name, else the file name made readable."""
    if metadata is None:
        with MBTilesReader(path) as reader:
            metadata = reader.metadata()
    name = (metadata.get("name") or "").strip()
    return name or os.path.splitext(os.path.basename(path))[0].replace("_", " ")


def load_mbtiles(project, path, title=None):
    """The MBTiles as a raster layer in the group; None if it is already in the project (then it is redrawn:
    a download may have added tiles to it).

    Raises ValueError if GDAL cannot open it.
    """
    for present in project.mapLayers().values():
        if present.source() == path:
            present.dataProvider().reloadData()
            present.triggerRepaint()
            return None
    layer = QgsRasterLayer(path, title or mbtiles_title(path), "gdal")
    if not layer.isValid():
        raise ValueError("GDAL cannot open {}".format(path))
    layer.setLegend(BasemapLegend())
    return add_to_group(project, layer)


def load_vrt(project, path, title):
    """The mosaic as a layer in the IGN Offline group (replacing an older copy of the same file)."""
    for layer in project.mapLayers().values():
        if layer.source() == path:
            project.removeMapLayer(layer.id())  # rebuilt with more tiles: reload it
    layer = QgsRasterLayer(path, title, "gdal")
    if not layer.isValid():
        raise ValueError("GDAL cannot open {}".format(path))
    if layer.bandCount() >= 3:
        layer.setLegend(BasemapLegend())  # a photograph: its colour bands are no legend (an MNS keeps its ramp)
    return add_to_group(project, layer)
