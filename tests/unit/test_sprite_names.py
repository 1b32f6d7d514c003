"""Sprite names a server chooses are file names, checked before anything is fetched or written (issue 28): a
hostile style served on loopback — its sprite URL ending in `..\\..\\x`, `C:x`, `nul`… — is refused in one line
and nothing lands outside the styles folder, on every OS's rules (the plugin runs on Windows)."""

import json
import os
from http.server import BaseHTTPRequestHandler

import pytest

from core.errors import InputError
from core.vector import styles
from tests.support.loopback import LoopbackServer
from tests.support.style_server import STYLES_PATH

LAYER = "PLAN.IGN"


class HostileStyles(LoopbackServer):
    """Serves the style `standard` of PLAN.IGN with `sprite` as its sprite URL, and records every path asked;
    a sprite file asked for is served too (a JSON `{}` or a PNG header), so that only the check stops it."""

    def __init__(self, sprite):
        self.sprite, self.asked, self.png = sprite, [], png_header(8, 8)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server API name)
                server.asked.append(self.path)
                if self.path.endswith("/standard.json"):
                    body = json.dumps({"version": 8, "sources": {}, "layers": [], "sprite": server.sprite}).encode()
                elif self.path.endswith(".png"):
                    body = server.png
                else:
                    body = b"{}"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.listen(Handler)


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(top, name), folder) for top, _, names in os.walk(folder)
                  for name in names)


@pytest.mark.parametrize("sprite, name, reason", [
    ("sprite/..\\..\\..\\evil", "..\\..\\..\\evil", "a '/' or '\\' would make it a path"),
    ("sprite/C:evil", "C:evil", "a ':' is a drive letter or a stream on Windows"),
    ("sprite/nul", "nul", "Windows keeps that name for a device"),
    ("sprite/COM1.x", "COM1.x", "Windows keeps that name for a device"),
    ("sprite/evil%00", None, None),  # percent-encoded: a plain name on disk ("evil%00"), accepted
    ("sprite/evil.", "evil.", "Windows drops a trailing dot or space"),
    ("sprite/" + "x" * 200, "x" * 200, "200 characters, over 120"),
])
def test_a_hostile_sprite_name_is_refused_before_anything_is_fetched(tmp_path, sprite, name, reason):
    library = tmp_path / "library"
    library.mkdir()
    mbtiles = str(library / "PLAN.IGN.mbtiles")
    with HostileStyles(sprite) as server:
        root = server.origin + "/tms/1.0.0"
        if name is None:
            saved = styles.save_styles(mbtiles, LAYER, ["standard"], service_root=root)
            assert files_under(str(library)) == ["PLAN.IGN.styles/sprite/evil%00" + suffix for suffix in (
                ".json", ".png", "@2x.json", "@2x.png")] + ["PLAN.IGN.styles/standard.json"]
            with open(saved[0]) as stream:
                assert json.load(stream)["sprite"] == "sprite/evil%00"
            return
        with pytest.raises(InputError) as raised:
            styles.save_styles(mbtiles, LAYER, ["standard"], service_root=root)
    style = "{}{}/{}/standard.json".format(server.origin, STYLES_PATH, LAYER)
    assert str(raised.value) == ("The style {} names its sprite '{}', which cannot be a file name ({}): nothing was "
                                 "saved from it. Check the style's address: a sprite is named plainly (PlanIgn)."
                                 .format(style, name, reason))
    assert [path for path in server.asked if "/sprite/" in path] == []  # not even fetched
    assert files_under(str(tmp_path)) == []  # nothing written, inside the library or out of it


@pytest.mark.parametrize("name, refused", [
    ("PlanIgn", False), ("plan-ign_2.v3", False), ("Ombrage élevé", False), ("", True), (".", True),
    ("..", True), ("a/b", True), ("a\\b", True), ("C:", True), ("D:\\x", True), ("x\x00y", True), ("x\ny", True),
    ("/etc/passwd", True), ("\\\\server\\share", True), ("aux.json", True), ("lpt9", True), ("x ", True),
    ("console", False),
    # Windows refuses these in a file name (reviewer): a server's name with one is no file of ours.
    ("a<b", True), ("a>b", True), ('a"b', True), ("a|b", True), ("a*b", True), ("a?b", True),
])
def test_sprite_names_are_judged_as_file_names_on_every_system(name, refused):
    assert (styles.file_name_problem(name) is not None) == refused


@pytest.mark.parametrize("sprite", ["sprite/..\\..\\secret", "../secret", "sprite/../../secret", "/etc/passwd",
                                    "sprite/C:secret"])
def test_a_saved_style_whose_sprite_is_not_its_own_reads_nothing_outside(tmp_path, sprite):
    """A saved style edited (or saved by a version that did not check the name) is refused, not followed."""
    (tmp_path / "secret.json").write_text("{}")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = tmp_path / "styles" / "standard.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"version": 8, "layers": [], "sprite": sprite}))
    with pytest.raises(InputError, match=r"names its sprite .*, which is not a sprite it saved .*: save the styles "
                                         r"again\."):
        styles.local_sprite(str(path))


def png_header(width, height):
    """The first bytes of a PNG declaring `width` x `height` pixels (nothing after: nothing to decode)."""
    return (b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR" + width.to_bytes(4, "big")
            + height.to_bytes(4, "big") + b"\x08\x06\x00\x00\x00")


def test_a_sprite_image_declaring_a_huge_size_is_refused_before_it_is_decoded(tmp_path):
    """Reviewer: a sprite PNG declaring 20000 x 20000 px was handed to QGIS, which decodes it whole (1.6 GB).
    Its header is read; over 4096 x 4096 pixels it is refused in one line."""
    assert styles.png_size_problem(png_header(1024, 512)) is None
    assert styles.png_size_problem(png_header(4096, 4096)) is None
    assert styles.png_size_problem(png_header(20000, 20000)) == "20000 x 20000 pixels, over 16,777,216 pixels"
    assert styles.png_size_problem(png_header(4097, 4096)) is not None
    assert styles.png_size_problem(b"GIF89a") == "it is not a PNG image"
    folder = tmp_path / "PLAN.IGN.styles"
    (folder / "sprite").mkdir(parents=True)
    (folder / "sprite" / "PlanIgn.json").write_text(json.dumps({"a": {"x": 0, "y": 0, "width": 8, "height": 8}}))
    (folder / "sprite" / "PlanIgn.png").write_bytes(png_header(20000, 20000))
    style = folder / "standard.json"
    style.write_text(json.dumps({"version": 8, "sprite": "sprite/PlanIgn", "sources": {}, "layers": []}))
    with pytest.raises(InputError, match=r"The sprite image '.*PlanIgn.png' is refused \(20000 x 20000 pixels"):
        styles.local_sprite(str(style))
    (folder / "sprite" / "PlanIgn.png").write_bytes(png_header(64, 64))
    assert styles.local_sprite(str(style))[1] == str(folder / "sprite" / "PlanIgn.png")


def test_a_sprite_image_declaring_a_huge_size_is_not_saved(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    with HostileStyles("sprite/PlanIgn") as server:
        server.png = png_header(20000, 20000)
        with pytest.raises(InputError, match=r"sent a sprite image that is refused .*\(20000 x 20000 pixels"):
            styles.save_styles(str(library / "PLAN.IGN.mbtiles"), LAYER, ["standard"],
                               service_root=server.origin + "/tms/1.0.0")
    assert files_under(str(library)) == []
