"""Run inside the real QGIS desktop (`qgis --code`): styles saved from a loopback style server, the server
stopped, then the vector MBTiles loaded by ign_offline:load_mbtiles with a STYLE and drawn on the map canvas at
its last zoom and 3 beyond, then switched to another style; writes what it saw to
IGN_OFFLINE_SESSION=vector:OUT.json (tests/qgis/test_desktop_vector_styles.py). Ends QGIS when done."""

import math
import os
import sys

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

MODE, _, TARGET = os.environ.get("IGN_OFFLINE_SESSION", "vector:/dev/stdout").partition(":")
ROOT = os.environ.get("IGN_OFFLINE_ROOT", "")
sys.path.insert(0, ROOT)
from tests.support.session_end import run_then_exit, write_seen  # noqa: E402 (after ROOT is on the path)

MAX_ZOOM = 14


class Warnings:
    """A Processing feedback keeping what the algorithm said."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Kept(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushWarning(self, text):  # noqa: N802 (QGIS API name)
                self.lines.append(text)

            def reportError(self, text, fatal=False):  # noqa: N802 (QGIS API name)
                self.lines.append(text)

        self.feedback = Kept()


def draw(canvas, zoom, wait_for):
    """The map canvas at `zoom` around the roads' crossing; the number of distinct colours seen."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from tests.support.style_server import CROSSING

    lon, lat = CROSSING
    x = math.radians(lon) * 6378137
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137
    # The extent of canvas.width() pixels at `zoom` (256 px per tile), whatever the size of the window.
    half = math.pi * 6378137 / 2 ** zoom * canvas.width() / 256
    half_height = half * canvas.height() / canvas.width()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(x - half, y - half_height, x + half, y + half_height))
    done = []
    canvas.mapCanvasRefreshed.connect(lambda: done.append(True))
    canvas.refreshAllLayers()
    wait_for(lambda: done, timeout=30)
    canvas.mapCanvasRefreshed.disconnect()
    image = canvas.grab().toImage()
    pixels = [image.pixel(px, py) for px in range(0, image.width(), 3) for py in range(0, image.height(), 3)]
    return len(set(pixels)), pixels


def vector():
    sys.path.insert(0, ROOT)
    import processing
    from qgis.core import QgsProject
    from qgis.PyQt.QtGui import QFontDatabase

    from ign_offline.core.vector import styles
    from ign_offline.toolbelt.vector_tiles import current_style, switch_style
    from tests.support.qt_wait import wait_for
    from tests.support.style_server import StyleServer, write_vector_mbtiles

    library = os.path.join(os.environ["HOME"], "IGN Offline")
    os.makedirs(library, exist_ok=True)
    path = write_vector_mbtiles(os.path.join(library, "PLAN.IGN.mbtiles"), max_zoom=MAX_ZOOM)
    with StyleServer("PLAN.IGN", ("standard", "gris")) as server:
        processing.run("ign_offline:save_vector_styles", {
            "INPUT": path, "SOURCE": server.origin + "/tms/1.0.0", "STYLES": "standard,gris"})
    # from here on, no server: the network is gone
    seen = {"fonts": sorted(QFontDatabase().styles("Source Sans Pro")), "saved": styles.saved_styles(path)}
    kept = Warnings().feedback
    result = processing.run("ign_offline:load_mbtiles", {"INPUT": path, "STYLE": "standard"}, feedback=kept,
                            context=None)
    seen["loaded"] = result["LOADED"]
    layer = QgsProject.instance().mapLayer(result["OUTPUT_LAYERS"][0])
    seen["valid"] = layer.isValid()
    seen["warnings"] = kept.lines
    iface.mainWindow().showMaximized()
    canvas = iface.mapCanvas()
    wait_for(lambda: canvas.width() > 300, timeout=10)
    seen["colours"] = {}
    seen["canvas"] = [canvas.width(), canvas.height()]
    for zoom in range(MAX_ZOOM, MAX_ZOOM + 4):
        seen["colours"][zoom], _ = draw(canvas, zoom, wait_for)
    _, standard = draw(canvas, MAX_ZOOM, wait_for)
    seen["switch_warnings"] = switch_style(layer, "gris")
    seen["style"] = current_style(layer)
    _, grey = draw(canvas, MAX_ZOOM, wait_for)
    seen["switch_changed"] = standard != grey
    write_seen(TARGET, seen)


def run():
    run_then_exit({"vector": vector}[MODE])


QTimer.singleShot(1000, run)
