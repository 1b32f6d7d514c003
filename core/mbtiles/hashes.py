"""`agg_tiles_hash`, as maplibre/martin's `mbtiles` tool defines it (mbtiles/src/validation.rs,
calc_agg_tiles_hash): MD5 over the rows of `tiles` in numeric (zoom_level, tile_column, tile_row) order, rows TMS
as stored, each row feeding the decimal text of its three numbers then its raw tile bytes (a NULL body, which only
a patch holds, feeds nothing), in upper-case hex; MD5 of nothing for no rows. Any copy can then be checked anywhere:
by the plugin, by `mbtiles validate`, on a phone's side.

Streamed: one row at a time from SQLite, whatever the file's size."""

import hashlib
import sqlite3

from ..errors import MBTilesError

AGG_TILES_HASH = "agg_tiles_hash"
# A patch's guards (martin's names): the hash of the file it applies to, and of that file once applied.
BEFORE_APPLY = "agg_tiles_hash_before_apply"
AFTER_APPLY = "agg_tiles_hash_after_apply"
HASH_KEYS = (AGG_TILES_HASH, BEFORE_APPLY, AFTER_APPLY)
EMPTY_HASH = "D41D8CD98F00B204E9800998ECF8427E"

# martin's own SQL: the numbers cast to text by SQLite itself (a file of another tool storing them as text or real
# hashes as martin hashes it), ordered by their stored values.
ROWS = ("SELECT CAST(zoom_level AS TEXT), CAST(tile_column AS TEXT), CAST(tile_row AS TEXT), tile_data FROM {} "
        "ORDER BY zoom_level, tile_column, tile_row")


def new_digest():
    """An MD5 digest; MD5 names martin's hash here, not a safeguard (FIPS systems allow it so)."""
    try:
        return hashlib.md5(usedforsecurity=False)
    except TypeError:  # Python < 3.9
        return hashlib.md5()


def feed(digest, z, x, row, data):
    """Feed one row (numbers as text or integers; `data` bytes, text or None) to `digest`."""
    digest.update("{}{}{}".format(z, x, row).encode("ascii"))
    if data is None:
        return
    if isinstance(data, str):  # text stored where a blob belongs: SQLite's md5 functions hash its UTF-8
        data = data.encode("utf-8")
    digest.update(data)


def agg_tiles_hash(db, table="tiles"):
    """The agg_tiles_hash of `table` (a table or view with the MBTiles columns) on the SQLite connection `db`."""
    digest = new_digest()
    for z, x, row, data in db.execute(ROWS.format(table)):
        if data is not None and not isinstance(data, (bytes, str)):
            raise MBTilesError("Tile {}/{}/{} holds a number, not tile bytes: the file is not a valid MBTiles.",
                               z, x, row)
        feed(digest, z, x, row, data)
    return digest.hexdigest().upper()


def rows_hash(rows):
    """The agg_tiles_hash of (zoom, column, TMS row, data) rows given in martin's order."""
    digest = new_digest()
    for z, x, row, data in rows:
        feed(digest, z, x, row, data)
    return digest.hexdigest().upper()


def stored_hash(db):
    """The `agg_tiles_hash` the metadata holds, or None."""
    try:
        row = db.execute("SELECT value FROM metadata WHERE name = ?", (AGG_TILES_HASH,)).fetchone()
    except sqlite3.DatabaseError:  # no metadata table: no hash
        return None
    return row[0] if row else None


def store_hash(db, value):
    """Write `value` as the metadata's one `agg_tiles_hash` row, in the caller's transaction (a metadata table
    without a unique name, as other tools make it, keeps a single row)."""
    db.execute("DELETE FROM metadata WHERE name = ?", (AGG_TILES_HASH,))
    db.execute("INSERT INTO metadata (name, value) VALUES (?, ?)", (AGG_TILES_HASH, value))
