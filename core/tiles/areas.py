"""Coverage areas (lon/lat boxes) and zoom bands offered to users."""

import math
import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..messages import Degrees, Message, Size
from ..text import fold_accents

# Web Mercator cannot represent the poles; tiles stop at this latitude.
MAX_LATITUDE = 85.0511287798066


@dataclass(frozen=True)
class Area:
    """A named lon/lat (EPSG:4326) bounding box."""

    key: str
    title: str
    west: float
    south: float
    east: float
    north: float
    # core.coverage.Polygons (EPSG:3857) when the area is a polygon, not its box
    polygons: object = field(default=None, compare=False, repr=False)

    @property
    def bbox(self):
        return (self.west, self.south, self.east, self.north)

    @property
    def center(self):
        return ((self.west + self.east) / 2.0, (self.south + self.north) / 2.0)


# Titles are Messages: logs, layer names and exports say them in the user's language ("Pyrénées (grottes)").
PRESETS = {
    area.key: area
    for area in (
        Area("toulouse", Message("Toulouse"), 1.35, 43.55, 1.50, 43.65),
        Area("pyrenees", Message("Pyrénées (caves)"), 1.45, 42.75, 1.65, 42.85),
        Area("montpellier", Message("Montpellier"), 3.30, 43.55, 3.45, 43.70),
        Area("carcassonne", Message("Carcassonne"), 2.30, 43.18, 2.40, 43.25),
    )
}


@dataclass(frozen=True)
class ZoomBand:
    key: str
    title: str
    zoom_min: int
    zoom_max: int


ZOOM_BANDS = (
    ZoomBand("overview", "Overview", 8, 10),
    ZoomBand("regional", "Regional", 11, 12),
    ZoomBand("local", "Local", 13, 14),
    ZoomBand("detail", "High detail", 15, 16),
)


def _fold(text):
    """Lower-case, without accents, spaces or punctuation: 'Pyrénées (caves)' finds 'pyrenees caves'."""
    return "".join(c for c in fold_accents(text.strip().lower()) if c.isalnum())


def preset(name):
    """The preset called `name` (case and accents ignored).

    Also accepts the preset's title ("Pyrénées (caves)", or without accents)
    so that what the dock shows can be typed back.
    """
    wanted = _fold(name or "")
    for area in PRESETS.values():
        if wanted in (area.key, _fold(area.title)):
            return area
    raise InputError(
        "Unknown area '{}'. Use one of: {} (or give an extent instead).", name, ", ".join(PRESETS))


def bbox_area(west, south, east, north, title=None):
    """An Area from a lon/lat box, after checking it makes sense."""
    values = (west, south, east, north)
    if any(v != v for v in values):  # NaN comes from an empty QgsRectangle
        raise InputError("The extent is empty: draw or type an extent with a width and a height.")
    if not (west < east and south < north):
        raise InputError(
            "The extent is empty or inverted ({:g}, {:g}, {:g}, {:g}): "
            "west must be less than east and south less than north.", *values
        )
    if west < -180 or east > 180 or south < -90 or north > 90:
        raise InputError(
            "The extent ({:g}, {:g}, {:g}, {:g}) is outside longitude -180..180 / "
            "latitude -90..90: check its coordinate reference system.", *values
        )
    if south >= MAX_LATITUDE or north <= -MAX_LATITUDE:
        raise InputError("The extent lies beyond the Web Mercator latitude limit (±85.05°).")
    return Area("extent", title or Message("Extent"), float(west), float(south), float(east), float(north))


# How QGIS reads a typed extent: "xmin,xmax,ymin,ymax [EPSG:xxxx]". It then orders the numbers silently.
_TYPED_EXTENT = re.compile(r"^\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s\[]+)\s*(?:\[.*\])?\s*$")


def typed_extent(text):
    """(xmin, xmax, ymin, ymax) as typed in an extent string, or None when `text` is not one (a layer, a file)."""
    found = _TYPED_EXTENT.match(text or "")
    if not found:
        return None
    try:
        return tuple(float(value) for value in found.groups())
    except ValueError:
        return None


def check_extent_order(xmin, xmax, ymin, ymax, geographic):
    """Refuse an extent typed in the wrong order, which QGIS would swap silently: across the antimeridian in
    longitude/latitude (170,-170 would become the 340° strip between them), else inverted."""
    values = "{:.10g},{:.10g},{:.10g},{:.10g}".format(xmin, xmax, ymin, ymax)
    if geographic and xmin > xmax and ymin <= ymax:  # with y inverted too, it is simply typed backwards
        # the two extents to type are written as QGIS reads them (a dot for decimals, in any language)
        east_part = "{:g},180,{:g},{:g}".format(xmin, ymin, ymax)
        west_part = "-180,{:g},{:g},{:g}".format(xmax, ymin, ymax)
        raise InputError(
            "The extent {} crosses the antimeridian (from {} to {} through 180°), which one extent cannot "
            "hold: run twice, with {} and {}.", values, Degrees(xmin, "lon"), Degrees(xmax, "lon"), east_part,
            west_part)
    if xmin > xmax or ymin > ymax:
        raise InputError(
            "The extent {} is inverted: give it as xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax.",
                values)


# Jobs above either limit need the user's confirmation (ALLOW_LARGE, or the dock's question): the world at z18
# is 91 billion tiles, which no one means.
LARGE_JOB_TILES = 10 * 1000 * 1000
# What a tile weighs before any is fetched: Plan IGN PNG and orthophoto JPEG tiles weigh 10-40 kB in towns,
# less over fields and sea. 20 kB makes the expected size honest, not a promise (estimate_tiles samples the real ones).
TYPICAL_TILE_BYTES = 20 * 1000


def expected_bytes(tiles, tile_bytes=None):
    """What `tiles` tiles weigh: at `tile_bytes` each (measured in the layer's file), else a typical tile's."""
    return tiles * (tile_bytes or TYPICAL_TILE_BYTES)


def is_large(tiles, free, tile_bytes=None):
    """A job the user must confirm: over LARGE_JOB_TILES tiles, or more than the `free` bytes of its disk."""
    return tiles > LARGE_JOB_TILES or expected_bytes(tiles, tile_bytes) > free


def job_size(tiles, exact=True, tile_bytes=None):
    """What a job counts and weighs, as the three parts of a sentence (each a Message): '12,000,000 tiles' or 'at
    least 12,000,000 tiles' (`exact` False: the count stopped past the limit), 'about 240.0 GB' (or '… or more'),
    and the tile size it is weighed at: `tile_bytes` measured in the layer's file, else a typical tile's."""
    weight = Size(expected_bytes(tiles, tile_bytes))
    count = Message("{:,} tiles", tiles) if exact else Message("at least {:,} tiles", tiles)
    about = Message("about {}", weight) if exact else Message("about {} or more", weight)
    each = (Message("at {} a tile as measured in the layer's file", Size(tile_bytes)) if tile_bytes
            else Message("at {} kB a typical tile", TYPICAL_TILE_BYTES // 1000))
    return count, about, each


def large_job(tiles, free, where, *, exact=True, tile_bytes=None):
    """Why a job of `tiles` tiles, written on a disk with `free` bytes at `where`, needs a confirmation; or None.
    `exact` False: `tiles` is what the job has at least (core.tiles.coverage.total stopped counting past the limit).
    `tile_bytes`: the mean tile size measured in the layer's file (estimate.measured_tile_bytes), when it has one."""
    if not is_large(tiles, free, tile_bytes):
        return None
    reason = (Message("over {:,} tiles", LARGE_JOB_TILES) if tiles > LARGE_JOB_TILES
              else Message("more than the free space"))
    count, about, each = job_size(tiles, exact, tile_bytes)
    return Message("This job is {} ({}), {} {}, and the disk holding {} has {} free.", count, reason, about, each,
                   where, Size(free))


# The scale at which a tile shows at its own size: WMTS's standardized 0.28 mm rendering pixel (OGC 07-057r7).
EQUATOR_METRES_PER_PIXEL_Z0 = 2 * math.pi * 6378137.0 / 256
RENDERING_PIXEL_METRES = 0.00028


def approximate_scale(zoom, latitude=43.6):
    """N of the map scale 1:N of zoom level `zoom` at `latitude` (Occitanie by default), rounded as map scales are
    (1:25 000, 1:50 000, 1:100 000…)."""
    metres_per_pixel = EQUATOR_METRES_PER_PIXEL_Z0 * math.cos(math.radians(latitude)) / 2 ** zoom
    exact = metres_per_pixel / RENDERING_PIXEL_METRES
    power = 10 ** int(math.floor(math.log10(exact)))
    return int(round(min(NICE_SCALES, key=lambda nice: abs(nice * power - exact)) * power))


# The mantissas map scales are usually given with.
NICE_SCALES = (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10)


def zoom_band(key):
    for band in ZOOM_BANDS:
        if band.key == key:
            return band
    raise InputError("Unknown zoom band '{}'. Use one of: {}.",
        key, ", ".join(b.key for b in ZOOM_BANDS))
