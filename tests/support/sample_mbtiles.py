"""Small MBTiles files with known content, written through core (tests and demo)."""

from core import mbtiles
from core.tiles import grid as tiles
from tests.support.images import png_tile


def tile_colour(zoom, x, y):
    """A colour unique enough to tell neighbouring tiles apart."""
    return ((x * 37) % 200 + 30, (y * 53) % 200 + 30, (zoom * 41) % 200 + 30)


def write_sample(path, area, zoom_min, zoom_max, name):
    """Fill `path` with one PNG per tile of `area`; returns {(z, x, y): colour}."""
    placed = {}
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata(
            name, "png", area.bbox, zoom_min, zoom_max,
            attribution="IGN Offline test data", description="Synthetic tiles of {}".format(area.title)))
        for tile in tiles.iter_tiles(area.bbox, zoom_min, zoom_max):
            colour = tile_colour(tile.z, tile.x, tile.y)
            writer.write_tile(tile.z, tile.x, tile.y, png_tile(colour))
            placed[(tile.z, tile.x, tile.y)] = colour
    return placed
