"""A library plan made only by clicks in the dock (no JSON typed), run, then its completeness shown; the file stays
the JSON run_plan reads in batch."""

import json
import os

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from ign_offline.core.library import plans
from ign_offline.core.tiles import areas, coverage, polygons
from tests.support.dock_pages import area_read
from tests.support.polygon_files import write_geojson
from tests.support.qt_wait import wait_for
from tests.support.wmts_server import StandInWmts

PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"
# A small polygon near Carcassonne (a few tiles at zooms 12-13).
SMALL = {"type": "Polygon", "coordinates": [[[2.33, 43.20], [2.36, 43.20], [2.345, 43.22], [2.33, 43.20]]]}


def table(page):
    return [[page.planTable.item(r, c).text() for c in range(5)] for r in range(page.planTable.rowCount())]


def first(page):
    """The first entry's area and zooms (None while the table is read again)."""
    rows = table(page)
    return rows[0][1:3] if rows else None


def expected_tiles(area, zoom_min, zoom_max):
    return sum(coverage.area_counts(area, zoom_min, zoom_max).values())


def select_row(page, row):
    page.planTable.clearSelection()
    page.planTable.selectRow(row)  # SelectRows: the whole entry


def test_a_plan_built_by_clicks_runs_and_shows_each_entry_complete(dock, project, provider, tmp_path):
    library = tmp_path / "library"
    page, download, picker = dock.library_page, dock.download_page, dock.area_picker
    layer = QgsVectorLayer(write_geojson(str(tmp_path / "grotte.geojson"), SMALL), "Grotte de l'Église", "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    with StandInWmts() as server:
        dock.libraryDir.setFilePath(str(library))
        assert page.planFile.filePath() == "" and page.planTable.rowCount() == 0
        download.sourceCombo.setEditText(server.url)
        download.tick(PLAN)
        download.tick(ORTHO)
        picker.select_area("carcassonne")
        picker.zoomMinSpin.setValue(8)
        picker.zoomMaxSpin.setValue(9)
        QTest.mouseClick(page.addToPlanButton, Qt.LeftButton)
        picker.select_area("polygon_layer")
        picker.polygonLayerCombo.setLayer(layer)
        area_read(picker)
        picker.zoomMaxSpin.setValue(13)
        picker.zoomMinSpin.setValue(12)
        page.addToPlanButton.click()
        plan_path = str(library / "plan.json")
        assert page.planFile.filePath() == plan_path
        assert wait_for(lambda: page.planTable.rowCount() == 4)
        assert [row[:3] for row in table(page)] == [
            [PLAN, "Carcassonne", "8–9"], [ORTHO, "Carcassonne", "8–9"],
            [PLAN, "Grotte_de_l_Eglise", "12–13"], [ORTHO, "Grotte_de_l_Eglise", "12–13"]]
        assert {row[4] for row in table(page)} == {"0%"}

        # Add again: nothing doubled; an entry removed then added back
        page.addToPlanButton.click()
        assert "nothing added" in page.logView.toPlainText()
        select_row(page, 3)
        page.removeEntryButton.click()
        assert wait_for(lambda: page.planTable.rowCount() == 3)
        page.addToPlanButton.click()
        assert wait_for(lambda: page.planTable.rowCount() == 4)

        # Edit: the first entry takes the current area and zooms, then back
        select_row(page, 0)
        page.editEntryButton.click()
        assert wait_for(lambda: first(page) == ["Grotte_de_l_Eglise", "12–13"])
        picker.select_area("carcassonne")
        picker.zoomMinSpin.setValue(8)
        picker.zoomMaxSpin.setValue(9)
        select_row(page, 0)
        page.editEntryButton.click()
        assert wait_for(lambda: first(page) == ["Carcassonne", "8–9"])

        # the file is the JSON of the README: presets by name, the polygon copied into the library
        with open(plan_path, encoding="utf-8") as stream:
            document = json.load(stream)
        assert document["source"] == server.url
        assert [(e["layer"], e["area"], e["zoom_min"], e["zoom_max"]) for e in document["entries"]] == [
            (PLAN, "carcassonne", 8, 9), (ORTHO, "carcassonne", 8, 9),
            (PLAN, "areas/Grotte_de_l_Eglise.geojson", 12, 13), (ORTHO, "areas/Grotte_de_l_Eglise.geojson", 12, 13)]
        assert os.listdir(str(library / "areas")) == ["Grotte_de_l_Eglise.geojson"]

        page.runButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
        assert wait_for(lambda: page.filesTable.rowCount() == 2 and {r[4] for r in table(page)} == {"100%"})
        fetched = len(server.log.tiles(200))

    carcassonne = expected_tiles(areas.PRESETS["carcassonne"], 8, 9)
    cave = expected_tiles(plans.load_plan(plan_path).entries[2].area, 12, 13)
    assert cave == expected_tiles(areas.Area("l", "l", 0, 0, 0, 0, polygons=polygons.from_geojson(SMALL)), 12, 13)
    assert [row[3] for row in table(page)] == [str(carcassonne)] * 2 + [str(cave)] * 2
    assert fetched == 2 * (carcassonne + cave)


def test_the_plan_part_of_the_page_speaks_french(french, dock, tmp_path):
    page, download = dock.library_page, dock.download_page
    assert page.addToPlanButton.text() == "Ajouter au plan"
    dock.libraryDir.setFilePath(str(tmp_path))
    for item in download.items():
        download.tick(item.data(Qt.UserRole), False)
    page.addToPlanButton.click()
    assert page.logView.toPlainText().splitlines()[-1].startswith("⚠ Cochez au moins une couche")
    assert not (tmp_path / "plan.json").exists()

    download.tick(PLAN)
    dock.area_picker.select_area("montpellier")
    page.addToPlanButton.click()
    assert "1 entrée ajoutée au plan" in page.logView.toPlainText()
    assert wait_for(lambda: table(page) == [[PLAN, "Montpellier", "{}–{}".format(*dock.area_picker.zoom_range()),
                                              table(page)[0][3], "0 %"]] if table(page) else False)

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"source": "https://x.example/wmts",
                               "entries": [{"layer": PLAN, "area": "nowhere", "zoom_min": 8, "zoom_max": 9}]}))
    page.planFile.setFilePath(str(bad))
    assert wait_for(lambda: "entrée 1, champ 'area' : zone prédéfinie 'nowhere' inconnue" in page.logView.toPlainText())
    assert page.planTable.rowCount() == 0
