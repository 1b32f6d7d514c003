"""A minimal Redis client (RESP2 over one socket), enough for the shared politeness budget (core.budget).

Standard library only, so the plugin ships no Redis package (ext_libs stays small and pure): AUTH and SELECT
from the URL, PING, EVALSHA with EVAL on NOSCRIPT, a deadline on the connection and on every reply. Supported
addresses: redis://[[user]:password@]host[:port][/db] and rediss://… (TLS, the system's CA certificates). No Unix
sockets, no Sentinel, no Cluster redirections (the budget's keys share one hash tag, so a Cluster node answers them
all). The password never appears in `str`, `repr` or any message: `RedisAddress.safe` is what may be said.
"""

import hashlib
import socket
import ssl
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .errors import InputError
from .messages import Message

DEFAULT_PORT = 6379
CONNECT_TIMEOUT = 2.0   # seconds to reach the server (a lost Redis must not hold a worker long)
REPLY_TIMEOUT = 2.0     # seconds for a whole reply
MAX_LINE = 64 * 1024


class RedisUnavailable(Exception):
    """The server cannot be reached, stopped answering, or answered something that is not RESP2."""


class RedisReplyError(Exception):
    """The server answered with an error reply (-ERR …, -NOSCRIPT …)."""


@dataclass(frozen=True)
class RedisAddress:
    host: str
    port: int = DEFAULT_PORT
    db: int = 0
    tls: bool = False
    username: str = field(default="", repr=False)
    password: str = field(default="", repr=False)

    @property
    def safe(self):
        """The address as it may be logged: no user, no password."""
        return "{}://{}:{}/{}".format("rediss" if self.tls else "redis", self.host, self.port, self.db)

    def __str__(self):
        return self.safe


def parse_url(url):
    """The RedisAddress of redis://… or rediss://…; InputError (the URL said without its password) otherwise."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise InputError("REDIS_URL '{}' is not a Redis address: give redis://host:6379/0 (or rediss:// for TLS).",
                         redact_url(text)) from None
    path = parts.path.strip("/")
    if parts.scheme not in ("redis", "rediss") or not parts.hostname or not (path == "" or path.isdigit()):
        raise InputError("REDIS_URL '{}' is not a Redis address: give redis://host:6379/0 (or rediss:// for TLS).",
                         redact_url(text))
    return RedisAddress(host=parts.hostname, port=port, db=int(path or 0), tls=parts.scheme == "rediss",
                        username=unquote(parts.username or ""), password=unquote(parts.password or ""))


def redact_url(url):
    """`url` without whatever sits before an @ in its address (user and password)."""
    scheme, sep, rest = (url or "").partition("://")
    if not sep:
        return url.rsplit("@", 1)[-1] if "@" in (url or "") else url
    netloc, slash, tail = rest.partition("/")
    return "{}://{}{}{}".format(scheme, netloc.rsplit("@", 1)[-1], slash, tail)


def encode(args):
    """One command as RESP2: an array of bulk strings."""
    out = [b"*%d\r\n" % len(args)]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode("utf-8")
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


class RedisClient:
    """One connection, made on first use and again after a failure; safe for several threads (one call at a time)."""

    def __init__(self, address, connect_timeout=CONNECT_TIMEOUT, reply_timeout=REPLY_TIMEOUT):
        self.address = address
        self.connect_timeout, self.reply_timeout = connect_timeout, reply_timeout
        self._lock = threading.Lock()
        self._sock = None
        self._file = None
        self._shas = {}

    def call(self, *args):
        """The reply to one command; RedisUnavailable (the connection is dropped) or RedisReplyError."""
        with self._lock:
            return self._call(args)

    def ping(self):
        return self.call("PING") in (b"PONG", "PONG")

    def script(self, source, keys, args):
        """The reply of a Lua script by its SHA1 (EVALSHA), sent whole (EVAL) when the server does not know it."""
        sha = self._shas.get(source)
        if sha is None:
            sha = self._shas[source] = hashlib.sha1(source.encode("utf-8")).hexdigest()
        with self._lock:
            try:
                return self._call(("EVALSHA", sha, len(keys), *keys, *args))
            except RedisReplyError as exc:
                if not str(exc).startswith("NOSCRIPT"):
                    raise
                return self._call(("EVAL", source, len(keys), *keys, *args))

    def close(self):
        with self._lock:
            self._drop()

    # -- inside the lock ---------------------------------------------------------------------------------------

    def _call(self, args):
        if self._sock is None:
            self._connect()
        try:
            self._sock.sendall(encode(args))
            return self._reply()
        except (OSError, ValueError, IndexError) as exc:  # timeouts included (socket.timeout is an OSError)
            self._drop()
            raise RedisUnavailable(_reason(exc)) from None

    def _connect(self):
        address = self.address
        try:
            sock = socket.create_connection((address.host, address.port), timeout=self.connect_timeout)
            if address.tls:
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=address.host)
            sock.settimeout(self.reply_timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as exc:
            raise RedisUnavailable(_reason(exc)) from None
        self._sock, self._file = sock, sock.makefile("rb")
        try:
            if address.password:
                self._call(("AUTH", address.username, address.password) if address.username
                           else ("AUTH", address.password))
            if address.db:
                self._call(("SELECT", address.db))
        except RedisReplyError as exc:
            self._drop()
            # the server's words (WRONGPASS, NOAUTH…) never echo the password
            raise RedisUnavailable(str(exc)) from None

    def _reply(self):
        line = self._file.readline(MAX_LINE)
        if not line.endswith(b"\r\n"):
            raise ValueError("connection closed" if not line else "reply line too long")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest.decode("utf-8", "replace")
        if kind == b"-":
            raise RedisReplyError(rest.decode("utf-8", "replace"))
        if kind == b":":
            return int(rest)
        if kind == b"$":
            size = int(rest)
            if size < 0:
                return None
            data = self._file.read(size + 2)
            if len(data) != size + 2:
                raise ValueError("connection closed")
            return data[:-2]
        if kind == b"*":
            count = int(rest)
            return None if count < 0 else [self._reply() for _ in range(count)]
        raise ValueError("not a RESP2 reply")

    def _drop(self):
        for closable in (self._file, self._sock):
            if closable is not None:
                try:
                    closable.close()
                except OSError:
                    pass
        self._sock = self._file = None


def _reason(exc):
    """A short cause, said with the address, never with the URL (a Message when it is one of ours)."""
    if isinstance(exc, socket.timeout):
        return Message("no answer in time")
    if isinstance(exc, ConnectionRefusedError):
        return Message("connection refused")
    if isinstance(exc, ValueError) and str(exc) == "connection closed":
        return Message("connection closed")
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
