"""MBTiles patches in maplibre/martin's whole-tile ("flat") format (an export's scope: core.mbtiles.scopes).

A patch is itself an MBTiles (martin's mbtiles/sql/init-flat.sql): a `tiles` table holding the new and changed
tiles, `tile_data` NULL for a tile to delete; its `metadata` holds the keys that changed (NULL: removed), the
guards `agg_tiles_hash_before_apply` (the file it applies to) and `agg_tiles_hash_after_apply` (that file once
applied), and its own `agg_tiles_hash`. martin's `mbtiles apply-patch` reads it too.

`diff_tiles` streams both files once, in martin's hash order; `apply_patch` applies in one SQLite transaction
(rollback journal: a process killed midway leaves the old file, SQLite rolls the journal back at the next open).
"""

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field

from .. import storage
from ..errors import IgnOfflineError, InputError, MBTilesError
from ..messages import Message
from .files import SQLITE_MAGIC, tile_id, uri_path
from .hashes import (
    AFTER_APPLY,
    AGG_TILES_HASH,
    BEFORE_APPLY,
    HASH_KEYS,
    agg_tiles_hash,
    new_digest,
    store_hash,
    stored_hash,
)
from .scopes import PatchError

# -- which kind of file -------------------------------------------------------------------------------------

# Files of other field formats, told by their tables or first bytes: no patch holds them (their names in messages).
OTHER_FORMATS = ((("info", "android_metadata"), "OsmAnd/Locus SQLiteDB"), (("gpkg_contents",), "GeoPackage"))
OTHER_MAGIC = ((b"PMTiles", "PMTiles"), (b"II*\x00", "GeoTIFF"), (b"MM\x00*", "GeoTIFF"), (b"II+\x00", "GeoTIFF"))


def layout(db):
    """'ours' (images + map behind a `tiles` view, deduplicated: IGN Offline's, mbutil's, martin's normalized) or
    'flat' (a `tiles` table: exports, martin's flat); None for anything else."""
    kinds = dict(db.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"))
    if kinds.get("tiles") == "table":
        return "flat"
    if kinds.get("tiles") == "view" and kinds.get("map") == "table" and kinds.get("images") == "table":
        return "ours"
    return None


def foreign_format(path):
    """The name of the field format `path` holds when it is not an MBTiles (OsmAnd SQLiteDB, GeoPackage, PMTiles,
    GeoTIFF), else None."""
    with open(path, "rb") as stream:
        head = stream.read(16)
    for magic, name in OTHER_MAGIC:
        if head.startswith(magic):
            return name
    if not head.startswith(SQLITE_MAGIC):
        return None
    db = _read_only(path)
    try:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()
    for tables, name in OTHER_FORMATS:
        if set(tables) <= names:
            return name
    return None


def _read_only(path):
    return sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)


# -- making a patch -----------------------------------------------------------------------------------------

PATCH_SCHEMA = """
CREATE TABLE metadata (name TEXT NOT NULL PRIMARY KEY, value TEXT);
CREATE TABLE tiles (
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,
    tile_data BLOB,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
);
"""
BATCH_BYTES = 16 << 20   # patch rows written a batch at a time: memory stays flat whatever the tiles


@dataclass
class PatchStats:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    kept: int = 0
    patch_bytes: int = 0       # bytes of the patch's tiles (new and changed)
    before: str = ""           # agg_tiles_hash of BASE
    after: str = ""            # agg_tiles_hash of BASE once patched
    patch_hash: str = ""       # the patch's own agg_tiles_hash
    metadata_changed: list = field(default_factory=list)

    @property
    def tiles(self):
        return self.new + self.changed + self.deleted


def _input_rows(db, scope):
    """(z, x, TMS row, data) of the input within `scope`, in martin's order, read zoom by zoom."""
    for z in scope.zooms():
        span = scope.column_span(z)
        if span is None:
            continue
        for z_, x, row, data in db.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? AND "
                "tile_column BETWEEN ? AND ? ORDER BY tile_column, tile_row", (z, span[0], span[1])):
            if scope.contains(z_, x, row):  # the area's columns, and a part's share of them
                yield z_, x, row, data


def _base_rows(db):
    return db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles "
                      "ORDER BY zoom_level, tile_column, tile_row")


class _PatchRows:
    """The rows of a patch, written into `patch_db` a batch at a time (memory flat), with the patch's own hash."""

    def __init__(self, patch_db, stats):
        self.db, self.stats = patch_db, stats
        self.own = new_digest()
        self.pending, self.pending_bytes = [], 0

    def add(self, key, data):
        self.pending.append(key + (data,))
        self.own.update("{}{}{}".format(*key).encode("ascii"))
        if data is not None:
            self.own.update(data)
            self.pending_bytes += len(data)
            self.stats.patch_bytes += len(data)
        if len(self.pending) >= 1000 or self.pending_bytes >= BATCH_BYTES:
            self.flush()

    def flush(self):
        if self.pending:
            self.db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", self.pending)
        self.pending, self.pending_bytes = [], 0

    def end(self):
        self.flush()
        self.stats.patch_hash = self.own.hexdigest().upper()
        return self.stats


def diff_tiles(source_db, base_db, patch_db, scope, on_tile=None, is_cancelled=None):
    """Write into `patch_db` (PATCH_SCHEMA, in a transaction the caller commits) the rows turning `base_db` into
    what a fresh export of `source_db` within `scope` holds; PatchStats. Base tiles outside the scope are kept as
    they are. Both files are read once, in martin's order; each tile's bytes are loaded once from each file.
    `on_tile(z, x, TMS row)` is called for every tile the fresh export holds (its bounds)."""
    stats = PatchStats()
    before, after = new_digest(), new_digest()
    rows = _PatchRows(patch_db, stats)
    end = (1 << 62,) * 3

    def feed(digest, key, data):
        digest.update("{}{}{}".format(*key).encode("ascii"))
        digest.update(data)

    sources, bases = _input_rows(source_db, scope), _base_rows(base_db)
    source = next(sources, None)
    base = next(bases, None)
    count = 0
    while source is not None or base is not None:
        count += 1
        if is_cancelled and count % 2000 == 0 and is_cancelled():
            raise PatchCancelled()
        s_key = source[:3] if source is not None else end
        b_key = base[:3] if base is not None else end
        if b_key < s_key:  # only in the base: outside the scope it stays, inside it goes
            feed(before, b_key, base[3])
            if scope.contains(*b_key):
                rows.add(b_key, None)
                stats.deleted += 1
            else:
                feed(after, b_key, base[3])
            base = next(bases, None)
            continue
        if on_tile:
            on_tile(*s_key)
        feed(after, s_key, source[3])
        if s_key < b_key:  # new
            rows.add(s_key, bytes(source[3]))
            stats.new += 1
        else:
            feed(before, b_key, base[3])
            if source[3] == base[3]:
                stats.kept += 1
            else:
                rows.add(s_key, bytes(source[3]))
                stats.changed += 1
            base = next(bases, None)
        source = next(sources, None)
    stats.before, stats.after = before.hexdigest().upper(), after.hexdigest().upper()
    return rows.end()


def diff_by_links(source_db, base_db, patch_db, scope, keys, before, after, is_cancelled=None):
    """As diff_tiles, for a base that holds exactly the source's tiles of the day its hash `before` was the
    source's, and `keys` the (z, x, TMS row) the source's writes changed since (core.mbtiles.changes, in order):
    only those tiles are read, from both files. `after` is the source's hash now, which the base takes once
    patched. None when a changed tile lies outside the scope (the fresh export would then not be the whole source:
    compare every tile instead)."""
    stats = PatchStats(before=before, after=after)
    rows = _PatchRows(patch_db, stats)
    query = "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"
    for count, key in enumerate(keys, 1):
        if is_cancelled and count % 2000 == 0 and is_cancelled():
            raise PatchCancelled()
        if not scope.contains(*key):
            return None
        now, was = source_db.execute(query, key).fetchone(), base_db.execute(query, key).fetchone()
        if now is None and was is None:
            continue  # added, then removed again
        if now is None:
            rows.add(tuple(key), None)
            stats.deleted += 1
        elif was is None:
            rows.add(tuple(key), bytes(now[0]))
            stats.new += 1
        elif bytes(now[0]) != bytes(was[0]):
            rows.add(tuple(key), bytes(now[0]))
            stats.changed += 1
    held = source_db.execute("SELECT COUNT(*) FROM {}".format("map" if layout(source_db) == "ours" else "tiles")
                             ).fetchone()[0]  # the keys alone: no tile's bytes read
    stats.kept = held - stats.new - stats.changed
    return rows.end()


class PatchCancelled(IgnOfflineError):
    """The user stopped the making of a patch: nothing was written."""


def metadata_changes(base, fresh):
    """{name: value or None (removed)} turning the `base` metadata into `fresh`, hash keys left out (martin's
    rule: changed and new keys with their value, removed ones NULL)."""
    changes = {name: value for name, value in fresh.items() if base.get(name) != value}
    changes.update({name: None for name in base if name not in fresh})
    return {name: value for name, value in changes.items() if name not in HASH_KEYS}


def write_patch_metadata(patch_db, changes, stats):
    rows = dict(changes, **{BEFORE_APPLY: stats.before, AFTER_APPLY: stats.after, AGG_TILES_HASH: stats.patch_hash})
    patch_db.executemany("INSERT INTO metadata (name, value) VALUES (?, ?)", rows.items())


@contextlib.contextmanager
def new_patch_file(output):
    """A connection to a new patch file written beside `output` and named `output` only when the block ends
    without error (an earlier file there is replaced then, never before); removed otherwise."""
    temporary = output + ".part"
    _remove(temporary)
    db = sqlite3.connect(temporary, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")  # a new file, removed on any failure: no journal to write
        db.executescript(PATCH_SCHEMA)
        db.execute("BEGIN")
        yield db
        db.execute("COMMIT")
        db.close()
        os.replace(temporary, output)
    except BaseException:
        db.close()
        _remove(temporary)
        raise


def _remove(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.remove(path + suffix)


# -- applying a patch ---------------------------------------------------------------------------------------

@dataclass
class ApplyStats:
    written: int = 0
    deleted: int = 0
    metadata: int = 0
    before: str = ""
    after: str = ""
    forced: bool = False
    verified: bool = True   # the whole copy hashed after the writes; False: the patched tiles alone read back


def read_patch(patch):
    """(metadata, layout) of a patch file; PatchError when it is not one."""
    if not os.path.isfile(patch):
        raise InputError("PATCH '{}' does not exist: give a patch made by make_patch (or martin's mbtiles diff).",
                         patch)
    try:
        db = _read_only(patch)
        try:
            kind = layout(db)
            metadata = dict(db.execute("SELECT name, value FROM metadata"))
            # A row the apply could not take as a tile: an address that is no integer, a body that is neither
            # bytes nor NULL (an INTEGER would be taken as that many zero bytes: gigabytes from one row).
            odd = db.execute(
                "SELECT zoom_level, tile_column, tile_row, typeof(tile_data) FROM tiles WHERE "
                "typeof(zoom_level) != 'integer' OR typeof(tile_column) != 'integer' OR "
                "typeof(tile_row) != 'integer' OR typeof(tile_data) NOT IN ('blob', 'null') OR "
                "zoom_level NOT BETWEEN 0 AND 30 LIMIT 1").fetchone() if kind == "flat" else None
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise PatchError("'{}' is not a readable patch ({}).", patch, exc) from None
    if kind != "flat":
        raise PatchError("'{}' is not a whole-tile patch (a flat `tiles` table): make it with make_patch, or with "
                         "martin's `mbtiles diff` without --patch-type.", patch)
    if odd is not None:
        raise PatchError("'{}' is damaged: its tile {}/{}/{} is not a tile ({} data). Nothing was written; make the "
                         "patch again.", patch, odd[0], odd[1], odd[2], odd[3])
    return metadata


def apply_patch(patch, target, force=False, verify=False):
    """Apply `patch` to the MBTiles `target` in one transaction; ApplyStats.

    Refused (the target untouched) when the target's stored agg_tiles_hash is not the patch's before-hash, or it
    has none, unless `force`. The after-hash is checked before the commit: a result other than the patch's is
    rolled back (with `force` it is kept, and its true hash stored). Works on both layouts: images/map behind a
    `tiles` view (ours) and a flat `tiles` table (exports).

    By default (`verify` False), as martin's apply-patch: the target's stored hash is trusted to say what it
    holds, the tiles the patch wrote or deleted are read back (their bytes compared) instead of the whole copy
    being hashed, and the patch's after-hash is stored. Time then grows with the patch, not the copy (a phone's
    10 GB copy on a slow USB link is not read whole: the point of a patch). `verify` True hashes the whole result
    (an MD5 of every tile, which cannot be resumed from the old hash) and so also finds tiles changed on the
    device behind the stored hash. A forced apply to another copy is always hashed whole."""
    metadata = read_patch(patch)
    storage.refuse_output_among_inputs(target, [patch], "TARGET")
    if not os.path.isfile(target):
        raise InputError("TARGET '{}' does not exist: give the device's MBTiles copy.", target)
    expected_before, expected_after = metadata.get(BEFORE_APPLY), metadata.get(AFTER_APPLY)
    if not (expected_before and expected_after) and not force:
        raise PatchError("'{}' has no '{}' and '{}': it cannot tell which file it applies to. Make it again with "
                         "make_patch (or force it with FORCE).", patch, BEFORE_APPLY, AFTER_APPLY)
    with storage.output_lock(target, Message("a patch applied to {}", os.path.basename(target))):
        try:
            return _apply(patch, target, metadata, expected_before, expected_after, force, verify)
        except sqlite3.DatabaseError as exc:
            raise MBTilesError("'{}' could not be patched ({}): it is left as it was.", target, exc) from None


def _apply(patch, target, metadata, expected_before, expected_after, force, verify):
    db = sqlite3.connect("file:" + uri_path(target), uri=True, isolation_level=None, timeout=30)
    try:
        # A rollback journal, synced: a process killed midway leaves a hot journal SQLite rolls back at the next
        # open (the old file); a commit that returned is on the disk (the new file).
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=FULL")
        kind = layout(db)
        if kind is None:
            raise PatchError("'{}' is not an MBTiles this patch can update (neither a `tiles` table nor IGN "
                             "Offline's images and map).", target)
        stats = ApplyStats(before=stored_hash(db) or "", forced=force)
        stats.verified = verify or stats.before != expected_before or not expected_after
        if stats.before != expected_before:
            if not force:
                if not stats.before:
                    raise PatchError("'{}' has no agg_tiles_hash: nothing says it is the copy the patch was made "
                                     "for. Export it again, or apply with FORCE.", target)
                raise PatchError("'{}' is not the copy '{}' was made for (its agg_tiles_hash is {}, the patch "
                                 "expects {}): it was patched already, or changed. Nothing was written.", target,
                                 patch, stats.before, expected_before)
        db.execute("ATTACH DATABASE ? AS patch", ("file:{}?mode=ro".format(uri_path(patch)),))
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                _apply_tiles(db, kind, stats, patch)
                stats.metadata = _apply_metadata(db)
                # Checked whole, or (trusted) each batch's tiles read back as they were written (_apply_tiles).
                stats.after = agg_tiles_hash(db) if stats.verified else expected_after
                if stats.after != expected_after and not force:
                    raise PatchError("Applying '{}' to '{}' gave agg_tiles_hash {}, not the patch's {}: the copy's "
                                     "tiles are not what its stored hash says (changed on the device since it was "
                                     "written), or the patch is damaged. Nothing was written (the copy is left as it "
                                     "was): copy a fresh export to the device.", patch, target, stats.after,
                                     expected_after)
                store_hash(db, stats.after)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        finally:
            db.execute("DETACH DATABASE patch")
        return stats
    finally:
        db.close()


def _apply_tiles(db, kind, stats, patch=""):
    keys = "zoom_level = ? AND tile_column = ? AND tile_row = ?"
    if kind == "ours":  # the bodies the patch replaces or deletes, dropped at the end if nothing shows them
        db.execute("CREATE TEMP TABLE IF NOT EXISTS replaced (tile_id TEXT PRIMARY KEY) WITHOUT ROWID")
        db.execute("DELETE FROM temp.replaced")
    unique = kind == "flat" and _unique_keys(db)
    rows = db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM patch.tiles")
    while True:
        batch = rows.fetchmany(200)
        if not batch:
            break
        gone = [row[:3] for row in batch if row[3] is None]
        present = [(z, x, y, bytes(data)) for z, x, y, data in batch if data is not None]
        stats.deleted += len(gone)
        stats.written += len(present)
        if unique:  # one statement a tile (half the work of a delete and an insert)
            db.executemany("DELETE FROM main.tiles WHERE " + keys, gone)
            db.executemany("INSERT OR REPLACE INTO main.tiles (zoom_level, tile_column, tile_row, tile_data) VALUES "
                           "(?, ?, ?, ?)", present)
        elif kind == "flat":  # delete then insert: a `tiles` table without a unique index (other tools' files)
            db.executemany("DELETE FROM main.tiles WHERE " + keys, [row[:3] for row in batch])
            db.executemany("INSERT INTO main.tiles (zoom_level, tile_column, tile_row, tile_data) VALUES "
                           "(?, ?, ?, ?)", present)
        else:
            db.executemany("INSERT OR IGNORE INTO temp.replaced SELECT tile_id FROM main.map WHERE " + keys,
                           [row[:3] for row in batch])
            ids = [(tile_id(data), data) for _, _, _, data in present]
            db.executemany("INSERT OR IGNORE INTO main.images (tile_id, tile_data) VALUES (?, ?)", ids)
            db.executemany("INSERT OR REPLACE INTO main.map (zoom_level, tile_column, tile_row, tile_id) VALUES "
                           "(?, ?, ?, ?)", [row[:3] + (key,) for row, (key, _) in zip(present, ids)])
            db.executemany("DELETE FROM main.map WHERE " + keys, gone)
        if not stats.verified:
            _read_back(db, keys, present, gone, patch)
    if kind == "ours":  # one pass over map's ids, whatever the number of replaced bodies
        db.execute("DELETE FROM main.images WHERE tile_id IN (SELECT tile_id FROM temp.replaced) AND tile_id NOT IN "
                   "(SELECT tile_id FROM main.map)")


def _unique_keys(db):
    """True when INSERT OR REPLACE into the target's `tiles` replaces the row at the same (zoom_level, tile_column,
    tile_row) and nothing else: unique keys on exactly those columns, none partial (a WHERE clause leaves rows
    without a key: duplicates), no other unique key (REPLACE would delete the row it meets there, a tile outside
    the patch) and no trigger on the table (REPLACE fires no DELETE trigger)."""
    wanted = {"zoom_level", "tile_column", "tile_row"}
    if db.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = 'tiles'").fetchone():
        return False
    found = False
    for _, name, unique, _, partial in db.execute("PRAGMA main.index_list(tiles)"):
        if not unique:
            continue
        columns = [row[2] for row in db.execute("PRAGMA main.index_info('{}')".format(name.replace("'", "''")))]
        if partial or len(columns) != len(wanted) or set(columns) != wanted:  # an expression: None
            return False
        found = True
    return found


def _read_back(db, keys, present, gone, patch):
    """A trusted apply's check (VERIFY off): the batch's tiles read back from the target as the patch has them, the
    deleted ones absent — in the time of the patch, not of the copy."""
    query = "SELECT tile_data FROM main.tiles WHERE " + keys
    expected = [(row[:3], [row[3]]) for row in present] + [(key, []) for key in gone]
    for key, wanted in expected:
        if [bytes(found[0]) for found in db.execute(query, key).fetchall()] != wanted:
            raise PatchError("Tile {}/{}/{} of '{}' did not read back as the patch wrote it: nothing was "
                             "written (the copy is left as it was).", key[0], key[1], key[2], patch)


def _apply_metadata(db):
    """The patch's metadata into the target's (NULL: removed), hash keys left out; the number of keys."""
    names = "name NOT IN ('{}', '{}', '{}')".format(*HASH_KEYS)
    db.execute("CREATE TABLE IF NOT EXISTS main.metadata (name TEXT, value TEXT)")
    changed = db.execute("SELECT COUNT(*) FROM patch.metadata WHERE " + names).fetchone()[0]
    db.execute("DELETE FROM main.metadata WHERE name IN (SELECT name FROM patch.metadata WHERE " + names + ")")
    db.execute("INSERT INTO main.metadata (name, value) SELECT name, value FROM patch.metadata WHERE value IS NOT "
               "NULL AND " + names)
    return changed
