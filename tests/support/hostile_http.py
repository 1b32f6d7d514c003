"""A tile server on 127.0.0.1 that misbehaves on purpose, for the wire's limits.

The first path segment picks the behaviour, the rest is an XYZ tile path
(/{mode}/{z}/{x}/{y}.png) or, for capabilities, /{mode}/wmts:
  ok          a PNG tile                      jpeg      a JPEG tile (use it without an extension)
  drip        a PNG tile, one byte every `drip_interval` seconds
  dripcaps    the stand-in WMTS's capabilities, one byte every `drip_interval` seconds
  driphead    status line and headers too, one byte every `drip_interval` seconds (then a PNG tile)
  bomb        a gzip body of `bomb_size` zero bytes, sent although identity was asked
  gzip        a PNG tile gzip-encoded (decodes to the good tile)
  huge        a body of `huge_size` bytes announced in Content-Length, made while sent
  hugestream  the same with no Content-Length (the end of the body is the end of the connection)
  hugecaps    an endless XML document with no Content-Length
  throttle    429 Too Many Requests, Retry-After `retry_after`
  redirect    302 to `redirect_to` + the rest of the path (another server: another origin)
Every request's path and headers are kept in `seen`, its client port in `ports`.
"""

import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.images import jpeg_tile, png_tile
from tests.support.loopback import LoopbackServer
from tests.support.wmts_server import LAYERS, capabilities

ZEROS = bytes(2 ** 20)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client hanging up mid-answer is what the tests provoke: no traceback on stderr


def gzip_of_zeros(size):
    """A gzip stream of `size` zero bytes, compressed one megabyte at a time (a bomb: ~1/1000 of its size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(ZEROS[:min(len(ZEROS), size - done)]) for done in range(0, size, len(ZEROS))]
    return b"".join(parts) + packer.flush()


class HostileServer(LoopbackServer):
    """Use as a context manager; the attributes are the knobs."""

    def __init__(self, drip_interval=2.0, bomb_size=64 * 2 ** 20, huge_size=2 * 2 ** 30, retry_after="5",
                 redirect_to=None):
        self.drip_interval = drip_interval
        self.bomb_size = bomb_size
        self.huge_size = huge_size
        self.retry_after = retry_after
        self.redirect_to = redirect_to
        self.seen = []
        self.ports = []             # the client's port of each request: one per connection
        self.tile = png_tile((40, 120, 200))
        self.jpeg = jpeg_tile((200, 120, 40))
        self._bomb = None
        self._closing = threading.Event()
        self.listen(self._handler(), _Server)

    @property
    def base(self):
        return self.origin

    def template(self, mode, extension=".png"):
        return "{}/{}/{{z}}/{{x}}/{{y}}{}".format(self.base, mode, extension)

    def bomb(self):
        if self._bomb is None:
            self._bomb = gzip_of_zeros(self.bomb_size)
        return self._bomb

    def headers_of(self, mode):
        """The headers of each request received on /{mode}/…."""
        return [headers for path, headers in self.seen if path.startswith("/{}/".format(mode))]

    def __exit__(self, *exc):
        self._closing.set()
        super().__exit__(*exc)

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def head(self, status, content_type, length=None, extra=()):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if length is not None:
                    self.send_header("Content-Length", str(length))
                else:
                    self.close_connection = True
                for name, value in extra:
                    self.send_header(name, value)
                self.end_headers()

            def whole(self, status, body, content_type, extra=()):
                self.head(status, content_type, len(body), extra)
                self.wfile.write(body)

            def drip(self, body, content_type):
                self.head(200, content_type, len(body))
                self.wfile.flush()
                for i in range(len(body)):
                    if stand_in._closing.wait(stand_in.drip_interval if i else 0):
                        break
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                self.close_connection = True

            def endless(self, first, size, content_type, announce):
                """`first`, then zeros up to `size` bytes (or forever when size is None), made while sent."""
                self.head(200, content_type, size if announce else None)
                self.wfile.write(first)
                sent = len(first)
                while size is None or sent < size:
                    block = ZEROS if size is None else ZEROS[:size - sent]
                    self.wfile.write(block)
                    sent += len(block)
                self.close_connection = True

            def do_GET(self):  # noqa: N802
                stand_in.seen.append((self.path, dict(self.headers)))
                stand_in.ports.append(self.client_address[1])
                mode, _, rest = self.path.lstrip("/").partition("/")
                try:
                    self.serve(mode, rest)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up, as it should

            def serve(self, mode, rest):
                if mode == "ok":
                    self.whole(200, stand_in.tile, "image/png")
                elif mode == "jpeg":
                    self.whole(200, stand_in.jpeg, "image/jpeg")
                elif mode == "drip":
                    self.drip(stand_in.tile, "image/png")
                elif mode == "driphead":
                    head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\n\r\n".format(
                        len(stand_in.tile)).encode()
                    for i in range(len(head)):
                        if stand_in._closing.wait(stand_in.drip_interval if i else 0):
                            break
                        self.wfile.write(head[i:i + 1])
                        self.wfile.flush()
                    self.wfile.write(stand_in.tile)
                    self.close_connection = True
                elif mode == "dripcaps":
                    self.drip(capabilities(LAYERS, stand_in.base + "/ok/wmts"), "text/xml")
                elif mode == "bomb":
                    self.whole(200, stand_in.bomb(), "image/png", [("Content-Encoding", "gzip")])
                elif mode == "gzip":
                    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
                    body = packer.compress(stand_in.tile) + packer.flush()
                    self.whole(200, body, "image/png", [("Content-Encoding", "gzip")])
                elif mode in ("huge", "hugestream"):
                    self.endless(stand_in.tile[:16], stand_in.huge_size, "image/png", mode == "huge")
                elif mode == "hugecaps":
                    self.endless(b'<?xml version="1.0"?><Capabilities xmlns="http://www.opengis.net/wmts/1.0">',
                                 None, "text/xml", False)
                elif mode == "throttle":
                    self.whole(429, b"Too Many Requests", "text/plain", [("Retry-After", stand_in.retry_after)])
                elif mode == "redirect":
                    self.whole(302, b"", "text/plain", [("Location", stand_in.redirect_to + "/" + rest)])
                else:
                    self.whole(404, b"not found", "text/plain")

        return Handler
