"""One file of the download service onto disk: HTTP Range with resume, `.part` then rename, MD5 checked.

`<folder>/<name>.part` grows as bytes arrive (hashed as written); a cut transfer resumes with
`Range: bytes=N-`; the final name is given only to a file whose MD5 is the service's. A cancelled or stopped
transfer leaves its .part for the next run, which re-hashes it once and goes on from its end.

A disk that fills during a transfer fails the file with one message and keeps its .part: what it holds is
re-hashed on resume (a half-written last block included: the size is the file's own), so once space is freed the
next run goes on from there rather than downloading it all again.

Two lengths, two rules. The listing's `gpf_dl:length` is a claim made in advance: when HTTP announces a shorter
file (Content-Length of a 200, the total of a 206's Content-Range) and what arrives has the listed MD5, the listing
was wrong and the file is kept, with a note; a longer one is refused (the free space was checked for the listed
length). HTTP's own length is enforced: a body that ends before it was cut, and is resumed by Range or retried,
never taken as complete, whatever its MD5. The retries of one file that gains nothing are bounded in time
(RETRY_SECONDS) as well as in number.
"""

import contextlib
import hashlib
import http.client
import os
import socket
import time
from urllib.parse import urljoin, urlsplit

import requests

from ..errors import Cancelled
from ..ftp.client import is_safe_name
from ..http import (
    MAX_REDIRECTS,
    REDIRECTS,
    SAFE_HEADERS,
    TIMEOUT,
    _socket_of,
    backoff_delay,
    limiter_for,
    origin,
    retry_after_seconds,
    unreachable_reason,
)
from ..messages import Message, Size, os_reason
from ..storage import free_bytes
from .service import MAX_WAIT, CancelEvent, ServiceError, sleep

READ = 2 ** 20                  # bytes asked per read: few calls per second, whatever the speed
ATTEMPTS = 6                    # consecutive failed attempts (no byte gained) before giving up
STALL_SECONDS = 60.0            # a transfer gaining fewer than STALL_BYTES in this window is stopped
STALL_BYTES = 16 * 1024
MAX_UNKNOWN = 256 * 2 ** 30     # the cap of a file whose length the listing does not give
SPACE_MARGIN = 16 * 2 ** 20    # kept free beside each file (the disk's own needs, a state.json): said when refused
RETRY_SECONDS = 60.0            # the longest one file is retried without gaining a byte


class TransferError(ServiceError):
    """A file cannot be downloaded, or arrived damaged."""


class Md5MismatchError(TransferError):
    """A file arrived whole with another MD5 than the listed one (`got`); its .part was removed."""

    def __init__(self, template, *args, got=None):
        super().__init__(template, *args)
        self.got = got


class _Retry(Exception):
    """This attempt failed in a way the next one may not (a cut, a timeout, a 5xx, a 429)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class _Client:
    """Requests and politeness for one URL: the service's own limiter, or its host's with a bare pool."""

    def __init__(self, service_or_pool, url):
        self.service = service_or_pool if hasattr(service_or_pool, "wait_turn") else None
        self.pool = self.service.pool if self.service else service_or_pool
        self.host = urlsplit(url).netloc.lower()
        self.limiter = limiter_for(self.host, "download")

    def wait_turn(self, is_cancelled):
        if self.service is not None and self.service.host == self.host:
            return self.service.wait_turn(is_cancelled)
        if not self.limiter.acquire(CancelEvent(is_cancelled)):
            raise Cancelled()

    def slow_down(self, response):
        if self.service is not None and self.service.host == self.host:
            return self.service.slow_down(response)
        self.limiter.pause(retry_after_seconds(response.headers.get("Retry-After"), default=5.0, cap=MAX_WAIT))

    def open(self, url, headers, timeout):
        """A streamed GET; redirects followed here (≤ MAX_REDIRECTS, http(s) only, only SAFE_HEADERS and Range
        to another origin)."""
        session = self.pool.session()
        sent = dict(headers)
        for hop in range(MAX_REDIRECTS + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise TransferError("The download service at {} redirected to an address that is not http(s): "
                                    "refused.", self.host)
            response = session.get(url, headers=sent, timeout=timeout, allow_redirects=False, stream=True)
            location = response.headers.get("Location")
            if response.status_code not in REDIRECTS or not location or hop == MAX_REDIRECTS:
                return response
            response.close()
            target = urljoin(url, location)
            if origin(target) != origin(url):
                # None unsets the session's own headers: a user's header never reaches another host
                sent = dict.fromkeys(session.headers)
                sent.update({k: v for k, v in headers.items() if k.lower() in SAFE_HEADERS or k.lower() == "range"})
                sent["User-Agent"] = session.headers.get("User-Agent")
            url = target
        return response


class _Part:
    """The .part file, with the MD5 and size of what it holds (re-hashed once when resuming)."""

    def __init__(self, path):
        self.path, self.md5, self.size = path, hashlib.md5(), 0
        if os.path.isfile(path):
            with open(path, "rb") as source:
                for block in iter(lambda: source.read(READ), b""):
                    self.md5.update(block)
                    self.size += len(block)
        self.file = open(path, "ab")

    def restart(self):
        self.file.seek(0)
        self.file.truncate()
        self.md5, self.size = hashlib.md5(), 0

    def write(self, chunk):
        try:
            self.file.write(chunk)
        except OSError as exc:
            raise _DiskError(exc) from None
        self.md5.update(chunk)
        self.size += len(chunk)

    def close(self, sync=False):
        if self.file.closed:
            return
        try:
            self.file.flush()
            if sync:
                os.fsync(self.file.fileno())
        except OSError as exc:
            raise _DiskError(exc) from None
        finally:
            try:
                self.file.close()
            except OSError:
                pass  # the flush failed already: said once


class _DiskError(Exception):
    """Writing the .part failed (a full disk, a removed drive): not the network's fault, not retried."""

    def __init__(self, error):
        super().__init__(error)
        self.error = error


def _write_failed(folder, remote_file, part, error):
    """The one message of a .part that cannot be written; it is kept (see the module's docstring)."""
    return TransferError("{} cannot be written in '{}' ({}). The {} received are kept in {}.part: free some space "
                         "(or choose another folder), then run again to resume.", remote_file.name, folder,
                         os_reason(error), Size(part.size), remote_file.name)


def download(service_or_pool, remote_file, folder, progress=None, is_cancelled=None, attempts=ATTEMPTS,
             stall=STALL_SECONDS, stall_bytes=STALL_BYTES, timeout=TIMEOUT, log=None, retry_seconds=RETRY_SECONDS):
    """`remote_file` (a core.datasets.service.RemoteFile) as `<folder>/<name>`, its MD5 checked: the path.

    `service_or_pool`: a DownloadService (its pool and limiter) or a core.http.SessionPool.
    `progress(done, total)` in bytes; `is_cancelled()` raises Cancelled with the .part kept; `log(message)` gets
    the notes (a length the service announced wrongly).
    """
    name = remote_file.name
    if not is_safe_name(name) or ".." in name or name.endswith(".part"):
        raise TransferError("The download service lists a file named '{}', which is not a plain file name: it is "
                            "not written. Report it to IGN if it lasts.", name)
    os.makedirs(folder, exist_ok=True)
    final = os.path.join(folder, name)
    if os.path.isfile(final) and _is_verified(final, remote_file):
        return final
    part = _Part(final + ".part")
    try:
        _check_space(folder, remote_file, part.size)
        transfer = _Transfer(_Client(service_or_pool, remote_file.url), remote_file, part, progress,
                             is_cancelled or (lambda: False), attempts, stall, stall_bytes, timeout)
        transfer.retry_seconds, transfer.log = retry_seconds, log or (lambda message: None)
        try:
            transfer.run()
            part.close(sync=True)
        except _DiskError as exc:
            raise _write_failed(folder, remote_file, part, exc.error) from None
        _check_md5(part, remote_file)
        if transfer.listing_too_long:
            transfer.log(Message("The download service at {} announced {} bytes for {} and sent {}; what it sent has "
                                 "the listed MD5: the file is whole and kept.", transfer.client.host,
                                 remote_file.size, name, part.size))
        os.replace(part.path, final)
    finally:
        try:
            part.close()
        except _DiskError:
            pass  # the error said already, or the one raised now: not a second message
        if os.path.isfile(part.path) and not os.path.getsize(part.path):
            os.remove(part.path)  # nothing to resume: no empty .part left behind
    return final


def is_in_place(remote_file, folder):
    """True when `<folder>/<name>` is the listed file (its size and MD5): a transfer that needs no request."""
    final = os.path.join(folder, remote_file.name)
    return is_safe_name(remote_file.name) and os.path.isfile(final) and _is_verified(final, remote_file)


def _is_verified(path, remote_file):
    """True if the file at `path` is the one listed (size, then MD5)."""
    if remote_file.size is not None and os.path.getsize(path) != remote_file.size:
        return False
    if remote_file.md5 is None:
        return remote_file.size is not None
    digest = hashlib.md5()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(READ), b""):
            digest.update(block)
    return digest.hexdigest() == remote_file.md5


def _check_space(folder, remote_file, have):
    if remote_file.size is None:
        return
    needed, free = max(0, remote_file.size - have), free_bytes(folder)
    if needed + SPACE_MARGIN > free:
        raise TransferError("Not enough free space in '{}' for {}: {} needed ({} still to download and {} kept "
                            "free beside it), {} free. Free some space or choose another folder.", folder,
                            remote_file.name, Size(needed + SPACE_MARGIN), Size(needed), Size(SPACE_MARGIN),
                            Size(free))


def _check_md5(part, remote_file):
    got = part.md5.hexdigest()
    if remote_file.md5 is not None and got != remote_file.md5:
        os.remove(part.path)
        raise Md5MismatchError("The MD5 of {} ({}) differs from the one the download service lists ({}): the file "
                               "was damaged in transit. It was removed; run again to download it anew.",
                               remote_file.name, got, remote_file.md5, got=got)


class _Transfer:
    def __init__(self, client, remote_file, part, progress, is_cancelled, attempts, stall, stall_bytes, timeout):
        self.client, self.remote, self.part = client, remote_file, part
        self.progress, self.is_cancelled = progress, is_cancelled
        self.attempts, self.stall, self.stall_bytes, self.timeout = attempts, stall, stall_bytes, timeout
        self.size = remote_file.size    # what the listing says; HTTP may say less (listing_too_long)
        self.cap = remote_file.size if remote_file.size is not None else MAX_UNKNOWN
        self.listing_too_long = False

    retry_seconds, log = RETRY_SECONDS, None   # set by download()

    def run(self):
        """Requests until the .part holds the whole file (bounded attempts and time without progress)."""
        failures, stuck_since = 0, None
        while True:
            if self.is_cancelled():
                raise Cancelled()
            if self.size is not None and self.part.size > self.size:
                self.part.restart()  # longer than the file: not a beginning of it
            if self.size is not None and self.part.size == self.size:
                return
            before, started = self.part.size, time.monotonic()
            try:
                if self._attempt():
                    return
            except _Retry as retry:
                gained = self.part.size > before
                failures, stuck_since = (0, None) if gained else (failures + 1, stuck_since or started)
                if failures >= self.attempts or (stuck_since is not None and
                                                 time.monotonic() - stuck_since >= self.retry_seconds):
                    raise self._given_up(failures, retry.reason) from None
                sleep(backoff_delay(failures or 1), self.is_cancelled)

    def _shorter_than_listed(self, total):
        """True when HTTP says the file has `total` bytes, fewer than the listing's length, and the listing gives
        an MD5 to decide by: the listing's length is taken for wrong, HTTP's is enforced from now on (the MD5 is
        checked once the file is whole, and the note said only then)."""
        if not (self.remote.md5 and self.size and total is not None and 0 < total < self.size):
            return False
        self.size = self.cap = total
        self.listing_too_long = True
        return True

    def _given_up(self, failures, reason):
        if self.size is not None and self.part.size:
            return TransferError("The download of {} from {} stopped: the service announced {} bytes and sent {} "
                                 "({}, {} attempts without a byte more). The part received is kept: run again later "
                                 "to resume.", self.remote.name, self.client.host, self.size, self.part.size,
                                 reason, failures)
        return TransferError("The download of {} from {} failed {} times in a row ({}). The part received is kept: "
                             "run again later to resume.", self.remote.name, self.client.host, failures, reason)

    def _attempt(self):
        """One request: True when the file is complete, _Retry when another attempt may do better."""
        self.client.wait_turn(self.is_cancelled)
        headers = {"Range": "bytes={}-".format(self.part.size)} if self.part.size else {}
        headers["Accept-Encoding"] = "identity"  # the bytes the MD5 is of
        try:
            response = self.client.open(self.remote.url, headers, self.timeout)
        except requests.exceptions.ReadTimeout:
            raise _Retry(Message("the server accepted the connection but did not answer within {:.0f} s",
                                 self.timeout[1])) from None
        except requests.RequestException as exc:
            raise _Retry(unreachable_reason(exc)) from None
        with contextlib.closing(response):
            end = self._start(response)
            if end is None:
                return True
            self._receive(response, end)
        return True

    def _start(self, response):
        """Check the answer's status and headers: the offset the body ends at (None: nothing to read)."""
        status = response.status_code
        if status == 416 and self.part.size and (self.size is None or self.part.size == self.size):
            return None  # the .part is already whole: its MD5 decides
        if status == 416 and self._shorter_than_listed(self._unsatisfied_total(response)) \
                and self.part.size == self.size:
            return None  # HTTP says the file ends where the .part does: its MD5 decides
        if status == 416:
            self.part.restart()
            raise _Retry(Message("HTTP {}", status))
        if status in (429, 503):
            self.client.slow_down(response)
            raise _Retry(Message("HTTP {}", status))
        if status >= 500:
            raise _Retry(Message("HTTP {} {}", status, response.reason))
        if status == 404:
            raise TransferError("The download service at {} no longer has {}: a newer edition may have replaced "
                                "it. List the editions again.", self.client.host, self.remote.name)
        if status not in (200, 206):
            raise TransferError("The download service at {} refused {} (HTTP {} {}).", self.client.host,
                                self.remote.name, status, response.reason)
        encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding != "identity":
            raise TransferError("The download service at {} sent {} encoded ({}) although identity was asked: "
                                "refused. Try again later.", self.client.host, self.remote.name, encoding)
        start, total = self._range(response) if status == 206 else (0, None)
        if status == 200 and self.part.size:
            self.part.restart()  # the server ignored the Range: start again
        length = response.headers.get("Content-Length", "")
        end = total if total is not None else (start + int(length) if length.isdigit() else None)
        if self.size is not None and end is not None and end != self.size and not self._shorter_than_listed(end):
            raise TransferError("The download service at {} sends {} bytes for {} where its listing said {}: the "
                                "file changed. List the editions again.", self.client.host, end, self.remote.name,
                                self.size)
        return end if end is not None else self.cap

    def _unsatisfied_total(self, response):
        """The file's length a 416 gives (Content-Range: bytes */N), or None."""
        _, _, total = (response.headers.get("Content-Range") or "").partition("/")
        return int(total) if total.strip().isdigit() else None

    def _range(self, response):
        """(first byte, total) of a 206, which must start where the .part ends."""
        text = response.headers.get("Content-Range", "")
        try:
            span, _, total = text.replace("bytes", "").strip().partition("/")
            first = int(span.split("-")[0])
            total = int(total) if total.strip().isdigit() else None
        except ValueError:
            first, total = None, None
        if first != self.part.size:
            self.part.restart()
            raise _Retry(Message("Content-Range '{}' does not follow the {} bytes received", text, self.part.size))
        return first, total

    def _receive(self, response, end):
        """The body into the .part, in reads of up to READ bytes, until `end`."""
        raw = response.raw
        stream, sock = raw._fp, _socket_of(raw)
        window, window_size = time.monotonic(), self.part.size
        while self.part.size < end:
            if self.is_cancelled():
                raise Cancelled()
            if sock is not None:
                sock.settimeout(min(self.timeout[1], self.stall))
            try:
                chunk = stream.read1(min(READ, end - self.part.size))
            except socket.timeout:
                raise _Retry(Message("no data for {:.0f} s", min(self.timeout[1], self.stall))) from None
            except (http.client.HTTPException, OSError, ValueError):
                raise _Retry(Message("the connection was cut")) from None
            if not chunk:
                if end == self.cap and self.size is None:
                    return  # no length given: the end of the connection is the end of the file
                raise _Retry(Message("the connection was cut"))
            if self.part.size + len(chunk) > self.cap:
                self.part.restart()
                raise TransferError("The download service at {} sends more than the {} announced for {}: the "
                                    "transfer is stopped.", self.client.host, Size(self.cap), self.remote.name)
            self.part.write(chunk)
            if self.progress:
                self.progress(self.part.size, self.size or 0)
            now = time.monotonic()
            if now - window >= self.stall:
                if self.part.size - window_size < self.stall_bytes:
                    raise TransferError("The download service at {} sent only {} of {} in {:.0f} s: the transfer is "
                                        "stopped. The part received is kept: run again later to resume.",
                                        self.client.host, Size(self.part.size - window_size), self.remote.name,
                                        now - window)
                window, window_size = now, self.part.size

