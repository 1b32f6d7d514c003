"""REDIS_URL and WORKERS on download_tiles and run_plan: the job's requests go through the shared budget of a real
redis-server (its key for the host holds the next slot), said in the log without any password; a password in the
parameter (kept in Processing's history) is refused; after the run each process paces itself again."""

import json
import os

import pytest
from qgis.core import QgsProcessingException

from core import http
from core.resp import RedisClient, parse_url
from tests.support.feedback import Recording
from tests.support.redis_server import REDIS_SERVER, RedisServer
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"

pytestmark = pytest.mark.skipif(not os.path.exists(REDIS_SERVER), reason="redis-server: run `make setup`")


@pytest.fixture()
def redis(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    with RedisServer(password="pw-of-the-team") as server:
        yield server


def budget_keys(redis):
    return {key.decode() for key in RedisClient(parse_url(redis.url)).call("KEYS", "ign-offline:*")}


def test_download_tiles_takes_its_requests_from_redis(processing, redis, tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", redis.url)  # the password travels in the environment, never in a parameter
    feedback = Recording()
    with StandInWmts() as server:
        result = processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 11,
            "OUTPUT": str(tmp_path / "plan.mbtiles"), "MAX_RATE": 50, "WORKERS": 2, "LOAD": False},
            feedback=feedback)
        host = server.url.split("/")[2]
    assert result["TILES_DOWNLOADED"] > 0 and result["TILES_FAILED"] == 0
    assert "ign-offline:{{{}}}:tiles:tat".format(host) in budget_keys(redis)
    said = [line for line in feedback.lines if "shared budget" in line]
    assert said and "127.0.0.1:{}".format(redis.port) in said[0] and "1/2" in said[0]
    assert not any("pw-of-the-team" in line for line in feedback.lines)
    assert isinstance(http.limiter_for(host, "tiles"), http.HostLimiter)  # released after the run


def test_a_password_in_the_parameter_is_refused_unsaid(processing, redis, tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"source": "http://127.0.0.1:9/wmts", "entries": [
        {"layer": PLAN, "area": "carcassonne", "zoom_min": 8, "zoom_max": 9}]}))
    with pytest.raises(QgsProcessingException, match="REDIS_URL") as caught:
        processing.run("ign_offline:run_plan", {"PLAN": str(plan), "LIBRARY": str(tmp_path / "library"),
                                                 "REDIS_URL": redis.url, "LOAD": False})
    assert "pw-of-the-team" not in str(caught.value) and "environment" in str(caught.value)
