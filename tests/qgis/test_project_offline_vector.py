"""make_project_offline with an online vector tile layer the library lacks (issue 22, part V5): its tiles are
downloaded from the TMS stand-in into a vector MBTiles, and the copy opens and draws with the server stopped."""

import gzip
import json
import os

import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProject,
    QgsVectorTileBasicRenderer,
    QgsVectorTileLayer,
)

from core import mbtiles
from core.field import projects
from tests.support import qgis_render
from tests.support.tms_server import StandInTms, make_tiles

LAYER = "PLAN.IGN"
EXTENT = "{},{},{},{} [EPSG:4326]".format(1.40, 1.46, 43.58, 43.62)


def painted_pixels(layer, bbox=(1.40, 43.58, 1.46, 43.62), size=256):
    """Pixels QGIS draws of `layer` over the lon/lat box (not the white background)."""
    return qgis_render.painted_pixels(qgis_render.render_image([layer], qgis_render.lonlat_extent(bbox),
                                                               qgis_render.MERCATOR, size))


def online_project(tmp_path, template, zmax=12):
    online = QgsVectorTileLayer("type=xyz&url={}&zmin=8&zmax={}".format(template, zmax), "Plan IGN vecteur")
    assert online.isValid()
    online.setRenderer(QgsVectorTileBasicRenderer())
    online.renderer().setStyles(QgsVectorTileBasicRenderer.simpleStyleWithRandomColors())
    online.setOpacity(0.7)  # a project setting that must survive
    project = QgsProject()
    project.addMapLayer(online)
    path = str(tmp_path / "project" / "field.qgz")
    os.makedirs(os.path.dirname(path))
    assert project.write(path)
    return path, [s.styleName() for s in online.renderer().styles()]  # the layer goes with its project


def test_an_online_vector_tile_layer_the_library_lacks_is_downloaded_and_the_copy_draws_offline(processing,
                                                                                                 tmp_path):
    output = str(tmp_path / "offline")
    with StandInTms() as server:
        project_path, styles = online_project(tmp_path, server.template(LAYER))
        result = processing.run("ign_offline:make_project_offline", {
            "PROJECT": project_path, "EXTENT": EXTENT, "ZOOM_MIN": 10, "ZOOM_MAX": 14, "OUTPUT_FOLDER": output})
        served = set(server.log.tiles(200))
        assert server.documents == ["/tms/1.0.0/{}/metadata.json".format(LAYER)]  # the TMS's metadata was read
    assert "vector tiles at zoom 10-12" in result["REPORT"]  # the layer's zmax: it overzooms beyond
    assert served and all(z <= 12 for z, _, _ in served)
    path = os.path.join(output, "basemaps", "Plan_IGN_vecteur.mbtiles")
    plain, vector_layers = make_tiles(LAYER)
    with mbtiles.MBTilesReader(path) as reader:
        metadata = reader.metadata()
        stored = {(z, x, y): bytes(d) for z, x, y, d in reader.iter_tiles()}
    assert set(stored) == served
    assert all(gzip.decompress(body) == plain[key] for key, body in stored.items())
    assert metadata["format"] == "pbf" and json.loads(metadata["json"])["vector_layers"] == vector_layers
    # the server is stopped: the copy opens with no network, as a local vector tile layer that draws
    copy = QgsProject()
    assert copy.read(result["PROJECT_OFFLINE"])
    (layer,) = copy.mapLayers().values()
    assert layer.isValid() and layer.providerType() == "vectortile" and "http" not in layer.source()
    assert [s.styleName() for s in layer.renderer().styles()] == styles
    assert layer.opacity() == pytest.approx(0.7)
    assert painted_pixels(layer) > 50
    assert painted_pixels(layer, (1.42, 43.59, 1.425, 43.595)) > 50  # zoom ~16: beyond its last zoom, overzoomed
    assert [item.kind for item in projects.read_project(result["PROJECT_OFFLINE"]).layers] == [projects.FILE]


def test_an_online_vector_tile_layer_whose_server_is_gone_is_left_out_with_a_note(processing, tmp_path):
    with StandInTms() as server:
        template = server.template(LAYER)
    project_path, _ = online_project(tmp_path, template)
    with pytest.raises(QgsProcessingException, match="No layer of the project could be taken offline"):
        processing.run("ign_offline:make_project_offline", {
            "PROJECT": project_path, "EXTENT": EXTENT, "ZOOM_MIN": 10, "ZOOM_MAX": 12,
            "OUTPUT_FOLDER": str(tmp_path / "out")})


def test_in_french_the_downloaded_vector_layer_is_said_in_french(french, processing, tmp_path):
    with StandInTms() as server:
        project_path, _ = online_project(tmp_path, server.template(LAYER))
        result = processing.run("ign_offline:make_project_offline", {
            "PROJECT": project_path, "EXTENT": EXTENT, "ZOOM_MIN": 10, "ZOOM_MAX": 11,
            "OUTPUT_FOLDER": str(tmp_path / "hors-ligne")})
    assert "Plan IGN vecteur : " in result["REPORT"] and "tuiles vectorielles aux zooms 10-11" in result["REPORT"]
    assert "vector tiles" not in result["REPORT"]
