"""GDAL helpers for downloaded rasters (the FTP's tiles, the datasets' grids): opening them, their real
georeferencing, VRT mosaics.

GDAL is the one QGIS ships (osgeo); this module imports neither qgis nor Qt.
"""

import os

from osgeo import gdal

from .errors import IgnOfflineError

RASTER_EXTENSIONS = (".jp2", ".tif", ".tiff", ".asc")


def try_open(path):
    """(the GDAL dataset or None, GDAL's reason), whether or not the process turned GDAL exceptions on (QGIS does
    not)."""
    try:
        dataset = gdal.Open(path)
    except RuntimeError as exc:
        return None, str(exc)
    return dataset, (gdal.GetLastErrorMsg() if dataset is None else "")


def open_raster(path):
    """The GDAL dataset; IgnOfflineError saying why GDAL cannot open it otherwise."""
    dataset, reason = try_open(path)
    if dataset is None:
        raise IgnOfflineError("GDAL cannot open {} ({}).", os.path.basename(path), reason or "unknown format")
    return dataset


def raster_bounds(path):
    """(xmin, ymin, xmax, ymax) of a raster from its own georeferencing (world file included)."""
    dataset = open_raster(path)
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    x1, y1 = x0 + dx * dataset.RasterXSize, y0 + dy * dataset.RasterYSize
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def rasters_in(folder):
    """Every complete raster under `folder` (no .part files), sorted."""
    found = []
    for directory, _, files in os.walk(folder):
        found.extend(os.path.join(directory, f) for f in files if f.lower().endswith(RASTER_EXTENSIONS))
    return sorted(found)


def build_vrt(vrt_path, rasters, epsg):
    """A VRT mosaic of `rasters` (paths relative to it); EPSG:`epsg` when the tiles carry no CRS."""
    if not rasters:
        raise IgnOfflineError("No raster to build {} from.", os.path.basename(vrt_path))
    crs_missing = not open_raster(rasters[0]).GetProjection()
    options = gdal.BuildVRTOptions(outputSRS="EPSG:{}".format(epsg) if crs_missing and epsg else None)
    part = vrt_path + ".part.vrt"  # written whole, then renamed over any older mosaic
    dataset = gdal.BuildVRT(part, rasters, options=options)
    if dataset is None:
        raise IgnOfflineError("GDAL could not build {}.", os.path.basename(vrt_path))
    dataset = None  # noqa: F841 (closing writes the file)
    # Paths in it are relative to its folder, which the rename keeps.
    os.replace(part, vrt_path)
    return vrt_path
