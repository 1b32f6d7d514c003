"""The plugin's own helper layers (the area outline, the library coverage) as tables of a small GeoPackage in the
library, never memory layers: QGIS then does not ask about "temporary layers" on quit, and a saved project, or its
offline copy, keeps them with their features."""

import os

from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer

from ..core.errors import IgnOfflineError
from .layer_tree import OWN_PROPERTY

HELPER_FOLDER = "areas"
HELPER_FILE = "plugin_layers.gpkg"
# The custom property naming what a helper layer is ("outline", "coverage", "overview"): layer_tree.mark_own's, so
# that is_own knows them too (never offered as the user's polygons).
ROLE = OWN_PROPERTY


def helper_path(library):
    return os.path.join(library, HELPER_FOLDER, HELPER_FILE)


def write_table(layer, path, table, transform_context=None):
    """`layer`'s features as the table `table` of the GeoPackage `path` (the table replaced, the file created when
    missing, its other tables kept); raises IgnOfflineError when GDAL cannot write it."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if os.path.exists(path)
                                    else QgsVectorFileWriter.CreateOrOverwriteFile)
    context = transform_context or QgsProject.instance().transformContext()
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, context, options)
    if error != QgsVectorFileWriter.NoError:
        raise IgnOfflineError("{} cannot be written ({}): check that the folder is writable.", path, message)
    return "{}|layername={}".format(path, table)


def store_helper_layer(project, layer, library, table, role):
    """Replace the memory `layer` by the same features in `table` of the library's helper GeoPackage: a file-backed
    layer with `layer`'s name and renderer, tagged with `role`. The project's previous layer of that table is removed
    first (its table is about to be rewritten). Raises IgnOfflineError when the file cannot be written."""
    path = helper_path(library)
    for present in list(project.mapLayers().values()):
        if present.providerType() == "ogr" and _same_table(present.source(), path, table):
            project.removeMapLayer(present.id())
    source = write_table(layer, path, table, project.transformContext())
    stored = QgsVectorLayer(source, layer.name(), "ogr")
    if not stored.isValid():
        raise IgnOfflineError("{} cannot be read back: check that the folder is writable.", path)
    if layer.renderer() is not None:
        stored.setRenderer(layer.renderer().clone())
    stored.setCustomProperty(ROLE, role)
    return stored


def _same_table(source, path, table):
    file_part, _, rest = source.partition("|")
    return os.path.normcase(os.path.abspath(file_part)) == os.path.normcase(os.path.abspath(path)) and \
        "layername={}".format(table) in rest.split("|")


def helper_layers(project, role=None):
    """The project's layers the plugin made (all, or those of `role`)."""
    return [layer for layer in project.mapLayers().values()
            if layer.customProperty(ROLE) and (role is None or layer.customProperty(ROLE) == role)]
