import json
import os
import re
import stat
import subprocess

import pytest
from pyproj import Transformer
from qgis.core import QgsProcessingException

from tests.qgis.conftest import make_process
from tests.support.slippy import expected_counts

TOULOUSE = (1.35, 43.55, 1.50, 43.65)
# A box around Carcassonne in Lambert-93 metres.
L93_BOX = (640000.0, 660000.0, 6230000.0, 6240000.0)
L93_EXTENT = "{},{},{},{} [EPSG:2154]".format(*L93_BOX)


def l93_box_in_lonlat():
    """Independent conversion of the Lambert-93 box (pyproj, densified edges)."""
    xmin, xmax, ymin, ymax = L93_BOX
    return Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True).transform_bounds(
        xmin, ymin, xmax, ymax, densify_pts=21)


def run(processing, **parameters):
    return processing.run("ign_offline:estimate_tiles", parameters)


def test_preset_counts(processing):
    result = run(processing, AREA="Toulouse", ZOOM_MIN=8, ZOOM_MAX=16)
    expected = expected_counts(TOULOUSE, 8, 16)
    assert json.loads(result["COUNTS"]) == {str(z): n for z, n in expected.items()}
    assert result["TOTAL"] == sum(expected.values())


def test_lambert93_extent_counts(processing):
    result = run(processing, EXTENT=L93_EXTENT, ZOOM_MIN=8, ZOOM_MAX=15)
    expected = expected_counts(l93_box_in_lonlat(), 8, 15)
    assert json.loads(result["COUNTS"]) == {str(z): n for z, n in expected.items()}


def test_free_space_is_reported_for_the_output_folder(processing, tmp_path):
    result = run(processing, AREA="pyrenees", ZOOM_MIN=8, ZOOM_MAX=10, OUTPUT=str(tmp_path / "caves.mbtiles"))
    assert result["FREE_BYTES"] > 0
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("args, expected", [
    (["AREA=carcassonne", "ZOOM_MIN=8", "ZOOM_MAX=16"], expected_counts((2.30, 43.18, 2.40, 43.25), 8, 16)),
    (['"EXTENT={}"'.format(L93_EXTENT), "ZOOM_MIN=10", "ZOOM_MAX=14"], None),
])
def test_qgis_process_gives_the_same_counts(args, expected):
    completed = make_process("run", "ign_offline:estimate_tiles", "--json", "--", *args)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
    expected = expected or expected_counts(l93_box_in_lonlat(), 10, 14)
    assert json.loads(results["COUNTS"]) == {str(z): n for z, n in expected.items()}
    assert results["TOTAL"] == sum(expected.values())


@pytest.fixture()
def read_only_folder(tmp_path):
    """A folder nobody can write to: mode 500, and immutable when we are root (root ignores modes)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    immutable = os.geteuid() == 0
    if immutable and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("running as root and chattr +i is not allowed here: no folder is read-only for root")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(stat.S_IRWXU)


BAD_INPUTS = [
    (dict(AREA="toulouse", ZOOM_MIN=12, ZOOM_MAX=10), "minimum zoom (12) is greater than the maximum zoom (10)"),
    (dict(AREA="toulouse", ZOOM_MIN=8, ZOOM_MAX=23), "maximum zoom 23 is outside 0-22"),
    (dict(AREA="toulouse", ZOOM_MIN=-1, ZOOM_MAX=8), "minimum zoom -1 is outside 0-22"),
    (dict(AREA="lyon", ZOOM_MIN=8, ZOOM_MAX=10), "Unknown area 'lyon'. Use one of: toulouse"),
    (dict(EXTENT="650000,650000,6230000,6240000 [EPSG:2154]", ZOOM_MIN=8, ZOOM_MAX=10), "extent is empty"),
    (dict(ZOOM_MIN=8, ZOOM_MAX=10), "Give an AREA"),
    (dict(AREA="toulouse", EXTENT=L93_EXTENT, ZOOM_MIN=8, ZOOM_MAX=10), "Give one area only: AREA and EXTENT"),
]


@pytest.mark.parametrize("parameters, message", BAD_INPUTS)
def test_bad_input_is_refused_clearly(processing, tmp_path, parameters, message):
    with pytest.raises(QgsProcessingException, match=re.escape(message)):
        run(processing, OUTPUT=str(tmp_path / "out.mbtiles"), **parameters)
    assert os.listdir(tmp_path) == []


def test_missing_output_folder(processing, tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist: create it or choose another"):
        run(processing, AREA="toulouse", ZOOM_MIN=8, ZOOM_MAX=9, OUTPUT=str(tmp_path / "no" / "deeper" / "x.mbtiles"))
    assert os.listdir(tmp_path) == []


def test_read_only_output_folder(processing, read_only_folder):
    with pytest.raises(QgsProcessingException, match="is not writable"):
        run(processing, AREA="toulouse", ZOOM_MIN=8, ZOOM_MAX=9, OUTPUT=str(read_only_folder / "x.mbtiles"))
    assert os.listdir(read_only_folder) == []


def test_bad_input_through_qgis_process_says_why():
    completed = make_process("run", "ign_offline:estimate_tiles", "--", "AREA=lyon")
    assert completed.returncode != 0
    assert "Unknown area 'lyon'" in completed.stdout + completed.stderr
