"""Issue 21 review: in the real desktop, "Zoom to the area" right after ticking the overview in an empty project
left the canvas at the whole world (QGIS's deferred set-up for a project's first layers undid the zoom)."""

import json
import shutil

import pytest

from tests.support.desktop import run_desktop
from tests.support.xvfb import Xvfb

SCRIPT = """
import json, os
from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsProject
from qgis.utils import iface, plugins
def go():
    picker = plugins["ign_offline"].dock.area_picker
    picker.select_area("carcassonne")
    picker.overviewCheck.setChecked(True)
    picker.zoomToButton.click()
    QTimer.singleShot(2000, probe)
def probe():
    extent = iface.mapCanvas().extent()
    with open(os.environ["ZOOM_OUT"], "w") as out:
        json.dump({"crs": iface.mapCanvas().mapSettings().destinationCrs().authid(),
                   "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()],
                   "layers": sorted(l.name() for l in QgsProject.instance().mapLayers().values())}, out)
    os._exit(0)
QTimer.singleShot(1500, go)
QTimer.singleShot(60000, lambda: os._exit(3))
"""


def test_zoom_right_after_ticking_the_overview_shows_the_area(tmp_path):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing")
    script = tmp_path / "zoom.py"
    script.write_text(SCRIPT)
    out = tmp_path / "zoom.json"
    with Xvfb() as display:
        run_desktop(str(tmp_path / "home"), display, "en_US.UTF-8", timeout=90, script=str(script),
                    settings="\n[ign_offline]\ndock\\overview=false\ndock\\library={}\n".format(tmp_path / "library"),
                    env={"ZOOM_OUT": str(out)})
    seen = json.loads(out.read_text())
    assert seen["layers"] == ["Area: Carcassonne", "Overview: Plan IGN v2"]  # the outline too
    assert seen["crs"] == "EPSG:3857"
    xmin, ymin, xmax, ymax = seen["extent"]
    # Carcassonne (2.30–2.40° E, 43.18–43.25° N) in EPSG:3857, not the whole world
    assert xmin < 256000 and xmax > 267000 and ymin < 5339500 and ymax > 5350000 and xmax - xmin < 100000
