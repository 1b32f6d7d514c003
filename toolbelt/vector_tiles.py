"""Vector MBTiles as QGIS vector tile layers, drawn with their saved Mapbox GL styles, with no network.

QGIS 3.22's own `styleUrl` loading fetches a style's sprite over the network only (a local sprite path is
glued to the style's URL), so the saved style is converted here: QgsMapBoxGlStyleConverter with the local
sprite given through QgsMapBoxGlStyleConversionContext.setSprites, the same units as QGIS's own loading,
and the bundled fonts registered first (toolbelt.fonts). The layer keeps its style's name in a custom
property (saved with the project), which switch_style changes.

Beyond the file's maxzoom the layer overzooms by itself: QgsVectorTileLayer reads the MBTiles' minzoom and
maxzoom and draws the deepest tiles it has, labels included.
"""

import os

from qgis.core import (
    QgsDataSourceUri,
    QgsMapBoxGlStyleConversionContext,
    QgsMapBoxGlStyleConverter,
    QgsUnitTypes,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtGui import QImage

from ..core.errors import InputError
from ..core.mbtiles import MBTilesReader
from ..core.vector import styles as saved
from ..i18n import say
from .fonts import register_fonts
from .layer_tree import add_to_group, describe, is_own, mbtiles_title

STYLE_PROPERTY = "ign_offline/style"


def vector_tile_uri(path):
    uri = QgsDataSourceUri()
    uri.setParam("type", "mbtiles")
    uri.setParam("url", path)
    return bytes(uri.encodedUri()).decode()


def mbtiles_path(layer):
    """The MBTiles file a vector tile layer reads ('' for another kind of source)."""
    uri = QgsDataSourceUri()
    uri.setEncodedUri(layer.source())
    return uri.param("url") if uri.param("type") == "mbtiles" else ""


def find_loaded(project, path):
    """The vector tile layer of `project` reading the MBTiles `path`, or None."""
    wanted = os.path.normcase(os.path.realpath(path))
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorTileLayer) and mbtiles_path(layer) and not is_own(layer) and \
                os.path.normcase(os.path.realpath(mbtiles_path(layer))) == wanted:
            return layer
    return None


def load_vector_mbtiles(project, path, style=None, title=None, feedback=None):
    """The vector MBTiles `path` as a vector tile layer in the IGN Offline group, drawn with its saved `style`
    (None: the first saved one; none saved: QGIS's default look). A layer already reading `path` gets the
    style instead and is returned. Raises ValueError if QGIS cannot open the file, InputError for a style that
    is not saved. The converter's warnings go to `feedback` (pushWarning)."""
    layer = find_loaded(project, path)
    if layer is None:
        with MBTilesReader(path) as reader:
            metadata = reader.metadata()
        layer = QgsVectorTileLayer(vector_tile_uri(path), title or mbtiles_title(path, metadata))
        if not layer.isValid():
            raise InputError("QGIS cannot open {} as vector tiles.", path)  # a ValueError too
        describe(layer, metadata)  # the identifier in the tooltip, the attribution the layer's
        fresh = True
    else:
        fresh = False
    if style:
        switch_style(layer, style, feedback)
    else:
        _first_style_that_draws(layer, saved.saved_styles(path), feedback)
    if fresh:
        add_to_group(project, layer)
    else:
        layer.triggerRepaint()
    return layer


def _first_style_that_draws(layer, names, feedback):
    """The layer drawn with the first of its saved styles that can be read (one edited or damaged is said and
    skipped: the map is never lost for it); with QGIS's default look when none can."""
    for name in names:
        try:
            switch_style(layer, name, feedback)
            return name
        except InputError as exc:
            if feedback is not None:
                feedback.pushWarning(say("The style '{}' was not used: {}", name, exc.message))
    return None


def switch_style(layer, style, feedback=None):
    """Draw the vector tile `layer` with its saved style `style`, offline; the converter's warnings (a list
    of str, also pushed to `feedback`)."""
    path = mbtiles_path(layer)
    saved.check_saved(path, style)
    style_file = saved.style_path(path, style)
    document = saved.read_style(style_file)
    renderer, labeling, warnings = convert(style_file, document)
    with MBTilesReader(path) as reader:
        metadata = reader.metadata()
    if saved.draws_nothing_of(document, metadata):
        warnings.append(say("The style '{}' draws none of the layers of {}: it is made for other data; choose "
                            "a style saved for this file.", style, os.path.basename(path)))
    layer.setRenderer(renderer)
    layer.setLabeling(labeling)
    layer.setCustomProperty(STYLE_PROPERTY, style)
    layer.triggerRepaint()
    for warning in warnings:
        if feedback is not None:
            feedback.pushWarning(warning)
    return warnings


def current_style(layer):
    """The name of the saved style `layer` is drawn with ('' when none)."""
    return layer.customProperty(STYLE_PROPERTY) or ""


def layer_styles(layer):
    """The styles saved for the MBTiles a vector tile layer reads (what a style picker offers)."""
    path = mbtiles_path(layer)
    return saved.saved_styles(path) if path else []


def convert(style_file, style=None):
    """(renderer, labeling, warnings) of the saved Mapbox GL style `style_file` (`style`: its content, when
    already read), its sprite read locally."""
    register_fonts()  # idempotent; the converter looks fonts up in QFontDatabase
    style = style if style is not None else saved.read_style(style_file)
    context = QgsMapBoxGlStyleConversionContext()
    # What QgsVectorTileLayer.loadDefaultStyle sets: a style's sizes are CSS pixels (1/96 inch), converted into
    # MILLIMETRES with 25.4/96, so that text-size 11 is drawn 11 px high at 96 dpi as MapLibre draws it, and
    # larger on a print or a high-dpi tile rendering. (That factor with Pixels drew every size at 26 %.)
    context.setTargetUnit(QgsUnitTypes.RenderMillimeters)
    context.setPixelSizeConversionFactor(25.4 / 96.0)
    sprite = saved.local_sprite(style_file)
    if sprite is not None:
        definitions, image_path = sprite
        image = QImage(image_path)
        if image.isNull():
            raise InputError("The sprite image '{}' cannot be read: save the styles again.", image_path)
        context.setSprites(image, definitions)
    converter = QgsMapBoxGlStyleConverter()
    if converter.convert(style, context) != QgsMapBoxGlStyleConverter.Success:
        raise InputError("The style '{}' cannot be converted: {}", style_file, converter.errorMessage())
    return converter.renderer(), converter.labeling(), list(converter.warnings())

