"""Areas from QGIS geometries and extents: features' polygons, extents converted between CRSs."""

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsWkbTypes

from ..core.errors import InputError
from ..core.messages import Message
from ..core.tiles import areas, polygons
from ..core.tiles.grid import WGS84

GEOMETRY_NAMES = {QgsWkbTypes.PointGeometry: Message("points"), QgsWkbTypes.LineGeometry: Message("lines"),
                  QgsWkbTypes.NullGeometry: Message("no geometry")}


def check_polygons(wkb_type, name):
    """Refuse a layer of points or lines by name (reading them as polygons would abort qgis_process)."""
    kind = QgsWkbTypes.geometryType(wkb_type)
    if kind != QgsWkbTypes.PolygonGeometry:
        raise InputError("The layer '{}' holds {}: give a polygon layer as AREA_LAYER.",
                         name, GEOMETRY_NAMES.get(kind, Message("no polygon")))


def area_from_features(features, crs, transform_context, name):
    """An Area made of the features' polygons: densified in their CRS, then projected to Web Mercator."""
    crs = crs if crs.isValid() else QgsCoordinateReferenceSystem(WGS84)
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:3857"), transform_context)
    step = polygons.DENSIFY_DEGREES if crs.isGeographic() else polygons.DENSIFY_METRES
    parts = []  # WKB of each feature's polygons, densified, in EPSG:3857
    for feature in features:
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        check_polygons(geometry.wkbType(), name)  # a mixed layer (GeoJSON) may hold points among polygons
        geometry = geometry.densifyByDistance(step)
        try:
            geometry.transform(transform)
        except Exception as exc:  # QgsCsException: outside what Web Mercator can show
            raise InputError("A polygon of '{}' cannot be converted to Web Mercator from {}: {}",
                             name, crs.authid(), str(exc)) from exc
        parts.append(geometry.asWkb())  # read by GDAL: a large polygon has too many points to walk in Python
    found = polygons.from_wkb(parts, name) if parts else None
    if found is None:
        raise InputError("'{}' has no polygon (no feature, or none selected): choose a layer of polygons, or "
                         "select some.", name)
    west, south, east, north = polygons.lonlat_bounds(found)
    key = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
    return areas.Area(key, name, west, south, east, north, polygons=found)


def extent_area(rect, crs, transform_context):
    """The core Area of a non-empty extent `rect` in `crs` (a valid one), converted to lon/lat."""
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    if crs != wgs84:
        try:
            rect = QgsCoordinateTransform(crs, wgs84, transform_context).transformBoundingBox(rect)
        except Exception as exc:  # QgsCsException: the extent is outside the CRS's area of use
            raise InputError("The extent cannot be converted to longitude/latitude from {}: {}",
                             crs.authid(), str(exc)) from exc
    return areas.bbox_area(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


def area_in_crs(rect, source, crs, transform_context):
    """(xmin, ymin, xmax, ymax) of `rect`, given in `source` (lon/lat when not valid), in `crs`."""
    if not source.isValid():
        source = QgsCoordinateReferenceSystem(WGS84)
    if source != crs:
        try:
            rect = QgsCoordinateTransform(source, crs, transform_context).transformBoundingBox(rect)
        except Exception as exc:  # QgsCsException
            raise InputError("The area cannot be converted from {} to {}: {}",
                             source.authid(), crs.authid(), str(exc)) from exc
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

