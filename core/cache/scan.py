"""Read QGIS's network disk cache, read-only: which tile sets it holds (host + layer + style + tile matrix set +
format), from the head of each .d file (URL, status, headers), keeping the newest response per tile: the dock's
preview, and what MIN_TILES needs before core.cache.recovery writes anything."""

import collections
import concurrent.futures
import contextlib
import itertools
import os
from dataclasses import dataclass, field

import mercantile

from ..errors import InputError
from ..messages import Message, os_reason
from ..vector import mvt
from . import qtcache
from .addresses import AddressBook, TileSetKey, Unknown, is_capabilities_url, is_tile_metadata_url


@dataclass
class CachedTile:
    date: float
    entry: qtcache.CacheEntry


@dataclass
class TileSet:
    key: TileSetKey
    tiles: dict = field(default_factory=dict)  # (z, x, y) -> CachedTile, newest response only
    bytes: int = 0

    @property
    def zooms(self):
        return sorted({z for z, _, _ in self.tiles})

    def bounds(self):
        """Lon/lat box of the tiles (west, south, east, north)."""
        by_zoom = collections.defaultdict(lambda: [2 ** 31, -1, 2 ** 31, -1])
        for z, x, y in self.tiles:
            box = by_zoom[z]
            box[0], box[1], box[2], box[3] = min(box[0], x), max(box[1], x), min(box[2], y), max(box[3], y)
        west = south = 180.0
        east = north = -180.0
        for z, (x0, x1, y0, y1) in by_zoom.items():
            upper_left, lower_right = mercantile.bounds(x0, y0, z), mercantile.bounds(x1, y1, z)
            west, north = min(west, upper_left.west), max(north, upper_left.north)
            east, south = max(east, lower_right.east), min(south, lower_right.south)
        return west, south, east, north


@dataclass
class ScanResult:
    sets: dict = field(default_factory=dict)   # TileSetKey -> TileSet
    files: int = 0
    skipped: collections.Counter = field(default_factory=collections.Counter)  # reason -> files
    cancelled: bool = False
    book: AddressBook = None  # what the scan learnt: layer titles and attributions for the files' metadata

    @property
    def files_skipped(self):
        return sum(self.skipped.values())


def check_cache_dir(cache_dir):
    """Refuse a folder that is not a Qt network cache, saying which folder is wanted."""
    if not os.path.isdir(cache_dir):
        raise InputError("The cache folder '{}' does not exist: give the folder set in Settings › Options › "
                         "Network › Cache directory.", cache_dir)
    if not os.path.isdir(os.path.join(cache_dir, qtcache.DATA_FOLDER)):
        raise InputError("'{}' holds no Qt network cache (no {} folder): give the folder QGIS uses as its "
                         "cache directory (Settings › Options › Network).", cache_dir, qtcache.DATA_FOLDER)


CAPABILITIES_READ = "WMTS capabilities (read to place tiles)"


TILE_METADATA_READ = Message("vector tile metadata.json (read for the names of the layers)")


@dataclass
class Capabilities:
    """A cached capabilities document (or a vector layer's metadata.json): read for what it says of matrix sets
    and tile URLs (of the vector layers of the tiles)."""

    url: str
    path: str
    read: str = CAPABILITIES_READ  # the line it is counted under


@dataclass
class Later:
    """A tile response whose address only cached capabilities read later may give."""

    path: str
    reason: str


def scan_cache(cache_dir, layer_filter=None, progress=None, is_cancelled=None, book=None):
    """Group the cache's tile responses by tile set; reads headers only (and capabilities documents)."""
    check_cache_dir(cache_dir)
    book = book or AddressBook()
    result = ScanResult(book=book)
    paths = list(qtcache.cache_files(cache_dir))
    wanted = (layer_filter or "").strip().lower()
    later = []
    # Heads are small random reads: several in flight keep the disk's queue full.
    with contextlib.closing(read_ahead(_read_head, paths, workers=8)) as heads:
        for index, (path, head) in enumerate(heads):
            if is_cancelled and is_cancelled():
                result.cancelled = True
                break
            if progress and index % 200 == 0:
                progress(index / len(paths))
            result.files += 1
            found = head if isinstance(head, str) else classify(head, wanted, book)
            if isinstance(found, Capabilities):
                learn(book, found, head)
                found = found.read
            elif isinstance(found, Later):
                later.append(found)
                continue
            reason = found if isinstance(found, str) else keep_newest(result, found[0], found[1:], head)
            if reason is not None:
                result.skipped[reason] += 1
    for item in later:  # every capabilities document has been read by now
        entry = _read_head((item.path, None))
        found = entry if isinstance(entry, str) else classify(entry, wanted, book, final=True)
        reason = found if isinstance(found, str) else keep_newest(result, found[0], found[1:], entry)
        if reason is not None:
            result.skipped[reason] += 1
    if progress:
        progress(1.0)
    return result


def learn(book, capabilities, entry):
    """Add a cached capabilities document (or metadata.json) to what is known (its body read now if the scan read
    heads only)."""
    try:
        body = entry.body if entry.body is not None else qtcache.read_body(entry)
    except (OSError, qtcache.CacheFormatError):
        return
    if capabilities.read == TILE_METADATA_READ:
        book.add_tile_metadata(capabilities.url, body)
    else:
        book.add_capabilities(capabilities.url, body)


def _read_head(item):
    """The entry's metadata, or the reason the file is skipped."""
    path, reason = item
    if reason is not None:
        return reason
    try:
        return qtcache.read_entry(path, with_body=False)
    except qtcache.CacheFormatError as exc:
        return Message("unreadable: {}", exc)
    except OSError as exc:
        return Message("cannot be read: {}", os_reason(exc))


def classify(entry, wanted, book, final=False):
    """(key, z, x, y) of a cached tile response; a Capabilities or Later; or the reason the entry is skipped.

    `final`: every capabilities document is known; what is still unknown is skipped.
    """
    ok = entry.status in (None, 200) and (entry.status is not None or entry.headers)
    if is_capabilities_url(entry.url):
        return Capabilities(entry.url, entry.path) if ok else "not a tile request (capabilities, WMS, other)"
    if is_tile_metadata_url(entry.url):
        return Capabilities(entry.url, entry.path, TILE_METADATA_READ) if ok else \
            "not a tile request (capabilities, WMS, other)"
    found = book.locate(entry.url, entry.content_type)
    if isinstance(found, Unknown) and not found.later:
        return found.reason
    if not ok:
        return Message("HTTP status {} (only 200 is kept)", entry.status)
    # a vector tile (a .pbf path, or a protobuf answer) is checked as one with its body
    vector = mvt.is_vector_format(entry.content_type) or (
        not isinstance(found, Unknown) and mvt.is_vector_format(found[0].format))
    if not entry.content_type.startswith("image/") and not vector:
        return Message("not an image ({})", entry.content_type or "no content type")
    if isinstance(found, Unknown):
        return found.reason if final else Later(entry.path, found.reason)
    if wanted and wanted not in found[0].layer.lower():
        return "other layer (LAYER filter)"
    return found


def keep_newest(result, key, tile, entry):
    """Record the entry as the set's copy of `tile` unless a newer one is known; else the reason."""
    z, x, y = tile
    tile_set = result.sets.setdefault(key, TileSet(key))
    date = entry.date
    known = tile_set.tiles.get((z, x, y))
    if known is not None:
        if known.date >= date:
            return "older copy of a tile"
        tile_set.bytes -= known.entry.size
        result.skipped["older copy of a tile"] += 1
    tile_set.tiles[(z, x, y)] = CachedTile(date, entry)
    tile_set.bytes += entry.size
    return None


def read_ahead(function, items, depth=512, workers=3, chunk=16):
    """(item, function(item)) in order, computed by `workers` threads ahead of the consumer.

    Reading the next files while SQLite writes keeps the disk busy both ways;
    at most `depth` results wait in memory. Each thread takes `chunk` items
    at a time: one hand-over per file costs more than a small tile takes to read.
    """
    def run(batch):
        return [(item, function(item)) for item in batch]

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ign-offline-cache") as pool:
        batches = _chunks(items, chunk)
        first = itertools.islice(batches, max(1, depth // chunk))
        pending = collections.deque(pool.submit(run, batch) for batch in first)
        try:
            while pending:
                done = pending.popleft().result()
                for batch in itertools.islice(batches, 1):
                    pending.append(pool.submit(run, batch))
                yield from done
        finally:
            for future in pending:  # the consumer stopped (cancel, error): read no further
                future.cancel()


def _chunks(items, size):
    items = iter(items)
    while True:
        batch = list(itertools.islice(items, size))
        if not batch:
            return
        yield batch
