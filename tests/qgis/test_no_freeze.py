"""Issue 30, point 5: no network on the GUI thread. Reading the layers of a slow vector TMS froze QGIS 0.8–1.4 s and
took ~30 s to fail; now the dock stays responsive (the event loop's longest gap, measured with a QTimer), shows
that it is reading, and a slow service fails within 10 s with its reason."""

import time

import pytest

from tests.support.qt_wait import wait_for
from tests.support.tms_server import StandInTms


class LoopGaps:
    """The longest gap between two turns of the Qt event loop while it runs (a 10 ms timer's ticks)."""

    def __init__(self):
        from qgis.PyQt.QtCore import QTimer

        self.last = time.monotonic()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self):
        self.timer.stop()
        return self.longest


@pytest.mark.serial
def test_a_slow_vector_tms_does_not_block_the_dock_and_fails_within_ten_seconds(dock):
    page = dock.download_page
    with StandInTms() as server:
        server.document_latency = 40.0  # past any deadline: the service answers nothing in time
        page.sourceCombo.setEditText(server.root)
        gaps = LoopGaps()
        started = time.monotonic()
        page.readLayersButton.click()
        assert not page.readLayersButton.isEnabled()  # busy, and seen to be
        assert "Reading the layers of" in page.layersNoteLabel.text()
        assert wait_for(lambda: page.readLayersButton.isEnabled(), timeout=30)
        took = time.monotonic() - started
        longest = gaps.stop()
    assert took < 10, took
    assert longest < 0.25, longest  # the GUI thread turned all along
    said = page.layersNoteLabel.text()
    assert "did not arrive within" in said and server.root in said, said
    assert said in page.logView.toPlainText()


def _box_layer(west, south, east, north, name):
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(west, south, east, north)))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


@pytest.mark.serial
def test_the_panel_counts_a_large_polygon_in_the_background_then_shows_each_zoom(dock, project):
    from core.tiles import coverage

    picker = dock.area_picker
    layer = _box_layer(-4.5, 42.0, 8.0, 51.0, "Grande zone")  # France-sized: 90,000 points once densified
    project.addMapLayer(layer)
    picker.select_area("toulouse")
    picker.zoomMinSpin.setValue(8)
    picker.zoomMaxSpin.setValue(16)
    picker.select_area("polygon_layer")
    picker.polygonLayerCombo.setLayer(layer)
    # The choice returned with the count not made (busy, and seen to be): it was not counted on the GUI thread.
    # Reading the layer's features into the area still is (0.1-0.3 s for this layer): the gaps are measured from
    # here, over the count alone.
    assert picker.totalLabel.text() == "Counting the tiles of Grande zone…"
    assert picker.countsTable.rowCount() == 0
    gaps = LoopGaps()
    assert wait_for(lambda: picker.totalLabel.text().startswith("Total:"), timeout=60)
    longest = gaps.stop()
    # The count ran in a task (the choice returned before it, above). The GUI thread still pauses 0.4-0.5 s
    # meanwhile, in Qt's own event processing (sampled: no Python frame of ours
    # runs then; the GIL is handed over within 40 ms), most likely the outline of 90,000 vertices drawn
    # on the canvas. That pause is known and left to a later step (see the note); this bound catches the
    # count coming back to the GUI thread.
    assert longest < 1.0, longest
    expected = coverage.count(picker.current_area().polygons, 8, 16)
    table = picker.countsTable
    shown = {int(table.item(r, 0).text()): int("".join(c for c in table.item(r, 1).text() if c.isdigit()))
             for r in range(table.rowCount())}
    assert shown == expected  # below the large-job limit: exact, every zoom
    # Past the limit (zoom 18): the count stops there and says so, rather than counting on for minutes.
    picker.zoomMaxSpin.setValue(18)
    assert wait_for(lambda: picker.totalLabel.text().startswith("Total:"), timeout=60)
    assert "over 10,000,000 tiles per layer" in picker.totalLabel.text(), picker.totalLabel.text()
