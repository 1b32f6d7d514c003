"""Export targets (issue 21): the field apps' formats and caps, the names the files get, extensions fixed or
refused, PMTiles read back by the pmtiles reader, an Avenza GeoTIFF read by GDAL, sizes known before running."""

import os

import pytest
from osgeo import gdal

from core.errors import InputError
from core.field import exports, formats
from core.messages import Size
from core.tiles import coverage
from core.tiles import grid as tiles
from tests.support.images import png_tile
from tests.unit.test_exports import CARCASSONNE, noise_png, source

gdal.UseExceptions()


@pytest.fixture()
def small(tmp_path):
    bodies = {(t.z, t.x, t.y): png_tile((t.x % 256, t.y % 256, t.z * 10)) for t in tiles.iter_tiles(CARCASSONNE, 8, 12)}
    return source(tmp_path, bodies), bodies


def test_every_target_names_formats_the_export_writes_and_a_cap():
    names = {f.name for f in formats.EXPORT_FORMATS}
    assert [t.name for t in formats.TARGETS] == ["qfield", "osmand", "locus", "alpinequest", "avenza", "web"]
    for target in formats.TARGETS:
        assert target.formats and set(target.formats) <= names and target.label and target.notes
        assert target.cap_mb in (0, formats.APPS_MB, formats.FAT32_MB)
    assert formats.target("osmand").formats == ("osmand",) and formats.target("qfield").formats[0] == "mbtiles"
    assert formats.target_format(formats.target("avenza")) == "geotiff"
    assert formats.target_format(formats.target("avenza"), tiles=False) == "cog"  # a raster input
    assert formats.target_format(formats.target("qfield"), "gpkg") == "gpkg"
    with pytest.raises(InputError, match="OsmAnd opens osmand, not FORMAT mbtiles"):
        formats.target_format(formats.target("osmand"), "mbtiles")
    with pytest.raises(InputError, match="cannot be made from this INPUT"):
        formats.target_format(formats.target("osmand"), tiles=False)
    with pytest.raises(InputError, match="Unknown TARGET 'garmin'"):
        formats.target("garmin")
    # The existing FORMAT numbers keep their meaning: new formats come after them.
    assert [f.name for f in formats.EXPORT_FORMATS][:4] == ["mbtiles", "osmand", "gpkg", "cog"]


def test_default_names_say_layer_area_and_zooms_and_are_safe_everywhere(tmp_path):
    library = str(tmp_path)
    path = formats.default_output(library, "osmand", "Plan IGN v2", "Pyrénées-Orientales / Côte", 8, 14, "osmand")
    assert path == os.path.join(library, "exports", "osmand", "Plan_IGN_v2_Pyrenees-Orientales_Cote_z8-14.sqlitedb")
    name = os.path.basename(formats.default_output(library, "web", "a:b\\c*?\"<>|", "..", 3, 3, "pmtiles"))
    assert name == "a_b_c_export_z3-3.pmtiles"
    assert formats.safe_file_part("Zone : Mont-Blanc (été)") == "Zone_Mont-Blanc_ete"
    assert len(formats.safe_file_part("x" * 300)) == 60


def test_extensions_are_added_when_missing_and_a_known_other_one_is_refused():
    assert formats.output_with_extension("/d/OUTPUT.file", "mbtiles") == "/d/OUTPUT.file.mbtiles"
    assert formats.output_with_extension("/d/plan", "gpkg") == "/d/plan.gpkg"
    assert formats.output_with_extension("/d/plan.GPKG", "gpkg") == "/d/plan.GPKG"
    assert formats.output_with_extension("/d/plan.tif", "geotiff") == "/d/plan.tif"
    with pytest.raises(InputError) as refused:
        formats.output_with_extension("/d/x.tif", "gpkg")
    assert "'/d/x.tif' names a GeoTIFF file but FORMAT gpkg writes GeoPackage" in str(refused.value)
    assert "'/d/x.gpkg'" in str(refused.value) and refused.value.message.template.startswith("OUTPUT '{}'")
    with pytest.raises(InputError, match="names a MBTiles file"):
        formats.output_with_extension("/d/x.mbtiles", "osmand")


def test_pmtiles_are_read_back_by_the_pmtiles_reader_tile_for_tile(small, tmp_path):
    from pmtiles.reader import MmapSource, Reader, all_tiles
    from pmtiles.tile import TileType

    path, bodies = small
    (part,) = exports.export(path, str(tmp_path / "plan.pmtiles"), "pmtiles", 9, 11)
    with open(part.path, "rb") as stream:
        reader = Reader(MmapSource(stream))
        header, metadata = reader.header(), reader.metadata()
        read = {zxy: bytes(data) for zxy, data in all_tiles(reader.get_bytes)}
        assert reader.get(10, *next((x, y) for (z, x, y) in bodies if z == 10)) is not None
    assert read == {k: v for k, v in bodies.items() if 9 <= k[0] <= 11}
    assert (header["min_zoom"], header["max_zoom"], header["tile_type"]) == (9, 11, TileType.PNG)
    assert 2.2 < header["min_lon_e7"] / 1e7 < 2.31 and 43.25 <= header["max_lat_e7"] / 1e7 < 43.4
    assert metadata["name"] == "Plan IGN v2" and metadata["attribution"] == "© IGN"


def test_avenza_geotiff_is_a_tiled_jpeg_raster_of_the_highest_zoom_with_overviews(small, tmp_path):
    path, _ = small
    (part,) = exports.export(path, str(tmp_path / "plan.tif"), "geotiff", 10, 12)
    assert part.path == str(tmp_path / "plan.tif") and sorted(os.listdir(tmp_path)) == ["plan.tif", "source.mbtiles"]
    dataset = gdal.Open(part.path)
    assert dataset.GetDriver().ShortName == "GTiff" and dataset.RasterCount == 3
    assert dataset.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") in ("JPEG", "YCbCr JPEG")
    assert dataset.GetRasterBand(1).GetBlockSize()[0] < dataset.RasterXSize  # tiled
    assert dataset.GetRasterBand(1).GetOverviewCount() >= 1 and dataset.RasterXSize > 256  # lower zooms
    size = 2 * coverage.ORIGIN / (256 * 2 ** 12)
    assert abs(dataset.GetGeoTransform()[1] - size) < 1e-6 * size  # zoom 12's pixels


def test_expected_size_is_known_before_and_close_to_what_is_written(small, tmp_path):
    path, bodies = small
    count, size = exports.expected_size(path, 8, 12)
    assert count == len(bodies) and isinstance(size, Size)
    (part,) = exports.export(path, str(tmp_path / "plan.mbtiles"), "mbtiles")
    assert 0.5 < os.path.getsize(part.path) / size.bytes < 1.5
    ranges = [r for z in range(10, 12) for r in coverage.area_ranges(exports_area(), z)]
    count_area, size_area = exports.expected_size(path, 10, 11, ranges)
    assert 0 < count_area < count and size_area.bytes < size.bytes
    assert exports.expected_size(path, 15, 16) == (0, Size(0))
    (tmp_path / "real").mkdir()
    real = source(tmp_path / "real", {(t.z, t.x, t.y): noise_png(t.x * 7 + t.y) for t in tiles.iter_tiles(
        CARCASSONNE, 8, 13)})  # tiles of real sizes (about 37 kB)
    count, size = exports.expected_size(real, 8, 13)
    (part,) = exports.export(real, str(tmp_path / "real.sqlitedb"), "osmand")
    assert 0.9 < os.path.getsize(part.path) / size.bytes < 1.1
    assert exports.zoom_span(path) == (8, 12)


def exports_area():
    from core.tiles import areas

    return areas.bbox_area(2.33, 43.20, 2.36, 43.22, "bit")
