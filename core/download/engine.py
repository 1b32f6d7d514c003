"""The tile download engine: concurrent, rate-capped, checked, resumable.

The calling thread enumerates the tiles lazily (column by column, asking the
file's journal what is already done), hands requests to `concurrency` worker
threads through a bounded queue, and is the only writer of the MBTiles file.
Memory therefore stays flat whatever the area, and killing the process at any
moment leaves a file that the same call finishes.
"""

import collections
import queue
import threading
import time
from dataclasses import dataclass, field

import requests

from ..errors import IgnOfflineError
from ..http import (
    MAX_PAUSE,
    MAX_TILE_BYTES,
    TILE_DEADLINE,
    TIMEOUT,
    BodyTooLarge,
    DeadlineExceeded,
    TilePool,
    backoff_delay,
    kind_reason,
    limiter_for,
    redact,
    retry_after_seconds,
    unreachable_reason,
)
from ..mbtiles import holds_same_body, tile_id
from ..messages import Message
from ..sources.policies import host_of
from ..text import limit_duration
from ..tiles.bodies import image_kind, tile_body_problem
from ..vector import mvt
from .changes import CHANGED, GONE, NEW, TileChanges


class ServerRefused(IgnOfflineError):
    """The server refuses the requests themselves (bad layer/style, key): retrying is pointless."""


class DownloadFailed(IgnOfflineError):
    """Nothing of the job could be fetched: the run is a failure, not a success with failures."""


class HostUnreachable(DownloadFailed):
    """The host never answered in this job (no network, wrong name or port): stop at once."""


class HostStalled(DownloadFailed):
    """The host only throttles (429) or stalls: the job ends, what is stored stays, a later run resumes."""


@dataclass
class DownloadOptions:
    concurrency: int = 4
    max_rate: float = 20.0          # requests per second to the host; 0 = no cap
    refresh_days: float = None      # re-check tiles fetched longer ago than this
    retry_failed_only: bool = False
    max_attempts: int = 5           # per tile, for 5xx, timeouts, bad bodies
    max_throttled: int = 20         # 429 answers tolerated per tile
    backoff_base: float = 0.5       # seconds; the first retry waits up to this, then doubling
    timeout: tuple = TIMEOUT        # connect, and seconds without a byte
    tile_deadline: float = TILE_DEADLINE   # seconds for a whole answer, redirects and body included
    max_tile_bytes: int = MAX_TILE_BYTES   # a larger body (decoded, if sent gzipped) is a failed tile
    stall_limit: float = 120.0      # seconds a host may throttle (429) or time out with no usable answer
    headers: dict = field(default_factory=dict)
    tile_filter: object = None      # (zoom, x, y) -> bool: only these tiles are this job's (a shard)
    # (zoom, x, y) -> a time (epoch s) or None: a tile fetched before it is re-checked (a plan's entries that are
    # due, core.library.refresh); refresh_days, when given, applies instead
    refresh_cutoff: object = None


@dataclass
class DownloadStats:
    total: int = 0
    downloaded: int = 0
    skipped: int = 0
    not_modified: int = 0
    empty: int = 0
    failed: int = 0
    bytes: int = 0
    cancelled: bool = False
    errors: collections.Counter = field(default_factory=collections.Counter)
    changes: TileChanges = field(default_factory=TileChanges)   # what the file holds now that it did not

    @property
    def processed(self):
        return self.downloaded + self.skipped + self.not_modified + self.empty + self.failed


@dataclass(frozen=True)
class TileRequest:
    zoom: int
    x: int
    y: int
    etag: str = None
    last_modified: str = None
    previous: str = None     # the journal's status before this run ('done': the file holds the tile)


@dataclass
class TileResult:
    request: TileRequest
    status: str  # done, not_modified, empty, failed, refused, unreachable, stalled
    data: bytes = None
    etag: str = None
    last_modified: str = None
    error: str = None


class Downloader:
    """`credentials` (core.sources.accounts.Credentials, bound to the SOURCE; the prepared source carries them):
    applied per request, renewed on 401, and taken out of every message."""

    def __init__(self, source, store, options=None, log=None, credentials=None):
        self.source = source
        self.credentials = credentials
        self.store = store
        self.options = options or DownloadOptions()
        self.log = log or (lambda message: None)
        self.limiter = limiter_for(source.host_key, "tiles")
        self.pool = TilePool(self.options.headers, self.options.concurrency)
        self.stop = threading.Event()
        # Set by the first HTTP answer: until then a connection error means the
        # host cannot be reached at all, and retrying every tile would only wait.
        self.answered = threading.Event()
        self._throttle_noted = 0.0
        # Since when the host has had work without a usable answer (done, empty, 304), and what it did
        # meanwhile when that was throttling or timing out: past options.stall_limit, the job ends.
        self._waiting_since = time.monotonic()
        self._trouble = None
        # A template that names no format takes the first tile's; later tiles of another kind fail.
        self.format = None if getattr(source, "format_from_server", False) else source.format
        self._format_lock = threading.Lock()
        self._format_found = False
        self.on_format = None           # called (by the writing thread) with the format the server sends
        self.vector = mvt.is_vector_format(source.format)  # Mapbox vector tiles: checked and kept as such

    def _say(self, message):
        self.log(redact(message, self.credentials))

    # -- what to fetch ------------------------------------------------------------

    def requests(self, ranges, stats):
        """TileRequests still to make, generated lazily; counts the skipped tiles in `stats`."""
        options = self.options
        cutoff = None if options.refresh_days is None else time.time() - options.refresh_days * 86400
        cutoff_of = options.refresh_cutoff if cutoff is None else None
        mine = options.tile_filter
        for tile_range in ranges:
            for x in range(tile_range.x_min, tile_range.x_max + 1):
                known = self.store.journal_column(tile_range.zoom, x, tile_range.y_min, tile_range.y_max)
                for y in range(tile_range.y_min, tile_range.y_max + 1):
                    if mine is not None and not mine(tile_range.zoom, x, y):
                        continue
                    entry = known.get(y)
                    if options.retry_failed_only:
                        wanted = entry is not None and entry.status == "failed"
                    else:
                        wanted = entry is None or entry.status == "failed"
                    previous = entry.status if entry is not None else None
                    if wanted:
                        yield TileRequest(tile_range.zoom, x, y, previous=previous)
                    elif entry is not None and self._stale(entry, cutoff, cutoff_of, tile_range.zoom, x, y):
                        if entry.status == "done":
                            yield TileRequest(tile_range.zoom, x, y, entry.etag, entry.last_modified, previous)
                        else:
                            yield TileRequest(tile_range.zoom, x, y, previous=previous)
                    else:
                        stats.skipped += 1

    @staticmethod
    def _stale(entry, cutoff, cutoff_of, zoom, x, y):
        """Whether a journalled tile is to be re-checked: fetched before the run's cutoff, or its own."""
        if cutoff is None and cutoff_of is not None:
            cutoff = cutoff_of(zoom, x, y)
        return cutoff is not None and entry.fetched_at < cutoff

    # -- one tile -------------------------------------------------------------------

    def fetch(self, request):
        """The outcome of one tile, after retries; None if the job was stopped."""
        url = self.source.tile_url(request.zoom, request.x, request.y)
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        attempts = throttled = 0
        renewed = False
        credentials = self.credentials
        while self.limiter.acquire(self.stop):
            sent = dict(headers)
            if credentials is not None:
                try:
                    url, auth = credentials.apply(url)  # nothing added for another host
                except IgnOfflineError as exc:  # the sign-in failed: nothing more can be fetched
                    return TileResult(request, "refused", error=str(exc))
                sent.update(auth)
            if self._stalled():
                return TileResult(request, "stalled", error=self._stalled_for())
            try:
                response = self.pool.get(url, headers=sent or None, timeout=self.options.timeout,
                                         deadline=self.options.tile_deadline, max_bytes=self.options.max_tile_bytes)
                body = response.content
            except BodyTooLarge as exc:
                return TileResult(request, "failed", error=str(exc))  # the same tile would be as large again
            except requests.RequestException as exc:
                reason = _reason(exc)
                if isinstance(exc, requests.ConnectionError) and not self.answered.is_set() and attempts >= 1:
                    return TileResult(request, "unreachable", error=unreachable_reason(exc))
                if isinstance(exc, requests.Timeout):
                    # Messages: the end of a stalled job says them, in the user's language
                    self._trouble = Message("gave no complete answer within {:.0f} s", exc.seconds) if isinstance(
                        exc, DeadlineExceeded) else Message("timed out")
            else:
                self.answered.set()
                status = response.status_code
                if status == 200 and self.vector and not body:
                    # A vector tile server's 200 with nothing is its "no data here", as a 204.
                    self._answered_usefully()
                    return TileResult(request, "empty", error=Message("HTTP {}: no data here", status))
                if status == 200:
                    # Content-Length counts encoded bytes: only comparable when not re-encoded.
                    length = None if response.headers.get("Content-Encoding") else response.headers.get(
                        "Content-Length")
                    reason = tile_body_problem(body, response.headers.get("Content-Type"),
                                               self._expected_format(body), length)
                    if reason is None:
                        self._answered_usefully()
                        if self.vector:
                            body = mvt.for_mbtiles(body)  # gzip, as QGIS 3.22 reads them (core.vector.mvt)
                        return TileResult(request, "done", body, response.headers.get("ETag"),
                                          response.headers.get("Last-Modified"))
                elif status == 304:
                    self._answered_usefully()
                    return TileResult(request, "not_modified")
                elif status in (204, 404):
                    self._answered_usefully()
                    return TileResult(request, "empty", error=Message("HTTP {}: no data here", status))
                elif status == 429:
                    throttled += 1
                    asked = retry_after_seconds(response.headers.get("Retry-After"), cap=float("inf"))
                    wait = min(asked, MAX_PAUSE)
                    self._trouble = Message("answered only 429 Too Many Requests")
                    if wait > self._stall_time_left():  # waiting would only end past the limit: end now
                        return TileResult(request, "stalled", error=self._stalled_for() if (
                            asked <= self.options.stall_limit) else Message(
                                "answered 429 Too Many Requests asking to wait {:.0f} s, longer than the {} a host "
                                "may hold a job",
                                asked, limit_duration(self.options.stall_limit)))
                    self.limiter.pause(wait)
                    self._note_throttle(wait)
                    if throttled <= self.options.max_throttled:
                        continue
                    reason = Message("HTTP 429 Too Many Requests")
                elif status == 401 and credentials is not None and not renewed and credentials.renew(auth):
                    renewed = True  # the token expired between its check and its use: once more, renewed
                    continue
                elif status in (400, 401, 403):
                    return TileResult(request, "refused", error=Message("HTTP {} {}: {}",
                        status, response.reason, _summary(body)))
                elif status >= 500:
                    reason = Message("HTTP {} {}", status, response.reason)
                else:
                    return TileResult(request, "failed", error=Message("HTTP {} {}", status, response.reason))
            attempts += 1
            if attempts >= self.options.max_attempts:
                return TileResult(request, "failed", error=reason)
            if self.stop.wait(backoff_delay(attempts, self.options.backoff_base)):
                break
        return None

    def _expected_format(self, body):
        """The format this tile must have: the source's, or the first good tile's when the source names none."""
        if self.format is None and image_kind(body):
            with self._format_lock:
                if self.format is None:
                    self.format = image_kind(body)
                    self._format_found = True
        return self.format or self.source.format

    def _answered_usefully(self):
        self._waiting_since = time.monotonic()
        self._trouble = None

    def _stall_time_left(self):
        return self.options.stall_limit - (time.monotonic() - self._waiting_since)

    def _stalled(self):
        """True once the host has only throttled or timed out for longer than options.stall_limit."""
        return self._trouble is not None and self._stall_time_left() < 0

    def _stalled_for(self, trouble=None):
        return Message("{} for {}", trouble or self._trouble, limit_duration(self.options.stall_limit))

    def stalled(self, what, stats):
        """The error that ends a job whose host only throttles or stalls (what is stored stays)."""
        stored = stats.processed - stats.failed
        return HostStalled(redact(
            Message("{} {}: {:,} tiles stored, {:,} left; run again later to resume.",
                host_of(self.source.tile_url(0, 0, 0)), what, stored, max(0, stats.total - stored)),
            self.credentials))

    def _note_throttle(self, wait):
        now = time.monotonic()
        if now - self._throttle_noted > 10:
            self._throttle_noted = now
            self._say(Message("The server asks to slow down (429): pausing {:.0f} s.", wait))

    def _work(self, work, results):
        while True:
            request = work.get()
            if request is None or self.stop.is_set():
                return
            try:
                result = self.fetch(request)
            except Exception as exc:  # never lose a worker silently
                result = TileResult(request, "failed", error="{}: {}".format(type(exc).__name__, exc))
            if result is not None:
                results.put(result)

    # -- the job ----------------------------------------------------------------------

    def run(self, ranges, progress=None, is_cancelled=None, total=None):
        """Fetch every tile of `ranges` not already in the store; returns DownloadStats.

        `total`: the number of tiles the job holds when a tile_filter keeps only some of the ranges'.
        """
        options = self.options
        progress = progress or (lambda fraction: None)
        is_cancelled = is_cancelled or (lambda: False)
        stats = DownloadStats(total=sum(r.count for r in ranges) if total is None else total)
        capacity = max(1, options.concurrency) * 4
        work = queue.Queue()
        results = queue.Queue()
        workers = [threading.Thread(target=self._work, args=(work, results), daemon=True,
                                    name="ign-offline-download-{}".format(i))
                   for i in range(max(1, options.concurrency))]
        self.limiter.join(options.max_rate)
        for worker in workers:
            worker.start()
        pending = self.requests(ranges, stats)
        exhausted = False
        in_flight = 0
        last_progress = 0.0
        last_result = time.monotonic()
        try:
            while True:
                if is_cancelled():
                    stats.cancelled = True
                    break
                while not exhausted and in_flight < capacity:
                    request = next(pending, None)
                    if request is None:
                        exhausted = True
                    else:
                        if in_flight == 0:  # the host's clock runs only while it has work
                            self._waiting_since = last_result = time.monotonic()
                        work.put(request)
                        in_flight += 1
                if exhausted and in_flight == 0:
                    break
                try:
                    result = results.get(timeout=0.1)
                except queue.Empty:
                    # Requests stuck past their deadline (a server drip-feeding its headers) end the job too.
                    now = time.monotonic()
                    if self._stalled() or (self._stall_time_left() < 0 and
                                           now - last_result > options.tile_deadline + options.timeout[0]):
                        raise self.stalled(self._stalled_for(self._trouble or Message("gave no complete answer within "
                                                             "{:.0f} s", options.tile_deadline)), stats)
                    continue
                last_result = time.monotonic()
                in_flight -= 1
                self._store(result, stats)
                now = time.monotonic()
                if now - last_progress > 0.2:
                    last_progress = now
                    progress(stats.processed / stats.total if stats.total else 1.0)
        finally:
            # Stop the workers without waiting for requests in flight: a
            # cancel must take effect within a second, whatever the server does.
            self.stop.set()
            for _ in workers:
                work.put(None)
            self.limiter.leave(options.max_rate)
            self.store.flush()
        progress(stats.processed / stats.total if stats.total else 1.0)
        for worker in workers:
            worker.join(timeout=0.05)
        # Workers still in a request (after a cancel) see their connection
        # closed and end; their results are not stored, so they are refetched.
        self.pool.close()
        return stats

    def unreachable(self, result):
        """The error that ends a job whose host never answered."""
        return HostUnreachable(redact(
            Message("Cannot reach {}: {}. Run again when online (or check the address).",
                host_of(self.source.tile_url(result.request.zoom, result.request.x, result.request.y)),
                result.error), self.credentials))

    def _store(self, result, stats):
        request = result.request
        if result.status == "unreachable":
            raise self.unreachable(result)
        if result.status == "stalled":
            raise self.stalled(result.error, stats)
        if result.status == "refused":
            raise ServerRefused(redact(
                Message("The server refused the request for tile {}/{}/{} ({}): check the layer, style, "
                "format and API key.", request.zoom, request.x, request.y, result.error),
                self.credentials))
        if result.status == "done":
            if self._format_found:
                self._format_found = False
                if self.on_format is not None:
                    self.on_format(self.format)
            key = tile_id(result.data)
            self._note_body(request, key, result.data, stats.changes)
            self.store.record(request.zoom, request.x, request.y, "done", result.data,
                              result.etag, result.last_modified, data_id=key)
            stats.downloaded += 1
            stats.bytes += len(result.data)
        elif result.status == "not_modified":
            self.store.record(request.zoom, request.x, request.y, "done", None,
                              request.etag, request.last_modified)
            stats.not_modified += 1
            stats.changes.unchanged += 1
        elif result.status == "empty":
            if request.previous == "done" and self.store.remove_tile(request.zoom, request.x, request.y):
                stats.changes.add(GONE, request.zoom, request.x, request.y)  # the file no longer holds it
            self.store.record(request.zoom, request.x, request.y, "empty", error=result.error)
            stats.empty += 1
        else:
            self.store.record(request.zoom, request.x, request.y, "failed", error=result.error)
            stats.failed += 1
            stats.errors[result.error] += 1
            if stats.errors[result.error] == 1:
                self._say(Message("Tile {}/{}/{} failed: {}", request.zoom, request.x, request.y, result.error))


    def _note_body(self, request, key, data, changes):
        """A body fetched: new where the file held no tile, changed where it held another, else unchanged (also
        when a file written before the MD5 keys holds the same body under its old key)."""
        held = self.store.tile_key(request.zoom, request.x, request.y) if request.previous == "done" else None
        if held is None:
            changes.add(NEW, request.zoom, request.x, request.y, len(data))
        elif held != key and not holds_same_body(held, data):
            changes.add(CHANGED, request.zoom, request.x, request.y, len(data))
        else:
            changes.unchanged += 1


def _reason(exc):
    """A failed request in a few words: what our own limits saw, else the error's kind as a sentence."""
    return kind_reason(exc)


def _summary(body):
    text = body[:300].decode("utf-8", "replace")
    text = " ".join(text.replace("<", " <").split())
    return text[:160]
