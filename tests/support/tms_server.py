"""A stand-in of the Géoplateforme TMS service of vector tiles (https://data.geopf.fr/tms/1.0.0) on 127.0.0.1.

It serves what data.geopf.fr serves: the TMS service document (vector
TileMaps with extension "pbf", and one raster TileMap that is not ours),
`{Layer}/metadata.json` (TileJSON as ROK4 writes it: zooms, bounds,
vector_layers, tiles template), and `{Layer}/{z}/{x}/{y}.pbf`, rows from the
top. Tiles are REAL Mapbox vector tiles that GDAL's MVT driver makes from a
small GeoPackage written in a temporary folder (never the checkout): roads,
buildings and place names over Toulouse, zooms 8–14. Where there is no data
the answer is 204 (no body), outside the layer's zooms 404 — as geopf does.

Knobs: `gzip` (bodies gzip-compressed, as geopf sends them, or plain),
`latency` (seconds per tile), `everywhere` (a real tile at every address,
for benchmarks), `faults[(layer, z, x, y)]` = ["html", "json", "truncate"
(short of its Content-Length), "cut" (a whole answer holding half a tile),
"503"] applied one per request. `log` records every tile request.

For private layers (issue 29): `authorised(query, headers)` makes every answer (service document, metadata,
tiles, styles and sprite) a 401 unless it says yes, as /private/tms answers without a key; `requests` records
every request (path, query, headers) for tests that look for a key where it must not go; `tiles_origin` puts
the metadata's `tiles` template on another server, `sprite_origin` the styles' sprite; `redirects[path]` answers
302 to a URL (another host).
"""

import functools
import gzip
import hashlib
import json
import os
import tempfile
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from osgeo import gdal, ogr, osr

from tests.support.loopback import LoopbackServer
from tests.support.recording_wmts import Recorded
from tests.support.style_server import STYLES_PATH, sprite_files, style_answer
from tests.support.wmts_server import LAST_MODIFIED, TileLog

gdal.UseExceptions()
ogr.UseExceptions()

DATA_BBOX = (1.30, 43.50, 1.55, 43.70)   # the data: Toulouse and around (the "toulouse" preset inside)
DATA_ZOOMS = (8, 14)
# identifier, title, published zooms, lon/lat bounds, source layers of the data
VECTOR_LAYERS = (
    ("PLAN.IGN", "Plan IGN", (0, 18), (-5.5, 41.0, 10.0, 51.5), ("routier_route", "bati_surf", "toponyme")),
    ("PCI", "Parcellaire Express (PCI)", (0, 19), (-5.5, 41.0, 10.0, 51.5), ("parcelle",)),
)
RASTER_TILEMAP = ("PLANIGNV2", "Plan IGN v2 (raster)", "png")


def _frange(start, stop, step):
    value = start
    while value < stop:
        yield value
        value += step


def _features(name):
    """(wkt, label) of one source layer, spread over DATA_BBOX."""
    west, south, east, north = DATA_BBOX
    if name == "routier_route":
        return [("LINESTRING ({x} {s}, {x} {n})".format(x=x, s=south, n=north), "Route {:.2f}".format(x))
                for x in _frange(west, east, 0.01)] + [
                ("LINESTRING ({w} {y}, {e} {y})".format(w=west, e=east, y=y), "Rue {:.2f}".format(y))
                for y in _frange(south, north, 0.01)]
    if name == "toponyme":
        return [("POINT ({} {})".format(x, y), "Lieu {:.2f} {:.2f}".format(x, y))
                for x in _frange(west, east, 0.05) for y in _frange(south, north, 0.05)]
    side = 0.004 if name == "bati_surf" else 0.009  # buildings, or cadastral parcels
    step = 0.02 if name == "bati_surf" else 0.01
    return [("POLYGON (({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))".format(x=x, y=y, x2=x + side, y2=y + side),
             "{:.3f}-{:.3f}".format(x, y))
            for x in _frange(west, east, step) for y in _frange(south, north, step)]


@functools.lru_cache(maxsize=None)
def make_tiles(layer):
    """({(z, x, y): plain protobuf bytes}, vector_layers) of a layer, made once per process with GDAL's MVT
    driver in a temporary folder."""
    _, _, _, _, sources = next(entry for entry in VECTOR_LAYERS if entry[0] == layer)
    with tempfile.TemporaryDirectory(prefix="ign-offline-tms-") as folder:
        data = os.path.join(folder, "data.gpkg")
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(data)
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        for name in sources:
            target = dataset.CreateLayer(name, wgs84)
            target.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
            for wkt, label in _features(name):
                feature = ogr.Feature(target.GetLayerDefn())
                feature.SetField("nom", label)
                feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
                target.CreateFeature(feature)
        dataset = None
        out = os.path.join(folder, "tiles")
        gdal.VectorTranslate(out, data, format="MVT", datasetCreationOptions=[
            "MINZOOM={}".format(DATA_ZOOMS[0]), "MAXZOOM={}".format(DATA_ZOOMS[1]), "COMPRESS=NO"])
        tiles = {}
        for root, _, files in os.walk(out):
            for file in files:
                if file.endswith(".pbf"):
                    z, x = (int(p) for p in os.path.relpath(root, out).split(os.sep))
                    with open(os.path.join(root, file), "rb") as stream:
                        tiles[(z, x, int(file[:-4]))] = stream.read()
        with open(os.path.join(out, "metadata.json"), encoding="utf-8") as stream:
            vector_layers = json.loads(json.load(stream)["json"])["vector_layers"]
    return tiles, vector_layers


def gzipped(body):
    """gzip as a server sends it (deterministic: no time stamp)."""
    return gzip.compress(body, mtime=0)


class StandInTms(LoopbackServer):
    """The server; a context manager. Attributes are the knobs the tests turn."""

    def __init__(self, gzip=True, latency=0.0, everywhere=False, styles=()):
        self.gzip = gzip
        self.styles = tuple(styles)  # PLAN.IGN's styles served under /annexes, as IGN's host does (style_server)
        self.latency = latency
        self.document_latency = 0.0  # seconds before the service document and metadata are answered (a slow TMS)
        self.everywhere = everywhere  # benchmarks: every address gets one of the real tiles of its zoom (or 14)
        self.faults = {}          # (layer, z, x, y) -> [fault, ...] applied one per request
        self.log = TileLog()      # (layer, z, x, y, status)
        self.documents = []       # paths of the service document and metadata requests
        self.authorised = None    # (query, headers) -> bool: None = public
        self.requests = []        # Recorded: every request, in order
        self.tiles_origin = None  # the metadata's tiles template on this other server (None: here)
        self.sprite_origin = None  # the styles' sprite on this other server (None: here)
        self.redirects = {}       # path -> URL answered with 302
        self.listen(self._handler())

    @property
    def root(self):
        return "{}/tms/1.0.0".format(self.origin)

    def template(self, layer="PLAN.IGN"):
        return "{}/{}/{{z}}/{{x}}/{{y}}.pbf".format(self.root, layer)

    def fault(self, layer, tile, *faults):
        self.faults.setdefault((layer,) + tuple(tile), []).extend(faults)

    def served(self, layer, z, x, y):
        """The body this stand-in sends for a tile (None where it has no data)."""
        made = make_tiles(layer)[0]
        plain = made.get((z, x, y))
        if plain is None and self.everywhere:
            zoom = min(max(z, DATA_ZOOMS[0]), DATA_ZOOMS[1])
            choices = sorted(key for key in made if key[0] == zoom)
            plain = made[choices[(x * 31 + y) % len(choices)]]
        if plain is None:
            return None
        return gzipped(plain) if self.gzip else plain

    def data_tiles(self, layer="PLAN.IGN"):
        return set(make_tiles(layer)[0])

    def service_document(self):
        maps = ['<TileMap title="{}" srs="EPSG:3857" profile="none" extension="pbf" href="{}/{}"/>'.format(
            title, self.root, identifier) for identifier, title, *_ in VECTOR_LAYERS]
        maps.append('<TileMap title="{1}" srs="EPSG:3857" profile="none" extension="{2}" href="{0}/{3}"/>'.format(
            self.root, RASTER_TILEMAP[1], RASTER_TILEMAP[2], RASTER_TILEMAP[0]))
        return ('<?xml version="1.0" encoding="UTF-8" ?>\n<TileMapService version="1.0.0" services="{}">'
                "<Title>WMS/WMTS/TMS server</Title><TileMaps>{}</TileMaps></TileMapService>").format(
            self.root.rsplit("/", 1)[0], "".join(maps)).encode("utf-8")

    def metadata(self, layer):
        identifier, title, zooms, bounds, _ = next(entry for entry in VECTOR_LAYERS if entry[0] == layer)
        return json.dumps({
            "name": title, "description": title, "minzoom": zooms[0], "maxzoom": zooms[1], "crs": "EPSG:3857",
            "center": [1.43, 43.6], "bounds": list(bounds), "format": "pbf",
            "attribution": "IGN-F/Géoplateforme", "tiles": [
                self.template(identifier).replace(self.origin, self.tiles_origin or self.origin, 1)],
            "vector_layers": make_tiles(layer)[1]}).encode("utf-8")

    def _handler(self):
        stand_in = self
        layers = {entry[0]: entry for entry in VECTOR_LAYERS}

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # as the WMTS stand-in: no Nagle + delayed-ACK 40 ms per reply
            wbufsize = 64 * 1024

            def log_message(self, *args):
                pass

            def reply(self, status, body, content_type, headers=(), length=None):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                parts = urlsplit(self.path)
                path = parts.path.rstrip("/")
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                stand_in.requests.append(Recorded(path, query, dict(self.headers)))
                if path in stand_in.redirects:
                    return self.reply(302, b"", "text/plain", [("Location", stand_in.redirects[path])])
                if stand_in.authorised is not None and not stand_in.authorised(query, self.headers):
                    return self.reply(401, b"<html><body>401 Authorization Required</body></html>", "text/html")
                if stand_in.styles and path.startswith(STYLES_PATH):
                    body, kind = style_answer(path, stand_in.origin, "PLAN.IGN", stand_in.styles,
                                              dict(sprite_files(1), **sprite_files(2)), stand_in.sprite_origin)
                    return self.reply(200, body, kind) if body else self.reply(404, b"", "text/plain")
                prefix = "/tms/1.0.0"
                if path == prefix:
                    stand_in.documents.append(path)
                    time.sleep(stand_in.document_latency)
                    return self.reply(200, stand_in.service_document(), "text/xml")
                parts = path[len(prefix) + 1:].split("/") if path.startswith(prefix + "/") else []
                if not parts or parts[0] not in layers:
                    return self.reply(404, b'{"error": "not found"}', "application/json")
                if parts[1:] == ["metadata.json"]:
                    stand_in.documents.append(path)
                    time.sleep(stand_in.document_latency)
                    return self.reply(200, stand_in.metadata(parts[0]), "application/json")
                try:
                    z, x, y = int(parts[1]), int(parts[2]), int(parts[3][:-len(".pbf")])
                except (IndexError, ValueError):
                    return self.reply(404, b'{"error": "not found"}', "application/json")
                self.tile(parts[0], z, x, y)

            def tile(self, layer, z, x, y):
                if stand_in.latency:
                    time.sleep(stand_in.latency)
                first, last = layers[layer][2]
                if not first <= z <= last:
                    stand_in.log.add(layer, z, x, y, 404)
                    return self.reply(404, b'{"error": "zoom out of range"}', "application/json")
                faults = stand_in.faults.get((layer, z, x, y))
                fault = faults.pop(0) if faults else None
                if fault == "html":
                    stand_in.log.add(layer, z, x, y, "html")
                    return self.reply(200, b"<html><body>Maintenance en cours</body></html>", "text/html")
                if fault == "json":
                    stand_in.log.add(layer, z, x, y, "json")
                    return self.reply(200, b'{"error": "internal"}', "application/x-protobuf")
                if fault == "503":
                    stand_in.log.add(layer, z, x, y, 503)
                    return self.reply(503, b"<html>Service Unavailable</html>", "text/html")
                body = stand_in.served(layer, z, x, y)
                if body is None:
                    stand_in.log.add(layer, z, x, y, 204)
                    self.send_response(204)
                    self.end_headers()
                    return
                etag = '"{}"'.format(hashlib.blake2b(body, digest_size=8).hexdigest())
                if self.headers.get("If-None-Match") == etag:
                    stand_in.log.add(layer, z, x, y, 304)
                    return self.reply(304, b"", None, [("ETag", etag)])
                if fault == "truncate":  # the connection drops half-way through the body
                    stand_in.log.add(layer, z, x, y, "truncated")
                    self.close_connection = True
                    return self.reply(200, body[:len(body) // 2], "application/x-protobuf", length=len(body))
                if fault == "cut":  # a whole, well-framed answer that holds half a tile
                    stand_in.log.add(layer, z, x, y, "cut")
                    return self.reply(200, body[:len(body) // 2], "application/x-protobuf")
                stand_in.log.add(layer, z, x, y, 200)
                self.reply(200, body, "application/x-protobuf", [("ETag", etag), ("Last-Modified", LAST_MODIFIED)])

        return Handler
