"""Run inside the real QGIS desktop (`qgis --code`): the "IGN datasets" page, by clicks — the Toulouse preset,
the products ticked by default, List, Download — against the stand-in download service the test started (its root
in IGN_OFFLINE_DATASETS_SERVICE), and writes what the user saw to IGN_OFFLINE_SESSION=datasets:OUT.json
(tests/qgis/test_desktop_datasets.py), what it reached so far to OUT.json.steps. Ends QGIS when done (os._exit)."""

import os
import sys

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface

MODE, _, TARGET = os.environ.get("IGN_OFFLINE_SESSION", "datasets:/dev/stdout").partition(":")
ROOT = os.environ.get("IGN_OFFLINE_ROOT", "")
sys.path.insert(0, ROOT)
from tests.support.session_end import run_then_exit, write_seen  # noqa: E402 (after ROOT is on the path)


def table(page):
    return [[page.datasetsTable.item(row, column).text() for column in range(page.datasetsTable.columnCount())]
            for row in range(page.datasetsTable.rowCount())]


def layer_tree(node, depth=0):
    """["group: BD TOPO …", "  layer: Routes", …] as the Layers panel shows it."""
    from qgis.core import QgsLayerTreeGroup

    lines = []
    for child in node.children():
        if isinstance(child, QgsLayerTreeGroup):
            lines.append("  " * depth + "group: " + child.name())
            lines.extend(layer_tree(child, depth + 1))
        else:
            layer = child.layer()
            lines.append("  " * depth + "layer: {} ({})".format(child.name(), "valid" if layer is not None
                                                                  and layer.isValid() else "invalid"))
    return lines


def step(text):
    """What the session has reached, beside OUT.json: a session that hangs says where."""
    with open(TARGET + ".steps", "a", encoding="utf-8") as out:
        out.write(text + "\n")


def datasets():
    sys.path.insert(0, ROOT)
    from qgis.core import QgsProject

    from tests.support.qt_wait import drawn, wait_for

    home = os.environ["HOME"]
    pictures = os.environ.get("IGN_OFFLINE_SCREENSHOT")  # `make screenshots`: the README's picture of the page
    if pictures:
        iface.mainWindow().resize(1400, 900)
    dock = iface.mainWindow().findChild(QDockWidget, "IgnOfflineDock")
    dock.show()
    library = os.path.join(home, "IGN Offline")
    page = dock.datasets_page
    # The stand-in download service runs in the test's process (it needs the test tools QGIS's Python lacks).
    dock.libraryDir.setFilePath(library)
    dock.pages.setCurrentWidget(page)
    dock.area_picker.select_area("toulouse")
    page.serviceEdit.setText(os.environ["IGN_OFFLINE_DATASETS_SERVICE"])
    seen = {"tab": dock.pages.tabText(dock.pages.indexOf(page)), "list_button": page.listButton.text(),
            "ticked": [page.check(choice).text() for choice in page.ticked()],
            "download_enabled_before": page.downloadButton.isEnabled()}
    page.listButton.click()
    wait_for(lambda: not page.runner.busy, timeout=120)
    step("listed: " + page.logView.toPlainText())
    seen.update(table=table(page), total=page.totalLabel.text(), list_log=page.logView.toPlainText(),
                download_enabled=page.downloadButton.isEnabled())
    page.runner.opened = lambda folder: True  # no file manager under Xvfb
    page.downloadButton.click()
    wait_for(lambda: not page.runner.busy, timeout=400)
    step("downloaded: " + page.logView.toPlainText())
    seen.update(log=page.logView.toPlainText(), after=table(page))
    dock.area_picker.zoom_to_area()
    step("drawn" if drawn(iface.mapCanvas()) else "not drawn in 30 s")
    if pictures:  # the data on the map, the page's table and log in the panel
        extent = None
        for layer in QgsProject.instance().mapLayers().values():
            if extent is None:
                extent = layer.extent()
            else:
                extent.combineExtentWith(layer.extent())
        iface.mapCanvas().setExtent(extent.buffered(extent.width() * 0.05))
        dock.scrollArea.ensureWidgetVisible(page.logView, 0, 0)
        drawn(iface.mapCanvas())
        iface.mainWindow().grab().save(os.path.join(pictures, "datasets.png"))
    seen["layers"] = layer_tree(QgsProject.instance().layerTreeRoot())
    seen["files"] = sorted(os.path.relpath(os.path.join(folder, name), library)
                           for folder, _, names in os.walk(os.path.join(library, "datasets")) for name in names)
    write_seen(TARGET, seen)


def run():
    run_then_exit({"datasets": datasets}[MODE])


QTimer.singleShot(1000, run)
