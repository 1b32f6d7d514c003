"""Issue 30, the area picker's polygon layer: read into the area in the background, a superseded read (or count, or
measure) never shown over the newer one, and the layer chosen before chosen again when its project is opened again,
after a restart too (never a layer of another project)."""

import time

import pytest

from tests.qgis.test_area_stays_put import _polygons, _second_project
from tests.qgis.test_no_freeze import _box_layer
from tests.support.dock_pages import area_read
from tests.support.qt_wait import wait_for

GONE = "'Zone des grottes' chosen as the area is no longer in the project"


def _tasks_ended():
    from qgis.core import QgsApplication

    assert wait_for(lambda: QgsApplication.taskManager().countActiveTasks() == 0)
    wait_for(lambda: False, timeout=0.3)  # their ends, said on the GUI thread


def test_only_the_latest_run_is_heard_of(qgis_app):
    from ign_offline.ui.background import LatestRun

    heard = []
    run = LatestRun("IGN Offline: test")
    run.start(lambda task: time.sleep(0.5) or "older", heard.append, heard.append)
    run.start(lambda task: "newer", heard.append, heard.append)
    _tasks_ended()
    assert heard == ["newer"] and run.task is None  # the older one, cancelled, neither heard nor clearing
    run.start(lambda task: time.sleep(0.3) or "stopped", heard.append, heard.append)
    run.stop()  # superseded by no run at all (another choice, a page closed)
    _tasks_ended()
    assert heard == ["newer"] and run.task is None


@pytest.mark.serial
def test_a_read_superseded_by_another_layer_never_overwrites_it(dock, project, tmp_path):
    picker = dock.area_picker
    large = _box_layer(-4.5, 42.0, 8.0, 51.0, "Grande zone")  # France-sized: read in tenths of a second
    zone = _polygons(tmp_path, "Zone des grottes")
    project.addMapLayers([large, zone])
    picker.select_zoom_band("overview")
    picker.select_area("polygon_layer")
    picker.polygonLayerCombo.setLayer(large)
    assert picker.totalLabel.text() == "Reading the polygons of 'Grande zone'…"  # busy, and said
    picker.polygonLayerCombo.setLayer(zone)  # picked again while the large one is read
    _tasks_ended()
    area_read(picker)
    assert picker.current_area().title == "Zone des grottes"
    assert picker.totalLabel.text().startswith("Total:"), picker.totalLabel.text()
    assert picker.rubber_band.asGeometry().boundingBox().width() < 100000  # the zone's outline, not France's


def _saved_project(project, tmp_path, layers):
    path = str(tmp_path / "first.qgz")
    project.addMapLayers(layers)
    assert project.write(path)
    return path


def test_the_chosen_layer_is_chosen_again_when_its_project_is_opened_again(dock, project, tmp_path):
    picker = dock.area_picker
    zone = _polygons(tmp_path, "Zone des grottes")
    first = _saved_project(project, tmp_path, [_polygons(tmp_path, "A autre"), zone])
    zone_id = zone.id()  # the layer object goes with its project
    picker.select_area("polygon_layer")
    picker.polygonLayerCombo.setLayer(zone)
    area_read(picker)
    assert project.read(_second_project(tmp_path))  # another project: the area does not follow it
    assert picker.polygonLayerCombo.currentLayer() is None and GONE in picker.totalLabel.text()
    assert project.read(first)  # the first again: its layer, silently
    assert picker.polygonLayerCombo.currentLayer().id() == zone_id
    area_read(picker)
    assert picker.current_area().title == "Zone des grottes" and picker.gone_layer is None
    assert picker.totalLabel.text().startswith("Total:"), picker.totalLabel.text()


def _restarted(desktop_iface):
    """The dock as QGIS starts it again (what it remembers is in QgsSettings)."""
    from ign_offline.ui.dock import IgnOfflineDock

    widget = IgnOfflineDock(desktop_iface)
    widget.show()
    return widget


@pytest.mark.parametrize("opened", ["after the start", "before the start"])
def test_after_a_restart_the_layer_chosen_in_that_project_is_chosen_again(desktop_iface, project, tmp_path, opened):
    zone = _polygons(tmp_path, "Zone des grottes")
    first = _saved_project(project, tmp_path, [_polygons(tmp_path, "A autre"), zone])
    zone_id = zone.id()  # the layer object goes with its project
    dock = _restarted(desktop_iface)
    dock.area_picker.select_area("polygon_layer")
    dock.area_picker.polygonLayerCombo.setLayer(zone)
    area_read(dock.area_picker)
    dock.cleanup()
    project.clear()  # QGIS quits
    try:
        if opened == "before the start":
            assert project.read(first)
        dock = _restarted(desktop_iface)
        picker = dock.area_picker
        if opened == "after the start":
            assert picker.polygonLayerCombo.currentLayer() is None  # nothing yet: the project is not open
            assert project.read(first)
        assert picker.areaCombo.currentData() == "polygon_layer"
        assert picker.polygonLayerCombo.currentLayer().id() == zone_id
        area_read(picker)
        assert picker.current_area().title == "Zone des grottes"
        assert picker.totalLabel.text().startswith("Total:"), picker.totalLabel.text()
    finally:
        dock.cleanup()


def test_after_a_restart_a_remembered_layer_no_longer_there_is_said_and_none_taken(desktop_iface, project,
                                                                                    tmp_path):
    from ign_offline.core.errors import InputError

    zone = _polygons(tmp_path, "Zone des grottes")
    first = _saved_project(project, tmp_path, [_polygons(tmp_path, "A autre"), zone])
    dock = _restarted(desktop_iface)
    dock.area_picker.select_area("polygon_layer")
    dock.area_picker.polygonLayerCombo.setLayer(zone)
    area_read(dock.area_picker)
    dock.cleanup()
    project.removeMapLayer(zone.id())
    assert project.write(first)  # the project saved without it
    project.clear()
    dock = _restarted(desktop_iface)
    try:
        picker = dock.area_picker
        assert project.read(first)
        assert picker.polygonLayerCombo.currentLayer() is None  # not "A autre" in its place
        assert GONE in picker.totalLabel.text(), picker.totalLabel.text()
        with pytest.raises(InputError, match="no longer in the project"):
            picker.current_area()
    finally:
        dock.cleanup()
