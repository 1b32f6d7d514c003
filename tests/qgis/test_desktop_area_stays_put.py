"""Issue 30, point 1, in the real desktop: with "Polygons of a layer…" and a layer chosen, opening a second project
(whose first polygon layer is "Bâtiments", empty) switched the area to it. Now the area stays the user's: the picker
says the chosen layer is gone, and nothing runs on another layer."""

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
seen = {}
def picker():
    return plugins["ign_offline"].dock.area_picker
def state():
    p = picker()
    layer = p.polygonLayerCombo.currentLayer()
    try:
        area = p.current_area().title
    except Exception as exc:
        area = "refused: " + str(exc)
    return {"area_choice": p.areaCombo.currentData(), "layer": layer.name() if layer else None, "area": area,
            "said": p.totalLabel.text(), "layers": sorted(l.name() for l in QgsProject.instance().mapLayers().values())}
def first():
    iface.addProject(os.environ["FIRST_PROJECT"])
    QTimer.singleShot(1000, choose)
def choose():
    p = picker()
    p.select_area("polygon_layer")
    p.polygonLayerCombo.setLayer(QgsProject.instance().mapLayersByName("Zone des grottes")[0])
    QTimer.singleShot(1500, second)  # the layer read into the area, in a task
def second():
    seen["before"] = state()
    iface.addProject(os.environ["SECOND_PROJECT"])
    QTimer.singleShot(2000, probe)
def probe():
    seen["after"] = state()
    with open(os.environ["AREA_OUT"], "w") as out:
        json.dump(seen, out)
    os._exit(0)
QTimer.singleShot(1500, first)
QTimer.singleShot(60000, lambda: os._exit(3))
"""


def _project(tmp_path, name, layer_name, polygons):
    """A saved project holding one GeoPackage polygon layer (the Lambert-93 L of the tests, or an empty one)."""
    from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer

    from tests.support.polygon_files import write_lambert_geopackage

    path = tmp_path / (name + ".gpkg")
    if polygons:
        write_lambert_geopackage(path)
    else:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        empty = QgsVectorLayer("Polygon?crs=EPSG:2154", layer_name, "memory")
        assert QgsVectorFileWriter.writeAsVectorFormatV2(empty, str(path), QgsProject.instance().transformContext(),
                                                         options)[0] == QgsVectorFileWriter.NoError
    project = QgsProject()
    layer = QgsVectorLayer(str(path), layer_name, "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    project_path = str(tmp_path / (name + ".qgz"))
    assert project.write(project_path)
    return project_path


def test_opening_a_second_project_does_not_change_the_area(tmp_path, qgis_processing):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing")
    script = tmp_path / "area.py"
    script.write_text(SCRIPT)
    out = tmp_path / "area.json"
    env = {"AREA_OUT": str(out), "FIRST_PROJECT": _project(tmp_path, "first", "Zone des grottes", True),
           "SECOND_PROJECT": _project(tmp_path, "second", "Bâtiments", False)}
    with Xvfb() as display:
        completed = run_desktop(str(tmp_path / "home"), display, "en_US.UTF-8", timeout=120, script=str(script),
                                settings="\n[ign_offline]\ndock\\overview=false\ndock\\library={}\n".format(
                                    tmp_path / "library"), env=env)
    assert out.exists(), (completed.stdout + completed.stderr)[-3000:]
    seen = json.loads(out.read_text())
    assert seen["before"]["layer"] == "Zone des grottes" and seen["before"]["area"] == "Zone des grottes"
    after = seen["after"]
    assert after["layers"] == ["Bâtiments"]  # the second project is open
    assert after["area_choice"] == "polygon_layer" and after["layer"] is None, after  # not "Bâtiments"
    assert after["area"].startswith("refused: The layer 'Zone des grottes' chosen as the area is no longer"), after
    assert "'Zone des grottes' chosen as the area is no longer in the project" in after["said"], after
