"""Join MBTiles files of one layer (shards, libraries of two machines) into one: tiles, journal, metadata.

Only IGN Offline files of the same source, layer, style and format are
joined; anything else is refused before a byte is written. The inputs are
only read. SQLite does the copying (ATTACH, INSERT … SELECT), so memory stays
flat whatever the size: where two files hold the same tile, the one fetched
last wins, and a tile fetched beats an 'empty' or 'failed' record.
"""

import contextlib
import json
import os
import sqlite3

from .. import mbtiles, storage
from ..errors import InputError, MBTilesError
from ..messages import Message
from ..sources.prepare import IDENTITY_KEYS
from ..vector.mvt import is_vector
from .inventory import vector_layers

# Journal rows of `src` that should replace (or add to) `main`'s, position by position.
WINNERS = """
CREATE TEMP TABLE winners AS
SELECT s.zoom_level, s.tile_column, s.tile_row, s.status
FROM src.tile_journal AS s
LEFT JOIN main.tile_journal AS m
  ON m.zoom_level = s.zoom_level AND m.tile_column = s.tile_column AND m.tile_row = s.tile_row
WHERE m.zoom_level IS NULL
   OR (s.status = 'done' AND (m.status <> 'done' OR s.fetched_at > m.fetched_at))
   OR (s.status <> 'done' AND m.status <> 'done' AND s.fetched_at > m.fetched_at)
"""


@contextlib.contextmanager
def attached(db, path):
    """`path` attached read-only to `db` as `src`, inside one transaction (rolled back on any error)."""
    db.execute("ATTACH DATABASE ? AS src", ("file:{}?mode=ro".format(mbtiles.uri_path(path)),))
    try:
        db.execute("BEGIN")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:  # a full disk has rolled it back already: a second ROLLBACK would hide why
                db.execute("ROLLBACK")
            if mbtiles.is_disk_full(exc):
                stored = db.execute("SELECT COUNT(*) FROM main.map").fetchone()[0]
                raise mbtiles.DiskFull(mbtiles.disk_full_message(
                    db.execute("PRAGMA main.database_list").fetchone()[2], stored)) from None
            raise
    finally:
        db.execute("DETACH DATABASE src")


def identity(metadata):
    return tuple(metadata.get(key) for key in IDENTITY_KEYS)


def check_inputs(inputs, output, thorough=True):
    """The shared identity of `inputs` (and of `output` when it exists); refuses anything that differs."""
    if len(inputs) < 1:
        raise InputError("Give the MBTiles files to merge (INPUTS).")
    found, kinds = {}, {}
    for path in inputs:
        if not os.path.isfile(path):
            raise InputError("'{}' does not exist.", path)
        mbtiles.check_readable(path, thorough=thorough)  # damage is named here, before a byte is written
        if not _ours(path):
            raise InputError("'{}' was not written by IGN Offline: only IGN Offline files (with their journal) "
                             "can be merged.", path)
        with mbtiles.read_guard(path), mbtiles.MBTilesReader(path) as reader:
            metadata = reader.metadata()
        found[path] = identity(metadata)
        kinds[path] = is_vector(metadata)
    # By inode, not by name: `./a.mbtiles`, a symlink or a hard link to an input is that input.
    storage.refuse_output_among_inputs(output, inputs)
    state = mbtiles.inspect(output)  # refuses a foreign file
    if state == "ours":
        with mbtiles.MBTilesReader(output) as reader:
            metadata = reader.metadata()
        found[output] = identity(metadata)
        kinds[output] = is_vector(metadata)
    _refuse_mixed_kinds(kinds)
    first_path, first = next(iter(found.items()))
    for path, other in found.items():
        if other != first:
            differing = [key.split(":")[1] for key, a, b in zip(IDENTITY_KEYS, first, other) if a != b]
            raise InputError(
                "'{}' and '{}' hold different tiles ({} differ: {} vs {}); only files of the same layer, style, "
                "format and source are merged. Nothing was written.",
                    os.path.basename(first_path), os.path.basename(path), " and ".join(differing),
                    _describe(first), _describe(other))
    return first


def _refuse_mixed_kinds(kinds):
    """Vector tiles (pbf) and raster tiles (images) never go into one file: no reader could draw it."""
    vector = [path for path, flag in kinds.items() if flag]
    raster = [path for path, flag in kinds.items() if not flag]
    if vector and raster:
        raise InputError("'{}' holds vector tiles (pbf) and '{}' raster tiles: vector and raster files are never "
                         "merged. Merge the vector files of one layer together, and the raster files apart. Nothing "
                         "was written.", os.path.basename(vector[0]), os.path.basename(raster[0]))


def merged_json(documents):
    """The `json` metadata of merged vector files: their `vector_layers` joined by id (zooms widened, fields
    united), the first document's other keys kept; None when no document lists vector layers."""
    merged, order, base = {}, [], None
    for document in documents:
        layers = vector_layers({"json": document})
        if not layers:
            continue
        if base is None:
            base = json.loads(document)
        for layer in layers:
            current = merged.get(layer["id"])
            if current is None:
                merged[layer["id"]] = dict(layer, fields=dict(layer.get("fields") or {}))
                order.append(layer["id"])
                continue
            for key, pick in (("minzoom", min), ("maxzoom", max)):
                if key in layer:
                    current[key] = pick(current.get(key, layer[key]), layer[key])
            current["fields"].update(layer.get("fields") or {})
    if base is None:
        return None
    base.pop("tilestats", None)  # counted for one file: wrong for the union
    base["vector_layers"] = [merged[name] for name in order]
    return json.dumps(base, ensure_ascii=False)


def _ours(path):
    try:
        return mbtiles.inspect(path) == "ours"
    except MBTilesError:  # another tool's SQLite file: inspect's message speaks of outputs
        return False


def _describe(ident):
    source, layer, style, tile_format = ident
    return "{} {} {}".format(layer, style or "", tile_format).replace("  ", " ")


def merge(inputs, output, progress=None, is_cancelled=None):
    """Merge `inputs` into `output` (created, or an IGN Offline file of the same layer); returns the tile count.

    A merge that fails midway removes the output it created; an existing output keeps what it held (each
    input is copied in one transaction).
    """
    if not output:
        raise InputError("Give the OUTPUT .mbtiles file.")
    with storage.output_lock(output, Message("a merge of MBTiles files")):  # its identity is read under it
        return _merge_locked(inputs, output, progress, is_cancelled)


def _merge_locked(inputs, output, progress, is_cancelled):
    check_inputs(inputs, output)
    created = not os.path.exists(output)
    current = [None]  # the input being copied, for the message
    try:
        return _merge(inputs, output, progress, is_cancelled, current)
    except BaseException as exc:
        if created:
            _remove_file(output)
        if isinstance(exc, (sqlite3.DatabaseError, MBTilesError)):  # an input damaged under the merge
            raise MBTilesError("Merging '{}' into '{}' failed ({}): {}.",
                current[0], output, str(exc).rstrip("."), "the output was removed" if created else
                "the output keeps what it held before this file") from None
        raise


def _remove_file(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except OSError:
            pass


def _merge(inputs, output, progress, is_cancelled, current):
    bounds, documents = [], []
    with mbtiles.MBTilesWriter(output) as writer:
        db = writer.connection()
        for index, path in enumerate(inputs):
            if is_cancelled and is_cancelled():
                writer.cut_short()  # some inputs are not in: no agg_tiles_hash
                break
            current[0] = path
            with mbtiles.MBTilesReader(path) as reader:
                metadata = reader.metadata()
            if not writer.metadata():
                writer.update_metadata({k: v for k, v in metadata.items() if k not in ("minzoom", "maxzoom")})
            if metadata.get("bounds"):
                bounds.append(metadata["bounds"])
            documents.append(metadata.get("json"))
            with attached(db, path):
                db.execute("DROP TABLE IF EXISTS temp.winners")
                db.execute(WINNERS)
                db.execute("INSERT OR IGNORE INTO main.images (tile_id, tile_data) SELECT i.tile_id, i.tile_data "
                           "FROM src.images AS i JOIN src.map AS sm ON sm.tile_id = i.tile_id JOIN temp.winners AS w "
                           "USING (zoom_level, tile_column, tile_row) WHERE w.status = 'done'")
                db.execute("INSERT OR REPLACE INTO main.map (zoom_level, tile_column, tile_row, tile_id) "
                           "SELECT sm.zoom_level, sm.tile_column, sm.tile_row, sm.tile_id FROM src.map AS sm "
                           "JOIN temp.winners AS w USING (zoom_level, tile_column, tile_row) WHERE w.status = 'done'")
                db.execute("INSERT OR REPLACE INTO main.tile_journal SELECT s.* FROM src.tile_journal AS s "
                           "JOIN temp.winners AS w USING (zoom_level, tile_column, tile_row)")
            if progress:
                progress((index + 1) / len(inputs))
        if is_vector(writer.metadata()):
            document = merged_json([writer.metadata().get("json")] + documents)
            if document:
                writer.update_metadata({"json": document})
        current = writer.metadata().get("bounds")
        for value in bounds:
            current = mbtiles.union_bounds(current, value) if current else value
        if current:
            west, south, east, north = (float(v) for v in current.split(","))
            zooms = writer.zoom_levels() or [0]
            writer.update_metadata({"bounds": current, "center": "{:.6f},{:.6f},{}".format(
                (west + east) / 2, (south + north) / 2, (zooms[0] + zooms[-1]) // 2)})
        # A newer copy that replaced a tile leaves the old body unused: drop it, the file keeps only what it shows.
        db.execute("DELETE FROM images WHERE tile_id NOT IN (SELECT tile_id FROM map)")
        total = sum(count for _, count in db.execute("SELECT zoom_level, COUNT(*) FROM map GROUP BY zoom_level"))
    return total


def copy_area(library_path, output, ranges, prepared_identity, metadata):
    """Copy into `output` the tiles of `ranges` that the library file holds (same identity only); their count.

    For taking a project offline with a library at hand: what the library has
    is not fetched again. Tiles already in `output` are kept.
    """
    if storage.same_file(library_path, output):
        return 0  # the output is the library's own file: it has it all already
    try:  # a library file that is damaged, or another tool's, is simply not used: the tiles are fetched
        mbtiles.check_readable(library_path, thorough=True)  # every page: damage is not met halfway
        if not _ours(library_path):
            return 0
        with mbtiles.read_guard(library_path), mbtiles.MBTilesReader(library_path) as reader:
            if identity(reader.metadata()) != prepared_identity:
                return 0
    except MBTilesError:
        return 0
    with mbtiles.MBTilesWriter(output) as writer:
        if not writer.metadata():
            writer.update_metadata(metadata)
        db = writer.connection()
        before = db.execute("SELECT COUNT(*) FROM map").fetchone()[0]
        with attached(db, library_path):
            for r in ranges:
                last = (1 << r.zoom) - 1
                window = (r.zoom, r.x_min, r.x_max, last - r.y_max, last - r.y_min)  # TMS rows on disk
                where = "{0}zoom_level = ? AND {0}tile_column BETWEEN ? AND ? AND {0}tile_row BETWEEN ? AND ?"
                db.execute("INSERT OR IGNORE INTO main.images SELECT i.tile_id, i.tile_data FROM src.images AS i "
                           "JOIN src.map AS m ON m.tile_id = i.tile_id WHERE " + where.format("m."), window)
                db.execute("INSERT OR IGNORE INTO main.map SELECT * FROM src.map WHERE " + where.format(""), window)
                db.execute("INSERT OR IGNORE INTO main.tile_journal SELECT * FROM src.tile_journal WHERE "
                           + where.format(""), window)
        # A library written before the MD5 keys: the copy (a phone's basemap) takes them, so that martin's
        # `mbtiles validate` passes on it (the library keeps its own until it is rewritten).
        mbtiles.rekey_old_tiles(db)
        return db.execute("SELECT COUNT(*) FROM map").fetchone()[0] - before
