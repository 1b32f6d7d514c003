"""Serve this folder over HTTP with byte ranges, for the map viewer IGN Offline exported into it.

    python3 serve.py            then open http://127.0.0.1:8000/ in a browser
    python3 serve.py 8080       another port; add --all to let other machines of the network open it

A PMTiles archive is read by the page in pieces (HTTP Range requests): Python's own `python -m http.server` answers
every request with the whole file, so the map stays empty with it. This script is the same server with Range
(one range per request, as the pmtiles reader asks), standard library only, on any system with Python 3.7+.
Any other static web server that honours Range works too (nginx, Apache, Caddy, `npx http-server`).
"""

import os
import re
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeRequestHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler answering `Range: bytes=a-b`, `a-` and `-n` with 206 Partial Content."""

    extensions_map = dict(SimpleHTTPRequestHandler.extensions_map, **{
        ".pmtiles": "application/octet-stream", ".js": "text/javascript", ".json": "application/json",
        ".ttf": "font/ttf", ".otf": "font/otf"})

    def send_head(self):
        self._left = None  # a kept-alive connection's earlier request may have been ranged
        path = self.translate_path(self.path)
        wanted = self.headers.get("Range")
        if wanted is None or os.path.isdir(path) or not os.path.isfile(path):
            return super().send_head()
        match = RANGE.match(wanted.strip())
        if match is None or not any(match.groups()):  # several ranges, or another unit: the whole file (allowed)
            return super().send_head()
        size = os.path.getsize(path)
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
        else:  # the last n bytes
            start, end = max(size - int(last), 0), size - 1
        if start >= size or start > end:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", "bytes */{}".format(size))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        stream = open(path, "rb")
        stream.seek(start)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", "bytes {}-{}/{}".format(start, end, size))
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self._left = end - start + 1
        return stream

    def end_headers(self):
        if not self._headers_buffer or b"Accept-Ranges" not in b"".join(self._headers_buffer):
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def copyfile(self, source, outputfile):
        left = getattr(self, "_left", None)
        if left is None:
            return super().copyfile(source, outputfile)
        while left > 0:
            chunk = source.read(min(left, 1 << 16))
            if not chunk:
                break
            outputfile.write(chunk)
            left -= len(chunk)
        self._left = None
        return None


def make_server(folder, host="127.0.0.1", port=8000, handler=RangeRequestHandler):
    """A ThreadingHTTPServer serving `folder` with ranges (port 0: a free one); call serve_forever()."""
    return ThreadingHTTPServer((host, port), partial(handler, directory=os.fspath(folder)))


def main(arguments):
    port = next((int(a) for a in arguments if a.isdigit()), 8000)
    host = "0.0.0.0" if "--all" in arguments else "127.0.0.1"
    server = make_server(os.path.dirname(os.path.abspath(__file__)), host, port)
    print("Serving this map on http://127.0.0.1:{}/ (Ctrl+C stops it)".format(server.server_address[1]))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])
