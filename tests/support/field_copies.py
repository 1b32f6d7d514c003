"""A library file, its refresh and what a copy holds, for the tests of patches and of field folders."""

from core import mbtiles
from core.tiles import coverage
from core.tiles.areas import Area
from tests.support.images import png_tile


def body(z, x, y, version=0):
    """A small PNG of its own for each tile and version."""
    return png_tile(((x * 7 + version * 50) % 256, (y * 3) % 256, z * 10 + version))


def make_library(path, bodies, bbox, zooms=(10, 14)):
    """A library file of `bodies` ({(z, x, y): bytes}) covering `bbox` at `zooms` (its metadata's), as a download
    writes it."""
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", bbox, *zooms,
                                                      attribution="© IGN", description="test"))
        for (z, x, y), data in bodies.items():
            writer.record(z, x, y, "done", data)
    return path


def area_ranges(box, low, high):
    """The tile ranges of `box` (lon/lat) at zooms low..high."""
    area = Area("area", "area", *box)
    return [r for z in range(low, high + 1) for r in coverage.area_ranges(area, z)]


def refresh(source, bodies, every=5):
    """One tile in `every` of the library changed (a refresh): {(z, x, y): new body}."""
    changed = {key: body(*key, version=1) for index, key in enumerate(sorted(bodies)) if index % every == 0}
    with mbtiles.MBTilesWriter(source) as writer:
        for (z, x, y), data in changed.items():
            writer.record(z, x, y, "done", data)
    return changed


def tiles_of(path):
    """Every (z, x, TMS row, data) of an MBTiles, in order."""
    with mbtiles.MBTilesReader(path) as reader:
        return reader.connection().execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles "
                                           "ORDER BY 1, 2, 3").fetchall()
