"""Issue 30, point 5, as a reviewer met it: with a France-sized layer of 96 départements (~96,000 points) as the
area, Estimate, Download and the library's offline project froze QGIS 39–59 s, reading the layer and counting its
tiles again on the GUI thread (the parameter check, then the large-job question's count). Now the GUI thread turns
from the click until the run has started (the check is the run's, in its task; the count is a task, the page busy
meanwhile), and the run or the question then comes as before. The dock's background counts are no news either:
QGIS tells "Task complete" of none of them."""

import math
import time

import pytest
from qgis.core import QgsApplication

from tests.qgis.test_no_freeze import LoopGaps
from tests.support.dock_pages import answering, read_layers_of
from tests.support.qt_wait import ended_tasks, wait_for
from tests.support.wmts_server import StandInWmts

# The large-job limit in these tests: just below France's 100 tiles at zoom 8, so the question is asked after the
# whole count.
FRANCE_LIMIT = 99

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def departements_layer():
    """96 wiggly multi-polygons tiling a France-like box, 1,000 points each (the reviewer's make_data.py), in
    memory: France at zoom 8 is 100 tiles, and counting them takes seconds (1.5 million points once densified)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "Départements", "memory")
    west, south, east, north, columns, rows, side = -4.5, 42.4, 8.0, 51.0, 12, 8, 250
    features = []
    for i in range(columns):
        for j in range(rows):
            x0, x1 = west + (east - west) * i / columns, west + (east - west) * (i + 1) / columns
            y0, y1 = south + (north - south) * j / rows, south + (north - south) * (j + 1) / rows
            wiggle = [0.01 * math.sin(k) for k in range(side)]
            points = ([(x0 + (x1 - x0) * k / side, y0 + wiggle[k]) for k in range(side)]
                      + [(x1 + wiggle[k], y0 + (y1 - y0) * k / side) for k in range(side)]
                      + [(x1 - (x1 - x0) * k / side, y1 + wiggle[k]) for k in range(side)]
                      + [(x0 + wiggle[k], y1 - (y1 - y0) * k / side) for k in range(side)])
            feature = QgsFeature()
            feature.setGeometry(QgsGeometry.fromMultiPolygonXY([[[QgsPointXY(x, y) for x, y in points + points[:1]]]]))
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def france_as_the_area(dock, project):
    """The départements chosen as the area at zoom 8, read and counted by the picker (in its tasks): what the user
    sees before clicking. The picker's count of each zoom, returned."""
    picker = dock.area_picker
    layer = departements_layer()
    project.addMapLayer(layer)
    picker.zoomMinSpin.setValue(8)
    picker.zoomMaxSpin.setValue(8)
    picker.select_area("polygon_layer")
    assert picker.polygonLayerCombo.currentLayer() is layer
    assert wait_for(lambda: picker.totalLabel.text().startswith("Total:"), timeout=120), picker.totalLabel.text()
    table = picker.countsTable
    return {int(table.item(r, 0).text()): int("".join(c for c in table.item(r, 1).text() if c.isdigit()))
            for r in range(table.rowCount())}


@pytest.mark.serial
def test_estimate_with_a_france_sized_layer_starts_at_once_and_estimates_as_before(dock, project, provider,
                                                                                    tmp_path):
    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        for identifier in page.picked_layers():
            page.tick(identifier, False)
        page.tick(PLAN)
        dock.libraryDir.setFilePath(str(tmp_path))
        counts = france_as_the_area(dock, project)
        gaps = LoopGaps()
        page.estimateButton.click()
        assert page.runner.busy and not page.estimateButton.isEnabled()  # started, and seen to be
        assert wait_for(lambda: not page.runner.busy, timeout=120)
        longest = gaps.stop()
    # Before: 0.6 s reading the layer, then seconds counting its tiles, on the GUI thread at the click.
    assert longest < 0.25, longest
    log = page.logView.toPlainText()
    assert "⚠" not in log, log
    table = page.estimateTable
    assert table.rowCount() == 2 and table.item(0, 1).text() == "{:,}".format(counts[8]), log  # 100 tiles


@pytest.mark.serial
@pytest.mark.parametrize("answer", ["yes", "no"])
def test_download_with_a_france_sized_layer_counts_in_the_background_then_asks(dock, project, provider, tmp_path,
                                                                               monkeypatch, answer):
    asked = answering(monkeypatch, answer, FRANCE_LIMIT)
    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        for identifier in page.picked_layers():
            page.tick(identifier, False)
        page.tick(PLAN)
        page.maxRateSpin.setValue(0)
        dock.libraryDir.setFilePath(str(tmp_path))
        counts = france_as_the_area(dock, project)
        gaps = LoopGaps()
        page.downloadButton.click()
        # Counting (a task): busy and seen to be, Cancel on; nothing asked yet.
        assert page.runner.busy and not page.downloadButton.isEnabled() and page.cancelButton.isEnabled()
        assert page.logView.toPlainText() == "Counting the tiles before starting…" and not asked
        assert wait_for(lambda: not page.runner.busy, timeout=180)
        longest = gaps.stop()
        fetched = len(server.log.tiles(200))
    assert longest < 0.25, longest  # before: seconds of counting on the GUI thread, twice
    assert len(asked) == 1, page.logView.toPlainText()
    assert asked[0].startswith("This is a very large download: 100 tiles, about ") and "at 20 kB" in asked[0]
    output = tmp_path / (PLAN + ".mbtiles")
    if answer == "yes":
        assert fetched == counts[8] == 100 and output.exists(), page.logView.toPlainText()
    else:
        assert fetched == 0 and not output.exists()
        assert page.logView.toPlainText() == "Nothing downloaded: reduce the area or the zooms."


@pytest.mark.serial
def test_the_count_before_a_download_can_be_cancelled_and_nothing_starts(dock, project, provider, tmp_path,
                                                                         monkeypatch):
    asked = answering(monkeypatch, "yes", FRANCE_LIMIT)
    with StandInWmts() as server:
        page = read_layers_of(dock, server)
        page.tick(PLAN)
        dock.libraryDir.setFilePath(str(tmp_path))
        france_as_the_area(dock, project)
        page.downloadButton.click()
        assert page.runner.busy
        page.cancelButton.click()
        assert not page.runner.busy and page.downloadButton.isEnabled() and not page.cancelButton.isEnabled()
        # The dropped count ends in its own time: had it been kept, it would have asked by then.
        assert wait_for(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=60)
        wait_for(lambda: asked, timeout=0.5)
        assert not asked and not server.log.tiles(200) and not page.runner.busy
    assert page.logView.toPlainText().endswith("Cancelled: nothing started.")
    assert page.progressBar.text() == "Cancelled"


@pytest.mark.serial
@pytest.mark.parametrize("answer", ["yes", "no"])
def test_the_offline_project_with_a_france_sized_layer_counts_in_the_background_then_asks(
        dock, project, provider, tmp_path, monkeypatch, answer):
    from qgis.core import QgsRasterLayer

    asked = answering(monkeypatch, answer, FRANCE_LIMIT)
    page = dock.library_page
    monkeypatch.setattr(page, "choose_folder", lambda: str(tmp_path / "offline"))
    with StandInWmts() as server:
        uri = ("crs=EPSG:3857&format=image/png&layers={}&styles=normal&tileMatrixSet=PM_0_19"
               "&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(PLAN, server.url)
        project.addMapLayer(QgsRasterLayer(uri, "Plan IGN v2", "wms"))
        france_as_the_area(dock, project)
        assert project.write(str(tmp_path / "terrain.qgz"))
        drawn = len(server.log.tiles(200))  # the tiles the canvas drew the layer with
        gaps = LoopGaps()
        page.offlineProjectButton.click()
        assert page.runner.busy and not page.offlineProjectButton.isEnabled() and not asked
        assert wait_for(lambda: not page.runner.busy, timeout=180)
        longest = gaps.stop()
        fetched = len(server.log.tiles(200)) - drawn
    assert longest < 0.25, longest  # before: seconds of counting on the GUI thread
    assert len(asked) == 1 and "100 tiles" in asked[0], page.logView.toPlainText()
    if answer == "yes":
        assert fetched == 100 and (tmp_path / "offline" / "terrain.qgz").exists(), page.logView.toPlainText()
    else:
        assert fetched == 0 and not (tmp_path / "offline").exists()
        assert page.logView.toPlainText() == "Nothing started: reduce the area or the zooms."


@pytest.mark.serial
def test_qgis_tells_no_task_complete_of_the_pickers_count(dock, project):
    """QGIS tells "Task complete" of a top-level task that ran 5 s or more (QgisApp::onTaskCompleteShowNotify, its
    elapsedTime against minTaskLengthForSystemNotification). The picker's count of the départements runs seconds:
    no task of the dock may end having run even 1 s."""
    with ended_tasks() as ended:
        started = time.monotonic()
        france_as_the_area(dock, project)
        took = time.monotonic() - started
        assert wait_for(lambda: any("count the tiles" in description for description, *_ in ended), timeout=10)
    assert took > 2, took  # the count ran long enough for a plain task to be told (1 s here)
    assert all(elapsed < 1000 for _, _, elapsed in ended), ended
