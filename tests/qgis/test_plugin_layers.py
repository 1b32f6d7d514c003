"""Issue 21: the plugin's helper layers are files in the library (no temporary layers), and the overview basemap
comes from the library or the typed server, says when it cannot draw, is restored, and has one legend line."""

from qgis.core import QgsLayerTreeModel, QgsProject

from core.tiles.areas import PRESETS
from tests.support.qt_wait import settle, wait_for
from tests.support.sample_mbtiles import write_sample
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def legend_nodes(project, layer):
    model = QgsLayerTreeModel(project.layerTreeRoot())
    return model.layerLegendNodes(project.layerTreeRoot().findLayer(layer.id()))


def test_outline_and_coverage_are_layers_of_the_library_geopackage(dock, project, provider, tmp_path):
    library = tmp_path / "library"
    dock.libraryDir.setFilePath(str(library))
    dock.area_picker.overviewCheck.setChecked(False)
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.zoomToButton.click()
    (outline,) = project.mapLayers().values()
    helpers = str(library / "areas" / "plugin_layers.gpkg")
    assert outline.providerType() == "ogr" and outline.source().startswith(helpers + "|layername=outline_")
    assert outline.featureCount() == 1 and outline.name() == "Area: Carcassonne"
    write_sample(str(library / (PLAN + ".mbtiles")), PRESETS["carcassonne"], 8, 9, "Plan IGN v2")
    dock.library_page.coverageButton.click()
    assert wait_for(lambda: not dock.library_page.runner.busy and dock.library_page.coverage_layer_id)
    coverage = project.mapLayer(dock.library_page.coverage_layer_id)
    assert coverage.providerType() == "ogr" and coverage.source() == helpers + "|layername=coverage"
    assert coverage.featureCount() == 2  # one per zoom of the file
    dock.library_page.coverageButton.click()  # drawn again: the table replaced, one coverage layer
    assert wait_for(lambda: not dock.library_page.runner.busy)
    assert wait_for(lambda: sum(1 for layer in project.mapLayers().values()
                                if layer.source().endswith("|layername=coverage")) == 1)
    # What QGIS asks about on quit: no memory layer of ours in the project
    assert not [layer for layer in project.mapLayers().values() if layer.providerType() == "memory"]


def test_the_overview_comes_from_the_typed_server_or_the_library_and_is_restored(desktop_iface, dock, project,
                                                                                 tmp_path, monkeypatch):
    from qgis import utils
    from qgis.PyQt.QtCore import QObject, pyqtSignal
    from qgis.PyQt.QtWidgets import QMainWindow

    from ign_offline.ui.dock import IgnOfflineDock
    from tests.qgis.test_make_project_offline import painted_pixels

    picker = dock.area_picker
    dock.libraryDir.setFilePath(str(tmp_path))  # no Plan IGN in it
    with StandInWmts() as server:
        dock.download_page.sourceCombo.setEditText(server.url)
        picker.overviewCheck.setChecked(True)
        (layer,) = project.mapLayers().values()
        assert wait_for(lambda: any(e[1] == PLAN and e[2] == 0 for e in server.log.entries))  # asked, in a task
        assert settle()
        assert not picker.overviewLabel.isVisibleTo(picker)  # the server answers: nothing to say
        assert layer.providerType() == "wms" and "127.0.0.1%3A{}".format(server.server.server_address[1]) in \
            layer.source().replace(":", "%3A") and PLAN in layer.source()
        assert painted_pixels(layer) > 0  # drawn from the typed server, not data.geopf.fr
        assert legend_nodes(project, layer) == []  # one line: the layer's own, no Band 1/2/3
        picker.overviewCheck.setChecked(False)
        assert not project.mapLayers()
    write_sample(str(tmp_path / (PLAN + ".mbtiles")), PRESETS["carcassonne"], 8, 9, "Plan IGN v2")
    picker.overviewCheck.setChecked(True)
    (layer,) = project.mapLayers().values()
    assert layer.providerType() == "gdal" and layer.source() == str(tmp_path / (PLAN + ".mbtiles"))
    assert legend_nodes(project, layer) == []
    project.clear()  # as after a restart: the box is ticked, the basemap is gone
    assert not project.isDirty()

    class Starting(QObject):  # QGIS while it starts: its main window not shown yet
        initializationCompleted = pyqtSignal()  # noqa: N815 (QGIS API name)
        window = QMainWindow()

        def mainWindow(self):  # noqa: N802 (QGIS API name)
            return self.window

    starting = Starting()
    monkeypatch.setattr(utils, "iface", starting)
    other = IgnOfflineDock(desktop_iface)
    try:
        # once QGIS has finished starting (its main window not shown yet: as at start), and the project left
        # unmodified: QGIS asks nothing
        assert settle()
        assert not project.mapLayers()
        starting.initializationCompleted.emit()
        assert wait_for(lambda: project.mapLayers())
        (restored,) = project.mapLayers().values()
        assert settle()
        assert not project.isDirty()
        assert restored.source() == str(tmp_path / (PLAN + ".mbtiles")) and legend_nodes(project, restored) == []
        other.area_picker.overviewCheck.setChecked(False)
    finally:
        other.cleanup()
        other.deleteLater()
    assert not project.mapLayers()


def test_the_overview_says_when_it_cannot_draw(desktop_iface, dock, project, tmp_path):
    picker = dock.area_picker
    dock.libraryDir.setFilePath(str(tmp_path))
    (tmp_path / (PLAN + ".mbtiles")).write_bytes(b"not an MBTiles file")  # damaged: GDAL cannot open it
    picker.overviewCheck.setChecked(True)
    assert not project.mapLayers() and picker.overviewLabel.isVisibleTo(picker)
    assert "cannot be opened" in picker.overviewLabel.text()
    picker.overviewCheck.setChecked(False)
    assert not picker.overviewLabel.isVisibleTo(picker)
    (tmp_path / (PLAN + ".mbtiles")).unlink()
    with StandInWmts() as server:
        dock.download_page.sourceCombo.setEditText(server.url)
    # the server is gone (no network): QGIS would draw a blank, the dock says why
    picker.overviewCheck.setChecked(True)
    assert wait_for(lambda: picker.overviewLabel.isVisibleTo(picker), timeout=30)
    assert "cannot be drawn" in picker.overviewLabel.text() and "127.0.0.1" in picker.overviewLabel.text()
    picker.overviewCheck.setChecked(False)
    assert not QgsProject.instance().mapLayers()


def test_zoom_with_the_overview_ticked_first_outlines_the_area_and_shows_it(desktop_iface, dock, project, tmp_path):
    """Issue 21 review: with the overview ticked in an empty project, "Zoom to the area" added no outline (the
    project held a layer: the overview), and the canvas stayed at the whole world (its CRS changed after)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsRectangle
    from qgis.gui import QgsLayerTreeMapCanvasBridge

    from core.tiles.areas import PRESETS as AREAS

    picker = dock.area_picker
    dock.libraryDir.setFilePath(str(tmp_path))
    write_sample(str(tmp_path / (PLAN + ".mbtiles")), PRESETS["carcassonne"], 8, 9, "Plan IGN v2")
    canvas = desktop_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))  # a new project's
    bridge = QgsLayerTreeMapCanvasBridge(project.layerTreeRoot(), canvas)  # as in QGIS: sets up for first layers
    picker.overviewCheck.setChecked(True)
    picker.select_area("carcassonne")
    picker.zoomToButton.click()
    assert settle()
    names = sorted(layer.name() for layer in project.mapLayers().values())
    assert names == ["Area: Carcassonne", "Overview: Plan IGN v2"]
    area = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                  project).transformBoundingBox(QgsRectangle(*AREAS["carcassonne"].bbox))
    extent = canvas.extent()
    # the area, fitted in one direction (the canvas's shape widens the other), not the whole world
    assert extent.contains(area) and min(extent.width() / area.width(), extent.height() / area.height()) < 1.5
    picker.overviewCheck.setChecked(False)
    del bridge
