"""export_tiles' core: MBTiles for phones, OsmAnd/Locus SQLiteDB, GeoPackage; bytes as stored; split by size."""

import os
import random
import sqlite3
import struct
import zlib

import pytest
from osgeo import gdal

from core import mbtiles
from core.errors import InputError
from core.field import exports, writers
from core.tiles import grid as tiles
from tests.support.field_copies import make_library
from tests.support.images import png_tile

gdal.UseExceptions()
CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def noise_png(seed, rows=48):
    """A valid PNG of random pixels (about 37 kB): sizes like real tiles, no compression possible."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(256 * 3)) for _ in range(rows))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, rows, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def file_digest(path):
    import hashlib

    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def source(tmp_path, bodies):
    return make_library(str(tmp_path / "source.mbtiles"), bodies, CARCASSONNE, zooms=(8, 13))


@pytest.fixture()
def small(tmp_path):
    bodies = {(t.z, t.x, t.y): png_tile((t.x % 256, t.y % 256, t.z * 10)) for t in tiles.iter_tiles(CARCASSONNE, 8, 12)}
    return source(tmp_path, bodies), bodies


def test_mbtiles_for_phones_have_a_real_tiles_table_and_full_metadata(small, tmp_path):
    path, bodies = small
    before = file_digest(path)
    (part,) = exports.export(path, str(tmp_path / "plan.mbtiles"), "mbtiles")
    db = sqlite3.connect(part.path)
    assert db.execute("SELECT type FROM sqlite_master WHERE name = 'tiles'").fetchone() == ("table",)
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE sql LIKE '%WITHOUT ROWID%'").fetchall()
    metadata = dict(db.execute("SELECT name, value FROM metadata"))
    stored = {(z, x, tiles.flip_y(z, row)): bytes(d) for z, x, row, d in db.execute("SELECT * FROM tiles")}
    db.close()
    assert stored == bodies
    assert mbtiles.metadata_problems(metadata) == [] and (metadata["minzoom"], metadata["maxzoom"]) == ("8", "12")
    assert metadata["attribution"] == "© IGN"
    assert file_digest(path) == before  # the source is only read


def test_osmand_files_decode_by_their_info_table_to_the_same_tiles(small, tmp_path):
    path, bodies = small
    (part,) = exports.export(path, str(tmp_path / "plan.sqlitedb"), "osmand")
    decoded, zooms = writers.decode_osmand(part.path)
    assert decoded == bodies and zooms == [8, 12]
    db = sqlite3.connect(part.path)
    assert db.execute("SELECT tilenumbering, minzoom, maxzoom FROM info").fetchone() == ("BigPlanet", 5, 9)
    assert db.execute("SELECT MIN(z), MAX(z) FROM tiles").fetchone() == (5, 9)
    db.close()


def test_a_subset_of_zooms_and_area(small, tmp_path):
    from core.tiles import coverage, polygons

    path, bodies = small
    area = polygons.from_bbox(2.30, 43.18, 2.35, 43.21)
    ranges = [r for z in range(10, 12) for r in coverage.column_ranges(area, z)]
    (part,) = exports.export(path, str(tmp_path / "sub.sqlitedb"), "osmand", 10, 11, ranges)
    decoded, zooms = writers.decode_osmand(part.path)
    wanted = {(r.zoom, x, y) for r in ranges for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)}
    assert decoded == {k: v for k, v in bodies.items() if k in wanted} and zooms == [10, 11]


def test_geopackage_blobs_are_the_sources_and_gdal_reads_the_same_pixels(tmp_path):
    bodies = {(t.z, t.x, t.y): png_tile(((t.x * 37) % 256, (t.y * 91) % 256, 120))
              for t in tiles.iter_tiles(CARCASSONNE, 10, 12)}
    path = source(tmp_path, bodies)
    (part,) = exports.export(path, str(tmp_path / "plan.gpkg"), "gpkg")
    db = sqlite3.connect(part.path)
    stored = {(z, x, y): bytes(d) for z, x, y, d in db.execute(
        "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")}
    db.close()
    assert stored == bodies
    from_gpkg, from_mbtiles = gdal.Open(part.path), gdal.Open(path)
    assert from_gpkg.RasterXSize == from_mbtiles.RasterXSize and from_gpkg.RasterYSize == from_mbtiles.RasterYSize
    assert from_gpkg.GetGeoTransform() == pytest.approx(from_mbtiles.GetGeoTransform())
    for band in (1, 2, 3):
        assert from_gpkg.GetRasterBand(band).ReadRaster() == from_mbtiles.GetRasterBand(band).ReadRaster()


def test_a_size_cap_splits_into_complete_files_that_together_are_the_source(tmp_path):
    bodies = {(t.z, t.x, t.y): noise_png(i) for i, t in enumerate(tiles.iter_tiles(CARCASSONNE, 8, 15))}
    path = source(tmp_path, bodies)
    assert 5e6 < os.path.getsize(path) < 8e6
    parts = exports.export(path, str(tmp_path / "plan.mbtiles"), "mbtiles", max_file_mb=1)
    assert len(parts) >= 5
    seen = {}
    for number, part in enumerate(parts, 1):
        assert os.path.basename(part.path) == "plan_{:02d}_z{}-{}.mbtiles".format(number, part.zoom_min, part.zoom_max)
        assert os.path.getsize(part.path) <= 1.05e6
        db = sqlite3.connect(part.path)
        assert db.execute("SELECT type FROM sqlite_master WHERE name = 'tiles'").fetchone() == ("table",)
        metadata = dict(db.execute("SELECT name, value FROM metadata"))
        assert mbtiles.metadata_problems(metadata) == []
        assert (int(metadata["minzoom"]), int(metadata["maxzoom"])) == (part.zoom_min, part.zoom_max)
        for z, x, row, data in db.execute("SELECT * FROM tiles"):
            key = (z, x, tiles.flip_y(z, row))
            assert key not in seen
            seen[key] = bytes(data)
        db.close()
    assert seen == bodies


def test_bad_exports_are_refused_before_anything_is_written(small, tmp_path):
    path, _ = small
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InputError, match="Unknown FORMAT 'kmz'"):
        exports.export(path, str(out / "x.kmz"), "kmz")
    with pytest.raises(InputError, match="MAX_FILE_MB 0.01 is smaller than one file of one tile"):
        exports.export(path, str(out / "x.mbtiles"), "mbtiles", max_file_mb=0.01)
    with pytest.raises(InputError, match="holds no tile"):
        exports.export(path, str(out / "x.mbtiles"), "mbtiles", 16, 18)
    assert os.listdir(out) == []


def test_a_raster_becomes_a_cloud_optimized_geotiff_and_web_mercator_tiles(tmp_path):
    raster = str(tmp_path / "ortho.tif")
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(raster, 400, 400, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform((1045000, 0.5, 0, 6842000, 0, -0.5))
    from osgeo import osr

    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    dataset.SetProjection(lambert.ExportToWkt())
    for band in (1, 2, 3):
        dataset.GetRasterBand(band).Fill(60 * band)
    dataset = None
    cog = exports.export_raster(raster, str(tmp_path / "ortho_cog.tif"), "cog")
    opened = gdal.Open(cog)
    assert opened.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    assert opened.GetRasterBand(1).GetOverviewCount() >= 0 and opened.RasterXSize == 400
    for kind in ("mbtiles", "gpkg"):
        tiles_out = exports.export_raster(raster, str(tmp_path / ("ortho." + kind)), kind)
        opened = gdal.Open(tiles_out)
        assert "3857" in opened.GetProjection() or "Pseudo-Mercator" in opened.GetProjection()
        assert opened.GetRasterBand(1).ReadAsArray().max() > 0  # pixels, not an empty file
        opened = None
        if kind == "mbtiles":  # as every MBTiles the plugin writes: martin's agg_tiles_hash, true to its tiles
            with mbtiles.MBTilesReader(tiles_out) as reader:
                assert reader.metadata()["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())
    with pytest.raises(InputError, match="can be exported as"):
        exports.export_raster(raster, str(tmp_path / "x.sqlitedb"), "osmand")
