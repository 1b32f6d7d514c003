"""Exports onto a really full disk (issue 28 item 4): every format is refused as a full disk naming the OUTPUT's
folder, never as a damaged input; nothing is left under the output's name (an earlier file there is kept), no
temporary file stays, the input is unchanged, and no traceback is printed.

The small disks are tmpfs mounted in a private mount namespace (unshare -m): they vanish with the child process,
and nothing is mounted for the rest of the machine.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from core.field import exports, formats
from tests.support.sample_mbtiles import write_noise_sample

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EARLIER = b"an earlier export, kept whatever happens to this run"

CHILD = textwrap.dedent("""
    import json, os, sys
    from core.errors import IgnOfflineError
    from core.field import exports, formats
    source, cases = sys.argv[1], json.loads(sys.argv[2])
    outcomes = []
    for case in cases:
        folder, kind = case["folder"], case["kind"]
        output = os.path.join(folder, "export" + formats.export_format(kind).extension)
        if case["earlier"]:
            with open(output, "wb") as stream:
                stream.write(EARLIER)
        try:
            if case["raster"]:  # GDAL re-encodes it; quality 100: larger than the small disk
                exports.export_raster(source, output, kind, quality=100)
            else:
                exports.export(source, output, kind, max_file_mb=case.get("max_file_mb"))
            outcome = {"error": None}
        except IgnOfflineError as exc:
            outcome = {"error": str(exc), "type": type(exc).__name__}
        files = sorted(os.listdir(folder))
        if case["earlier"] and os.path.exists(output):
            with open(output, "rb") as stream:
                outcome["kept"] = stream.read() == EARLIER
        outcome.update(case, output=output, files=files)
        outcomes.append(outcome)
        for name in files:
            os.remove(os.path.join(folder, name))
    print(json.dumps(outcomes))
""").replace("EARLIER", repr(EARLIER))


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def run_on_small_disks(tmp_path, source, cases, sizes):
    """Run `cases` in a child process that sees a tmpfs of `sizes[name]` mounted on tmp_path/name; its outcomes."""
    if not shutil.which("unshare") or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True)
    if probe.returncode:
        pytest.skip("cannot make a private mount namespace here: " + probe.stderr.decode(errors="replace"))
    mounts = []
    for name, size in sizes.items():
        (tmp_path / name).mkdir()
        mounts.append("mount -t tmpfs -o size={} tmpfs '{}'".format(size, tmp_path / name))
    script = " && ".join(mounts) + ' && exec "$0" -c "$1" "$2" "$3"'
    completed = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script, sys.executable, CHILD, source,
         json.dumps(cases)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    # No traceback, and none of GDAL's "ERROR 1: …" lines either: one message says it all.
    assert "Traceback" not in completed.stderr and "ERROR" not in completed.stderr, completed.stderr[-3000:]
    for name in sizes:  # the tmpfs went with its namespace: nothing was written to the real disk
        assert os.listdir(tmp_path / name) == []
    return json.loads(completed.stdout.strip().splitlines()[-1])


def assert_refused_as_full(outcome, source):
    """Refused as a full disk naming the output's folder; the input is neither named nor called damaged."""
    folder = os.path.dirname(outcome["output"])
    said = outcome["error"] or ""
    assert outcome.get("type") == "DiskFull", outcome
    assert said.startswith("The disk holding '{}' is full: the export to '{}' stopped".format(
        folder, os.path.basename(outcome["output"]))), outcome
    assert source not in said and "damaged" not in said and "download it again" not in said, outcome


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A 16 MB MBTiles of incompressible tiles: larger than the 5 MB disk in every format."""
    path = str(tmp_path_factory.mktemp("input") / "base.mbtiles")
    size = write_noise_sample(path)
    assert 15e6 < size < 17e6
    return path


def test_every_format_onto_a_full_disk_is_refused_as_a_full_disk_and_leaves_nothing(tmp_path, sample):
    before = digest(sample)
    cases = [{"folder": str(tmp_path / "small"), "kind": kind, "raster": False, "earlier": earlier}
             for kind in ("mbtiles", "gpkg", "pmtiles", "osmand", "geotiff") for earlier in (False, True)]
    # COG (and GDAL's MBTiles and GeoPackage) re-encode a raster: the same MBTiles, read by GDAL as one.
    cases += [{"folder": str(tmp_path / "small"), "kind": kind, "raster": True, "earlier": earlier}
              for kind in ("cog", "mbtiles", "gpkg") for earlier in (False, True)]
    # Split in parts of 2 MB: the first two are complete before the disk fills; none is kept.
    cases += [{"folder": str(tmp_path / "small"), "kind": kind, "raster": False, "earlier": False, "max_file_mb": 2}
              for kind in ("mbtiles", "osmand")]
    # The GeoTIFF's staged copy fits on 18 MB, its rendering by GDAL does not: GDAL's own full disk.
    cases += [{"folder": str(tmp_path / "roomy"), "kind": "geotiff", "raster": False, "earlier": earlier}
              for earlier in (False, True)]
    outcomes = run_on_small_disks(tmp_path, sample, cases, {"small": "5m", "roomy": "18m"})
    assert len(outcomes) == len(cases)
    for outcome in outcomes:
        assert_refused_as_full(outcome, sample)
        if outcome["earlier"]:  # the earlier file under the output's name is kept, byte for byte, and alone
            assert outcome["files"] == [os.path.basename(outcome["output"])] and outcome["kept"], outcome
        else:  # nothing under the output's name, no temporary part, journal, lock or spool
            assert outcome["files"] == [], outcome
    assert digest(sample) == before  # the input was only read


def test_the_same_exports_fit_on_a_disk_large_enough(tmp_path, sample):
    """The refusal above is the disk's size, not a broken export: on 64 MB each format is written whole."""
    cases = [{"folder": str(tmp_path / "large"), "kind": kind, "raster": raster, "earlier": True}
             for kind, raster in (("mbtiles", False), ("pmtiles", False), ("geotiff", False), ("cog", True))]
    outcomes = run_on_small_disks(tmp_path, sample, cases, {"large": "64m"})
    for outcome in outcomes:
        assert outcome["error"] is None and outcome["files"] == [os.path.basename(outcome["output"])], outcome
        assert outcome["kept"] is False  # replaced by the new export, once complete


def test_a_cancelled_export_keeps_no_part(tmp_path, sample):
    """A part cut short by a cancel would look complete under the output's name: none is kept."""
    out = tmp_path / "out"
    out.mkdir()
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 40

    for kind in ("mbtiles", "pmtiles", "geotiff"):
        output = str(out / ("plan" + formats.export_format(kind).extension))
        assert exports.export(sample, output, kind, is_cancelled=cancelled) == []
        assert os.listdir(out) == []
        asked.clear()


def test_a_gdal_failure_other_than_a_full_disk_leaves_no_temporary_file(tmp_path):
    """An orthophoto VRT one of whose tiles went missing: GDAL fails halfway, said in one message naming the
    output; no part is left and an earlier file under the output's name is kept."""
    from osgeo import gdal, osr

    tile = str(tmp_path / "tile.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(tile, 300, 300, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform((1045000, 0.5, 0, 6842000, 0, -0.5))
    lambert = osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    dataset.SetProjection(lambert.ExportToWkt())
    dataset = None
    vrt = str(tmp_path / "ortho.vrt")
    gdal.BuildVRT(vrt, [tile])
    os.remove(tile)
    out = tmp_path / "out"
    out.mkdir()
    for kind in ("cog", "gpkg"):
        output = str(out / ("ortho" + formats.export_format(kind).extension))
        with open(output, "wb") as stream:
            stream.write(EARLIER)
        # GDAL's own reason varies with what the process opened before (the missing tile, or the block it could
        # not read once that failure is cached): the message names the output and gives GDAL's reason.
        with pytest.raises(exports.IgnOfflineError, match="^GDAL could not write '{}': .+".format(re.escape(output))):
            exports.export_raster(vrt, output, kind)
        assert os.listdir(out) == [os.path.basename(output)] and digest(output) == hashlib.sha256(EARLIER).hexdigest()
        os.remove(output)


def test_a_refused_rename_is_one_message_and_leaves_no_part(tmp_path, sample):
    """The final name cannot be taken (here a folder holds it; on Windows, the earlier file open in QGIS): said in
    one line naming the output, the complete part removed, what held the name untouched."""
    out = tmp_path / "out"
    (out / "plan.mbtiles").mkdir(parents=True)
    (out / "plan.mbtiles" / "keep.txt").write_text("mine")
    output = str(out / "plan.mbtiles")
    with pytest.raises(exports.IgnOfflineError, match="^'{}' cannot be written \\(".format(output)):
        exports.export(sample, output, "mbtiles")
    assert os.listdir(out) == ["plan.mbtiles"] and os.listdir(output) == ["keep.txt"]
