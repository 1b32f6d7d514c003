import hashlib
import os
import sqlite3

import mercantile
import pytest
from osgeo import gdal

from core import mbtiles
from core.errors import MBTilesError
from core.tiles import areas
from tests.support.images import jpeg_tile, png_tile

gdal.UseExceptions()

CARCASSONNE = areas.PRESETS["carcassonne"]
RED, GREEN, BLUE = (220, 20, 20), (20, 200, 20), (20, 20, 220)


def metadata(zmin=10, zmax=10, **extra):
    values = mbtiles.build_metadata(
        "Test tiles", "image/png", CARCASSONNE.bbox, zmin, zmax,
        attribution="© IGN", description="unit test")
    values.update(extra)
    return values


def test_round_trip_and_metadata(tmp_path):
    path = str(tmp_path / "a.mbtiles")
    with mbtiles.MBTilesWriter(path, batch_size=3) as writer:
        writer.update_metadata(metadata(8, 16))
        for i in range(10):
            writer.write_tile(10, 500 + i, 300, png_tile((i, 0, 0)))
        writer.write_tile(11, 1000, 600, png_tile(RED))
    with mbtiles.MBTilesReader(path) as reader:
        meta = reader.metadata()
        assert mbtiles.metadata_problems(meta) == []
        # min/max zoom follow what the file really holds
        assert (meta["minzoom"], meta["maxzoom"]) == ("10", "11")
        assert reader.count_by_zoom() == {10: 10, 11: 1}
        assert reader.tile(10, 503, 300) == png_tile((3, 0, 0))
        assert reader.tile(10, 503, 301) is None
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    # rows on disk are TMS
    assert db.execute("SELECT tile_row FROM tiles WHERE zoom_level = 11").fetchone() == (2 ** 11 - 1 - 600,)
    db.close()
    assert not os.path.exists(path + "-wal")


def test_metadata_has_every_mbtiles_1_3_field():
    meta = metadata()
    assert set(mbtiles.METADATA_FIELDS) <= set(meta)
    assert meta["format"] == "png"
    west, south, east, north = (float(v) for v in meta["bounds"].split(","))
    assert (west, south, east, north) == pytest.approx(CARCASSONNE.bbox)
    lon, lat, zoom = meta["center"].split(",")
    assert west < float(lon) < east and south < float(lat) < north and int(zoom) == 10


@pytest.mark.parametrize("change, fragment", [
    ({"format": "gif"}, "format"),
    ({"bounds": "1,2,3"}, "bounds"),
    ({"bounds": "600000,6000000,700000,6100000"}, "WGS84"),
    ({"minzoom": "12", "maxzoom": "10"}, "greater"),
    ({"center": "2.3,43.2"}, "center"),
    ({"type": "basemap"}, "type"),
])
def test_metadata_problems_are_reported(change, fragment):
    problems = mbtiles.metadata_problems(metadata(**change))
    assert any(fragment in p for p in problems), problems


def test_missing_fields_are_reported():
    meta = metadata()
    del meta["attribution"]
    assert mbtiles.metadata_problems(meta) == ["missing 'attribution'"]


def test_identical_bodies_are_stored_once(tmp_path):
    path = str(tmp_path / "dedup.mbtiles")
    sea = png_tile(BLUE)
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(metadata())
        for x in range(50):
            writer.write_tile(10, x, 0, sea)
        writer.write_tile(10, 0, 1, png_tile(RED))
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM images").fetchone() == (2,)
    assert db.execute("SELECT COUNT(*) FROM tiles").fetchone() == (51,)
    db.close()


def test_rewriting_a_tile_replaces_it_and_drops_the_orphan(tmp_path):
    path = str(tmp_path / "replace.mbtiles")
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(metadata())
        writer.write_tile(10, 1, 1, png_tile(RED))
    with mbtiles.MBTilesWriter(path) as writer:
        assert writer.state == "ours"
        writer.write_tile(10, 1, 1, png_tile(GREEN))
        writer.write_tile(10, 1, 2, png_tile(BLUE))
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.tile(10, 1, 1) == png_tile(GREEN)
        assert reader.count_by_zoom() == {10: 2}
        assert reader.metadata()["name"] == "Test tiles"
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM images").fetchone() == (2,)
    db.close()


def test_a_batchs_writes_and_removals_keep_their_order(tmp_path):
    """In one batch, the last call for a tile wins: a write after its removal is kept (it was lost: removals ran
    after the inserts), a removal after a write of a tile the file did not hold yet removes it; the change log
    and the stored hash follow the file."""
    path = str(tmp_path / "order.mbtiles")
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(metadata())
        writer.write_tile(10, 1, 1, png_tile(RED))
        writer.write_tile(10, 1, 2, png_tile(RED))
    with mbtiles.MBTilesWriter(path, batch_size=100) as writer:
        assert writer.remove_tile(10, 1, 1)
        writer.write_tile(10, 1, 1, png_tile(GREEN))    # removed, then written again: kept
        writer.write_tile(10, 1, 3, png_tile(BLUE))
        assert writer.remove_tile(10, 1, 3)             # queued, then removed: never stored
        assert not writer.remove_tile(10, 1, 4)         # neither held nor queued
        writer.record(10, 1, 2, "done", png_tile(BLUE))
        assert writer.remove_tile(10, 1, 2)             # held and rewritten, then removed: gone
        writer.write_tile(10, 1, 5, png_tile(GREEN))
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.tile(10, 1, 1) == png_tile(GREEN)
        assert reader.tile(10, 1, 2) is None and reader.tile(10, 1, 3) is None
        assert reader.count_by_zoom() == {10: 2}
        assert reader.metadata()["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM images").fetchone() == (1,)  # no orphan body left
    db.close()


def sha256(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def test_foreign_files_are_refused_untouched(tmp_path):
    text = tmp_path / "notes.mbtiles"
    text.write_text("my field notes")
    foreign = tmp_path / "gdal.mbtiles"
    db = sqlite3.connect(str(foreign))
    db.executescript("CREATE TABLE metadata (name, value); "
                     "CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data);"
                     "INSERT INTO tiles VALUES (1, 0, 0, x'00');")
    db.close()
    for path in (text, foreign):
        before = sha256(path)
        with pytest.raises(MBTilesError, match="untouched"):
            mbtiles.MBTilesWriter(str(path))
        assert sha256(path) == before
        assert sorted(os.listdir(tmp_path)) == ["gdal.mbtiles", "notes.mbtiles"]


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(Exception, match="does not exist"):
        mbtiles.MBTilesWriter(str(tmp_path / "nowhere" / "x.mbtiles"))


def read_rgb(dataset, x_merc, y_merc):
    gt = dataset.GetGeoTransform()
    col = int((x_merc - gt[0]) / gt[1])
    row = int((y_merc - gt[3]) / gt[5])
    return tuple(dataset.GetRasterBand(b).ReadRaster(col, row, 1, 1)[0] for b in (1, 2, 3))


@pytest.mark.parametrize("encode", [png_tile, jpeg_tile])
def test_gdal_finds_each_tile_where_xyz_says(tmp_path, encode):
    """Write distinct colours at (z, x, y) and neighbours; GDAL must show each colour at its tile's place."""
    zoom = 12
    centre = mercantile.tile(*CARCASSONNE.center, zoom)
    placed = {
        (centre.x, centre.y): RED,
        (centre.x + 1, centre.y): GREEN,
        (centre.x, centre.y + 1): BLUE,
        (centre.x + 1, centre.y + 1): (250, 250, 250),
    }
    west, _, _, north = mercantile.bounds(centre.x, centre.y, zoom)
    _, south, east, _ = mercantile.bounds(centre.x + 1, centre.y + 1, zoom)
    path = str(tmp_path / "geo.mbtiles")
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata(
            "geo", "jpg" if encode is jpeg_tile else "png", (west, south, east, north), zoom, zoom,
            attribution="test", description="test"))
        for (x, y), rgb in placed.items():
            writer.write_tile(zoom, x, y, encode(rgb))
    dataset = gdal.Open(path)
    assert dataset.GetDriver().ShortName == "MBTiles"
    for (x, y), rgb in placed.items():
        bounds = mercantile.xy_bounds(x, y, zoom)
        got = read_rgb(dataset, (bounds.left + bounds.right) / 2, (bounds.top + bounds.bottom) / 2)
        assert got == pytest.approx(rgb, abs=6), (x, y)
    dataset = None


def test_batches_are_bounded_in_bytes(tmp_path):
    """With batch_bytes, bodies are committed once that many wait, however few tiles they are."""
    path = str(tmp_path / "b.mbtiles")
    body = bytes(range(256)) * 400  # 100 kB
    with mbtiles.MBTilesWriter(path, batch_size=10_000, max_delay=3600, batch_bytes=250_000) as writer:
        for x in range(2):
            writer.record(10, x, 0, "done", body + bytes([x]))
        with mbtiles.MBTilesReader(path) as reader:
            assert reader.count_by_zoom() == {}
        writer.record(10, 2, 0, "done", body + b"\x02")   # 300 kB waiting: committed now
        with mbtiles.MBTilesReader(path) as reader:
            assert reader.count_by_zoom() == {10: 3}
            assert reader.tile(10, 2, 0) == body + b"\x02"
        writer.record(10, 3, 0, "done", body)
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.count_by_zoom() == {10: 4}


def test_mbutil_reads_every_tile_where_xyz_says(tmp_path):
    """mbutil (a reader nobody here wrote) exports our deduplicated layout, byte for byte, at the XYZ addresses."""
    import json
    import subprocess
    import sys

    path = str(tmp_path / "a.mbtiles")
    written = {(10, 510 + i, 300 + i % 2): png_tile((i * 20, 5, 5)) for i in range(6)}
    written[(11, 1020, 601)] = written[(10, 510, 300)]  # a shared body
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(metadata(10, 11))
        for (z, x, y), data in written.items():
            writer.write_tile(z, x, y, data)
    out = tmp_path / "export"
    mb_util = os.path.join(os.path.dirname(sys.executable), "mb-util")
    completed = subprocess.run([mb_util, "--scheme=xyz", path, str(out)], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    exported = {}
    for folder, _, names in os.walk(out):
        for name in names:
            if name.endswith(".png"):
                z, x = (int(p) for p in os.path.relpath(folder, out).split(os.sep))
                with open(os.path.join(folder, name), "rb") as stream:
                    exported[(z, x, int(name[:-4]))] = stream.read()
    assert exported == written
    with open(out / "metadata.json") as stream:
        assert json.load(stream)["name"] == "Test tiles"
