"""BD ORTHO tiles of an area: names read, footprints known (the file's own georeferencing first, the name's
top-left corner otherwise), the tiles meeting the area kept, and a VRT mosaic of them. GDAL only, no qgis.

BD ORTHO names its 1 km tiles `{dept}-{year}-{X km}-{Y km}-LA93-{resolution}-{compression}.jp2`, e.g.
`31-2025-0570-6280-LA93-0M20-E080.jp2`, X and Y being the tile's top-left (north-west) corner in Lambert-93.
"""

import os
import re
from dataclasses import dataclass

from osgeo import gdal

from ..errors import InputError
from ..ftp.names import resolution_metres
from ..ftp.products import intersects
from ..rasters import build_vrt
from .clipping import DEFAULT_EPSG, area_geometry, box_geometry, srs_of

TILE_SIZE_M = 1000.0
_NAME = re.compile(r"^(?P<dept>\d{2,3}|2A|2B)-(?P<year>\d{4})-(?P<x>\d{4})-(?P<y>\d{4})-(?P<crs>LA93)-"
                   r"(?P<res>\d+M\d+)-(?P<comp>[A-Z0-9]+)\.(?P<ext>jp2|tif|tiff)$", re.IGNORECASE)


@dataclass(frozen=True)
class OrthoTile:
    """What a BD ORTHO tile name says."""

    name: str
    departement: str
    year: int
    x_km: int
    y_km: int
    resolution: str       # as written, e.g. 0M20
    compression: str      # e.g. E080

    @property
    def resolution_m(self):
        return resolution_metres(self.resolution.upper())

    @property
    def name_bounds(self):
        """(xmin, ymin, xmax, ymax) in Lambert-93 metres as the name gives it (top-left corner, 1 km)."""
        x, y = self.x_km * 1000.0, self.y_km * 1000.0
        return (x, y - TILE_SIZE_M, x + TILE_SIZE_M, y)


def parse_tile_name(name):
    """The OrthoTile of a BD ORTHO file name, or None when the name is not one."""
    match = _NAME.match(os.path.basename(name))
    if match is None:
        return None
    return OrthoTile(os.path.basename(name), match["dept"].upper(), int(match["year"]), int(match["x"]),
                     int(match["y"]), match["res"].upper(), match["comp"].upper())


def tile_bounds(path):
    """(xmin, ymin, xmax, ymax) of a tile in Lambert-93: its own georeferencing when it has one (IGN's JP2 carry
    it), else what its name says; None for a file that is neither georeferenced nor named like a tile."""
    transform = _transform(path)
    if transform is not None:
        dataset = gdal.Open(path)
        x0, dx, _, y0, _, dy = transform
        x1, y1 = x0 + dx * dataset.RasterXSize, y0 + dy * dataset.RasterYSize
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    tile = parse_tile_name(path)
    return tile.name_bounds if tile is not None else None


def tiles_of_area(paths, area, epsg=DEFAULT_EPSG):
    """The tiles among `paths` (BD ORTHO files) that meet `area` (a core.tiles.areas.Area), sorted; every tile
    when `area` is None. Touching edges do not count: a tile beside the area adds nothing to it."""
    tiles = [p for p in sorted(paths) if parse_tile_name(p) is not None or tile_bounds(p) is not None]
    if area is None:
        return tiles
    cut = area_geometry(area, srs_of(None, epsg))
    xmin, xmax, ymin, ymax = cut.GetEnvelope()
    selected = []
    for path in tiles:
        bounds = tile_bounds(path)
        if bounds is not None and intersects(bounds, (xmin, ymin, xmax, ymax)) and cut.Intersects(box_geometry(bounds)):
            selected.append(path)
    return selected


def ortho_mosaic(paths, vrt_path, area=None, epsg=DEFAULT_EPSG):
    """A VRT of the tiles of `paths` meeting `area`, at `vrt_path`: its path. InputError when none does."""
    tiles = tiles_of_area(paths, area, epsg)
    if not tiles:
        raise InputError("No BD ORTHO tile meets the area '{}' among the {} files given: choose the area the "
                         "tiles cover, or download the département of this area.",
                         getattr(area, "title", ""), len(paths))
    os.makedirs(os.path.dirname(os.path.abspath(vrt_path)), exist_ok=True)
    placed_folder = os.path.splitext(vrt_path)[0] + ".tiles"
    return build_vrt(vrt_path, [_georeferenced(path, placed_folder, epsg) for path in tiles], epsg)


def _georeferenced(path, folder, epsg):
    """`path` itself when it carries its georeferencing; else a small VRT beside the mosaic placing it where its
    name says (gdalbuildvrt skips ungeoreferenced images; the tile itself is left untouched)."""
    if _transform(path) is not None:
        return path
    xmin, ymin, xmax, ymax = parse_tile_name(path).name_bounds
    os.makedirs(folder, exist_ok=True)
    placed = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".vrt")
    options = gdal.TranslateOptions(format="VRT", outputBounds=[xmin, ymax, xmax, ymin],
                                    outputSRS="EPSG:{}".format(epsg))
    if gdal.Translate(placed, path, options=options) is None:
        raise InputError("GDAL cannot read the tile '{}' ({}).", os.path.basename(path), gdal.GetLastErrorMsg())
    return placed


def _transform(path):
    """The north-up geotransform of a raster, or None (no georeferencing, unreadable, rotated)."""
    try:
        dataset = gdal.Open(path)
    except RuntimeError:
        dataset = None
    transform = dataset.GetGeoTransform(can_return_null=True) if dataset is not None else None
    return transform if transform is not None and not (transform[2] or transform[4]) else None

