import pytest
from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

from tests.support.dock_pages import area_read, list_ftp_products, read_layers_of
from tests.support.qt_wait import wait_for
from tests.support.slippy import expected_counts

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def carcassonne_in(epsg):
    to_crs = Transformer.from_crs("EPSG:4326", epsg, always_xy=True)
    xmin, ymin, xmax, ymax = to_crs.transform_bounds(*CARCASSONNE, densify_pts=21)
    return QgsRectangle(xmin, ymin, xmax, ymax)


def table_counts(dock):
    table = dock.area_picker.countsTable
    digits = lambda text: int("".join(c for c in text if c.isdigit()))  # noqa: E731 (locale separators)
    return {int(table.item(r, 0).text()): digits(table.item(r, 1).text()) for r in range(table.rowCount())}


@pytest.mark.parametrize("epsg", ["EPSG:3857", "EPSG:2154"])
def test_picking_carcassonne_shows_it_and_counts_it(desktop_iface, dock, epsg):
    canvas = desktop_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(epsg))
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("local")

    assert dock.area_picker.zoom_range() == (13, 14)
    assert table_counts(dock) == expected_counts(CARCASSONNE, 13, 14)
    total = sum(expected_counts(CARCASSONNE, 13, 14).values())
    assert "".join(c for c in dock.area_picker.totalLabel.text() if c.isdigit()) == str(total)

    # the area is drawn on the canvas, in the canvas CRS
    expected = carcassonne_in(epsg)
    drawn = dock.area_picker.rubber_band.asGeometry().boundingBox()
    for got, want in zip(drawn.toRectF().getCoords(), expected.toRectF().getCoords()):
        assert got == pytest.approx(want, abs=expected.width() * 1e-3)

    dock.area_picker.zoomToButton.click()
    shown = canvas.extent()
    assert shown.buffered(expected.width() * 1e-6).contains(expected)
    # fitted: the area fills the canvas in at least one direction, less a margin (issue 21: sides were cut)
    assert max(expected.width() / shown.width(), expected.height() / shown.height()) == pytest.approx(1 / 1.1,
                                                                                                      abs=0.02)


def test_custom_zooms_and_bands_stay_in_step(dock):
    dock.area_picker.select_area("toulouse")
    dock.area_picker.select_zoom_band("overview")
    assert dock.area_picker.zoom_range() == (8, 10)
    dock.area_picker.zoomMaxSpin.setValue(12)
    assert dock.area_picker.zoomBandCombo.currentData() == "custom"
    assert table_counts(dock) == expected_counts((1.35, 43.55, 1.50, 43.65), 8, 12)
    dock.area_picker.zoomMinSpin.setValue(11)
    assert dock.area_picker.zoomBandCombo.currentData() == "regional"
    dock.area_picker.zoomMinSpin.setValue(13)  # min above max: said, not crashed
    assert dock.area_picker.countsTable.rowCount() == 0
    assert "greater than the maximum" in dock.area_picker.totalLabel.text()


def test_canvas_extent_follows_the_canvas(desktop_iface, dock):
    canvas = desktop_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    dock.area_picker.select_area("canvas")
    dock.area_picker.select_zoom_band("overview")
    canvas.setExtent(carcassonne_in("EPSG:3857"))
    area = dock.area_picker.current_area()
    assert area.west <= 2.30 and area.east >= 2.40 and area.south <= 43.18 and area.north >= 43.25
    assert table_counts(dock) == expected_counts(area.bbox, 8, 10)
    assert not dock.area_picker.zoomToButton.isEnabled()


def test_download_page_reads_layers_downloads_and_loads(dock, project, provider, tmp_path):
    from qgis.core import QgsProject

    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
        assert page.picked_layers() == ["ORTHOIMAGERY.ORTHOPHOTOS"]
        dock.libraryDir.setFilePath(str(tmp_path))
        output = str(tmp_path / "ORTHOIMAGERY.ORTHOPHOTOS.mbtiles")
        page.maxRateSpin.setValue(0)
        page.downloadButton.click()
        assert page.cancelButton.isEnabled()
        assert wait_for(lambda: not page.runner.busy)
        expected = expected_counts(CARCASSONNE, 8, 10)
        assert len(server.log.tiles(200)) == sum(expected.values())
    assert page.progressBar.value() == 100
    log = page.logView.toPlainText()
    assert "{} downloaded".format(sum(expected.values())) in log
    assert log.count("tiles downloaded") == 1  # the algorithm's own line, and one summary
    group = QgsProject.instance().layerTreeRoot().findGroup("IGN Offline")
    assert [child.layer().source() for child in group.findLayers()] == [output]
    assert group.findLayers()[0].layer().name().endswith(" — Carcassonne")
    assert not page.cancelButton.isEnabled() and page.downloadButton.isEnabled()
    message = dock.iface.messageBar().currentItem()
    assert message is not None and "{} tiles downloaded".format(sum(expected.values())) in message.text()


def _type_layer(page, text):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    line = page.layerSearch
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key_Return)


def test_a_typed_layer_identifier_is_the_layer_downloaded(dock, project, provider, tmp_path):
    """Issue 13, item 1: typing an identifier + Enter once downloaded Plan IGN v2 into the ortho file."""
    from ign_offline.core.mbtiles import MBTilesReader
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        items = page.layersList.count()
        _type_layer(page, "ORTHOIMAGERY.ORTHOPHOTOS")
        assert page.layersList.count() == items  # the layer listed is ticked, nothing else is added
        assert page.picked_layers() == ["ORTHOIMAGERY.ORTHOPHOTOS"]
        dock.libraryDir.setFilePath(str(tmp_path))
        output = str(tmp_path / "ORTHOIMAGERY.ORTHOPHOTOS.mbtiles")
        page.maxRateSpin.setValue(0)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
        served = {entry[1] for entry in server.log.entries}
    assert served == {"ORTHOIMAGERY.ORTHOPHOTOS"}
    with MBTilesReader(output) as reader:
        metadata = reader.metadata()
    assert metadata["ign_offline:layer"] == "ORTHOIMAGERY.ORTHOPHOTOS" and metadata["format"] == "jpg"


def test_an_unknown_typed_layer_is_refused_and_nothing_is_written(dock, project, provider, tmp_path):
    page = dock.download_page
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("overview")
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page.sourceCombo.setEditText(server.url)
        _type_layer(page, "ORTHOIMAGERY.ORTHOFOTOS")
        assert page.picked_layers() == ["ORTHOIMAGERY.ORTHOFOTOS"]  # shown as typed, ticked
        dock.libraryDir.setFilePath(str(tmp_path))
        output = tmp_path / "ORTHOIMAGERY.ORTHOFOTOS.mbtiles"
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
        assert not server.log.entries
    assert "no layer 'ORTHOIMAGERY.ORTHOFOTOS'" in page.logView.toPlainText()
    assert "ORTHOIMAGERY.ORTHOPHOTOS" in page.logView.toPlainText()  # the close match is suggested
    assert not output.exists() and not list(tmp_path.iterdir())
    message = dock.iface.messageBar().currentItem()
    assert message is not None and "failed" in message.text() and "ORTHOIMAGERY.ORTHOFOTOS" in message.text()
    page.tick("ORTHOIMAGERY.ORTHOFOTOS", False)
    page.downloadButton.click()
    assert "Tick at least one layer" in page.logView.toPlainText()


def test_layer_identifier_is_what_the_box_shows():
    from ign_offline.ui.server_layers import layer_identifier

    items = [("Plan IGN v2 — GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")]
    assert layer_identifier(items[0][0], items) == "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
    assert layer_identifier(" ORTHOIMAGERY.ORTHOPHOTOS ", items) == "ORTHOIMAGERY.ORTHOPHOTOS"
    assert layer_identifier("Photos — ORTHOIMAGERY.ORTHOPHOTOS", items) == "ORTHOIMAGERY.ORTHOPHOTOS"
    assert layer_identifier("geographicalgridsystems.planignv2", items) == "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
    assert layer_identifier("", items) == ""


def test_download_page_says_what_is_wrong(dock, provider, tmp_path):
    page = dock.download_page
    dock.area_picker.select_area("toulouse")
    dock.area_picker.zoomMinSpin.setValue(14)
    dock.area_picker.zoomMaxSpin.setValue(12)
    dock.libraryDir.setFilePath(str(tmp_path))
    page.tick("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    page.downloadButton.click()
    assert "greater than the maximum zoom" in page.logView.toPlainText()
    assert page.downloadButton.isEnabled()


def test_cache_page_scans_then_recovers_and_loads(dock, project, provider, tmp_path):
    from qgis.core import QgsProject

    from tests.support.images import png_tile
    from tests.support.qt_cache_writer import write_entry

    cache = tmp_path / "cache"
    for x in range(3):
        write_entry(str(cache), "https://tile.openstreetmap.org/12/{}/1500.png".format(2073 + x), png_tile((x, 9, 9)))
    write_entry(str(cache), "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", b"<x/>", "text/xml")
    page = dock.cache_page
    page.cacheDir.setFilePath(str(cache))
    dock.libraryDir.setFilePath(str(tmp_path / "out"))
    page.scanButton.click()
    assert wait_for(lambda: page.scanButton.isEnabled() and page.setsTable.rowCount() == 1)
    assert [page.setsTable.item(0, c).text() for c in range(3)] == ["tile.openstreetmap.org", "12–12", "3"]
    assert page.recoverButton.isEnabled()
    page.recoverButton.click()
    assert wait_for(lambda: not page.runner.busy)
    assert "3 tiles recovered" in page.logView.toPlainText()
    group = QgsProject.instance().layerTreeRoot().findGroup("IGN Offline")
    assert [c.layer().source() for c in group.findLayers()] == [
        str(tmp_path / "out" / "QGIS cache" / "tile.openstreetmap.org.mbtiles")]
    message = dock.iface.messageBar().currentItem()
    assert message is not None and "3 tiles recovered" in message.text()


def test_ftp_page_lists_previews_downloads_and_loads(desktop_iface, dock, project, provider, tmp_path):
    from qgis.core import QgsProject

    from tests.support import ftp_tree
    from tests.support.ftp_server import TestFtpServer

    root = tmp_path / "ftp"
    ftp_tree.make_tree(str(root))
    canvas = desktop_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    page = dock.ftp_page
    with TestFtpServer(str(root)) as server:
        rvb_row = list_ftp_products(page, server)
        assert page.productsTable.item(rvb_row, 0).text() == "OHR RVB 0.20 m D67 2015"
        page.productsTable.selectRow(rvb_row)
        dock.area_picker.select_area("toulouse")
        assert "No tile of this product in the area" in page.selectionLabel.text()
        assert "67" in page.selectionLabel.text() and page.footprints.numberOfVertices() == 0
        page.useCoverageButton.click()  # where the product is: its tiles' box becomes the area, typed
        assert dock.area_picker.areaCombo.currentData() == "typed" and dock.area_picker.boundsWidget.isVisibleTo(dock)
        assert page.selectionLabel.text().startswith("9 of 9 tiles")
        page.zoomCoverageButton.click()
        assert canvas.extent().buffered(1).contains(QgsRectangle(1044000, 6839000, 1047000, 6842000))
        dock.area_picker.select_area("canvas")
        # Around the corner the four area tiles share (the canvas widens it to its own shape).
        canvas.setExtent(QgsRectangle(1045800, 6840800, 1046200, 6841200))
        assert wait_for(lambda: page.selectionLabel.text().startswith("4 of 9 tiles"))
        assert page.footprints.asGeometry().boundingBox().toString(0) == QgsRectangle(
            1045000, 6840000, 1047000, 6842000).toString(0)
        dock.libraryDir.setFilePath(str(tmp_path / "out"))
        page.downloadButton.click()
        assert page.cancelButton.isEnabled()
        assert wait_for(lambda: not page.runner.busy)
        assert sorted(n for n in server.state.retrieved_names() if n.endswith(".jp2")) == sorted(
            ftp_tree.RVB_AREA_TILES)
    assert page.logView.toPlainText().count("4 files downloaded") == 1  # the algorithm's line; not the summary again
    group = QgsProject.instance().layerTreeRoot().findGroup("IGN Offline")
    assert [c.layer().name() for c in group.findLayers()] == ["OHR RVB 0.20 m D67 2015 — Map canvas extent"]
    assert page.downloadButton.isEnabled() and not page.cancelButton.isEnabled()
    message = dock.iface.messageBar().currentItem()
    assert message is not None and "4 files downloaded" in message.text()


def test_a_rectangle_drawn_on_the_map_is_the_area(desktop_iface, dock, provider, tmp_path):
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest

    from core.tiles import grid as tile_math

    canvas = desktop_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.resize(600, 400)
    canvas.setExtent(carcassonne_in("EPSG:3857"))
    canvas.refresh()
    dock.area_picker.drawButton.click()
    assert dock.area_picker.areaCombo.currentData() == "drawn" and canvas.mapTool() is dock.area_picker.draw_tool
    viewport = canvas.viewport()
    start, end = QPoint(150, 100), QPoint(450, 300)
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(viewport, QPoint(300, 200))
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)
    assert dock.area_picker.drawn is not None and canvas.mapTool() is not dock.area_picker.draw_tool
    first = canvas.getCoordinateTransform().toMapCoordinates(start)
    last = canvas.getCoordinateTransform().toMapCoordinates(end)
    from pyproj import Transformer

    to_lonlat = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    west, north = to_lonlat.transform(first.x(), first.y())
    east, south = to_lonlat.transform(last.x(), last.y())
    for got, want in zip(dock.area_picker.drawn, (west, south, east, north)):
        assert got == pytest.approx(want, abs=1e-3)
    dock.area_picker.select_zoom_band("local")
    assert table_counts(dock) == tile_math.count_tiles(dock.area_picker.drawn, 13, 14)
    assert dock.area_picker.area_parameters()["EXTENT"].endswith("[EPSG:4326]")


def test_a_polygon_layer_is_the_area_with_its_selection(dock, project, provider, tmp_path):
    from qgis.core import QgsVectorLayer

    from core.tiles import coverage, polygons
    from tests.support.polygon_files import L_SHAPE, write_lambert_geopackage
    from tests.support.wmts_server import StandInWmts

    layer = QgsVectorLayer(write_lambert_geopackage(tmp_path / "l.gpkg"), "Zone des grottes", "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    dock.area_picker.select_area("polygon_layer")
    dock.area_picker.polygonLayerCombo.setLayer(layer)
    dock.area_picker.select_zoom_band("local")
    area_read(dock.area_picker)  # in a task
    expected = coverage.count(polygons.from_file(layer.source().split("|")[0]), 13, 14)
    assert table_counts(dock) == expected
    assert expected != coverage.count(polygons.from_bbox(*polygons.lonlat_bounds(
        polygons.from_geojson(L_SHAPE))), 13, 14)  # the L, not its box
    assert not dock.area_picker.rubber_band.asGeometry().isEmpty()
    dock.area_picker.selectedOnlyCheck.setChecked(True)
    area_read(dock.area_picker)
    assert "none selected" in dock.area_picker.totalLabel.text()
    layer.selectAll()
    area_read(dock.area_picker)
    assert table_counts(dock) == expected
    # the Download page sends the layer itself: only the L's tiles are fetched
    dock.area_picker.select_zoom_band("overview")
    page = dock.download_page
    with StandInWmts() as server:
        page.sourceCombo.setEditText(server.url)
        page.tick("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
        dock.libraryDir.setFilePath(str(tmp_path))
        page.maxRateSpin.setValue(0)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
        fetched = set(server.log.tiles(200))
    assert len(fetched) == sum(coverage.count(polygons.from_file(layer.source().split("|")[0]), 8, 10).values())


def test_library_page_runs_a_plan_lists_loads_and_shows_coverage(dock, project, provider, tmp_path):
    import json

    from qgis.core import QgsProject

    from tests.support.wmts_server import StandInWmts

    page = dock.library_page
    library = tmp_path / "library"
    with StandInWmts() as server:
        plan = tmp_path / "plan.json"
        plan.write_text(json.dumps({"source": server.url, "entries": [
            {"layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "area": "carcassonne", "zoom_min": 8, "zoom_max": 12},
            {"layer": "ORTHOIMAGERY.ORTHOPHOTOS", "area": "carcassonne", "zoom_min": 10, "zoom_max": 11}]}))
        dock.libraryDir.setFilePath(str(library))
        page.planFile.setFilePath(str(plan))
        page.estimateButton.click()
        assert wait_for(lambda: not page.runner.busy)
        assert "To fetch" in page.logView.toPlainText() and not server.log.entries and not library.exists()
        page.runButton.click()
        assert page.cancelButton.isEnabled()
        assert wait_for(lambda: not page.runner.busy) and wait_for(lambda: page.filesTable.rowCount() == 2)
    texts = [[page.filesTable.item(r, c).text() for c in range(5)] for r in range(2)]
    assert [t[0] for t in texts] == ["GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles", "ORTHOIMAGERY.ORTHOPHOTOS.mbtiles"]
    assert [t[2] for t in texts] == ["8–12", "10–11"] and [t[4] for t in texts] == ["100%", "100%"]
    page.loadButton.click()
    group = QgsProject.instance().layerTreeRoot().findGroup("IGN Offline")
    assert len(group.findLayers()) == 2
    page.coverageButton.click()
    assert wait_for(lambda: not page.runner.busy and len(group.findLayers()) == 3)
    coverage = [n.layer() for n in group.findLayers() if n.layer().type() == 0][0]
    assert coverage.featureCount() == 5 + 2


def test_make_this_project_offline_from_the_dock(dock, project, provider, tmp_path, monkeypatch):
    from qgis.core import QgsProject, QgsRasterLayer

    from tests.support.wmts_server import StandInWmts

    page = dock.library_page
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("overview")
    with StandInWmts() as server:
        uri = ("crs=EPSG:3857&format=image/png&layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&styles=normal"
               "&tileMatrixSet=PM_0_19&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(server.url)
        layer = QgsRasterLayer(uri, "Plan IGN v2", "wms")
        QgsProject.instance().addMapLayer(layer)
        page.offlineProjectButton.click()
        assert "Save the project first" in page.logView.toPlainText()
        assert QgsProject.instance().write(str(tmp_path / "terrain.qgz"))
        monkeypatch.setattr(page, "choose_folder", lambda: str(tmp_path / "offline"))
        page.offlineProjectButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=60)
    offline = QgsProject()
    assert offline.read(str(tmp_path / "offline" / "terrain.qgz"))
    (copy,) = offline.mapLayers().values()
    assert copy.name() == "Plan IGN v2" and copy.providerType() == "gdal" and copy.isValid()
    message = dock.iface.messageBar().currentItem()
    assert message is not None and "Offline project ready" in message.text()
    assert page.logView.toPlainText().count("Offline project") == 1  # said once in the log: the algorithm's line


def test_sign_in_with_an_oauth2_account_lists_and_downloads_private_layers(dock, project, provider, tmp_path,
                                                                           monkeypatch):
    import json
    import threading
    import urllib.request

    from qgis.core import QgsApplication, QgsAuthMethodConfig

    from ign_offline.toolbelt.auth import SIGNED_IN
    from tests.support.keycloak_server import StandInKeycloak
    from tests.support.wmts_server import StandInWmts

    page = dock.download_page
    page.sourceCombo.setEditText("https://data.geopf.fr/private/wmts")
    assert page.licenceLabel.isVisibleTo(page) and "private individuals" in page.licenceLabel.text()
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test master password", True)
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("overview")
    with StandInKeycloak(lifetime=60) as keycloak, StandInWmts() as wmts:
        wmts.api_key = None
        wmts.bearer = keycloak.valid
        config = QgsAuthMethodConfig("OAuth2")
        config.setName("Géoplateforme")
        config.setConfig("oauth2config", json.dumps({
            "grantFlow": 0, "tokenUrl": keycloak.token_url, "requestUrl": keycloak.auth_url, "clientId": "qgis",
            "redirectPort": 0, "scope": "openid", "configType": 1, "version": 1}))
        assert manager.storeAuthenticationConfig(config)[0]
        try:
            page.authSelect.setConfigId(config.id())
            page.sourceCombo.setEditText(wmts.private_url)
            assert not page.licenceLabel.isVisibleTo(page)  # the stand-in is not IGN's server
            # the browser: the user signs in, Keycloak redirects to the loopback port
            monkeypatch.setattr(page.browser, "handler", lambda url: threading.Thread(
                target=lambda: urllib.request.urlopen(url, timeout=10).read(), daemon=True).start())
            page.signInButton.click()
            assert wait_for(lambda: "layers." in page.logView.toPlainText())  # signed in, then read
            assert "Signed in with Géoplateforme" in page.logView.toPlainText()
            assert page.layersList.count() == 6  # the 5 public layers and the private SCAN 25
            page.tick("GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR")
            dock.libraryDir.setFilePath(str(tmp_path))
            page.maxRateSpin.setValue(0)
            page.downloadButton.click()
            assert wait_for(lambda: not page.runner.busy)
            assert keycloak.grants == ["authorization_code"]  # one sign-in served every request
        finally:
            SIGNED_IN.clear()
            manager.removeAuthenticationConfig(config.id())
    from core import mbtiles

    with mbtiles.MBTilesReader(str(tmp_path / "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR.mbtiles")) as reader:
        assert sum(reader.count_by_zoom().values()) > 0
