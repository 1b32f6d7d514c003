"""Damaged and foreign MBTiles made from real ones (tests of issue 19): cut short, pages overwritten with
garbage, a text or empty file under the name .mbtiles; an MBTiles as other tools write it."""

import functools
import os
import random
import shutil
import sqlite3

from core import mbtiles
from core.tiles import grid as tiles
from tests.support.images import png_tile

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)
PAGE = 4096


def library_file(path, zoom_max=13, noise=0, name="Plan IGN v2"):
    """An IGN Offline MBTiles of Carcassonne, zooms 8 to `zoom_max`; `noise` random bytes make each tile's body
    distinct (a file of many pages). Returns {(z, x, y): body}."""
    generator = random.Random(7)
    bodies = {}
    colours = functools.lru_cache(maxsize=None)(png_tile)  # a PNG takes milliseconds to make
    with mbtiles.MBTilesWriter(str(path)) as writer:
        writer.update_metadata(mbtiles.build_metadata(name, "image/png", CARCASSONNE, 8, zoom_max, "© IGN"))
        for t in tiles.iter_tiles(CARCASSONNE, 8, zoom_max):
            body = colours((t.x % 8, t.y % 8, 99)) + generator.randbytes(noise)
            writer.record(t.z, t.x, t.y, "done", body)
            bodies[(t.z, t.x, t.y)] = body
    return bodies


def foreign_file(path, zooms=(8, 10)):
    """An MBTiles as other tools write it: a plain `tiles` table, PNG tiles, no journal, no minzoom."""
    db = sqlite3.connect(str(path))
    db.executescript("CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, "
                     "tile_column INTEGER, tile_row INTEGER, tile_data BLOB);")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "made elsewhere"), ("format", "png")])
    bodies = {}
    for t in tiles.iter_tiles(CARCASSONNE, *zooms):
        bodies[(t.z, t.x, t.y)] = png_tile((t.x % 200, 50, 60))
        db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (t.z, t.x, tiles.flip_y(t.z, t.y), bodies[(t.z, t.x, t.y)]))
    db.commit()
    db.close()
    return bodies


def garble(path, first_page, pages):
    with open(path, "r+b") as stream:
        stream.seek(first_page * PAGE)
        stream.write(random.Random(first_page).randbytes(pages * PAGE))


def damaged_copies(good, folder):
    """{kind: path} of damaged copies of `good`."""
    size = os.path.getsize(good)
    made = {}
    for kind in ("cut", "garbled", "header", "text", "empty"):
        made[kind] = folder / (kind + ".mbtiles")
        shutil.copy(good, made[kind])
    with open(made["cut"], "r+b") as stream:
        stream.truncate(size // 2 // PAGE * PAGE)
    garble(made["garbled"], size // PAGE // 2, 4)
    with open(made["header"], "r+b") as stream:
        stream.seek(16)
        stream.write(b"\xff" * 84)
    made["text"].write_text("not tiles\n")
    made["empty"].write_bytes(b"")
    return made
