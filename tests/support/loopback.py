"""What every stand-in HTTP server of the tests shares: a free port on 127.0.0.1, served by a daemon thread,
used as a context manager (started on entry, shut down and closed on exit)."""

import socket
import threading
from http.server import ThreadingHTTPServer

# How often a server's loop looks for stop()'s request, which waits for it: socketserver's 0.5 s made each stop
# of the hundreds of stand-ins a test run starts take up to half a second.
POLL_SECONDS = 0.02


class LoopbackServer:
    """Subclasses call `self.listen(handler_class)` (or `self.serve(server)`) in their __init__, then read
    `origin`."""

    def listen(self, handler, server_class=ThreadingHTTPServer):
        self.serve(server_class(("127.0.0.1", 0), handler))

    def serve(self, server):
        """`server`, made elsewhere and bound on 127.0.0.1, served the same way."""
        self.server = server
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(POLL_SECONDS,), daemon=True)
        self._connections, self._connections_lock = set(), threading.Lock()
        accept = server.get_request

        def get_request():  # each connection kept, to be closed by stop()
            connection, address = accept()
            with self._connections_lock:
                self._connections.add(connection)
            return connection, address

        server.get_request = get_request

    @property
    def origin(self):
        return "http://127.0.0.1:{}".format(self.server.server_address[1])

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Shut down and closed: nobody listens at `origin` any more, and nobody answers on a connection a client
        keeps open either (HTTP/1.1 keep-alive: QGIS keeps its connections, and would otherwise still be answered
        by this server in a later test, even one whose server got the same port). Again: nothing more happens."""
        self.server.shutdown()
        self.server.server_close()
        with self._connections_lock:
            connections, self._connections = self._connections, set()
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # closed by its handler already


def serving(handler, server_class=ThreadingHTTPServer):
    """A LoopbackServer of `handler` alone: a test's one-off stand-in (use it in a `with`)."""
    server = LoopbackServer()
    server.listen(handler, server_class)
    return server
