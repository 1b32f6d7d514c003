"""The house's HTTP: pooled sessions, a per-host rate cap, retries, capped bodies, secrets kept out of
messages (tile bodies are checked by core.tiles.bodies).

Politeness is shared: every download running in this process takes its
requests from the same per-host limiter, so two jobs on data.geopf.fr share
one cap, and a 429 from the server pauses them all for its Retry-After. With
REDIS_URL, the limiter is shared by every worker of the job (core.budget).
"""

import email.utils
import http.client
import random
import re
import socket
import threading
import time
import zlib
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from . import __version__
from .messages import Message, Size

USER_AGENT = "IGN-Offline/{} (QGIS plugin; +https://github.com/ign-offline/ign_offline)".format(__version__)


def user_agent(contact=None):
    """The plugin's User-Agent, with the user's contact (an e-mail or URL) when they gave one."""
    contact = " ".join((contact or "").split())  # no line breaks into a header
    return USER_AGENT[:-1] + "; contact: {})".format(contact) if contact else USER_AGENT
SECRET_PARAMETERS = {"apikey", "api_key", "key", "token", "access_token", "password", "passwd", "x-key"}
TIMEOUT = (10, 30)  # connect, read (seconds without a byte)
# Whole answers, redirects and body included: a server that drip-feeds bytes
# resets a read timeout forever, never these.
TILE_DEADLINE = 60.0
CAPABILITIES_DEADLINE = 120.0
MAX_TILE_BYTES = 16 * 2 ** 20
MAX_CAPABILITIES_BYTES = 64 * 2 ** 20
CHUNK = 64 * 1024
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
# All that may follow a redirect to another origin: none of these can carry a
# credential (urllib3 and requests strip Authorization only, not an apikey header).
SAFE_HEADERS = frozenset(("user-agent", "accept", "accept-encoding", "accept-language", "if-none-match",
                          "if-modified-since"))
# Bodies as sent: a gzip bomb decoded transparently would sit whole in memory.
IDENTITY = {"Accept-Encoding": "identity"}


def redact_url(url):
    """`url` with every secret-looking query parameter removed: safe for logs and metadata."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in SECRET_PARAMETERS]
    netloc = parts.netloc.rsplit("@", 1)[-1]  # drop user:password@
    return urlunsplit(parts._replace(netloc=netloc, query=urlencode(query, safe="/:{}")))


def redact_text(text, secrets):
    """`text` with each secret value replaced by ***."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


MAX_PAUSE = 300.0  # the longest a 429 pauses a host, whatever its Retry-After


def retry_after_seconds(value, default=5.0, cap=MAX_PAUSE):
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return default
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return default
    return min(max(0.0, when - time.time()), cap)


def backoff_delay(attempt, base=0.5, cap=30.0):
    """Exponential backoff with full jitter: attempt 1 waits up to `base`, then doubling."""
    return random.uniform(0, min(cap, base * 2 ** (attempt - 1)))


class HostLimiter:
    """Paces requests to one host at no more than `rate` per second (0 = no cap).

    Strict pacing, no burst: the server sees at most `rate` requests in any
    second. The rate is the lowest asked by the jobs currently using the host.
    """

    def __init__(self, share=1):
        self._lock = threading.Lock()
        self._next = 0.0
        self._paused_until = 0.0
        self._rates = []
        # A worker cut off from the shared budget (core.budget) keeps 1/share of the rate asked.
        self.share = max(1, share)

    def join(self, rate):
        with self._lock:
            self._rates.append(rate)

    def leave(self, rate):
        with self._lock:
            self._rates.remove(rate)

    @property
    def asked_rate(self):
        """The lowest rate asked by the jobs using the host (0: none asks for a cap)."""
        caps = [r for r in self._rates if r and r > 0]
        return min(caps) if caps else 0

    @property
    def rate(self):
        return self.asked_rate / self.share

    def pause(self, seconds):
        """Hold every request to this host for `seconds` (a 429's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    def acquire(self, stop_event):
        """Wait for this request's slot; False if `stop_event` was set meanwhile."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._paused_until, self._next)
            rate = self.rate
            self._next = slot + (1.0 / rate if rate else 0.0)
        delay = slot - time.monotonic()
        if delay > 0:
            return not stop_event.wait(delay)
        return not stop_event.is_set()


_limiters = {}
_limiters_lock = threading.Lock()
_shared_budget = None


def use_shared_budget(budget):
    """Take requests from `budget` (a core.budget.SharedBudget, shared by every worker) from now on; None: each
    process paces itself again. Limiters already handed out keep what they were."""
    global _shared_budget
    _shared_budget = budget


def limiter_for(host_key, policy="requests"):
    """The one limiter of a host (`host_key`: its netloc; a template's, subdomain placeholder included): this
    process's HostLimiter, or with a shared budget (core.budget) the host's for that `policy` (the API whose
    limit it keeps: "tiles", "download"), shared with every worker."""
    budget = _shared_budget
    if budget is not None:
        return budget.limiter(host_key, policy)
    with _limiters_lock:
        return _limiters.setdefault(host_key.lower(), HostLimiter())


def unreachable_reason(exc):
    """What a connection error means, in words a user can act on (a Message)."""
    text = str(exc)
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered or (
            "failed to resolve" in lowered) or "temporary failure in name resolution" in lowered or (
            "getaddrinfo failed" in lowered):
        return Message("the host name cannot be resolved: no network, or a wrong address")
    if "refused" in lowered:
        return Message("the connection was refused: nothing answers at that address and port")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Message("the connection timed out")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        # connected, then silence: "the connection timed out" would send the user checking the network
        return Message("the server accepted the connection but did not answer in time")
    if "timed out" in lowered:
        return Message("the connection timed out")
    if "network is unreachable" in lowered or "no route to host" in lowered:
        return Message("the network is unreachable")
    if isinstance(exc, requests.exceptions.SSLError):
        return Message("the secure connection failed (TLS)")
    if isinstance(exc, requests.exceptions.ProxyError):
        return Message("the proxy refused or failed the connection")
    return kind_reason(exc)


def kind_reason(exc):
    """A failed request said by what happened, never by its class name ("ConnectionError" means nothing to a
    user, nor in French): our own limits' words, else the kind of trouble as a sentence (a Message)."""
    if isinstance(exc, (DeadlineExceeded, BadEncoding, BodyTooLarge)) and exc.args:
        return exc.args[0]
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return Message("the server cut its answer short")
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return Message("the server's answer cannot be decoded")
    if isinstance(exc, requests.exceptions.Timeout):
        return Message("the server did not answer in time")
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return Message("the server redirects without end")
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema)):
        return Message("the address is not a valid web address")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return Message("the server does not answer")
    return Message("the request failed")


class SessionPool:
    """One keep-alive requests.Session per thread (Sessions are not thread-safe)."""

    def __init__(self, headers=None):
        self._local = threading.local()
        self._headers = dict(headers or {})
        self._sessions = []
        self._lock = threading.Lock()

    def session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = HTTPAdapter(pool_connections=1, pool_maxsize=1, max_retries=0)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = USER_AGENT
            session.headers.update(self._headers)
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def get(self, url, headers=None, timeout=TIMEOUT):
        return self.session().get(url, headers=headers, timeout=timeout, allow_redirects=True)

    def fetch(self, url, headers=None, timeout=TIMEOUT, deadline=CAPABILITIES_DEADLINE,
              max_bytes=MAX_CAPABILITIES_BYTES, what="capabilities"):
        """A GET read whole within `deadline` seconds and `max_bytes` (see `capped_get`): a TileResponse."""
        session = self.session()
        merged = dict(session.headers, **IDENTITY)
        merged.update(headers or {})
        # In a helper thread given up a second past the deadline: a server drip-feeding even its status line
        # and headers holds http.client before any body is read (one request per job: one thread is cheap).
        return within(deadline + 1, deadline,
                       lambda: capped_get(self._send, url, merged, timeout, deadline, max_bytes, what))

    def _send(self, url, headers, timeout):
        session = self.session()
        # None unsets the session's own headers: only `headers` leave, so a stripped one stays stripped.
        sent = dict.fromkeys(session.headers)
        sent.update(headers)
        return session.get(url, headers=sent, timeout=timeout, allow_redirects=False, stream=True).raw

    def close(self):
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions = []


class TileResponse:
    """What the download engine reads of a reply (the same names as requests.Response)."""

    __slots__ = ("status_code", "reason", "headers", "content")

    def __init__(self, response, content):
        self.status_code = response.status
        self.reason = response.reason
        self.headers = response.headers      # case-insensitive
        self.content = content


class TilePool:
    """Kept-alive connections for tile requests, shared by the engine's threads, on urllib3 directly.

    requests costs about twice the CPU per request (environment, netrc and
    proxy look-ups on every call), which shows at hundreds of tiles per
    second; tile requests need none of that per call. The environment's proxy
    (HTTP(S)_PROXY, NO_PROXY) is looked up once per host, the CA bundle is
    requests', redirects are followed by `capped_get`. Connection-level failures are raised
    as requests.ConnectionError, so callers handle one family of errors.
    """

    def __init__(self, headers=None, connections=4):
        self._headers = dict({"User-Agent": USER_AGENT}, **IDENTITY)
        self._headers.update(headers or {})
        self._connections = max(1, connections)
        self._managers = {}
        self._lock = threading.Lock()

    def _manager(self, url):
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc)
        with self._lock:
            manager = self._managers.get(key)
            if manager is None:
                options = dict(num_pools=4, maxsize=self._connections, block=False, cert_reqs="CERT_REQUIRED",
                               ca_certs=requests.certs.where())
                proxy = requests.utils.get_environ_proxies(url).get(parts.scheme)
                manager = (urllib3.ProxyManager(proxy, **options) if proxy else urllib3.PoolManager(**options))
                self._managers[key] = manager
        return manager

    def get(self, url, headers=None, timeout=TIMEOUT, deadline=TILE_DEADLINE, max_bytes=MAX_TILE_BYTES,
            what="tile"):
        """A GET read whole within `deadline` seconds and `max_bytes` (see `capped_get`): a TileResponse."""
        merged = dict(self._headers, **(headers or {}))
        return capped_get(self._send, url, merged, timeout, deadline, max_bytes, what)

    def _send(self, url, headers, timeout):
        try:
            return self._manager(url).urlopen(
                "GET", url, headers=headers, retries=False, redirect=False, preload_content=False,
                decode_content=False, timeout=urllib3.Timeout(connect=timeout[0], read=timeout[1]))
        except urllib3.exceptions.MaxRetryError as exc:
            raise _as_requests_error(exc.reason or exc) from None
        except urllib3.exceptions.HTTPError as exc:
            raise _as_requests_error(exc) from None
        except OSError as exc:
            raise _as_requests_error(exc) from None

    def close(self):
        with self._lock:
            for manager in self._managers.values():
                manager.clear()
            self._managers = {}


class DeadlineExceeded(requests.exceptions.Timeout):
    """The whole answer (redirects, headers, body) did not arrive within the request's deadline."""

    def __init__(self, seconds):
        super().__init__(Message("no complete answer within {:.0f} s", seconds))
        self.seconds = seconds


class BodyTooLarge(requests.RequestException):
    """The body (decoded, if the server encoded it) is larger than the request's cap."""

    def __init__(self, what, max_bytes):
        super().__init__(Message("{} larger than {}", what, megabytes(max_bytes)))


class BadEncoding(requests.exceptions.ContentDecodingError):
    def __init__(self, encoding):
        super().__init__(Message("the body's {} encoding is broken", encoding))


def within(seconds, deadline, function):
    """function()'s result or error, or DeadlineExceeded(deadline) if it has not returned within `seconds`.

    The thread left behind is a daemon: it ends with its connection, and holds no file.
    """
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except Exception as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name="ign-offline-request")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise DeadlineExceeded(deadline)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def megabytes(size):
    value = size / 2 ** 20
    return "{:.0f} MB".format(value) if value == int(value) else "{:.1f} MB".format(value)


def origin(url):
    """(scheme, host, port) of a URL: what a credential is bound to."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(scheme)


def capped_get(send, url, headers, timeout, deadline, max_bytes, what):
    """A GET through `send(url, headers, timeout)` (a urllib3 response, body unread), as a TileResponse.

    Redirects are followed here (at most MAX_REDIRECTS), so that a hop to
    another origin carries only SAFE_HEADERS, whatever header a credential
    rides in. The whole exchange has `deadline` seconds; the body is read as
    it arrives and refused past `max_bytes`, decoded or not.
    """
    end = time.monotonic() + deadline
    ours = _secret_pairs(url)  # a key we put in the query: a server echoing it into its Location keeps it home
    for hop in range(MAX_REDIRECTS + 1):
        remaining = end - time.monotonic()
        if remaining <= 0:
            raise DeadlineExceeded(deadline)
        try:
            raw = send(url, headers, (timeout[0], min(timeout[1], remaining)))
        except requests.exceptions.Timeout:
            if time.monotonic() >= end - 0.05:
                raise DeadlineExceeded(deadline) from None
            raise
        location = raw.headers.get("Location")
        if raw.status in REDIRECTS and location and hop < MAX_REDIRECTS:
            _finish(raw, complete=False)  # no body to read, and none worth draining
            target = urljoin(url, location)
            if origin(target) != origin(url):
                headers = {k: v for k, v in headers.items() if k.lower() in SAFE_HEADERS}
                target = _without_pairs(target, ours)
            url = target
            continue
        return TileResponse(raw, read_body(raw, end, deadline, timeout[1], max_bytes, what))


def _secret_pairs(url):
    """The secret-looking query parameters of `url` (SECRET_PARAMETERS), as (name, value) pairs."""
    return {(k, v) for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)
            if k.lower() in SECRET_PARAMETERS}


def _without_pairs(url, pairs):
    """`url` without those query pairs (the rest of its query as the server wrote it)."""
    if not pairs:
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not any(pair in pairs for pair in query):
        return url
    return urlunsplit(parts._replace(query=urlencode([p for p in query if p not in pairs], safe="/:{}")))


def read_body(raw, end, deadline, read_timeout, max_bytes, what):
    """The body of a urllib3 response read in chunks until `end` (monotonic), capped at `max_bytes`.

    Each read takes what has arrived (read1), with the socket's timeout cut to
    the time left, so the deadline holds against a server sending one byte at
    a time. A gzip/deflate body is decoded here, its output capped as it grows.
    """
    length = raw.headers.get("Content-Length", "")
    encoding = (raw.headers.get("Content-Encoding") or "").strip().lower()
    decoder = _Decoder(encoding) if encoding in ("gzip", "x-gzip", "deflate") else None
    if decoder is None and length.isdigit() and int(length) > max_bytes:
        _finish(raw, complete=False)
        raise BodyTooLarge(what, max_bytes)
    stream = raw._fp  # http.client's response: read1 returns what has arrived, never waits for more
    sock = _socket_of(raw)
    chunks, size, complete = [], 0, False
    try:
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise DeadlineExceeded(deadline)
            if sock is not None:
                sock.settimeout(min(read_timeout, remaining))
            try:
                chunk = stream.read1(CHUNK)
            except socket.timeout:
                if time.monotonic() >= end - 0.05:
                    raise DeadlineExceeded(deadline) from None
                raise requests.exceptions.ReadTimeout(Message("no data for {:.0f} s", read_timeout)) from None
            except (http.client.HTTPException, OSError, ValueError) as exc:
                # the body stopped short: the host did answer
                raise requests.exceptions.ChunkedEncodingError(Message("Connection broken: {!r}", exc)) from None
            if not chunk:
                break
            if decoder is not None:
                chunk = decoder.decode(chunk, max_bytes - size)
            size += len(chunk)
            if size > max_bytes:
                raise BodyTooLarge(what, max_bytes)
            chunks.append(chunk)
        complete = True
    finally:
        _finish(raw, complete)
    return b"".join(chunks)


class _Decoder:
    """gzip/deflate decoded incrementally, never more than asked per call (zlib's max_length)."""

    def __init__(self, encoding):
        self.encoding = encoding
        self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
        self._started = False

    def decode(self, data, room):
        """Up to room + 1 bytes of output (one more than room means: too large)."""
        try:
            out = self._zlib.decompress(data, room + 1)
        except zlib.error:
            if self.encoding != "deflate" or self._started:
                raise BadEncoding(self.encoding) from None
            # "deflate" is sent both zlib-wrapped (as the RFC says) and raw: try raw
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self.decode(data, room)
        self._started = True
        return out


def _socket_of(raw):
    """The socket under a urllib3 response, to bound each read by the time left (None if out of reach)."""
    connection = getattr(raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    if sock is None:
        sock = getattr(getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None), "_sock", None)
    return sock if hasattr(sock, "settimeout") else None


def _finish(raw, complete):
    """Hand the connection back: kept alive after a whole body, closed otherwise (unread bytes may follow)."""
    try:
        if complete:
            raw._fp.close()  # the body is read: the connection can carry the next request
        else:
            raw.close()
        raw.release_conn()
    except (OSError, AttributeError):
        pass


def _as_requests_error(exc):
    """The requests exception a urllib3 error would have become, keeping its message."""
    errors = urllib3.exceptions
    if isinstance(exc, errors.ConnectTimeoutError):
        return requests.exceptions.ConnectTimeout(str(exc))
    if isinstance(exc, errors.ReadTimeoutError):
        return requests.exceptions.ReadTimeout(str(exc))
    if isinstance(exc, errors.ProxyError):
        return requests.exceptions.ProxyError(str(exc))
    if isinstance(exc, errors.SSLError):
        return requests.exceptions.SSLError(str(exc))
    if isinstance(exc, errors.ProtocolError) and "broken" in str(exc):
        # the body stopped short ("Connection broken: IncompleteRead"): the host did answer
        return requests.exceptions.ChunkedEncodingError(str(exc))
    if isinstance(exc, (errors.NewConnectionError, errors.ProtocolError)):
        return requests.exceptions.ConnectionError(str(exc))
    if isinstance(exc, OSError):
        return requests.exceptions.ConnectionError(str(exc))
    return requests.exceptions.RequestException("{}: {}".format(type(exc).__name__, exc))


def redact(text, credentials):
    """`text` with the secrets of `credentials` replaced by *** (None: a public source, nothing to hide)."""
    if credentials is None:
        return text
    if isinstance(text, Message) and text.args:  # keep it translatable: the secrets can only be in its arguments
        made = Message(text.template, *(_redact_argument(a, credentials) for a in text.args))
        made.forms = text.forms
        return made
    return credentials.redact(text)


def _redact_argument(value, credentials):
    if isinstance(value, (int, float, Size)):
        return value
    return redact(value if isinstance(value, Message) else str(value), credentials)
