"""Web Mercator (XYZ) tile math: ranges, exact counts and lazy enumeration.

Counting multiplies the sides of each zoom's tile range, so an Occitanie-sized
box at zoom 8-16 is counted instantly; enumeration is a generator, so memory
stays flat whatever the area.
"""

from dataclasses import dataclass

import mercantile

from ..errors import InputError
from .areas import MAX_LATITUDE

MIN_ZOOM = 0
MAX_ZOOM = 22
# Longitude/latitude, the CRS every area, bounds and footprint of the library is written in.
WGS84 = "EPSG:4326"


def flip_y(zoom, row):
    """XYZ row <-> TMS row (MBTiles stores TMS rows; the flip is its own inverse).

    The only place in the code base where this conversion is written.
    """
    return (1 << zoom) - 1 - row


def check_zoom_range(zoom_min, zoom_max):
    """Refuse zoom levels out of 0-22 or in the wrong order."""
    # one whole sentence per zoom, each translated as a whole ("minimum" alone has no French place in it)
    if int(zoom_min) != zoom_min or not MIN_ZOOM <= zoom_min <= MAX_ZOOM:
        raise InputError("The minimum zoom {} is outside {}-{}: pick a zoom level in that range.", zoom_min,
                         MIN_ZOOM, MAX_ZOOM)
    if int(zoom_max) != zoom_max or not MIN_ZOOM <= zoom_max <= MAX_ZOOM:
        raise InputError("The maximum zoom {} is outside {}-{}: pick a zoom level in that range.", zoom_max,
                         MIN_ZOOM, MAX_ZOOM)
    if zoom_min > zoom_max:
        raise InputError(
            "The minimum zoom ({}) is greater than the maximum zoom ({}): swap them.",
                zoom_min, zoom_max
        )


@dataclass(frozen=True)
class TileRange:
    """Inclusive XYZ column/row range of one zoom level."""

    zoom: int
    x_min: int
    x_max: int
    y_min: int
    y_max: int

    @property
    def count(self):
        return (self.x_max - self.x_min + 1) * (self.y_max - self.y_min + 1)

    def __iter__(self):
        for x in range(self.x_min, self.x_max + 1):
            for y in range(self.y_min, self.y_max + 1):
                yield mercantile.Tile(x, y, self.zoom)


def tile_range(bbox, zoom):
    """The tiles touching a lon/lat bbox at `zoom`.

    Same edge rule as mercantile.tiles: a box edge lying exactly on a tile
    boundary does not pull in the neighbouring tile.
    """
    west, south, east, north = bbox
    west, east = max(-180.0, west), min(180.0, east)
    south, north = max(-MAX_LATITUDE, south), min(MAX_LATITUDE, north)
    last = (1 << zoom) - 1
    upper_left = mercantile.tile(west, north, zoom)
    lower_right = mercantile.tile(east - mercantile.LL_EPSILON, south + mercantile.LL_EPSILON, zoom)
    return TileRange(
        zoom,
        max(0, upper_left.x), min(last, lower_right.x),
        max(0, upper_left.y), min(last, lower_right.y),
    )


def bbox_ranges(bbox, zoom_min, zoom_max):
    """One TileRange per zoom: the whole lon/lat box's."""
    check_zoom_range(zoom_min, zoom_max)
    return [tile_range(bbox, z) for z in range(zoom_min, zoom_max + 1)]


def count_tiles(bbox, zoom_min, zoom_max):
    """{zoom: number of tiles} for a lon/lat bbox, without enumerating them."""
    return {r.zoom: r.count for r in bbox_ranges(bbox, zoom_min, zoom_max)}


def iter_tiles(bbox, zoom_min, zoom_max):
    """Every tile of the bbox, zoom by zoom, generated lazily."""
    for tiles_of_zoom in bbox_ranges(bbox, zoom_min, zoom_max):
        yield from tiles_of_zoom


def tile_bounds_mercator(zoom, x, y):
    """(xmin, ymin, xmax, ymax) of an XYZ tile in EPSG:3857 metres."""
    b = mercantile.xy_bounds(x, y, zoom)
    return (b.left, b.bottom, b.right, b.top)
