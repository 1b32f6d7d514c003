"""Polygon coverage: exactly the tiles that meet the polygons, counted by columns, checked against GEOS."""

import json
import time

import mercantile
import pytest
from osgeo import ogr

from core.errors import InputError
from core.tiles import areas, coverage, polygons
from core.tiles import grid as tiles
from tests.support.polygon_files import L_SHAPE, region_outline, write_lambert_geopackage


def brute_force(polys, zoom):
    """Every tile of the bounding box whose square shares area with the polygons (GEOS, tile by tile)."""
    geometry = ogr.Geometry(ogr.wkbMultiPolygon)
    for polygon in polys.parts:
        part = ogr.Geometry(ogr.wkbPolygon)
        for ring in polygon:
            line = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ring:
                line.AddPoint_2D(x, y)
            line.CloseRings()
            part.AddGeometry(line)
        geometry.AddGeometry(part)
    geometry = geometry.UnionCascaded()
    xmin, ymin, xmax, ymax = polys.bounds
    size = 2 * coverage.ORIGIN / 2 ** zoom
    found = set()
    for x in range(int((xmin + coverage.ORIGIN) // size), int((xmax + coverage.ORIGIN) // size) + 1):
        for y in range(int((coverage.ORIGIN - ymax) // size), int((coverage.ORIGIN - ymin) // size) + 1):
            left, top = -coverage.ORIGIN + x * size, coverage.ORIGIN - y * size
            square = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
                left, top - size, left + size, top))
            if square.Intersection(geometry).GetArea() > size * size * 1e-9:
                found.add((x, y))
    return found


def tiles_of(polys, zoom):
    return {(x, y) for r in coverage.column_ranges(polys, zoom) for x in range(r.x_min, r.x_max + 1)
            for y in range(r.y_min, r.y_max + 1)}


@pytest.mark.parametrize("zoom", [10, 12, 13, 14])
def test_a_concave_polygon_gets_exactly_the_tiles_that_meet_it(zoom):
    polys = polygons.from_geojson(L_SHAPE)
    assert tiles_of(polys, zoom) == brute_force(polys, zoom)
    assert coverage.count(polys, zoom, zoom)[zoom] == len(brute_force(polys, zoom))


def test_holes_and_several_polygons_and_overlaps():
    ring = [[1.3, 43.5], [1.6, 43.5], [1.6, 43.7], [1.3, 43.7], [1.3, 43.5]]
    hole = [[1.4, 43.55], [1.5, 43.55], [1.5, 43.65], [1.4, 43.65], [1.4, 43.55]]
    other = [[1.55, 43.6], [1.8, 43.6], [1.8, 43.8], [1.55, 43.8], [1.55, 43.6]]  # overlaps the first
    polys = polygons.from_geojson({"type": "MultiPolygon", "coordinates": [[ring, hole], [other]]})
    for zoom in (11, 13):
        assert tiles_of(polys, zoom) == brute_force(polys, zoom)
    assert (1 << 13) // 2 not in {x for x, _ in tiles_of(polys, 13)}  # far away stays away


@pytest.mark.parametrize("name", sorted(areas.PRESETS))
def test_a_box_gets_the_same_tiles_as_the_box_arithmetic(name):
    area = areas.PRESETS[name]
    polys = polygons.from_bbox(*area.bbox)
    for zoom in (8, 12, 15):
        assert coverage.count(polys, zoom, zoom) == tiles.count_tiles(area.bbox, zoom, zoom)
        expected = tiles.tile_range(area.bbox, zoom)
        assert tiles_of(polys, zoom) == {(t.x, t.y) for t in expected}


def test_the_same_polygon_from_a_lambert_93_geopackage(tmp_path):
    """The L drawn in EPSG:2154: edges straight in Lambert-93 differ by metres only, so tiles clearly
    inside and clearly outside the lon/lat L are classed the same."""
    path = write_lambert_geopackage(tmp_path / "l.gpkg")
    from_lambert, from_lonlat = polygons.from_file(path), polygons.from_geojson(L_SHAPE)
    for zoom in (12, 14):
        a, b = tiles_of(from_lambert, zoom), tiles_of(from_lonlat, zoom)
        differing = a ^ b
        # only tiles the edge itself crosses may differ: each lies within metres of the L's outline
        outline = ogr.CreateGeometryFromJson(json.dumps(L_SHAPE)).GetBoundary()
        for x, y in differing:
            box = mercantile.bounds(x, y, zoom)
            square = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
                box.west - 1e-4, box.south - 1e-4, box.east + 1e-4, box.north + 1e-4))
            assert square.Intersects(outline)
        assert len(differing) <= len(a) * 0.02


def test_bad_polygon_inputs_say_what_is_wrong(tmp_path):
    with pytest.raises(InputError, match="GeoJSON Polygon or MultiPolygon"):
        polygons.from_geojson({"type": "Point", "coordinates": [1, 43]})
    with pytest.raises(InputError, match="does not exist"):
        polygons.from_file(str(tmp_path / "nope.gpkg"))
    points = tmp_path / "points.geojson"
    points.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 43]}}]}))
    with pytest.raises(InputError, match="holds no polygon"):
        polygons.from_file(str(points))


@pytest.mark.serial
def test_a_region_sized_outline_is_counted_in_seconds_and_exactly_at_a_coarse_check():
    polys = polygons.from_geojson(region_outline())
    start = time.monotonic()
    counts = coverage.count(polys, 8, 16)
    assert time.monotonic() - start < 10
    box = tiles.count_tiles(polygons.lonlat_bounds(polys), 8, 16)
    assert 0.5 * sum(box.values()) < sum(counts.values()) < sum(box.values())
    assert counts[10] == len(brute_force(polys, 10))


def test_below_the_limit_the_total_is_the_exact_count():
    polys = polygons.from_geojson(region_outline())
    exact = sum(coverage.count(polys, 8, 13).values())
    assert coverage.total(polys, 8, 13, exact) == (exact, True)
    # The area's lower bound never claims more than the tiles really met, zoom by zoom.
    area = coverage.largest_area(polys)
    for zoom, met in coverage.count(polys, 8, 13).items():
        assert 0 < coverage.fewest_tiles(area, zoom) <= met


def test_past_the_limit_the_count_stops_with_what_the_job_has_at_least():
    polys = polygons.from_geojson(region_outline())
    counts = coverage.count(polys, 8, 13)
    limit = sum(counts[zoom] for zoom in range(8, 13)) - 1  # passed before zoom 13: that one is not counted
    at_least, exact = coverage.total(polys, 8, 13, limit)
    assert not exact and limit < at_least <= sum(counts.values())
    assert coverage.total(polys, 8, 13, sum(counts.values()) - 1) == (sum(counts.values()), True)  # all counted
    # An L-shaped polygon with holes of its own counts its holes out of the bound.
    holed = polygons.from_rings([[[(0, 0), (4e6, 0), (4e6, 4e6), (0, 4e6)], [(1e6, 1e6), (3e6, 1e6), (3e6, 3e6),
                                                                           (1e6, 3e6)]]])
    assert coverage.largest_area(holed) == pytest.approx(16e12 - 4e12)


@pytest.mark.serial
def test_a_world_sized_polygon_is_found_past_the_limit_at_once():
    world = polygons.from_geojson({"type": "Polygon", "coordinates": [
        [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]]]})  # 2 million points, densified
    start = time.monotonic()
    at_least, exact = coverage.total(world, 0, 18, areas.LARGE_JOB_TILES)
    assert time.monotonic() - start < 1  # counting it zoom by zoom takes 3 s a zoom, a minute in all
    assert not exact and at_least > areas.LARGE_JOB_TILES
    assert at_least <= sum(tiles.count_tiles((-180, -85, 180, 85), 0, 18).values())
    area = areas.Area("world", "World", -180, -85, 180, 85, polygons=world)
    assert coverage.area_total(area, 0, 18, areas.LARGE_JOB_TILES) == (at_least, False)
    box = areas.bbox_area(-180, -85, 180, 85)
    assert coverage.area_total(box, 0, 18, 10) == (sum(tiles.count_tiles(box.bbox, 0, 18).values()), True)
