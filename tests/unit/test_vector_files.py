"""Vector MBTiles (format pbf, made by GDAL's MVT driver) downstream: inventory, merge, Field export, projects."""

import json
import subprocess

import pytest
from osgeo import ogr

from core import mbtiles
from core.errors import InputError
from core.field import exports, formats, projects
from core.library import inventory, merge
from tests.support import vector_samples
from tests.support.sample_mbtiles import write_sample

EAST = (2.36, 48.84, 2.42, 48.88)


@pytest.fixture()
def vector(tmp_path):
    gdal_file = vector_samples.gdal_vector_mbtiles(str(tmp_path / "gdal.mbtiles"), str(tmp_path))
    return vector_samples.ours(gdal_file, str(tmp_path / "PLAN.IGN.mbtiles"))


def _metadata(path):
    with mbtiles.MBTilesReader(path) as reader:
        return reader.metadata()


def _tiles(path):
    with mbtiles.MBTilesReader(path) as reader:
        return {(z, x, y): data for z, x, y, data in reader.iter_tiles()}


def test_inventory_lists_a_vector_file_as_vector_with_its_layers(vector, tmp_path):
    rows, unreadable = inventory.inventory_folder(str(tmp_path))
    assert not unreadable
    ours = [row for row in rows if row.file == "PLAN.IGN.mbtiles"]
    assert [row.zoom for row in ours] == [10, 11, 12, 13, 14]
    assert all(row.is_vector and row.format == "pbf" and row.vector_layers == "roads" for row in ours)
    page = inventory.html_report(str(tmp_path), rows)
    assert "Vector tiles; layers: roads." in page


def test_a_raster_is_not_listed_as_vector(tmp_path):
    from core.tiles import areas

    write_sample(str(tmp_path / "r.mbtiles"), areas.PRESETS["carcassonne"], 10, 10, "r")
    rows, _ = inventory.inventory_folder(str(tmp_path))
    assert rows and not any(row.is_vector or row.vector_layers for row in rows)


def test_vector_files_of_one_layer_merge_with_their_layers_joined(tmp_path, vector):
    west = vector
    other = tmp_path / "east"
    other.mkdir()
    gdal_east = vector_samples.gdal_vector_mbtiles(str(other / "gdal.mbtiles"), str(other), 12, 15, EAST, "water")
    east = vector_samples.ours(gdal_east, str(other / "PLAN.IGN.mbtiles"))
    output = str(tmp_path / "merged.mbtiles")
    total = merge.merge([west, east], output)
    merged = _tiles(output)
    assert total == len(merged)
    for path in (west, east):  # every tile byte for byte, where they do not overlap
        for key, data in _tiles(path).items():
            assert key in merged
    assert set(_tiles(west)) | set(_tiles(east)) == set(merged)
    metadata = _metadata(output)
    assert metadata["format"] == "pbf"
    layers = {layer["id"]: layer for layer in json.loads(metadata["json"])["vector_layers"]}
    assert set(layers) == {"roads", "water"}
    assert (layers["roads"]["minzoom"], layers["water"]["maxzoom"]) == (10, 15)


def test_vector_and_raster_files_are_never_merged(tmp_path, vector):
    from core.tiles import areas

    raster = str(tmp_path / "raster" / "PLAN.IGN.mbtiles")
    (tmp_path / "raster").mkdir()
    with mbtiles.MBTilesWriter(raster) as writer:
        writer.update_metadata({"format": "png", "ign_offline:source": vector_samples.TMS_ROOT,
                                "ign_offline:layer": "PLAN.IGN", "ign_offline:style": "",
                                "ign_offline:format": "image/png"})
    write_sample(raster, areas.PRESETS["carcassonne"], 10, 10, "r")
    output = str(tmp_path / "out.mbtiles")
    with pytest.raises(InputError, match="vector and raster files are never merged") as caught:
        merge.merge([vector, raster], output)
    assert "PLAN.IGN.mbtiles" in str(caught.value)
    assert not (tmp_path / "out.mbtiles").exists()


def test_merged_json_widens_zooms_and_unites_fields():
    a = json.dumps({"vector_layers": [{"id": "roads", "minzoom": 5, "maxzoom": 10, "fields": {"a": "String"}}],
                    "tilestats": {}})
    b = json.dumps({"vector_layers": [{"id": "roads", "minzoom": 3, "maxzoom": 8, "fields": {"b": "Number"}},
                                      {"id": "rail"}]})
    merged = json.loads(merge.merged_json([a, None, b]))
    assert "tilestats" not in merged
    roads, rail = merged["vector_layers"]
    assert (roads["minzoom"], roads["maxzoom"], roads["fields"], rail["id"]) == (3, 10, {"a": "String",
                                                                                         "b": "Number"}, "rail")
    assert merge.merged_json([None, "not json"]) is None


def test_vector_mbtiles_export_copies_tiles_and_ogrinfo_lists_the_layers(vector, tmp_path):
    output = str(tmp_path / "qfield.mbtiles")
    parts = exports.export(vector, output, "mbtiles", 10, 13)
    assert [(p.zoom_min, p.zoom_max) for p in parts] == [(10, 13)]
    source, copied = _tiles(vector), _tiles(output)
    assert copied == {key: data for key, data in source.items() if key[0] <= 13}  # bytes as they were
    metadata = _metadata(output)
    assert metadata["format"] == "pbf" and json.loads(metadata["json"])["vector_layers"][0]["id"] == "roads"
    listing = subprocess.run(["ogrinfo", "-ro", "-q", output], capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0 and "roads" in listing.stdout, listing.stderr
    dataset = ogr.Open(output)
    assert dataset.GetLayerByName("roads").GetFeatureCount() > 0


def test_vector_pmtiles_is_mvt_and_reads_back_with_the_same_library(vector, tmp_path):
    from pmtiles.reader import MmapSource, Reader, all_tiles
    from pmtiles.tile import Compression, TileType

    output = str(tmp_path / "web.pmtiles")
    exports.export(vector, output, "pmtiles")
    with open(output, "rb") as stream:
        reader = Reader(MmapSource(stream))
        header, metadata = reader.header(), reader.metadata()
        read = {key: data for key, data in all_tiles(reader.get_bytes)}
    assert header["tile_type"] == TileType.MVT and header["tile_compression"] == Compression.GZIP
    assert read == _tiles(vector)
    assert metadata["vector_layers"][0]["id"] == "roads"


def test_vector_tiles_never_go_as_they_are_into_a_picture_format(vector, tmp_path):
    with pytest.raises(InputError, match="holds vector tiles: FORMAT osmand holds pictures"):
        exports.export(vector, str(tmp_path / "x.sqlitedb"), "osmand")
    assert not list(tmp_path.glob("x.sqlitedb*"))


@pytest.mark.parametrize("target, kind, expected", [
    ("qfield", "", ("mbtiles", False)), ("web", "", ("pmtiles", False)), ("osmand", "", ("osmand", True)),
    ("locus", "", ("osmand", True)), ("locus", "mbtiles", ("mbtiles", True)), ("alpinequest", "", ("mbtiles", True)),
    ("avenza", "", ("geotiff", True)), ("qfield", "gpkg", ("gpkg", True)), (None, "", ("mbtiles", False)),
    (None, "pmtiles", ("pmtiles", False)), (None, "osmand", ("osmand", True))])
def test_vector_plan_renders_only_for_picture_apps_and_formats(target, kind, expected):
    assert formats.vector_plan(formats.target(target) if target else None, kind) == expected


def test_vector_plan_refuses_a_raster_only_format():
    with pytest.raises(InputError, match="FORMAT cog is for rasters"):
        formats.vector_plan(None, "cog")


@pytest.mark.parametrize("source, layer", [
    ("type=xyz&url=https://data.geopf.fr/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18", "PLAN.IGN"),
    ("styleUrl=https://x/s.json&type=xyz&url=http://127.0.0.1:8080/tms/1.0.0/PCI/{z}/{x}/{y}.pbf", "PCI"),
    ("type=xyz&url=https://tiles.example.org/v/{z}/{x}/{y}.pbf", None)])
def test_online_vector_tile_layers_are_tile_layers(tmp_path, source, layer):
    found = projects.classify("id1", "Plan", "vectortile", source, str(tmp_path))
    assert found.kind == projects.TILE and found.vector
    assert found.tile_source["layer"] == layer
    assert found.tile_source["endpoint"].endswith(".pbf")


def test_a_local_vector_tile_layer_is_a_file_and_an_odd_one_is_left_out(tmp_path, vector):
    local = projects.classify("id1", "Plan", "vectortile", "type=mbtiles&url=" + vector, str(tmp_path))
    assert local.kind == projects.FILE and local.path == vector
    odd = projects.classify("id2", "Plan", "vectortile", "type=xyz&url=https://x/{z}/{x}/{y}.png", str(tmp_path))
    assert odd.kind == projects.OTHER
