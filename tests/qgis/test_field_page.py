"""The dock's Field page (issue 21): library files exported for a field app by clicks, into the library's
exports folder, named by layer, area and zooms; the expected size shown before; choices remembered."""

import os
import re

import pytest
from osgeo import gdal
from qgis.PyQt.QtCore import Qt

from core import mbtiles
from core.field import formats, writers
from core.tiles import grid as tiles
from tests.support.images import png_tile
from tests.support.qt_wait import wait_for

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def library_with_two_layers(folder):
    """Two library files of the Carcassonne area, zooms 8-13, as the downloads write them."""
    folder.mkdir()
    bodies = {}
    for layer, title, colour in (("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "Plan IGN v2", 40),
                                 ("ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes", 200)):
        path = str(folder / (layer + ".mbtiles"))
        bodies[path] = {(t.z, t.x, t.y): png_tile((t.x % 200, t.y % 200, colour))
                        for t in tiles.iter_tiles(CARCASSONNE, 8, 13)}
        with mbtiles.MBTilesWriter(path) as writer:
            writer.update_metadata(mbtiles.build_metadata(title, "image/png", CARCASSONNE, 8, 13, "© IGN"))
            for (z, x, y), data in bodies[path].items():
                writer.record(z, x, y, "done", data)
    return bodies


def field_page_on(dock, library):
    page = dock.field_page
    dock.libraryDir.setFilePath(str(library))
    assert wait_for(lambda: page.filesList.count() == 2 and page.list_task is None)
    dock.area_picker.use_bounds(2.33, 43.19, 2.37, 43.23)
    dock.area_picker.zoomMinSpin.setValue(10)
    dock.area_picker.zoomMaxSpin.setValue(12)
    return page


def test_two_library_files_exported_for_osmand_by_clicks(dock, provider, tmp_path):
    library = tmp_path / "library"
    bodies = library_with_two_layers(library)
    page = field_page_on(dock, library)
    assert dock.pages.indexOf(page) >= 0
    for row in range(page.filesList.count()):
        page.filesList.item(row).setCheckState(Qt.Checked)
    page.targetCombo.setCurrentIndex(page.targetCombo.findData("osmand"))
    assert page.formatCombo.currentData() == "osmand" and "osmand/tiles" in page.notesLabel.text()
    assert page.capCombo.currentData() == formats.FAT32_MB
    # The expected size, before anything runs.
    assert wait_for(lambda: page.size_task is None and "Expected" in page.sizeLabel.text())
    assert "2 files" in page.sizeLabel.text()
    opened = []
    page.runner.opened = lambda folder: opened.append(folder)
    page.exportButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    folder = library / "exports" / "osmand"
    names = sorted(os.listdir(folder))
    assert names == ["Photographies_aeriennes_Typed_area_z10-12.sqlitedb", "Plan_IGN_v2_Typed_area_z10-12.sqlitedb"]
    for name in names:
        assert gdal.OpenEx(str(folder / name)) is not None
        decoded, zooms = writers.decode_osmand(str(folder / name))
        assert zooms == [10, 12] and decoded and set(decoded.values()) <= set(
            v for b in bodies.values() for v in b.values())
        assert len(decoded) < sum(1 for k in next(iter(bodies.values())) if 10 <= k[0] <= 12)  # the area only
    assert "2 files exported" in page.logView.toPlainText() and "⚠" not in page.logView.toPlainText()
    page.openFolderButton.click()
    assert opened == [str(folder)]


def test_qfield_everything_for_the_area_and_choices_remembered(dock, provider, tmp_path, desktop_iface):
    from ign_offline.ui.dock import IgnOfflineDock

    library = tmp_path / "library"
    library_with_two_layers(library)
    page = field_page_on(dock, library)
    page.targetCombo.setCurrentIndex(page.targetCombo.findData("qfield"))
    page.formatCombo.setCurrentIndex(page.formatCombo.findData("gpkg"))
    page.capCombo.setCurrentIndex(page.capCombo.findData(-1))
    page.capSpin.setValue(1500)
    assert page.capSpin.isVisibleTo(page)
    page.allCheck.setChecked(True)
    assert not page.filesList.isEnabled() and len(page.ticked_paths()) == 2
    page.exportButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    folder = library / "exports" / "qfield"
    for name in os.listdir(folder):
        assert name.endswith("_Typed_area_z10-12.gpkg")
        assert gdal.OpenEx(str(folder / name), gdal.OF_RASTER).GetDriver().ShortName == "GPKG"
    assert len(os.listdir(folder)) == 2
    # A new dock (QGIS restarted) shows the same choices.
    again = IgnOfflineDock(desktop_iface)
    try:
        assert again.field_page.targetCombo.currentData() == "qfield"
        assert again.field_page.formatCombo.currentData() == "gpkg"
        assert again.field_page.capCombo.currentData() == -1 and again.field_page.capSpin.value() == 1500
        assert again.field_page.allCheck.isChecked()
    finally:
        again.cleanup()
        again.deleteLater()


def test_everything_for_the_area_leaves_out_files_elsewhere(dock, provider, tmp_path):
    library = tmp_path / "library"
    library_with_two_layers(library)
    paris = (2.25, 48.81, 2.42, 48.90)
    with mbtiles.MBTilesWriter(str(library / "SCAN25.mbtiles")) as writer:
        writer.update_metadata(mbtiles.build_metadata("SCAN 25", "image/png", paris, 10, 12, "© IGN"))
        for t in tiles.iter_tiles(paris, 10, 12):
            writer.record(t.z, t.x, t.y, "done", png_tile((1, 2, 3)))
    dock.libraryDir.setFilePath(str(library))
    page = dock.field_page
    assert wait_for(lambda: page.filesList.count() == 3 and page.list_task is None)
    dock.area_picker.use_bounds(2.33, 43.19, 2.37, 43.23)
    dock.area_picker.zoomMinSpin.setValue(10)
    dock.area_picker.zoomMaxSpin.setValue(12)
    page.targetCombo.setCurrentIndex(page.targetCombo.findData("alpinequest"))
    page.allCheck.setChecked(True)
    assert wait_for(lambda: page.size_task is None and "in 2 files" in page.sizeLabel.text()), page.sizeLabel.text()
    page.exportButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    log = page.logView.toPlainText()
    assert "SCAN 25: no tile in this area at zooms 10-12, left out." in log and "2 files exported" in log, log
    assert len(os.listdir(library / "exports" / "alpinequest")) == 2


def test_open_folder_says_so_when_no_file_manager_opens(dock, tmp_path):
    page = dock.field_page
    page.runner.opened = lambda folder: False
    page.openFolderButton.click()
    assert "No file manager could be opened" in page.logView.toPlainText()


@pytest.mark.usefixtures("french")
def test_the_field_page_speaks_french(provider, desktop_iface, project, tmp_path):
    """In French, the tab, the choices, the expected size and the result are French, numbers and sizes too."""
    from ign_offline.ui.dock import IgnOfflineDock

    dock = IgnOfflineDock(desktop_iface)
    try:
        library = tmp_path / "library"
        library_with_two_layers(library)
        page = field_page_on(dock, library)
        assert dock.pages.tabText(dock.pages.indexOf(page)) == "Terrain"
        assert page.exportButton.text() == "Exporter" and page.allCheck.text().startswith("Tout ce que")
        page.targetCombo.setCurrentIndex(page.targetCombo.findData("web"))
        assert page.capCombo.currentText() == "Sans limite" and "servez le dossier" in page.notesLabel.text()
        page.allCheck.setChecked(True)
        assert wait_for(lambda: page.size_task is None and page.sizeLabel.text().startswith("Prévu"))
        assert re.search(r"environ \d+(,\d)? ko en 2 fichiers", page.sizeLabel.text()), page.sizeLabel.text()
        page.exportButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=60)
        log = page.logView.toPlainText()
        assert "2 fichiers exportés dans" in log and "copiées telles quelles" in log and "⚠" not in log, log
        area = formats.safe_file_part(dock.area_picker.current_area().title)
        assert area != "Typed_area"  # the area's French name
        # Each a folder holding its archive and the page showing it (issue 29).
        folders = ["Photographies_aeriennes_{}_z10-12".format(area), "Plan_IGN_v2_{}_z10-12".format(area)]
        assert sorted(os.listdir(library / "exports" / "web")) == folders
        for folder in folders:
            assert {folder + ".pmtiles", "index.html"} <= set(os.listdir(library / "exports" / "web" / folder))
    finally:
        dock.cleanup()
        dock.deleteLater()
