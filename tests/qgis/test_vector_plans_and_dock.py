"""Vector tiles in plans and the dock (issue 22, part V4): a plan of PLAN.IGN from the TMS stand-in (tiles and styles
on one loopback host, as on data.geopf.fr) through qgis_process, its styles saved, then with the server gone the file
loads with a saved style, draws at its last zoom and beyond with no font or sprite warning, and switches style."""

import json

import pytest
from qgis.core import QgsVectorTileLayer

from core import mbtiles
from core.vector import styles
from tests.qgis.conftest import make_process
from tests.qgis.test_vector_downloads import painted_pixels, stored
from tests.qgis.test_vector_styles import Recorded, font_or_sprite
from tests.support.tms_server import StandInTms

LAYER = "PLAN.IGN"
TOULOUSE_CENTRE = (1.42, 43.58, 1.44, 43.60)  # about zoom 17 on 256 px


@pytest.fixture()
def processing(provider):
    import processing as qgis_processing

    return qgis_processing


def write_plan(path, root, style=None):
    entry = {"layer": LAYER, "area": "toulouse", "zoom_min": 8, "zoom_max": 14}
    if style:
        entry["style"] = style
    path.write_text(json.dumps({"source": root, "entries": [entry]}), encoding="utf-8")
    return str(path)


def test_a_plan_of_plan_ign_saves_its_styles_and_draws_offline_after_qgis_process(project, tmp_path):
    from ign_offline.toolbelt.vector_tiles import current_style, load_vector_mbtiles, switch_style

    library = tmp_path / "library"
    with StandInTms(styles=("standard", "gris")) as server:
        plan = write_plan(tmp_path / "plan.json", server.root, "standard, gris")
        done = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + plan, "LIBRARY=" + str(library),
                            "MAX_RATE=0", "LOAD=false")
        served = {t: server.served(LAYER, *t) for t in server.log.tiles()}
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 styles saved in" in done.stdout
    output = str(library / "PLAN.IGN.mbtiles")
    got = stored(output)
    assert got and got == {t: data for t, data in served.items() if data is not None}  # byte-exact
    with mbtiles.MBTilesReader(output) as reader:
        assert reader.metadata()["format"] == "pbf"
    assert styles.saved_styles(output) == ["standard", "gris"]
    # the server is gone: the file and its styles are all there is
    feedback = Recorded()
    layer = load_vector_mbtiles(project, output, "standard", feedback=feedback)
    assert isinstance(layer, QgsVectorTileLayer) and layer.isValid() and current_style(layer) == "standard"
    assert font_or_sprite(feedback.warnings) == []
    standard = painted_pixels(layer, TOULOUSE_CENTRE)
    assert standard > 200
    assert font_or_sprite(switch_style(layer, "gris")) == [] and current_style(layer) == "gris"
    assert painted_pixels(layer, TOULOUSE_CENTRE) > 200


def test_a_plan_entry_without_style_saves_every_style_the_layer_has(processing, tmp_path):
    library = tmp_path / "library"
    with StandInTms(styles=styles.KNOWN_STYLES[LAYER]) as server:
        result = processing.run("ign_offline:run_plan", {
            "PLAN": write_plan(tmp_path / "plan.json", server.root), "LIBRARY": str(library), "MAX_RATE": 0,
            "LOAD": False})
    assert result["TILES_FAILED"] == 0
    assert styles.saved_styles(str(library / "PLAN.IGN.mbtiles")) == list(styles.KNOWN_STYLES[LAYER])


def test_a_style_the_server_lacks_keeps_the_tiles_and_says_so(processing, tmp_path):
    library = tmp_path / "library"
    with StandInTms(styles=("standard",)) as server:
        result = processing.run("ign_offline:run_plan", {
            "PLAN": write_plan(tmp_path / "plan.json", server.root, "epure"), "LIBRARY": str(library),
            "MAX_RATE": 0, "LOAD": False})
    output = str(library / "PLAN.IGN.mbtiles")
    assert result["TILES_DOWNLOADED"] > 0 and stored(output)
    assert styles.saved_styles(output) == []


def test_the_plan_estimate_of_a_vector_layer_uses_ign_averages(tmp_path):
    from core.library import jobs, plans
    from core.vector import tms

    with StandInTms() as server:
        plan = plans.load_plan(write_plan(tmp_path / "plan.json", server.root))
        prepared = jobs.prepare_jobs(plan, str(tmp_path / "library"))
    rows = jobs.estimate(prepared)
    assert rows and all(row.assumed for row in rows)
    assert all(row.bytes == pytest.approx(row.tiles * tms.average_tile_bytes(row.zoom)) for row in rows)
    assert {row.zoom for row in rows} == set(range(8, 15))
