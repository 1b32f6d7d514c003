"""French and English (issue 13): the real QGIS desktop, under Xvfb, started with LANG=fr_FR.UTF-8 then LANG=C."""

import json
import os
import re
import shutil

import pytest

from tests.qgis.conftest import ROOT
from tests.support.desktop import run_desktop
from tests.support.xvfb import Xvfb

QM = os.path.join(ROOT, "i18n", "ign_offline_fr.qm")


def desktop(tmp_path, display, language):
    """What the dock and the algorithms say in a real QGIS desktop started with LANG=`language`."""
    home = tmp_path / language.replace(".", "_")
    out = home / "strings.json"
    completed = run_desktop(str(home), display, language, "strings:" + str(out))
    assert completed.returncode == 0 and out.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def differing(english, french):
    """Share of the texts (those with a letter) that differ; and the keys that do not."""
    keys = [k for k, text in english.items() if re.search(r"[A-Za-z]", text or "")]
    same = [k for k in keys if english[k] == french.get(k)]
    return 1 - len(same) / len(keys), same


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    if not os.path.isfile(QM):
        pytest.fail("{} is missing: `make setup` compiles it from i18n/ign_offline_fr.ts".format(QM))
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: `make setup` installs it (apt-get install xvfb)")
    tmp_path = tmp_path_factory.mktemp("desktop")
    with Xvfb() as display:
        return desktop(tmp_path, display, "C"), desktop(tmp_path, display, "fr_FR.UTF-8")


def test_the_french_desktop_speaks_french(runs):
    english, french = runs
    assert not english["locale"].startswith("fr") and french["locale"] == "fr"
    assert set(english["dock"]) == set(french["dock"]) and set(english["algorithms"]) == set(french["algorithms"])
    for part in ("dock", "algorithms"):
        share, same = differing(english[part], french[part])
        assert share >= 0.9, "{}: only {:.0%} translated; the same in both: {}".format(part, share, same)
        assert all(french[part][k] for k, text in english[part].items() if text), "an empty French text"
    # per algorithm, too: its name, group and every parameter label
    for algorithm in {key.rsplit(":", 1)[0] for key in english["algorithms"]}:
        mine = {k: v for k, v in english["algorithms"].items() if k.startswith(algorithm + ":")}
        share, same = differing(mine, french["algorithms"])
        assert share >= 0.9, "{}: the same in both languages: {}".format(algorithm, same)
    assert french["dock"]["tab:pages:0"] == "Couches Géoplateforme"
    assert french["algorithms"]["ign_offline:download_tiles:name"] == "Télécharger des tuiles en MBTiles"


def test_the_english_desktop_stays_english(runs):
    english, _ = runs
    assert english["dock"]["tab:pages:0"] == "Géoplateforme layers"
    assert english["dock"]["group:dock/areaGroup"] == "1. Where: the area"
    assert english["algorithms"]["ign_offline:download_tiles:name"] == "Download tiles to MBTiles"
