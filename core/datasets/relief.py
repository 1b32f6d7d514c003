"""Relief from a DEM (RGE ALTI's ASC tiles, or any elevation raster): a VRT mosaic of the tiles, then a hillshade,
a slope map and contours computed by GDAL (the algorithms of `gdaldem` and `gdal_contour`), cut to an area and
written as Cloud Optimized GeoTIFFs / a GeoPackage.

Computed on the area's window of the DEM plus a margin of a few pixels (hillshade and slope read each pixel's 3×3
neighbourhood), then cut on the same pixel grid: every pixel inside the area is the one `gdaldem` gives on the whole
mosaic. Work files live in a hidden folder inside the output folder (removed whatever happens); each result is
written under a `.part` name and renamed when complete, so a cancel or a failure leaves no half file.
GDAL only (osgeo), no qgis.
"""

import math
import os
import shutil
import tempfile

from osgeo import gdal, ogr

from ..errors import IgnOfflineError, InputError
from ..ftp.client import Cancelled
from ..ftp.rasters import build_vrt, try_open
from ..messages import Message
from ..storage import check_writable_folder, free_bytes, human_size
from .clipping import DEFAULT_EPSG, area_geometry, box_geometry, srs_of, write_cutline

MARGIN_PIXELS = 4
KINDS = ("hillshade", "slope", "contours")
FILE_NAMES = {"hillshade": "hillshade.tif", "slope": "slope.tif", "contours": "contours.gpkg"}
# Bytes per pixel of each raster result before compression: the free-space check's upper bound for its work file.
PIXEL_BYTES = {"hillshade": 1, "slope": 4}
COG_OPTIONS = ["COMPRESS=DEFLATE", "PREDICTOR=YES", "OVERVIEWS=AUTO", "BIGTIFF=IF_SAFER"]
WORK_OPTIONS = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
ELEVATION_FIELD = "elevation"
# What a failed GDAL step was making, as said in an error.
WHAT = {"window": Message("the window of the DEM to compute on"), "cut": Message("the cut to the area"),
        "hillshade": Message("the hillshade"), "slope": Message("the slope map"), "contours": Message("the contours")}


def mosaic(dem_files, vrt_path, epsg=DEFAULT_EPSG):
    """A VRT of the DEM tiles `dem_files` at `vrt_path`, in EPSG:`epsg` when the tiles name no CRS (an ASC grid
    has no .prj); each tile's own nodata (RGE ALTI: -99999) is kept, so holes stay holes."""
    folder = os.path.dirname(os.path.abspath(vrt_path))
    os.makedirs(folder, exist_ok=True)
    return build_vrt(vrt_path, sorted(dem_files), epsg)


def relief(dem_path, folder, area=None, hillshade=True, slope=True, contours=None, progress=None,
           is_cancelled=None):
    """{"hillshade": COG path, "slope": COG path, "contours": GeoPackage path} (the ones asked for) made from the
    DEM `dem_path` in `folder`, cut to `area` (a core.tiles.areas.Area) when given; `contours` is the interval
    in metres (None or 0: no contours). Raises InputError for a DEM GDAL cannot read, an area outside it or too
    little free space; Cancelled when `is_cancelled()` turns true (the results finished before it are kept)."""
    kinds = wanted_kinds(hillshade, slope, contours)
    dem = open_dem(dem_path)
    os.makedirs(folder, exist_ok=True)
    check_writable_folder(folder)
    srs = srs_of(dem.GetProjection())
    window, cut = _window(dem, area, srs, dem_path)
    _check_space(folder, window, kinds)
    steps = _Steps(progress, is_cancelled, len(kinds) * 2)
    work = tempfile.mkdtemp(prefix=".relief-", dir=folder)
    try:
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
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
