"""A library file's change log: which tiles each completed write changed, from one agg_tiles_hash to the next.

A patch must hold the tiles of a device's copy that differ from the library now, and the hash the copy will have.
Found by comparing every tile, that is a read of both files whole (seconds per GB). But a copy exported whole holds
exactly the library's tiles of the day: its agg_tiles_hash is the library's hash then. The writer (core.mbtiles.
writer) records, for every write that starts from a stored hash and ends complete, a link: that hash, the new one,
and the tiles (z, x, TMS row) it added, replaced or removed. Following the links from the copy's hash to the
library's gives the tiles to put in the patch, and the library's own hash is the copy's once patched
(core.field.patching): the patch is made in the time of the changes, not of the file.

A write that does not start from a stored hash (a first download, a resume after a cut), or that writes by raw SQL
(a merge), leaves no link: the chain is broken there, and patches are made by comparing every tile again. A link
is stored in the same file, in tables the MBTiles readers ignore; the oldest go past KEEP_LINKS, or once the links
hold more changed tiles than the file holds tiles (16 bytes each)."""

import sqlite3
import time

LINKS = "ign_offline_links"
LINK_TILES = "ign_offline_link_tiles"
SCHEMA = """
CREATE TABLE IF NOT EXISTS {links} (
    id INTEGER PRIMARY KEY,
    hash_before TEXT NOT NULL,
    hash_after TEXT,            -- NULL while the write runs: a link cut short is no link
    tiles INTEGER NOT NULL DEFAULT 0,
    made_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS {tiles} (
    link INTEGER NOT NULL,
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,
    PRIMARY KEY (link, zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
""".format(links=LINKS, tiles=LINK_TILES)
KEEP_LINKS = 64
MIN_LOGGED = 10000  # changed tiles always kept in all, however few the file holds


def open_link(db, hash_before):
    """A new link from `hash_before` (the file's stored hash as the write starts; None: no link), in the caller's
    autocommit connection; its id, or None. Links a write cut short left behind are dropped first."""
    _drop(db, "hash_after IS NULL")
    if not hash_before:
        return None
    return db.execute("INSERT INTO {} (hash_before, made_at) VALUES (?, ?)".format(LINKS),
                      (hash_before, time.time())).lastrowid


def log_tiles(db, link, keys):
    """Record (z, x, TMS row) keys as changed by the link, in the caller's transaction."""
    if link is not None and keys:
        db.executemany("INSERT OR IGNORE INTO {} (link, zoom_level, tile_column, tile_row) VALUES (?, ?, ?, ?)"
                       .format(LINK_TILES), [(link,) + tuple(key) for key in keys])


def close_link(db, link, hash_after):
    """The write ended complete with `hash_after`: the link is kept (none when nothing changed), the oldest beyond
    KEEP_LINKS dropped."""
    if link is None:
        return
    count = db.execute("SELECT COUNT(*) FROM {} WHERE link = ?".format(LINK_TILES), (link,)).fetchone()[0]
    before = db.execute("SELECT hash_before FROM {} WHERE id = ?".format(LINKS), (link,)).fetchone()
    if not count or before is None or before[0] == hash_after:
        drop_link(db, link)
        return
    db.execute("UPDATE {} SET hash_after = ?, tiles = ? WHERE id = ?".format(LINKS), (hash_after, count, link))
    # The newest links, at most KEEP_LINKS, and no more changed tiles in all than the file holds: past that, a
    # patch from the log reads about as much as comparing every tile, and the log would only grow the file.
    held = max(db.execute("SELECT COUNT(*) FROM map").fetchone()[0], MIN_LOGGED)
    kept, total = [], 0
    for newer, tiles in db.execute("SELECT id, tiles FROM {} WHERE hash_after IS NOT NULL ORDER BY id DESC"
                                   .format(LINKS)).fetchall():
        if len(kept) >= KEEP_LINKS or (kept and total + tiles > held):
            break
        kept.append(newer)
        total += tiles
    _drop(db, "id NOT IN ({})".format(",".join(str(int(i)) for i in kept)))


def drop_link(db, link):
    """The write did not end complete, or wrote by raw SQL: no link."""
    if link is not None:
        _drop(db, "id = {:d}".format(link))


def _drop(db, where):
    db.execute("DELETE FROM {} WHERE link IN (SELECT id FROM {} WHERE {})".format(LINK_TILES, LINKS, where))
    db.execute("DELETE FROM {} WHERE {}".format(LINKS, where))


def chain(db, start, end):
    """The ids of the links leading from hash `start` to hash `end`, oldest first ([] when equal); None when the
    file keeps no such chain (no log, a write without a link between them, links dropped)."""
    if not start or not end:
        return None
    if start == end:
        return []
    try:
        links = db.execute("SELECT id, hash_before, hash_after FROM {} WHERE hash_after IS NOT NULL ORDER BY id"
                           .format(LINKS)).fetchall()
    except sqlite3.OperationalError:  # no log in this file
        return None
    following = {}
    for link, before, after in links:
        following[before] = (link, after)  # a later link from the same hash replaces an older one
    found, at, seen = [], start, set()
    while at != end:
        if at not in following or at in seen:
            return None
        seen.add(at)
        link, at = following[at]
        found.append(link)
    return found


def changed_keys(db, links):
    """The (z, x, TMS row) keys the links changed, each once, in martin's order (z, x, row)."""
    if not links:
        return
    marks = ",".join("?" * len(links))
    yield from db.execute("SELECT DISTINCT zoom_level, tile_column, tile_row FROM {} WHERE link IN ({}) "
                          "ORDER BY zoom_level, tile_column, tile_row".format(LINK_TILES, marks), links)
