"""The dock's figures stay fresh, the layer list keeps what is ticked in sight, results show,
the polygon-layer choice, and the small items."""

from qgis.PyQt.QtCore import Qt

from tests.support.dock_pages import area_read, read_layers_of
from tests.support.qt_wait import wait_for


def _type_layer(page, text):
    from qgis.PyQt.QtTest import QTest

    page.layerSearch.selectAll()
    QTest.keyClicks(page.layerSearch, text)
    QTest.keyClick(page.layerSearch, Qt.Key_Return)


def _some_figures(page):
    page._table_row(("Plan IGN", "12", "1 MB", "1 min"))
    assert page.estimateTable.rowCount() == 1


def test_the_estimate_goes_when_area_zooms_folder_or_server_change(dock, provider, tmp_path):
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
        page.maxRateSpin.setValue(0)
        page.estimateButton.click()
        assert wait_for(lambda: not page.runner.busy)
        assert page.estimateTable.rowCount() == 2  # the layer and the total
        dock.area_picker.select_area("toulouse")
        assert page.estimateTable.rowCount() == 0
    _some_figures(page)
    dock.area_picker.zoomMaxSpin.setValue(dock.area_picker.zoomMaxSpin.value() + 1)
    assert page.estimateTable.rowCount() == 0
    _some_figures(page)
    dock.libraryDir.setFilePath(str(tmp_path / "elsewhere"))
    assert page.estimateTable.rowCount() == 0
    assert str(tmp_path / "elsewhere") in page.pickedLabel.text()  # "…one file each in <folder>" follows it
    _some_figures(page)
    page.sourceCombo.setEditText("https://data.geopf.fr/private/wmts")
    assert page.estimateTable.rowCount() == 0


def test_a_failed_read_clears_the_old_servers_list_and_says_why(dock):
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
    page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
    page.sourceCombo.setEditText(server.url + "?again")  # the server is gone: nobody listens there now
    page.readLayersButton.click()
    assert wait_for(lambda: page.readLayersButton.isEnabled() and page.layersNoteLabel.text())
    assert [item.data(Qt.UserRole) for item in page.items()] == ["ORTHOIMAGERY.ORTHOPHOTOS"]  # only what is ticked
    assert page.layersNoteLabel.text().startswith("The layers of http://127.0.0.1:")


def test_ticked_layers_come_first_and_enter_keeps_them_in_sight(dock):
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
    last = page.items()[-1].data(Qt.UserRole)
    page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
    _type_layer(page, last)
    assert page.layerSearch.text() == ""
    assert [item.data(Qt.UserRole) for item in page.items()][:2] == ["ORTHOIMAGERY.ORTHOPHOTOS", last]
    assert not page.items()[1].isHidden()
    page.layerSearch.setText("")
    assert page.pickedLabel.text().startswith("2 layers ticked")
    page.tickedOnlyCheck.setChecked(True)
    assert [item.data(Qt.UserRole) for item in page.items() if not item.isHidden()] == page.picked_layers()
    page.tickedOnlyCheck.setChecked(False)
    assert not any(item.isHidden() for item in page.items())


def test_a_typed_identifier_counts_at_once(dock):
    page = dock.download_page
    for item in page.items():
        item.setCheckState(Qt.Unchecked)
    page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
    _type_layer(page, "SOME.TYPED.LAYER")
    assert page.picked_layers()[:2] == ["ORTHOIMAGERY.ORTHOPHOTOS", "SOME.TYPED.LAYER"]
    assert page.pickedLabel.text().startswith("2 layers ticked")


def test_a_refused_identifier_is_said_next_to_the_list_before_any_run(dock, provider):
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        requests = len(server.log.entries)
        _type_layer(page, "ORTHOIMAGERY.ORTHOFOTOS")
        assert "ORTHOIMAGERY.ORTHOFOTOS" in page.layersNoteLabel.text()
        assert "ORTHOIMAGERY.ORTHOFOTOS" not in page.picked_layers()
        assert page.layerSearch.text() == "ORTHOIMAGERY.ORTHOFOTOS"  # left to be corrected
        # ticked some other way (remembered from before): refused before the estimate starts
        page._add_item("ORTHOIMAGERY.ORTHOFOTOS", "typed", True)
        page.estimateButton.click()
        assert not page.runner.busy and len(server.log.entries) == requests
    assert "Not a layer of this server: ORTHOIMAGERY.ORTHOFOTOS" in page.logView.toPlainText()


def _sample(tmp_path, name):
    from ign_offline.core.tiles import areas
    from tests.support.sample_mbtiles import write_sample

    path = str(tmp_path / (name + ".mbtiles"))
    write_sample(path, areas.PRESETS["carcassonne"], 8, 9, name)
    return path


def test_a_result_in_a_hidden_group_is_shown_alone(project, tmp_path):
    from ign_offline.toolbelt.layer_tree import GROUP_NAME
    from ign_offline.toolbelt.layers import load_mbtiles

    first = load_mbtiles(project, _sample(tmp_path, "first"))
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    group.setItemVisibilityChecked(False)  # the user hid the group
    second = load_mbtiles(project, _sample(tmp_path, "second"))
    assert group.itemVisibilityChecked()
    assert group.findLayer(second.id()).isVisible()
    assert not group.findLayer(first.id()).isVisible()  # what the user hid stays hidden
    group.setItemVisibilityChecked(False)
    assert load_mbtiles(project, second.source()) is None  # loaded again (a download added tiles): shown
    assert group.findLayer(second.id()).isVisible()


def test_a_file_extended_with_a_second_area_does_not_keep_the_first_areas_name(dock, project, provider, tmp_path):
    from ign_offline.toolbelt.layer_tree import GROUP_NAME
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        for item in page.items():
            item.setCheckState(Qt.Unchecked)
        page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
        dock.libraryDir.setFilePath(str(tmp_path))
        page.maxRateSpin.setValue(0)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
        group = project.layerTreeRoot().findGroup(GROUP_NAME)
        assert [n.layer().name() for n in group.findLayers()] == ["Photographies aériennes — Carcassonne"]
        dock.area_picker.select_area("toulouse")
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
    assert [n.layer().name() for n in group.findLayers()] == ["Photographies aériennes"]


def _polygons(tmp_path, name):
    from qgis.core import QgsVectorLayer

    from tests.support.polygon_files import write_lambert_geopackage

    layer = QgsVectorLayer(write_lambert_geopackage(tmp_path / (name + ".gpkg")), name, "ogr")
    assert layer.isValid()
    return layer


def test_polygons_of_a_layer_default_to_the_active_one_never_the_plugins_own(desktop_iface, dock, project,
                                                                            tmp_path):
    from ign_offline.toolbelt.layer_tree import is_own, mark_own

    picker = dock.area_picker
    own = mark_own(_polygons(tmp_path, "A outline"))  # first in the list by name
    mine, other = _polygons(tmp_path, "B mine"), _polygons(tmp_path, "C other")
    project.addMapLayers([own, mine, other])
    assert is_own(own) and not is_own(mine)
    desktop_iface.mapCanvas().setCurrentLayer(other)
    picker.select_area("polygon_layer")
    assert picker.polygonLayerCombo.currentLayer() is other
    picker.select_area("toulouse")
    desktop_iface.mapCanvas().setCurrentLayer(None)
    picker.select_area("polygon_layer")
    assert picker.polygonLayerCombo.currentLayer() is not own
    combo = picker.polygonLayerCombo  # its first row is empty: no layer until the user picks one (issue 30)
    listed = lambda: [combo.layer(i).id() for i in range(combo.count()) if combo.layer(i) is not None]  # noqa: E731
    assert own.id() not in listed()
    later = mark_own(_polygons(tmp_path, "D coverage"))  # a helper layer added while the choice is shown
    project.addMapLayer(later)
    assert later.id() not in listed()


def test_zoom_to_area_shows_the_whole_polygon_with_a_margin(desktop_iface, dock, project, tmp_path):
    picker = dock.area_picker
    layer = _polygons(tmp_path, "L")
    project.addMapLayer(layer)
    desktop_iface.mapCanvas().setCurrentLayer(layer)
    picker.select_area("polygon_layer")
    area_read(picker)
    picker.zoom_to_area()
    shape = picker._area_geometry_on_canvas(picker.current_area()).boundingBox()
    shown = desktop_iface.mapCanvas().extent()
    margin = min(shape.width(), shape.height()) * 0.02
    assert shown.xMinimum() < shape.xMinimum() - margin and shown.xMaximum() > shape.xMaximum() + margin
    assert shown.yMinimum() < shape.yMinimum() - margin and shown.yMaximum() > shape.yMaximum() + margin


def test_an_unwritable_library_is_named_with_its_reason_and_the_bar_is_not_full(dock, provider, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    from tests.support.wmts_server import StandInWmts

    # /sys has no free space: the dock asks before "a very large download"; the user says go ahead
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)

    folder = "/sys/IGN Offline"  # /sys takes no files, even from root (a chmod would not stop root)
    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
        dock.libraryDir.setFilePath(folder)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
    log = page.logView.toPlainText()
    assert "'{}'".format(folder) in log
    assert page.progressBar.value() < 100


def test_the_docks_progress_is_the_task_managers(dock, provider, tmp_path):
    from qgis.core import QgsApplication

    from tests.support.wmts_server import StandInWmts

    manager = QgsApplication.taskManager()
    seen = []
    with StandInWmts(latency=0.02) as server:
        page = read_layers_of(dock, server)
        page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
        page.tick("CADASTRALPARCELS.PARCELLAIRE_EXPRESS")
        dock.libraryDir.setFilePath(str(tmp_path))
        dock.area_picker.zoomMinSpin.setValue(13)
        dock.area_picker.zoomMaxSpin.setValue(15)
        page.maxRateSpin.setValue(0)
        page.concurrencySpin.setValue(1)

        def second_run_halfway():
            tasks = manager.activeTasks()
            if page.runner.index == 1 and tasks and 20 <= tasks[0].progress() <= 80:
                seen.append((page.progressBar.value(), tasks[0].progress(), page.progressBar.text()))
            return bool(seen)

        assert page.downloadButton.click() is None and wait_for(second_run_halfway, timeout=30)
        page.cancelButton.click()
        assert wait_for(lambda: not page.runner.busy)
    bar, task, text = seen[0]
    assert abs(bar - task) < 10 and "2" in text


def test_the_wheel_over_an_unfocused_choice_scrolls_the_dock_not_the_value(dock):
    from qgis.PyQt.QtCore import QPoint, QPointF
    from qgis.PyQt.QtGui import QWheelEvent
    from qgis.PyQt.QtWidgets import QApplication

    dock.resize(420, 300)  # shorter than its contents: it scrolls
    wait_for(lambda: dock.scrollArea.verticalScrollBar().maximum() > 0, timeout=2)
    bar = dock.scrollArea.verticalScrollBar()
    combo, spin = dock.area_picker.zoomBandCombo, dock.download_page.concurrencySpin
    assert combo.focusPolicy() == Qt.StrongFocus and spin.focusPolicy() == Qt.StrongFocus
    before = (combo.currentIndex(), spin.value(), bar.value())
    for widget in (combo, spin):
        event = QWheelEvent(QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                            Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
    assert (combo.currentIndex(), spin.value()) == before[:2]
    assert bar.maximum() == 0 or bar.value() > before[2]


def test_open_folder_says_so_when_no_file_manager_opens_it(dock, tmp_path, monkeypatch):
    monkeypatch.setattr(dock, "opened", lambda folder: False)  # what QDesktopServices.openUrl says without one
    dock.libraryDir.setFilePath(str(tmp_path / "bib"))
    dock.openFolderButton.click()
    message = dock.iface.messageBar().currentItem()
    assert message is not None and str(tmp_path / "bib") in message.text()


def test_the_toolbox_group_has_the_panels_name(dock, provider):
    assert provider.name() == dock.windowTitle()


def test_a_short_plan_estimate_says_minutes_or_seconds_not_0_0_h(provider, tmp_path):
    import json

    import processing
    from qgis.core import QgsProcessingFeedback

    from tests.support.wmts_server import StandInWmts

    server = StandInWmts()  # started below, for the estimate (which reads its capabilities)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"source": server.url, "entries": [
        {"layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "area": "carcassonne", "zoom_min": 8, "zoom_max": 12}]}))

    class Lines(QgsProcessingFeedback):
        said = []

        def pushInfo(self, text):  # noqa: N802 (QGIS API name)
            self.said.append(text)

    feedback = Lines()
    with server:
        processing.run("ign_offline:run_plan", {"PLAN": str(plan), "LIBRARY": str(tmp_path / "library"),
                                                "ESTIMATE_ONLY": True, "MAX_RATE": 20}, feedback=feedback)
    fetch = [line for line in feedback.said if line.startswith("To fetch")]
    assert fetch and " h " not in fetch[0] and ("s at 20 requests/s" in fetch[0] or "min at 20" in fetch[0]), fetch
