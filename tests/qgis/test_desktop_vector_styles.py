"""Issue 22's "must hold" for styles offline, in the real QGIS desktop under Xvfb (the plugin loaded by QGIS,
its fonts registered by initGui): a vector MBTiles with its styles saved, the style server gone, loaded with a
STYLE, drawn on the canvas at its last zoom and 3 beyond with no font or sprite warning, then switched."""

import json
import os
import shutil

import pytest

from tests.qgis.conftest import ROOT
from tests.support.desktop import run_desktop
from tests.support.xvfb import Xvfb

SCRIPT = os.path.join(ROOT, "tests", "support", "vector_styles_session.py")


def test_vector_mbtiles_draws_offline_in_the_desktop_and_switches_style(tmp_path):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: `make setup` installs it (apt-get install xvfb)")
    out = tmp_path / "vector.json"
    with Xvfb() as display:
        completed = run_desktop(str(tmp_path / "home"), display, "en_US.UTF-8", "vector:" + str(out), script=SCRIPT)
    assert completed.returncode == 0 and out.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    print(json.dumps(seen, indent=1))
    assert {"Regular", "Bold", "Italic", "Semibold"} <= set(seen["fonts"])
    assert seen["saved"] == ["standard", "gris"]
    assert seen["loaded"] == 1 and seen["valid"]
    assert seen["warnings"] == [] and seen["switch_warnings"] == []
    assert all(count > 3 for count in seen["colours"].values()), seen["colours"]
    assert sorted(seen["colours"]) == ["14", "15", "16", "17"] and seen["canvas"][0] > 300
    assert seen["style"] == "gris" and seen["switch_changed"]
