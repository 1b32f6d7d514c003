"""Issue 13: the dock as a field user lives in it — several layers at once, estimates per layer, cancel that is a
cancel, remembered state, typed and saved areas, the map shown in an empty project, a clean canvas."""

import pytest
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle

from tests.support.dock_pages import read_layers_of
from tests.support.qt_wait import wait_for
from tests.support.slippy import expected_counts

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)
PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"


def read_layers(dock, server):
    page = read_layers_of(dock, server)
    page.maxRateSpin.setValue(0)
    return page


def message_bar_item(dock):
    item = dock.iface.messageBar().currentItem()
    assert item is not None
    return item


def test_layers_are_listed_usual_ones_first_and_found_by_search(dock, provider):
    from tests.support.wmts_server import StandInWmts

    page = dock.download_page
    # before reading the server: the usual IGN layers, with titles, none ticked; then its usual vector layers
    assert [item.data(256) for item in page.items()] == [
        PLAN, "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", ORTHO, "CADASTRALPARCELS.PARCELLAIRE_EXPRESS",
        "PLAN.IGN", "PCI", "BDTOPO", "ISOHYPSE"]
    assert [page.layer_source(i) for i in ("PLAN.IGN", PLAN)] == ["https://data.geopf.fr/tms/1.0.0", None]
    assert page.items()[0].text().startswith("Plan IGN v2") and page.picked_layers() == []
    with StandInWmts() as server:
        page = read_layers(dock, server)
    identifiers = [item.data(256) for item in page.items()]
    assert identifiers[:2] == [PLAN, ORTHO]  # the usual ones the server has come first
    page.layerSearch.setText("photo")
    assert [item.data(256) for item in page.items() if not item.isHidden()] == [ORTHO]
    page.layerSearch.clear()
    assert not any(item.isHidden() for item in page.items())


def test_several_layers_are_downloaded_one_file_each(dock, project, provider, tmp_path, monkeypatch):
    from qgis.core import QgsLayerTreeModel

    from ign_offline.core.mbtiles import MBTilesReader
    from tests.support.wmts_server import StandInWmts

    opened = []
    monkeypatch.setattr(dock.download_page.runner, "opened", opened.append)
    dock.libraryDir.setFilePath(str(tmp_path))
    with StandInWmts() as server:
        page = read_layers(dock, server)
        page.tick(PLAN)
        page.tick(ORTHO)
        page.downloadButton.click()
        assert page.cancelButton.isEnabled() and not page.downloadButton.isEnabled()
        assert wait_for(lambda: not page.runner.busy)
        served = server.log.entries
    expected = sum(expected_counts(CARCASSONNE, 8, 10).values())
    assert sorted(name for name in (p.name for p in tmp_path.iterdir())) == [
        PLAN + ".mbtiles", ORTHO + ".mbtiles"]
    for layer in (PLAN, ORTHO):
        with MBTilesReader(str(tmp_path / (layer + ".mbtiles"))) as reader:
            assert reader.metadata()["ign_offline:layer"] == layer
            assert sum(reader.count_by_zoom().values()) == expected
        assert sum(1 for entry in served if entry[1] == layer) == expected
    group = QgsProject.instance().layerTreeRoot().findGroup("IGN Offline")
    nodes = group.findLayers()
    names = [node.layer().name() for node in nodes]
    assert len(set(names)) == 2 and all(name.endswith(" — Carcassonne") for name in names)
    assert nodes[0].layer().source().endswith(ORTHO + ".mbtiles")  # the newest on top
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    assert [len(model.layerLegendNodes(node)) for node in nodes] == [0, 0]  # no "Band 1/2/3"
    item = message_bar_item(dock)
    assert "2 layers: {} tiles downloaded".format(2 * expected) in item.text()
    assert page.logView.toPlainText().count("tiles downloaded") == 1  # one summary for the run
    assert item.widget().text() == "Open folder"
    item.widget().click()
    assert opened == [str(tmp_path)]


def test_estimate_says_tiles_size_and_time_per_layer_and_in_total(dock, provider, tmp_path):
    from tests.support.wmts_server import StandInWmts

    dock.libraryDir.setFilePath(str(tmp_path / "library"))
    with StandInWmts() as server:
        page = read_layers(dock, server)
        page.tick(PLAN)
        page.tick(ORTHO)
        page.estimateButton.click()
        assert wait_for(lambda: not page.runner.busy)
    table = page.estimateTable
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    tiles = sum(expected_counts(CARCASSONNE, 8, 10).values())
    assert [row[0] for row in rows][-1] == "Total" and len(rows) == 3
    assert [int("".join(c for c in row[1] if c.isdigit())) for row in rows] == [tiles, tiles, 2 * tiles]
    assert all(row[2] != "?" and row[3] != "?" for row in rows)
    assert not (tmp_path / "library").exists()  # an estimate writes nothing
    assert "Estimate:" in message_bar_item(dock).text()


def test_cancel_is_reported_as_a_cancel_and_the_download_resumes(dock, project, provider, tmp_path):
    from ign_offline.core.mbtiles import MBTilesReader
    from tests.support.wmts_server import StandInWmts

    dock.libraryDir.setFilePath(str(tmp_path))
    with StandInWmts(latency=0.05) as server:
        page = read_layers(dock, server)
        dock.area_picker.select_zoom_band("local")
        page.tick(PLAN)
        page.tick(ORTHO)
        page.concurrencySpin.setValue(1)
        page.downloadButton.click()
        assert wait_for(lambda: len(server.log.tiles(200)) >= 5)
        page.cancelButton.click()
        assert wait_for(lambda: not page.runner.busy)
    item = message_bar_item(dock)
    assert item.level() == Qgis.Info and "cancelled" in item.text()
    log = page.logView.toPlainText()
    assert "⚠" not in log and "Cancelled" in log
    assert page.downloadButton.isEnabled() and not page.cancelButton.isEnabled()
    assert [p.name for p in tmp_path.iterdir()] == [PLAN + ".mbtiles"]  # the second layer never started
    with MBTilesReader(str(tmp_path / (PLAN + ".mbtiles"))) as reader:
        kept = sum(reader.count_by_zoom().values())
    assert 0 < kept < sum(expected_counts(CARCASSONNE, 13, 14).values())


def test_the_dock_remembers_its_state_after_being_recreated(desktop_iface, dock, project, tmp_path):
    from ign_offline.ui.dock import IgnOfflineDock

    dock.area_picker.select_area("pyrenees")
    dock.area_picker.select_zoom_band("detail")
    dock.libraryDir.setFilePath(str(tmp_path))
    dock.area_picker.overviewCheck.setChecked(False)
    page = dock.download_page
    page.sourceCombo.setEditText("https://example.test/wmts")
    page.tick(ORTHO)
    page.concurrencySpin.setValue(6)
    page.maxRateSpin.setValue(5)
    dock.ftp_page.hostEdit.setText("ftp.example.test")
    dock.library_page.planFile.setFilePath(str(tmp_path / "plan.json"))
    dock.pages.setCurrentIndex(2)
    dock.cleanup()

    again = IgnOfflineDock(desktop_iface)
    try:
        combo = again.area_picker.areaCombo
        assert combo.currentData() == "pyrenees" and combo.currentText() == "Pyrénées (caves)"
        assert again.area_picker.zoom_range() == (15, 16) and again.area_picker.zoomBandCombo.currentData() == "detail"
        assert again.library_folder() == str(tmp_path)
        assert again.download_page.sourceCombo.currentText() == "https://example.test/wmts"
        assert again.download_page.picked_layers() == [ORTHO]
        assert again.download_page.concurrencySpin.value() == 6 and again.download_page.maxRateSpin.value() == 5
        assert again.ftp_page.hostEdit.text() == "ftp.example.test"
        assert again.library_page.planFile.filePath() == str(tmp_path / "plan.json")
        assert again.pages.currentIndex() == 2
    finally:
        again.cleanup()
        again.deleteLater()
    dock.cleanup = lambda: None  # already cleaned up above


def test_typed_coordinates_and_saved_areas(desktop_iface, dock, monkeypatch):
    from core.tiles import grid as tile_math
    from ign_offline.ui.dock import IgnOfflineDock

    box = (1.52, 42.78, 1.58, 42.82)
    dock.area_picker.use_bounds(*box)
    assert dock.area_picker.areaCombo.currentData() == "typed" and dock.area_picker.boundsWidget.isVisibleTo(dock)
    dock.area_picker.select_zoom_band("local")
    assert dock.area_picker.current_area().bbox == pytest.approx(box)
    dock.area_picker.eastSpin.setValue(1.60)  # edited: counted again
    table = dock.area_picker.countsTable
    assert {z: n for z, n in tile_math.count_tiles((1.52, 42.78, 1.60, 42.82), 13, 14).items()} == {
        int(table.item(r, 0).text()): int("".join(c for c in table.item(r, 1).text() if c.isdigit()))
        for r in range(2)}
    monkeypatch.setattr(dock.area_picker, "ask_area_name", lambda: "Grotte de Niaux")
    dock.area_picker.saveAreaButton.click()
    assert dock.area_picker.areaCombo.currentData() == "saved:Grotte de Niaux"
    assert dock.area_picker.current_area().bbox == pytest.approx((1.52, 42.78, 1.60, 42.82))
    assert dock.area_picker.area_parameters()["EXTENT"].endswith("[EPSG:4326]")
    other = IgnOfflineDock(desktop_iface)  # saved for good
    try:
        assert other.area_picker.areaCombo.findData("saved:Grotte de Niaux") >= 0
    finally:
        other.cleanup()
        other.deleteLater()
    dock.area_picker.deleteAreaButton.click()
    assert dock.area_picker.areaCombo.findData("saved:Grotte de Niaux") == -1


def test_zoom_to_area_shows_the_map_in_an_empty_project_and_the_outline_follows_the_crs(desktop_iface, dock,
                                                                                         project, tmp_path):
    from pyproj import Transformer

    canvas = desktop_iface.mapCanvas()
    dock.libraryDir.setFilePath(str(tmp_path))  # the outline is a table of the library's helper GeoPackage
    dock.area_picker.select_area("pyrenees")
    assert not project.mapLayers()
    dock.area_picker.zoomToButton.click()
    (outline,) = project.mapLayers().values()
    assert outline.name() == "Area: Pyrénées (caves)" and outline.featureCount() == 1
    to_mercator = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    xmin, ymin, xmax, ymax = to_mercator.transform_bounds(1.45, 42.75, 1.65, 42.85)
    assert canvas.extent().buffered(1).contains(QgsRectangle(xmin, ymin, xmax, ymax))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))  # as when a Lambert layer comes first
    to_lambert = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
    expected = QgsRectangle(*to_lambert.transform_bounds(1.45, 42.75, 1.65, 42.85, densify_pts=21))
    drawn = dock.area_picker.rubber_band.asGeometry().boundingBox()
    assert drawn.xMinimum() == pytest.approx(expected.xMinimum(), abs=50)
    assert drawn.yMaximum() == pytest.approx(expected.yMaximum(), abs=50)


def test_overview_basemap_comes_from_the_library_when_it_holds_plan_ign(dock, project, tmp_path):
    from tests.support.sample_mbtiles import write_sample

    dock.libraryDir.setFilePath(str(tmp_path))
    from core.tiles.areas import PRESETS

    write_sample(str(tmp_path / (PLAN + ".mbtiles")), PRESETS["carcassonne"], 8, 9, "Plan IGN v2")
    dock.area_picker.overviewCheck.setChecked(True)
    (layer,) = project.mapLayers().values()
    assert layer.source() == str(tmp_path / (PLAN + ".mbtiles")) and layer.providerType() == "gdal"
    assert project.layerTreeRoot().children()[-1].layerId() == layer.id()  # under everything else
    dock.area_picker.overviewCheck.setChecked(False)
    assert not project.mapLayers()


def test_hiding_the_dock_clears_the_canvas(dock):
    dock.area_picker.select_area("toulouse")
    assert not dock.area_picker.rubber_band.asGeometry().isEmpty()
    dock.hide()
    assert dock.area_picker.rubber_band.asGeometry().isEmpty()
    dock.show()
    assert not dock.area_picker.rubber_band.asGeometry().isEmpty()


def test_open_folder_opens_the_library(dock, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(dock, "opened", opened.append)
    dock.libraryDir.setFilePath(str(tmp_path / "bib"))
    dock.openFolderButton.click()
    assert opened == [str(tmp_path / "bib")]


def test_processing_never_defaults_a_download_to_a_temporary_file(provider, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext

    from ign_offline.core.library import jobs as library
    from tests.support.wmts_server import StandInWmts

    registry = QgsApplication.processingRegistry()
    download = registry.createAlgorithmById("ign_offline:download_tiles")
    assert download.parameterDefinition("OUTPUT").defaultValue() == library.DEFAULT_OUTPUT
    for algorithm_id, name in (("download_ftp", "OUTPUT_FOLDER"), ("recover_cache", "OUTPUT_FOLDER"),
                               ("run_plan", "LIBRARY")):
        algorithm = registry.createAlgorithmById("ign_offline:" + algorithm_id)
        default = algorithm.parameterDefinition(name).defaultValue()
        assert default and default.startswith(library.DEFAULT_LIBRARY)
    context = QgsProcessingContext()
    parameters = {"SOURCE": "https://data.geopf.fr/wmts", "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 8,
                  "ZOOM_MAX": 9, "OUTPUT": "TEMPORARY_OUTPUT"}
    ok, message = download.checkParameterValues(parameters, context)
    assert not ok and "temporary" in message and "deleted when QGIS closes" in message
    offline = registry.createAlgorithmById("ign_offline:make_project_offline")
    ok, message = offline.checkParameterValues({"OUTPUT_FOLDER": "TEMPORARY_OUTPUT", "AREA": "carcassonne"}, context)
    assert not ok
    # {LAYER} in OUTPUT: the file is named after the layer, in a library folder made the first time
    import processing

    with StandInWmts() as server:
        results = processing.run("ign_offline:download_tiles", dict(
            parameters, SOURCE=server.url, OUTPUT=str(tmp_path / "library" / "{LAYER}.mbtiles"), MAX_RATE=0,
            LOAD=False))
    made = tmp_path / "library" / (PLAN + ".mbtiles")
    assert results["OUTPUT"] == str(made) and made.exists()
