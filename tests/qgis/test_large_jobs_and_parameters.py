"""Issue 19: huge jobs need a confirmation (ALLOW_LARGE, or the dock's question); typed extents across the
antimeridian or inverted and non-polygon AREA_LAYERs are refused with one line; enum parameters take the number
qgis_process's help lists as well as the name."""

import json
import sqlite3
import time

import pytest

from core.tiles import areas, coverage
from tests.qgis.conftest import make_process
from tests.support.files import tree_digest
from tests.support.sample_mbtiles import write_sample
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
WORLD = "EXTENT=-180,180,-85,85 [EPSG:4326]"


def refused(completed, *fragments):
    said = completed.stdout + completed.stderr
    assert completed.returncode not in (0, -6, 134), said[-1500:]  # refused, not aborted
    assert "Traceback" not in said, said[-3000:]
    for fragment in fragments:
        assert fragment in said, said[-1500:]
    return said


def test_the_world_at_zoom_18_is_refused_at_once_with_its_numbers(tmp_path):
    output = tmp_path / "lib" / "world.mbtiles"
    started = time.monotonic()
    completed = make_process("run", "ign_offline:download_tiles", "--", "LAYER=" + PLAN, '"{}"'.format(WORLD),
                             "ZOOM_MIN=0", "ZOOM_MAX=18", "OUTPUT=" + str(output), timeout=120)
    total = sum(coverage.area_counts(areas.bbox_area(-180, -85, 180, 85), 0, 18).values())
    refused(completed, "{:,} tiles".format(total), "20 kB a typical tile", "free", "ALLOW_LARGE=true")
    assert time.monotonic() - started < 60
    assert not output.exists() and not output.parent.exists()


def _check(algorithm_id, parameters):
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    return algorithm.checkParameterValues(parameters, QgsProcessingContext())


@pytest.mark.serial
def test_allow_large_lets_a_confirmed_job_past_the_check_on_every_downloading_algorithm(provider, tmp_path):
    from tests.qgis.test_make_project_offline import field_project

    plan = tmp_path / "plan.json"
    world = {"type": "Polygon", "coordinates": [[[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]]]}
    plan.write_text(json.dumps({"source": "https://data.geopf.fr/wmts",
                                "entries": [{"layer": PLAN, "area": world, "zoom_min": 0, "zoom_max": 14}]}))
    with StandInWmts() as server:
        project = field_project(server, tmp_path)
    cases = [
        ("ign_offline:download_tiles", {"LAYER": PLAN, "EXTENT": WORLD[7:], "ZOOM_MIN": 0, "ZOOM_MAX": 18,
                                        "OUTPUT": str(tmp_path / "world.mbtiles")}),
        ("ign_offline:run_plan", {"PLAN": str(plan), "LIBRARY": str(tmp_path / "library")}),
        ("ign_offline:make_project_offline", {"PROJECT": project, "EXTENT": WORLD[7:], "ZOOM_MIN": 0,
                                              "ZOOM_MAX": 14, "OUTPUT_FOLDER": str(tmp_path / "offline")}),
    ]
    for algorithm_id, parameters in cases:
        started = time.monotonic()
        ok, message = _check(algorithm_id, parameters)
        # The world plan's polygon (2 million points once densified) took minutes to count on the GUI thread: now
        # counted zoom by zoom only until it is surely past the limit (issue 30).
        assert time.monotonic() - started < 2, algorithm_id
        assert not ok and "This job is" in message and "ALLOW_LARGE" in message, (algorithm_id, message)
        started = time.monotonic()
        assert _check(algorithm_id, dict(parameters, ALLOW_LARGE=True)) == (True, ""), algorithm_id
        assert time.monotonic() - started < 2, algorithm_id  # confirmed: nothing to count
    assert "This job is at least " in _check(*cases[1])[1]  # the polygon's count stopped past the limit
    # make_project_offline counts every tile layer of the project: two basemaps, twice the tiles.
    one_layer = sum(coverage.area_counts(areas.bbox_area(-180, -85, 180, 85), 0, 14).values())
    assert "{:,} tiles".format(2 * one_layer) in _check(*cases[2])[1]


@pytest.mark.parametrize("extent, fragment", [
    ("170,-170,-10,10 [EPSG:4326]", "crosses the antimeridian"),
    ("1.35,1.5,43.65,43.55 [EPSG:4326]", "is inverted"),
    ("600000,500000,6200000,6300000 [EPSG:2154]", "is inverted"),
])
def test_extents_in_the_wrong_order_are_refused_not_swapped(extent, fragment):
    completed = make_process("run", "ign_offline:estimate_tiles", "--", '"EXTENT={}"'.format(extent),
                             "ZOOM_MIN=8", "ZOOM_MAX=9", timeout=120)
    refused(completed, fragment)


@pytest.mark.parametrize("geometry, kind, algorithm", [
    ({"type": "Point", "coordinates": [2.35, 43.21]}, "points", "download_tiles"),
    ({"type": "LineString", "coordinates": [[2.3, 43.2], [2.4, 43.25]]}, "lines", "estimate_tiles"),
])
def test_a_point_or_line_area_layer_is_refused_by_name(tmp_path, geometry, kind, algorithm):
    layer = tmp_path / "caves.geojson"
    layer.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": geometry}]}))
    output = tmp_path / "out.mbtiles"
    completed = make_process("run", "ign_offline:" + algorithm, "--", "AREA_LAYER=" + str(layer),
                             "ZOOM_MIN=8", "ZOOM_MAX=9", "LAYER=" + PLAN, "OUTPUT=" + str(output), timeout=120)
    refused(completed, "The layer 'caves' holds {}: give a polygon layer".format(kind))
    assert not output.exists()


@pytest.mark.parametrize("value, kind", [("0", "mbtiles"), ("1", "osmand"), ("osmand", "osmand")])
def test_export_format_is_taken_by_number_or_by_name(tmp_path, value, kind):
    source = str(tmp_path / "plan.mbtiles")
    write_sample(source, areas.preset("carcassonne"), 8, 9, PLAN)
    output = tmp_path / ("out" + {"mbtiles": ".mbtiles", "osmand": ".sqlitedb"}[kind])  # 'out.osmand' gets .sqlitedb
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=" + value,
                             "OUTPUT=" + str(output), timeout=120)
    assert completed.returncode == 0, (completed.stdout + completed.stderr)[-1500:]
    with sqlite3.connect("file:{}?mode=ro".format(output), uri=True) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected = {"mbtiles": {"tiles", "metadata"}, "osmand": {"tiles", "info"}, "gpkg": {"gpkg_contents"}}[kind]
    assert expected <= tables, tables


def test_an_export_format_number_out_of_range_is_refused(tmp_path):
    source = str(tmp_path / "plan.mbtiles")
    write_sample(source, areas.preset("carcassonne"), 8, 8, PLAN)
    before = tree_digest(tmp_path)
    refused(make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=7",
                         "OUTPUT=" + str(tmp_path / "out.mbtiles"), timeout=120), "FORMAT")
    assert tree_digest(tmp_path) == before


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_the_dock_asks_before_a_very_large_download(dock, project, provider, tmp_path, monkeypatch, answer):
    from tests.support.dock_pages import answering, read_layers_of
    from tests.support.qt_wait import wait_for

    # Carcassonne at zooms 8-10 (3 tiles) made "very large" by a lower threshold: what matters here is the question
    # and what the answer does (the real threshold is tested above, through qgis_process).
    asked = answering(monkeypatch, answer, 2)
    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        page.tick(PLAN)
        dock.libraryDir.setFilePath(str(tmp_path))
        page.maxRateSpin.setValue(0)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
        fetched = len(server.log.tiles(200))
    assert len(asked) == 1, page.logView.toPlainText()
    assert "very large download" in asked[0] and "at 20 kB a typical tile" in asked[0]
    output = tmp_path / (PLAN + ".mbtiles")
    if answer == "yes":
        assert fetched == 3 and output.exists()  # the algorithm, with ALLOW_LARGE, took it too
    else:
        assert fetched == 0 and not output.exists()
        assert "Nothing downloaded" in page.logView.toPlainText()


@pytest.mark.parametrize("job, language", [("plan", "en"), ("offline project", "en"), ("plan", "fr")])
def test_the_library_page_weighs_tiles_as_the_library_measured_them(request, dock, project, provider, tmp_path,
                                                                     monkeypatch, job, language):
    """The library holds the layer's file, its tiles 41.5 kB each: running a plan, or an offline project that
    takes the library's tiles first, is asked about at 41.5 kB a tile, not at 20 kB a typical one."""
    from qgis.core import QgsRasterLayer

    from ign_offline.core import mbtiles, naming
    from tests.support.dock_pages import answering
    from tests.support.qt_wait import wait_for

    if language == "fr":
        request.getfixturevalue("french")
    library = tmp_path / "library"
    library.mkdir()
    with mbtiles.MBTilesWriter(naming.library_file(str(library), PLAN)) as writer:  # ten tiles of 41.5 kB
        for x in range(10):
            writer.write_tile(16, x, 0, bytes(41500))
    # Carcassonne at zooms 8-10 (3 tiles) made "very large" by a lower threshold: what matters is the weighing.
    asked = answering(monkeypatch, "no", 2)
    page = dock.library_page
    dock.libraryDir.setFilePath(str(library))
    with StandInWmts() as server:
        if job == "plan":
            plan = tmp_path / "plan.json"
            plan.write_text(json.dumps({"source": server.url, "entries": [
                {"layer": PLAN, "area": "carcassonne", "zoom_min": 8, "zoom_max": 10}]}))
            page.planFile.setFilePath(str(plan))
            page.runButton.click()
        else:
            dock.area_picker.select_area("carcassonne")
            dock.area_picker.zoomMinSpin.setValue(8)
            dock.area_picker.zoomMaxSpin.setValue(10)
            uri = ("crs=EPSG:3857&format=image/png&layers={}&styles=normal&tileMatrixSet=PM_0_19"
                   "&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(PLAN, server.url)
            project.addMapLayer(QgsRasterLayer(uri, "Plan IGN v2", "wms"))
            assert project.write(str(tmp_path / "terrain.qgz"))
            monkeypatch.setattr(page, "choose_folder", lambda: str(tmp_path / "offline"))
            page.offlineProjectButton.click()
        # A plan's tiles are counted in a task (a polygon's take seconds), then the question is asked.
        assert wait_for(lambda: not page.runner.busy)
        # declined: nothing started (the canvas may draw the project's layer meanwhile: zoom 7 here, no job's zoom)
        assert not [tile for tile in server.log.tiles(200) if 8 <= tile[0] <= 10], server.log.tiles(200)
        assert not (tmp_path / "offline").exists()
    assert len(asked) == 1, page.logView.toPlainText()
    said = {"en": "3 tiles, about 124.5 kB (at 41.5 kB a tile as measured in the layer's file)",
            "fr": "3 tuiles, environ 124,5 ko (à 41,5 ko par tuile, mesurée dans le fichier de la couche)"}[language]
    assert said in asked[0], asked[0]
    assert not page.runner.busy and page.logView.toPlainText().strip()


def test_make_project_offline_refuses_a_large_copy_weighed_as_the_library_measured_it(qgis_app, tmp_path):
    """The algorithm's own check weighs the copy as the dock's question does: the library's file of the project's
    tile layer holds 41.5 kB tiles, so the refusal speaks of 41.5 kB a tile, not of a typical 20 kB one."""
    from qgis.core import QgsProject, QgsRasterLayer

    from ign_offline.core import mbtiles, naming

    library = tmp_path / "library"
    library.mkdir()
    with mbtiles.MBTilesWriter(naming.library_file(str(library), PLAN)) as writer:
        for x in range(10):
            writer.write_tile(16, x, 0, bytes(41500))
    project = QgsProject()
    uri = ("crs=EPSG:3857&format=image/png&layers={}&styles=normal&tileMatrixSet=PM_0_19"
           "&url=http://127.0.0.1:9/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(PLAN)
    project.addMapLayer(QgsRasterLayer(uri, "Plan IGN v2", "wms"))
    assert project.write(str(tmp_path / "terrain.qgz"))
    output = tmp_path / "offline"
    completed = make_process("run", "ign_offline:make_project_offline", "--",
                             "PROJECT=" + str(tmp_path / "terrain.qgz"),
                             '"{}"'.format(WORLD), "ZOOM_MIN=0", "ZOOM_MAX=16", "LIBRARY=" + str(library),
                             "OUTPUT_FOLDER=" + str(output), timeout=120)
    refused(completed, "41.5 kB a tile as measured", "ALLOW_LARGE=true")
    assert not output.exists()
