"""A server on 127.0.0.1 that hangs up on every request (a server dying under load)."""

import socket
import threading


class HangUp:
    """A server on 127.0.0.1 that accepts each connection and closes it at once, without a word (a server that
    dies under load): what requests reports as a bare ConnectionError."""

    def __enter__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return self

    def _serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            connection.recv(65536)
            connection.close()

    def __exit__(self, *exc):
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() of _serve: close() alone does not
        except OSError:
            pass
        self.listener.close()
