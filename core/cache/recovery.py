"""Turn the tiles sitting in QGIS's network disk cache into MBTiles files.

Everything is read-only on the cache. `scan_cache` reads only the head of
each .d file (URL, status, headers) and groups the tile responses into tile
sets (host + layer + style + tile matrix set + format), keeping the newest
response per tile: the dock's preview, and what MIN_TILES needs to know
before writing. `recover` then reads the chosen bodies, checks them and
writes one MBTiles per set, merging into files of earlier runs.
`scan_and_recover` does both reading each file once, when every set is wanted.
"""

import collections
import concurrent.futures
import contextlib
import itertools
import os
from dataclasses import dataclass, field

import mercantile

from .. import mbtiles, naming
from ..errors import InputError, MBTilesError
from ..messages import Message, os_reason
from ..sources import policies
from ..tiles.bodies import tile_body_problem
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
class _Capabilities:
    """A cached capabilities document (or a vector layer's metadata.json): read for what it says of matrix sets
    and tile URLs (of the vector layers of the tiles)."""

    url: str
    path: str
    read: str = CAPABILITIES_READ  # the line it is counted under


@dataclass
class _Later:
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
    with contextlib.closing(_read_ahead(_read_head, paths, workers=8)) as heads:
        for index, (path, head) in enumerate(heads):
            if is_cancelled and is_cancelled():
                result.cancelled = True
                break
            if progress and index % 200 == 0:
                progress(index / len(paths))
            result.files += 1
            found = head if isinstance(head, str) else _classify(head, wanted, book)
            if isinstance(found, _Capabilities):
                _learn(book, found, head)
                found = found.read
            elif isinstance(found, _Later):
                later.append(found)
                continue
            reason = found if isinstance(found, str) else _keep_newest(result, found[0], found[1:], head)
            if reason is not None:
                result.skipped[reason] += 1
    for item in later:  # every capabilities document has been read by now
        entry = _read_head((item.path, None))
        found = entry if isinstance(entry, str) else _classify(entry, wanted, book, final=True)
        reason = found if isinstance(found, str) else _keep_newest(result, found[0], found[1:], entry)
        if reason is not None:
            result.skipped[reason] += 1
    if progress:
        progress(1.0)
    return result


def _learn(book, capabilities, entry):
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


def _classify(entry, wanted, book, final=False):
    """(key, z, x, y) of a cached tile response; a _Capabilities or _Later; or the reason the entry is skipped.

    `final`: every capabilities document is known; what is still unknown is skipped.
    """
    ok = entry.status in (None, 200) and (entry.status is not None or entry.headers)
    if is_capabilities_url(entry.url):
        return _Capabilities(entry.url, entry.path) if ok else "not a tile request (capabilities, WMS, other)"
    if is_tile_metadata_url(entry.url):
        return _Capabilities(entry.url, entry.path, TILE_METADATA_READ) if ok else \
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
        return found.reason if final else _Later(entry.path, found.reason)
    if wanted and wanted not in found[0].layer.lower():
        return "other layer (LAYER filter)"
    return found


def _keep_newest(result, key, tile, entry):
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


@dataclass
class RecoveredSet:
    key: TileSetKey
    path: str
    tiles: int            # tiles written (added or newer)
    kept: int             # tiles already in the file and at least as new
    zooms: list


@dataclass
class RecoverStats:
    files: list = field(default_factory=list)   # RecoveredSet
    skipped: collections.Counter = field(default_factory=collections.Counter)
    cancelled: bool = False

    @property
    def tiles(self):
        return sum(item.tiles for item in self.files)


def output_path(folder, key):
    """The MBTiles for a tile set: LAYER.mbtiles, or a variant when that name holds another set."""
    stem = key.file_stem()
    for suffix in [""] + ["_{}".format(i) for i in range(2, 100)]:
        path = os.path.join(folder, stem + suffix + ".mbtiles")
        try:
            if mbtiles.inspect(path) in ("missing", "empty"):
                return path
        except MBTilesError:
            continue  # someone else's file: never touched, try the next name
        with mbtiles.MBTilesReader(path) as reader:
            if reader.metadata().get("ign_offline:source") == key.source and _same_set(reader.metadata(), key):
                return path
    raise MBTilesError("Too many files named {}*.mbtiles in {}.", stem, folder)


def _identity(key):
    return {"ign_offline:source": key.source, "ign_offline:layer": key.layer, "ign_offline:style": key.style,
            "ign_offline:format": key.format}


def _same_set(metadata, key):
    return all(metadata.get(k) == v for k, v in _identity(key).items())


def recover(scan, output_folder, min_tiles=1, progress=None, is_cancelled=None, log=None):
    """Write (or merge into) one MBTiles per tile set of `scan` holding at least `min_tiles` tiles."""
    from ..storage import check_writable_folder

    check_writable_folder(output_folder)
    log = log or (lambda message: None)
    stats = RecoverStats()
    chosen = [s for s in sorted(scan.sets.values(), key=lambda item: -len(item.tiles)) if len(s.tiles) >= min_tiles]
    for tile_set in scan.sets.values():
        if len(tile_set.tiles) < min_tiles:
            stats.skipped["tile set smaller than MIN_TILES"] += len(tile_set.tiles)
    total = sum(len(s.tiles) for s in chosen) or 1
    done = 0
    for tile_set in chosen:
        recovered = _recover_set(tile_set, output_folder, stats, is_cancelled,
                                 lambda count: progress and progress((done + count) / total), scan.book)
        done += len(tile_set.tiles)
        if recovered is None:
            stats.cancelled = True
            break
        stats.files.append(recovered)
        _log_recovered(log, tile_set, recovered)
    return stats


def _log_recovered(log, tile_set, recovered):
    log(Message("{}: zooms {}-{}, {:,} tiles written, {:,} kept, {} → {}",
        tile_set.key.layer, recovered.zooms[0] if recovered.zooms else "-",
        recovered.zooms[-1] if recovered.zooms else "-", recovered.tiles, recovered.kept,
        _size(tile_set.bytes), recovered.path))


def _size(size):
    from ..storage import human_size

    return human_size(size)


def _checked_body(cached, media_type):
    """(body, its tile_id, None) or (None, None, why it is not stored).

    Runs in the reader threads: hashing there (hashlib releases the GIL)
    keeps it off the writer's path.
    """
    try:
        body = qtcache.read_body(cached.entry)
    except (OSError, qtcache.CacheFormatError) as exc:
        return None, None, Message("unreadable body: {}", exc)
    return _checked(cached.entry, body, media_type)


def _checked(entry, body, media_type):
    headers = entry.headers
    length = None if headers.get("content-encoding") else headers.get("content-length")
    problem = tile_body_problem(body, entry.content_type, media_type, length)
    if problem and mvt.is_vector_format(media_type):
        return None, None, Message("invalid vector tile: {}", problem)
    if problem:
        return None, None, Message("invalid image: {}", problem)
    if mvt.is_vector_format(media_type):  # stored as QGIS 3.22 reads them: gzip (core.vector.mvt)
        body = mvt.for_mbtiles(body)
    return body, mbtiles.tile_id(body), None


def _read_ahead(function, items, depth=512, workers=3, chunk=16):
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


def _write_metadata(writer, tile_set, stored, book=None):
    """Full MBTiles 1.3 metadata for the `stored` tiles of the set; merging, bounds cover old and new tiles.
    The name and attribution are the capabilities' when `book` read them (not the raw identifier and host)."""
    if not stored:
        return
    key = tile_set.key
    tile_set = TileSet(key, {tile: tile_set.tiles[tile] for tile in stored})  # bounds of what the file holds
    previous = writer.metadata()
    zooms = tile_set.zooms
    title, served_by = book.describe(key) if book is not None else ("", "")
    metadata = mbtiles.build_metadata(
        naming.display_title(key.layer, title, previous.get("name")), mbtiles.format_from_mime(key.format),
        tile_set.bounds(),
        zooms[0], zooms[-1], attribution=policies.attribution_for(key.source, served_by or key.host),
        description="{} — recovered from the QGIS network cache".format(key.layer),
        vector_layers=_vector_layers(writer, key, book) if mvt.is_vector_format(key.format) else None)
    metadata.update(_identity(key))
    if not previous.get("ign_offline:layer") or previous.get(mbtiles.RECOVERED_KEY):
        # a file this recovery made (not a download's it merges into): its layer says so, beside the library's
        metadata[mbtiles.RECOVERED_KEY] = "QGIS network cache"
    if previous.get("bounds"):
        metadata["bounds"] = mbtiles.union_bounds(previous["bounds"], metadata["bounds"])
    writer.update_metadata(metadata)


def _vector_layers(writer, key, book):
    """A vector set's `vector_layers`: as its cached metadata.json lists them (fields, zooms), else the layer
    names its tiles hold (old and new, when merging)."""
    document = book.vector_metadata(key) if book is not None else None
    return document["vector_layers"] if document else mvt.layers_in_store(writer)


def _open_output(path):
    """A writer for a bulk copy of bodies: rollback journal (each page written once) and commits
    of 32 MB (larger batches measured slower: fresh memory for each costs more than the commits)."""
    return mbtiles.MBTilesWriter(path, batch_size=10000, batch_bytes=32 * 2**20, max_delay=5.0,
                                 journal_mode="DELETE")


def _recover_set(tile_set, folder, stats, is_cancelled, progress, book=None):
    key = tile_set.key
    path = output_path(folder, key)
    written = kept = 0
    stored = set()
    with _open_output(path) as writer:
        todo = []
        journal = writer.journal()
        for (z, x, y), cached in sorted(tile_set.tiles.items()):
            existing = journal.get((z, x, y))
            if existing is not None and existing.status == "done" and existing.fetched_at >= cached.date:
                kept += 1
                stored.add((z, x, y))
            else:
                todo.append(((z, x, y), cached))
        todo.sort(key=lambda item: item[1].entry.path)  # read in directory order: far fewer disk seeks
        # Closed on the way out (cancel included): no file is read after this returns.
        with contextlib.closing(_read_ahead(lambda item: _checked_body(item[1], key.format), todo)) as bodies:
            for index, (((z, x, y), cached), (body, body_id, problem)) in enumerate(bodies):
                if is_cancelled and is_cancelled():
                    _write_metadata(writer, tile_set, stored, book)
                    return None
                if index % 200 == 0:
                    progress(kept + index)
                if problem:
                    stats.skipped[problem] += 1
                    continue
                writer.record(z, x, y, "done", body, cached.entry.headers.get("etag"),
                              cached.entry.headers.get("last-modified"), fetched_at=cached.date, data_id=body_id)
                written += 1
                stored.add((z, x, y))
        _write_metadata(writer, tile_set, stored, book)
    with mbtiles.MBTilesReader(path) as reader:
        present = sorted(reader.count_by_zoom())
    return RecoveredSet(key, path, written, kept, present)


# -- one pass: what recover_cache runs when every tile set is wanted --------------------------------------

@dataclass
class _Output:
    writer: mbtiles.MBTilesWriter
    journal: dict
    written: set = field(default_factory=set)
    kept: set = field(default_factory=set)


def _read_whole(item, wanted, book, final=False):
    """In a reader thread: ((key, z, x, y), entry, (body, tile_id, problem)), a _Capabilities (with its
    entry), a _Later, or why the file is skipped."""
    path, reason = item
    if reason is not None:
        return reason
    try:
        entry = qtcache.read_entry(path, with_body=True)
    except qtcache.CacheFormatError as exc:
        return Message("unreadable: {}", exc)
    except OSError as exc:
        return Message("cannot be read: {}", os_reason(exc))
    found = _classify(entry, wanted, book, final)
    if isinstance(found, (str, _Later)):
        return found
    if isinstance(found, _Capabilities):
        return found, entry
    checked = _checked(entry, entry.body, found[0].format)
    entry.body = None  # kept in `checked` only when valid
    return found, entry, checked


def _store(found, scan, stats, outputs, output_folder):
    """Queue one tile read from the cache into its set's MBTiles, unless it is invalid or not the newest."""
    (key, z, x, y), entry, (body, body_id, problem) = found
    if problem:
        stats.skipped[problem] += 1
        return
    reason = _keep_newest(scan, key, (z, x, y), entry)
    if reason is not None:
        scan.skipped[reason] += 1
        return
    output = outputs.get(key)
    if output is None:
        writer = _open_output(output_path(output_folder, key))
        output = outputs[key] = _Output(writer, writer.journal())
    existing = output.journal.get((z, x, y))
    if existing is not None and existing.status == "done" and existing.fetched_at >= entry.date:
        output.kept.add((z, x, y))
        return
    output.writer.record(z, x, y, "done", body, entry.headers.get("etag"), entry.headers.get("last-modified"),
                         fetched_at=entry.date, data_id=body_id)
    output.written.add((z, x, y))
    output.kept.discard((z, x, y))


def scan_and_recover(cache_dir, output_folder, layer_filter=None, progress=None, is_cancelled=None, log=None,
                     book=None):
    """scan_cache then recover with no MIN_TILES, reading each cache file once: (ScanResult, RecoverStats).

    A cache read twice (heads, then bodies) costs two disk reads per file;
    here each file is read whole once and written as soon as it is read. A
    newer copy of a tile found later replaces the one written.
    """
    from ..storage import check_writable_folder

    check_cache_dir(cache_dir)
    check_writable_folder(output_folder)
    log = log or (lambda message: None)
    scan, stats = ScanResult(book=book), RecoverStats()
    paths = list(qtcache.cache_files(cache_dir))
    wanted = (layer_filter or "").strip().lower()
    book = book or AddressBook()
    outputs = {}
    later = []
    try:
        with contextlib.closing(_read_ahead(lambda item: _read_whole(item, wanted, book), paths)) as reads:
            for index, (_, found) in enumerate(reads):
                if is_cancelled and is_cancelled():
                    scan.cancelled = stats.cancelled = True
                    break
                if progress and index % 200 == 0:
                    progress(index / len(paths))
                scan.files += 1
                if isinstance(found, _Later):
                    later.append(found)
                elif isinstance(found, str):
                    scan.skipped[found] += 1
                elif isinstance(found[0], _Capabilities):
                    _learn(book, *found)
                    scan.skipped[found[0].read] += 1
                else:
                    _store(found, scan, stats, outputs, output_folder)
        # Tiles whose address the capabilities read meanwhile may give: read again, these only.
        for item in later:
            if scan.cancelled or (is_cancelled and is_cancelled()):
                scan.cancelled = stats.cancelled = True
                break
            found = _read_whole((item.path, None), wanted, book, final=True)
            if isinstance(found, str):
                scan.skipped[found] += 1
            else:
                _store(found, scan, stats, outputs, output_folder)
    finally:
        for key, output in outputs.items():
            _write_metadata(output.writer, scan.sets[key], output.written | output.kept, book)
            output.writer.close()
            with mbtiles.MBTilesReader(output.writer.path) as reader:
                present = sorted(reader.count_by_zoom())
            recovered = RecoveredSet(key, output.writer.path, len(output.written), len(output.kept), present)
            stats.files.append(recovered)
            _log_recovered(log, scan.sets[key], recovered)
    if progress:
        progress(1.0)
    return scan, stats
