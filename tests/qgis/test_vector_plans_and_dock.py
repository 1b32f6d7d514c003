"""Vector tiles in plans and the dock (issue 22, part V4): a plan of PLAN.IGN from the TMS stand-in (tiles and styles
on one loopback host, as on data.geopf.fr) through qgis_process, its styles saved, then with the server gone the file
loads with a saved style, draws at its last zoom and beyond with no font or sprite warning, and switches style."""

import json
import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsRectangle,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QSize

from core import mbtiles
from core.vector import styles
from tests.qgis.conftest import make_process
from tests.qgis.test_vector_downloads import stored
from tests.qgis.test_vector_styles import Recorded, font_or_sprite
from tests.support.tms_server import StandInTms

LAYER = "PLAN.IGN"
DATA_CENTRE = (1.4305, 43.5905)  # inside the stand-in's data: streets, buildings and names around


def render_colours(layer, zoom=17, size=256):
    """The colours of the layer drawn on a 256 px square at `zoom` around the stand-in's data (Toulouse)."""
    from tests.qgis.test_vector_styles import colours

    lon, lat = DATA_CENTRE
    x = math.radians(lon) * 6378137
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137
    half = math.pi * 6378137 / 2 ** zoom * size / 256
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(size, size))
    settings.setExtent(QgsRectangle(x - half, y - half, x + half, y + half))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return colours(job.renderedImage())


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
    # Its last zoom and 3 beyond: the style's background and, over it, the stand-in's roads (drawn at the style's
    # widths, so with few antialiasing shades: a background alone is one colour, no tile drawn).
    drawn = {zoom: render_colours(layer, zoom) for zoom in range(14, 18)}
    assert all(len(found) > 1 for found in drawn.values()), {z: len(c) for z, c in drawn.items()}
    assert font_or_sprite(switch_style(layer, "gris")) == [] and current_style(layer) == "gris"
    assert render_colours(layer, 17) != drawn[17] and len(render_colours(layer, 17)) > 1


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


# The dock

def test_the_dock_lists_vector_layers_downloads_saves_styles_switches_and_plans_them(dock, project, provider,
                                                                                     tmp_path):
    from qgis.core import QgsProject

    from ign_offline.toolbelt.vector_tiles import current_style, find_loaded
    from tests.support.qt_wait import wait_for

    library = tmp_path / "library"
    page, files, picker = dock.download_page, dock.library_page, dock.area_picker
    dock.libraryDir.setFilePath(str(library))
    with StandInTms(styles=styles.KNOWN_STYLES[LAYER]) as server:
        page.sourceCombo.setEditText(server.root)
        page.readLayersButton.click()
        assert wait_for(lambda: page.layer_source(LAYER) == server.root, timeout=30)
        line = next(item.text() for item in page.items() if item.data(256) == LAYER)
        assert "vector tiles" in line and "standard, classique" in line
        assert page.layer_source("PCI") == server.root
        page.tick(LAYER)
        picker.select_area("toulouse")
        picker.zoomMinSpin.setValue(8)
        picker.zoomMaxSpin.setValue(10)
        page.estimateButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=60)
        assert page.estimateTable.rowCount() == 2  # the layer, the total
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
        output = str(library / "PLAN.IGN.mbtiles")
        assert "styles saved" in page.logView.toPlainText(), page.logView.toPlainText()
        served = {t: server.served(LAYER, *t) for t in server.log.tiles()}
    assert stored(output) == {t: data for t, data in served.items() if data is not None}
    assert styles.saved_styles(output) == list(styles.KNOWN_STYLES[LAYER])  # by default, every style of the layer
    layer = find_loaded(QgsProject.instance(), output)
    assert layer is not None and layer.isValid() and current_style(layer) == "standard"

    # offline: the Library page's style choice switches the loaded layer in one click
    files.listButton.click()
    assert wait_for(lambda: files.filesTable.rowCount() == 1, timeout=30)
    files.filesTable.selectRow(0)
    assert [files.styleCombo.itemText(i) for i in range(files.styleCombo.count())] == list(
        styles.KNOWN_STYLES[LAYER])
    assert files.styleCombo.isEnabled() and files.styleCombo.currentText() == "standard"
    standard = render_colours(layer)
    gris = files.styleCombo.findText("gris")
    files.styleCombo.setCurrentIndex(gris)
    files.styleCombo.activated.emit(gris)
    assert current_style(layer) == "gris" and find_loaded(QgsProject.instance(), output) is layer
    assert render_colours(layer) != standard and len(render_colours(layer)) > 3

    # Add to plan: the vector layer from its TMS service, only its first style when so chosen
    page.vectorStylesCombo.setCurrentIndex(1)
    files.addToPlanButton.click()
    with open(str(library / "plan.json"), encoding="utf-8") as stream:
        entry = json.load(stream)["entries"][0]
    assert (entry["layer"], entry.get("source", server.root), entry["style"]) == (LAYER, server.root, "standard")
    # completeness: the plan's vector entry is what the file holds
    assert wait_for(lambda: files.planTable.rowCount() == 1 and files.planTable.item(0, 4).text() == "100%",
                    timeout=30)


def test_in_french_the_vector_layers_and_the_style_choice_are_said_in_french(french, dock):
    page = dock.download_page
    line = next(item.text() for item in page.items() if item.data(256) == LAYER)
    assert line.startswith("Plan IGN, tuiles vectorielles") and "(tuiles vectorielles ; styles : standard" in line
    assert page.vectorStylesLabel.text() == "Styles des couches vectorielles"
    assert page.vectorStylesCombo.itemText(1) == "Seulement le premier style de la couche"


def test_the_vector_layers_follow_the_server_field_host(dock):
    page = dock.download_page
    assert page.layer_source(LAYER) == "https://data.geopf.fr/tms/1.0.0"
    page.tick(LAYER)
    page.tick("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    page.sourceCombo.setEditText("https://tiles.example.org/wmts")  # a WMTS with no known vector layer
    assert [i for i in (item.data(256) for item in page.items()) if i == LAYER] == []
    assert page.picked_layers() == ["GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"]  # the raster tick stays
    page.sourceCombo.setEditText("https://data.geopf.fr/private/wmts")
    assert page.layer_source(LAYER) == "https://data.geopf.fr/tms/1.0.0"  # the public TMS of the same host


def test_a_layer_whose_metadata_says_infinity_fails_alone_in_qgis_process(tmp_path):
    """Reviewer: `"maxzoom": Infinity` in one layer's metadata.json was a traceback that stopped run_plan. That
    entry fails in one sentence; the other layer of the plan is downloaded."""
    library = tmp_path / "library"
    with StandInTms() as server:
        plain = server.metadata
        server.metadata = lambda layer: plain(layer).replace(b'"maxzoom": 19', b'"maxzoom": Infinity')
        plan = tmp_path / "plan.json"
        plan.write_text(json.dumps({"source": server.root, "entries": [
            {"layer": "PCI", "area": "toulouse", "zoom_min": 8, "zoom_max": 9},
            {"layer": LAYER, "area": "toulouse", "zoom_min": 8, "zoom_max": 9}]}), encoding="utf-8")
        done = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + str(plan), "LIBRARY=" + str(library),
                            "MAX_RATE=0", "LOAD=false")
    said = done.stdout + done.stderr
    assert "Traceback" not in said and "OverflowError" not in said, said
    assert "holds the number Infinity, which is not a finite number" in said, said
    assert stored(str(library / "PLAN.IGN.mbtiles"))
    assert not (library / "PCI.mbtiles").exists()
