"""What every stand-in HTTP server of the tests shares: a free port on 127.0.0.1, served by a daemon thread,
used as a context manager (started on entry, shut down and closed on exit)."""

import threading
from http.server import ThreadingHTTPServer


class LoopbackServer:
    """Subclasses call `self.listen(handler_class)` (or `self.serve(server)`) in their __init__, then read
    `origin`."""

    def listen(self, handler, server_class=ThreadingHTTPServer):
        self.serve(server_class(("127.0.0.1", 0), handler))

    def serve(self, server):
        """`server`, made elsewhere and bound to a free port of 127.0.0.1, served the same way."""
        self.server = server
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self):
        return "http://127.0.0.1:{}".format(self.server.server_address[1])

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Shut down and closed: nobody listens at `origin` any more (again: nothing more happens)."""
        self.server.shutdown()
        self.server.server_close()
