"""The plugin's MBTiles through maplibre/martin's own checks and in-place apply-patch, step by step as its source
runs them (tests/support/martin.py: the tool cannot be built here). Every file a field sync touches: the library
file, a device's export, a basemap copied from the library for an offline project, a patch make_patch wrote."""

import os
import shutil
import sqlite3

import pytest

from core import mbtiles
from core.field import exports, patching
from core.tiles import grid
from tests.support import martin
from tests.support.field_copies import area_ranges, body, make_library, refresh, tiles_of
from tests.unit.test_folder_sync import basemap_from_library

CARCASSONNE = (2.00, 43.00, 2.60, 43.40)
AREA = (2.10, 43.05, 2.50, 43.35)


@pytest.fixture()
def field(tmp_path):
    """(library file, its tiles, a device's export of zooms 11-13, a basemap copied from the library)."""
    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 13)}
    (tmp_path / "library").mkdir()
    source = make_library(str(tmp_path / "library" / "PLAN.mbtiles"), bodies, CARCASSONNE)
    device = tmp_path / "device"
    device.mkdir()
    (export,) = exports.export(source, str(device / "plan.mbtiles"), "mbtiles", 11, 13, area_ranges(AREA, 11, 13))
    basemap = basemap_from_library(source, str(device / "basemap.mbtiles"), 11, 13)
    return source, bodies, export.path, basemap


def fresh_export(source, tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    (part,) = exports.export(source, str(folder / "plan.mbtiles"), "mbtiles", 11, 13, area_ranges(AREA, 11, 13))
    return part.path


def metadata(path):
    with mbtiles.MBTilesReader(path) as reader:
        return reader.metadata()


def test_martin_validates_every_file_the_plugin_writes(field, tmp_path):
    """`mbtiles validate`: the type martin detects, its uniqueness key, each tile's stored hash (the library's
    `images` keyed by MD5 as martin's normalized schema), the stored agg_tiles_hash."""
    source, bodies, export, basemap = field
    refresh(source, bodies)
    made = patching.make_patch(source, export, str(tmp_path / "plan.patch.mbtiles"))
    kinds = {}
    for path in (source, export, basemap, made.path):
        assert martin.validate(path) == metadata(path)["agg_tiles_hash"]
        with sqlite3.connect(path) as db:
            kinds[os.path.basename(path)] = martin.detect_type(db)
    assert kinds == {"PLAN.mbtiles": "normalized", "plan.mbtiles": "flat", "basemap.mbtiles": "normalized",
                     "plan.patch.mbtiles": "flat"}


def test_martin_refuses_a_library_tile_whose_key_is_not_its_md5(field):
    """The per-tile check is live: a body changed behind its key is caught (as a file written before the MD5
    keys, whose BLAKE2b keys martin reports)."""
    source = field[0]
    with sqlite3.connect(source) as db:
        db.execute("UPDATE images SET tile_data = ? WHERE rowid = (SELECT MIN(rowid) FROM images)", (b"other",))
    with pytest.raises(martin.MartinError, match="IncorrectTileHash"):
        martin.validate(source)


@pytest.mark.parametrize("copy", ["export", "basemap"])
def test_martins_apply_patch_takes_a_copy_to_a_fresh_export_and_refuses_a_second_time(field, tmp_path, copy):
    source, bodies, export, basemap = field
    target = export if copy == "export" else basemap
    refresh(source, bodies)  # one tile in five changed, then one of the copy gone from the library
    gone = tiles_of(target)[1][:3]
    with sqlite3.connect(source) as db:
        db.execute("DELETE FROM map WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?", gone)
    db.close()
    made = patching.make_patch(source, target, str(tmp_path / "p.mbtiles"))
    assert made.stats.deleted == 1 and made.stats.changed
    expected = fresh_export(source, tmp_path, "fresh")

    martin.apply_patch(target, made.path)
    assert tiles_of(target) == tiles_of(expected)
    assert martin.validate(target) == metadata(expected)["agg_tiles_hash"]
    if copy == "export":  # martin's metadata SQL brings the copy's metadata to the fresh export's, key for key
        assert metadata(target) == metadata(expected)
    before = open(target, "rb").read()
    with pytest.raises(martin.MartinError, match="AggHashMismatchWithDiff"):
        martin.apply_patch(target, made.path)
    assert open(target, "rb").read() == before


def test_martin_and_the_plugin_apply_each_others_next_patch(field, tmp_path):
    """A copy patched by the plugin stays a base martin accepts (its own hash, no patch keys), and the reverse."""
    source, bodies, export, _ = field
    twin = str(tmp_path / "twin.mbtiles")
    shutil.copyfile(export, twin)
    for step, (first, second) in enumerate([("plugin", "martin"), ("martin", "plugin")]):
        for who, target in ((first, export), (second, twin)):
            refresh(source, bodies, every=3 + step)
            made = patching.make_patch(source, target, str(tmp_path / "p{}{}.mbtiles".format(step, who)))
            if who == "plugin":
                mbtiles.apply_patch(made.path, target, verify=False)
            else:
                martin.apply_patch(target, made.path)
            assert martin.validate(target) == metadata(target)["agg_tiles_hash"]
            assert not {"agg_tiles_hash_before_apply", "agg_tiles_hash_after_apply"} & set(metadata(target))
    assert tiles_of(export) == tiles_of(twin) == tiles_of(fresh_export(source, tmp_path, "fresh"))


def test_martin_refuses_our_patch_to_the_wrong_copy_and_a_patch_without_hashes(field, tmp_path):
    source, bodies, export, _ = field
    (other,) = exports.export(source, str(tmp_path / "z12-13.mbtiles"), "mbtiles", 12, 13, area_ranges(AREA, 12, 13))
    refresh(source, bodies)
    made = patching.make_patch(source, export, str(tmp_path / "p.mbtiles"))
    before = open(other.path, "rb").read()
    with pytest.raises(martin.MartinError, match="AggHashMismatchWithDiff"):
        martin.apply_patch(other.path, made.path)
    assert open(other.path, "rb").read() == before
    with sqlite3.connect(made.path) as db:
        db.execute("DELETE FROM metadata WHERE name LIKE 'agg_tiles_hash_%'")
    db.close()
    with pytest.raises(martin.MartinError, match="PatchFileHasNoHashes"):
        martin.apply_patch(export, made.path)


def to_old_keys(path):
    """The file as the plugin wrote it before the MD5 keys: its bodies keyed by BLAKE2b-128 (lower-case hex)."""
    import hashlib

    with sqlite3.connect(path) as db:
        for tile_id, data in db.execute("SELECT tile_id, tile_data FROM images").fetchall():
            old = hashlib.blake2b(bytes(data), digest_size=16).hexdigest()
            db.execute("UPDATE images SET tile_id = ? WHERE tile_id = ?", (old, tile_id))
            db.execute("UPDATE map SET tile_id = ? WHERE tile_id = ?", (old, tile_id))
    db.close()


def test_a_basemap_taken_from_a_library_written_before_the_md5_keys_passes_martins_check(tmp_path):
    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 13)}
    (tmp_path / "library").mkdir()
    source = make_library(str(tmp_path / "library" / "PLAN.mbtiles"), bodies, CARCASSONNE)
    to_old_keys(source)
    with pytest.raises(martin.MartinError, match="IncorrectTileHash"):
        martin.validate(source)
    library_bytes = open(source, "rb").read()
    basemap = basemap_from_library(source, str(tmp_path / "basemap.mbtiles"), 11, 13)
    assert martin.validate(basemap) == metadata(basemap)["agg_tiles_hash"]
    assert tiles_of(basemap) == tiles_of(fresh_export(source, tmp_path, "fresh"))
    assert open(source, "rb").read() == library_bytes  # the library only read


def test_rekey_old_tiles_keeps_every_tile_and_one_body_each(tmp_path):
    """Mixed keys (a body under its old key and its MD5 one, a key of digits alone): every body once, under its
    MD5; the tiles and their hash unchanged; a second pass finds nothing."""
    path = str(tmp_path / "mixed.mbtiles")
    with mbtiles.MBTilesWriter(path) as writer:
        for y in range(6):
            writer.write_tile(12, 2000, 1500 + y, body(12, 2000, y % 3))
    to_old_keys(path)
    with mbtiles.MBTilesWriter(path) as writer:  # a write after the upgrade: the same bodies under MD5 keys
        writer.write_tile(12, 2001, 1500, body(12, 2000, 0))
        writer.write_tile(12, 2001, 1501, body(12, 2000, 7))
    with sqlite3.connect(path) as db:  # a key of digits alone, not the body's MD5
        db.execute("UPDATE images SET tile_id = '0123456789' WHERE tile_id = (SELECT tile_id FROM map WHERE "
                   "tile_column = 2001 AND tile_row = ?)", (grid.flip_y(12, 1501),))
        db.execute("UPDATE map SET tile_id = '0123456789' WHERE tile_column = 2001 AND tile_row = ?",
                   (grid.flip_y(12, 1501),))
    db.close()
    before, stored = tiles_of(path), metadata(path)["agg_tiles_hash"]
    db = sqlite3.connect(path, isolation_level=None)
    assert mbtiles.rekey_old_tiles(db, batch=2) == 4  # three old keys, one of digits
    assert mbtiles.rekey_old_tiles(db) == 0
    keys = db.execute("SELECT tile_id, tile_data FROM images").fetchall()
    assert sorted(k for k, _ in keys) == sorted({mbtiles.tile_id(bytes(d)) for d in (body(12, 2000, v) for v in
                                                                                    (0, 1, 2, 7))})
    db.close()
    assert tiles_of(path) == before and martin.validate(path) == stored
