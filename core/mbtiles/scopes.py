"""An export's scope: what export_tiles records in an MBTiles (its source, format, zooms, area; a part's share) so
that a patch can rebuild what a fresh export of the copy would hold (core.mbtiles.patches)."""

import base64
import json
import os
import zlib
from dataclasses import dataclass

from ..errors import IgnOfflineError
from ..tiles.grid import TileRange, flip_y

# What export_tiles records in an exported MBTiles so that a patch can rebuild the copy's scope.
SCOPE_SOURCE = "ign_offline:export_source"    # the library file exported (absolute path)
SCOPE_FORMAT = "ign_offline:export_format"    # the export's FORMAT
SCOPE_ZOOMS = "ign_offline:export_zooms"      # "low-high", as asked
SCOPE_AREA = "ign_offline:export_area"        # XYZ ranges [[z, x_min, x_max, y_min, y_max]…], or "all"
SCOPE_BBOX = "ign_offline:export_bbox"        # the area as a lon/lat box (west,south,east,north), for people
SCOPE_PART = "ign_offline:export_part"        # the part's number when the export was split by size
# A part's share of the scope: the tiles from its first one (absent for the first part) up to, not including, the
# next part's first (absent for the last), as "z/x/y" (XYZ) in the export's order: zoom, column, then row from the
# north. A tile new in the library falls in exactly one part.
SCOPE_PART_FROM = "ign_offline:export_part_from"
SCOPE_PART_TO = "ign_offline:export_part_to"
SCOPE_KEYS = (SCOPE_SOURCE, SCOPE_FORMAT, SCOPE_ZOOMS, SCOPE_AREA, SCOPE_BBOX, SCOPE_PART, SCOPE_PART_FROM,
              SCOPE_PART_TO)
WHOLE = "all"
PACKED = "zlib:"        # a long list of ranges (a polygon's columns), zlib-compressed, base64
PACK_ABOVE = 4096


class PatchError(IgnOfflineError):
    """A patch cannot be made or applied as asked: nothing was written (or the target was left as it was)."""


def key_text(key):
    """(z, x, y) as a part's bound is recorded: "z/x/y"."""
    return "{}/{}/{}".format(*key)


def scope_metadata(source, kind, zoom_min, zoom_max, ranges, bbox=None):
    """The metadata keys an export of `source` (zooms, XYZ TileRanges or None for all) records."""
    values = {SCOPE_SOURCE: os.path.abspath(source), SCOPE_FORMAT: kind,
              SCOPE_ZOOMS: "{}-{}".format(zoom_min, zoom_max), SCOPE_AREA: WHOLE}
    if ranges is not None:
        text = json.dumps([[r.zoom, r.x_min, r.x_max, r.y_min, r.y_max] for r in ranges], separators=(",", ":"))
        if len(text) > PACK_ABOVE:
            text = PACKED + base64.b64encode(zlib.compress(text.encode("ascii"), 9)).decode("ascii")
        values[SCOPE_AREA] = text
        if bbox is not None:
            values[SCOPE_BBOX] = "{:.6f},{:.6f},{:.6f},{:.6f}".format(*bbox)
    return values


@dataclass
class Scope:
    """The tiles an export holds: zooms, and per zoom {column: [(TMS row low, TMS row high)]} (None: all)."""

    source: str
    kind: str
    zoom_min: int
    zoom_max: int
    columns: dict = None
    part: str = None
    key_from: tuple = None   # a part's share (SCOPE_PART_FROM, SCOPE_PART_TO): (z, x, y) XYZ, or None
    key_to: tuple = None

    def contains(self, z, x, row):
        if not self.zoom_min <= z <= self.zoom_max:
            return False
        if self.key_from is not None or self.key_to is not None:
            key = (z, x, flip_y(z, row))
            if (self.key_from is not None and key < self.key_from) or (self.key_to is not None and
                                                                        key >= self.key_to):
                return False
        if self.columns is None:
            return True
        return any(low <= row <= high for low, high in self.columns.get(z, {}).get(x, ()))

    def zooms(self):
        """The zooms the scope (a part's share of it) may hold tiles at."""
        low = max(self.zoom_min, self.key_from[0]) if self.key_from is not None else self.zoom_min
        high = min(self.zoom_max, self.key_to[0]) if self.key_to is not None else self.zoom_max
        return range(low, high + 1)

    def column_span(self, z):
        """(lowest, highest) column of zoom `z`'s area, or None (none there; all when no area)."""
        if self.columns is None:
            return 0, (1 << z) - 1
        at = self.columns.get(z)
        return (min(at), max(at)) if at else None


def read_scope(path, metadata):
    """The Scope an export recorded in its `metadata`; PatchError when it recorded none (or a damaged one)."""
    if SCOPE_ZOOMS not in metadata or SCOPE_AREA not in metadata:
        raise PatchError("'{}' does not say what it was exported from (no '{}' in its metadata): it was not made by "
                         "IGN Offline's export_tiles, or by an older version. Export it again, copy it to the device "
                         "once, then patches can update it.", path, SCOPE_ZOOMS)
    try:
        low, high = (int(v) for v in metadata[SCOPE_ZOOMS].split("-"))
        columns = None
        if metadata[SCOPE_AREA] != WHOLE:
            text = metadata[SCOPE_AREA]
            if text.startswith(PACKED):
                text = zlib.decompress(base64.b64decode(text[len(PACKED):])).decode("ascii")
            columns = {}
            for z, x_min, x_max, y_min, y_max in json.loads(text):
                rows = (flip_y(z, y_max), flip_y(z, y_min))  # TMS on disk
                for x in range(x_min, x_max + 1):
                    columns.setdefault(z, {}).setdefault(x, []).append(rows)
        bounds = [tuple(int(v) for v in metadata[key].split("/")) if metadata.get(key) else None
                  for key in (SCOPE_PART_FROM, SCOPE_PART_TO)]
        if any(bound is not None and len(bound) != 3 for bound in bounds):
            raise ValueError("a part's bound is not z/x/y")
    except (ValueError, TypeError, zlib.error) as exc:
        raise PatchError("The export scope of '{}' cannot be read ({}): export it again.", path, exc) from None
    return Scope(metadata.get(SCOPE_SOURCE, ""), metadata.get(SCOPE_FORMAT, ""), low, high, columns,
                 metadata.get(SCOPE_PART), *bounds)


def scope_ranges(scope):
    """The XYZ TileRanges of a Scope (one per column run), or None for all: for a fresh export of it."""
    if scope.columns is None:
        return None
    ranges = []
    for z, columns in sorted(scope.columns.items()):
        for x, rows in sorted(columns.items()):
            ranges.extend(TileRange(z, x, x, flip_y(z, high), flip_y(z, low)) for low, high in rows)
    return ranges
