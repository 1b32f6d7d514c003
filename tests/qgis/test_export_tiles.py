"""export_tiles through qgis_process (issue 11): formats for field apps, splits, bad input."""

import os

from core import mbtiles
from core.field import formats, writers
from core.tiles import grid as tiles
from tests.qgis.conftest import make_process
from tests.support.files import tree_digest
from tests.support.images import png_tile

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def library_file(folder):
    path = str(folder / "plan.mbtiles")
    bodies = {(t.z, t.x, t.y): png_tile((t.x % 200, t.y % 200, 99)) for t in tiles.iter_tiles(CARCASSONNE, 8, 13)}
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", CARCASSONNE, 8, 13, "© IGN"))
        for (z, x, y), data in bodies.items():
            writer.record(z, x, y, "done", data)
    return path, bodies


def test_osmand_and_geopackage_through_qgis_process(tmp_path):
    source, bodies = library_file(tmp_path)
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=osmand",
                             "OUTPUT=" + str(tmp_path / "plan.sqlitedb"), "ZOOM_MIN=10", "ZOOM_MAX=12")
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    decoded, zooms = writers.decode_osmand(str(tmp_path / "plan.sqlitedb"))
    assert decoded == {k: v for k, v in bodies.items() if 10 <= k[0] <= 12} and zooms == [10, 12]
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=gpkg",
                             "OUTPUT=" + str(tmp_path / "plan.gpkg"))
    assert completed.returncode == 0 and "never re-encoded" in completed.stdout


def test_bad_exports_say_why_and_write_nothing(tmp_path):
    source, _ = library_file(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = tree_digest(tmp_path)
    for args, fragment in (
            (["FORMAT=kmz"], "kmz"),
            (["FORMAT=mbtiles", "MAX_FILE_MB=0.01"], "smaller than one file of one tile"),
            (["FORMAT=mbtiles", "ZOOM_MIN=16", "ZOOM_MAX=18"], "holds no tile"),
            (["FORMAT=cog"], "FORMAT cog is for rasters")):
        completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source,
                                 "OUTPUT=" + str(out / "x.mbtiles"), *args)
        said = completed.stdout + completed.stderr
        assert completed.returncode != 0 and fragment in said and "Traceback" not in said, said[-1500:]
    assert tree_digest(tmp_path) == before
    assert os.listdir(out) == []


def test_with_no_output_the_file_lands_in_the_library_exports_and_opens_in_gdal(tmp_path, provider):
    """Issue 21: no OUTPUT is the library's exports/<target>/ folder (never a temporary file QGIS deletes)."""
    import processing
    from osgeo import gdal
    from qgis.core import QgsProcessingException, QgsProcessingOutputLayerDefinition

    source, bodies = library_file(tmp_path)
    library = tmp_path / "library"
    library.mkdir()
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "osmand", "ZOOM_MIN": 9,
                                                         "ZOOM_MAX": 12, "LIBRARY": str(library)})
    expected = library / "exports" / "osmand" / "Plan_IGN_v2_z9-12.sqlitedb"
    assert result["OUTPUT"] == str(expected) and result["FILES"] == 1
    decoded, zooms = writers.decode_osmand(str(expected))
    assert decoded == {k: v for k, v in bodies.items() if 9 <= k[0] <= 12}
    assert gdal.OpenEx(str(expected)) is not None  # GDAL's SQLite driver opens it (as OsmAnd would)
    # QField, as a GeoPackage (its second format); GDAL reads it as a raster.
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "qfield", "LIBRARY": str(library),
                                                         "FORMAT": "gpkg", "ZOOM_MAX": 11})
    gpkg = library / "exports" / "qfield" / "Plan_IGN_v2_z8-11.gpkg"
    assert result["OUTPUT"] == str(gpkg)
    opened = gdal.OpenEx(str(gpkg), gdal.OF_RASTER)
    assert opened is not None and opened.GetDriver().ShortName == "GPKG"
    # The dialog's "skip output" (a definition with no path) is no OUTPUT too.
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "alpinequest", "ZOOM_MIN": 8,
                                                         "ZOOM_MAX": 8, "LIBRARY": str(library),
                                                         "OUTPUT": QgsProcessingOutputLayerDefinition("")})
    assert result["OUTPUT"] == str(library / "exports" / "alpinequest" / "Plan_IGN_v2_z8-8.mbtiles")
    # A temporary OUTPUT is refused: QGIS deletes it on exit.
    try:
        processing.run("ign_offline:export_tiles", {"INPUT": source, "OUTPUT": "TEMPORARY_OUTPUT"})
        refused = ""
    except QgsProcessingException as exc:
        refused = str(exc)
    assert "deleted when QGIS closes" in refused


def test_an_output_extension_is_added_when_missing_and_a_wrong_one_refused(tmp_path, provider):
    import processing
    from osgeo import gdal
    from qgis.core import QgsProcessingException

    source, _ = library_file(tmp_path)
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "FORMAT": "gpkg",
                                                         "OUTPUT": str(tmp_path / "plan")})
    assert result["OUTPUT"] == str(tmp_path / "plan.gpkg") and gdal.OpenEx(result["OUTPUT"]) is not None
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "qfield",
                                                         "OUTPUT": str(tmp_path / "OUTPUT.file")})
    assert result["OUTPUT"] == str(tmp_path / "OUTPUT.file.mbtiles")
    try:
        processing.run("ign_offline:export_tiles", {"INPUT": source, "FORMAT": "gpkg",
                                                    "OUTPUT": str(tmp_path / "x.tif")})
        refused = ""
    except QgsProcessingException as exc:
        refused = str(exc)
    assert "names a GeoTIFF file but FORMAT gpkg writes GeoPackage" in refused and "x.gpkg" in refused
    assert not (tmp_path / "x.tif").exists() and not (tmp_path / "x.gpkg").exists()


def test_qgis_process_with_no_output_writes_into_the_library(tmp_path):
    source, _ = library_file(tmp_path)
    library = tmp_path / "library"
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "TARGET=osmand",
                             "LIBRARY=" + str(library), "ZOOM_MIN=10", "ZOOM_MAX=11")
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    written = library / "exports" / "osmand" / "Plan_IGN_v2_z10-11.sqlitedb"
    assert written.is_file() and str(written) in completed.stdout
    assert writers.decode_osmand(str(written))[1] == [10, 11]
    # The web target through qgis_process (the system's Python): the bundled pmtiles package writes it.
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "TARGET=web",
                             "LIBRARY=" + str(library))
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    from pmtiles.reader import MmapSource, Reader

    # A folder: the archive and the page showing it (tests/qgis/test_web_viewer.py opens it in Chromium).
    assert (library / "exports" / "web" / "Plan_IGN_v2_z8-13" / "index.html").is_file()
    with open(library / "exports" / "web" / "Plan_IGN_v2_z8-13" / "Plan_IGN_v2_z8-13.pmtiles", "rb") as stream:
        header = Reader(MmapSource(stream)).header()
    assert (header["min_zoom"], header["max_zoom"]) == (8, 13)


def test_qgis_process_onto_a_full_disk_says_so_and_leaves_nothing(tmp_path):
    """Issue 28: a 16 MB MBTiles exported onto a 5 MB disk (a tmpfs in a private mount namespace) in each format,
    and a raster re-encoded as a COG: refused as the OUTPUT's full disk, never as a damaged INPUT, nothing left
    under the output's name (an earlier file there kept), the INPUT unchanged, no traceback."""
    import shutil
    import subprocess

    import pytest
    from osgeo import gdal

    from tests.qgis.conftest import MAKE_PROCESS
    from tests.support.sample_mbtiles import write_noise_sample

    if not shutil.which("unshare") or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    if subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True).returncode:
        pytest.skip("cannot make a private mount namespace here")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    source = str(inputs / "base.mbtiles")
    write_noise_sample(source)
    raster = str(inputs / "ortho.tif")  # the same pixels as an uncompressed GeoTIFF: 16 MB, re-encoded as a COG
    gdal.Translate(raster, source, format="GTiff", bandList=[1, 2, 3])
    before = tree_digest(inputs)
    disk = tmp_path / "disk"
    disk.mkdir()
    earlier = "an earlier export"
    for kind, given, extra in (("mbtiles", source, []), ("gpkg", source, []), ("pmtiles", source, []),
                               ("osmand", source, []), ("geotiff", source, []), ("cog", raster, ["QUALITY=100"])):
        output = str(disk / ("export" + formats.export_format(kind).extension))
        keep = kind == "mbtiles"  # an earlier file of that name, written in the namespace, survives the failure
        plant = "printf '{}' > '{}' &&".format(earlier, output) if keep else ""
        # In the namespace: mount, plant, run qgis_process, then say its rc and what the small disk holds.
        script = ('mount -t tmpfs -o size=5m tmpfs "$0" && {} {{ "$@"; rc=$?; echo; echo "rc=$rc"; ls -A "$0"; '
                  'cat "$0"/* 2>/dev/null; }}').format(plant)
        completed = subprocess.run(
            ["unshare", "-m", "--propagation", "private", "sh", "-c", script, str(disk), *MAKE_PROCESS,
             "ARGS=" + " ".join(["run", "ign_offline:export_tiles", "--", "INPUT=" + given,
                                             "FORMAT=" + kind, "OUTPUT=" + output] + extra)],
            capture_output=True, text=True, timeout=300)
        said = completed.stdout + completed.stderr
        lines = completed.stdout.strip().splitlines()
        assert any(line.startswith("rc=") for line in lines), said[-3000:]
        left = lines[next(n for n, line in enumerate(lines) if line.startswith("rc=")):]
        assert left[0] != "rc=0", said[-2000:]
        assert "The disk holding '{}' is full: the export to '{}' stopped".format(disk, os.path.basename(output)) \
            in said, said[-2000:]
        assert "Traceback" not in said and "damaged" not in said and "ERROR 1" not in said, said[-2000:]
        # Nothing on the small disk but the earlier file, unchanged: no part, journal, lock or spool.
        assert left[1:] == (["export.mbtiles", earlier] if keep else []), (kind, left)
    assert os.listdir(disk) == []  # the tmpfs went with its namespace
    assert tree_digest(inputs) == before  # the INPUTs were only read


def test_a_vector_rendering_onto_a_full_disk_is_said_as_the_output_disk_being_full(tmp_path):
    """QGIS's renderer (vector tiles drawn for OsmAnd) meeting a full disk: said as the OUTPUT's full disk, with no
    traceback in the run's own messages (QGIS's message log still records its renderer's), nothing left."""
    import shutil
    import subprocess

    import pytest

    from tests.qgis.conftest import MAKE_PROCESS
    from tests.support import vector_samples

    if not shutil.which("unshare") or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    if subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True).returncode:
        pytest.skip("cannot make a private mount namespace here")
    inputs = tmp_path / "inputs"
    (inputs / "library").mkdir(parents=True)
    source = vector_samples.ours(vector_samples.gdal_vector_mbtiles(str(inputs / "gdal.mbtiles"), str(inputs)),
                                 str(inputs / "library" / "PLAN.IGN.mbtiles"))
    vector_samples.write_style(source)
    before = tree_digest(inputs)
    disk = tmp_path / "disk"
    disk.mkdir()
    output = str(disk / "plan.sqlitedb")
    script = 'mount -t tmpfs -o size=24k tmpfs "$0" && { "$@"; rc=$?; echo; echo "rc=$rc"; ls -A "$0"; }'
    completed = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script, str(disk), *MAKE_PROCESS,
         "ARGS=" + " ".join(["run", "ign_offline:export_tiles", "--", "INPUT=" + source, "TARGET=osmand",
                                         "OUTPUT=" + output, "ZOOM_MIN=10", "ZOOM_MAX=14"])],
        capture_output=True, text=True, timeout=300)
    said = completed.stdout + completed.stderr
    lines = completed.stdout.strip().splitlines()
    assert any(line.startswith("rc=") for line in lines), said[-3000:]
    left = lines[next(n for n, line in enumerate(lines) if line.startswith("rc=")):]
    assert left == ["rc=2"], said[-3000:]  # make's code for a failed run; nothing on the small disk
    assert "ERROR:\tThe disk holding '{}' is full: the export to 'plan.sqlitedb' stopped".format(disk) in said, \
        said[-3000:]
    assert "ERROR:\tTraceback" not in said, said[-3000:]
    assert tree_digest(inputs) == before
