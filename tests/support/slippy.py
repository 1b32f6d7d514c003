"""Independent tile counting for tests: the textbook slippy-map formula, not core.tiles."""

import math


def tile_xy(lon, lat, zoom):
    n = 2 ** zoom
    x = int((lon + 180.0) / 360.0 * n)
    lat_r = math.radians(lat)
    y = int((1.0 - math.log(math.tan(lat_r) + 1.0 / math.cos(lat_r)) / math.pi) / 2.0 * n)
    return x, y


def expected_count(bbox, zoom):
    west, south, east, north = bbox
    x0, y0 = tile_xy(west, north, zoom)
    x1, y1 = tile_xy(east, south, zoom)
    return (x1 - x0 + 1) * (y1 - y0 + 1)


def expected_counts(bbox, zoom_min, zoom_max):
    return {z: expected_count(bbox, z) for z in range(zoom_min, zoom_max + 1)}
