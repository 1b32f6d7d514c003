"""The offline library through Processing and qgis_process: run_plan, kill -9 and resume, refresh, shards,
merge_mbtiles, inventory, and recover_cache into the same files (issue 10)."""

import json
import os
import signal
import subprocess
import time

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from core import mbtiles
from core.tiles import coverage, polygons
from tests.qgis.conftest import MAKE_PROCESS, make_process
from tests.support.files import tree_digest
from tests.support.polygon_files import write_geojson
from tests.support.qt_cache_writer import write_entry
from tests.support.wmts_server import StandInWmts

PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"
INLINE = {"type": "Polygon", "coordinates": [[[1.32, 43.52], [1.48, 43.52], [1.40, 43.64], [1.32, 43.52]]]}


def tiles_of(polys, zooms):
    return {(z, x, y) for z in zooms for r in coverage.column_ranges(polys, z)
            for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)}


def write_plan(folder, source, preset="carcassonne", preset_zooms=(8, 14), ortho_zooms=(8, 13)):
    """Issue 10's plan: a preset at z8-14, a polygon file at z15, an inline polygon at z8-13 for the second layer."""
    os.makedirs(os.path.join(str(folder), "areas"), exist_ok=True)
    write_geojson(os.path.join(str(folder), "areas", "caves.geojson"), {
        "type": "Polygon", "coordinates": [[[2.31, 43.19], [2.35, 43.19], [2.33, 43.215], [2.31, 43.19]]]})
    path = os.path.join(str(folder), "plan.json")
    with open(path, "w") as stream:
        json.dump({"source": source, "entries": [
            {"layer": PLAN, "area": preset, "zoom_min": preset_zooms[0], "zoom_max": preset_zooms[1]},
            {"layer": PLAN, "area": "areas/caves.geojson", "zoom_min": 15, "zoom_max": 15},
            {"layer": ORTHO, "area": INLINE, "zoom_min": ortho_zooms[0], "zoom_max": ortho_zooms[1]}]}, stream)
    return path


def expected(folder, preset="carcassonne", preset_zooms=(8, 14), ortho_zooms=(8, 13)):
    from core.tiles import areas

    plan = tiles_of(polygons.from_bbox(*areas.PRESETS[preset].bbox), range(preset_zooms[0], preset_zooms[1] + 1))
    plan |= tiles_of(polygons.from_file(os.path.join(str(folder), "areas", "caves.geojson")), [15])
    return {PLAN: plan, ORTHO: tiles_of(polygons.from_geojson(INLINE), range(ortho_zooms[0], ortho_zooms[1] + 1))}


def stored(path):
    with mbtiles.MBTilesReader(str(path)) as reader:
        return {(z, x, y): d for z, x, y, d in reader.iter_tiles()}


def assert_exact(server, library, wanted):
    for layer, fmt in ((PLAN, "image/png"), (ORTHO, "image/jpeg")):
        tiles = stored(os.path.join(str(library), layer + ".mbtiles"))
        assert set(tiles) == wanted[layer], layer
        assert all(d == server.tile_body(fmt, z, x, y) for (z, x, y), d in tiles.items())


def test_kill_9_mid_run_then_run_again_is_complete_with_little_fetched_twice(tmp_path):
    """About 1,800 tiles at about 100 per second: a kill loses at most the second not yet committed."""
    bigger = dict(preset="montpellier", preset_zooms=(8, 16), ortho_zooms=(8, 15))
    library = tmp_path / "library"
    with StandInWmts(latency=0.02) as server:
        plan = write_plan(tmp_path, server.url, **bigger)
        wanted = expected(tmp_path, **bigger)
        total = sum(len(v) for v in wanted.values())
        command = [*MAKE_PROCESS,
                   "ARGS=run ign_offline:run_plan -- PLAN={} LIBRARY={} MAX_RATE=0 CONCURRENCY=2".format(plan, library)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 120
        while len(server.log.tiles(200)) < total // 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        first = len(server.log.tiles(200))
        assert total // 3 <= first < total
        completed = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + plan, "LIBRARY=" + str(library),
                                 "MAX_RATE=0", "CONCURRENCY=8")
        assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
        assert "already there" in completed.stdout
        assert_exact(server, library, wanted)
        fetched = server.log.counts()
        twice = sum(n - 1 for n in fetched.values() if n > 1)
        assert twice <= 0.10 * total, (twice, total)
        assert sorted(os.listdir(library)) == [PLAN + ".mbtiles", ORTHO + ".mbtiles"]

        # REFRESH_DAYS=0: every tile re-checked (conditional requests), none lost
        server.log.clear()
        completed = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + plan, "LIBRARY=" + str(library),
                                 "MAX_RATE=0", "CONCURRENCY=8", "REFRESH_DAYS=0")
        assert completed.returncode == 0, completed.stderr[-2000:]
        assert len(server.log.tiles(304)) == total and not server.log.tiles(200)
        assert_exact(server, library, wanted)


def test_three_shards_at_once_then_merge(processing, tmp_path):
    with StandInWmts() as server:
        plan = write_plan(tmp_path, server.url)
        wanted = expected(tmp_path)
        runs = [subprocess.Popen(
            [*MAKE_PROCESS, "ARGS=run ign_offline:run_plan -- PLAN={} LIBRARY={} SHARD={}/3 "
             "MAX_RATE=0".format(plan, tmp_path / "shard{}".format(i), i)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in (1, 2, 3)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert run.returncode == 0, err[-2000:]
        requests = server.log.counts()
        assert sum(requests.values()) == sum(len(v) for v in wanted.values())  # one request per tile in total
        for layer, fmt in ((PLAN, "image/png"), (ORTHO, "image/jpeg")):
            merged = tmp_path / "merged" / (layer + ".mbtiles")
            merged.parent.mkdir(exist_ok=True)
            results = processing.run("ign_offline:merge_mbtiles", {
                "INPUTS": [str(tmp_path / "shard{}".format(i) / (layer + ".mbtiles")) for i in (1, 2, 3)],
                "OUTPUT": str(merged), "LOAD": False})
            assert results["TILES"] == len(wanted[layer])
            tiles = stored(merged)
            assert set(tiles) == wanted[layer]
            assert all(d == server.tile_body(fmt, z, x, y) for (z, x, y), d in tiles.items())
            with mbtiles.MBTilesReader(str(merged)) as reader:
                assert mbtiles.metadata_problems(reader.metadata()) == []
        mixed = tmp_path / "mixed.mbtiles"
        with pytest.raises(QgsProcessingException, match="hold different tiles"):
            processing.run("ign_offline:merge_mbtiles", {
                "INPUTS": [str(tmp_path / "shard1" / (PLAN + ".mbtiles")),
                           str(tmp_path / "shard1" / (ORTHO + ".mbtiles"))],
                "OUTPUT": str(mixed), "LOAD": False})
        assert not mixed.exists()


def test_inventory_layer_and_report(processing, tmp_path):
    with StandInWmts() as server:
        plan = write_plan(tmp_path, server.url)
        library = tmp_path / "library"
        processing.run("ign_offline:run_plan", {"PLAN": plan, "LIBRARY": str(library), "MAX_RATE": 0,
                                                "LOAD": False})
        wanted = expected(tmp_path)
        results = processing.run("ign_offline:inventory", {
            "FOLDER": str(library), "PLAN": plan, "OUTPUT": str(tmp_path / "inventory.gpkg"),
            "REPORT": str(tmp_path / "report.html")})
    layer = QgsVectorLayer(results["OUTPUT"], "inventory", "ogr")
    assert layer.isValid() and layer.featureCount() == 8 + 6  # zooms 8-15 and 8-13
    by_key = {(f["layer"], f["zoom"]): f for f in layer.getFeatures()}
    for name, fmt in ((PLAN, "image/png"), (ORTHO, "image/jpeg")):
        for zoom in {z for z, _, _ in wanted[name]}:
            feature = by_key[(name, zoom)]
            tiles = [t for t in wanted[name] if t[0] == zoom]
            assert feature["tiles"] == len(tiles)
            assert feature["bytes"] == sum(len(server.tile_body(fmt, *t)) for t in tiles)
            assert feature["file"] == name + ".mbtiles" and not feature.geometry().isEmpty()
    report = (tmp_path / "report.html").read_text()
    assert PLAN in report and ORTHO in report and report.count("100.0%") == 3


def test_recovered_tiles_join_the_library_and_are_not_fetched_again(processing, tmp_path):
    with StandInWmts() as server:
        plan = write_plan(tmp_path, server.url)
        library = tmp_path / "library"
        library.mkdir()
        cache = tmp_path / "cache"
        cached = sorted(t for t in expected(tmp_path)[PLAN] if t[0] in (12, 13))[:3]
        for z, x, y in cached:
            url = ("{}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={}&STYLE=normal&FORMAT=image/png"
                   "&TILEMATRIXSET=PM_0_19&TILEMATRIX={}&TILEROW={}&TILECOL={}").format(server.url, PLAN, z, y, x)
            write_entry(str(cache), url, server.tile_body("image/png", z, x, y))
        processing.run("ign_offline:recover_cache", {"CACHE_DIR": str(cache), "OUTPUT_FOLDER": str(library),
                                                     "LOAD": False})
        assert os.listdir(library) == [PLAN + ".mbtiles"]
        processing.run("ign_offline:run_plan", {"PLAN": plan, "LIBRARY": str(library), "MAX_RATE": 0,
                                                "LOAD": False})
        fetched = [(e[1],) + tuple(e[2:5]) for e in server.log.entries if e[5] == 200]
        wanted = expected(tmp_path)
        assert not {(PLAN,) + t for t in cached} & set(fetched)
        assert len(fetched) == len(set(fetched)) == sum(len(v) for v in wanted.values()) - len(cached)
        assert_exact(server, library, wanted)


@pytest.mark.parametrize("plan_text, shard, fragment", [
    ("{\"source\": \"http://x\", \"entries\": [", "", "is not valid JSON"),
    ('{"source": "http://x", "entries": [{"area": "toulouse", "zoom_min": 8, "zoom_max": 9}]}', "",
     "entry 1, field 'layer'"),
    ('{"source": "http://x", "entries": [{"layer": "L", "area": "lyon", "zoom_min": 8, "zoom_max": 9}]}', "",
     "unknown preset 'lyon'"),
    ('{"source": "http://x", "entries": [{"layer": "L", "area": "none.gpkg", "zoom_min": 8, "zoom_max": 9}]}', "",
     "entry 1, field 'area'"),
    ('{"source": "http://x", "entries": [{"layer": "L", "area": "toulouse", "zoom_min": 9, "zoom_max": 8}]}', "",
     "field 'zoom_min': 9 is greater"),
    ('{"source": "http://x", "entries": [{"layer": "L", "area": "toulouse", "zoom_min": 8, "zoom_max": 9}]}', "0/3",
     "SHARD '0/3'"),
    ('{"source": "http://x", "entries": [{"layer": "L", "area": "toulouse", "zoom_min": 8, "zoom_max": 9}]}', "4/3",
     "SHARD '4/3'"),
])
def test_bad_input_through_qgis_process_one_message_nothing_written(tmp_path, plan_text, shard, fragment):
    (tmp_path / "plan.json").write_text(plan_text)
    library = tmp_path / "library"
    library.mkdir()
    (library / "keep.txt").write_text("mine")
    before = tree_digest(tmp_path)
    args = ["run", "ign_offline:run_plan", "--", "PLAN=" + str(tmp_path / "plan.json"), "LIBRARY=" + str(library)]
    if shard:
        args.append("SHARD=" + shard)
    completed = make_process(*args)
    said = completed.stdout + completed.stderr
    assert completed.returncode != 0 and fragment in said, said[-1500:]
    assert "Traceback" not in said
    assert tree_digest(tmp_path) == before
