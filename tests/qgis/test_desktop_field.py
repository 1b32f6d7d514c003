"""Issue 21's "must hold", by clicks in the real QGIS desktop under Xvfb, in French: the Field page exports two
library files for OsmAnd and for QField into <library>/exports/…, with the right extensions, opening in GDAL,
and says so in French."""

import json
import os
import re
import shutil

import pytest

from tests.qgis.conftest import ROOT
from tests.support.desktop import run_desktop
from tests.support.xvfb import Xvfb

SCRIPT = os.path.join(ROOT, "tests", "support", "field_session.py")
ENGLISH = re.compile(r"\b(tiles|files?|exported|copied|never|into|failed|error|the)\b")


def test_field_exports_by_clicks_in_the_french_desktop(tmp_path):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: `make setup` installs it (apt-get install xvfb)")
    out = tmp_path / "field.json"
    with Xvfb() as display:
        completed = run_desktop(str(tmp_path / "home"), display, "fr_FR.UTF-8", "field:" + str(out), script=SCRIPT)
    assert completed.returncode == 0 and out.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    print(json.dumps(seen, ensure_ascii=False, indent=1))  # what the desktop showed, when a check fails
    assert seen["tab"] == "Terrain"
    files = seen["files"]
    osmand = sorted(f for f in files if f.startswith(os.path.join("exports", "osmand")))
    qfield = sorted(f for f in files if f.startswith(os.path.join("exports", "qfield")))
    assert [os.path.basename(f) for f in osmand] == ["Photographies_aeriennes_Zone_saisie_z10-12.sqlitedb",
                                                     "Plan_IGN_v2_Zone_saisie_z10-12.sqlitedb"], files
    assert [f.endswith(".mbtiles") for f in qfield] == [True, True], files
    assert all(files[f] for f in osmand + qfield), files  # every file opens in GDAL
    for target in ("osmand", "qfield"):
        said = seen[target]
        assert said["size"].startswith("Prévu :") and "en 2 fichiers" in said["size"], said
        assert "2 fichiers exportés dans" in said["log"] and "⚠" not in said["log"], said["log"]
        # No English sentence: the log's words outside file paths are French.
        words = re.sub(r"/\S+", "", said["log"] + " " + said["size"] + " " + said["notes"])
        assert not ENGLISH.search(words), words
        # Numbers with French separators: sizes in ko/Mo with a decimal comma.
        assert re.search(r"\d+,\d (ko|Mo)", said["log"]), said["log"]
