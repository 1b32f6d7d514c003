"""Relief from a DEM (RGE ALTI's ASC tiles, or any elevation raster): a VRT mosaic of the tiles, then a hillshade,
a slope map and contours computed by GDAL (the algorithms of `gdaldem` and `gdal_contour`), cut to an area and
written as Cloud Optimized GeoTIFFs / a GeoPackage.

Computed on the area's window of the DEM plus a margin of a few pixels (hillshade and slope read each pixel's 3×3
neighbourhood), then cut on the same pixel grid: every pixel inside the area is the one `gdaldem` gives on the whole
mosaic. Only the part of that window where the DEM holds elevations is computed (a France-wide area on a DEM of
one département computes that département), surveyed first on a sample of the DEM's mask: that survey also
refuses a DEM with no elevation in the area, and gives the job's size and time for a large-job check before any
work. An INPUT that is one of the results (a DEM named `slope.tif` in the output folder) is refused before
anything is written.

Work files live in a hidden folder `.relief-xxxxxxxx` inside the output folder (removed whatever happens, and,
after a crash or kill -9, by the next run there: held by an OS lock while in use, so a running one is never
touched); each result is written under a `.part` name and renamed when complete, so a cancel or a failure leaves
no half file. GDAL only (osgeo), no qgis.
"""

import contextlib
import math
import os
import re
import secrets
import shutil
from collections import namedtuple

from osgeo import gdal, ogr

from ..errors import Cancelled, IgnOfflineError, InputError
from ..messages import Message
from ..rasters import build_vrt, try_open
from ..storage import (
    OutputInUse,
    check_writable_folder,
    free_bytes,
    human_size,
    output_lock,
    refuse_output_among_inputs,
)
from ..text import duration
from .clipping import DEFAULT_EPSG, area_geometry, box_geometry, srs_of, write_cutline

MARGIN_PIXELS = 4
KINDS = ("hillshade", "slope", "contours")
FILE_NAMES = {"hillshade": "hillshade.tif", "slope": "slope.tif", "contours": "contours.gpkg"}
# Bytes per pixel of each raster result before compression: the free-space check's upper bound for its work file.
PIXEL_BYTES = {"hillshade": 1, "slope": 4}
COG_OPTIONS = ["COMPRESS=DEFLATE", "PREDICTOR=YES", "OVERVIEWS=AUTO", "BIGTIFF=IF_SAFER"]
WORK_OPTIONS = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
ELEVATION_FIELD = "elevation"
# The work folder's name: ours alone (`.relief-` and 8 letters, digits or _, as tempfile.mkdtemp made them before),
# so the clean-up after a crash never touches a folder of the user's.
WORK_PREFIX = ".relief-"
WORK_NAME = re.compile(r"\.relief-[a-z0-9_]{8}(\.lock)?$")
# The survey reads the DEM's mask on a grid of at most SAMPLE_SIDE² pixels of the window, then a finer one when it
# found nothing: an elevation patch smaller than 1/FINE_SAMPLE_SIDE of the window's side may go unseen.
SAMPLE_SIDE = 512
FINE_SAMPLE_SIDE = 2048
# What the machine computes, per result and pixel of the window (gdaldem and the COG written: ~20 million a second
# measured on 2 cores on a flat DEM, halved for real relief): the job's time, said in the large-job check.
PIXELS_PER_SECOND = 10e6
# Over this many pixels computed, a job asks to be confirmed (ALLOW_LARGE): a département at 5 m is ~250 million,
# France at 5 m ~22 billion, a département at 1 m ~6 billion.
LARGE_RELIEF_PIXELS = 2 * 10 ** 9
# What a failed GDAL step was making, as said in an error.
WHAT = {"window": Message("the window of the DEM to compute on"), "cut": Message("the cut to the area"),
        "hillshade": Message("the hillshade"), "slope": Message("the slope map"), "contours": Message("the contours")}


def mosaic(dem_files, vrt_path, epsg=DEFAULT_EPSG):
    """A VRT of the DEM tiles `dem_files` at `vrt_path`, in EPSG:`epsg` when the tiles name no CRS (an ASC grid
    has no .prj); each tile's own nodata (RGE ALTI: -99999) is kept, so holes stay holes."""
    folder = os.path.dirname(os.path.abspath(vrt_path))
    os.makedirs(folder, exist_ok=True)
    return build_vrt(vrt_path, sorted(dem_files), epsg)


# The job surveyed before any work: the pixels computed (the window where the DEM has data, with its margin), the
# pixels of the area holding elevations (an estimate from the sample), the bytes written at most and the seconds.
Estimate = namedtuple("Estimate", "pixels data_pixels bytes seconds")


def relief(dem_path, folder, area=None, hillshade=True, slope=True, contours=None, progress=None,
           is_cancelled=None, check=None):
    """{"hillshade": COG path, "slope": COG path, "contours": GeoPackage path} (the ones asked for) made from the
    DEM `dem_path` in `folder`, cut to `area` (a core.tiles.areas.Area) when given; `contours` is the interval
    in metres (None or 0: no contours). `check(estimate)` (an Estimate), when given, is called before any work
    and may refuse the job by raising (the large-job check). Raises InputError for a DEM GDAL cannot read, one
    that is among the results, an area outside it or without elevations, or too little free space; Cancelled
    when `is_cancelled()` turns true (the results finished before it are kept)."""
    kinds = wanted_kinds(hillshade, slope, contours)
    dem = open_dem(dem_path)
    refuse_dem_among_results(dem, dem_path, folder, kinds)
    os.makedirs(folder, exist_ok=True)
    check_writable_folder(folder)
    srs = srs_of(dem.GetProjection())
    window, cut = _window(dem, area, srs, dem_path)
    window, estimate = survey(dem, window, kinds, area, dem_path)
    if check is not None:
        check(estimate)
    _check_space(folder, window, kinds)
    with contextlib.ExitStack() as held:
        # Each result held for the whole run: a second run into this folder is refused with one message (its
        # `.part` would be removed by the other's, or the wrong file renamed to the final name).
        for kind in kinds:
            held.enter_context(output_lock(os.path.join(folder, FILE_NAMES[kind]),
                                           Message("a relief of {}", os.path.basename(dem_path))))
        return _relief(dem_path, dem, srs, folder, kinds, window, cut, contours, progress, is_cancelled)


def _relief(dem_path, dem, srs, folder, kinds, window, cut, contours, progress, is_cancelled):
    """relief()'s work, its results locked."""
    clean_work_folders(folder)
    steps = _Steps(progress, is_cancelled, len(kinds) * 2)
    with _work_folder(folder) as work:
        source = _subset(dem_path, dem, window, srs, os.path.join(work, "dem.vrt"))
        cutline = write_cutline(cut, os.path.join(work, "cutline.gpkg")) if cut is not None else None
        results = {}
        for kind in kinds:
            final = os.path.join(folder, FILE_NAMES[kind])
            if kind == "contours":
                results[kind] = _contours(source, srs, contours, cutline, work, final, steps)
            else:
                results[kind] = _raster(kind, source, window, cutline, work, final, steps)
        steps.finish()
        return results


def wanted_kinds(hillshade, slope, contours):
    """The results asked for, in KINDS order; InputError when none is, or the contour interval is negative."""
    kinds = [kind for kind, wanted in zip(KINDS, (hillshade, slope, bool(contours))) if wanted]
    if not kinds:
        raise InputError("Nothing to make: ask for a hillshade, a slope map or contours.")
    if contours is not None and contours < 0:
        raise InputError("The contour interval is {} m: give a positive number of metres (or 0 for none).",
                         contours)
    return kinds


def open_dem(path):
    """The GDAL dataset of a one-band elevation raster; InputError saying what is wrong otherwise."""
    name = os.path.basename(path)
    dataset, reason = try_open(path)
    if dataset is None:
        raise InputError("'{}' is not a raster GDAL can read ({}): give a DEM (ASC, GeoTIFF, VRT…).",
                         name, reason or "unknown format")
    if dataset.RasterCount != 1:
        raise InputError("'{}' has {} bands: a DEM has one (the elevations). Give an elevation raster, not an "
                         "image.", name, dataset.RasterCount)
    transform = dataset.GetGeoTransform(can_return_null=True)
    if transform is None or transform[2] or transform[4]:
        raise InputError("'{}' is not georeferenced on a north-up grid: give a DEM with its coordinates.", name)
    return dataset


def refuse_dem_among_results(dem, dem_path, folder, kinds):
    """InputError, before anything is written, when a result (or its `.part`) would be written over one of the
    DEM's files — the DEM itself, a tile of its VRT —, however it is spelled (a symlink, a hard link, `./`)."""
    inputs = dem.GetFileList() or [dem_path]
    for kind in kinds:
        final = os.path.join(folder, FILE_NAMES[kind])
        for output in (final, _part(final)):
            refuse_output_among_inputs(output, inputs, Message("The relief file (OUTPUT_FOLDER)"))


def _window(dem, area, srs, path):
    """((xoff, yoff, xsize, ysize) of the area's pixels plus the margin, (xoff, yoff, xsize, ysize) of the area's
    own pixels inside that window), and the area's geometry in the DEM's CRS (None: the whole DEM)."""
    columns, rows = dem.RasterXSize, dem.RasterYSize
    if area is None:
        return ((0, 0, columns, rows), (0, 0, columns, rows)), None
    x0, dx, _, y0, _, dy = dem.GetGeoTransform()
    cut = area_geometry(area, srs)
    xmin, xmax, ymin, ymax = cut.GetEnvelope()
    left, right = max(0, math.floor((xmin - x0) / dx)), min(columns, math.ceil((xmax - x0) / dx))
    top, bottom = max(0, math.floor((ymax - y0) / dy)), min(rows, math.ceil((ymin - y0) / dy))
    bounds = (x0, y0 + dy * rows, x0 + dx * columns, y0)
    if right <= left or bottom <= top or not cut.Intersects(box_geometry(bounds)):
        raise InputError("The area '{}' does not meet the DEM '{}' (it covers {:.0f}, {:.0f} – {:.0f}, {:.0f} in "
                         "its CRS): choose an area inside it, or the DEM of that area.",
                         area.title, os.path.basename(path), *bounds)
    outer = (max(0, left - MARGIN_PIXELS), max(0, top - MARGIN_PIXELS),
             min(columns, right + MARGIN_PIXELS), min(rows, bottom + MARGIN_PIXELS))
    window = (outer[0], outer[1], outer[2] - outer[0], outer[3] - outer[1])
    inner = (left - outer[0], top - outer[1], right - left, bottom - top)
    return (window, inner), cut


def survey(dem, window, kinds, area=None, path=""):
    """(the window shrunk to where the DEM holds elevations, its margin kept; the job's Estimate), from GDAL's
    coverage of the window (free for a VRT mosaic: which tiles it has) then a sample of the DEM's mask band.
    InputError when the window holds no elevation at all: the results would be empty files."""
    (outer, inner) = window
    band = dem.GetRasterBand(1)
    found = _covered(band, outer)
    sample = _sampled(band, found, SAMPLE_SIDE) if found is not None else None
    if found is not None and sample is None and max(found[2], found[3]) > SAMPLE_SIDE:
        sample = _sampled(band, found, FINE_SAMPLE_SIDE)  # a small island the coarse grid stepped over
    if sample is None:
        raise _no_elevation(path, area)
    data, valid = sample
    shrunk = _intersection(_grown(data, MARGIN_PIXELS), outer)
    kept = _intersection(data, _shifted(inner, outer))
    if kept is None:  # elevations only in the margin: none in the area itself
        raise _no_elevation(path, area)
    window = (shrunk, _shifted(kept, shrunk, back=True))
    pixels = shrunk[2] * shrunk[3]
    data_pixels = min(valid, kept[2] * kept[3])
    size = data_pixels * sum(PIXEL_BYTES.get(kind, 0) for kind in kinds)
    seconds = pixels * len(kinds) / PIXELS_PER_SECOND
    return window, Estimate(pixels, data_pixels, size, seconds)


def _no_elevation(path, area):
    name = os.path.basename(path)
    if area is not None:
        return InputError("The DEM '{}' holds no elevation inside the area '{}' (only nodata there): choose an area "
                          "where it has data, or the DEM of that area.", name, area.title)
    return InputError("The DEM '{}' holds no elevation (only nodata): give a DEM with data.", name)


def large_job(estimate, free, where):
    """Why a relief of `estimate` (an Estimate), written on a disk with `free` bytes at `where`, needs a
    confirmation (a Message); or None."""
    if estimate.pixels <= LARGE_RELIEF_PIXELS:
        return None
    return Message("This relief computes {:,} pixels of the DEM (over {:,}; {:,} of them hold elevations in the "
                   "area): up to {} of files and about {} of work, and the disk holding {} has {} free.",
                   estimate.pixels, LARGE_RELIEF_PIXELS, estimate.data_pixels, human_size(estimate.bytes),
                   duration(estimate.seconds), where, human_size(free))


def _covered(band, box, depth=0):
    """The bounding box (xoff, yoff, xsize, ysize) of what GDAL says holds data in `box` (None: nothing), split in
    four while it says part of it is empty. A driver that cannot tell says "data" for all of it."""
    flags, _ = band.GetDataCoverageStatus(*box)
    if not flags & (gdal.GDAL_DATA_COVERAGE_STATUS_DATA | gdal.GDAL_DATA_COVERAGE_STATUS_UNIMPLEMENTED):
        return None
    xoff, yoff, xsize, ysize = box
    if not flags & gdal.GDAL_DATA_COVERAGE_STATUS_EMPTY or depth >= 8 or max(xsize, ysize) <= 256:
        return box
    half_x, half_y = xsize // 2, ysize // 2
    quarters = [(xoff, yoff, half_x, half_y), (xoff + half_x, yoff, xsize - half_x, half_y),
                (xoff, yoff + half_y, half_x, ysize - half_y), (xoff + half_x, yoff + half_y, xsize - half_x,
                                                                  ysize - half_y)]
    found = [_covered(band, quarter, depth + 1) for quarter in quarters if quarter[2] > 0 and quarter[3] > 0]
    return _union([box for box in found if box is not None])


def _sampled(band, box, side):
    """(the box of `box` holding valid pixels, grown by one sample step each way; how many pixels are valid, as
    the samples say), read from the mask band on a grid of at most `side`² (nearest neighbour: each sample is one
    true pixel); None when no sample is valid. A DEM GDAL cannot read here counts as all data: the computation
    says what is wrong with it."""
    xoff, yoff, xsize, ysize = box
    columns, rows = min(xsize, side), min(ysize, side)
    try:
        mask = band.GetMaskBand().ReadRaster(xoff, yoff, xsize, ysize, buf_xsize=columns, buf_ysize=rows,
                                             buf_type=gdal.GDT_Byte)
    except RuntimeError:  # GDAL raises when exceptions are on (the tests), returns None when off (QGIS)
        mask = None
    if mask is None:
        return box, xsize * ysize
    valid_rows = [row for row in range(rows) if mask[row * columns:(row + 1) * columns].strip(b"\0")]
    if not valid_rows:
        return None
    left, right = columns, 0
    for row in valid_rows:
        line = mask[row * columns:(row + 1) * columns]
        left = min(left, len(line) - len(line.lstrip(b"\0")))
        right = max(right, len(line.rstrip(b"\0")))
    valid = int(xsize * ysize * (1.0 - mask.count(0) / float(len(mask))))
    step_x, step_y = xsize / float(columns), ysize / float(rows)
    # Sample i stands for the pixels [i × step, (i + 1) × step): a valid pixel may lie up to one step beyond it.
    left_x, top_y = xoff + int(left * step_x), yoff + int(valid_rows[0] * step_y)
    right_x = xoff + int(math.ceil(right * step_x))
    bottom_y = yoff + int(math.ceil((valid_rows[-1] + 1) * step_y))
    step = int(math.ceil(max(step_x, step_y)))
    grown = _grown((left_x, top_y, right_x - left_x, bottom_y - top_y), step if step > 1 else 0)
    return _intersection(grown, box), valid


def _grown(box, by):
    xoff, yoff, xsize, ysize = box
    return (xoff - by, yoff - by, xsize + 2 * by, ysize + 2 * by)


def _intersection(first, second):
    left, top = max(first[0], second[0]), max(first[1], second[1])
    right = min(first[0] + first[2], second[0] + second[2])
    bottom = min(first[1] + first[3], second[1] + second[3])
    return (left, top, right - left, bottom - top) if right > left and bottom > top else None


def _union(boxes):
    if not boxes:
        return None
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    return (left, top, right - left, bottom - top)


def _shifted(box, origin, back=False):
    """`box` given inside the window `origin` in the DEM's pixels (back: from the DEM's pixels to the window's)."""
    sign = -1 if back else 1
    return (box[0] + sign * origin[0], box[1] + sign * origin[1], box[2], box[3])


def clean_work_folders(folder):
    """Remove the work folders a crashed or killed run left in `folder` (ours only: by name; and only those no
    running run holds — its OS lock dies with its process); and, when no run is at work there, the results it
    left half written (`hillshade.part.tif`…)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    stems = {name[:-len(".lock")] if name.endswith(".lock") else name for name in names if WORK_NAME.match(name)}
    busy = False
    for stem in sorted(stems):
        path = os.path.join(folder, stem)
        if os.path.islink(path) or (os.path.exists(path) and not os.path.isdir(path)):
            continue  # not what a run of ours makes: left alone
        try:
            with output_lock(path, Message("a relief (its work folder)")):
                shutil.rmtree(path, ignore_errors=True)
        except (OutputInUse, InputError):
            busy = True  # a run at work in it, or a folder we cannot lock: not ours to remove now
    if not busy:
        for name in FILE_NAMES.values():
            part = _part(os.path.join(folder, name))
            if os.path.isfile(part) and not os.path.islink(part):
                _remove(part)
    for name in FILE_NAMES.values():  # a result's lock a killed run left: taken and released, it goes
        if os.path.isfile(os.path.join(folder, name + ".lock")):
            with contextlib.suppress(OutputInUse, InputError), output_lock(os.path.join(folder, name)):
                pass


@contextlib.contextmanager
def _work_folder(folder):
    """A new hidden work folder in `folder`, locked (taken before it exists, so a clean-up never sees it free)
    and removed at the end."""
    path = os.path.join(folder, WORK_PREFIX + secrets.token_hex(4))
    with output_lock(path, Message("a relief (its work folder)")):
        os.mkdir(path)
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)


def _check_space(folder, window, kinds):
    """Refuse before any work when the folder's disk cannot hold the work files (uncompressed at worst)."""
    _, (_, _, columns, rows) = window
    needed = columns * rows * sum(PIXEL_BYTES.get(kind, 0) for kind in kinds)
    free = free_bytes(folder)
    if needed > free:
        raise InputError("Not enough free space in {}: the relief needs up to {} and {} are free. Free some space, "
                         "choose another folder or a smaller area.", folder, human_size(needed), human_size(free))


def _subset(path, dem, window, srs, vrt_path):
    """The window of the DEM (area + margin) as a VRT carrying the DEM's CRS (Lambert-93 for an ASC grid)."""
    (xoff, yoff, xsize, ysize), _ = window
    options = gdal.TranslateOptions(format="VRT", srcWin=[xoff, yoff, xsize, ysize],
                                    outputSRS=srs.ExportToWkt() if not dem.GetProjection() else None)
    _gdal(lambda: gdal.Translate(vrt_path, dem, options=options), "window", lambda: False)
    return vrt_path


def _raster(kind, source, window, cutline, work, final, steps):
    """The hillshade or slope of `source` (as gdaldem makes it), cut to the area, as a COG at `final`."""
    computed = os.path.join(work, kind + ".tif")
    options = gdal.DEMProcessingOptions(format="GTiff", creationOptions=WORK_OPTIONS, callback=steps.callback())
    _gdal(lambda: gdal.DEMProcessing(computed, source, kind, options=options), kind, steps.cancelled)
    steps.next()
    if cutline is not None:
        computed = _cut(computed, window, cutline, os.path.join(work, kind + "-cut.vrt"))
    options = gdal.TranslateOptions(format="COG", creationOptions=COG_OPTIONS, callback=steps.callback())
    return _written(final, lambda part: gdal.Translate(part, computed, options=options), kind, steps)


def _cut(path, window, cutline, vrt_path):
    """`path` (computed on the window with its margin) cut to the cutline, on the same pixel grid, cropped to the
    area's pixels: nearest neighbour on an identical grid copies pixels unchanged."""
    _, (xoff, yoff, xsize, ysize) = window
    dataset = gdal.Open(path)
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    bounds = (x0 + xoff * dx, y0 + (yoff + ysize) * dy, x0 + (xoff + xsize) * dx, y0 + yoff * dy)
    nodata = dataset.GetRasterBand(1).GetNoDataValue()
    options = gdal.WarpOptions(format="VRT", outputBounds=bounds, xRes=dx, yRes=abs(dy), cutlineDSName=cutline,
                               dstNodata=nodata, resampleAlg="near")
    _gdal(lambda: gdal.Warp(vrt_path, dataset, options=options), "cut", lambda: False)
    return vrt_path


def _contours(source, srs, interval, cutline, work, final, steps):
    """Contour lines every `interval` metres (field `elevation`), cut to the area, as a GeoPackage at `final`."""
    generated = os.path.join(work, "contours.gpkg")
    dataset = gdal.Open(source)
    band = dataset.GetRasterBand(1)
    output = ogr.GetDriverByName("GPKG").CreateDataSource(generated)
    layer = output.CreateLayer("contours", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn(ELEVATION_FIELD, ogr.OFTReal))
    options = ["LEVEL_INTERVAL={}".format(interval), "ID_FIELD=0", "ELEV_FIELD=1"]  # field indexes
    if band.GetNoDataValue() is not None:
        options.append("NODATA={!r}".format(band.GetNoDataValue()))
    layer.StartTransaction()
    code = _gdal(lambda: gdal.ContourGenerateEx(band, layer, options=options, callback=steps.callback()),
                 "contours", steps.cancelled)
    layer.CommitTransaction()
    layer = output = dataset = None  # noqa: F841 (closing writes the file)
    if code != 0:
        raise IgnOfflineError("GDAL could not make {} ({}).", WHAT["contours"],
                              gdal.GetLastErrorMsg() or "unknown error")
    steps.next()
    clip = ["-clipsrc", cutline] if cutline is not None else []  # no clipSrc keyword before GDAL 3.8
    # A contour the area's edge cuts in two is a MultiLineString: every line is written as one, so each feature
    # has its layer's type (a LineString layer holding multis is not a conformant GeoPackage).
    options = gdal.VectorTranslateOptions(options=clip, format="GPKG", layerName="contours",
                                          geometryType="MULTILINESTRING", callback=steps.callback())
    return _written(final, lambda part: gdal.VectorTranslate(part, generated, options=options), "contours", steps)


def _written(final, write, what, steps):
    """`final`, made by `write(part)` under a temporary name and renamed when complete: a cancel or a failure
    leaves no half file under the final name (nor a part)."""
    part = _part(final)
    _remove(part)
    try:
        _gdal(lambda: write(part), what, steps.cancelled)
    except BaseException:
        _remove(part)
        raise
    os.replace(part, final)
    steps.next()
    return final


def _gdal(call, what, cancelled):
    """`call()`'s result, whether GDAL raises or returns None on failure (QGIS leaves exceptions off); Cancelled
    when the callback stopped it."""
    try:
        result = call()
    except RuntimeError as exc:
        result, reason = None, str(exc)
    else:
        reason = gdal.GetLastErrorMsg()
    if cancelled():
        raise Cancelled()
    if result is None:
        raise IgnOfflineError("GDAL could not make {} ({}).", WHAT[what], reason or "unknown error")
    return result


def _part(final):
    """The name a result is written under until complete: `hillshade.part.tif` (GDAL knows it by its extension)."""
    stem, extension = os.path.splitext(final)
    return stem + ".part" + extension


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


class _Steps:
    """GDAL progress callbacks, one per step, mapped to progress(done, total) over all steps (1000 per step);
    each returns 0, which stops GDAL, once is_cancelled() is true."""

    SCALE = 1000

    def __init__(self, progress, is_cancelled, count):
        self.progress, self.is_cancelled, self.count, self.done = progress, is_cancelled, count, 0
        self.stopped = False

    def cancelled(self):
        self.stopped = self.stopped or bool(self.is_cancelled and self.is_cancelled())
        return self.stopped

    def callback(self):
        def report(complete, message=None, data=None):
            if self.progress is not None:
                self.progress(int((self.done + max(0.0, min(1.0, complete))) * self.SCALE), self.count * self.SCALE)
            return 0 if self.cancelled() else 1
        return report

    def next(self):
        self.done += 1
        if self.cancelled():
            raise Cancelled()

    def finish(self):
        if self.progress is not None:
            self.progress(self.count * self.SCALE, self.count * self.SCALE)
