"""Patches of a device's copy: what turns an MBTiles made by export_tiles into a fresh export of its library file,
in maplibre/martin's whole-tile format (core.mbtiles.patches), so that a phone downloads 1 % of 10 GB, not 10 GB.

The copy says what it covers (its export scope, core.mbtiles.SCOPE_KEYS); the patch holds only the tiles of that
scope that differ from the library file now (new, changed; deleted as NULL), the metadata a fresh export would
change, and martin's before/after hashes."""

import os
from dataclasses import dataclass

from .. import mbtiles, storage
from ..errors import Cancelled, InputError
from ..messages import Message
from ..tiles.grid import flip_y
from .exports import source_bounds, tile_format_of, within
from .identity import attribution
from .writers import Bounds, export_metadata


@dataclass
class Made:
    """A patch written: its file, PatchStats, and the bytes of the patch and of the base (for the comparison)."""

    path: str
    stats: mbtiles.PatchStats
    patch_bytes: int
    base_bytes: int


def check_base(base):
    """Refuse a BASE no patch can update: another field format (named), or an MBTiles without export scope."""
    if not os.path.isfile(base):
        raise InputError("BASE '{}' does not exist: give the device's MBTiles copy made by export_tiles.", base)
    other = mbtiles.foreign_format(base)
    if other:
        raise InputError("BASE '{}' is a {} file: patches update MBTiles copies only ({} has no place to record "
                         "what the export covers). Export as MBTiles for patch updates, or export this copy again "
                         "whole.", base, other, other)
    mbtiles.check_readable(base)
    with mbtiles.read_guard(base), mbtiles.MBTilesReader(base) as reader:
        metadata = reader.metadata()
    scope = mbtiles.read_scope(base, metadata)
    if scope.part and scope.key_from is None and scope.key_to is None:
        raise InputError("BASE '{}' is part {} of an export split by size made by an older version, which did not "
                         "record which tiles are the part's own. Export it again (each part then updates by its own "
                         "patch).", base, scope.part)
    return scope, metadata


def make_patch(source, base, output, progress=None, is_cancelled=None):
    """Write to `output` the patch turning `base` (an MBTiles exported from `source`) into a fresh export of
    `source` with the same scope; Made. Both files are read once; nothing is written before the patch is
    complete (under a temporary name beside `output`)."""
    scope, base_metadata = check_base(base)
    mbtiles.check_readable(source)
    storage.refuse_output_among_inputs(output, [source, base])
    with mbtiles.read_guard(source), mbtiles.MBTilesReader(source) as reader:
        source_metadata = reader.metadata()
        tile_format = tile_format_of(source, reader)
    if tile_format != base_metadata.get("format"):
        raise InputError("BASE '{}' holds {} tiles, INPUT '{}' {}: the copy was not exported from this file (or was "
                         "rendered from its vector tiles). Give the library file it was exported from.", base,
                         base_metadata.get("format", "?"), source, tile_format)
    with storage.output_lock(output, Message("a patch of {}", os.path.basename(base))):
        return _make(source, base, output, scope, base_metadata, source_metadata, tile_format, progress,
                     is_cancelled)


def _make(source, base, output, scope, base_metadata, source_metadata, tile_format, progress, is_cancelled):
    bounds = Bounds()

    def on_tile(z, x, row):
        bounds.add(z, x, flip_y(z, row))

    with mbtiles.read_guard(source), mbtiles.MBTilesReader(source) as reader, mbtiles.MBTilesReader(base) as copy:
        stored = mbtiles.stored_hash(copy.connection())
        with mbtiles.new_patch_file(output) as patch:
            try:
                stats = _by_links(reader.connection(), copy.connection(), patch, scope, stored, bounds,
                                  is_cancelled)
                if stats is None:
                    stats = mbtiles.diff_tiles(reader.connection(), copy.connection(), patch, scope, on_tile,
                                               is_cancelled)
            except mbtiles.PatchCancelled:
                raise Cancelled() from None
            if stored and stored != stats.before:
                raise mbtiles.PatchError("'{}' no longer holds what its agg_tiles_hash says ({}; its tiles give {}):"
                                         " it changed since it was written. Copy a fresh export to the device.",
                                         base, stored, stats.before)
            if not bounds.by_zoom:
                raise InputError("INPUT '{}' holds no tile of the copy's area and zooms: it is not the file the "
                                 "copy was exported from.", source)
            fresh = _fresh_metadata(source, source_metadata, base_metadata, tile_format, bounds)
            changes = mbtiles.metadata_changes(base_metadata, fresh)
            stats.metadata_changed = sorted(changes)
            mbtiles.write_patch_metadata(patch, changes, stats)
    if progress:
        progress(1.0)
    return Made(output, stats, os.path.getsize(output), os.path.getsize(base))


def _by_links(source_db, base_db, patch_db, scope, stored, bounds, is_cancelled):
    """The patch from the library's change log (core.mbtiles.changes) when the copy's stored hash is a state of
    the library's that the log leads on from to the library's hash now: only the tiles changed since are read.
    The copy's stored hash is trusted to say what it holds (as martin's tools do): a copy changed on the device
    behind its hash is found by apply_patch's check of the whole copy (VERIFY), not here.
    PatchStats (and `bounds` filled: the library's tiles, all within the scope); None to compare every tile (no
    such chain; a change outside the copy's scope; the rows written so far are then removed)."""
    now = mbtiles.stored_hash(source_db)
    links = mbtiles.chain(source_db, stored, now)
    if links is None:
        return None
    stats = mbtiles.diff_by_links(source_db, base_db, patch_db, scope, mbtiles.changed_keys(source_db, links),
                                  stored, now, is_cancelled)
    held = Bounds()  # given to `bounds` only when this path holds: the full comparison fills it itself
    if stats is not None:
        for z, x_min, x_max, row_min, row_max in source_db.execute(
                "SELECT zoom_level, MIN(tile_column), MAX(tile_column), MIN(tile_row), MAX(tile_row) FROM {} "
                "GROUP BY zoom_level".format("map" if mbtiles.layout(source_db) == "ours" else "tiles")):
            held.add(z, x_min, flip_y(z, row_max))
            held.add(z, x_max, flip_y(z, row_min))
    # A write (another task's refresh) that began or ended since the chain was read: what was read may be half of
    # it, no state the library had. A write removes the hash as it starts, and stores another when it ends.
    if stats is None or mbtiles.stored_hash(source_db) != now:
        patch_db.execute("DELETE FROM tiles")
        return None
    bounds.by_zoom.update(held.by_zoom)
    return stats


def _fresh_metadata(source, source_metadata, base_metadata, tile_format, bounds):
    """The metadata a fresh export of `source` with this scope would write (core.field.exports._copy's)."""
    metadata = dict(source_metadata, attribution=attribution(source_metadata))
    # The scope as the copy recorded it (its area's very text), from the file it now comes from.
    metadata.update({key: base_metadata[key] for key in mbtiles.SCOPE_KEYS if key in base_metadata})
    metadata[mbtiles.SCOPE_KEYS[0]] = os.path.abspath(source)
    box = within(bounds.lonlat(), source_bounds(metadata))
    return export_metadata(metadata, tile_format, box, sorted(bounds.by_zoom))
