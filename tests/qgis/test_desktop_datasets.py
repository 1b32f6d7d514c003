"""Issue 23's dock page, by clicks in the real QGIS desktop under Xvfb, in French: open the panel, pick the Toulouse
preset, list the datasets ticked by default for its two départements (sizes before anything is fetched), download
them from the stand-in download service, and see the layers in the project — said in French."""

import json
import os
import re
import shutil

import pytest

from tests.qgis.conftest import ROOT
from tests.support.dataset_journey import catalogue
from tests.support.desktop import run_desktop
from tests.support.download_service import StandInDownloadService
from tests.support.xvfb import Xvfb

SCRIPT = os.path.join(ROOT, "tests", "support", "datasets_session.py")
ENGLISH = re.compile(r"\b(files?|downloaded|nothing|into|failed|error|the|new|up to date|edition of)\b")


def test_datasets_listed_downloaded_and_loaded_by_clicks_in_the_french_desktop(tmp_path, monkeypatch):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: `make setup` installs it (apt-get install xvfb)")
    out = tmp_path / "datasets.json"
    served = catalogue(str(tmp_path / "catalogue"))
    with StandInDownloadService(served) as service, Xvfb() as display:
        monkeypatch.setenv("IGN_OFFLINE_DATASETS_SERVICE", service.root)
        completed = run_desktop(str(tmp_path / "home"), display, "fr_FR.UTF-8", "datasets:" + str(out),
                                timeout=600, script=SCRIPT)
        downloads = {path.rsplit("/", 1)[-1] for path, _ in service.downloads()}
    assert completed.returncode == 0 and out.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    print(json.dumps(seen, ensure_ascii=False, indent=1))  # what the desktop showed, when a check fails
    assert seen["tab"] == "Données IGN" and seen["list_button"] == "Lister pour cette zone"
    assert seen["ticked"] == ["BD TOPO", "RGE ALTI 5 m", "Parcellaire Express"]
    assert not seen["download_enabled_before"] and seen["download_enabled"]
    # Listed before anything is fetched: each product for Haute-Garonne and Tarn (not Aude, out of the area).
    assert sorted(row[0] for row in seen["table"]) == sorted(["BD TOPO", "RGE ALTI 5 m", "Parcellaire Express"] * 2), \
        seen["table"]
    assert {row[1] for row in seen["table"]} == {"Haute-Garonne (31)", "Tarn (81)"}, seen["table"]
    assert {row[5] for row in seen["table"]} == {"nouveau"}, seen["table"]
    assert all(re.fullmatch(r"\d+(,\d)? (ko|Mo)", row[4]) for row in seen["table"]), seen["table"]
    assert seen["total"].startswith("Total : 6 jeux de données,"), seen["total"]
    # Downloaded: every file of the two départements (RGE ALTI D031's volumes too), nothing of D011; in the
    # library; up to date.
    assert downloads == {f.name for editions in served.values() for edition in editions
                         if edition.zone in ("D031", "D081") for f in edition.files}, downloads
    for product in ("BDTOPO", "RGEALTI", "PARCELLAIRE-EXPRESS"):
        for zone in ("D031", "D081"):
            folder = os.path.join("datasets", product, zone, "data")
            assert any(f.startswith(folder) for f in seen["files"]), folder
    assert {row[5] for row in seen["after"]} == {"à jour"}
    log = seen["log"]
    assert "⚠" not in log, log
    for zone in ("Haute-Garonne (31)", "Tarn (81)"):  # each product's département said ready once, by the run
        assert sum(zone + " : " in line and line.endswith("prêt (nouveau).") for line in log.splitlines()) == 3, log
    words = re.sub(r"/\S+", "", log)
    assert not ENGLISH.search(words), words
    # The layers, in the project, valid.
    layers = [line for line in seen["layers"] if "layer:" in line]
    assert layers and all(line.endswith("(valid)") for line in layers), seen["layers"]
    assert any(line.startswith("group:") for line in seen["layers"]), seen["layers"]
