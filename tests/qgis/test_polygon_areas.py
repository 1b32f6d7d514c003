"""AREA_LAYER: only the tiles meeting the polygons are counted and fetched (issue 10, item 1)."""

import mercantile
import pytest
from osgeo import ogr

from core import mbtiles
from core.tiles import coverage, polygons
from tests.support.polygon_files import L_SHAPE, write_geojson, write_lambert_geopackage
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def clearly(zoom, x, y, outline, inside):
    """True when tile x/y lies wholly inside (or wholly outside) the L by more than 20 m."""
    box = mercantile.bounds(x, y, zoom)
    square = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        box.west, box.south, box.east, box.north))
    grown = square.Buffer(0.0003)  # ~25 m
    return outline.Contains(grown) if inside else not outline.Intersects(grown)


@pytest.mark.parametrize("kind", ["geojson_4326", "geopackage_2154"])
def test_a_concave_polygon_downloads_every_tile_inside_and_none_clearly_outside(processing, tmp_path, kind):
    path = (write_geojson(tmp_path / "l.geojson") if kind == "geojson_4326"
            else write_lambert_geopackage(tmp_path / "l.gpkg"))
    output = tmp_path / "l.mbtiles"
    with StandInWmts() as server:
        results = processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": PLAN, "AREA_LAYER": path, "ZOOM_MIN": 10, "ZOOM_MAX": 14,
            "OUTPUT": str(output), "MAX_RATE": 0, "LOAD": False})
        with mbtiles.MBTilesReader(str(output)) as reader:
            stored = {(z, x, y): data for z, x, y, data in reader.iter_tiles()}
        assert all(data == server.tile_body("image/png", z, x, y) for (z, x, y), data in stored.items())
        assert sorted(server.log.tiles(200)) == sorted(stored)  # each fetched once, nothing else
    outline = ogr.CreateGeometryFromJson(__import__("json").dumps(L_SHAPE))
    for zoom in range(10, 15):
        west, south, east, north = 1.30, 43.50, 1.60, 43.70
        box = list(mercantile.tiles(west, south, east, north, zoom))
        got = {(x, y) for z, x, y in stored if z == zoom}
        missing = [t for t in box if (t.x, t.y) not in got and clearly(zoom, t.x, t.y, outline, True)]
        extra = [(x, y) for x, y in got if clearly(zoom, x, y, outline, False)]
        assert not missing and not extra, (zoom, missing[:3], extra[:3])
    # far fewer than the bounding box at zoom 14: the L's empty corner is not fetched
    box14 = len(list(mercantile.tiles(1.30, 43.50, 1.60, 43.70, 14)))
    assert sum(1 for z, _, _ in stored if z == 14) < 0.75 * box14
    assert results["TILES_DOWNLOADED"] == len(stored)


def test_estimate_counts_the_polygon_tiles_not_the_box(processing, tmp_path):
    path = write_geojson(tmp_path / "l.geojson")
    results = processing.run("ign_offline:estimate_tiles", {"AREA_LAYER": path, "ZOOM_MIN": 8, "ZOOM_MAX": 15})
    expected = coverage.count(polygons.from_geojson(L_SHAPE), 8, 15)
    assert results["TOTAL"] == sum(expected.values())


def test_two_areas_at_once_are_refused(processing, tmp_path):
    from qgis.core import QgsProcessingException

    path = write_geojson(tmp_path / "l.geojson")
    with pytest.raises(QgsProcessingException, match="Give one area only"):
        processing.run("ign_offline:estimate_tiles", {"AREA": "toulouse", "AREA_LAYER": path})


@pytest.mark.serial
def test_an_occitanie_sized_outline_is_estimated_in_seconds(processing, tmp_path):
    import time

    from tests.support.polygon_files import region_outline

    path = write_geojson(tmp_path / "region.geojson", region_outline())
    start = time.monotonic()
    results = processing.run("ign_offline:estimate_tiles", {"AREA_LAYER": path, "ZOOM_MIN": 8, "ZOOM_MAX": 16})
    assert time.monotonic() - start < 30
    expected = coverage.count(polygons.from_geojson(region_outline()), 8, 16)
    assert abs(results["TOTAL"] - sum(expected.values())) <= 0.003 * sum(expected.values())
