"""Polygon areas from files (GeoPackage, GeoJSON, Shapefile…, any CRS), GeoJSON geometries and boxes.

Everything becomes core.coverage.Polygons in Web Mercator metres. Edges are
densified in their own CRS first (a straight edge in Lambert-93 or in
lon/lat is a curve in Web Mercator), so coverage follows the edges as drawn
to within a few metres.
"""

import dataclasses
import json
import os

from osgeo import ogr, osr

from ..errors import InputError
from .areas import MAX_LATITUDE
from .coverage import ORIGIN, Polygons, covered_at_least

DENSIFY_METRES = 50.0
DENSIFY_DEGREES = 0.0005  # about 50 m


def _mercator():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _clip_latitudes(geometry):
    """The part of a lon/lat geometry inside Web Mercator's latitude limits."""
    limits = ogr.CreateGeometryFromWkt("POLYGON((-180 -{0},180 -{0},180 {0},-180 {0},-180 -{0}))".format(MAX_LATITUDE))
    return geometry.Intersection(limits)


def _measured(parts, extents, areas):
    """Polygons of `parts`, with their extent, largest area and the area they surely cover together as GDAL measured
    them (`_to_polygons`)."""
    if not parts:
        return Polygons(())
    extent = (min(e[0] for e in extents), min(e[2] for e in extents), max(e[1] for e in extents),
              max(e[3] for e in extents))
    envelopes = [(max(-ORIGIN, e[0]), e[2], min(ORIGIN, e[1]), e[3]) for e in extents]
    # A part past Web Mercator's x range is clamped into it (`_points`): what lay outside is not covered.
    inside = [max(0.0, area - (e[1] - e[0] - (box[2] - box[0])) * (e[3] - e[2]))
              for area, e, box in zip(areas, extents, envelopes)]
    return Polygons(tuple(parts), (max(-ORIGIN, extent[0]), extent[1], min(ORIGIN, extent[2]), extent[3]),
                    max(areas), covered_at_least(inside, envelopes))


def _to_polygons(geometry, srs, what, extents=None, areas=None, densify=True):
    """Polygons in EPSG:3857 from an OGR geometry in `srs` (densified there, then transformed; `srs` None: already
    in EPSG:3857, densified by the caller when `densify` is False). Their envelopes and areas, measured by GDAL, are
    added to `extents` and `areas` (see `_measured`)."""
    geometry = geometry.Clone()
    geometry.FlattenTo2D()
    parts = []
    if not densify:
        pass
    elif srs is not None and srs.IsGeographic():
        south, north = geometry.GetEnvelope()[2:]
        if south < -MAX_LATITUDE or north > MAX_LATITUDE:
            geometry = _clip_latitudes(geometry)
            if geometry is None:
                raise InputError("{} is not a valid polygon (self-intersecting?): check it.", what)
        geometry.Segmentize(DENSIFY_DEGREES)
    else:
        geometry.Segmentize(DENSIFY_METRES)
    if srs is not None:
        transform = osr.CoordinateTransformation(srs, _mercator())
        if geometry.Transform(transform) != 0:
            raise InputError("{} cannot be converted to Web Mercator: check its coordinate reference system.",
                what)
    for polygon in _polygons_of(geometry):
        rings = tuple(_points(polygon.GetGeometryRef(i)) for i in range(polygon.GetGeometryCount()))
        if rings and len(rings[0]) >= 3:
            parts.append(rings)
            if extents is not None:
                extents.append(polygon.GetGeometryRef(0).GetEnvelope())
                areas.append(polygon.GetArea())
    return parts


def _points(ring):
    """A ring's (x, y) points, within Web Mercator's x range. Only a ring past it is clamped point by point: a
    world-sized polygon, once densified, has millions of points, and the parameter check reads them on the GUI
    thread."""
    points = ring.GetPoints() or []
    xmin, xmax = ring.GetEnvelope()[:2]
    if -ORIGIN <= xmin and xmax <= ORIGIN and all(len(point) == 2 for point in points[:1]):
        return tuple(points)
    return tuple([(x if -ORIGIN <= x <= ORIGIN else (ORIGIN if x > 0 else -ORIGIN), y) for x, y, *_ in points])


def _polygons_of(geometry):
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        yield geometry
    elif kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geometry.GetGeometryCount()):
            yield from _polygons_of(geometry.GetGeometryRef(i))
    elif kind in (ogr.wkbCurvePolygon, ogr.wkbMultiSurface):
        yield from _polygons_of(geometry.GetLinearGeometry())


def from_bbox(west, south, east, north):
    """A lon/lat box (a preset, an extent) as Polygons: its edges are straight in Web Mercator too."""
    transform = osr.CoordinateTransformation(_wgs84(), _mercator())
    south, north = max(south, -MAX_LATITUDE), min(north, MAX_LATITUDE)
    (x0, y0, _), (x1, y1, _) = transform.TransformPoint(west, south), transform.TransformPoint(east, north)
    ring = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    return Polygons(((ring,),))


def from_geojson(geometry, what="The GeoJSON geometry"):
    """Polygons from a GeoJSON geometry (a dict) in lon/lat."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise InputError("{} must be a GeoJSON Polygon or MultiPolygon in longitude/latitude.", what)
    try:
        parsed = ogr.CreateGeometryFromJson(json.dumps(geometry))
    except (RuntimeError, TypeError, ValueError):
        parsed = None
    if parsed is None or parsed.IsEmpty():
        raise InputError("{} is not a valid GeoJSON polygon (check its coordinates).", what)
    extents, areas = [], []
    parts = _to_polygons(parsed, _wgs84(), what, extents, areas)
    if not parts:
        raise InputError("{} holds no polygon within Web Mercator's latitudes (±85°).", what)
    return _measured(parts, extents, areas)


def from_file(path, what=None):
    """Polygons of every feature of a vector file (all its layers), in whatever CRS it has."""
    what = what or "'{}'".format(path)
    if not os.path.exists(path):
        raise InputError("{} does not exist.", what)
    dataset = ogr.Open(path)
    if dataset is None:
        raise InputError("{} is not a vector file GDAL can read (GeoPackage, GeoJSON, Shapefile…).", what)
    parts, extents, areas = [], [], []
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayer(index)
        srs = layer.GetSpatialRef()
        if srs is None:
            srs = _wgs84()  # GeoJSON and others without a CRS: longitude/latitude
        else:
            srs = srs.Clone()
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is not None and not geometry.IsEmpty():
                parts.extend(_to_polygons(geometry, srs, what, extents, areas))
    if not parts:
        raise InputError("{} holds no polygon: give a file of polygons (areas), not points or lines.", what)
    return _measured(parts, extents, areas)


def from_wkb(geometries, what):
    """Polygons from WKB geometries already densified and in EPSG:3857 (QGIS's features: toolbelt.areas), read by
    GDAL rather than point by point in Python; None when they hold no polygon."""
    parts, extents, areas = [], [], []
    collected = ogr.Geometry(ogr.wkbMultiPolygon)  # kept as WKB too: the dock draws the area from it, in C
    for data in geometries:
        geometry = ogr.CreateGeometryFromWkb(bytes(data))
        if geometry is not None and not geometry.IsEmpty():
            parts.extend(_to_polygons(geometry, None, what, extents, areas, densify=False))
            for polygon in _polygons_of(geometry):
                collected.AddGeometry(polygon)
    if not parts:
        return None
    return dataclasses.replace(_measured(parts, extents, areas), wkb=bytes(collected.ExportToWkb()))


def from_rings(polygons):
    """Polygons from [[ring, hole…], …] already in EPSG:3857 (e.g. from QGIS geometries)."""
    parts = tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in polygon)
                  for polygon in polygons if polygon and len(polygon[0]) >= 3)
    if not parts:
        raise InputError("The area layer holds no polygon: choose a layer of polygons (areas).")
    return Polygons(parts)


def lonlat_bounds(polygons):
    """(west, south, east, north) of Polygons."""
    transform = osr.CoordinateTransformation(_mercator(), _wgs84())
    xmin, ymin, xmax, ymax = polygons.bounds
    (west, south, _), (east, north, _) = transform.TransformPoint(xmin, ymin), transform.TransformPoint(xmax, ymax)
    return west, south, east, north
