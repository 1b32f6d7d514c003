"""Polygon coverage: exactly the tiles that meet the polygons, counted by columns, checked against GEOS."""

import json
import math
import time

import mercantile
import pytest
from osgeo import ogr, osr

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


def departements(per_side, columns=12, rows=8, west=-4.5, south=42.4, east=8.0, north=51.0):
    """A France-sized layer of `columns` × `rows` wiggly polygons in EPSG:3857, as WKB (what the dock reads from a
    layer): each side wiggles ±0.01° on its own, so neighbours overlap a little and leave slivers between them."""
    transform = osr.CoordinateTransformation(polygons._wgs84(), polygons._mercator())
    found = []
    for i in range(columns):
        for j in range(rows):
            x0, x1 = west + (east - west) * i / columns, west + (east - west) * (i + 1) / columns
            y0, y1 = south + (north - south) * j / rows, south + (north - south) * (j + 1) / rows
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for k in range(per_side):
                ring.AddPoint_2D(x0 + (x1 - x0) * k / per_side, y0 + 0.01 * math.sin(k))
            for k in range(per_side):
                ring.AddPoint_2D(x1 + 0.01 * math.sin(k), y0 + (y1 - y0) * k / per_side)
            for k in range(per_side):
                ring.AddPoint_2D(x1 - (x1 - x0) * k / per_side, y1 + 0.01 * math.sin(k))
            for k in range(per_side):
                ring.AddPoint_2D(x0 + 0.01 * math.sin(k), y1 - (y1 - y0) * k / per_side)
            ring.CloseRings()
            polygon = ogr.Geometry(ogr.wkbPolygon)
            polygon.AddGeometry(ring)
            polygon.Transform(transform)
            found.append(polygon.ExportToWkb())
    return found


def as_rings(polys):
    """The same polygons with nothing measured by GDAL (as from QGIS geometries): core works their bounds out."""
    return polygons.from_rings([[list(ring) for ring in polygon] for polygon in polys.parts])


@pytest.mark.serial
def test_a_france_sized_job_of_many_polygons_is_refused_at_once():
    # 96 'départements' of 2,000 points: the largest is 1/96 of the whole, too little a bound to stop counting
    # before zoom 17 (52 s for a layer densified by QGIS); what they cover together stops it before any zoom.
    measured = polygons.from_wkb(departements(500), "Départements")
    for polys in (measured, as_rings(measured)):
        area = areas.Area("france", "France", -4.5, 42.4, 8.0, 51.0, polygons=polys)
        start = time.monotonic()
        at_least, exact = coverage.area_total(area, 8, 18, areas.LARGE_JOB_TILES)
        assert time.monotonic() - start < 2
        assert not exact and areas.LARGE_JOB_TILES < at_least <= sum(tiles.count_tiles(area.bbox, 8, 18).values())
        assert coverage.counts_until(polys, 8, 17, areas.LARGE_JOB_TILES)[::2] == ({}, False)


def test_what_many_polygons_surely_cover_is_never_more_than_their_tiles():
    # The refusal says "at least N tiles": N must be a true lower bound, overlaps and slivers included.
    measured = polygons.from_wkb(departements(40), "Départements")
    counts = coverage.count(measured, 8, 11)
    for polys in (measured, as_rings(measured)):
        covered = coverage.covered_area(polys)
        assert 80 * coverage.largest_area(polys) < covered  # 96 of them, the northern ones larger
        for zoom, met in counts.items():
            assert coverage.fewest_tiles(covered, zoom) <= met
        # Below the limit the count is exact, whatever the bound.
        assert coverage.total(polys, 8, 11, sum(counts.values())) == (sum(counts.values()), True)
    # The same polygon piled up covers no more than once: the bound falls back to the largest.
    square = [(0.0, 0.0), (4e5, 0.0), (4e5, 4e5), (0.0, 4e5)]
    piled = polygons.from_rings([[square]] * 50 + [[[(x + 1e5, y) for x, y in square]]])
    assert coverage.covered_area(piled) == pytest.approx(16e10)
    count = coverage.count(piled, 10, 12)
    assert coverage.total(piled, 10, 12, sum(count.values())) == (sum(count.values()), True)
    shifted = [[[(x + 3e5 * (i % 2), y) for x, y in square]] for i in range(4)]
    assert coverage.covered_area(polygons.from_rings(shifted)) <= 16e10 + 3e5 * 4e5


def test_a_layer_read_twice_is_counted_once(monkeypatch):
    """The dock counts a layer's tiles before it asks about a large job, then the algorithm reads the same layer and
    counts in its task: the second count, of polygons with the same WKB, is the first's, not a second wait."""
    wkb = departements(30, columns=3, rows=2)
    first, second = polygons.from_wkb(wkb, "Zones"), polygons.from_wkb(wkb, "Zones")
    assert first is not second and first.wkb == second.wkb
    counted = coverage.count(first, 8, 12)
    walked = []
    real = coverage.columns
    monkeypatch.setattr(coverage, "columns", lambda polys, zoom: walked.append(zoom) or real(polys, zoom))
    assert coverage.count(second, 8, 12) == counted and walked == []
    assert coverage.counts_until(second, 8, 12, 10 ** 9) == (counted, sum(counted.values()), True) and walked == []
    other = polygons.from_wkb(departements(30, 2, 2, 0.0, 42.5, 3.0, 44.5), "Others")  # others: counted for real
    assert coverage.count(other, 8, 9) != {8: counted[8], 9: counted[9]} and walked == [8, 9]
