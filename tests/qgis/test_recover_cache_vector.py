"""recover_cache of vector tiles QGIS itself cached (issue 22, part V5): QGIS 3.22 draws a vector tile layer of the
TMS stand-in into its network cache; the recovered vector MBTiles loads and draws with the server gone."""

import gzip
import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QSize

from core import mbtiles
from tests.support.files import tree_digest
from tests.support.qgis_render import render_into_cache
from tests.support.tms_server import DATA_BBOX, StandInTms, make_tiles

LAYER = "PLAN.IGN"


def extent_3857(bbox):
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    return transform.transformBoundingBox(QgsRectangle(*bbox))


def painted_pixels(layer, zoom_extent):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(256, 256))
    settings.setExtent(zoom_extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    return sum(1 for x in range(0, 256, 2) for y in range(0, 256, 2) if image.pixel(x, y) >> 24)


def test_vector_tiles_qgis_cached_are_recovered_into_a_vector_mbtiles_that_draws_offline(processing, project,
                                                                                          tmp_path):
    cache_dir = tmp_path / "qgis-cache"
    extent = extent_3857(DATA_BBOX)
    with StandInTms() as server:
        online = QgsVectorTileLayer("type=xyz&url={}&zmin=8&zmax=14".format(server.template(LAYER)), "Plan")
        render_into_cache([online], cache_dir, extent)
        served = set(server.log.tiles(200))
        project.addMapLayer(online)  # its template is what tells the rows of these 127.0.0.1 tiles
    assert served
    plain = make_tiles(LAYER)[0]
    before = tree_digest(cache_dir)
    out = tmp_path / "out"
    result = processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(cache_dir), "OUTPUT_FOLDER": str(out)})
    assert tree_digest(cache_dir) == before  # the cache was only read
    assert result["TILES_RECOVERED"] == len(served)
    path = result["MBTILES"]
    with mbtiles.MBTilesReader(path) as reader:
        metadata = reader.metadata()
        stored = {(z, x, y): bytes(d) for z, x, y, d in reader.iter_tiles()}
    assert set(stored) == served
    assert all(gzip.decompress(body) == plain[key] for key, body in stored.items())  # as served, gzip for QGIS
    assert metadata["format"] == "pbf" and mbtiles.metadata_problems(metadata) == []
    assert {layer["id"] for layer in json.loads(metadata["json"])["vector_layers"]} == {
        layer["id"] for layer in make_tiles(LAYER)[1]}
    # the server is gone: the recovered file, loaded by the algorithm, is a vector tile layer that draws
    (loaded,) = [layer for layer in project.mapLayers().values() if layer.source().endswith(".mbtiles")
                 or "mbtiles" in layer.source()]
    assert loaded.providerType() == "vectortile" and loaded.isValid()
    assert painted_pixels(loaded, extent) > 50


def test_a_vector_tile_connection_of_qgis_tells_the_rows_of_its_cached_tiles(provider):
    """QGIS 3.22 keeps its vector tile connections under qgis/connections-vector-tile/<name>/url (its
    QgsVectorTileProviderConnection, not in the Python API of 3.22)."""
    from ign_offline.toolbelt.qgis_cache import address_book

    template = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.pbf"
    settings = QgsSettings()
    tile = "http://127.0.0.1:9/tiles/12/2073/1500.pbf"
    assert address_book(None).locate(tile).reason  # unknown rows before the connection exists
    settings.setValue("qgis/connections-vector-tile/ign-offline-test/url", template)
    try:
        key, z, x, y = address_book(None).locate(tile, "application/x-protobuf")
    finally:
        settings.remove("qgis/connections-vector-tile/ign-offline-test")
    assert (z, x, y) == (12, 2073, 1500) and key.format == "application/x-protobuf" and key.source == template
