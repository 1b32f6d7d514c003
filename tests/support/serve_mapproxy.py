"""Serve a MapProxy configuration on 127.0.0.1 (run with MapProxy's own venv).

`python serve_mapproxy.py CONFIG.yaml` prints the port, then serves until killed.
Imports nothing of the project: this runs under .build/mapproxy/bin/python.
"""

import socketserver
import sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from mapproxy.wsgiapp import make_wsgi_app


class ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main():
    app = make_wsgi_app(sys.argv[1])
    server = make_server("127.0.0.1", 0, app, server_class=ThreadingServer, handler_class=QuietHandler)
    print(server.server_port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
