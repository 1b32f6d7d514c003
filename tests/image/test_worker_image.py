"""The worker image, run as a job would run it (`make test-image`: it builds the image first).

Three containers of the image take shards 1/3…3/3 of one plan from a stand-in WMTS on loopback, sharing one
budget in a real redis-server (MAX_RATE=20 for them all, not each); one is killed mid-run and started again on the
same volume (its shard resumes); a fourth container merges the shards. Every tile is in exactly one shard and the
merge holds them all, byte-equal to what the server sent; the server never served more than MAX_RATE+1 tiles in
any one second, across all workers. Podman with runc and cgroupfs, `--network host` (shared/notes/containers.md).
"""

import json
import os
import shutil
import subprocess
import time

import pytest

from core import mbtiles
from core.tiles import areas
from core.tiles import grid as tiles
from tests.support.rates import most_in_one_second
from tests.support.redis_server import RedisServer
from tests.support.wmts_server import StandInWmts

IMAGE = os.environ.get("IGN_OFFLINE_IMAGE")
PODMAN = ["podman", "--runtime", "runc", "--cgroup-manager=cgroupfs"]
LAYER = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
ZOOM_MAX = 16   # carcassonne z8-16: 515 tiles, about 26 s at 20 requests/s
MAX_RATE = 20
SECRET = "image-test-redis-password"

pytestmark = pytest.mark.skipif(not IMAGE or not shutil.which("podman"),
                                reason="`make test-image` builds the image and names it in IGN_OFFLINE_IMAGE")


def podman(*args, check=True, timeout=120):
    return subprocess.run(PODMAN + list(args), capture_output=True, text=True, check=check, timeout=timeout)


def busiest_second(times):
    """The gaps (ms) between the tiles of the busiest second, to see what bunched them."""
    times = sorted(times)
    best = max(range(len(times)), key=lambda i: sum(1 for t in times[i:] if t - times[i] < 1.0))
    window = [t for t in times[best:] if t - times[best] < 1.0]
    return "gaps (ms): {}".format([round(1000 * (b - a)) for a, b in zip(window, window[1:])])


class Workers:
    """Containers of the image on the test's volume, removed at the end whatever happens."""

    def __init__(self, volume, redis_url):
        self.volume = volume
        self.env = dict(os.environ, REDIS_URL=redis_url)
        self.names = []
        self.prefix = "ign-offline-test-{}".format(os.getpid())

    def start(self, name, *command):
        name = "{}-{}".format(self.prefix, name)
        podman("rm", "-f", name, check=False)
        # REDIS_URL from this process's environment (`-e NAME` alone): its password is on no command line
        subprocess.run(PODMAN + ["run", "-d", "--name", name, "--network", "host", "-e", "REDIS_URL",
                                 "-v", "{}:/data".format(self.volume), IMAGE] + list(command),
                       env=self.env, capture_output=True, text=True, check=True, timeout=120)
        if name not in self.names:
            self.names.append(name)
        return name

    def shard(self, index):
        return self.start("shard{}".format(index), "run", "ign_offline:run_plan", "--", "PLAN=/data/plan.json",
                          "LIBRARY=/data/shard{}".format(index), "SHARD={}/3".format(index),
                          "MAX_RATE={}".format(MAX_RATE), "LOAD=false")

    def wait(self, name, timeout=300):
        code = podman("wait", name, timeout=timeout).stdout.strip()
        return int(code.splitlines()[-1]), self.logs(name)

    def logs(self, name):
        found = podman("logs", name, check=False)
        return found.stdout + found.stderr

    def close(self):
        for name in self.names:
            podman("rm", "-f", name, check=False)


def stored(path):
    with mbtiles.MBTilesReader(str(path)) as reader:
        return {(z, x, y): data for z, x, y, data in reader.iter_tiles()}


def test_three_workers_one_budget_one_killed_then_merged(tmp_path):
    volume = tmp_path / "volume"
    volume.mkdir()
    os.chmod(volume, 0o777)  # the image runs as its own user
    expected = [(t.z, t.x, t.y) for t in tiles.iter_tiles(areas.PRESETS["carcassonne"].bbox, 8, ZOOM_MAX)]
    with StandInWmts() as server, RedisServer(password=SECRET) as redis:
        (volume / "plan.json").write_text(json.dumps({"source": server.url, "entries": [
            {"layer": LAYER, "area": "carcassonne", "zoom_min": 8, "zoom_max": ZOOM_MAX}]}))
        workers = Workers(str(volume), redis.url)
        try:
            names = [workers.shard(index) for index in (1, 2, 3)]
            # shard 2 killed once the job is well under way (about a third of the tiles served)
            deadline = time.monotonic() + 180
            while len(server.log.tiles(200)) < len(expected) // 3:
                assert time.monotonic() < deadline, "the workers served too few tiles: " + workers.logs(names[1])
                time.sleep(0.2)
            podman("kill", names[1])
            killed, _ = workers.wait(names[1])
            assert killed != 0
            assert (volume / "shard2" / (LAYER + ".mbtiles")).exists(), "shard 2 had begun its file"
            workers.shard(2)  # started again on the same volume: it resumes its shard
            outcomes = [workers.wait(name) for name in names]
            for (code, log), name in zip(outcomes, names):
                assert code == 0, name + ":\n" + log
                assert SECRET not in log
                assert "shared budget in Redis at redis://127.0.0.1:{}/0".format(redis.port) in log, log
            shard_files = ["/data/shard{}/{}.mbtiles".format(index, LAYER) for index in (1, 2, 3)]
            (volume / "merged").mkdir()
            os.chmod(volume / "merged", 0o777)
            merge = workers.start("merge", "run", "ign_offline:merge_mbtiles", "--",
                                  *["INPUTS=" + path for path in shard_files],
                                  "OUTPUT=/data/merged/{}.mbtiles".format(LAYER), "LOAD=false")
            code, log = workers.wait(merge)
            assert code == 0, log
        finally:
            workers.close()
        served = [entry[0] for entry in server.log.entries if entry[5] == 200]
        bodies = {tile: server.tile_body("image/png", *tile) for tile in expected}
    parts = [stored(volume / "shard{}".format(index) / (LAYER + ".mbtiles")) for index in (1, 2, 3)]
    assert sum(len(part) for part in parts) == len(expected), "every tile in exactly one shard"
    assert stored(volume / "merged" / (LAYER + ".mbtiles")) == bodies
    # one budget for the three: never more than MAX_RATE+1 tiles served in any one second
    assert most_in_one_second(served) <= MAX_RATE + 1, busiest_second(served)
    # the restarted shard fetched again at most what its last seconds had not yet written
    assert len(served) - len(expected) <= 2 * MAX_RATE


def test_a_kubernetes_index_becomes_the_shard(tmp_path):
    """JOB_COMPLETION_INDEX (from 0) and SHARD_COUNT make SHARD=index+1/count, as the Indexed Job of the docs
    relies on; a SHARD in the command wins."""
    volume = tmp_path / "volume"
    volume.mkdir()
    os.chmod(volume, 0o777)
    (volume / "plan.json").write_text(json.dumps({"source": "http://127.0.0.1:9/wmts", "entries": [
        {"layer": LAYER, "area": "carcassonne", "zoom_min": 8, "zoom_max": 9}]}))
    run = PODMAN + ["run", "--rm", "--network", "host", "-e", "JOB_COMPLETION_INDEX=1", "-e", "SHARD_COUNT=3",
                    "-v", "{}:/data".format(volume), IMAGE, "run", "ign_offline:run_plan", "--",
                    "PLAN=/data/plan.json", "LIBRARY=/data/library", "ESTIMATE_ONLY=true", "LOAD=false"]
    said = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert "SHARD:\t2/3" in said.stdout, said.stdout + said.stderr
    said = subprocess.run(run + ["SHARD=3/3"], capture_output=True, text=True, timeout=120)
    assert "SHARD:\t3/3" in said.stdout, said.stdout + said.stderr
