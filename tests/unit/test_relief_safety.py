"""core.datasets.relief kept safe (issue 28): a DEM that is one of the results is refused before anything is
written, in any spelling; a DEM without elevation in the area is one message; only where the DEM has elevations is
computed (a France-wide area on a mostly empty DEM finishes at once, progress moving), and the job's size and time
are known before any work for the large-job check; the work folder a kill -9 left is removed by the next run, never
one a live run holds nor a folder of the user's."""

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from osgeo import gdal

from core import storage
from core.datasets import relief
from core.errors import InputError
from core.tiles.areas import Area
from tests.support import dataset_samples as samples

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AREA_L93 = (570330.0, 6278420.0, 572610.0, 6279730.0)
FRANCE = Area("france", "France", -5.5, 41.2, 9.8, 51.2)


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def geotiff_dem(path):
    """The sample ASC tile as a GeoTIFF (any name: `slope.tif`)."""
    asc = samples.write_asc(os.path.join(os.path.dirname(path), "tile.asc"), 570, 6280)
    gdal.Translate(path, asc, options=gdal.TranslateOptions(format="GTiff", outputSRS="EPSG:2154"))
    os.remove(asc)
    return path


def listing(folder):
    return sorted(os.listdir(str(folder)))


# -- item 5: the INPUT is never one of the results ------------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["same path", "dot path", "relative", "symlink", "hard link"])
def test_a_dem_that_is_one_of_the_results_is_refused_and_kept(tmp_path, monkeypatch, spelling):
    out = tmp_path / "relief"
    out.mkdir()
    stored = geotiff_dem(str(out / "slope.tif"))
    before, names = digest(stored), listing(out)
    dem = {"same path": stored, "dot path": str(out / "." / "slope.tif"), "relative": "relief/slope.tif",
           "symlink": str(tmp_path / "my-dem.tif"), "hard link": str(tmp_path / "dem-link.tif")}[spelling]
    if spelling == "symlink":
        os.symlink(stored, dem)
    elif spelling == "hard link":
        os.link(stored, dem)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"The relief file \(OUTPUT_FOLDER\) '.*slope\.tif' is the same file as "
                                         r"the input"):
        relief.relief(dem, str(out), slope=True, hillshade=True)
    assert digest(stored) == before and listing(out) == names  # not a byte changed, nothing written


def test_a_dem_tile_of_a_mosaic_named_like_a_result_is_refused(tmp_path):
    """The VRT is read, its tiles too: a tile called `hillshade.tif` in the output folder would be overwritten."""
    out = tmp_path / "relief"
    out.mkdir()
    tile = geotiff_dem(str(out / "hillshade.tif"))
    vrt = relief.mosaic([tile], str(tmp_path / "mosaic.vrt"))
    before = digest(tile)
    with pytest.raises(InputError, match="is the same file as the input"):
        relief.relief(vrt, str(out), slope=False)
    assert digest(tile) == before and listing(out) == ["hillshade.tif"]


def test_a_dem_named_like_a_result_not_asked_for_is_fine(tmp_path):
    out = tmp_path / "relief"
    out.mkdir()
    stored = geotiff_dem(str(out / "slope.tif"))
    before = digest(stored)
    paths = relief.relief(stored, str(out), hillshade=True, slope=False)
    assert list(paths) == ["hillshade"] and digest(stored) == before


# -- item 7: no elevation, mostly empty DEMs, large jobs ------------------------------------------------------------

def test_a_dem_with_no_elevation_at_all_is_one_message(tmp_path):
    path = samples.write_asc(str(tmp_path / "sea.asc"), 570, 6280, pixels=50)
    dataset = gdal.Open(path, gdal.GA_ReadOnly)
    empty = gdal.GetDriverByName("GTiff").CreateCopy(str(tmp_path / "sea.tif"), dataset)
    dataset = None
    empty.GetRasterBand(1).Fill(samples.NODATA)
    empty.SetProjection(samples.lambert93().ExportToWkt())
    empty = None
    with pytest.raises(InputError, match=r"The DEM 'sea\.tif' holds no elevation \(only nodata\): give a DEM"):
        relief.relief(str(tmp_path / "sea.tif"), str(tmp_path / "out"))
    assert listing(tmp_path / "out") == []


def test_an_area_where_a_mosaic_has_no_tile_is_one_message(tmp_path):
    """Two tiles 3 km apart: an area between them meets the mosaic's box but holds no elevation."""
    tiles = [samples.write_asc(str(tmp_path / samples.dem_tile_name(x, 6280)), x, 6280) for x in (570, 574)]
    vrt = relief.mosaic(tiles, str(tmp_path / "RGEALTI.vrt"))
    between = samples.lambert_area(571300, 6279300, 572700, 6279700, title="Entre deux")
    with pytest.raises(InputError, match=r"The DEM 'RGEALTI\.vrt' holds no elevation inside the area 'Entre deux' "
                                         r"\(only nodata there\)"):
        relief.relief(vrt, str(tmp_path / "out"), between)
    assert listing(tmp_path / "out") == []


def wide_mosaic(folder, km=200):
    """The sample's 3 × 2 tiles in a VRT `km` km wide and high (a France-sized box mostly without tiles)."""
    tiles = samples.rgealti_tiles(os.path.join(folder, "tiles"))
    bounds = (570000.0 - km * 500, 6280000.0 - km * 500, 570000.0 + km * 500, 6280000.0 + km * 500)
    path = os.path.join(folder, "wide.vrt")
    gdal.BuildVRT(path, tiles, options=gdal.BuildVRTOptions(outputBounds=bounds, outputSRS="EPSG:2154"))
    return path


@pytest.mark.serial
def test_a_france_wide_area_on_a_mostly_empty_dem_computes_only_where_it_has_data(tmp_path):
    dem = wide_mosaic(str(tmp_path))
    assert gdal.Open(dem).RasterXSize == 40000  # 1.6 billion pixels, all but 240 000 nodata
    calls, estimates = [], []
    started = time.monotonic()
    paths = relief.relief(dem, str(tmp_path / "out"), FRANCE, slope=False, contours=20,
                          progress=lambda done, total: calls.append(done), check=estimates.append)
    assert time.monotonic() - started < 30
    estimate, = estimates
    assert estimate.pixels < 300_000 and estimate.data_pixels == pytest.approx(240_000, rel=0.05)  # sampled
    assert estimate.seconds == pytest.approx(estimate.pixels * 2 / relief.PIXELS_PER_SECOND)  # 2 results
    hillshade = gdal.Open(paths["hillshade"])
    assert hillshade.RasterXSize <= 600 + 2 * relief.MARGIN_PIXELS and hillshade.RasterYSize <= 400 + 8
    assert len(set(calls)) > 10  # the progress moves
    # The same pixels as on the mosaic of the tiles alone.
    alone = relief.relief(relief.mosaic(samples.rgealti_tiles(str(tmp_path / "alone")), str(tmp_path / "a.vrt")),
                          str(tmp_path / "alone-out"), slope=False)
    reference = gdal.Open(alone["hillshade"])
    ours, theirs = (dataset.GetRasterBand(1).ReadAsArray() for dataset in (hillshade, reference))
    x0, y0 = hillshade.GetGeoTransform()[0], hillshade.GetGeoTransform()[3]
    ax0, ay0 = reference.GetGeoTransform()[0], reference.GetGeoTransform()[3]
    column, row = int((ax0 - x0) / 5), int((y0 - ay0) / 5)
    assert (ours[row:row + 400, column:column + 600] == theirs).all()


def test_a_large_job_is_estimated_and_can_be_refused_before_any_work(tmp_path):
    """Tiles 300 km apart: elevations at two corners, the window between them computed whole — 3.6 billion
    pixels, over the threshold: the check refuses it and nothing is written."""
    near = samples.write_asc(str(tmp_path / samples.dem_tile_name(570, 6280)), 570, 6280)
    far = samples.write_asc(str(tmp_path / samples.dem_tile_name(870, 6580)), 870, 6580)
    dem = relief.mosaic([near, far], str(tmp_path / "RGEALTI.vrt"))
    refused = []

    def check(estimate):
        problem = relief.large_job(estimate, 10 ** 12, str(tmp_path / "out"))
        refused.append(problem)
        if problem is not None:
            raise InputError("{} Reduce the area, or confirm with ALLOW_LARGE=true.", problem)

    with pytest.raises(InputError, match=r"This relief computes [\d,]+ pixels of the DEM \(over 2,000,000,000; "
                                         r"[\d,]+ of them hold elevations in the area\): up to .* of files and "
                                         r"about \d+ min of work, and the disk holding .*out has"):
        relief.relief(dem, str(tmp_path / "out"), FRANCE, slope=False, check=check)
    assert listing(tmp_path / "out") == []
    small = relief.Estimate(600 * 400, 600 * 400, 600 * 400, 0.1)
    assert relief.large_job(small, 10 ** 9, "x") is None


# -- item 7: the work folder of a killed run ------------------------------------------------------------------------

SLOW_RUN = textwrap.dedent("""
    import sys, time
    from core.datasets import relief
    def progress(done, total):
        print("working", flush=True)
        time.sleep(0.2)
    kind = sys.argv[3]
    relief.relief(sys.argv[1], sys.argv[2], hillshade=kind == "hillshade", slope=kind == "slope", progress=progress)
""")


def start_slow_run(dem, out, kind="hillshade"):
    process = subprocess.Popen([sys.executable, "-c", SLOW_RUN, dem, out, kind], cwd=ROOT, stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout.readline().strip() == "working"
    return process


def work_folders(out):
    return [name for name in listing(out) if name.startswith(".relief-")]


def test_a_second_run_into_the_same_results_is_refused_with_one_message_and_the_first_left_alone(tmp_path):
    """Two runs making hillshade.tif in one folder at once: the second would remove the first's part, or rename
    the wrong file to the final name. It is refused before it touches anything, saying which run holds it."""
    dem = relief.mosaic(samples.rgealti_tiles(str(tmp_path / "dem")), str(tmp_path / "RGEALTI.vrt"))
    out = tmp_path / "out"
    live = start_slow_run(dem, str(out))
    try:
        live_work = set(work_folders(out))
        with pytest.raises(storage.OutputInUse) as refused:
            relief.relief(dem, str(out), slope=False, contours=10)
        assert str(refused.value).startswith("'{}' is being written by another run (a relief of RGEALTI.vrt — "
                                             .format(out / "hillshade.tif")), str(refused.value)
        assert refused.value.message.args[1].template == "{} — {} process {} on {}, since {}"
        assert refused.value.message.args[1].args[0].template == "a relief of {}"  # said in the user's language
        assert set(work_folders(out)) == live_work
        assert not (out / "contours.gpkg").exists() and not (out / "contours.part.gpkg").exists()
    finally:
        live.kill()
        live.wait(10)
    assert sorted(relief.relief(dem, str(out), slope=False)) == ["hillshade"]  # free once that run has ended


def test_the_work_folder_a_kill_left_is_removed_by_the_next_run_never_a_live_one(tmp_path):
    dem = relief.mosaic(samples.rgealti_tiles(str(tmp_path / "dem")), str(tmp_path / "RGEALTI.vrt"))
    out = tmp_path / "out"
    live = start_slow_run(dem, str(out), "slope")  # a run at work in the folder all along (on another result)
    try:
        live_folders = set(work_folders(out))
        assert live_folders
        killed = start_slow_run(dem, str(out))
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(10)
        left = set(work_folders(out)) - live_folders
        assert [name for name in left if not name.endswith((".lock", ".lock-owner"))], left  # what kill -9 leaves
        mine = out / ".relief-notes"  # the user's, not named like ours
        mine.mkdir()
        (mine / "keep.txt").write_text("mine")
        half = out / "slope.part.tif"  # a result half written, as the live run's is
        half.write_bytes(b"II*\0half")
        relief.relief(dem, str(out), slope=False)
        assert set(work_folders(out)) == live_folders | {".relief-notes"}  # the killed run's gone, the live one kept
        assert (mine / "keep.txt").read_text() == "mine" and half.exists()
    finally:
        live.kill()
        live.wait(10)
    relief.relief(dem, str(out), slope=False)  # no run at work any more: what the killed ones left goes
    assert work_folders(out) == [".relief-notes"] and not half.exists()
    assert sorted(name for name in listing(out) if not name.startswith(".")) == ["hillshade.tif"]
