"""apply_patch on the `tiles` tables other tools make: one INSERT OR REPLACE a tile only where that replaces the
row at the same key and nothing else (a partial unique index, another unique key or a trigger on the table take
the delete-then-insert path, as before); never duplicate keys, never a tile lost outside the patch, never a hash the
tiles do not have. Found by a second reader of the faster apply."""
import sqlite3

import pytest

from core import mbtiles
from core.errors import MBTilesError
from core.mbtiles import patches
from tests.unit.test_patches import DIF, MARTIN, TILES_V1, TILES_V2

FLAT = ("CREATE TABLE metadata (name TEXT NOT NULL PRIMARY KEY, value TEXT);"
        "CREATE TABLE tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, "
        "tile_data BLOB{});")


def make(path, schema, rows, metadata):
    db = sqlite3.connect(str(path))
    db.executescript(schema)
    db.executemany("INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO metadata VALUES (?, ?)", list(metadata))
    db.commit()
    db.close()
    return str(path)


def martin_patch(tmp_path):
    return make(tmp_path / "dif.mbtiles", FLAT.format(", PRIMARY KEY (zoom_level, tile_column, tile_row)"), DIF, [
        ("agg_tiles_hash_after_apply", MARTIN["v2"]), ("agg_tiles_hash_before_apply", MARTIN["v1"])])


def tiles(path):
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles"))


@pytest.mark.parametrize("verify", [False, True])
def test_partial_unique_index_valid_patch_applies(tmp_path, verify):
    """A unique index with a WHERE clause (here: only zooms above 5) holds no key for the other rows."""
    patch = martin_patch(tmp_path)
    target = make(tmp_path / "t.mbtiles", FLAT.format("") + "CREATE UNIQUE INDEX ti ON tiles (zoom_level, tile_column, "
                  "tile_row) WHERE zoom_level > 5;", TILES_V1, [("agg_tiles_hash", MARTIN["v1"])])
    stats = mbtiles.apply_patch(patch, target, verify=verify)
    assert stats.after == MARTIN["v2"]
    assert tiles(target) == sorted(TILES_V2)


def test_partial_unique_index_forced_apply_leaves_no_duplicate_keys(tmp_path):
    patch = martin_patch(tmp_path)
    target = make(tmp_path / "t.mbtiles", FLAT.format("") + "CREATE UNIQUE INDEX ti ON tiles (zoom_level, tile_column, "
                  "tile_row) WHERE zoom_level > 5;", TILES_V1, [("agg_tiles_hash", MARTIN["v1"])])
    mbtiles.apply_patch(patch, target, force=True)
    with sqlite3.connect(target) as db:
        dups = db.execute("SELECT zoom_level, tile_column, tile_row, COUNT(*) FROM tiles GROUP BY 1, 2, 3 "
                          "HAVING COUNT(*) > 1").fetchall()
    assert dups == []


def test_trusted_apply_never_stores_a_hash_the_tiles_do_not_have(tmp_path):
    """Another unique constraint on `tiles` (here on tile_data): INSERT OR REPLACE deletes the row it meets, a tile
    outside the patch; the read-back checks only the patch's keys and the patch's after-hash is stored."""
    schema = FLAT.format(", PRIMARY KEY (zoom_level, tile_column, tile_row)") + \
        "CREATE UNIQUE INDEX body ON tiles (tile_data);"
    before_rows = [(5, 0, 0, b"a"), (5, 0, 1, b"b")]
    after_rows = [(5, 0, 0, b"a"), (5, 0, 1, b"a")]
    with sqlite3.connect(":memory:") as db:
        db.executescript(FLAT.format(""))
        db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", before_rows)
        h_before = mbtiles.agg_tiles_hash(db)
        db.execute("UPDATE tiles SET tile_data = ? WHERE tile_row = 1", (b"a",))
        h_after = mbtiles.agg_tiles_hash(db)
    patch = make(tmp_path / "p.mbtiles", FLAT.format(", PRIMARY KEY (zoom_level, tile_column, tile_row)"),
                 [(5, 0, 1, b"a")], [("agg_tiles_hash_before_apply", h_before),
                                      ("agg_tiles_hash_after_apply", h_after)])
    target = make(tmp_path / "t.mbtiles", schema, before_rows, [("agg_tiles_hash", h_before)])
    try:
        stats = mbtiles.apply_patch(patch, target, verify=False)
    except (mbtiles.PatchError, MBTilesError):
        return  # refused: fine
    with sqlite3.connect(target) as db:
        real = mbtiles.agg_tiles_hash(db)
        stored = mbtiles.stored_hash(db)
    print("stats", stats, "tiles now", tiles(target))
    assert stored == real, "stored {} but the tiles hash to {} (tiles {} expected {})".format(
        stored, real, tiles(target), after_rows)


@pytest.mark.parametrize("name", ["it's", 'a "b"', "[x]", "tiles index"])
def test_odd_index_names_are_found(tmp_path, name):
    target = make(tmp_path / "t.mbtiles", FLAT.format("") + 'CREATE UNIQUE INDEX "{}" ON tiles (zoom_level, '
                  'tile_column, tile_row);'.format(name.replace('"', '""')), TILES_V1, [])
    with sqlite3.connect(target) as db:
        assert patches._unique_keys(db)


@pytest.mark.parametrize("extra, unique", [
    (", PRIMARY KEY (tile_row, zoom_level, tile_column)) WITHOUT ROWID", True),
    (");CREATE UNIQUE INDEX e ON tiles (zoom_level, tile_column, tile_row, length(tile_data))", False),
    (");CREATE UNIQUE INDEX e ON tiles (zoom_level, tile_column, tile_row, tile_data)", False),
    (");CREATE UNIQUE INDEX e ON tiles (ZOOM_LEVEL, tile_column, tile_row)", True),
])
def test_shapes(tmp_path, extra, unique):
    schema = FLAT.replace("BLOB{});", "BLOB" + extra + ";")
    patch = martin_patch(tmp_path)
    target = make(tmp_path / "t.mbtiles", schema, TILES_V1, [("agg_tiles_hash", MARTIN["v1"])])
    with sqlite3.connect(target) as db:
        assert patches._unique_keys(db) == unique
    for verify in (False,):
        stats = mbtiles.apply_patch(patch, target, verify=verify)
        assert stats.after == MARTIN["v2"] and tiles(target) == sorted(TILES_V2)
        with sqlite3.connect(target) as db:
            assert mbtiles.agg_tiles_hash(db) == MARTIN["v2"]


def test_a_delete_trigger_on_the_target_still_fires_for_replaced_tiles(tmp_path):
    """Another tool's sync log kept by triggers: before 3319db7 a replaced tile fired DELETE then INSERT."""
    schema = FLAT.format(", PRIMARY KEY (zoom_level, tile_column, tile_row)") + (
        "CREATE TABLE gone (z, x, y);"
        "CREATE TRIGGER log_gone AFTER DELETE ON tiles BEGIN INSERT INTO gone VALUES (old.zoom_level, "
        "old.tile_column, old.tile_row); END;")
    patch = martin_patch(tmp_path)
    target = make(tmp_path / "t.mbtiles", schema, TILES_V1, [("agg_tiles_hash", MARTIN["v1"])])
    mbtiles.apply_patch(patch, target)
    with sqlite3.connect(target) as db:
        logged = db.execute("SELECT COUNT(*) FROM gone").fetchone()[0]
    replaced_existing = sum(1 for z, x, y, d in DIF if d is not None and any(r[:3] == (z, x, y) for r in TILES_V1))
    assert logged == 3 + replaced_existing
