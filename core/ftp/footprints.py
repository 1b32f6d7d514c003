"""Where an FTP product's tiles lie: from the index shapefile of its catalogue, or from the tiles' own
georeferencing checked against the km numbers of their names."""

import os

from osgeo import ogr, osr

from ..errors import IgnOfflineError
from . import names as ftp_names


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
