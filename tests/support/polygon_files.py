"""Polygon area files for tests: the same shape as GeoJSON in lon/lat and as a Lambert-93 GeoPackage."""

import json
import math

from osgeo import ogr, osr

# An L with a diagonal edge, around Toulouse (lon/lat): concave, so its bounding box is not the answer.
L_SHAPE = {"type": "Polygon", "coordinates": [[
    [1.30, 43.50], [1.60, 43.50], [1.60, 43.56], [1.42, 43.56], [1.38, 43.70], [1.30, 43.70], [1.30, 43.50]]]}


def write_geojson(path, geometry=L_SHAPE):
    with open(path, "w") as stream:
        json.dump({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "L"}, "geometry": geometry}]}, stream)
    return str(path)


def write_lambert_geopackage(path, geometry=L_SHAPE, epsg=2154):
    """The lon/lat geometry, densified, in EPSG:2154 in a GeoPackage layer named 'areas'."""
    target = osr.SpatialReference()
    target.ImportFromEPSG(epsg)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("areas", target, ogr.wkbPolygon)
    shape = ogr.CreateGeometryFromJson(json.dumps(geometry))
    shape.Segmentize(0.0005)
    shape.AssignSpatialReference(wgs84)
    shape.TransformTo(target)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(shape)
    layer.CreateFeature(feature)
    dataset = None
    return str(path)


def region_outline(vertices=3000):
    """An Occitanie-sized outline (about 5° by 3°) with many concave wiggles, as a GeoJSON Polygon."""
    points = []
    for i in range(vertices):
        angle = 2 * math.pi * i / vertices
        radius = 1 + 0.08 * math.sin(17 * angle) + 0.04 * math.sin(61 * angle)
        points.append([1.9 + 2.5 * radius * math.cos(angle), 43.6 + 1.3 * radius * math.sin(angle)])
    points.append(points[0])
    return {"type": "Polygon", "coordinates": [points]}
