"""Styles never lose the map, hostile documents, offline styles in the field (issue 29, points 3, 5 and 7): with the
TMS stand-in serving eight of Plan IGN's nine styles (the ninth answers 404), the dock downloads the layer, saves the
eight, adds the layer drawn with the first and says in a yellow bar which style is missing and why; the dock saves
only the styles ticked; a hostile TileJSON or style is one sentence in qgis_process's output, never a traceback, and
one bad plan entry fails alone; an offline copy of a project takes `<LAYER>.styles/` and switches style with the
server stopped."""

import json
import os

import pytest
from qgis.core import Qgis, QgsProject

from core.vector import styles
from tests.qgis.conftest import make_process
from tests.qgis.test_vector_downloads import stored
from tests.qgis.test_vector_plans_and_dock import render_colours
from tests.qgis.test_vector_styles import Recorded, font_or_sprite
from tests.support.qt_wait import wait_for
from tests.support.style_server import STYLES_PATH
from tests.support.tms_server import StandInTms

LAYER = "PLAN.IGN"
NINE = styles.KNOWN_STYLES[LAYER]
EIGHT = tuple(name for name in NINE if name != "epure")


class HostileTms(StandInTms):
    """The stand-in with `documents[path]` sent instead of what it serves there (a hostile metadata.json, style…)."""

    def __init__(self, documents, **kwargs):
        self.replaced = documents
        super().__init__(**kwargs)

    def metadata(self, layer):
        return self.replaced.get("/tms/1.0.0/{}/metadata.json".format(layer)) or super().metadata(layer)


def download_in_dock(dock, server, library):
    page, picker = dock.download_page, dock.area_picker
    dock.libraryDir.setFilePath(str(library))
    page.sourceCombo.setEditText(server.root)
    page.readLayersButton.click()
    assert wait_for(lambda: page.layer_source(LAYER) == server.root, timeout=30)
    page.tick(LAYER)
    picker.select_area("toulouse")
    picker.zoomMinSpin.setValue(8)
    picker.zoomMaxSpin.setValue(9)
    page.maxRateSpin.setValue(0)
    return page


def test_one_style_of_nine_missing_the_map_is_added_with_the_eight_and_a_yellow_bar_names_it(dock, project,
                                                                                             provider, tmp_path):
    from ign_offline.toolbelt.vector_tiles import current_style, find_loaded

    library = tmp_path / "library"
    with StandInTms(styles=EIGHT) as server:
        page = download_in_dock(dock, server, library)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
        log = page.logView.toPlainText()
    output = str(library / "PLAN.IGN.mbtiles")
    assert stored(output)
    assert styles.saved_styles(output) == list(EIGHT)  # the other eight, each saved on its own
    layer = find_loaded(QgsProject.instance(), output)
    assert layer is not None and layer.isValid() and current_style(layer) == "standard"
    item = dock.iface.messageBar().currentItem()
    assert item.level() == Qgis.Warning, (item.level(), item.text())
    text = item.text()
    assert "1 style of PLAN.IGN not saved: epure (" in text and "404" in text, text
    assert "epure" in log


def test_no_style_at_all_is_a_warning_and_the_layer_is_still_added(dock, project, provider, tmp_path):
    from ign_offline.toolbelt.vector_tiles import current_style, find_loaded

    library = tmp_path / "library"
    with StandInTms(styles=()) as server:  # no /annexes at all: every style answers 404
        page = download_in_dock(dock, server, library)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
    output = str(library / "PLAN.IGN.mbtiles")
    layer = find_loaded(QgsProject.instance(), output)
    assert layer is not None and layer.isValid() and current_style(layer) == ""  # QGIS's default look
    item = dock.iface.messageBar().currentItem()
    assert item.level() == Qgis.Warning and "no style could be saved" in item.text(), item.text()
    assert "standard" in item.text() and "404" in item.text()


def test_all_styles_saved_is_green(dock, project, provider, tmp_path):
    library = tmp_path / "library"
    with StandInTms(styles=NINE) as server:
        page = download_in_dock(dock, server, library)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
    assert dock.iface.messageBar().currentItem().level() == Qgis.Success


def test_the_dock_saves_only_the_styles_ticked(dock, project, provider, tmp_path):
    library = tmp_path / "library"
    with StandInTms(styles=NINE) as server:
        page = download_in_dock(dock, server, library)
        assert not page.vectorStylesList.isVisibleTo(page)
        page.vectorStylesCombo.setCurrentIndex(page.vectorStylesCombo.findData("some"))
        assert page.vectorStylesList.isVisibleTo(page)
        assert [page.vectorStylesList.item(i).text() for i in range(page.vectorStylesList.count())] == list(NINE)
        for style in NINE:
            if style not in ("gris", "toponymes"):
                page.tick_style(LAYER, style, False)
        assert page.vector_styles(LAYER) == "gris, toponymes"
        page.tick(LAYER, False)
        page.tick(LAYER)  # the list is rebuilt: what was unticked stays unticked
        assert page.vector_styles(LAYER) == "gris, toponymes"
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
    assert styles.saved_styles(str(library / "PLAN.IGN.mbtiles")) == ["gris", "toponymes"]
    assert dock.iface.messageBar().currentItem().level() == Qgis.Success
    page.tick_style(LAYER, "gris", False)
    page.tick_style(LAYER, "toponymes", False)
    page.downloadButton.click()
    assert "Tick at least one style of PLAN.IGN" in page.logView.toPlainText()


def test_save_vector_styles_with_one_missing_style_saves_the_others_and_says_it(processing, tmp_path):
    library = tmp_path / "library"
    with StandInTms(styles=EIGHT) as server:
        result = processing.run("ign_offline:run_plan", {
            "PLAN": write_plan(tmp_path / "plan.json", server.root, [entry()]), "LIBRARY": str(library),
            "MAX_RATE": 0, "LOAD": False})
        assert styles.saved_styles(str(library / "PLAN.IGN.mbtiles")) == list(EIGHT)
        assert "epure (" in result["STYLES_NOT_SAVED"] and "404" in result["STYLES_NOT_SAVED"]
        again = processing.run("ign_offline:save_vector_styles", {
            "INPUT": str(library / "PLAN.IGN.mbtiles"), "SOURCE": server.root, "STYLES": "gris, epure"})
    assert (again["SAVED"], again["FAILED"]) == (1, 1)
    assert again["NOT_SAVED"].startswith("1 style of PLAN.IGN not saved: epure (")


def entry(layer=LAYER, **fields):
    return dict({"layer": layer, "area": "toulouse", "zoom_min": 8, "zoom_max": 9}, **fields)


def write_plan(path, root, entries):
    path.write_text(json.dumps({"source": root, "entries": entries}), encoding="utf-8")
    return str(path)


def test_qgis_process_a_hostile_tilejson_and_a_bad_entry_fail_alone_without_traceback(tmp_path):
    library = tmp_path / "library"
    hostile = {"/tms/1.0.0/PCI/metadata.json": b"[" * 200000}
    with HostileTms(hostile, styles=("standard",)) as server:
        plan = write_plan(tmp_path / "plan.json", server.root, [
            entry("PCI"), entry(zoom_min="eight"), entry()])
        done = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + plan, "LIBRARY=" + str(library),
                            "MAX_RATE=0", "LOAD=false")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Traceback" not in output
    assert "Entries 1 (PCI): The metadata of TMS layer 'PCI' nests arrays or objects more than 64 deep" in output
    assert "entry 2, field 'zoom_min'" in output
    assert stored(str(library / "PLAN.IGN.mbtiles"))  # the good entry ran
    assert styles.saved_styles(str(library / "PLAN.IGN.mbtiles")) == ["standard"]
    assert not os.path.exists(str(library / "PCI.mbtiles"))
    failed = json.loads(next(line.split(":", 1)[1].strip() for line in done.stdout.splitlines()
                             if line.startswith("ENTRIES_FAILED:")))
    assert [row["entry"] for row in failed] == [1, 2]


def test_qgis_process_hostile_styles_are_one_sentence_each(tmp_path, vector_library):
    deep = b'{"layers": ' + b"[" * 200000
    wrong = json.dumps({"version": 8, "sources": {"plan_ign": "https://x"}, "layers": []}).encode()
    with StandInTms(styles=("standard", "gris", "classique")) as server:
        server_paths = {STYLES_PATH + "/PLAN.IGN/gris.json": deep, STYLES_PATH + "/PLAN.IGN/classique.json": wrong}
        serve_instead(server, server_paths)
        done = make_process("run", "ign_offline:save_vector_styles", "--", "INPUT=" + vector_library,
                            "SOURCE=" + server.root, "STYLES=standard,gris,classique")
    output = done.stdout + done.stderr
    assert done.returncode == 0 and "Traceback" not in output, output
    assert "2 styles of PLAN.IGN not saved: gris (The style " in output
    assert "more than 64 deep" in output and "its source 'plan_ign' is not an object with a type" in output
    assert styles.saved_styles(vector_library) == ["standard"]
    with StandInTms(styles=("gris",)) as server:  # a hostile sprite: every style drawing with it fails
        serve_instead(server, {STYLES_PATH + "/PLAN.IGN/sprite/PlanIgn.json": b'{"eglise": [1, 2]}'})
        done = make_process("run", "ign_offline:save_vector_styles", "--", "INPUT=" + vector_library,
                            "SOURCE=" + server.root, "STYLES=gris")
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in output, output
    assert "is not a sprite's definitions (its icon 'eglise' is not an object)" in output, output
    assert styles.saved_styles(vector_library) == ["standard"]


def serve_instead(server, bodies):
    """Make the stand-in's handler send `bodies[path]` for those paths (a hostile style)."""
    handler = server.server.RequestHandlerClass
    original = handler.do_GET

    def do_get(self):
        if self.path in bodies:
            return self.reply(200, bodies[self.path], "application/json")
        return original(self)

    handler.do_GET = do_get


@pytest.fixture()
def vector_library(tmp_path):
    from tests.support.style_server import write_vector_mbtiles

    library = tmp_path / "lib"
    library.mkdir()
    return write_vector_mbtiles(str(library / "PLAN.IGN.mbtiles"))


# The offline copy of a project takes the styles

def test_the_offline_copy_takes_the_styles_and_switches_with_the_server_stopped(processing, tmp_path):
    from qgis.core import QgsProject as Project

    from ign_offline.toolbelt.vector_tiles import current_style, layer_styles, load_vector_mbtiles, switch_style

    library = tmp_path / "library"
    with StandInTms(styles=("standard", "gris")) as server:
        processing.run("ign_offline:run_plan", {
            "PLAN": write_plan(tmp_path / "plan.json", server.root, [entry(zoom_max=14)]),
            "LIBRARY": str(library), "MAX_RATE": 0, "LOAD": False})
        source = str(library / "PLAN.IGN.mbtiles")
        assert styles.saved_styles(source) == ["standard", "gris"]
        mine = Project()
        load_vector_mbtiles(mine, source, "standard")
        project_path = str(tmp_path / "project" / "field.qgz")
        os.makedirs(os.path.dirname(project_path))
        assert mine.write(project_path)
        result = processing.run("ign_offline:make_project_offline", {
            "PROJECT": project_path, "EXTENT": "1.40,1.46,43.58,43.62 [EPSG:4326]", "ZOOM_MIN": 8, "ZOOM_MAX": 9,
            "OUTPUT_FOLDER": str(tmp_path / "offline")})
    assert "with its saved styles: standard, gris" in result["REPORT"], result["REPORT"]
    copied = str(tmp_path / "offline" / "data" / "PLAN.IGN.mbtiles")
    assert styles.saved_styles(copied) == ["standard", "gris"]
    with open(styles.style_path(copied, "gris"), encoding="utf-8") as stream:
        assert "127.0.0.1" not in stream.read()
    # the server is stopped and the library moved away: the copy is all there is
    os.rename(str(library), str(tmp_path / "gone"))
    field = Project()
    assert field.read(result["PROJECT_OFFLINE"])
    (layer,) = field.mapLayers().values()
    assert layer.isValid() and current_style(layer) == "standard" and layer_styles(layer) == ["standard", "gris"]
    before = render_colours(layer)
    feedback = Recorded()
    assert font_or_sprite(switch_style(layer, "gris", feedback)) == [] and current_style(layer) == "gris"
    assert render_colours(layer) != before and len(render_colours(layer)) > 3


def test_a_damaged_first_style_is_skipped_and_the_layer_drawn_with_the_next(project, vector_library):
    from ign_offline.toolbelt.vector_tiles import current_style, load_vector_mbtiles

    with StandInTms(styles=("standard", "gris")) as server:
        styles.save_styles(vector_library, LAYER, ["standard", "gris"], service_root=server.root)
    with open(styles.style_path(vector_library, "standard"), "wb") as stream:
        stream.write(b'{"layers": {"not": "a list"}}')  # edited by hand, or a disk that failed
    feedback = Recorded()
    layer = load_vector_mbtiles(project, vector_library, feedback=feedback)
    assert layer.isValid() and current_style(layer) == "gris"
    assert any("The style 'standard' was not used:" in w and "no 'layers' list" in w for w in feedback.warnings)
