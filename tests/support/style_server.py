"""A loopback stand-in of the Géoplateforme's vector tile styles, and the vector MBTiles they draw.

`StyleServer` serves `/annexes/ressources/vectorTiles/styles/{Layer}/{style}.json` (a Mapbox GL style whose
source points at the TMS tiles of the same server, with `sprite` and `glyphs` URLs like IGN's) and the sprite
`…/styles/{Layer}/sprite/PlanIgn` + `.json`, `.png`, `@2x.json`, `@2x.png`, drawn here with Qt. It records
every request (path and headers) so tests can see what was asked and with which credentials.

`write_vector_mbtiles` makes a real vector MBTiles with GDAL's MVT driver (zooms 0–14) from features it
creates around Carcassonne: a lake (fill), roads (line) and named places (symbol: text and icon).
"""

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler

from .loopback import LoopbackServer

STYLES_PATH = "/annexes/ressources/vectorTiles/styles"
SPRITE_NAME = "PlanIgn"
STALL = 8.0
ICONS = {"eglise": (200, 30, 30), "chateau": (30, 30, 200)}  # sprite icon name → its colour (RGB)
PLACES = (("Carcassonne", 2.3505, 43.2152, "chateau"), ("Cité", 2.3640, 43.2060, "eglise"),
          ("Trèbes", 2.3400, 43.2200, "eglise"))
CROSSING = (2.35, 43.215)  # where the two roads cross, beside the place "Carcassonne": what tests look at
STYLE_KINDS = {"standard": ("#3080e0", "#e03020"), "gris": ("#909090", "#404040")}


def style_document(origin, layer="PLAN.IGN", style="standard", sprite_origin=None):
    """The Mapbox GL style `style` of `layer` as IGN writes it: TMS tiles, a sprite (on `sprite_origin`, by
    default the same server) and glyph URLs."""
    water, road = STYLE_KINDS.get(style, STYLE_KINDS["standard"])
    return {
        "version": 8,
        "name": "{} {}".format(layer, style),
        "sources": {"plan_ign": {"type": "vector", "tiles": [
            "{}/tms/1.0.0/{}/{{z}}/{{x}}/{{y}}.pbf".format(origin, layer)], "minzoom": 0, "maxzoom": 14}},
        "sprite": "{}{}/{}/sprite/{}".format(sprite_origin or origin, STYLES_PATH, layer, SPRITE_NAME),
        "glyphs": "{}/annexes/ressources/vectorTiles/fonts/{{fontstack}}/{{range}}.pbf".format(origin),
        "layers": [
            {"id": "background", "type": "background", "paint": {"background-color": "#fffff0"}},
            {"id": "lake", "type": "fill", "source": "plan_ign", "source-layer": "water",
             "paint": {"fill-color": water, "fill-outline-color": water}},
            {"id": "roads", "type": "line", "source": "plan_ign", "source-layer": "roads",
             "paint": {"line-color": road, "line-width": 3}},
            {"id": "places", "type": "symbol", "source": "plan_ign", "source-layer": "places",
             "layout": {"text-field": "{name}", "text-font": ["Source Sans Pro Bold"], "text-size": 16,
                        "icon-image": "{icon}", "text-offset": [0, 1.2]},
             "paint": {"text-color": "#101010", "text-halo-color": "#ffffff", "text-halo-width": 1}},
            {"id": "lake_name", "type": "symbol", "source": "plan_ign", "source-layer": "water",
             "layout": {"text-field": "Lac", "text-font": ["Source Sans Pro Italic"], "text-size": 12}},
            {"id": "road_names", "type": "symbol", "source": "plan_ign", "source-layer": "roads", "minzoom": 15,
             "layout": {"text-field": "Route", "symbol-placement": "line",
                        "text-font": ["Source Sans Pro SemiBold", "Arial Unicode MS Regular"]}},
            # The source layers of the TMS stand-in's tiles (tests.support.tms_server), drawn as IGN's would be.
            {"id": "buildings", "type": "fill", "source": "plan_ign", "source-layer": "bati_surf",
             "paint": {"fill-color": water}},
            {"id": "streets", "type": "line", "source": "plan_ign", "source-layer": "routier_route",
             "paint": {"line-color": road, "line-width": 2}},
            {"id": "street_names", "type": "symbol", "source": "plan_ign", "source-layer": "toponyme",
             "layout": {"text-field": "{nom}", "text-font": ["Source Sans Pro Regular"], "text-size": 11},
             "paint": {"text-color": "#303030"}},
            {"id": "churches", "type": "symbol", "source": "plan_ign", "source-layer": "places",
             "filter": ["==", "icon", "eglise"], "layout": {"icon-image": "eglise", "icon-offset": [0, -14]}},
            {"id": "places_small", "type": "symbol", "source": "plan_ign", "source-layer": "places",
             "minzoom": 16,
             "layout": {"text-field": "{name}", "text-font": ["Source Sans Pro Regular"], "text-size": 11,
                        "text-offset": [0, -1.5]},
             "paint": {"text-color": "#303030"}},
        ],
    }


def sprite_files(scale=1):
    """{suffix: bytes} of a sprite at `scale` (1 or 2): its definitions (.json) and its image (.png), each
    icon a filled square of its colour, drawn with Qt."""
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
    from qgis.PyQt.QtGui import QColor, QImage

    size = 12 * scale
    image = QImage(size * len(ICONS), size, QImage.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    definitions = {}
    for index, (name, rgb) in enumerate(sorted(ICONS.items())):
        for x in range(index * size, (index + 1) * size):
            for y in range(size):
                image.setPixelColor(x, y, QColor(*rgb))
        definitions[name] = {"x": index * size, "y": 0, "width": size, "height": size, "pixelRatio": scale}
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    suffix = "" if scale == 1 else "@{}x".format(scale)
    return {suffix + ".json": json.dumps(definitions).encode(), suffix + ".png": bytes(data)}


class StyleServer(LoopbackServer):
    """Serves every `styles` of `layer` (a style name → its document, built by style_document) and the sprite."""

    def __init__(self, layer="PLAN.IGN", styles=("standard", "gris"), sprite_origin=None):
        self.requests = []
        self.sprite_origin = sprite_origin
        self.lock = threading.Lock()
        self.layer = layer
        self.styles = tuple(styles)
        self.sprite = dict(sprite_files(1), **sprite_files(2))
        self.overrides = {}  # path → (body, content type): what a test makes the server send instead
        self.stalled = set()  # paths answered with headers, then nothing for STALL seconds
        self.listen(self._handler())

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server API name)
                with server.lock:
                    server.requests.append((self.path, dict(self.headers)))
                path = self.path.split("?", 1)[0]
                body, kind = server.overrides.get(path) or server.answer(path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if path in server.stalled:
                    time.sleep(STALL)
                self.wfile.write(body)

        return Handler

    def answer(self, path):
        return style_answer(path, self.origin, self.layer, self.styles, self.sprite, self.sprite_origin)


def style_answer(path, origin, layer, styles, sprite, sprite_origin=None):
    """(body, content type) of a style or sprite `path` of `layer` ((None, None): not served)."""
    prefix = "{}/{}/".format(STYLES_PATH, layer)
    if not path.startswith(prefix):
        return None, None
    rest = path[len(prefix):]
    if rest.startswith("sprite/" + SPRITE_NAME):
        suffix = rest[len("sprite/" + SPRITE_NAME):]
        body = sprite.get(suffix)
        return body, "image/png" if suffix.endswith(".png") else "application/json"
    name = rest[:-len(".json")] if rest.endswith(".json") else None
    if name in styles:
        document = style_document(origin, layer, name, sprite_origin)
        return json.dumps(document).encode(), "application/json"
    return None, None


def write_vector_mbtiles(path, name="Plan IGN", min_zoom=0, max_zoom=14):
    """A vector MBTiles at `path` made by GDAL's MVT driver from a lake, two roads and three named places
    around Carcassonne; its `json` metadata lists the three vector layers."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    folder = os.path.dirname(path)
    source = os.path.join(folder, os.path.basename(path) + ".source.gpkg")
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(source)
    features = {
        "water": (ogr.wkbPolygon, [("POLYGON((2.355 43.195,2.375 43.195,2.375 43.210,2.355 43.210,2.355 43.195))",
                                    {})]),
        "roads": (ogr.wkbLineString, [("LINESTRING(2.30 43.18,2.40 43.25)", {}),
                                      ("LINESTRING(2.30 43.25,2.40 43.18)", {})]),
        "places": (ogr.wkbPoint, [("POINT({} {})".format(x, y), {"name": label, "icon": icon})
                                  for label, x, y, icon in PLACES]),
    }
    for layer_name, (kind, rows) in features.items():
        layer = dataset.CreateLayer(layer_name, wgs84, kind)
        for field in ("name", "icon"):
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for wkt, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            for key, value in values.items():
                feature.SetField(key, value)
            layer.CreateFeature(feature)
    dataset = None
    gdal.VectorTranslate(path, source, format="MBTILES", datasetCreationOptions=[
        "MINZOOM={}".format(min_zoom), "MAXZOOM={}".format(max_zoom), "NAME={}".format(name)])
    os.remove(source)
    return path
