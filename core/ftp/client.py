"""FTP: connect, list a folder (MLSD, else LIST, else NLST), fetch files safely.

Files are written to `<name>.part`, resumed with REST after a dropped
connection or a cancelled run, checked against the size the server gave,
then renamed: a file under its final name is always complete.
"""

import ftplib
import os
import posixpath
import socket
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from .. import names
from ..errors import Cancelled, IgnOfflineError, InputError
from ..messages import Message, os_reason

DEFAULT_HOST = "odgeo.grandest.fr"
PART_SUFFIX = ".part"
_POLL = 0.25  # seconds between cancel checks while a transfer waits for data


class FtpError(IgnOfflineError):
    """The FTP server cannot be reached, refuses us, or sends something unusable."""


class TooSlow(FtpError):
    """A transfer progresses too slowly to ever end: stopped, its .part kept to resume later."""


# How messages name the server's fields: (host, port, both, how to list its products). The Processing parameters
# and algorithm by default; the dock has a server box, a port box and a button, no HOST, PORT or list_ftp_products
# (its listing and the downloads it runs say these).
PARAMETER_FIELDS = ("HOST", "PORT", "HOST, PORT", Message("run list_ftp_products"))
DOCK_FIELDS = (Message("The server"), Message("The port"), Message("the server's address and port"),
               Message("click '{}'", Message("List products")))  # the button's label (ui/ftp_page.ui)


@dataclass(frozen=True)
class FtpServer:
    host: str = DEFAULT_HOST
    port: int = 21
    user: str = ""            # empty: anonymous
    password: str = ""
    timeout: float = 30.0     # seconds without any reply before giving up on a connection
    # Progress rule: a transfer that sends fewer than `min_bytes` in `rate_window` seconds is stopped (the idle
    # timeout alone never ends a drip-feed, each byte resets it). 16 kB a minute is far below any real link.
    rate_window: float = 60.0
    min_bytes: int = 16 * 1024
    # What to check when the server cannot be reached, as the caller names it: PARAMETER_FIELDS or DOCK_FIELDS[2].
    fields: str = field(default=PARAMETER_FIELDS[2], compare=False)
    # How to see the server's products, as the caller says it: PARAMETER_FIELDS[3] or DOCK_FIELDS[3].
    listing: str = field(default=PARAMETER_FIELDS[3], compare=False)

    @property
    def label(self):
        """How to name the server in messages (never with the password)."""
        return "ftp://{}{}".format(self.host, "" if self.port == 21 else ":{}".format(self.port))


@dataclass(frozen=True)
class Entry:
    name: str
    is_dir: bool
    size: int = None


def check_host(host, port, field_names=PARAMETER_FIELDS):
    """`host` stripped, or InputError naming the field (`field_names`: the caller's words for host and port)."""
    host = (host or "").strip()
    if not host or "/" in host or " " in host:
        raise InputError("{} '{}' is not a host name: give a name such as {} or an address, "
                         "without ftp:// or a path.", field_names[0], host, DEFAULT_HOST)
    if not 0 < int(port) < 65536:
        raise InputError("{} {} is not a TCP port: give a number from 1 to 65535 (FTP uses 21).", field_names[1],
                         port)
    return host


def connect(server):
    """A logged-in connection in passive, binary mode."""
    ftp = ftplib.FTP(timeout=server.timeout)
    try:
        ftp.connect(server.host, server.port)
    except OSError as exc:
        raise FtpError("Cannot reach the FTP server {} ({}): check {} and the network.",
            server.label, os_reason(exc), server.fields) from exc
    try:
        ftp.login(server.user or "anonymous", server.password if server.user else "anonymous@")
        ftp.set_pasv(True)
        ftp.voidcmd("TYPE I")
    except ftplib.error_perm as exc:
        ftp.close()
        if not server.user and server.fields != PARAMETER_FIELDS[2]:
            # the dock logs in anonymously and has no account fields: say where an account can be given
            raise FtpError("The FTP server {} refused the anonymous login ({}): it needs an account, which the "
                           "toolbox's algorithm 'Download orthophotos or MNS from FTP, by area' takes (user name "
                           "and password).",
                           server.label, str(exc).strip()) from exc
        raise FtpError("The FTP server {} refused the login as '{}' ({}): check USER and PASSWORD, or "
                       "leave both empty for anonymous access.",
                           server.label, server.user or "anonymous", str(exc).strip()) from exc
    except (OSError, EOFError, ftplib.Error) as exc:
        ftp.close()
        raise FtpError("The FTP server {} closed the connection during login ({}).",
            server.label, os_reason(exc) if isinstance(exc, OSError) else exc) from exc
    return ftp


def is_safe_name(name):
    """A remote name we may write under our own folder on any system (core.names, the one check of server names:
    no separator, '..', drive, control character, Windows device name, trailing dot or space)."""
    return names.is_plain_name(name)


def list_dir(ftp, path):
    """The entries of a remote folder. MLSD when the server has it, else LIST, else NLST."""
    if not getattr(ftp, "ign_offline_no_mlsd", False):
        try:
            entries = []
            for name, facts in ftp.mlsd(path, facts=["type", "size"]):
                kind = facts.get("type", "").lower()
                if kind in ("cdir", "pdir") or name in (".", ".."):
                    continue
                size = facts.get("size")
                entries.append(Entry(name, kind == "dir", int(size) if size and size.isdigit() else None))
            return entries
        except ftplib.error_perm as exc:
            # 500/502: no MLSD here, remembered for this connection. Other refusals
            # (550 no such folder) are raised by LIST below with the same reason.
            if str(exc).startswith(("500", "501", "502", "504")):
                ftp.ign_offline_no_mlsd = True
    lines = []
    ftp.retrlines("LIST " + path, lines.append)
    parsed = [parse_list_line(line) for line in lines]
    if all(entry is not None for entry in parsed):
        return [entry for entry in parsed if entry.name not in (".", "..")]
    return _list_with_nlst(ftp, path)


def parse_list_line(line):
    """An Entry from a Unix `ls -l` style LIST line; None if the line has another form."""
    parts = line.split(None, 8)
    if len(parts) < 9 or parts[0][:1] not in "-dl" or not parts[4].isdigit():
        return None
    name = parts[8]
    if parts[0].startswith("l"):
        name = name.split(" -> ", 1)[0]  # links: followed like the folders they point to
    return Entry(name, parts[0].startswith(("d", "l")), int(parts[4]) if parts[0].startswith("-") else None)


def _list_with_nlst(ftp, path):
    entries = []
    for item in ftp.nlst(path):
        name = posixpath.basename(item.rstrip("/"))
        if name in ("", ".", ".."):
            continue
        try:
            size = ftp.size(posixpath.join(path, name))
            entries.append(Entry(name, False, size))
        except ftplib.error_perm:  # SIZE fails on folders
            entries.append(Entry(name, True, None))
    return entries


def walk(ftp, root, max_depth, is_cancelled=None, should_descend=None):
    """Yield (path, entries) for `root` and its sub-folders down to `max_depth` levels.

    `should_descend(path, entries)` can stop the walk below a folder (e.g. a product folder).
    """
    pending = [(root, 0)]
    while pending:
        if is_cancelled and is_cancelled():
            raise Cancelled()
        path, depth = pending.pop(0)
        try:
            entries = list_dir(ftp, path)
        except ftplib.error_perm:
            continue  # a folder we may not read: skip it, like a file manager would
        yield path, entries
        if depth >= max_depth or (should_descend is not None and not should_descend(path, entries)):
            continue
        pending.extend((posixpath.join(path, e.name), depth + 1) for e in entries if e.is_dir and is_safe_name(e.name))


# -- transfers --------------------------------------------------------------

@dataclass(frozen=True)
class Transfer:
    remote_path: str
    local_path: str
    size: int = None


@dataclass
class TransferStats:
    total_files: int = 0
    total_bytes: int = 0
    downloaded: list = field(default_factory=list)   # local paths fetched in this run
    skipped: list = field(default_factory=list)      # local paths already complete
    failed: dict = field(default_factory=dict)       # remote path → reason
    bytes: int = 0                                   # bytes received in this run
    cancelled: bool = False


class Fetcher:
    """Fetch files over `connections` parallel FTP connections, resuming .part files."""

    def __init__(self, server, connections=2, attempts=5, retry_delay=1.0):
        self.server = server
        self.connections = max(1, int(connections))
        self.attempts = max(1, int(attempts))
        self.retry_delay = retry_delay
        self._local = threading.local()
        self._open = []
        self._lock = threading.Lock()
        self._received = 0

    def run(self, transfers, progress=None, is_cancelled=None, log=None):
        """Fetch every transfer; progress(done_bytes, total_bytes) is called as bytes arrive."""
        is_cancelled = is_cancelled or (lambda: False)
        self._received = 0
        stats = TransferStats(total_files=len(transfers), total_bytes=sum(t.size or 0 for t in transfers))
        state = {"done": 0}

        def advance(count):
            with self._lock:
                state["done"] += count
                done = state["done"]
            if progress is not None:
                progress(done, stats.total_bytes)

        def one(transfer):
            outcome = self._fetch(transfer, advance, is_cancelled)
            with self._lock:
                if outcome == "skipped":
                    stats.skipped.append(transfer.local_path)
                else:
                    stats.downloaded.append(transfer.local_path)

        pool = ThreadPoolExecutor(self.connections, thread_name_prefix="ign_offline_ftp")
        try:
            futures = {pool.submit(one, t): t for t in transfers}
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=_POLL, return_when=FIRST_COMPLETED)
                for future in finished:
                    error = future.exception()
                    if isinstance(error, Cancelled):
                        stats.cancelled = True
                    elif error is not None:
                        stats.failed[futures[future].remote_path] = str(error)
                        if log is not None:
                            log(Message("failed: {} ({})", futures[future].remote_path, error))
                if is_cancelled():
                    stats.cancelled = True
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            self.close()
        stats.bytes = self._received
        return stats

    def _count(self, count, advance):
        with self._lock:
            self._received += count
        advance(count)

    def _connection(self):
        ftp = getattr(self._local, "ftp", None)
        if ftp is None:
            ftp = connect(self.server)
            self._local.ftp = ftp
            with self._lock:
                self._open.append(ftp)
        return ftp

    def _drop_connection(self):
        ftp = getattr(self._local, "ftp", None)
        self._local.ftp = None
        if ftp is not None:
            try:
                ftp.close()
            except OSError:
                pass

    def close(self):
        with self._lock:
            connections, self._open = self._open, []
        for ftp in connections:
            try:
                ftp.close()
            except OSError:
                pass

    def _fetch(self, transfer, advance, is_cancelled):
        final, part = transfer.local_path, transfer.local_path + PART_SUFFIX
        size = transfer.size
        if size is None:
            size = self._connection().size(transfer.remote_path)
        if os.path.isfile(final) and os.path.getsize(final) == size:
            advance(size)
            return "skipped"
        os.makedirs(os.path.dirname(final), exist_ok=True)
        have = os.path.getsize(part) if os.path.isfile(part) else 0
        if have > size:  # the remote file changed since: start again
            os.truncate(part, 0)
            have = 0
        advance(have)
        error = None
        for attempt in range(self.attempts):
            if have >= size:
                break
            if is_cancelled():
                raise Cancelled()
            try:
                self._retrieve(transfer.remote_path, part, have, size, advance, is_cancelled)
                error = None
            except (Cancelled, FtpError):  # the control connection is mid-transfer: unusable
                self._drop_connection()
                raise
            except ftplib.error_perm as exc:  # 550 no such file, permission: retrying will not help
                raise FtpError("{} refused {} ({})", self.server.label, transfer.remote_path,
                                                             str(exc).strip()) from exc
            except (OSError, EOFError, ftplib.Error) as exc:
                error = exc
                self._drop_connection()
                _sleep(self.retry_delay * (2 ** attempt), is_cancelled)
            have = os.path.getsize(part) if os.path.isfile(part) else 0
        if have != size:
            raise FtpError("got {} of {} bytes after {} attempts ({}); rerun to resume",
                have, size, self.attempts,
                os_reason(error) if isinstance(error, OSError) else error or Message("connection closed early"))
        os.replace(part, final)
        return "downloaded"

    def _retrieve(self, remote_path, part, offset, size, advance, is_cancelled):
        ftp = self._connection()
        conn = ftp.transfercmd("RETR " + remote_path, rest=offset or None)
        conn.settimeout(_POLL)
        idle = 0.0
        window = _RateWindow(self.server, remote_path, offset)
        with conn, open(part, "ab" if offset else "wb") as out:
            while True:
                if is_cancelled():
                    raise Cancelled()
                window.check(offset)
                try:
                    chunk = conn.recv(1 << 16)
                except socket.timeout:
                    idle += _POLL
                    if idle >= self.server.timeout:
                        raise TimeoutError(Message("no data for {:.0f} s", idle))
                    continue
                if not chunk:
                    break
                idle = 0.0
                if offset + len(chunk) > size:
                    raise FtpError("the server sent more than the {} bytes it listed", size)
                out.write(chunk)
                offset += len(chunk)
                self._count(len(chunk), advance)
        ftp.voidresp()


class _RateWindow:
    """Counts the bytes of one transfer per `rate_window` seconds and stops it when too few came."""

    def __init__(self, server, remote_path, offset):
        self.server, self.remote_path = server, remote_path
        self.start, self.offset = time.monotonic(), offset

    def check(self, offset):
        now = time.monotonic()
        if now - self.start < self.server.rate_window:
            return
        got = offset - self.offset
        if got < self.server.min_bytes:
            raise TooSlow("{} sent only {} bytes of {} in {:.0f} s (less than {} bytes in {:.0f} s): the transfer is "
                          "stopped; the part received is kept, run again later to resume.",
                              self.server.label, got, self.remote_path, now - self.start, self.server.min_bytes,
                              self.server.rate_window)
        self.start, self.offset = now, offset


def _sleep(seconds, is_cancelled):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if is_cancelled():
            raise Cancelled()
        time.sleep(min(_POLL, max(0.0, end - time.monotonic())))
