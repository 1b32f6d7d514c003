"""Review of issue 21 (reproduction, failing): QGIS started with the overview basemap box left ticked (restored at
start) stops on "Voulez-vous enregistrer le projet courant ?" before anything else runs: the plugin adds the
overview layer to the project while QGIS is still starting, so the blank project is dirty. The same start with the
box unticked goes straight through."""

import os
import shutil
import subprocess

import pytest

from tests.support.desktop import PLUGINS, ROOT
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
    profile = os.path.join(home, "profiles", "default", "QGIS")
    os.makedirs(profile, exist_ok=True)
    with open(os.path.join(profile, "QGIS3.ini"), "w") as ini:
        ini.write("[PythonPlugins]\nign_offline=true\n\n[ign_offline]\ndock\\overview={}\n".format(
            "true" if overview else "false"))
    runtime = os.path.join(home, "runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    script = tmp_path / "start.py"
    script.write_text(SCRIPT)
    out = tmp_path / ("out_%s.txt" % overview)
    with Xvfb() as display:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_QPA", "QGIS_", "LC_", "LANGUAGE"))}
        env.update(HOME=home, XDG_RUNTIME_DIR=runtime, DISPLAY=display.name, LANG="fr_FR.UTF-8",
                   QGIS_PLUGINPATH=PLUGINS, PYTHONPATH="", V21_OUT=str(out), IGN_OFFLINE_ROOT=ROOT)
        process = subprocess.Popen(["qgis", "--profiles-path", home, "--nologo", "--noversioncheck", "--code",
                                    str(script)], env=env, cwd=home, start_new_session=True)
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
    return out.exists()


@pytest.mark.parametrize("overview", [False, True])
def test_qgis_starts_without_a_question_whatever_the_overview_box(tmp_path, overview):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing")
    assert start(str(tmp_path / "home"), overview, tmp_path), \
        "QGIS did not finish starting within 90 s (a modal 'save the project?' question)"
