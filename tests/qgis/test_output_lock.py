"""Two qgis_process runs of different layers into one OUTPUT, started together (issue 19, item 3)."""

import os
import subprocess

import pytest

from core import mbtiles
from core.tiles import areas
from core.tiles import grid as tiles
from tests.qgis.conftest import MAKE_PROCESS, ROOT
from tests.support.wmts_server import StandInWmts

LAYERS = {"GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2": "image/png", "ORTHOIMAGERY.ORTHOPHOTOS": "image/jpeg"}
REFUSED = "is being written by another run (a download of "


def start(server, layer, output):
    args = ["run", "ign_offline:download_tiles", "--", "SOURCE=" + server.url, "LAYER=" + layer,
            "AREA=carcassonne", "ZOOM_MIN=10", "ZOOM_MAX=13", "OUTPUT=" + output, "CONCURRENCY=1", "MAX_RATE=0",
            "LOAD=false"]
    return subprocess.Popen([*MAKE_PROCESS, "ARGS=" + " ".join(args)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


@pytest.mark.parametrize("round_", range(2))
def test_two_layers_into_one_output_at_once(tmp_path, round_):
    expected = [(t.z, t.x, t.y) for t in tiles.iter_tiles(areas.PRESETS["carcassonne"].bbox, 10, 13)]
    output = str(tmp_path / "shared.mbtiles")
    with StandInWmts(latency=0.5) as server:  # 16 tiles one by one: each run lasts 8 s, so the two overlap
        runs = {layer: start(server, layer, output) for layer in LAYERS}
        outcomes = {layer: (run.wait(timeout=300), run.stdout.read()) for layer, run in runs.items()}
        bodies = {layer: {t: server.tile_body(fmt, *t) for t in expected} for layer, fmt in LAYERS.items()}
    for code, text in outcomes.values():
        assert "Traceback" not in text, text[-3000:]
    winners = [layer for layer, (code, _) in outcomes.items() if code == 0]
    assert len(winners) == 1, {layer: text[-1500:] for layer, (_, text) in outcomes.items()}
    (loser,) = set(LAYERS) - set(winners)
    assert REFUSED + winners[0] in outcomes[loser][1], outcomes[loser][1][-2000:]
    with mbtiles.MBTilesReader(output) as reader:
        assert reader.metadata()["ign_offline:layer"] == winners[0]
        stored = {(z, x, y): data for z, x, y, data in reader.iter_tiles()}
    assert stored == bodies[winners[0]]  # all the winner's tiles, and only those
    assert sorted(os.listdir(tmp_path)) == ["shared.mbtiles"]  # no lock file, no side file left


def test_output_equal_to_input_under_any_name_is_refused_through_qgis_process(tmp_path):
    from tests.qgis.conftest import make_process
    from tests.support.files import tree_digest
    from tests.support.sample_mbtiles import write_sample

    source = str(tmp_path / "library.mbtiles")
    write_sample(source, areas.PRESETS["carcassonne"], 8, 12, "Plan")
    os.symlink(source, str(tmp_path / "link.mbtiles"))
    before = tree_digest(tmp_path)
    relative = os.path.join(".", os.path.relpath(source, ROOT))  # qgis_process runs in ROOT (make -C)
    runs = [("export_tiles", ["INPUT=" + source, "FORMAT=mbtiles", "ZOOM_MIN=8", "ZOOM_MAX=10", "OUTPUT=" + output])
            for output in (source, relative, str(tmp_path / "link.mbtiles"))]
    runs += [("merge_mbtiles", ["INPUTS=" + source, "OUTPUT=" + output])
             for output in (relative, str(tmp_path / "link.mbtiles"))]
    for algorithm, args in runs:
        completed = make_process("run", "ign_offline:" + algorithm, "--", *args)
        text = completed.stdout + completed.stderr
        assert completed.returncode != 0 and "is the same file as the input" in text, (algorithm, args, text[-2000:])
        assert "Traceback" not in text
    assert tree_digest(tmp_path) == before  # the input byte for byte, and nothing else written
