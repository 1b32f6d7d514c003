"""Putting results into the project's layer tree."""

GROUP_NAME = "IGN Offline"


def add_to_group(project, layer, group_name=GROUP_NAME):
    """Add `layer` to the project inside a top-level group (created on first use)."""
    root = project.layerTreeRoot()
    group = root.findGroup(group_name) or root.insertGroup(0, group_name)
    project.addMapLayer(layer, False)
    group.addLayer(layer)
    return layer
