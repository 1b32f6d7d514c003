import hashlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import time

import pytest
from qgis.core import QgsProcessingException

from core import mbtiles
from core.tiles import areas
from core.tiles import grid as tiles
from tests.qgis.conftest import MAKE_PROCESS, make_process
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


@pytest.fixture()
def server():
    with StandInWmts() as stand_in:
        yield stand_in


def expected_tiles(zmin, zmax, key="carcassonne"):
    return [(t.z, t.x, t.y) for t in tiles.iter_tiles(areas.PRESETS[key].bbox, zmin, zmax)]


def stored(path):
    with mbtiles.MBTilesReader(str(path)) as reader:
        return {(z, x, y): data for z, x, y, data in reader.iter_tiles()}


def test_download_and_load(processing, project, server, tmp_path):
    output = str(tmp_path / "carcassonne plan.mbtiles")
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 13,
        "OUTPUT": output, "MAX_RATE": 0})
    expected = expected_tiles(10, 13)
    assert (result["TILES_DOWNLOADED"], result["TILES_SKIPPED"], result["TILES_EMPTY"], result["TILES_FAILED"]) == (
        len(expected), 0, 0, 0)
    assert result["OUTPUT"] == output
    assert stored(output) == {t: server.tile_body("image/png", *t) for t in expected}
    group = project.layerTreeRoot().findGroup("IGN Offline")
    (layer,) = [child.layer() for child in group.findLayers()]
    assert layer.name() == "Plan IGN v2" and layer.isValid() and layer.source() == output
    again = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 13,
        "OUTPUT": output, "MAX_RATE": 0})
    assert (again["TILES_DOWNLOADED"], again["TILES_SKIPPED"]) == (0, len(expected))
    assert len(group.findLayers()) == 1


def test_zooms_outside_the_layer_are_clamped_with_a_message(processing, project, server, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)

    feedback = Recorder()
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.url, "LAYER": "ELEVATION.SLOPES", "AREA": "carcassonne", "ZOOM_MIN": 13, "ZOOM_MAX": 16,
        "OUTPUT": str(tmp_path / "slopes.mbtiles"), "MAX_RATE": 0, "LOAD": False}, feedback=feedback)
    assert result["TILES_DOWNLOADED"] == len(expected_tiles(13, 14))
    assert any("has zoom levels 6-14: downloading 13-14 instead of 13-16" in line for line in feedback.lines)
    with pytest.raises(QgsProcessingException, match="has zoom levels 6-14 only; you asked 15-16"):
        processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": "ELEVATION.SLOPES", "AREA": "carcassonne", "ZOOM_MIN": 15,
            "ZOOM_MAX": 16, "OUTPUT": str(tmp_path / "slopes2.mbtiles")})


def sha256(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def test_bad_inputs_are_refused_before_any_request(processing, project, server, tmp_path):
    notes = tmp_path / "notes.mbtiles"
    notes.write_text("field notes")
    before = sha256(notes)
    base = {"SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 11}
    cases = [
        (dict(OUTPUT=str(notes)), "not an MBTiles file: IGN Offline leaves it untouched"),
        (dict(OUTPUT=str(tmp_path / "missing" / "deeper" / "x.mbtiles")), "does not exist"),
        (dict(OUTPUT=str(tmp_path / "x.mbtiles"), ZOOM_MIN=12), "greater than the maximum zoom"),
        (dict(OUTPUT=str(tmp_path / "x.mbtiles"), AREA="nimes"), "Unknown area 'nimes'"),
    ]
    for change, message in cases:
        with pytest.raises(QgsProcessingException, match=re.escape(message)):
            processing.run("ign_offline:download_tiles", dict(base, **change))
    assert server.log.entries == [] and server.request_times == []
    assert sha256(notes) == before
    assert sorted(os.listdir(tmp_path)) == ["notes.mbtiles"]
    with pytest.raises(QgsProcessingException, match="Did you mean GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"):
        processing.run("ign_offline:download_tiles", dict(base, LAYER="PLANIGNV2", OUTPUT=str(tmp_path / "y.mbtiles")))
    assert server.log.entries == []


def test_api_key_from_the_auth_database(processing, project, server, tmp_path, basic_auth):
    config_id = basic_auth("Géoplateforme SCAN", "", server.api_key)  # the key as password, user left empty
    output = str(tmp_path / "scan.mbtiles")
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.private_url, "LAYER": "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", "AREA": "carcassonne",
        "ZOOM_MIN": 12, "ZOOM_MAX": 12, "OUTPUT": output, "AUTHCFG": config_id, "MAX_RATE": 0})
    assert result["TILES_DOWNLOADED"] == len(expected_tiles(12, 12))
    with open(output, "rb") as stream:
        assert server.api_key.encode() not in stream.read()
    project_file = str(tmp_path / "p.qgs")
    project.write(project_file)
    with open(project_file, "rb") as stream:
        assert server.api_key.encode() not in stream.read()


def test_a_basic_login_from_the_auth_database_is_sent_as_http_basic(processing, server, tmp_path, basic_auth):
    server.api_key = None
    server.basic = ("geopf-basic-user", "geopf-basic-pass")
    config_id = basic_auth("Géoplateforme BASIC", "geopf-basic-user", "geopf-basic-pass")
    output = str(tmp_path / "scan.mbtiles")
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": server.private_url, "LAYER": "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", "AREA": "carcassonne",
        "ZOOM_MIN": 12, "ZOOM_MAX": 12, "OUTPUT": output, "AUTHCFG": config_id, "MAX_RATE": 0, "LOAD": False})
    assert result["TILES_DOWNLOADED"] == len(expected_tiles(12, 12)) and server.refused == 0
    with open(output, "rb") as stream:
        assert b"geopf-basic-pass" not in stream.read()


def test_estimate_samples_the_server(processing, server, tmp_path):
    result = processing.run("ign_offline:estimate_tiles", {
        "SOURCE": server.url, "LAYER": "ORTHOIMAGERY.ORTHOPHOTOS", "AREA": "carcassonne", "ZOOM_MIN": 10,
        "ZOOM_MAX": 13, "OUTPUT": str(tmp_path / "o.mbtiles"), "MAX_RATE": 0})
    sizes = [len(server.tile_body("image/jpeg", *t)) for t in expected_tiles(10, 13)]
    assert result["EXPECTED_BYTES"] == pytest.approx(sum(sizes), rel=0.05)
    assert result["ETA_SECONDS"] > 0
    assert os.listdir(tmp_path) == []


def journal_done(path):
    db = sqlite3.connect("file:{}?mode=ro".format(path), uri=True)
    try:
        return db.execute("SELECT COUNT(*) FROM tile_journal WHERE status = 'done'").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0
    finally:
        db.close()


def test_killed_qgis_process_resumes_without_refetching(tmp_path):
    with StandInWmts(latency=0.05) as server:
        output = str(tmp_path / "killed.mbtiles")
        args = ["run", "ign_offline:download_tiles", "--", "SOURCE=" + server.url, "LAYER=" + PLAN,
                "AREA=carcassonne", "ZOOM_MIN=8", "ZOOM_MAX=15", "OUTPUT=" + output, "CONCURRENCY=2", "MAX_RATE=0"]
        process = subprocess.Popen([*MAKE_PROCESS, "ARGS=" + " ".join(args)],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not os.path.exists(output) or journal_done(output) < 20):
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        db = sqlite3.connect(output)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
        first = set(stored(output))
        expected = expected_tiles(8, 15)
        assert 20 <= len(first) < len(expected), "the kill came too late to test a resume"
        server.log.clear()
        completed = make_process("run", "ign_offline:download_tiles", "--json", "--", *args[3:])
        assert completed.returncode == 0, completed.stdout[-2000:]
        results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
        refetched = set(server.log.tiles())
        assert refetched & first == set()
        assert results["TILES_SKIPPED"] == len(first)
        assert results["TILES_DOWNLOADED"] == len(expected) - len(first)
        final = stored(output)
        assert final == {t: server.tile_body("image/png", *t) for t in expected}
