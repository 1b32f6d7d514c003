"""Issue 30, point 1: the area is the user's choice. Opening another project or adding a layer never changes it;
when the chosen polygon layer disappears, the picker says so and nothing runs until the user picks again."""

import pytest

from tests.support.dock_pages import area_read, read_layers_of
from tests.support.qt_wait import wait_for
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def _polygons(tmp_path, name):
    from qgis.core import QgsVectorLayer

    from tests.support.polygon_files import write_lambert_geopackage

    layer = QgsVectorLayer(write_lambert_geopackage(tmp_path / (name + ".gpkg")), name, "ogr")
    assert layer.isValid()
    return layer


def _empty_polygons(name):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", name, "memory")
    assert layer.isValid()
    return layer


def _second_project(tmp_path):
    """A saved project whose only layer is an empty polygon layer, "Bâtiments" (the issue's)."""
    from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer

    path = tmp_path / "batiments.gpkg"
    memory = _empty_polygons("Bâtiments")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(memory, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    other = QgsProject()
    other.addMapLayer(QgsVectorLayer(str(path), "Bâtiments", "ogr"))
    project_path = str(tmp_path / "second.qgz")
    assert other.write(project_path)
    return project_path


@pytest.fixture()
def chosen(dock, project, tmp_path):
    """The dock with "Polygons of a layer…" and the layer "Zone des grottes" chosen (another one listed first)."""
    first, zone = _polygons(tmp_path, "A autre"), _polygons(tmp_path, "Zone des grottes")
    project.addMapLayers([first, zone])
    picker = dock.area_picker
    picker.select_area("polygon_layer")
    picker.polygonLayerCombo.setLayer(zone)
    picker.select_zoom_band("overview")
    area_read(picker)
    assert picker.current_area().title == "Zone des grottes"
    return dock, picker, zone


def _says_gone(picker):
    assert picker.polygonLayerCombo.currentLayer() is None
    assert "'Zone des grottes' chosen as the area is no longer in the project" in picker.totalLabel.text()
    assert picker.countsTable.rowCount() == 0
    from ign_offline.core.errors import InputError

    with pytest.raises(InputError, match="no longer in the project"):
        picker.area_parameters()
    with pytest.raises(InputError, match="no longer in the project"):
        picker.current_area()


def test_opening_another_project_leaves_no_other_layer_as_the_area(chosen, project, tmp_path):
    _, picker, _ = chosen
    assert project.read(_second_project(tmp_path))
    batiments = project.mapLayersByName("Bâtiments")[0]
    assert picker.polygonLayerCombo.currentLayer() is not batiments  # the issue: it fell on the first one listed
    _says_gone(picker)
    # Picking the area again is the user's: the picker follows it and stops saying the layer is gone.
    picker.polygonLayerCombo.setLayer(batiments)
    assert picker.area_parameters()["AREA_LAYER"].source.staticValue() == batiments.id()
    assert "no longer in the project" not in picker.totalLabel.text()
    assert picker.gone_layer is None


def test_adding_a_layer_never_changes_the_area(chosen, project, tmp_path):
    _, picker, zone = chosen
    project.addMapLayer(_polygons(tmp_path, "0 premier"))  # listed first, by name
    assert picker.polygonLayerCombo.currentLayer() is zone and picker.current_area().title == "Zone des grottes"
    picker.select_area("toulouse")
    project.addMapLayer(_empty_polygons("Autre"))
    assert picker.areaCombo.currentData() == "toulouse" and picker.current_area().key == "toulouse"


def test_removing_the_chosen_layer_says_so_and_takes_no_other(chosen, project):
    _, picker, zone = chosen
    project.removeMapLayer(zone.id())
    assert [layer.name() for layer in project.mapLayers().values()] == ["A autre"]
    _says_gone(picker)
    # Going to another area and back does not slip the other layer in either: the picker still waits.
    picker.select_area("toulouse")
    picker.select_area("polygon_layer")
    _says_gone(picker)


def test_nothing_runs_on_a_gone_layer_until_the_user_picks_one(chosen, project, tmp_path):
    dock, picker, zone = chosen
    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        picker.select_area("polygon_layer")
        picker.polygonLayerCombo.setLayer(zone)
        page.tick(PLAN)
        picker.select_zoom_band("overview")
        project.removeMapLayer(zone.id())
        _says_gone(picker)
        dock.libraryDir.setFilePath(str(tmp_path / "library"))
        page.maxRateSpin.setValue(0)
        for button in (page.estimateButton, page.downloadButton):
            page.logView.clear()
            button.click()
            assert wait_for(lambda: not page.runner.busy)
            assert "'Zone des grottes' chosen as the area is no longer in the project" in page.logView.toPlainText()
        assert server.log.tiles(200) == [] and not (tmp_path / "library").exists()
    # The export of the Field tab refuses it too.
    dock.field_page.exportButton.click()
    assert "'Zone des grottes' chosen as the area is no longer" in dock.field_page.logView.toPlainText()
