"""An area (core.tiles.areas.Area, lon/lat box or Web Mercator polygons) as a geometry in a dataset's own CRS,
for cutting rasters and vectors to it. GDAL only (osgeo), no qgis.
"""

import os

from osgeo import ogr, osr

from ..errors import InputError
from ..tiles.polygons import DENSIFY_DEGREES, _mercator, _wgs84

DEFAULT_EPSG = 2154  # IGN's datasets for metropolitan France are in Lambert-93 (an ASC grid says no CRS)


def srs_of(wkt, epsg=DEFAULT_EPSG):
    """The SpatialReference of `wkt` (a dataset's projection), or EPSG:`epsg` when the dataset names none."""
    srs = osr.SpatialReference()
    if not wkt or srs.ImportFromWkt(wkt) != 0:
        srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def area_geometry(area, srs):
    """The area as an OGR (multi)polygon in `srs`: its polygons when it has some, else its lon/lat box, densified
    first so that a straight edge in lon/lat stays where it was drawn once projected."""
    if area.polygons is not None:
        geometry = ogr.Geometry(ogr.wkbMultiPolygon)
        for rings in area.polygons.parts:
            polygon = ogr.Geometry(ogr.wkbPolygon)
            for points in rings:
                ring = ogr.Geometry(ogr.wkbLinearRing)
                for x, y in points:
                    ring.AddPoint_2D(x, y)
                ring.CloseRings()
                polygon.AddGeometry(ring)
            geometry.AddGeometry(polygon)
        source = _mercator()
    else:
        west, south, east, north = area.bbox
        geometry = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
            west, south, east, north))
        geometry.Segmentize(DENSIFY_DEGREES)
        source = _wgs84()
    geometry.AssignSpatialReference(source)
    if geometry.TransformTo(srs) != 0:
        raise InputError("The area '{}' cannot be converted to the data's coordinate reference system.", area.title)
    return geometry if geometry.IsValid() else geometry.Buffer(0)


def box_geometry(bounds):
    """The OGR polygon of (xmin, ymin, xmax, ymax)."""
    return ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*bounds))


def write_cutline(geometry, path):
    """`geometry` as the one feature of a GeoPackage at `path` (what gdal.Warp takes as a cutline)."""
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        driver.DeleteDataSource(path)
    source = driver.CreateDataSource(path)
    layer = source.CreateLayer("cutline", geometry.GetSpatialReference(), ogr.wkbMultiPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.ForceToMultiPolygon(geometry))
    layer.CreateFeature(feature)
    feature = layer = source = None  # noqa: F841 (closing writes the file)
    return path
