"""A real FTP server (pyftpdlib) on 127.0.0.1 serving a folder read-only to anonymous users.

It records what it sends (path, REST offset, bytes) so tests can prove a
resume, and can misbehave on demand: cut a transfer after N bytes, send
slowly, drip-feed (a few hundred bytes a second, set `state.write_limit`),
have no MLSD, or list a name holding '../'.
"""

import collections
import logging
import os
import threading
import time
import warnings

with warnings.catch_warnings():  # pyftpdlib still uses asyncore/asynchat, deprecated in Python 3.11
    warnings.simplefilter("ignore", DeprecationWarning)
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.filesystems import AbstractedFS
    from pyftpdlib.handlers import FTPHandler, ThrottledDTPHandler
    from pyftpdlib.servers import ThreadedFTPServer

# A handler of its own keeps pyftpdlib from configuring INFO logging to stderr.
logging.getLogger("pyftpdlib").addHandler(logging.NullHandler())
logging.getLogger("pyftpdlib").setLevel(logging.WARNING)

Sent = collections.namedtuple("Sent", "path offset bytes")


class ServerState:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = []                 # one Sent per RETR, filled as bytes go out
        self.cut_after = {}            # file name → bytes to send before failing (once)
        self.delay_per_block = 0.0     # seconds slept per block read: a slow server
        self.write_limit = 0           # bytes per second a transfer may send (0: no limit), read when it starts
        self.extra_names = {}          # folder path (server side) → names added to its listing
        self.commands = []

    def bytes_sent(self, name):
        with self.lock:
            return sum(s.bytes for s in self.sent if os.path.basename(s.path) == name)

    def retrievals(self, name):
        with self.lock:
            return [s for s in self.sent if os.path.basename(s.path) == name]

    def retrieved_names(self):
        with self.lock:
            return sorted({os.path.basename(s.path) for s in self.sent})


class MeteredFile:
    """A file being sent: counts bytes, and fails or slows down when told to."""

    def __init__(self, raw, state):
        self._raw, self._state = raw, state
        self._record = Sent(raw.name, 0, 0)
        with state.lock:
            state.sent.append(self._record)
            self._index = len(state.sent) - 1
            self._cut = state.cut_after.pop(os.path.basename(raw.name), None)

    def seek(self, offset, whence=0):
        self._update(offset=offset)
        return self._raw.seek(offset, whence)

    def read(self, size=-1):
        if self._state.delay_per_block:
            time.sleep(self._state.delay_per_block)
        record = self._state.sent[self._index]
        if self._cut is not None:
            left = self._cut - record.bytes
            if left <= 0:
                raise ConnectionAbortedError("test server: connection cut")
            size = left if size < 0 else min(size, left)
        data = self._raw.read(size)
        self._update(bytes=record.bytes + len(data))
        return data

    def _update(self, **changes):
        with self._state.lock:
            self._state.sent[self._index] = self._state.sent[self._index]._replace(**changes)

    def __getattr__(self, name):
        return getattr(self._raw, name)


def make_handler(root, state, mlsd=True, users=None):
    class MeteredFS(AbstractedFS):
        def open(self, filename, mode):
            return MeteredFile(super().open(filename, mode), state)

        def listdir(self, path):
            names = super().listdir(path)
            relative = "/" + os.path.relpath(path, root).replace(os.sep, "/").strip(".")
            return names + list(state.extra_names.get(relative.rstrip("/") or "/", ()))

    authorizer = DummyAuthorizer()
    if users:
        for name, password in users.items():
            authorizer.add_user(name, password, root, perm="elr")
    else:
        authorizer.add_anonymous(root)
    commands = dict(FTPHandler.proto_cmds)
    if not mlsd:
        commands.pop("MLSD")
        commands.pop("MLST")

    class Dripping(ThrottledDTPHandler):
        """pyftpdlib's own throttle, its limit read from the state when each transfer starts."""

        @property
        def write_limit(self):
            return state.write_limit

    class Handler(FTPHandler):
        abstracted_fs = MeteredFS
        dtp_handler = Dripping
        proto_cmds = commands
        banner = "IGN Offline test FTP server"
        use_sendfile = False  # sendfile() would bypass MeteredFile.read
        auth_failed_timeout = 0.1

        def pre_process_command(self, line, cmd, arg):
            with state.lock:
                state.commands.append(cmd)
            return super().pre_process_command(line, cmd, arg)

    Handler.authorizer = authorizer
    Handler.passive_ports = None
    return Handler


class TestFtpServer:
    """`with TestFtpServer(folder) as server:` → server.port; server.state for what happened.

    Anonymous and read-only, unless `users` ({name: password}) are given: then only they may log in.
    """

    __test__ = False  # not a pytest class

    def __init__(self, root, mlsd=True, users=None, port=0):
        self.root = os.path.abspath(root)
        self.state = ServerState()
        self.server = ThreadedFTPServer(("127.0.0.1", port), make_handler(self.root, self.state, mlsd, users))
        self.port = self.server.address[1]
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, name="test-ftp", daemon=True)

    def _serve(self):
        # One poll at a time, and closing in this same thread: closing from
        # another thread while it polls makes the poll fail (EBADF).
        while not self._stop.is_set():
            self.server.serve_forever(timeout=0.05, blocking=False)
        self.server.close_all()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join(5)
