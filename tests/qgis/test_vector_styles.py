"""Styles offline for vector MBTiles (issue 22, part V2): saved beside the file from a loopback style server,
loaded and switched with the server gone, drawn at the file's last zoom and beyond with the bundled fonts and
the local sprite, through the toolbelt, processing.run and qgis_process."""

import json
import math
import os

import pytest
from qgis.core import (
    QgsProcessingException,
    QgsRectangle,
    QgsVectorTileLayer,
)

from core.errors import InputError
from core.sources.accounts import Credentials
from core.vector import styles
from tests.qgis.conftest import make_process
from tests.support import qgis_render
from tests.support.style_server import (
    CROSSING,
    SPRITE_NAME,
    STYLES_PATH,
    StyleServer,
    sprite_files,
    write_vector_mbtiles,
)

LAYER = "PLAN.IGN"
MAX_ZOOM = 14
KEY = "s3cret-key-of-the-user"
STYLE_PATH = STYLES_PATH + "/" + LAYER


def tms_root(server):
    return server.origin + "/tms/1.0.0"


@pytest.fixture(scope="module")
def vector_file(tmp_path_factory):
    return write_vector_mbtiles(str(tmp_path_factory.mktemp("vector") / "source.mbtiles"), max_zoom=MAX_ZOOM)


@pytest.fixture()
def library(tmp_path, vector_file):
    """A library holding PLAN.IGN.mbtiles (a copy of the GDAL-made file), no styles yet."""
    path = str(tmp_path / "PLAN.IGN.mbtiles")
    with open(vector_file, "rb") as source, open(path, "wb") as target:
        target.write(source.read())
    return path


@pytest.fixture()
def offline(library):
    """The library with 'standard' and 'gris' saved, the style server stopped: no network from here on."""
    with StyleServer(LAYER, ("standard", "gris")) as server:
        styles.save_styles(library, LAYER, ["standard", "gris"], service_root=tms_root(server))
    return library


class Recorded:
    def __init__(self):
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        self.warnings.append(text)


def render(layer, zoom, size=256):
    """The layer drawn on a 256 px square at `zoom` around the roads' crossing, in EPSG:3857."""
    lon, lat = CROSSING
    x = math.radians(lon) * 6378137
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137
    half = math.pi * 6378137 / 2 ** zoom * size / 256
    return qgis_render.render_image([layer], QgsRectangle(x - half, y - half, x + half, y + half),
                                    qgis_render.MERCATOR, size)


def colours(image):
    return {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def font_or_sprite(warnings):
    return [w for w in warnings if "font" in w.lower() or "sprite" in w.lower()]


# Saving

def test_styles_are_saved_beside_the_mbtiles_and_point_at_local_files(library):
    with StyleServer(LAYER, ("standard", "gris")) as server:
        saved = styles.save_styles(library, LAYER, ["standard", "gris"], service_root=tms_root(server))
    folder = styles.styles_folder(library)
    assert folder == library[:-len(".mbtiles")] + ".styles"
    assert saved == [os.path.join(folder, "standard.json"), os.path.join(folder, "gris.json")]
    assert styles.saved_styles(library) == ["standard", "gris"]
    with open(saved[0], encoding="utf-8") as stream:
        style = json.load(stream)
    assert style["sources"]["plan_ign"]["url"] == "mbtiles://../PLAN.IGN.mbtiles"
    assert "tiles" not in style["sources"]["plan_ign"] and "glyphs" not in style
    assert style["sprite"] == "sprite/" + SPRITE_NAME
    assert "127.0.0.1" not in json.dumps(style)  # nothing left on the network
    served = dict(sprite_files(1), **sprite_files(2))
    for suffix in styles.SPRITE_FILES:  # the sprite's four files, byte for byte as served
        with open(os.path.join(folder, "sprite", SPRITE_NAME + suffix), "rb") as stream:
            assert stream.read() == served[suffix], suffix
    # IGN's font names, written as the bundled fonts spell them ("SemiBold" → "Semibold")
    assert styles.font_names(style) == {"Source Sans Pro Bold", "Source Sans Pro Regular", "Source Sans Pro Italic",
                                        "Source Sans Pro Semibold", "Arial Unicode MS Regular"}


def test_all_nine_plan_ign_styles_when_none_is_named_and_the_sprite_once(library):
    nine = styles.KNOWN_STYLES[LAYER]
    assert len(nine) == 9
    with StyleServer(LAYER, nine) as server:
        saved = styles.save_styles(library, LAYER, None, service_root=tms_root(server))
        sprite_requests = [path for path, _ in server.requests if "/sprite/" in path]
    assert len(saved) == 9 and set(styles.saved_styles(library)) == set(nine)
    assert styles.saved_styles(library)[0] == "standard"
    assert len(sprite_requests) == 4  # shared by the nine styles: fetched once


def test_credentials_go_to_the_source_origin_only(library):
    with StyleServer(LAYER, ("standard",)) as sprites, \
            StyleServer(LAYER, ("standard",), sprite_origin=sprites.origin) as source:
        credentials = Credentials(name="key", api_key=KEY)
        styles.save_styles(library, LAYER, ["standard"], service_root=tms_root(source), credentials=credentials)
        asked_source = [path for path, _ in source.requests]
        asked_other = [(path, headers) for path, headers in sprites.requests]
    assert asked_source and all("apikey=" + KEY in path for path in asked_source)
    assert len(asked_other) == 4 and not any(KEY in path or KEY in json.dumps(headers)
                                             for path, headers in asked_other)
    for folder, _, names in os.walk(styles.styles_folder(library)):
        for name in names:
            with open(os.path.join(folder, name), "rb") as stream:
                assert KEY.encode() not in stream.read()


def test_a_style_the_server_does_not_have_is_said_in_one_line(library):
    with StyleServer(LAYER, ("standard",)) as server, pytest.raises(InputError) as raised:
        styles.save_styles(library, LAYER, ["standard", "nope"], service_root=tms_root(server))
    message = str(raised.value)
    assert "404" in message and "nope" in message and "\n" not in message
    assert styles.saved_styles(library) == ["standard"]  # the one before it stays


def test_an_error_page_instead_of_a_style_or_sprite_is_refused_and_not_saved(library):
    html = (b"<html><body>Maintenance</body></html>", "text/html")
    with StyleServer(LAYER, ("standard", "gris")) as server:
        server.overrides[STYLE_PATH + "/gris.json"] = html
        with pytest.raises(InputError, match=r"is not JSON \(broken at line 1, column 1\): check its address "
                                             r"\(an error page\?\)"):
            styles.save_styles(library, LAYER, ["gris"], service_root=tms_root(server))
        server.overrides = {STYLE_PATH + "/sprite/" + SPRITE_NAME + ".png": html}
        with pytest.raises(InputError, match="PNG"):
            styles.save_styles(library, LAYER, ["standard"], service_root=tms_root(server))
    assert styles.saved_styles(library) == []
    leftovers = [n for _, _, names in os.walk(styles.styles_folder(library)) for n in names if n.endswith(".png")]
    assert leftovers == []


def test_a_stalled_or_oversized_style_is_given_up_in_one_line(library, monkeypatch):
    import time

    with StyleServer(LAYER, ("standard",)) as server:
        server.stalled.add(STYLE_PATH + "/standard.json")
        started = time.monotonic()
        with pytest.raises(InputError, match="did not arrive within 2 s"):
            styles.save_styles(library, LAYER, ["standard"], service_root=tms_root(server), deadline=2)
        assert time.monotonic() - started < 6
        server.stalled.clear()
        monkeypatch.setattr(styles, "MAX_STYLE_BYTES", 200)
        with pytest.raises(InputError, match="check the address"):
            styles.save_styles(library, LAYER, ["standard"], service_root=tms_root(server))
    assert styles.saved_styles(library) == []


# Loading offline

def test_offline_layer_is_valid_and_draws_at_its_last_zoom_and_three_beyond(project, offline):
    from ign_offline.toolbelt.vector_tiles import current_style, load_vector_mbtiles

    feedback = Recorded()
    layer = load_vector_mbtiles(project, offline, feedback=feedback)
    assert isinstance(layer, QgsVectorTileLayer) and layer.isValid()
    assert layer.sourceMaxZoom() == MAX_ZOOM and current_style(layer) == "standard"
    assert feedback.warnings == []  # no missing font, no missing sprite, nothing else
    labeling = layer.labeling().clone()
    for zoom in range(MAX_ZOOM, MAX_ZOOM + 4):
        drawn = render(layer, zoom)
        assert len(colours(drawn)) > 3, "zoom {}: nothing drawn".format(zoom)
        layer.setLabeling(None)
        unlabelled = render(layer, zoom)
        layer.setLabeling(labeling.clone())
        assert drawn != unlabelled, "zoom {}: no label drawn".format(zoom)


def test_a_project_saved_with_the_layer_reopens_offline_and_draws(project, offline, tmp_path):
    from qgis.core import QgsProject

    from ign_offline.toolbelt.vector_tiles import current_style, load_vector_mbtiles

    layer = load_vector_mbtiles(project, offline, "gris")
    expected = render(layer, MAX_ZOOM + 1)
    file = str(tmp_path / "field.qgz")
    assert project.write(file)
    project.clear()
    assert QgsProject.instance().read(file)
    (reopened,) = [lay for lay in QgsProject.instance().mapLayers().values()]
    assert reopened.isValid() and current_style(reopened) == "gris"
    assert render(reopened, MAX_ZOOM + 1) == expected


def test_without_the_bundled_fonts_and_sprite_the_converter_warns(offline):
    """The check above can fail: the same style converted without what the plugin brings is warned about."""
    from qgis.core import QgsMapBoxGlStyleConversionContext, QgsMapBoxGlStyleConverter

    from ign_offline.toolbelt import fonts

    with open(styles.style_path(offline, "standard"), encoding="utf-8") as stream:
        style = json.load(stream)
    fonts.unregister_fonts()
    try:
        converter = QgsMapBoxGlStyleConverter()
        converter.convert(style, QgsMapBoxGlStyleConversionContext())
        warnings = converter.warnings()
    finally:
        assert fonts.register_fonts() > 0
    assert any("font" in w.lower() for w in warnings), warnings
    assert any("sprite" in w.lower() for w in warnings), warnings


def test_switching_between_two_saved_styles_offline_changes_the_image(project, offline):
    from ign_offline.core.errors import InputError as PluginInputError  # the class the plugin raises
    from ign_offline.toolbelt.vector_tiles import current_style, load_vector_mbtiles, switch_style

    layer = load_vector_mbtiles(project, offline, "standard")
    standard = render(layer, MAX_ZOOM)
    assert font_or_sprite(switch_style(layer, "gris")) == []
    assert current_style(layer) == "gris"
    grey = render(layer, MAX_ZOOM)
    assert grey != standard
    switch_style(layer, "standard")
    assert render(layer, MAX_ZOOM) == standard
    with pytest.raises(PluginInputError, match="classique"):
        switch_style(layer, "classique")


def test_a_style_made_for_other_data_is_warned_about(project, offline):
    from ign_offline.toolbelt.vector_tiles import load_vector_mbtiles, switch_style

    with open(styles.style_path(offline, "standard"), encoding="utf-8") as stream:
        style = json.load(stream)
    for layer in style["layers"]:
        if "source-layer" in layer:
            layer["source-layer"] = "parcelle"  # the cadastre's, not in this file
    with open(styles.style_path(offline, "pci"), "w", encoding="utf-8") as stream:
        json.dump(style, stream)
    layer = load_vector_mbtiles(project, offline, "standard")
    feedback = Recorded()
    warnings = switch_style(layer, "pci", feedback)
    assert warnings == feedback.warnings
    assert warnings == ["The style 'pci' draws none of the layers of PLAN.IGN.mbtiles: it is made for other "
                        "data; choose a style saved for this file."]


# Processing

def test_load_mbtiles_takes_a_style_from_processing_run(processing, project, offline):
    from ign_offline.toolbelt.vector_tiles import current_style

    result = processing.run("ign_offline:load_mbtiles", {"INPUT": offline, "STYLE": "gris"})
    assert result["LOADED"] == 1
    layer = project.mapLayer(result["OUTPUT_LAYERS"][0])
    assert isinstance(layer, QgsVectorTileLayer) and layer.isValid() and current_style(layer) == "gris"
    assert len(colours(render(layer, MAX_ZOOM + 3))) > 3
    with pytest.raises(QgsProcessingException, match="epure"):
        processing.run("ign_offline:load_mbtiles", {"INPUT": offline, "STYLE": "epure"})


def test_save_vector_styles_from_processing_run(processing, library):
    with StyleServer(LAYER, ("standard", "gris")) as server:
        result = processing.run("ign_offline:save_vector_styles", {
            "INPUT": library, "STYLES": "gris, standard", "SOURCE": tms_root(server), "LAYER": LAYER})
    assert result["SAVED"] == 2 and result["OUTPUT"] == styles.styles_folder(library)
    assert styles.saved_styles(library) == ["standard", "gris"]


def test_qgis_process_saves_styles_and_loads_with_a_style(library):
    with StyleServer(LAYER, ("standard", "gris")) as server:
        done = make_process("run", "ign_offline:save_vector_styles", "--", "INPUT=" + library,
                            "SOURCE=" + tms_root(server), "LAYER=" + LAYER, "STYLES=standard,gris")
    assert done.returncode == 0, done.stdout + done.stderr
    assert styles.saved_styles(library) == ["standard", "gris"]
    done = make_process("run", "ign_offline:load_mbtiles", "--", "INPUT=" + library, "STYLE=gris")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "saved styles: standard, gris" in done.stdout
    refused = make_process("run", "ign_offline:load_mbtiles", "--", "INPUT=" + library, "STYLE=epure")
    assert refused.returncode != 0
    assert "The style 'epure' is not saved for PLAN.IGN.mbtiles: saved styles: standard, gris." in (
        refused.stdout + refused.stderr)
    assert "Traceback" not in refused.stdout + refused.stderr
