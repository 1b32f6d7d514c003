"""Vector tiles of the Géoplateforme TMS (stand-in on 127.0.0.1) through Processing and qgis_process: download,
load and render in QGIS 3.22, GDAL reads the layers, kill -9 and resume, hostile answers, estimates."""

import gzip
import json
import os
import signal
import subprocess
import time

import pytest
from qgis.core import (
    QgsVectorTileLayer,
)

from core import mbtiles
from core.tiles import areas
from core.tiles import grid as tiles
from tests.qgis.conftest import MAKE_PROCESS, make_process
from tests.qgis.test_download_tiles import journal_done
from tests.support import qgis_render
from tests.support.feedback import Recording
from tests.support.tms_server import StandInTms

TOULOUSE = areas.PRESETS["toulouse"]


@pytest.fixture()
def server():
    with StandInTms() as stand_in:
        yield stand_in


def stored(path):
    with mbtiles.MBTilesReader(str(path)) as reader:
        return {(z, x, y): data for z, x, y, data in reader.iter_tiles()}


def painted_pixels(layer, bbox, size=256):
    """How many pixels QGIS paints (not the white background) rendering `layer` over a lon/lat box."""
    return qgis_render.painted_pixels(qgis_render.render_image([layer], qgis_render.lonlat_extent(bbox),
                                                               qgis_render.MERCATOR, size))


def test_plan_ign_over_a_preset_at_zooms_8_to_14_loads_renders_and_opens_in_gdal(processing, project, server,
                                                                                    tmp_path):
    output = str(tmp_path / "PLAN.IGN.mbtiles")
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.root, "LAYER": "PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 8, "ZOOM_MAX": 14,
        "OUTPUT": output, "MAX_RATE": 0, "LOAD": True})
    requested = set(server.log.tiles())
    assert result["TILES_FAILED"] == 0 and result["TILES_DOWNLOADED"] + result["TILES_EMPTY"] == len(requested)
    got = stored(output)
    assert got and got == {t: server.served("PLAN.IGN", *t) for t in requested
                           if server.served("PLAN.IGN", *t) is not None}  # byte-exact (served gzip)
    with mbtiles.MBTilesReader(output) as reader:
        metadata = reader.metadata()
    assert metadata["format"] == "pbf" and (metadata["minzoom"], metadata["maxzoom"]) == ("8", "14")
    assert [v["id"] for v in json.loads(metadata["json"])["vector_layers"]] == [
        "routier_route", "bati_surf", "toponyme"]
    # what QGIS 3.22 reads: the layer the download added, and a fresh one, drawing at the last zoom and beyond
    loaded = [layer for layer in project.mapLayers().values() if isinstance(layer, QgsVectorTileLayer)]
    assert len(loaded) == 1 and loaded[0].isValid() and loaded[0].sourceMaxZoom() == 14
    layer = QgsVectorTileLayer("type=mbtiles&url={}".format(output), "plan")
    assert layer.isValid()
    assert painted_pixels(layer, TOULOUSE.bbox) > 500
    assert painted_pixels(layer, (1.42, 43.58, 1.44, 43.60)) > 200  # ≈ zoom 14 on 256 px (0.02° ≈ 2.2 km)
    listed = subprocess.run(["ogrinfo", "-ro", "-q", output], capture_output=True, text=True, timeout=60).stdout
    assert all(name in listed for name in ("routier_route", "bati_surf", "toponyme")), listed


def test_plain_tiles_are_stored_gzip_so_qgis_draws_them(processing, tmp_path):
    with StandInTms(gzip=False) as server:
        output = str(tmp_path / "plain.mbtiles")
        processing.run("ign_offline:download_tiles", {
            "SOURCE": server.root + "/PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 8, "ZOOM_MAX": 12,
            "OUTPUT": output, "MAX_RATE": 0, "LOAD": False})
        for (z, x, y), data in stored(output).items():
            assert gzip.decompress(data) == server.served("PLAN.IGN", z, x, y)
    assert painted_pixels(QgsVectorTileLayer("type=mbtiles&url={}".format(output), "p"), TOULOUSE.bbox) > 500


def test_a_hostile_answer_is_never_stored_and_the_run_says_so(processing, server, tmp_path):
    tile = (14, 8255, 5983)
    server.fault("PLAN.IGN", tile, *["html"] * 5)
    server.fault("PLAN.IGN", (14, 8255, 5984), *["cut"] * 5)
    feedback = Recording()
    output = str(tmp_path / "p.mbtiles")
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.root, "LAYER": "PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 14, "ZOOM_MAX": 14,
        "OUTPUT": output, "MAX_RATE": 0, "LOAD": False}, feedback=feedback)
    assert result["TILES_FAILED"] == 2
    assert tile not in stored(output) and (14, 8255, 5984) not in stored(output)
    said = "\n".join(feedback.lines)
    assert "not a vector tile" in said and "14/8255/5983" in said, said


def test_estimate_names_the_layer_and_weighs_vector_tiles(processing, server):
    feedback = Recording()
    result = processing.run("ign_offline:estimate_tiles", {
        "SOURCE": server.root, "LAYER": "PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 8, "ZOOM_MAX": 12,
        "MAX_RATE": 0}, feedback=feedback)
    assert result["TOTAL"] == 23 and result["EXPECTED_BYTES"] > 0 and result["ETA_SECONDS"] > 0


def test_killed_qgis_process_resumes_fetching_at_most_a_tenth_again(tmp_path):
    with StandInTms(latency=0.1) as server:
        output = str(tmp_path / "PLAN.IGN.mbtiles")
        args = ["run", "ign_offline:download_tiles", "--", "SOURCE=" + server.root, "LAYER=PLAN.IGN",
                "AREA=toulouse", "ZOOM_MIN=8", "ZOOM_MAX=14", "OUTPUT=" + output, "CONCURRENCY=2", "MAX_RATE=0",
                "LOAD=false"]
        process = subprocess.Popen([*MAKE_PROCESS, "ARGS=" + " ".join(args)],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not os.path.exists(output) or journal_done(output) < 20):
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        first = set(server.log.tiles())
        total = sum(tiles.count_tiles(TOULOUSE.bbox, 8, 14).values())
        assert 20 <= len(first) < total, "the kill came too late to test a resume"
        server.log.clear()
        completed = make_process("run", "ign_offline:download_tiles", "--json", "--", *args[3:])
        assert completed.returncode == 0, completed.stdout[-2000:]
        again = set(server.log.tiles()) & first
        assert len(again) <= 0.1 * total, (len(again), len(first))
        final = stored(output)
        assert final == {t: server.served("PLAN.IGN", *t) for t in first | set(server.log.tiles())
                         if server.served("PLAN.IGN", *t) is not None}


def test_in_french_an_unknown_layer_and_a_refused_tile_are_said_in_french(french, provider, server, tmp_path):
    from tests.qgis.test_french_messages import said_by

    lines = said_by("download_tiles", {"SOURCE": server.root, "LAYER": "BDTOPO", "AREA": "toulouse",
                                       "ZOOM_MIN": 8, "ZOOM_MAX": 9, "OUTPUT": str(tmp_path / "b.mbtiles")})
    assert "n'a pas de couche de tuiles vectorielles « BDTOPO »" in lines[-1], lines
    assert "Il sert en tuiles vectorielles : PLAN.IGN, PCI." in lines[-1], lines
    server.fault("PLAN.IGN", (14, 8255, 5983), *["html"] * 5)
    feedback = Recording()
    import processing as qgis_processing

    qgis_processing.run("ign_offline:download_tiles", {
        "SOURCE": server.root, "LAYER": "PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 14, "ZOOM_MAX": 14,
        "OUTPUT": str(tmp_path / "p.mbtiles"), "MAX_RATE": 0, "LOAD": False}, feedback=feedback)
    said = "\n".join(feedback.lines)
    assert "not a vector tile" not in said
    assert "pas une tuile vectorielle (" in said and "14/8255/5983" in said, said
