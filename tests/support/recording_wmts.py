"""A WMTS on 127.0.0.1 that records every request (path, query, headers) and can place its tiles elsewhere.

For the credential tests: one instance is the SOURCE the user gives (private, it checks the account), another
on another port is "another host" its capabilities point at, through a ResourceURL template or the KVP GetTile
href. Like the Géoplateforme, the capabilities echo the `apikey` they were asked with into their URLs. Tiles
are served at /wmts (KVP), /rest/{z}/{x}/{y}.png (ResourceURL) and /xyz/{z}/{x}/{y}.png.
"""

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, quote, urlsplit

from tests.support.images import png_tile
from tests.support.loopback import LoopbackServer
from tests.support.wmts_server import LAYERS, capabilities

PLAN = LAYERS[0]  # GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2, image/png, zooms 0-19 (with a ResourceURL, if any)
PCI = LAYERS[2]   # CADASTRALPARCELS.PARCELLAIRE_EXPRESS, image/png, zooms 0-19


@dataclass
class Recorded:
    path: str
    query: dict      # names as sent
    headers: dict    # names as sent


class RecordingWmts(LoopbackServer):
    def __init__(self):
        self.requests = []            # Recorded, in order
        self.authorised = None        # (query, headers) -> bool: None = public
        self.resource_url = None      # a ResourceURL template for the layer ({apikey} = the key asked with)
        self.kvp_href = None          # the GetTile KVP href (default: this server's /wmts)
        self.lock = threading.Lock()
        self._tile = png_tile((40, 120, 200))
        self.listen(self._handler())

    @property
    def url(self):
        return self.origin + "/wmts"

    @property
    def document_url(self):
        return self.origin + "/caps.xml"

    @property
    def rest_template(self):
        return self.origin + "/rest/{TileMatrix}/{TileCol}/{TileRow}.png"

    @property
    def xyz_url(self):
        return self.origin + "/xyz/{z}/{x}/{y}.png"

    def tile_requests(self):
        return [r for r in self.requests if r.path != "/caps.xml" and r.query.get("REQUEST") != "GetCapabilities"]

    def capabilities(self, key):
        document = capabilities([PLAN, PCI], self.kvp_href or self.url).decode("utf-8")
        if self.resource_url:
            template = self.resource_url.replace("{apikey}", quote(key or ""))
            document = document.replace("</Layer>", '<ResourceURL format="image/png" resourceType="tile" '
                                        'template="{}"/></Layer>'.format(template.replace("&", "&amp;")), 1)
        return document.encode("utf-8")

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, body, content_type):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                headers = dict(self.headers.items())
                with stand_in.lock:
                    stand_in.requests.append(Recorded(parts.path, query, headers))
                if stand_in.authorised is not None and not stand_in.authorised(query, headers):
                    return self.reply(401, b"401 Authorization Required", "text/plain")
                upper = {k.upper(): v for k, v in query.items()}
                if parts.path == "/caps.xml" or upper.get("REQUEST") == "GetCapabilities":
                    return self.reply(200, stand_in.capabilities(upper.get("APIKEY")), "text/xml")
                if parts.path == "/wmts" and upper.get("REQUEST") == "GetTile" or parts.path.startswith(
                        ("/rest/", "/xyz/")):
                    return self.reply(200, stand_in._tile, "image/png")
                return self.reply(404, b"not found", "text/plain")

        return Handler
