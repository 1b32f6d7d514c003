"""MBTiles writer throughput against the bound of plain SQLite inserts.

Bound: the same tiles inserted with one executemany into a bare `tiles` table
(what any MBTiles writer must at least do). Ratio = writer tiles/s / bound
tiles/s; the writer also hashes for deduplication, so ~0.5-1 is expected.
"""

import os
import sqlite3
import tempfile
import time

from core import mbtiles

TILES = 50_000
BODY = 12_000  # bytes, a typical PNG plan tile


def bodies():
    # Unique bodies: no deduplication shortcut.
    base = os.urandom(BODY)
    for i in range(TILES):
        yield i.to_bytes(4, "big") + base[4:]


def bound(folder):
    db = sqlite3.connect(os.path.join(folder, "bound.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE tiles (z INTEGER, x INTEGER, y INTEGER, data BLOB, PRIMARY KEY (z, x, y))")
    start = time.perf_counter()
    db.execute("BEGIN")
    db.executemany("INSERT INTO tiles VALUES (16, ?, 0, ?)", ((i, b) for i, b in enumerate(bodies())))
    db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return TILES / elapsed


def writer(folder):
    start = time.perf_counter()
    with mbtiles.MBTilesWriter(os.path.join(folder, "w.mbtiles"), batch_size=1000) as out:
        for i, body in enumerate(bodies()):
            out.write_tile(16, i, 0, body)
    return TILES / (time.perf_counter() - start)


def main():
    with tempfile.TemporaryDirectory() as folder:
        reference = bound(folder)
        measured = writer(folder)
    print("mbtiles write: {:,.0f} tiles/s; bound (bare SQLite inserts) {:,.0f} tiles/s; ratio {:.2f}".format(
        measured, reference, measured / reference))
