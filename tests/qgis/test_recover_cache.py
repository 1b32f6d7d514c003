"""recover_cache on caches written by real Qt and by QGIS itself."""

import json
import os

import mercantile
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsRasterLayer
from qgis.PyQt.QtCore import QByteArray, QDateTime, QUrl
from qgis.PyQt.QtNetwork import QNetworkCacheMetaData, QNetworkDiskCache, QNetworkRequest

from core import mbtiles
from core.tiles import areas
from core.tiles import grid as tiles
from tests.qgis.conftest import make_process
from tests.support.files import tree_digest
from tests.support.qgis_render import render_into_cache
from tests.support.wmts_server import StandInWmts, colour_of

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
KEY = "cache-secret-key"


def tile_url(server, z, x, y, layer=PLAN, fmt="image/png"):
    return ("{}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={}&STYLE=normal&FORMAT={}&TILEMATRIXSET=PM_0_19"
            "&TILEMATRIX={}&TILEROW={}&TILECOL={}&apikey={}").format(server.url, layer, fmt, z, y, x, KEY)


def insert(cache, url, body, content_type, status=200):
    meta = QNetworkCacheMetaData()
    meta.setUrl(QUrl(url))
    meta.setSaveToDisk(True)
    meta.setLastModified(QDateTime.currentDateTimeUtc())
    meta.setAttributes({QNetworkRequest.HttpStatusCodeAttribute: status})
    meta.setRawHeaders([(b"Content-Type", content_type.encode()), (b"Content-Length", str(len(body)).encode()),
                        (b"Date", b"Mon, 02 Nov 2026 10:00:00 GMT")])
    device = cache.prepare(meta)
    device.write(QByteArray(body))
    cache.insert(device)


@pytest.fixture()
def qt_cache(tmp_path):
    """A cache filled through Qt's own QNetworkDiskCache API (then closed: we never read it with Qt)."""
    folder = tmp_path / "qtcache"
    cache = QNetworkDiskCache()
    cache.setCacheDirectory(str(folder))
    server = StandInWmts()  # only used to make bodies: no socket is opened
    expected = {}
    for tile in tiles.iter_tiles(areas.PRESETS["carcassonne"].bbox, 12, 13):
        body = server.tile_body("image/png", tile.z, tile.x, tile.y)
        insert(cache, tile_url(server, tile.z, tile.x, tile.y), body, "image/png")
        expected[(tile.z, tile.x, tile.y)] = body
    insert(cache, server.url + "?SERVICE=WMTS&REQUEST=GetCapabilities", b"<Capabilities>" + b"x" * 3000 +
           b"</Capabilities>", "text/xml")
    insert(cache, "https://example.org/notes.txt", b"plain text " * 100, "text/plain")
    insert(cache, tile_url(server, 12, 1, 1), b"<ExceptionReport/>", "text/xml", status=404)
    server.server.server_close()
    del cache
    return folder, expected


def test_recover_a_cache_written_by_qt(processing, project, qt_cache, tmp_path):
    folder, expected = qt_cache
    assert any(n.endswith(".d") for _, _, names in os.walk(folder) for n in names)
    before = tree_digest(folder)
    out = tmp_path / "offline"
    result = processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(folder), "OUTPUT_FOLDER": str(out)})
    assert tree_digest(folder) == before
    assert result["TILES_RECOVERED"] == len(expected)
    assert result["FILES_SCANNED"] == len(expected) + 3 and result["FILES_SKIPPED"] == 3
    path = str(out / (PLAN + ".mbtiles"))
    assert result["MBTILES"] == path
    with mbtiles.MBTilesReader(path) as reader:
        assert {(z, x, y): d for z, x, y, d in reader.iter_tiles()} == expected
        assert mbtiles.metadata_problems(reader.metadata()) == []
    with open(path, "rb") as stream:
        assert KEY.encode() not in stream.read()
    dataset = gdal.Open(path)
    gt = dataset.GetGeoTransform()
    checked = 0
    for z, x, y in expected:
        b = mercantile.xy_bounds(x, y, z)
        col = int(((b.left + b.right) / 2 - gt[0]) / gt[1])
        row = int(((b.top + b.bottom) / 2 - gt[3]) / gt[5])
        if z == 13 and 0 <= col < dataset.RasterXSize and 0 <= row < dataset.RasterYSize:
            assert tuple(dataset.GetRasterBand(i).ReadRaster(col, row, 1, 1)[0] for i in (1, 2, 3)) == colour_of(x, y)
            checked += 1
    assert checked >= 4
    group = project.layerTreeRoot().findGroup("IGN Offline")
    assert [c.layer().source() for c in group.findLayers()] == [path]
    again = processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(folder), "OUTPUT_FOLDER": str(out),
                                                          "LOAD": False})
    assert again["TILES_RECOVERED"] == 0
    assert os.listdir(out) == [PLAN + ".mbtiles"]


def test_bad_cache_folders(processing, tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(tmp_path / "nope"),
                                                      "OUTPUT_FOLDER": str(tmp_path / "out")})
    (tmp_path / "empty").mkdir()
    with pytest.raises(QgsProcessingException, match="holds no Qt network cache"):
        processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(tmp_path / "empty"),
                                                      "OUTPUT_FOLDER": str(tmp_path / "o")})
    (tmp_path / "empty" / "data8").mkdir()
    with pytest.raises(QgsProcessingException, match="inside the cache folder"):
        processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(tmp_path / "empty"),
                                                      "OUTPUT_FOLDER": str(tmp_path / "empty" / "out")})
    assert os.listdir(tmp_path) == ["empty"]


def test_recover_what_qgis_itself_cached(tmp_path):
    """QGIS renders a WMTS layer from the stand-in into its own cache; qgis_process recovers it."""
    cache_dir = tmp_path / "qgis-cache"
    with StandInWmts() as server:
        uri = ("crs=EPSG:3857&dpiMode=7&format=image/png&layers={}&styles=normal&tileMatrixSet=PM_0_19"
               "&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(PLAN, server.url)
        render_into_cache([QgsRasterLayer(uri, "plan", "wms")], cache_dir)
        served = {t: server.tile_body("image/png", *t) for t in server.log.tiles(200)}
    assert served
    before = tree_digest(cache_dir)
    out = tmp_path / "out"
    completed = make_process("run", "ign_offline:recover_cache", "--json", "--", "CACHE_DIR=" + str(cache_dir),
                             "OUTPUT_FOLDER=" + str(out))
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
    assert results["TILES_RECOVERED"] == len(served)
    assert tree_digest(cache_dir) == before
    with mbtiles.MBTilesReader(str(out / (PLAN + ".mbtiles"))) as reader:
        assert {(z, x, y): d for z, x, y, d in reader.iter_tiles()} == served


def test_a_recovered_set_takes_its_title_and_attribution_from_cached_capabilities(processing, project, tmp_path):
    """Issue 21: a recovered layer was named "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", attributed to "127.0.0.1:8711"."""
    from tests.support.wmts_server import LAYERS, capabilities

    folder = tmp_path / "qtcache"
    cache = QNetworkDiskCache()
    cache.setCacheDirectory(str(folder))
    server = StandInWmts()  # only used to make bodies: no socket is opened
    body = capabilities(LAYERS, server.url)
    insert(cache, server.url + "?SERVICE=WMTS&REQUEST=GetCapabilities",
           body if isinstance(body, bytes) else body.encode(), "text/xml")
    for tile in tiles.iter_tiles(areas.PRESETS["carcassonne"].bbox, 12, 12):
        insert(cache, tile_url(server, tile.z, tile.x, tile.y), server.tile_body("image/png", *tile), "image/png")
    server.server.server_close()
    del cache
    out = tmp_path / "offline"
    result = processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(folder), "OUTPUT_FOLDER": str(out)})
    with mbtiles.MBTilesReader(result["MBTILES"]) as reader:
        metadata = reader.metadata()
    assert metadata["name"] == "Plan IGN v2" and metadata["attribution"] == "ROK4 Team"
    group = project.layerTreeRoot().findGroup("IGN Offline")
    # issue 30: told from the library's file of the same layer, which has the same title
    assert [c.layer().name() for c in group.findLayers()] == ["Plan IGN v2 (recovered from the cache)"]
