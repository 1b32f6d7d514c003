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
    a sprite file asked for is served too (a JSON `{}` or a PNG signature), so that only the check stops it."""

    def __init__(self, sprite):
        self.sprite, self.asked = sprite, []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server API name)
                server.asked.append(self.path)
                if self.path.endswith("/standard.json"):
                    body = json.dumps({"version": 8, "sources": {}, "layers": [], "sprite": server.sprite}).encode()
                elif self.path.endswith(".png"):
                    body = b"\x89PNG\r\n\x1a\n"
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
