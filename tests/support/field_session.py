"""Run inside the real QGIS desktop (`qgis --code`): the Field page exports two library files for OsmAnd, then
for QField, by clicks, and writes what it saw to IGN_OFFLINE_SESSION=field:OUT.json (tests/qgis/test_desktop_field.py).
Ends QGIS when done (os._exit)."""

import glob
import os
import sys

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface

MODE, _, TARGET = os.environ.get("IGN_OFFLINE_SESSION", "field:/dev/stdout").partition(":")
ROOT = os.environ.get("IGN_OFFLINE_ROOT", "")
sys.path.insert(0, ROOT)
from tests.support.session_end import run_then_exit, write_seen  # noqa: E402 (after ROOT is on the path)

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def write_library(folder):
    from ign_offline.core import mbtiles
    from ign_offline.core.tiles import grid
    from tests.support.images import png_tile

    os.makedirs(folder, exist_ok=True)
    for layer, title in (("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "Plan IGN v2"),
                         ("ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes")):
        with mbtiles.MBTilesWriter(os.path.join(folder, layer + ".mbtiles")) as writer:
            writer.update_metadata(mbtiles.build_metadata(title, "image/png", CARCASSONNE, 8, 13, "© IGN"))
            for t in grid.iter_tiles(CARCASSONNE, 8, 13):
                writer.record(t.z, t.x, t.y, "done", png_tile((t.x % 200, t.y % 200, 90)))


def export(page, target, wait_for):
    page.targetCombo.setCurrentIndex(page.targetCombo.findData(target))
    wait_for(lambda: page.size_task is None and page.sizeLabel.text().startswith(("Prévu", "Expected")))
    seen = {"size": page.sizeLabel.text(), "notes": page.notesLabel.text(), "format": page.formatCombo.currentText()}
    page.exportButton.click()
    wait_for(lambda: not page.runner.busy, timeout=120)
    seen["log"] = page.logView.toPlainText()
    return seen


def field():
    sys.path.insert(0, ROOT)
    from osgeo import gdal

    from tests.support.qt_wait import wait_for

    dock = iface.mainWindow().findChild(QDockWidget, "IgnOfflineDock")
    dock.show()
    library = os.path.join(os.environ["HOME"], "IGN Offline")
    write_library(library)
    page = dock.field_page
    dock.libraryDir.setFilePath(library)
    dock.pages.setCurrentWidget(page)  # the tab shown reads the library again
    wait_for(lambda: page.filesList.count() == 2 and page.list_task is None)
    dock.area_picker.use_bounds(2.33, 43.19, 2.37, 43.23)
    dock.area_picker.zoomMinSpin.setValue(10)
    dock.area_picker.zoomMaxSpin.setValue(12)
    for row in range(page.filesList.count()):
        page.filesList.item(row).setCheckState(Qt.Checked)
    seen = {"tab": dock.pages.tabText(dock.pages.indexOf(page)), "osmand": export(page, "osmand", wait_for),
            "qfield": export(page, "qfield", wait_for), "files": {}}
    for path in sorted(glob.glob(os.path.join(library, "exports", "*", "*"))):
        opened = gdal.OpenEx(path)
        seen["files"][os.path.relpath(path, library)] = opened is not None and opened.GetDriver().ShortName
    write_seen(TARGET, seen)


def run():
    run_then_exit({"field": field}[MODE])


QTimer.singleShot(1000, run)
