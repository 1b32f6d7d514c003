"""Issue 29: a style's sizes drawn as the style means them. The same vector tile (made by GDAL's MVT driver: a
vertical line and a labelled point) with the same style (line-width 2, text-size 11) is drawn by QGIS (the canvas'
conversion, and QGIS's tile renderer that makes every raster export of a vector layer) and by MapLibre GL JS in
headless Chromium (the web export's own page), at the same zoom, 96 dpi, device pixel ratio 1; the line's width and
the label's glyph height are MEASURED in pixels in each image and must agree within ±20 %."""

import json
import math
import os
import sqlite3

import mercantile
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingFeedback, QgsRectangle
from qgis.PyQt.QtGui import QImage

from core.field import exports, web
from tests.support import browser, qgis_render

ZOOM = 14
TILE = mercantile.tile(2.3364, 48.8620, ZOOM)  # a tile of Paris
TEXT_SIZE = 11
LINE_WIDTH = 2
# Source Sans Pro's capital height is 0.660 em: an "I" of text-size 11 stands 7.3 px high.
CAP_HEIGHT = 0.660


def tile_geometry():
    """(west, south, east, north) of the tile, and the line's longitude (a quarter of the way across)."""
    box = mercantile.bounds(TILE)
    return box, box.west + (box.east - box.west) / 4


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A vector MBTiles of zooms ZOOM - 1 and ZOOM (MapLibre reads 512 px tiles at ZOOM - 1) made by GDAL: the line
    crosses the whole tile, the point near its centre is named "IIII"; its style saved as IGN Offline saves one,
    `<file>.styles/standard.json`."""
    folder = tmp_path_factory.mktemp("sizes")
    box, line_lon = tile_geometry()
    tall = (box.north - box.south)
    features = [
        {"type": "Feature", "properties": {"kind": "road"}, "geometry": {"type": "LineString", "coordinates": [
            [line_lon, box.south - tall], [line_lon, box.north + tall]]}},
        {"type": "Feature", "properties": {"kind": "town", "name": "IIII"}, "geometry": {"type": "Point",
         "coordinates": [(box.west + box.east) / 2 + (box.east - box.west) / 8, (box.south + box.north) / 2]}}]
    source = folder / "sample.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    path = str(folder / "PLAN.IGN.mbtiles")
    done = gdal.VectorTranslate(path, str(source), format="MBTILES", datasetCreationOptions=[
        "MINZOOM={}".format(ZOOM - 1), "MAXZOOM={}".format(ZOOM), "NAME=Plan IGN"], layerName="plan")
    assert done is not None, gdal.GetLastErrorMsg()
    done = None
    styles = folder / "PLAN.IGN.styles"
    styles.mkdir()
    style = {"version": 8, "name": "standard",
             "sources": {"plan": {"type": "vector", "url": "mbtiles://../PLAN.IGN.mbtiles"}},
             "layers": [
                 {"id": "background", "type": "background", "paint": {"background-color": "#ffffff"}},
                 {"id": "road", "type": "line", "source": "plan", "source-layer": "plan",
                  "filter": ["==", "kind", "road"], "paint": {"line-color": "#000000", "line-width": LINE_WIDTH}},
                 {"id": "town", "type": "symbol", "source": "plan", "source-layer": "plan",
                  "filter": ["==", "kind", "town"],
                  "layout": {"text-field": "{name}", "text-font": ["Source Sans Pro Regular"],
                             "text-size": TEXT_SIZE},
                  "paint": {"text-color": "#000000"}}]}
    (styles / "standard.json").write_text(json.dumps(style))
    return path


def darkness(image):
    """Rows of ink per pixel (0 white … 1 black) of a QImage."""
    image = image.convertToFormat(QImage.Format_RGB32)
    return [[1 - (qgis_render.QColor(image.pixel(x, y)).lightness() / 255) for x in range(image.width())]
            for y in range(image.height())]


def line_width(ink, columns, rows):
    """The vertical line's width in pixels: the ink of each row within `columns` (anti-aliasing counted as the
    fraction it covers), the median over `rows`."""
    widths = sorted(sum(ink[y][x] for x in columns) for y in rows)
    return widths[len(widths) // 2]


def glyph_height(ink, columns, rows):
    """The height in pixels of the label "IIII" within the box `columns` × `rows`: its ink divided by the ink of one
    full row of its four stems (so that the anti-aliased top and bottom rows count for what they cover)."""
    sums = [sum(ink[y][x] for x in columns) for y in rows]
    inked = [value for value in sums if value > 0.05]
    assert inked, "no label drawn"
    full = sorted(inked)[len(inked) * 3 // 4]  # a row through all four stems
    return sum(inked) / full


def measures(image):
    """(line width, glyph height) in pixels of a 256 px image of the tile: the line in the left part (clear of the
    page's scale bar), the label in a box around the middle (clear of the zoom buttons and the attribution)."""
    assert image.width() == image.height() == 256
    ink = darkness(image)
    return line_width(ink, range(0, 96), range(40, 210)), glyph_height(ink, range(96, 208), range(88, 168))


def qgis_canvas_image(project, path):
    from ign_offline.toolbelt.vector_tiles import load_vector_mbtiles

    layer = load_vector_mbtiles(project, path, "standard")
    box = mercantile.xy_bounds(TILE)
    return qgis_render.render_image([layer], QgsRectangle(box.left, box.bottom, box.right, box.top),
                                    qgis_render.MERCATOR, 256)


def qgis_tile_image(path, folder):
    """The tile as QGIS's tile renderer (qgis:tilesxyzmbtiles at 96 dpi) draws it for every raster export."""
    from ign_offline.toolbelt.layers import render_vector_mbtiles

    box = mercantile.bounds(TILE)
    output = str(folder / "rendered.mbtiles")
    render_vector_mbtiles(path, output, (box.west, box.south, box.east, box.north), ZOOM, ZOOM,
                          QgsProcessingFeedback())
    db = sqlite3.connect(output)
    try:
        (data,) = db.execute("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                             (ZOOM, TILE.x, 2 ** ZOOM - 1 - TILE.y)).fetchone()
    finally:
        db.close()
    return QImage.fromData(bytes(data))


def maplibre_image(path, folder):
    """The tile as MapLibre GL JS draws it, in the web export's page: 256 px, centred on the tile, MapLibre zoom
    ZOOM - 1 (its tiles are 512 px at a zoom, 256 px at the next), device pixel ratio 1."""
    viewer = str(folder / "web")
    os.makedirs(viewer, exist_ok=True)
    archive = web.archive_path(viewer)
    exports.export(path, archive, "pmtiles", ZOOM - 1, ZOOM)
    web.write_viewer(viewer, archive, path, "Plan IGN", "© IGN", True)
    box = mercantile.bounds(TILE)
    lat = math.degrees(math.atan(math.sinh((mercantile.xy(0, box.north)[1] + mercantile.xy(0, box.south)[1]) / 2
                                           / 6378137)))
    screenshot = folder / "maplibre.png"
    with browser.Served(viewer) as served:
        report = browser.open_page("{}/index.html#{}/{:.7f}/{:.7f}".format(served.origin, ZOOM - 1, lat,
                                                                           (box.west + box.east) / 2),
                                   screenshot, 256, 256)
    assert report["pageErrors"] == [] and report["outside"] == [], report
    assert abs(report["view"]["zoom"] - (ZOOM - 1)) < 1e-6, report["view"]
    return QImage(str(screenshot))


def test_line_width_and_label_height_as_maplibre_draws_them(qgis_processing, project, sample, tmp_path):
    browser.require_browser()
    expected_line, expected_glyph = LINE_WIDTH, CAP_HEIGHT * TEXT_SIZE
    maplibre = measures(maplibre_image(sample, tmp_path))
    # MapLibre itself draws the sizes the style says (the reference is right).
    assert abs(maplibre[0] - expected_line) <= 0.2 * expected_line, maplibre
    assert abs(maplibre[1] - expected_glyph) <= 0.2 * expected_glyph, maplibre
    for where, image in (("canvas", qgis_canvas_image(project, sample)),
                         ("tile renderer", qgis_tile_image(sample, tmp_path))):
        drawn = measures(image)
        print(where, "line width, glyph height (px):", drawn, "MapLibre:", maplibre)
        image.save(str(tmp_path / (where.replace(" ", "_") + ".png")))
        assert abs(drawn[0] - maplibre[0]) <= 0.2 * maplibre[0], (where, "line width", drawn, maplibre)
        assert abs(drawn[1] - maplibre[1]) <= 0.2 * maplibre[1], (where, "glyph height", drawn, maplibre)
