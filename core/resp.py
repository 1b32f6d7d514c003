"""A minimal Redis client (RESP2 over one socket), enough for the shared politeness budget (core.budget).

Standard library only, so the plugin ships no Redis package (ext_libs stays small and pure): AUTH and SELECT
from the URL, PING, EVALSHA with EVAL on NOSCRIPT, a deadline on the connection and on every reply. Supported
addresses: redis://[[user]:password@]host[:port][/db] and rediss://… (TLS, the system's CA certificates). No Unix
sockets, no Sentinel, no Cluster redirections (the budget's keys share one hash tag, so a Cluster node answers them
all). The password never appears in `str`, `repr` or any message: `RedisAddress.safe` is what may be said.
"""

import hashlib
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .errors import InputError
from .messages import Message

DEFAULT_PORT = 6379
CONNECT_TIMEOUT = 2.0   # seconds to reach the server (a lost Redis must not hold a worker long)
REPLY_TIMEOUT = 2.0     # seconds for a whole reply
MAX_LINE = 64 * 1024
# Our replies are a PONG, an OK or a script's pair of integers: anything much larger is not our Redis answering,
# and reading it would cost memory (a claimed size is read at once) or the stack (nested arrays).
MAX_BULK = 64 * 1024
MAX_ITEMS = 64
MAX_DEPTH = 4
_NUMBER = re.compile(rb"-?[0-9]{1,18}")


class RedisUnavailable(Exception):
    """The server cannot be reached, stopped answering, or answered something that is not RESP2."""


class RedisReplyError(Exception):
    """The server answered with an error reply (-ERR …, -NOSCRIPT …)."""


class BadReply(Exception):
    """What the server sent is not a reply we can use (not RESP2, too large, too deep, or of the wrong shape)."""


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
        self._buffer = bytearray()
        self._shas = {}

    def call(self, *args):
        """The reply to one command; RedisUnavailable (the connection is dropped) or RedisReplyError."""
        with self._lock:
            return self._call(args)

    def ping(self):
        """True, or RedisUnavailable: a server answering PING with anything but PONG is not one to use."""
        with self._lock:
            return self._call(("PING",), check=lambda reply: reply in (b"PONG", "PONG"))

    def script(self, source, keys, args, check=None):
        """The reply of a Lua script by its SHA1 (EVALSHA), sent whole (EVAL) when the server does not know it.
        `check(reply)` false: RedisUnavailable ("not a Redis reply"), the connection dropped."""
        sha = self._shas.get(source)
        if sha is None:
            sha = self._shas[source] = hashlib.sha1(source.encode("utf-8")).hexdigest()
        with self._lock:
            try:
                return self._call(("EVALSHA", sha, len(keys), *keys, *args), check)
            except RedisReplyError as exc:
                if not str(exc).startswith("NOSCRIPT"):
                    raise
                return self._call(("EVAL", source, len(keys), *keys, *args), check)

    def close(self):
        with self._lock:
            self._drop()

    # -- inside the lock ---------------------------------------------------------------------------------------

    def _call(self, args, check=None):
        if self._sock is None:
            self._connect()
        # One deadline for the whole reply, not for each read: a server dripping bytes must not hold a worker.
        deadline = time.monotonic() + self.reply_timeout
        try:
            self._sock.settimeout(self.reply_timeout)
            self._sock.sendall(encode(args))
            reply = self._reply(deadline)
            if check is not None and not check(reply):
                raise BadReply()
            return reply
        except (OSError, BadReply) as exc:  # timeouts included (socket.timeout is an OSError)
            self._drop()
            raise RedisUnavailable(cause(exc)) from None

    def _connect(self):
        address = self.address
        try:
            sock = socket.create_connection((address.host, address.port), timeout=self.connect_timeout)
            if address.tls:
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=address.host)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except ssl.SSLError:
            raise RedisUnavailable(Message("TLS handshake failed")) from None
        except OSError as exc:
            raise RedisUnavailable(cause(exc)) from None
        self._sock, self._buffer = sock, bytearray()
        try:
            if address.password:
                self._call(("AUTH", address.username, address.password) if address.username
                           else ("AUTH", address.password))
            if address.db:
                self._call(("SELECT", address.db))
        except RedisReplyError as exc:
            self._drop()
            raise RedisUnavailable(cause(exc)) from None

    def _reply(self, deadline, depth=0):
        line = self._line(deadline)
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode("utf-8", "replace")
        if kind == b"-":
            error = RedisReplyError(rest.decode("utf-8", "replace"))
            if depth:
                return error  # inside an array: read the rest of it (the connection stays in step), then refused
            raise error
        if kind == b":":
            return _number(rest)
        if kind == b"$":
            size = _number(rest)
            if size < 0:
                return None
            if size > MAX_BULK:
                raise BadReply()
            data = self._exactly(size + 2, deadline)
            if data[-2:] != b"\r\n":
                raise BadReply()
            return data[:-2]
        if kind == b"*":
            count = _number(rest)
            if count < 0:
                return None
            if count > MAX_ITEMS or depth >= MAX_DEPTH:
                raise BadReply()
            items = [self._reply(deadline, depth + 1) for _ in range(count)]
            if any(isinstance(item, RedisReplyError) for item in items) and not depth:
                raise BadReply()
            return items
        raise BadReply()

    def _line(self, deadline):
        """One reply line without its CRLF."""
        while True:
            end = self._buffer.find(b"\r\n")
            if end >= 0:
                line = bytes(self._buffer[:end])
                del self._buffer[:end + 2]
                return line
            if len(self._buffer) > MAX_LINE:
                raise BadReply()
            self._receive(deadline)

    def _exactly(self, size, deadline):
        while len(self._buffer) < size:
            self._receive(deadline)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _receive(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise socket.timeout()
        self._sock.settimeout(left)
        data = self._sock.recv(MAX_LINE)
        if not data:
            raise ConnectionResetError()
        self._buffer += data

    def _drop(self):
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
        self._sock, self._buffer = None, bytearray()


def _number(text):
    """A RESP2 length or integer: a few digits, never Python's conversion of whatever was sent."""
    if not _NUMBER.fullmatch(text):
        raise BadReply()
    return int(text)


_CODE = re.compile(r"[A-Z]{2,16}")


def cause(exc):
    """A short translated cause for a failed call, said with the address: one of a few Messages, never Python's
    or the operating system's own words (untranslated), nor the server's beyond its error code."""
    if isinstance(exc, RedisReplyError):
        code = (str(exc).split() or [""])[0]
        if code in ("WRONGPASS", "NOAUTH", "NOPERM") or "password" in str(exc).lower():
            return Message("password refused")
        return Message("the server refused the command ({})", code if _CODE.fullmatch(code) else "ERR")
    if isinstance(exc, BadReply):
        return Message("not a Redis reply")
    if isinstance(exc, socket.timeout):
        return Message("no answer in time")
    if isinstance(exc, socket.gaierror):
        return Message("address not found")
    if isinstance(exc, ssl.SSLError):
        return Message("TLS error")
    if isinstance(exc, ConnectionRefusedError):
        return Message("connection refused")
    if isinstance(exc, (ConnectionError, EOFError)):
        return Message("connection closed")
    return Message("network error")
