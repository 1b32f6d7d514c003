"""What of `make_project_offline` needs the open QGIS project: a memory layer's features, which only it holds (a
project file keeps none). The rest of the offline copy is QGIS-free (core.field.offline_copy)."""

import os

from ..core.errors import InputError
from ..core.field import projects
from ..core.messages import plural
from .helper_layers import write_table


def write_memory_layer(offline, layer, live, output, tables):
    """A memory layer's features written into the copy's layers.gpkg, and the layer re-pointed at its table; the
    parts of its line for the report. `live`: the open project (None when there is none)."""
    present = live.mapLayer(layer.id) if live is not None else None
    if present is None or present.providerType() != "memory":
        raise InputError("a temporary (memory) layer: its features are not saved in the project file; open the "
                         "project in QGIS, or save the layer as a file first")
    table = projects.memory_table(layer, tables)
    path = os.path.join(output, projects.LAYERS_FILE)
    write_table(present, path, table, live.transformContext())
    projects.repoint(offline, layer.id, "./{}|layername={}".format(projects.LAYERS_FILE, table), "ogr")
    count = present.featureCount()
    return (plural(count, "{}: temporary layer written → {} ({:,} feature)",
                   "{}: temporary layer written → {} ({:,} features)", layer.name, projects.LAYERS_FILE, count),)
