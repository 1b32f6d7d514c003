"""QGIS started with the overview basemap box left ticked (restored at start) must not stop on "Voulez-vous
enregistrer le projet courant ?" before anything else runs, as it did when the plugin added the overview layer to
the project while QGIS was still starting (the blank project was dirty). The same start with the box unticked goes
straight through."""

import shutil

import pytest

from tests.support.desktop import run_desktop
from tests.support.xvfb import Xvfb

SCRIPT = """
import os
from qgis.PyQt.QtCore import QTimer
def done():
    open(os.environ["V21_OUT"], "w").write("started")
    os._exit(0)
QTimer.singleShot(1000, done)
"""


def start(home, overview, tmp_path):
    script = tmp_path / "start.py"
    script.write_text(SCRIPT)
    out = tmp_path / ("out_%s.txt" % overview)
    with Xvfb() as display:
        run_desktop(home, display, "fr_FR.UTF-8", timeout=90, script=str(script),
                    settings="\n[ign_offline]\ndock\\overview={}\n".format("true" if overview else "false"),
                    env={"V21_OUT": str(out)})
    return out.exists()


@pytest.mark.parametrize("overview", [False, True])
def test_qgis_starts_without_a_question_whatever_the_overview_box(tmp_path, overview):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing")
    assert start(str(tmp_path / "home"), overview, tmp_path), \
        "QGIS did not finish starting within 90 s (a modal 'save the project?' question)"
