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


def noise_png(seed, size=256):
    """A valid PNG of random pixels, stored uncompressed (about 197 kB at 256 × 256): no format shrinks it, so a
    file of these is as large on any disk, in any export."""
    import random
    import struct
    import zlib

    rng = random.Random(seed)
    raw = b"".join(b"\x00" + rng.randbytes(size * 3) for _ in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def write_noise_sample(path, side=9, zoom=15, lon=2.30, lat=43.25):
    """An MBTiles of side × side noise tiles at one zoom (9 × 9: about 16 MB), a full block from (lon, lat)
    south-east, so that GDAL also reads it as one raster; returns its size in bytes."""
    import os

    import mercantile

    x0, y0 = mercantile.tile(lon, lat, zoom)[:2]
    upper_left, lower_right = mercantile.bounds(x0, y0, zoom), mercantile.bounds(x0 + side - 1, y0 + side - 1, zoom)
    bbox = (upper_left.west, lower_right.south, lower_right.east, upper_left.north)
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata("Noise", "png", bbox, zoom, zoom, "IGN Offline test data"))
        for number in range(side * side):
            writer.write_tile(zoom, x0 + number // side, y0 + number % side, noise_png(number))
    return os.path.getsize(path)
