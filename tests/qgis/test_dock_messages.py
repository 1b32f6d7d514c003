"""Issue 30, point 3: the dock's messages are recomputed when what they speak of changes, and a run's end is said
once and truthfully (cancelled, failed with what is kept, done) — by the dock, not by QGIS's "Task complete"."""

import os

import pytest
from qgis.PyQt.QtCore import Qt

from core import mbtiles
from core.tiles import areas
from tests.support.dock_pages import read_layers_of
from tests.support.qt_wait import ended_tasks, wait_for
from tests.support.sample_mbtiles import write_sample


class HangUpOnEveryTile(dict):
    """The stand-in's faults: every tile request is answered by closing the connection."""

    def get(self, key, default=None):
        return ["reset"]


def test_the_field_page_says_the_library_is_empty_only_while_it_is(dock, tmp_path):
    page = dock.field_page
    library = tmp_path / "library"
    library.mkdir()
    dock.libraryDir.setFilePath(str(library))
    assert wait_for(lambda: page.list_task is None and page.read_from == str(library))
    assert "holds no MBTiles yet" in page.sizeLabel.text()
    write_sample(str(library / "PLAN.mbtiles"), areas.PRESETS["carcassonne"], 8, 10, "Plan IGN v2")
    page.list_files()  # as showing the page again does
    assert wait_for(lambda: page.list_task is None and page.filesList.count() == 1)
    shown = page.sizeLabel.text() + page.logView.toPlainText()
    assert "no MBTiles" not in shown, shown  # not beside the file listed, nor left in the log


def test_the_unknown_layer_note_goes_when_the_layer_is_unticked(dock):
    from tests.support.wmts_server import StandInWmts

    page = dock.download_page
    with StandInWmts() as server:
        page.sourceCombo.setEditText(server.url)
        page.layerSearch.setText("NOT.A.LAYER")
        page.pick_typed()  # typed before the layers are read: kept, ticked
        page.readLayersButton.click()
        assert wait_for(lambda: page.readLayersButton.isEnabled() and page.server_layers is not None)
        assert "NOT.A.LAYER" in page.layersNoteLabel.text()
        page.tick("NOT.A.LAYER", False)
        assert page.layersNoteLabel.text() == ""
        page.tick("NOT.A.LAYER", True)  # and back when ticked again
        assert "NOT.A.LAYER" in page.layersNoteLabel.text()


def test_a_typed_layer_is_not_said_checked_when_the_server_could_not_be_read(dock):
    from tests.support.wmts_server import StandInWmts

    page = dock.download_page
    with StandInWmts() as server:
        gone = server.url
    page.sourceCombo.setEditText(gone)  # nobody listens there now
    page.layerSearch.setText("SOME.LAYER")
    page.pick_typed()
    page.readLayersButton.click()
    assert wait_for(lambda: page.readLayersButton.isEnabled() and page.layersNoteLabel.text())
    typed = [item.text() for item in page.items() if item.data(Qt.UserRole) == "SOME.LAYER"]
    assert typed and "not checked yet" in typed[0] and "checked against" not in typed[0], typed


@pytest.fixture()
def wmts():
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        yield server


@pytest.fixture()
def ortho_download(dock, provider, wmts, tmp_path):
    """The Download page ready to download Ortho alone from the stand-in (its layers read, the others unticked)
    into a library, over a small area at zooms 10-11, with no rate limit."""
    page = read_layers_of(dock, wmts)
    for item in page.items():
        item.setCheckState(Qt.Unchecked)
    page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
    dock.libraryDir.setFilePath(str(tmp_path / "library"))
    dock.area_picker.use_bounds(2.33, 43.18, 2.36, 43.20)
    dock.area_picker.zoomMinSpin.setValue(10)
    dock.area_picker.zoomMaxSpin.setValue(11)
    page.maxRateSpin.setValue(0)
    return page


def test_the_progress_bar_ends_on_the_whole_queue_not_on_its_first_run(ortho_download):
    page = ortho_download
    page.layerSearch.setText("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    page.pick_typed()
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    assert page.progressBar.text() == "100%", page.progressBar.text()
    # One of two runs fails (a layer the server lacks, refused by the algorithm): said as such.
    page.tick("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", False)
    page.server_layers = None  # as typed before reading: the algorithm is the one to refuse it
    page.layerSearch.setText("NOT.A.LAYER")
    page.pick_typed()
    page.estimateButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    text = page.progressBar.text()
    assert text == "1 run of 2 done", text
    assert "(run" not in text


def test_a_cancelled_run_is_not_told_complete_by_qgis(dock, ortho_download, wmts):
    """QGIS tells "Task complete" (or "Task failed") of a task that ran 5 s or more (QgisApp's
    onTaskCompleteShowNotify): no task of a cancelled run may end having run that long (1 s here)."""
    page = ortho_download
    with ended_tasks() as ended:
        wmts.latency = 0.05
        dock.area_picker.use_bounds(2.30, 43.15, 2.45, 43.25)
        dock.area_picker.zoomMaxSpin.setValue(15)
        dock.area_picker.zoomMinSpin.setValue(12)
        page.concurrencySpin.setValue(1)
        page.downloadButton.click()
        assert wait_for(lambda: len(wmts.log.entries) > 30, timeout=60)  # it has run for over 1.5 s
        page.cancelButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=30)
        assert wait_for(lambda: ended, timeout=10)
    assert all(elapsed < 1000 for _, _, elapsed in ended), ended
    assert dock.iface.messageBar().currentItem().text().startswith("Download cancelled")
    assert page.progressBar.text() == "Cancelled"


def test_a_download_that_fails_says_what_its_file_keeps(dock, ortho_download, wmts):
    """The host gone after a first run: the resumed download fails, and says the file keeps its tiles (not that
    nothing was saved)."""
    page = ortho_download
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    output = page.output_for("ORTHOIMAGERY.ORTHOPHOTOS")
    with mbtiles.MBTilesReader(output) as reader:
        kept = sum(reader.count_by_zoom().values())
    assert kept > 0
    # The capabilities are read, then the host hangs up on every tile (as a host going away does).
    wmts.faults = HangUpOnEveryTile()
    dock.area_picker.zoomMaxSpin.setValue(12)
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    said = dock.iface.messageBar().currentItem().text()
    assert "Nothing was stored" not in said, said
    assert "{} keeps the {:,} tiles it holds".format(os.path.basename(output), kept) in said, said


def test_a_resumed_download_whose_server_is_gone_says_its_file_keeps_its_tiles(dock, ortho_download, wmts):
    """The server gone altogether (its capabilities cannot be read): "nothing was saved" is of this run, and the
    file's tiles are said kept."""
    page = ortho_download
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    wmts.stop()
    output = page.output_for("ORTHOIMAGERY.ORTHOPHOTOS")
    with mbtiles.MBTilesReader(output) as reader:
        kept = sum(reader.count_by_zoom().values())
    assert kept > 0
    page.downloadButton.click()  # nobody listens there now
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    said = dock.iface.messageBar().currentItem().text()
    assert said.startswith("The download failed"), said
    assert "{} keeps the {:,} tiles it holds".format(os.path.basename(output), kept) in said, said
