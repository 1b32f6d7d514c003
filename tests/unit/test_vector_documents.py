"""Styles never lose the map, hostile documents, offline styles (issue 29, points 3, 5 and 7): each of a layer's
styles is saved or not on its own from a loopback style server where one of nine answers 404 or sends a broken
document; malformed TileJSON, style and sprite JSON are refused in one sentence naming the document; a saved style
keeps no source on the network and points each vector source at the MBTiles holding it."""

import json
import os
import sqlite3
from http.server import BaseHTTPRequestHandler

import pytest

from core.errors import InputError
from core.vector import documents, styles, tms
from tests.support.images import png_tile
from tests.support.loopback import LoopbackServer
from tests.support.style_server import STYLES_PATH, style_answer

LAYER = "PLAN.IGN"
NINE = styles.KNOWN_STYLES[LAYER]
PNG = png_tile((200, 30, 30))  # a real image: a sprite's PNG header is read (its size) before it is kept
SPRITE = {".json": json.dumps({"eglise": {"x": 0, "y": 0, "width": 12, "height": 12, "pixelRatio": 1}}).encode(),
          ".png": PNG, "@2x.json": b"{}", "@2x.png": PNG}


class Styles(LoopbackServer):
    """IGN's styles of PLAN.IGN and their sprite; `missing` styles answer 404, `bodies[path]` replaces an answer."""

    def __init__(self, missing=(), bodies=None):
        self.missing, self.bodies, self.asked = set(missing), dict(bodies or {}), []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server API name)
                server.asked.append(self.path)
                name = self.path.rsplit("/", 1)[-1][:-len(".json")]
                if self.path in server.bodies:
                    body = server.bodies[self.path]
                elif name in server.missing:
                    body = None
                else:
                    body = style_answer(self.path, server.origin, LAYER, NINE, SPRITE)[0]
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.listen(Handler)

    @property
    def root(self):
        return self.origin + "/tms/1.0.0"

    def style_path(self, name):
        return "{}/{}/{}.json".format(STYLES_PATH, LAYER, name)


@pytest.fixture()
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


def test_one_style_of_nine_missing_the_eight_others_are_saved_and_the_missing_one_named(library):
    mbtiles = str(library / "PLAN.IGN.mbtiles")
    said = []
    with Styles(missing={"epure"}) as server:
        result = styles.save_each_style(mbtiles, LAYER, None, service_root=server.root, log=said.append)
    assert [name for name in styles.saved_styles(mbtiles)] == [n for n in NINE if n != "epure"]
    assert result.names == [n for n in NINE if n != "epure"]
    assert [style for style, _ in result.failed] == ["epure"] and "404" in result.failed[0][1]
    problem = result.problem()
    assert problem.startswith("1 style of PLAN.IGN not saved: epure (") and "404" in problem and "\n" not in problem
    assert problem.forms[1] == "{} style of {} not saved: {}"  # translatable, its plural by the language's rule
    assert any("Style 'epure' not saved" in line for line in said)
    with Styles(missing={"epure"}) as server, pytest.raises(InputError, match="epure"):
        styles.save_styles(mbtiles, LAYER, ["standard", "epure"], service_root=server.root)


def test_a_broken_style_or_sprite_fails_alone_and_said_once(library):
    mbtiles = str(library / "PLAN.IGN.mbtiles")
    with Styles(bodies={"/annexes/ressources/vectorTiles/styles/PLAN.IGN/gris.json": b'{"layers": "nope"}',
                        "/annexes/ressources/vectorTiles/styles/PLAN.IGN/accentue.json": b"[" * 100000}) as server:
        result = styles.save_each_style(mbtiles, LAYER, ["standard", "gris", "accentue", "attenue"],
                                        service_root=server.root)
    assert result.names == ["standard", "attenue"]
    why = dict(result.failed)
    assert "is not a Mapbox GL style (it has no 'layers' list)" in why["gris"]
    assert "more than 64 deep" in why["accentue"] and "accentue" in why["accentue"]
    assert "2 styles of PLAN.IGN not saved: gris (" in result.problem()
    sprite = "/annexes/ressources/vectorTiles/styles/PLAN.IGN/sprite/PlanIgn.json"
    with Styles(bodies={sprite: b'{"eglise": "a string"}'}) as server:
        result = styles.save_each_style(str(library / "OTHER.mbtiles"), LAYER, ["standard", "gris"],
                                        service_root=server.root)
        asked = [path for path in server.asked if path == sprite]
    assert result.saved == [] and len(asked) == 1  # the sprite is asked once, its failure told for both
    assert all("is not a sprite's definitions (its icon 'eglise' is not an object)" in why for _, why in result.failed)
    assert not os.path.exists(os.path.join(str(library), "OTHER.styles", "sprite"))  # nothing of it written


def test_a_style_name_that_is_no_file_name_is_refused_before_any_request(library):
    with Styles() as server:
        result = styles.save_each_style(str(library / "PLAN.IGN.mbtiles"), LAYER, ["../../evil", "standard"],
                                        service_root=server.root)
        assert not any("evil" in path for path in server.asked)
    assert result.names == ["standard"] and "cannot be a style's file name" in result.failed[0][1]


@pytest.mark.parametrize("document, problem", [
    ({"layers": "x"}, "it has no 'layers' list"),
    ([], "it is not a JSON object"),
    ({"layers": [], "sources": "x"}, "its 'sources' is not an object"),
    ({"layers": [], "sources": {"a": "https://x"}}, "its source 'a' is not an object with a type"),
    ({"layers": [], "sources": {"a": {"type": "vector", "tiles": "https://x/{z}"}}},
     "the 'tiles' of its source 'a' is not a list of addresses"),
    ({"layers": [], "sources": {"a": {"type": "vector", "url": 3}}}, "the 'url' of its source 'a' is not text"),
    ({"layers": ["road"]}, "its layer 1 is not an object"),
    ({"layers": [{"id": "a"}]}, "its layer 1 has no text 'id' and 'type'"),
    ({"layers": [{"id": "a", "type": "line", "paint": "red"}]}, "its layer 1 'a': its 'paint' is not an object"),
    ({"layers": [{"id": "a", "type": "line", "source": {"x": 1}}]}, "its layer 1 'a': its 'source' is not text"),
    ({"layers": [{"id": "a", "type": "line", "minzoom": "3"}]}, "its layer 1 'a': its 'minzoom' is not a number"),
    ({"layers": [{"id": "a", "type": "line", "filter": "x"}]}, "its layer 1 'a': its 'filter' is not an expression"),
])
def test_a_style_of_the_wrong_shape_is_told_what_is_wrong(document, problem):
    assert documents.style_problem(document) == problem


@pytest.mark.parametrize("definitions, problem", [
    ([], "it is not a JSON object of icons"),
    ({"a": [1, 2]}, "its icon 'a' is not an object"),
    ({"a": {"x": "0", "y": 0, "width": 1, "height": 1}}, "the 'x' of its icon 'a' is not a number from 0 to 16384"),
    ({"a": {"x": 0, "y": 0, "width": 10 ** 9, "height": 1}}, "the 'width' of its icon 'a' is not a number from 0 to "
                                                             "16384"),
    ({"a": {"x": 0, "y": 0, "width": 1, "height": True}}, "the 'height' of its icon 'a' is not a number from 0 to "
                                                          "16384"),
    ({"a": {"x": 0, "y": 0, "width": 1, "height": 1, "pixelRatio": 0}}, "the 'pixelRatio' of its icon 'a' is not a "
                                                                        "number above 0 and up to 8"),
])
def test_a_sprite_of_the_wrong_shape_is_told_what_is_wrong(definitions, problem):
    assert documents.sprite_problem(definitions) == problem


def test_a_deep_or_broken_document_is_one_sentence_naming_it():
    what = "The style x"
    for body in (b"[" * 200000, b"{\"a\":" * 50000, json.dumps([[[[[]]]]] * 2).replace("[]", "[" * 70 + "]" * 70)):
        with pytest.raises(InputError) as raised:
            documents.load(body, what)
        assert str(raised.value).startswith("The style x ") and "deep" in str(raised.value)
    for body, said in ((b"\xff\xfe", "not UTF-8"),
                       (b"<html>", r"is not JSON \(broken at line 1, column 1\): check its address")):
        with pytest.raises(InputError, match=said):
            documents.load(body, what)
    assert documents.load(b"\xef\xbb\xbf{\"a\": [1]}", what) == {"a": [1]}  # a BOM is fine


@pytest.mark.parametrize("document, said", [
    (b"[" * 100000, "more than 64 deep"),
    (b'{"vector_layers": "roads"}', "lists no vector layers"),
    (b'{"vector_layers": ["roads"]}', "lists no vector layers"),
    (b'{"json": "{broken"}', "(its 'json') is not JSON"),
    (b'{"json": 3}', "lists no vector layers"),
    (b'{"vector_layers": [{"id": "a"}], "tiles": "https://x/{z}/{x}/{y}.pbf"}', "'tiles' is not a list of addresses"),
    (b'{"vector_layers": [{"id": "a"}], "bounds": {"w": 1}}', "unreadable bounds: they are not four numbers"),
    (b'{"vector_layers": [{"id": "a"}], "minzoom": [1]}', "unreadable zooms: its 'minzoom' is not a whole number"),
    # Reviewer: Infinity (Python's json takes it) was an OverflowError traceback; 1e400 is infinite as a float.
    (b'{"vector_layers": [{"id": "a"}], "maxzoom": Infinity}', "holds the number Infinity, which is not a finite"),
    (b'{"vector_layers": [{"id": "a"}], "maxzoom": 1e400}', "holds the number 1e400, which is not a finite"),
    (b'{"vector_layers": [{"id": "a"}], "minzoom": NaN}', "holds the number NaN"),
    (b'{"vector_layers": [{"id": "a"}], "minzoom": "zero"}', "its 'minzoom' is not a whole number"),
    (b'{"vector_layers": [{"id": "a"}], "minzoom": 2.5}', "its 'minzoom' is not a whole number"),
    (b'{"vector_layers": [{"id": "a"}], "bounds": [1, 2]}', "they are not four numbers"),
    (b'{"vector_layers": [{"id": "a"}], "bounds": "a,b,c,d"}', "they are not four numbers"),
    (b'{"vector_layers": [{"id": "a"}], "bounds": [10, 51, -5, 41]}', "they enclose no area"),
    (b'{"vector_layers": [{"id": "a"}], "minzoom": 14, "maxzoom": 2}', "unreadable zooms (The minimum zoom (14)"),
    (b"\xff\xfe", "is not JSON"),
])
def test_hostile_tilejson_is_one_sentence_naming_the_layer(document, said):
    with pytest.raises(InputError) as raised:
        tms.parse_metadata(document, LAYER)
    assert said in str(raised.value) and "PLAN.IGN" in str(raised.value) and "\n" not in str(raised.value)


def test_no_python_text_is_said_about_a_broken_document():
    """Reviewer: French runs showed Python's own English ("Expecting property name enclosed in double quotes",
    "invalid literal for int()", "not enough values to unpack") inside French sentences, and a local file was
    told to check its address. The cause is said in the catalogue's words; a saved file is told to be saved again."""
    from core.messages import Message

    for body in (b'{"a": 1,}', b'{"a" 1}', b"[1, 2"):
        with pytest.raises(InputError) as raised:
            documents.load(body, Message("The style '{}'", "x.json"), documents.SAVED)
        message = raised.value.message
        assert message.template == "{} is not JSON (broken at line {}, column {}): {}." and all(
            not isinstance(arg, str) or isinstance(arg, Message) for arg in message.args), message.args
        assert str(message).endswith("the file is damaged: save it again.") and "address" not in str(message)
    with pytest.raises(InputError) as raised:
        documents.load(b'{\n  "a": 1,\n  oops}', "The style x")
    assert "(broken at line 3, column 3)" in str(raised.value)
    for document in (b'{"vector_layers": [{"id": "a"}], "minzoom": "zero"}',
                     b'{"vector_layers": [{"id": "a"}], "bounds": "1,2"}',
                     b'{"vector_layers": [{"id": "a"}], "bounds": ["a", 1, 2, 3]}'):
        with pytest.raises(InputError) as raised:
            tms.parse_metadata(document, LAYER)
        text = str(raised.value)
        assert not any(python in text for python in ("invalid literal", "unpack", "could not convert")), text


def test_a_service_document_that_is_not_xml_is_said_by_where_it_breaks():
    with pytest.raises(InputError) as raised:
        tms.parse_service(b"<html><body>Maintenance\n</html>")
    assert str(raised.value) == ("The server's answer is not a TMS service document (broken XML at line 2, "
                                 "column 3).")


def test_tilejson_names_and_attribution_of_other_types_are_not_taken_as_text():
    meta = tms.parse_metadata(json.dumps({"vector_layers": [{"id": "a"}], "name": {"x": 1}, "attribution": [1],
                                          "tiles": [3]}), LAYER)
    # No text of its own: the layer is shown by IGN's title of its identifier (core.naming), not by a dict.
    assert (meta.title, meta.attribution, meta.tiles) == ("Plan IGN", "", "")


# Offline styles: every source local or gone

def vector_file(path):
    """A tiny MBTiles saying it holds vector tiles (what the library's files say of themselves)."""
    with sqlite3.connect(str(path)) as connection:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                           "tile_data BLOB)")
        connection.execute("INSERT INTO metadata VALUES ('format', 'pbf')")
    connection.close()


def mixed_style():
    root = "https://data.geopf.fr/tms/1.0.0"
    return {"version": 8, "sources": {
        "plan_ign": {"type": "vector", "url": root + "/PLAN.IGN/metadata.json"},
        "contours": {"type": "vector", "tiles": [root + "/ISOHYPSE/{z}/{x}/{y}.pbf"], "maxzoom": 16},
        "osm": {"type": "vector", "tiles": ["https://tiles.example.org/{z}/{x}/{y}.pbf"]},
        "relief": {"type": "raster", "tiles": ["https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER="
                                               "ELEVATION.ELEVATIONGRIDCOVERAGE.SHADOW&TILEMATRIX={z}"]},
        "pins": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
        "layers": [{"id": "bg", "type": "background"},
                   {"id": "roads", "type": "line", "source": "plan_ign", "source-layer": "routier_route"},
                   {"id": "lines", "type": "line", "source": "contours", "source-layer": "courbe"},
                   {"id": "osm", "type": "line", "source": "osm", "source-layer": "x"},
                   {"id": "hill", "type": "raster", "source": "relief"},
                   {"id": "pin", "type": "circle", "source": "pins"}]}


def test_an_offline_style_points_each_vector_source_at_its_own_file_and_drops_the_rest(tmp_path):
    local = styles.localised(mixed_style(), "PLAN.IGN.mbtiles", None, LAYER, str(tmp_path))
    assert local["sources"] == {"plan_ign": {"type": "vector", "url": "mbtiles://../PLAN.IGN.mbtiles"},
                                "pins": mixed_style()["sources"]["pins"]}
    assert [layer["id"] for layer in local["layers"]] == ["bg", "roads", "pin"]
    assert "http" not in json.dumps(local)
    vector_file(tmp_path / "ISOHYPSE.mbtiles")  # the library holds the contours: their source reads that file
    local = styles.localised(mixed_style(), "PLAN.IGN.mbtiles", None, LAYER, str(tmp_path))
    assert local["sources"]["contours"] == {"type": "vector", "url": "mbtiles://../ISOHYPSE.mbtiles", "maxzoom": 16}
    assert [layer["id"] for layer in local["layers"]] == ["bg", "roads", "lines", "pin"]
    vector_file(tmp_path / "ELEVATION.ELEVATIONGRIDCOVERAGE.SHADOW.mbtiles")  # vector, not the images asked
    assert "relief" not in styles.localised(mixed_style(), "PLAN.IGN.mbtiles", None, LAYER, str(tmp_path))["sources"]


def test_a_style_whose_only_vector_source_names_no_layer_reads_this_file():
    style = {"sources": {"a": {"type": "vector", "tiles": ["https://example.org/{z}/{x}/{y}.pbf"]},
                         "b": {"type": "vector", "tiles": ["https://other.org/{z}/{x}/{y}.pbf"]}},
             "layers": [{"id": "x", "type": "line", "source": "b"}]}
    local = styles.localised(style, "X.mbtiles", None, LAYER)
    assert local["sources"] == {"a": {"type": "vector", "url": "mbtiles://../X.mbtiles"}} and local["layers"] == []


def test_a_saved_style_that_is_hostile_is_refused_when_read(tmp_path):
    path = tmp_path / "standard.json"
    path.write_bytes(b"[" * 100000)
    with pytest.raises(InputError, match="more than 64 deep"):
        styles.read_style(str(path))
    path.write_text(json.dumps({"version": 8, "layers": [], "sprite": "sprite/PlanIgn"}))
    (tmp_path / "sprite").mkdir()
    (tmp_path / "sprite" / "PlanIgn.json").write_text(json.dumps({"a": "b"}))
    (tmp_path / "sprite" / "PlanIgn.png").write_bytes(PNG)
    with pytest.raises(InputError, match="is not a sprite's definitions"):
        styles.local_sprite(str(path))


def test_copied_styles_read_the_copy_and_nothing_left_behind(tmp_path):
    library, field = tmp_path / "library", tmp_path / "field"
    library.mkdir()
    field.mkdir()
    vector_file(library / "ISOHYPSE.mbtiles")
    style = styles.localised(mixed_style(), "PLAN.IGN.mbtiles", "PlanIgn", LAYER, str(library))
    assert style["sources"]["contours"]["url"] == "mbtiles://../ISOHYPSE.mbtiles"
    folder = library / "PLAN.IGN.styles"
    (folder / "sprite").mkdir(parents=True)
    (folder / "sprite" / "PlanIgn.json").write_bytes(SPRITE[".json"])
    (folder / "sprite" / "PlanIgn.png").write_bytes(PNG)
    (folder / "standard.json").write_text(json.dumps(style))
    (folder / "gris.json").write_text('{"layers": "broken"}')
    copied, failed = styles.copy_styles(str(library / "PLAN.IGN.mbtiles"), str(field / "PLAN.IGN_2.mbtiles"))
    assert copied == ["standard"] and [name for name, _ in failed] == ["gris"]
    moved = styles.read_style(styles.style_path(str(field / "PLAN.IGN_2.mbtiles"), "standard"))
    # the copy's own file; the contours' file is not beside the copy: that source and its layer go
    assert moved["sources"] == {"plan_ign": {"type": "vector", "url": "mbtiles://../PLAN.IGN_2.mbtiles"},
                                "pins": mixed_style()["sources"]["pins"]}
    assert [layer["id"] for layer in moved["layers"]] == ["bg", "roads", "pin"]
    assert styles.local_sprite(styles.style_path(str(field / "PLAN.IGN_2.mbtiles"), "standard"))[1] == str(
        field / "PLAN.IGN_2.styles" / "sprite" / "PlanIgn.png")
    assert styles.copy_styles(str(tmp_path / "none.mbtiles"), str(field / "x.mbtiles")) == ([], [])


def test_many_styles_not_saved_are_named_with_the_first_reason_only(library):
    with Styles(missing=set(NINE)) as server:
        result = styles.save_each_style(str(library / "PLAN.IGN.mbtiles"), LAYER, None, service_root=server.root)
        port = str(server.server.server_address[1])
    problem = result.problem()
    assert problem.startswith("9 styles of PLAN.IGN not saved: {}; standard: ".format(", ".join(NINE)))
    # One reason said once; the server's port, in its address, may hold "404" too (CI drew port 40412 once).
    assert str(problem).replace(port, "<port>").count("404") == 1 and len(problem) < 400
