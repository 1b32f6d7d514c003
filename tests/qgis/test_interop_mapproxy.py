"""Interoperability with MapProxy 7, a real WMTS/TMS server nobody here wrote (issue 14).

Downloads through its WMTS KVP endpoint, its RESTful capabilities, its REST tiles as an XYZ
template and its TMS with {-y}; recovery of a cache QGIS itself filled by rendering those layers.
"""

import os
from urllib.parse import quote

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsRasterLayer

from core import mbtiles
from tests.support.files import tree_digest
from tests.support.mapproxy_server import MapProxy
from tests.support.qgis_render import render_into_cache
from tests.support.slippy import expected_counts

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


@pytest.fixture(scope="module")
def mapproxy(tmp_path_factory):
    with MapProxy(tmp_path_factory.mktemp("mapproxy")) as server:
        yield server


def stored(path):
    with mbtiles.MBTilesReader(str(path)) as reader:
        return {(z, x, y): data for z, x, y, data in reader.iter_tiles()}, reader.metadata()


@pytest.mark.parametrize("kind", ["kvp", "rest_capabilities", "rest_xyz", "tms"])
def test_every_tile_of_the_area_byte_identical_whatever_the_mapproxy_endpoint(mapproxy, processing, tmp_path, kind):
    source = getattr(mapproxy, kind)
    output = tmp_path / "osm.mbtiles"
    parameters = {"SOURCE": source, "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 13, "OUTPUT": str(output),
                  "MAX_RATE": 0, "LOAD": False}
    if kind in ("kvp", "rest_capabilities"):
        parameters["LAYER"] = "osm"
    results = processing.run("ign_offline:download_tiles", parameters)
    expected = expected_counts(CARCASSONNE, 8, 13)
    assert results["TILES_DOWNLOADED"] == sum(expected.values()) and results["TILES_FAILED"] == 0
    tiles, metadata = stored(output)
    assert {z: sum(1 for t in tiles if t[0] == z) for z in expected} == expected
    for (z, x, y), data in tiles.items():
        assert data == mapproxy.tile(z, x, y), "tile {}/{}/{} differs from MapProxy's".format(z, x, y)
    assert mbtiles.metadata_problems(metadata) == []
    assert "IGN" not in metadata["attribution"]
    if kind in ("kvp", "rest_capabilities"):
        assert metadata["name"] == "MapProxy debug layer" and metadata["ign_offline:layer"] == "osm"
    else:
        assert metadata["ign_offline:layer"].startswith("127.0.0.1/")


def mapproxy_layers(mapproxy):
    kvp = QgsRasterLayer(
        "crs=EPSG:3857&dpiMode=7&format=image/png&layers=osm&styles=default&tileMatrixSet=GLOBAL_WEBMERCATOR"
        "&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities".format(mapproxy.kvp), "kvp", "wms")
    rest = QgsRasterLayer(
        "crs=EPSG:3857&dpiMode=7&format=image/png&layers=osm&styles=default&tileMatrixSet=GLOBAL_WEBMERCATOR"
        "&url={}".format(mapproxy.rest_capabilities), "rest", "wms")
    tms = QgsRasterLayer("type=xyz&url={}&zmax=19&zmin=0".format(quote(mapproxy.tms, safe=":/")), "tms", "wms")
    return kvp, rest, tms


def recover(processing, project, cache_dir, output, feedback=None):
    context = QgsProcessingContext()
    context.setProject(project)
    return processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(cache_dir), "OUTPUT_FOLDER": str(output),
                                                        "LOAD": False}, context=context,
                          feedback=feedback or QgsProcessingFeedback())


def test_recovering_a_cache_qgis_filled_from_mapproxy_puts_every_tile_at_its_address(
        mapproxy, processing, project, tmp_path):
    cache_dir = tmp_path / "qgis-cache"
    layers = mapproxy_layers(mapproxy)
    render_into_cache(layers, cache_dir)
    before = tree_digest(cache_dir)

    # QGIS knows the {-y} layer (it is in the project): every tile is placed, at its true address.
    project.addMapLayers(layers)
    out = tmp_path / "known"
    results = recover(processing, project, cache_dir, out)
    assert tree_digest(cache_dir) == before
    files = sorted(os.listdir(out))
    assert len(files) == 3, files  # KVP, REST and TMS tile sets
    total = 0
    for name in files:
        tiles, metadata = stored(out / name)
        assert tiles, name
        total += len(tiles)
        for (z, x, y), data in tiles.items():
            assert data == mapproxy.tile(z, x, y), "{}: tile {}/{}/{} is not MapProxy's".format(name, z, x, y)
        west, south, east, north = (float(v) for v in metadata["bounds"].split(","))
        assert west < 2.40 and east > 2.30 and south < 43.25 and north > 43.18, (name, metadata["bounds"])
    assert results["TILES_RECOVERED"] == total

    # Unknown to QGIS, the {-y} layer's tiles are skipped, never written upside down.
    project.clear()
    project.addMapLayers(mapproxy_layers(mapproxy)[:2])
    out = tmp_path / "unknown"
    feedback = Messages()
    recover(processing, project, cache_dir, out, feedback)
    files = sorted(os.listdir(out))
    assert len(files) == 2 and not any("tiles_1.0.0" in name for name in files), files
    for name in files:
        tiles, _ = stored(out / name)
        for (z, x, y), data in tiles.items():
            assert data == mapproxy.tile(z, x, y)
    assert "row order unknown" in feedback.text

    # Nothing known at all (MapProxy's capabilities never reach QGIS's cache): nothing is written.
    project.clear()
    out = tmp_path / "nothing"
    feedback = Messages()
    results = recover(processing, project, cache_dir, out, feedback)
    assert results["TILES_RECOVERED"] == 0 and os.listdir(out) == []
    assert "matrix set 'GLOBAL_WEBMERCATOR' unknown" in feedback.text and "row order unknown" in feedback.text


class Messages(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.text = ""

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.text += info + "\n"
