"""A stand-in Géoplateforme WMTS on 127.0.0.1, for tests, benchmarks and the demo.

It speaks KVP GetCapabilities/GetTile like data.geopf.fr (ROK4): PM_a_b tile
matrix sets, 404 + OWS ExceptionReport where there is no data, 400 for bad
parameters, 401 on the private endpoint without the key. Every tile body is
a real image (GDAL-encoded) made unique by a z/x/y text chunk, and its colour
depends on (x mod 4, y mod 4) so georeferencing can be checked by looking.

Faults on demand, per tile, in order: "429", "503", "truncate", "html",
"slow", "reset". Everything served is recorded for the tests to inspect.
"""

import base64
import collections
import hashlib
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from tests.support.images import jpeg_tile, png_tile
from tests.support.loopback import LoopbackServer

LAST_MODIFIED = "Mon, 02 Nov 2026 10:00:00 GMT"
PM_ORIGIN = "-20037508.3427891992032528 20037508.3427891992032528"
PM_SCALE_0 = 559082264.0287178958533332

# identifier, title, format, style, first and last zoom
LAYERS = (
    ("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "Plan IGN v2", "image/png", "normal", 0, 19),
    ("ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes", "image/jpeg", "normal", 0, 21),
    ("CADASTRALPARCELS.PARCELLAIRE_EXPRESS", "Parcellaire Express (PCI)", "image/png", "normal", 0, 19),
    ("ELEVATION.SLOPES", "Carte des pentes", "image/jpeg", "normal", 6, 14),
)
PRIVATE_LAYERS = (
    ("GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", "SCAN 25 Touristique", "image/jpeg", "normal", 6, 16),
)


def _colour(x, y):
    return (40 + 60 * (x % 4), 40 + 60 * (y % 4), 200 - 40 * ((x + y) % 4))


def colour_of(x, y):
    """The colour the stand-in paints tile (x, y) with (any zoom)."""
    return _colour(x, y)


def _png_with_text(base, text):
    chunk = b"tEXt" + b"Comment\x00" + text
    packed = struct.pack(">I", len(chunk) - 4) + chunk + struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return base[:33] + packed + base[33:]  # after the 8-byte signature and the 25-byte IHDR chunk


def _jpeg_with_comment(base, text):
    segment = b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text
    return base[:2] + segment + base[2:]


def _tile_matrix_set(identifier, first, last):
    matrices = "".join(
        "<TileMatrix><ows:Identifier>{z}</ows:Identifier><ScaleDenominator>{s!r}</ScaleDenominator>"
        "<TopLeftCorner>{o}</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>"
        "<MatrixWidth>{n}</MatrixWidth><MatrixHeight>{n}</MatrixHeight></TileMatrix>".format(
            z=z, s=PM_SCALE_0 / 2 ** z, o=PM_ORIGIN, n=2 ** z)
        for z in range(first, last + 1))
    return ("<TileMatrixSet><ows:Identifier>{}</ows:Identifier><ows:SupportedCRS>EPSG:3857</ows:SupportedCRS>"
            "{}</TileMatrixSet>".format(identifier, matrices))


def capabilities(layers, url):
    body = []
    sets = set()
    for identifier, title, fmt, style, first, last in layers:
        matrix_set = "PM_{}_{}".format(first, last)
        sets.add((matrix_set, first, last))
        limits = "".join(
            "<TileMatrixLimits><TileMatrix>{z}</TileMatrix><MinTileRow>0</MinTileRow><MaxTileRow>{m}</MaxTileRow>"
            "<MinTileCol>0</MinTileCol><MaxTileCol>{m}</MaxTileCol></TileMatrixLimits>".format(z=z, m=2 ** z - 1)
            for z in range(first, last + 1))
        body.append(
            "<Layer><ows:Title>{t}</ows:Title><ows:Abstract>{t} (stand-in)</ows:Abstract>"
            "<ows:WGS84BoundingBox><ows:LowerCorner>-180 -85</ows:LowerCorner><ows:UpperCorner>180 85"
            "</ows:UpperCorner></ows:WGS84BoundingBox><ows:Identifier>{i}</ows:Identifier>"
            "<Style isDefault=\"true\"><ows:Title>Défaut</ows:Title><ows:Identifier>{s}</ows:Identifier></Style>"
            "<Format>{f}</Format><TileMatrixSetLink><TileMatrixSet>{m}</TileMatrixSet><TileMatrixSetLimits>"
            "{limits}</TileMatrixSetLimits></TileMatrixSetLink></Layer>".format(
                t=title, i=identifier, s=style, f=fmt, m=matrix_set, limits=limits))
    # A Lambert-93 grid layer: refused by IGN Offline (MBTiles is Web Mercator only).
    body.append(
        "<Layer><ows:Title>PCRS Lambert-93</ows:Title><ows:Identifier>PCRS.LAMB93</ows:Identifier>"
        "<Style isDefault=\"true\"><ows:Identifier>normal</ows:Identifier></Style><Format>image/jpeg</Format>"
        "<TileMatrixSetLink><TileMatrixSet>LAMB93_5cm</TileMatrixSet></TileMatrixSetLink></Layer>")
    matrix_sets = "".join(_tile_matrix_set(*item) for item in sorted(sets))
    matrix_sets += ("<TileMatrixSet><ows:Identifier>LAMB93_5cm</ows:Identifier><ows:SupportedCRS>IGNF:LAMB93"
                    "</ows:SupportedCRS><TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>"
                    "1000</ScaleDenominator><TopLeftCorner>0 12000000</TopLeftCorner><TileWidth>256</TileWidth>"
                    "<TileHeight>256</TileHeight><MatrixWidth>10</MatrixWidth><MatrixHeight>10</MatrixHeight>"
                    "</TileMatrix></TileMatrixSet>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Capabilities version="1.0.0" '
        'xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"><ows:ServiceIdentification><ows:Title>WMS/WMTS/TMS server '
        '(stand-in)</ows:Title></ows:ServiceIdentification><ows:ServiceProvider><ows:ProviderName>ROK4 Team'
        '</ows:ProviderName></ows:ServiceProvider><ows:OperationsMetadata><ows:Operation name="GetTile">'
        '<ows:DCP><ows:HTTP><ows:Get xlink:href="{}"><ows:Constraint name="GetEncoding"><ows:AllowedValues>'
        '<ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get></ows:HTTP></ows:DCP>'
        '</ows:Operation></ows:OperationsMetadata><Contents>{}{}</Contents></Capabilities>'
    ).format(url, "".join(body), matrix_sets).encode("utf-8")


def exception_report(code, text):
    return ('<?xml version="1.0" encoding="UTF-8"?><ExceptionReport xmlns="http://www.opengis.net/ows/1.1" '
            'version="1.1.0"><Exception exceptionCode="{}">{}</Exception></ExceptionReport>'
            ).format(code, text).encode("utf-8")


class TileLog:
    """What the stand-in served: every request, by time, tile and outcome."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []  # (monotonic time, layer, z, x, y, status)

    def add(self, *entry):
        with self.lock:
            self.entries.append((time.monotonic(),) + entry)

    def tiles(self, status=None):
        with self.lock:
            return [(e[2], e[3], e[4]) for e in self.entries if status is None or e[5] == status]

    def counts(self):
        return collections.Counter(self.tiles())

    def clear(self):
        with self.lock:
            self.entries = []


class StandInWmts(LoopbackServer):
    """The server; use as a context manager. Attributes are the knobs the tests turn."""

    def __init__(self, latency=0.0, api_key="test-secret-key"):
        self.latency = latency
        self.api_key = api_key
        self.faults = {}            # (z, x, y) -> [fault, ...] applied one per request
        self.empty = lambda z, x, y: False
        self.version = collections.Counter()  # (z, x, y) -> content version (bump to change a tile)
        self.log = TileLog()
        self.request_times = []
        self.basic = None        # (user, password) accepted as HTTP Basic on /private/wmts
        self.bearer = None       # token -> bool, Bearer tokens accepted on /private/wmts
        self.refused = 0         # 401 answers on /private/wmts
        self._bases = {}
        self._base_lock = threading.Lock()
        self.listen(self._handler())

    @property
    def url(self):
        return "http://127.0.0.1:{}/wmts".format(self.server.server_address[1])

    @property
    def private_url(self):
        return "http://127.0.0.1:{}/private/wmts".format(self.server.server_address[1])

    @property
    def xyz_url(self):
        return "http://127.0.0.1:{}/xyz/{{z}}/{{x}}/{{y}}.png".format(self.server.server_address[1])

    def authorised(self, query, headers):
        """The private endpoint's check: the key (apikey), HTTP Basic `basic` (user, password), or a Bearer
        token that `bearer(token)` accepts (a StandInKeycloak's valid)."""
        authorization = headers.get("Authorization", "")
        if self.api_key and query.get("APIKEY") == self.api_key:
            return True
        if self.basic and authorization == "Basic " + base64.b64encode(
                "{}:{}".format(*self.basic).encode()).decode():
            return True
        return bool(self.bearer) and authorization.startswith("Bearer ") and self.bearer(authorization[7:])

    def fault(self, tile, *faults):
        self.faults.setdefault(tile, []).extend(faults)

    def tile_body(self, layer_format, z, x, y):
        key = (layer_format, x % 4, y % 4)
        with self._base_lock:
            base = self._bases.get(key)
            if base is None:
                encode = jpeg_tile if layer_format == "image/jpeg" else png_tile
                base = self._bases[key] = encode(_colour(x, y))
        text = "tile {}/{}/{} v{}".format(z, x, y, self.version[(z, x, y)]).encode()
        if layer_format == "image/jpeg":
            return _jpeg_with_comment(base, text)
        return _png_with_text(base, text)

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in one segment: without these, Nagle plus the
            # client's delayed ACK add ~40 ms to every keep-alive reply.
            disable_nagle_algorithm = True
            wbufsize = 64 * 1024

            def log_message(self, *args):
                pass

            def reply(self, status, body, content_type, headers=()):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                stand_in.request_times.append(time.monotonic())
                if stand_in.latency:
                    time.sleep(stand_in.latency)
                parts = urlsplit(self.path)
                query = {k.upper(): v for k, v in parse_qsl(parts.query)}
                if parts.path.startswith("/xyz/"):
                    return self.xyz(parts.path)
                layers = LAYERS
                if parts.path == "/private/wmts":
                    if not stand_in.authorised(query, self.headers):
                        stand_in.refused += 1
                        return self.reply(401, b"<html><body>401 Authorization Required</body></html>", "text/html")
                    layers = LAYERS + PRIVATE_LAYERS
                elif parts.path != "/wmts":
                    return self.reply(404, b"not found", "text/plain")
                request = query.get("REQUEST", "").lower()
                if request == "getcapabilities":
                    return self.reply(200, capabilities(layers, stand_in.url), "text/xml")
                if request != "gettile":
                    return self.reply(400, exception_report("OperationNotSupported", "bad request"), "text/xml")
                return self.get_tile(query, layers)

            def xyz(self, path):
                try:
                    z, x, y = (int(v) for v in path[len("/xyz/"):].rsplit(".", 1)[0].split("/"))
                except ValueError:
                    return self.reply(404, b"not found", "text/plain")
                self.serve_tile("XYZ", "image/png", z, x, y)

            def get_tile(self, query, layers):
                found = [layer for layer in layers if layer[0] == query.get("LAYER")]
                if not found:
                    return self.reply(400, exception_report("InvalidParameterValue", "Unknown layer"), "text/xml")
                identifier, _, fmt, style, first, last = found[0]
                if query.get("STYLE") != style or query.get("FORMAT") != fmt:
                    return self.reply(400, exception_report("InvalidParameterValue", "Unknown style or format"),
                                      "text/xml")
                if query.get("TILEMATRIXSET") not in ("PM", "PM_{}_{}".format(first, last)):
                    return self.reply(400, exception_report("InvalidParameterValue", "Unknown TMS"), "text/xml")
                try:
                    z, x, y = int(query["TILEMATRIX"]), int(query["TILECOL"]), int(query["TILEROW"])
                except (KeyError, ValueError):
                    return self.reply(400, exception_report("MissingParameterValue", "tile"), "text/xml")
                if not first <= z <= last or not (0 <= x < 2 ** z and 0 <= y < 2 ** z):
                    stand_in.log.add(identifier, z, x, y, 404)
                    return self.reply(404, exception_report("Not Found", "No data found"), "text/xml")
                self.serve_tile(identifier, fmt, z, x, y)

            def serve_tile(self, layer, fmt, z, x, y):
                faults = stand_in.faults.get((z, x, y))
                fault = faults.pop(0) if faults else None
                if fault == "slow":
                    time.sleep(2.0)
                if fault == "429":
                    stand_in.log.add(layer, z, x, y, 429)
                    return self.reply(429, b"Too Many Requests", "text/plain", [("Retry-After", "1")])
                if fault == "503":
                    stand_in.log.add(layer, z, x, y, 503)
                    return self.reply(503, b"<html>Service Unavailable</html>", "text/html")
                if fault == "html":
                    stand_in.log.add(layer, z, x, y, "html")
                    return self.reply(200, b"<html><body>Maintenance en cours</body></html>", "text/html")
                if fault == "reset":
                    stand_in.log.add(layer, z, x, y, "reset")
                    self.close_connection = True
                    return
                if stand_in.empty(z, x, y):
                    stand_in.log.add(layer, z, x, y, 404)
                    return self.reply(404, exception_report("Not Found", "No data found"), "text/xml")
                body = stand_in.tile_body(fmt, z, x, y)
                etag = '"{}"'.format(hashlib.blake2b(body, digest_size=8).hexdigest())
                if self.headers.get("If-None-Match") == etag:
                    stand_in.log.add(layer, z, x, y, 304)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if fault == "truncate":
                    stand_in.log.add(layer, z, x, y, "truncated")
                    self.send_response(200)
                    self.send_header("Content-Type", fmt)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.close_connection = True
                    return
                stand_in.log.add(layer, z, x, y, 200)
                self.reply(200, body, fmt, [("ETag", etag), ("Last-Modified", LAST_MODIFIED),
                                            ("Cache-Control", "max-age=86400")])

        return Handler
