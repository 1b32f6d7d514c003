"""Vector tiles (.pbf) in QGIS's network cache recovered into vector MBTiles (issue 22, part V5; no QGIS).

Bodies are real Mapbox vector tiles made by GDAL's MVT driver (tests/support/tms_server.make_tiles), written into
hand-made Qt cache files as Qt would have stored them: gzip as served, or already inflated by Qt.
"""

import gzip
import json

import pytest
from osgeo import gdal

from core import mbtiles
from core.cache import recovery as cache_recovery
from core.cache import scan as cache_scan
from core.cache.addresses import AddressBook
from core.vector import mvt
from tests.support.images import png_tile
from tests.support.qt_cache_writer import write_entry
from tests.support.tms_server import make_tiles

gdal.UseExceptions()
ROOT = "https://data.geopf.fr/tms/1.0.0"
TEMPLATE = "https://tiles.example.org/data/v3/{z}/{x}/{y}.pbf"


def folders(tmp_path, *names):
    for name in names:
        (tmp_path / name).mkdir()
    return [str(tmp_path / name) for name in names]


def tms_url(z, x, y, layer="PLAN.IGN", ext="pbf"):
    return "{}/{}/{}/{}/{}.{}".format(ROOT, layer, z, x, y, ext)


def stored(path):
    with mbtiles.MBTilesReader(path) as reader:
        return {(z, x, y): bytes(d) for z, x, y, d in reader.iter_tiles()}, reader.metadata()


@pytest.fixture(scope="module")
def plan():
    tiles, vector_layers = make_tiles("PLAN.IGN")
    chosen = sorted(key for key in tiles if key[0] in (12, 13))[:6]
    return {key: tiles[key] for key in chosen}, vector_layers


def fill(folder, plan, metadata=True, one_pass_order=False):
    """The cache of a QGIS that drew PLAN.IGN from the TMS: half the tiles gzip as served (Content-Encoding kept
    by Qt), half already inflated; the layer's metadata.json; a raster TMS tile of the same layer; decoys."""
    tiles, vector_layers = plan
    for index, (key, body) in enumerate(sorted(tiles.items())):
        if index % 2:
            write_entry(folder, tms_url(*key), gzip.compress(body, mtime=0), "application/x-protobuf")
        else:  # Qt inflated it; the headers still say gzip and the compressed length
            write_entry(folder, tms_url(*key), body, "application/x-protobuf", qt6=True,
                        extra_headers=[("Content-Encoding", "gzip")])
    if metadata:
        write_entry(folder, ROOT + "/PLAN.IGN/metadata.json", json.dumps({
            "name": "Plan IGN", "attribution": "IGN-F/Géoplateforme", "minzoom": 0, "maxzoom": 18,
            "vector_layers": vector_layers}).encode(), "application/json")
    write_entry(folder, tms_url(12, 2073, 1500, ext="png"), png_tile((9, 9, 9)))
    # decoys: an error page and a cut tile at .pbf addresses
    write_entry(folder, tms_url(13, 1, 1), b"<html><body>Service unavailable</body></html>", "text/html")
    write_entry(folder, tms_url(13, 2, 2), gzip.compress(next(iter(tiles.values())), mtime=0)[:40],
                "application/x-protobuf")


@pytest.mark.parametrize("one_pass", [True, False])
def test_cached_pbf_tiles_of_the_tms_become_a_vector_mbtiles(plan, tmp_path, one_pass):
    folder, (out,) = str(tmp_path / "cache"), folders(tmp_path, "out")
    fill(folder, plan)
    if one_pass:
        scan, stats = cache_recovery.scan_and_recover(folder, out)
    else:
        scan = cache_scan.scan_cache(folder)
        stats = cache_recovery.recover(scan, out)
    tiles, vector_layers = plan
    by_format = {item.key.format: item.path for item in stats.files}
    assert set(by_format) == {"application/x-protobuf", "image/png"}  # never mixed
    assert by_format["application/x-protobuf"] != by_format["image/png"]
    written, metadata = stored(by_format["application/x-protobuf"])
    # every tile stored gzip (as QGIS 3.22 reads them), its content byte for byte what was served
    assert set(written) == set(tiles)
    assert all(mvt.is_gzip(body) and gzip.decompress(body) == tiles[key] for key, body in written.items())
    assert metadata["format"] == "pbf" and mbtiles.metadata_problems(metadata) == []
    assert metadata["ign_offline:source"] == ROOT  # as a download from the TMS names it: one file for both
    assert json.loads(metadata["json"])["vector_layers"] == vector_layers  # the cached metadata.json's, fields too
    assert metadata["name"] == "Plan IGN" and "IGN" in metadata["attribution"]
    skipped = scan.skipped + stats.skipped
    assert sum(n for reason, n in skipped.items() if str(reason).startswith("invalid vector tile")) == 2
    assert skipped[cache_scan.TILE_METADATA_READ] == 1
    raster, _ = stored(by_format["image/png"])
    assert list(raster) == [(12, 2073, 1500)]
    # GDAL reads the file as vector tiles and lists the layers
    dataset = gdal.OpenEx(by_format["application/x-protobuf"], gdal.OF_VECTOR)
    names = {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
    assert names == {layer["id"] for layer in vector_layers}


def test_without_metadata_the_layers_are_read_from_the_tiles_of_a_known_template(plan, tmp_path):
    folder, (out, nothing) = str(tmp_path / "cache"), folders(tmp_path, "out", "nothing")
    tiles, vector_layers = plan
    for key, body in tiles.items():
        write_entry(folder, TEMPLATE.format(z=key[0], x=key[1], y=key[2]), gzip.compress(body, mtime=0),
                    "application/vnd.mapbox-vector-tile")
    unknown = cache_recovery.scan_and_recover(folder, nothing)[1]
    assert unknown.files == []  # rows of an unknown template are not guessed
    _, stats = cache_recovery.scan_and_recover(folder, out, book=AddressBook([TEMPLATE]))
    (item,) = stats.files
    written, metadata = stored(item.path)
    assert {key: gzip.decompress(body) for key, body in written.items()} == tiles
    assert metadata["format"] == "pbf" and metadata["ign_offline:source"] == TEMPLATE
    assert sorted(layer["id"] for layer in json.loads(metadata["json"])["vector_layers"]) == sorted(
        layer["id"] for layer in vector_layers)


def test_a_rerun_merges_vector_tiles_into_the_same_file(plan, tmp_path):
    tiles, _ = plan
    keys = sorted(tiles)
    first, second, (out,) = str(tmp_path / "c1"), str(tmp_path / "c2"), folders(tmp_path, "out")
    for folder, part in ((first, keys[:3]), (second, keys[3:])):
        for key in part:
            write_entry(folder, tms_url(*key), gzip.compress(tiles[key], mtime=0), "application/x-protobuf")
    one = cache_recovery.scan_and_recover(first, out)[1].files[0].path
    two = cache_recovery.scan_and_recover(second, out)[1].files[0].path
    assert one == two
    written, metadata = stored(one)
    assert set(written) == set(tiles) and metadata["format"] == "pbf"
