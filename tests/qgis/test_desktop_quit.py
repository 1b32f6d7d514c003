"""Quitting QGIS, and reloading the plugin, with the dock open (issue 21): no Python error, in the real desktop."""

import shutil

import pytest

from tests.support.desktop import run_desktop
from tests.support.xvfb import Xvfb


@pytest.mark.parametrize("language", ["C", "fr_FR.UTF-8"])
def test_quit_and_reload_with_the_dock_open_raise_no_python_error(tmp_path, language):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: `make setup` installs it (apt-get install xvfb)")
    out = tmp_path / "python_errors.txt"
    with Xvfb() as display:
        completed = run_desktop(str(tmp_path / "home"), display, language, "quit:" + str(out), timeout=180)
    said = out.read_text(encoding="utf-8") if out.exists() else ""
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "quitting" in said.splitlines(), said + completed.stderr[-3000:]  # the session got that far
    assert "Traceback" not in said and "Error" not in said and "Erreur" not in said, said
