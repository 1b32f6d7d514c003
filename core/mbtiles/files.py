"""MBTiles files as files: the SQLite schema IGN Offline writes, what a file on disk is (ours, foreign, damaged),
and the one-line errors for a full disk or an unreadable input.

Layout: identical tile bodies (sea, blank land) are stored once, as in mbutil's "compressed" layout: `images`
holds each distinct body, `map` points each (zoom, column, TMS row) at one, and the `tiles` view required by the
spec joins them, so GDAL and QGIS read the file like any other MBTiles."""

import contextlib
import errno
import hashlib
import os
import sqlite3

from ..errors import MBTilesError
from ..messages import Message
from .hashes import new_digest

SQLITE_MAGIC = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS images (tile_id TEXT PRIMARY KEY, tile_data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS map (
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,
    tile_id TEXT NOT NULL,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
-- Per-tile download journal (extra tables are allowed by the spec): what was
-- fetched when, with its validators, and what the server said was empty or
-- failed. Rows are TMS like `map`.
CREATE TABLE IF NOT EXISTS tile_journal (
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'empty', 'failed')),
    fetched_at REAL NOT NULL,
    etag TEXT,
    last_modified TEXT,
    error TEXT,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS tiles AS
    SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
           map.tile_row AS tile_row, images.tile_data AS tile_data
    FROM map JOIN images ON images.tile_id = map.tile_id;
"""

def tile_id(data):
    """Content key of a tile body in the `images` table: its MD5 in upper-case hex, as martin's normalized schema
    keys `images` (its `md5_hex`), so that `mbtiles validate` passes its per-tile check on a library file and on
    an offline project's copy of one, and a tile martin's apply-patch adds is stored once. (Files written before
    kept BLAKE2b keys, in lower-case hex: still read and patched as they are; rekey_old_tiles turns them.)"""
    digest = new_digest()
    digest.update(data)
    return digest.hexdigest().upper()

def has_old_keys(db):
    """Whether an IGN Offline file holds keys written before the MD5 keys: one look at the keys' index (a lower-case
    key sorts after every upper-case one; 6 old keys in 16 start with a-f, so a file of a few old keys or more shows
    one)."""
    return db.execute("SELECT 1 FROM images WHERE tile_id >= 'a' LIMIT 1").fetchone() is not None

def is_old_key(key):
    """A content key written before the MD5 keys: BLAKE2b-128 in lower-case hex (an MD5 key is upper-case)."""
    return key != key.upper()

def holds_same_body(held, data):
    """Whether the old (BLAKE2b) key `held` is the key of `data`: a body fetched again, not a change."""
    return held is not None and is_old_key(held) and held == hashlib.blake2b(data, digest_size=16).hexdigest()

def rekey_old_tiles(db, batch=500):
    """Key by MD5 (tile_id) the bodies of an IGN Offline file written before the MD5 keys (BLAKE2b keys: lower-case
    hex, which no MD5 key holds; a key of digits alone is hashed to tell), in one transaction on the connection
    `db`; how many bodies were keyed anew. The tiles are the same (agg_tiles_hash too): martin's per-tile check then
    passes. Reads `batch` bodies at a time (memory flat), each batch's old rows removed before its new ones are
    written (the pages they free are used again: the file does not grow); the map is updated in one pass through a
    temporary table of the old and new keys. A file of MD5 keys alone costs one look at the keys' index."""
    if not has_old_keys(db):
        return 0
    db.execute("CREATE TEMP TABLE IF NOT EXISTS rekeyed (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID")
    db.execute("BEGIN IMMEDIATE")
    try:
        done, last = 0, 0
        while True:
            rows = db.execute("SELECT rowid, tile_id, tile_data FROM images WHERE rowid > ? AND (tile_id GLOB "
                              "'*[a-f]*' OR tile_id NOT GLOB '*[A-F]*') ORDER BY rowid LIMIT ?", (last, batch)
                              ).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            keys = [(old, tile_id(bytes(data)), data) for _, old, data in rows]
            keys = [key for key in keys if key[1] != key[0]]  # a key of digits alone may be its body's MD5
            db.executemany("INSERT OR IGNORE INTO temp.rekeyed (old, new) VALUES (?, ?)", [k[:2] for k in keys])
            db.executemany("DELETE FROM images WHERE tile_id = ?", [k[:1] for k in keys])
            db.executemany("INSERT OR IGNORE INTO images (tile_id, tile_data) VALUES (?, ?)", [k[1:] for k in keys])
            done += len(keys)
        if done:
            db.execute("UPDATE map SET tile_id = (SELECT new FROM temp.rekeyed WHERE old = map.tile_id) "
                       "WHERE tile_id IN (SELECT old FROM temp.rekeyed)")
        db.execute("DELETE FROM temp.rekeyed")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return done

def uri_path(path):
    return os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")

def inspect(path):
    """'missing', 'empty' or 'ours' (written by IGN Offline); raises for anything else.

    Looks at the bytes before any SQLite call so that a foreign file is never
    modified, not even by SQLite creating its own journal.
    """
    if not os.path.exists(path):
        return "missing"
    if os.path.isdir(path):
        raise MBTilesError("'{}' is a folder, not an MBTiles file: give a file name.", path)
    with open(path, "rb") as stream:
        head = stream.read(len(SQLITE_MAGIC))
    if not head:
        return "empty"
    if head != SQLITE_MAGIC:
        raise MBTilesError(
            "'{}' exists and is not an MBTiles file: IGN Offline leaves it untouched. "
            "Choose another output file.", path)
    try:
        connection = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise MBTilesError("'{}' is a damaged SQLite file ({}).", path, exc) from exc
    if {"metadata", "images", "map", "tiles"} <= names:
        return "ours"
    if not names:
        return "empty"
    raise MBTilesError(
        "'{}' already holds other data (not written by IGN Offline): it is left untouched. "
        "Choose another output file.", path)


class DiskFull(MBTilesError):
    """The disk holding an MBTiles file is full: what was committed is kept, the run can resume."""


def is_disk_full(exc):
    """True for SQLite's SQLITE_FULL ("database or disk is full") and the OS's ENOSPC."""
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    return code == 13 if code is not None else "is full" in str(exc)


def disk_full_message(path, stored):
    return (Message("The disk holding {} is full: {:,} tiles are stored; free space and run again to resume.",
        os.path.dirname(os.path.abspath(path)), stored))

# -- damaged or foreign inputs -------------------------------------------------------------------------------

def damaged(path, reason):
    """The one-line MBTilesError for an input SQLite cannot read."""
    return MBTilesError("'{}' is damaged ({}): it cannot be read. Copy it again from a good copy, or download "
                        "it again.", path, reason)


@contextlib.contextmanager
def read_guard(path):
    """An SQLite error met while reading `path` becomes one line naming the file, never a traceback. A full disk
    is no damage of `path` (whose reading writes nothing): SQLite's temporary files (sorts) filled their disk."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise MBTilesError("A disk filled up while '{}' was read: the file is sound, but SQLite found no room "
                               "for its temporary files (in the system's temporary folder). Free some space, then "
                               "run again.", path) from None
        raise damaged(path, exc) from None


def looks_like_mbtiles(path):
    """True for a file to read as MBTiles: named .mbtiles, or an SQLite file with `tiles` and `metadata`
    (a GeoPackage, also SQLite, has no `metadata` table). Never raises."""
    if path.lower().endswith(".mbtiles"):
        return True
    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as stream:
            if stream.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        connection = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError):
        return False
    return {"tiles", "metadata"} <= names


def check_readable(path, thorough=False):
    """Refuse, in one line naming the file, an MBTiles input that cannot be read: missing, empty, not SQLite,
    damaged or without tiles. Only reads.

    `thorough` also checks the structure of every page (PRAGMA quick_check, one read of the whole file): for
    runs about to read every tile, so that damage deep in the file is said before anything is written.
    """
    if os.path.isdir(path):
        raise MBTilesError("'{}' is a folder, not an MBTiles file.", path)
    if not os.path.isfile(path):  # a FIFO is never opened: reading it would wait forever
        raise MBTilesError("'{}' {}: give an MBTiles file.",
            path, "is not a regular file" if os.path.exists(path) else "does not exist")
    with open(path, "rb") as stream:
        head = stream.read(100)  # the SQLite header
    if not head:
        raise MBTilesError("'{}' is not a readable MBTiles file: it is empty (0 bytes); copy it again.", path)
    if not head.startswith(SQLITE_MAGIC):
        raise MBTilesError("'{}' is not a readable MBTiles file: it is not an SQLite database; give a .mbtiles "
                           "file.", path)
    if len(head) < 100:
        raise damaged(path, "cut short within its header")
    with read_guard(path):
        connection = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "tiles" not in names:
                raise MBTilesError("'{}' is not a readable MBTiles file: it holds no tiles table.", path)
            connection.execute("SELECT * FROM tiles LIMIT 1").fetchall()
            if "metadata" in names:
                connection.execute("SELECT name, value FROM metadata").fetchall()
            if thorough:
                problems = [row[0] for row in connection.execute("PRAGMA quick_check(1)")]
                if problems != ["ok"]:
                    said = " ".join(" ".join(problems).replace("*** in database main ***", "").split())
                    raise damaged(path, said[:160] or "malformed")
        finally:
            connection.close()
