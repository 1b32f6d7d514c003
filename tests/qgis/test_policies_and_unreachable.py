"""Issue 15 through qgis_process, as a batch user runs it: usage policies and unreachable hosts."""

import os
import socket
import time

import pytest

from tests.qgis.conftest import make_process

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@pytest.mark.parametrize("algorithm", ["download_tiles", "estimate_tiles"])
def test_bulk_openstreetmap_is_refused_before_any_request(tmp_path, algorithm):
    output = tmp_path / "osm.mbtiles"
    completed = make_process("run", "ign_offline:" + algorithm, "--", "SOURCE=" + OSM, "AREA=toulouse",
                             "ZOOM_MIN=8", "ZOOM_MAX=17", "OUTPUT=" + str(output))
    said = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "OpenStreetMap tile usage policy" in said and "Refused before any request" in said
    assert said.count("OpenStreetMap tile usage policy") == 1  # one message
    assert "Traceback" not in said
    assert os.listdir(tmp_path) == []


def test_a_handful_of_openstreetmap_tiles_is_not_refused_for_policy(tmp_path):
    """Here, without a network, it ends quickly on a connection message (no policy refusal)."""
    start = time.monotonic()
    completed = make_process("run", "ign_offline:download_tiles", "--", "SOURCE=" + OSM, "AREA=toulouse",
                             "ZOOM_MIN=8", "ZOOM_MAX=10", "OUTPUT=" + str(tmp_path / "osm.mbtiles"))
    said = completed.stdout + completed.stderr
    assert time.monotonic() - start < 60
    assert "usage policy" not in said
    assert completed.returncode != 0 and "Cannot reach tile.openstreetmap.org" in said, said[-2000:]
    assert "Traceback" not in said
    assert os.listdir(tmp_path) == []


def test_an_unreachable_host_ends_within_a_minute_with_one_clear_message(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    template = "http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png".format(port)
    start = time.monotonic()
    completed = make_process("run", "ign_offline:download_tiles", "--", "SOURCE=" + template, "AREA=toulouse",
                             "ZOOM_MIN=8", "ZOOM_MAX=17", "OUTPUT=" + str(tmp_path / "x.mbtiles"))
    said = completed.stdout + completed.stderr
    assert time.monotonic() - start < 60
    assert completed.returncode != 0
    assert "Cannot reach 127.0.0.1: the connection was refused" in said and "Nothing was stored" in said
    assert "Traceback" not in said
    assert os.listdir(tmp_path) == []
