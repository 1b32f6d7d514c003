"""Read Qt's QNetworkDiskCache files (QGIS's network cache) directly, read-only.

Never point a QNetworkDiskCache at a live cache to read it: Qt deletes the
files whose name or version it does not like. This parser only opens files
for reading. Format (Qt 5 and Qt 6, cache version 8), big-endian QDataStream:
magic 0xE8, cache version, stream version, then QNetworkCacheMetaData (URL,
expiration, last-modified, save-to-disk, attributes, raw headers), a
"compressed" flag and the body (raw to the end, or a qCompress'ed QByteArray).
"""

import datetime
import functools
import os
import stat
import struct
import zlib
from dataclasses import dataclass, field

from ..errors import templated
from ..messages import Message, os_reason

MAGIC = 0xE8
CACHE_VERSION = 8
MAX_STREAM_VERSION = 24        # Qt 6.11; Qt 5.13-5.15 write 19, Qt 6.0-6.5 write 20
DATA_FOLDER = "data{}".format(CACHE_VERSION)
NULL_LENGTH = 0xFFFFFFFF
JULIAN_DAY_OF_EPOCH = 2440588
HTTP_STATUS_ATTRIBUTE = 0      # QNetworkRequest::HttpStatusCodeAttribute


class CacheFormatError(ValueError):
    """A file that is not a complete QNetworkDiskCache entry; the message (a template and its arguments) says why."""

    def __init__(self, message="", *args):
        super().__init__(templated(message, args))


@dataclass
class CacheEntry:
    path: str
    url: str
    stream_version: int
    expiration: float = None        # POSIX seconds, None if unset
    last_modified: float = None
    attributes: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # lower-case name -> value (str)
    compressed: bool = False
    body_offset: int = 0
    body: bytes = None              # None until read_body()
    size: int = 0                   # of the .d file, in bytes

    @property
    def status(self):
        return self.attributes.get(HTTP_STATUS_ATTRIBUTE)

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @functools.cached_property
    def date(self):
        """When the server produced this response (Date header, else Last-Modified, else the file's mtime)."""
        for value in (self.headers.get("date"), self.headers.get("last-modified")):
            if value:
                try:
                    return _http_date(value)
                except (TypeError, ValueError):
                    pass
        return self.last_modified or os.path.getmtime(self.path)


def _http_date(value):
    import email.utils

    return email.utils.parsedate_to_datetime(value).timestamp()


_STRUCTS = {}


def _struct(fmt):
    compiled = _STRUCTS.get(fmt)
    if compiled is None:
        compiled = _STRUCTS[fmt] = struct.Struct(fmt)
    return compiled


class _Reader:
    """QDataStream reading over bytes; unpacks in place (a cache holds thousands of heads)."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def _advance(self, size):
        start, end = self.pos, self.pos + size
        if end > len(self.data):
            raise CacheFormatError("truncated (needs {} bytes at offset {}, file has {})",
                size, start, len(self.data))
        self.pos = end
        return start

    def take(self, size):
        start = self._advance(size)
        return self.data[start:self.pos]

    def unpack(self, fmt):
        compiled = _struct(fmt)
        return compiled.unpack_from(self.data, self._advance(compiled.size))

    def int8(self):
        return self.unpack(">b")[0]

    def int32(self):
        return self.unpack(">i")[0]

    def uint32(self):
        return self.unpack(">I")[0]

    def bytearray(self):
        length = self.uint32()
        if length == NULL_LENGTH:
            return None
        return bytes(self.take(length))

    def qstring(self):
        data = self.bytearray()
        return None if data is None else data.decode("utf-16-be", "replace")

    def datetime(self):
        julian_day, msecs, spec = self.unpack(">qIb")
        if spec == 2:
            offset = self.int32()
        elif spec == 3:
            self.bytearray()  # time zone id
            offset = 0
        else:
            offset = 0
        if julian_day == -(2 ** 63) or msecs == NULL_LENGTH:
            return None
        seconds = (julian_day - JULIAN_DAY_OF_EPOCH) * 86400 + msecs / 1000.0
        if spec == 0:
            # Local time of the machine that wrote it: read as this machine's local time.
            return _local_to_epoch(seconds)
        return seconds - offset

    def variant(self):
        type_id = self.uint32()
        is_null = self.int8()
        if type_id == 1:
            value = bool(self.int8())
        elif type_id == 2:
            value = self.int32()
        elif type_id == 3:
            value = self.uint32()
        elif type_id in (4, 5, 6):
            value = self.unpack({4: ">q", 5: ">Q", 6: ">d"}[type_id])[0]
        elif type_id == 10:
            value = self.qstring()
        elif type_id in (12, 17):  # QByteArray, QUrl (streamed as its encoded bytes)
            value = self.bytearray()
            value = value.decode("utf-8", "replace") if value is not None and type_id == 17 else value
        elif type_id == 16:
            value = self.datetime()
        else:
            raise CacheFormatError("attribute of unsupported QVariant type {}", type_id)
        return None if is_null else value


def _local_to_epoch(seconds):
    naive = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)
    return naive.timestamp()


def parse_entry(path, data, with_body=True):
    """A CacheEntry from the bytes of a .d file (all of it, or at least up to the body)."""
    reader = _Reader(data)
    magic, version, stream_version = reader.unpack(">iii")
    if magic != MAGIC:
        raise CacheFormatError("not a Qt network cache file (magic {:#x})", magic & 0xFFFFFFFF)
    if version != CACHE_VERSION:
        raise CacheFormatError("cache format version {} (only {} is known)", version, CACHE_VERSION)
    if not 0 < stream_version <= MAX_STREAM_VERSION:
        raise CacheFormatError("QDataStream version {} is newer than this reader knows", stream_version)
    url = reader.bytearray()
    if not url:
        raise CacheFormatError("no URL")
    entry = CacheEntry(path, url.decode("utf-8", "replace"), stream_version)
    entry.expiration = reader.datetime()
    entry.last_modified = reader.datetime()
    reader.int8()  # saveToDisk
    for _ in range(reader.uint32()):
        key = reader.int32()
        entry.attributes[key] = reader.variant()
    for _ in range(reader.uint32()):
        name, value = reader.bytearray(), reader.bytearray()
        if name is not None:
            entry.headers[name.decode("latin-1").lower()] = (value or b"").decode("latin-1")
    entry.compressed = bool(reader.int8())
    entry.body_offset = reader.pos
    if with_body:
        entry.body = _body(reader, entry.compressed)
    return entry


def _body(reader, compressed):
    if not compressed:
        return bytes(reader.data[reader.pos:])
    packed = reader.bytearray()
    if packed is None or len(packed) < 4:
        return b""
    expected = struct.unpack(">I", packed[:4])[0]
    try:
        body = zlib.decompress(packed[4:])
    except zlib.error as exc:
        raise CacheFormatError("damaged compressed body ({})", exc) from exc
    if len(body) != expected:
        raise CacheFormatError("compressed body of {} bytes announced {}", len(body), expected)
    return body


HEAD_BYTES = 4 * 1024  # metadata of a tile response fits well within this


def read_entry(path, with_body=True):
    """Parse one .d file, opened read-only. Raises CacheFormatError or OSError.

    The head is parsed from its first HEAD_BYTES; the body is then read on its
    own straight into its final bytes object (no copy of every tile).
    """
    # Unbuffered: a buffered reader would join what it buffered to the rest (one copy more).
    with _open_regular(path) as stream:
        if not with_body and hasattr(os, "posix_fadvise"):
            # Only the head is wanted: no read-ahead of the body (read later, if at all).
            os.posix_fadvise(stream.fileno(), 0, 0, os.POSIX_FADV_RANDOM)
        size = os.fstat(stream.fileno()).st_size
        head = stream.read(HEAD_BYTES)
        try:
            entry = parse_entry(path, head, with_body=False)
        except CacheFormatError as exc:
            if len(head) < HEAD_BYTES or "truncated" not in str(exc):
                raise
            stream.seek(0)
            entry = parse_entry(path, stream.readall(), with_body=False)  # unusually long metadata
        entry.size = size
        if with_body:
            entry.body = _read_body(stream, entry)
    return entry


# Opening never blocks (a FIFO put in place of a file) nor follows a link, where the system has these flags.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def _open_regular(path):
    """`path` opened for reading, unbuffered; CacheFormatError unless it is a regular file (checked on the open
    file: a file swapped for a FIFO or a link after the scan is refused too)."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if os.path.islink(path):
            raise CacheFormatError(NOT_REGULAR) from None
        raise exc
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise CacheFormatError(NOT_REGULAR)
    return os.fdopen(descriptor, "rb", buffering=0)


def read_body(entry):
    """The body of an entry parsed without it."""
    with _open_regular(entry.path) as stream:
        return _read_body(stream, entry)


def _read_body(stream, entry):
    stream.seek(entry.body_offset)
    data = stream.readall()
    if not entry.compressed:
        return data
    return _body(_Reader(data), compressed=True)


NOT_REGULAR = "not a regular file inside the cache (a link, FIFO or device: never followed nor opened)"


def cache_files(cache_dir):
    """(path, None) for every .d file of the cache's data folder, or (path, reason) for what is skipped.

    Files under prepared/ are being written by Qt right now: skipped, never opened. Only regular files inside
    the cache are read: links (which could lead out of it), FIFOs (which would block a read forever) and
    devices are skipped, told by lstat, never followed.
    """
    data_dir = os.path.join(cache_dir, DATA_FOLDER)
    prepared = os.path.join(cache_dir, "prepared")
    if os.path.isdir(prepared):
        for name in sorted(os.listdir(prepared)):
            yield os.path.join(prepared, name), "being written (prepared/)"
    if not os.path.isdir(data_dir):
        return
    yield from _walk(data_dir)


def _walk(folder):
    """cache_files' entries of one folder and its subfolders (links to folders are not entered)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda item: item.name)
    except OSError as exc:
        yield folder, Message("cannot be read: {}", os_reason(exc))
        return
    folders = []
    for item in entries:
        if item.is_dir(follow_symlinks=False):
            folders.append(item.path)
        elif not item.is_file(follow_symlinks=False):
            yield item.path, NOT_REGULAR
        else:
            yield item.path, None if item.name.endswith(".d") else "not a cache entry (.d) file"
    for path in folders:
        yield from _walk(path)
