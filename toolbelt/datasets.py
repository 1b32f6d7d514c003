"""Whole datasets in the project: BD TOPO and Parcellaire Express as a group of styled, readable layers at the top;
the relief (hillshade, slope, contours) as a group under them but above the opaque basemaps (the orthophotos, the
plugin's raster and vector tiles, the overview basemap), its hillshade half transparent and multiplying them, so
a map keeps its colours and gains the shadows; BD ORTHO as a mosaic under the relief. Each group is marked with its
kind, so that the tree keeps that order whatever order the products are loaded in.

The rasters get renderers with fixed ranges (a hillshade is 0-255, a slope 0-90°, an orthophoto plain RGB), and
are opened without GDAL's .aux.xml sidecars: QGIS computes no statistics for them and writes nothing into the
library.

Styles are built here in code rather than in QML files: each is a few lines (a colour, a width, a label field),
readable next to the table it serves, and follows the columns the file really has (Parcellaire Express writes them
in capitals).
"""

import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsMultiBandColorRenderer,
    QgsPalLayerSettings,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtGui import QColor, QPainter

from ..core.datasets.vectors import useful_layers
from ..i18n import marked, say, tr
from .layer_tree import BasemapLegend, show_in_tree
from .sidecars import inputs_left_alone

# Table (lower case) → the layer's name, translated where shown.
LAYER_TITLES = {
    "zone_de_vegetation": marked("Vegetation"),
    "surface_hydrographique": marked("Water surfaces"),
    "commune": marked("Communes"),
    "batiment": marked("Buildings"),
    "troncon_hydrographique": marked("Rivers and streams"),
    "troncon_de_voie_ferree": marked("Railways"),
    "troncon_de_route": marked("Roads"),
    "zone_d_habitation": marked("Towns and villages"),
    "lieu_dit_non_habite": marked("Place names"),
    "feuille": marked("Cadastral sheets"),
    "parcelle": marked("Parcels"),
}
RELIEF_TITLES = {"hillshade": marked("Hillshade"), "slope": marked("Slope (degrees)"),
                 "contours": marked("Contour lines")}
ORTHO_TITLE = marked("Orthophotos")

# A custom property on the dataset groups: their kind, which sets their place in the layer tree.
KIND_PROPERTY = "ign_offline/dataset_group"
VECTOR, ORTHO, RELIEF = "vector", "ortho", "relief"

# Roads by BD TOPO's `importance` (1: motorways and main links … 6: tracks and paths): colour, width (mm), casing.
ROAD_STYLES = (
    ("1", "#e8473b", 1.3, "#7a1f17"),
    ("2", "#f08a3c", 1.1, "#8a4a14"),
    ("3", "#f7d358", 0.8, "#8a7a2a"),
    ("4", "#ffffff", 0.6, "#8c8c8c"),
    ("5", "#ffffff", 0.4, "#a0a0a0"),
    ("6", "#8c6d46", 0.3, None),
)
BUILDING_GREY = "#b4b0a8"
WATER_BLUE = "#4a90d9"
WATER_FILL = "#a6cee3"
VEGETATION_GREEN = "#d4ebbf"
HILLSHADE_OPACITY = 0.6  # multiplied on a basemap: enough to read the relief, not so much that the map goes dark


def load_vector_dataset(project, gpkg_path, product, title, feedback=None):
    """The useful layers of `gpkg_path` (a GeoPackage, or a folder of shapefiles for Parcellaire Express) in a
    group `title` at the top of the layer tree, styled and named for people; an older group of that name is
    replaced. Layers GDAL cannot open are reported to `feedback` and left out. Returns the group."""
    group = _new_group(project, title, VECTOR)
    folder = os.path.isdir(gpkg_path)
    for table in reversed(useful_layers(product, gpkg_path)):  # top of the tree first: drawn last
        source = os.path.join(gpkg_path, table + ".shp") if folder else "{}|layername={}".format(gpkg_path, table)
        layer = QgsVectorLayer(source, tr(LAYER_TITLES.get(table.lower(), table)), "ogr")
        if not layer.isValid():
            if feedback is not None:
                feedback.reportError(say("The layer {} of {} cannot be opened: it is left out.", table,
                                         os.path.basename(gpkg_path)))
            continue
        _styler(product, table.lower())(layer)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    show_in_tree(group)
    return group


def load_relief(project, paths, title):
    """The relief results `paths` ({"hillshade": …, "slope": …, "contours": …}) in a group `title` just above the
    topmost opaque basemap of the layer tree (at the bottom when there is none): under a basemap the relief would
    not show. The hillshade is half transparent and multiplies the basemap under it (a map keeps its colours and
    gains the shadows), the slope map above it is half transparent and hidden at first, the contours thin brown
    lines on top. Returns the group."""
    group = _new_group(project, title, RELIEF)
    for kind in ("contours", "slope", "hillshade"):  # top of the group first
        path = paths.get(kind)
        if not path:
            continue
        if kind == "contours":
            layer = QgsVectorLayer("{}|layername=contours".format(path), tr(RELIEF_TITLES[kind]), "ogr")
        else:
            layer = _raster_layer(path, tr(RELIEF_TITLES[kind]))
        if not layer.isValid():
            raise ValueError(say("QGIS cannot open {}.", path))
        {"hillshade": _hillshade, "slope": _slope, "contours": _contours}[kind](layer)
        project.addMapLayer(layer, False)
        node = group.addLayer(layer)
        node.setItemVisibilityChecked(kind != "slope")
    return group


def load_orthos(project, vrt_path, title):
    """The BD ORTHO mosaic `vrt_path` in a group `title` under the vector datasets' groups and the relief (an
    orthophoto hides what is under it, the hillshade shades it), drawn as plain RGB (replacing an older group of
    that name). Returns the group."""
    layer = _raster_layer(vrt_path, tr(ORTHO_TITLE))
    if not layer.isValid():
        raise ValueError(say("QGIS cannot open {}.", vrt_path))
    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), 1, 2, 3)  # 0-255 as they are: no stretch
    layer.setRenderer(renderer)
    layer.setLegend(BasemapLegend())  # a photograph: its colour bands are no legend
    group = _new_group(project, title, ORTHO)
    project.addMapLayer(layer, False)
    group.addLayer(layer)
    show_in_tree(group)
    return group


def _raster_layer(path, name):
    with inputs_left_alone():  # the library's own rasters too: statistics are QGIS's, not files'
        return QgsRasterLayer(path, name, "gdal")


def _new_group(project, title, kind):
    """A new group `title` of dataset `kind` (an older one of that name removed with its layers) in its place:
    vector datasets at the top, the orthophotos just under the last of them and of the relief groups, the relief
    just above the topmost opaque basemap (at the bottom when there is none)."""
    _remove_group(project, title)
    root = project.layerTreeRoot()
    children = root.children()
    if kind == VECTOR:
        index = 0
    elif kind == ORTHO:
        above = [i for i, node in enumerate(children) if node.customProperty(KIND_PROPERTY) in (VECTOR, RELIEF)]
        index = above[-1] + 1 if above else 0
    else:
        index = next((i for i, node in enumerate(children) if _is_opaque(node)), len(children))
    group = root.insertGroup(index, title)
    group.setCustomProperty(KIND_PROPERTY, kind)
    return group


def _is_opaque(node):
    """True for a top-level node that hides what is under it: the orthophotos, or a layer or group (the plugin's
    "IGN Offline" group of tiles, the overview basemap, the user's own basemaps) holding a raster or a vector tile
    layer. The relief and the vector datasets are not: they let the map under them show."""
    kind = node.customProperty(KIND_PROPERTY)
    if kind == ORTHO:
        return True
    if kind in (VECTOR, RELIEF):
        return False
    layers = [node.layer()] if hasattr(node, "layer") else [child.layer() for child in node.findLayers()]
    return any(isinstance(layer, (QgsRasterLayer, QgsVectorTileLayer)) for layer in layers)


def _remove_group(project, title):
    """Remove an older group `title` and its layers: a reload shows the dataset once."""
    root = project.layerTreeRoot()
    old = root.findGroup(title)
    if old is not None:
        project.removeMapLayers(old.findLayerIds())
        root.removeChildNode(old)


# -- styles --------------------------------------------------------------------------------------------------------

def _field(layer, name):
    """The layer's own spelling of a column (Parcellaire Express: NUMERO), or None when it has none."""
    for field in layer.fields():
        if field.name().lower() == name:
            return field.name()
    return None


def _single(layer, symbol):
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def _fill(colour, outline="no", width=0.2, style="solid"):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline if outline != "no" else "0,0,0,0",
                                      "outline_width": str(width), "style": style,
                                      "outline_style": "no" if outline == "no" else "solid"})


def _outline(colour, width, dash=False):
    return QgsFillSymbol.createSimple({"style": "no", "outline_color": colour, "outline_width": str(width),
                                      "outline_style": "dash" if dash else "solid"})


def _line(colour, width, dash=False):
    return QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width),
                                      "line_style": "dash" if dash else "solid", "capstyle": "round",
                                      "joinstyle": "round"})


def _label(layer, column, size=9, colour="#202020", italic=False):
    """Labels from `column` (found whatever its case), with a white halo so they read on any background."""
    field = _field(layer, column)
    if field is None:
        return
    text = QgsTextFormat()
    text.setSize(size)
    text.setColor(QColor(colour))
    font = text.font()
    font.setItalic(italic)
    text.setFont(font)
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    text.setBuffer(halo)
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _roads(layer):
    """Roads by importance: wider and warmer for the main ones, a dark casing under them (symbol levels draw every
    casing first, so crossings read as junctions), dashed brown for tracks and paths."""
    field = _field(layer, "importance")
    if field is None:
        return _single(layer, _line("#808080", 0.4))
    categories = []
    for rank, (value, colour, width, casing) in enumerate(ROAD_STYLES):
        symbol = _line(colour, width, dash=casing is None)
        if casing is not None:
            casing_symbol = _line(casing, width + 0.8)  # kept alive while its layer is cloned
            under = casing_symbol.symbolLayer(0).clone()
            under.setRenderingPass(0)
            symbol.insertSymbolLayer(0, under)
        symbol.symbolLayer(symbol.symbolLayerCount() - 1).setRenderingPass(len(ROAD_STYLES) - rank)
        categories.append(QgsRendererCategory(value, symbol, value))
    categories.append(QgsRendererCategory("", _line("#b0b0b0", 0.3), tr("Other")))  # NC (not classified)
    renderer = QgsCategorizedSymbolRenderer(field, categories)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)


def _buildings(layer):
    _single(layer, _fill(BUILDING_GREY, "#8a857c", 0.1))


def _cadastre_buildings(layer):
    _single(layer, _fill("#c8b8a8", "#8a7a6a", 0.1))


def _water(layer):
    _single(layer, _fill(WATER_FILL, WATER_BLUE, 0.2))


def _rivers(layer):
    _single(layer, _line(WATER_BLUE, 0.5))


def _vegetation(layer):
    _single(layer, _fill(VEGETATION_GREEN))


def _railways(layer):
    _single(layer, _line("#555555", 0.6))


def _communes(layer):
    _single(layer, _outline("#9c6fb0", 0.5, dash=True))


def _sheets(layer):
    _single(layer, _outline("#606060", 0.3, dash=True))


def _towns(layer):
    _single(layer, _fill("0,0,0,0"))
    _label(layer, "toponyme", size=11)


def _place_names(layer):
    _single(layer, QgsMarkerSymbol.createSimple({"name": "circle", "color": "#505050", "size": "1.2",
                                                 "outline_style": "no"}))
    _label(layer, "toponyme", size=8, colour="#404040", italic=True)


def _parcels(layer):
    _single(layer, _outline("#c05050", 0.2))
    _label(layer, "numero", size=7, colour="#803030")


def _keep(layer):
    pass


STYLES = {"troncon_de_route": _roads, "surface_hydrographique": _water, "troncon_hydrographique": _rivers,
          "zone_de_vegetation": _vegetation, "troncon_de_voie_ferree": _railways, "commune": _communes,
          "zone_d_habitation": _towns, "lieu_dit_non_habite": _place_names, "feuille": _sheets,
          "parcelle": _parcels}


def _styler(product, table):
    """The style of `table` (lower case): buildings read differently on a cadastral plan and on a topographic map."""
    if table == "batiment":
        return _cadastre_buildings if product == "PARCELLAIRE-EXPRESS" else _buildings
    return STYLES.get(table, _keep)


def _hillshade(layer):
    """Grey 0-255 as gdaldem writes it (a fixed range: no statistics), half transparent and multiplying the basemap
    under it: the basemap's colours stay, darkened where the slopes turn from the light."""
    renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), 1)
    stretch = QgsContrastEnhancement(layer.dataProvider().dataType(1))
    stretch.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    stretch.setMinimumValue(0)
    stretch.setMaximumValue(255)
    renderer.setContrastEnhancement(stretch)
    renderer.setOpacity(HILLSHADE_OPACITY)
    layer.setRenderer(renderer)
    layer.setBlendMode(QPainter.CompositionMode_Multiply)


def _slope(layer):
    """Slopes 0-90° (a fixed range: no statistics), white to dark red at 45° and over."""
    ramp = QgsColorRampShader(0.0, 90.0)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(0.0, QColor("#ffffff"), "0°"),
                               QgsColorRampShader.ColorRampItem(15.0, QColor("#f7d358"), "15°"),
                               QgsColorRampShader.ColorRampItem(30.0, QColor("#f08a3c"), "30°"),
                               QgsColorRampShader.ColorRampItem(45.0, QColor("#a01010"), "45°"),
                               QgsColorRampShader.ColorRampItem(90.0, QColor("#a01010"), "90°")])
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(90.0)
    renderer.setOpacity(0.5)
    layer.setRenderer(renderer)


def _contours(layer):
    _single(layer, _line("#a0703c", 0.2))
