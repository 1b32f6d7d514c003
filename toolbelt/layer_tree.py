"""The ground of toolbelt: the plugin's place in the project's layer tree (one group, newest on top, visible, one
legend line per basemap), how a tile set is titled and described there, and telling the plugin's own helper layers
(outline, coverage, overview) from the user's. What loads layers (`layers`, `vector_tiles`) builds on it."""

import os

from qgis.core import QgsMapLayerLegend

from ..core.mbtiles import RECOVERED_KEY, MBTilesReader
from ..core.messages import Message
from ..core.naming import display_title
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
