"""GDAL/OGR helpers for downloaded tiles: real georeferencing, index footprints, VRT mosaics.

GDAL is the one QGIS ships (osgeo); this module imports neither qgis nor Qt.
"""

import os

from osgeo import gdal, ogr, osr

from ..errors import IgnOfflineError
from . import names as ftp_names

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


def corner_and_size(tile_name, bounds, tolerance=1.0):
    """Which corner the name's km numbers give ('nw' or 'sw') and the tile's width, or (None, width)."""
    x, y = tile_name.x_km * 1000.0, tile_name.y_km * 1000.0
    width = bounds[2] - bounds[0]
    if abs(bounds[0] - x) > tolerance:
        return None, width
    if abs(bounds[3] - y) <= tolerance:
        return "nw", width
    if abs(bounds[1] - y) <= tolerance:
        return "sw", width
    return None, width


def catalog_footprints(shp_path, tile_names, epsg):
    """{tile file name: box in EPSG:`epsg`} from an index shapefile, and the attribute used.

    The attribute is whichever text field names the most tiles (CIGAL uses
    `location`; others `NOM`, `dalle`...), compared through match_key.
    """
    wanted = {}
    for name in tile_names:
        wanted.setdefault(ftp_names.match_key(name), name)
    try:
        source = ogr.Open(shp_path)
    except RuntimeError:
        source = None
    if source is None:
        raise IgnOfflineError("The index {} cannot be read: delete it to use the tile names instead.",
            os.path.basename(shp_path))
    layer = source.GetLayer(0)
    definition = layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())
              if definition.GetFieldDefn(i).GetType() == ogr.OFTString]
    transform = _transform_to(layer.GetSpatialRef(), epsg)
    best_field, best = None, {}
    for field_name in fields:
        found = {}
        layer.ResetReading()
        for feature in layer:
            value = feature.GetField(field_name)
            geometry = feature.GetGeometryRef()
            if not value or geometry is None:
                continue
            name = wanted.get(ftp_names.match_key(value))
            if name is not None:
                geometry = geometry.Clone()
                if transform is not None:
                    geometry.Transform(transform)
                x0, x1, y0, y1 = geometry.GetEnvelope()
                found[name] = (x0, y0, x1, y1)
        if len(found) > len(best):
            best_field, best = field_name, found
    return best, best_field


def _transform_to(source_srs, epsg):
    if source_srs is None:
        return None
    target = osr.SpatialReference()
    target.ImportFromEPSG(epsg)
    if source_srs.IsSame(target):
        return None
    for srs in (source_srs, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source_srs, target)


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
