"""Turn the tiles sitting in QGIS's network disk cache into MBTiles files.

Everything is read-only on the cache. `core.cache.scan.scan_cache` reads only the head of each .d file and groups
the tile responses into tile sets. `recover` then reads the chosen bodies, checks them and writes one MBTiles per
set, merging into files of earlier runs.
`scan_and_recover` does both reading each file once, when every set is wanted.
"""

import collections
import contextlib
import os
import sys
from dataclasses import dataclass, field

from .. import mbtiles, naming
from ..errors import MBTilesError
from ..messages import Message, os_reason
from ..sources import policies
from ..tiles.bodies import tile_body_problem
from ..vector import mvt
from . import qtcache
from .addresses import AddressBook, TileSetKey
from .scan import (
    Capabilities,
    Later,
    ScanResult,
    TileSet,
    check_cache_dir,
    classify,
    keep_newest,
    learn,
    read_ahead,
)


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
        with contextlib.closing(read_ahead(lambda item: _checked_body(item[1], key.format), todo)) as bodies:
            for index, (((z, x, y), cached), (body, body_id, problem)) in enumerate(bodies):
                if is_cancelled and is_cancelled():
                    _write_metadata(writer, tile_set, stored, book)
                    writer.cut_short()
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
    """In a reader thread: ((key, z, x, y), entry, (body, tile_id, problem)), a Capabilities (with its
    entry), a Later, or why the file is skipped."""
    path, reason = item
    if reason is not None:
        return reason
    try:
        entry = qtcache.read_entry(path, with_body=True)
    except qtcache.CacheFormatError as exc:
        return Message("unreadable: {}", exc)
    except OSError as exc:
        return Message("cannot be read: {}", os_reason(exc))
    found = classify(entry, wanted, book, final)
    if isinstance(found, (str, Later)):
        return found
    if isinstance(found, Capabilities):
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
    reason = keep_newest(scan, key, (z, x, y), entry)
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
        with contextlib.closing(read_ahead(lambda item: _read_whole(item, wanted, book), paths)) as reads:
            for index, (_, found) in enumerate(reads):
                if is_cancelled and is_cancelled():
                    scan.cancelled = stats.cancelled = True
                    break
                if progress and index % 200 == 0:
                    progress(index / len(paths))
                scan.files += 1
                if isinstance(found, Later):
                    later.append(found)
                elif isinstance(found, str):
                    scan.skipped[found] += 1
                elif isinstance(found[0], Capabilities):
                    learn(book, *found)
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
        stopped = stats.cancelled or sys.exc_info()[0] is not None  # a run stopped midway: no agg_tiles_hash
        for key, output in outputs.items():
            _write_metadata(output.writer, scan.sets[key], output.written | output.kept, book)
            if stopped:
                output.writer.cut_short()
            output.writer.close()
            with mbtiles.MBTilesReader(output.writer.path) as reader:
                present = sorted(reader.count_by_zoom())
            recovered = RecoveredSet(key, output.writer.path, len(output.written), len(output.kept), present)
            stats.files.append(recovered)
            _log_recovered(log, scan.sets[key], recovered)
    if progress:
        progress(1.0)
    return scan, stats
