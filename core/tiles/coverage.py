"""Which tiles meet a polygon, zoom by zoom: columns of row intervals, never tile by tile.

Polygons are given in Web Mercator metres (EPSG:3857), their edges dense enough
that straight lines there follow the original edges (core.polygons densifies).
For each tile column (a vertical strip of the tile grid) the rows the polygons
meet are computed exactly: the part of a polygon inside a strip projects onto
the rows through its boundary, which is made of the edge pieces inside the
strip and of the polygon's cross-sections along the strip's two sides. So
the work grows with the edges and the columns, not with the tiles: an
Occitanie-sized outline at zoom 16 is counted in well under a second.

A polygon that only touches a tile's edge does not take that tile, as for
rectangles (core.tiles.tile_range).
"""

import hashlib
import math
import threading
from dataclasses import dataclass, field
from operator import itemgetter

from .grid import TileRange, check_zoom_range, count_tiles, tile_range

ORIGIN = 20037508.342789244
EPSILON = 1e-7  # in tile units: 1e-7 of a tile is well under a millimetre at zoom 22


@dataclass(frozen=True)
class Polygons:
    """Polygons in EPSG:3857 metres: each polygon a tuple of rings (exterior first, then holes),
    each ring a tuple of (x, y) points (closed or not)."""

    parts: tuple
    # Measured by GDAL when the polygons come from it (core.tiles.polygons), in C: a world-sized polygon, densified,
    # has millions of points, too many to walk in Python while the parameters are checked on the GUI thread.
    extent: tuple = field(default=None, compare=False, repr=False)  # (xmin, ymin, xmax, ymax)
    largest: float = field(default=None, compare=False, repr=False)  # the largest polygon's area, m²
    covered: float = field(default=None, compare=False, repr=False)  # at most the area they cover together, m²
    wkb: bytes = field(default=None, compare=False, repr=False)  # the same polygons as a WKB multipolygon, if made

    @property
    def bounds(self):
        """(xmin, ymin, xmax, ymax) in metres."""
        if self.extent is not None:
            return self.extent
        xs = [x for polygon in self.parts for x, _ in polygon[0]]
        ys = [y for polygon in self.parts for _, y in polygon[0]]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def vertices(self):
        return sum(len(ring) for polygon in self.parts for ring in polygon)


def _edges(polygon, zoom):
    """Edges (u0, v0, u1, v1) in tile units at `zoom`: u grows east (columns), v south (rows)."""
    scale = (1 << zoom) / (2 * ORIGIN)
    edges = []
    for ring in polygon:
        points = [((x + ORIGIN) * scale, (ORIGIN - y) * scale) for x, y in ring]
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        for i, (u0, v0) in enumerate(points):
            u1, v1 = points[(i + 1) % len(points)]
            if (u0, v0) != (u1, v1):
                edges.append((u0, v0, u1, v1))
    return edges


def _crossings(active, line):
    """Rows (v) where the polygon's boundary crosses the vertical line u = `line`, sorted."""
    found = []
    for u0, v0, u1, v1 in active:
        if (u0 <= line < u1) or (u1 <= line < u0):
            found.append(v0 + (v1 - v0) * (line - u0) / (u1 - u0))
    found.sort()
    return found


def _intervals_in_strip(active, left, right):
    """(v_min, v_max) pieces of one polygon inside the strip left < u < right (may overlap)."""
    pieces = []
    for u0, v0, u1, v1 in active:
        low, high = (u0, u1) if u0 <= u1 else (u1, u0)
        if high <= left or low >= right:
            continue
        if u0 == u1:
            pieces.append((min(v0, v1), max(v0, v1)))
            continue
        t0, t1 = (left - u0) / (u1 - u0), (right - u0) / (u1 - u0)
        t0, t1 = max(0.0, min(t0, t1)), min(1.0, max(t0, t1))
        a, b = v0 + (v1 - v0) * t0, v0 + (v1 - v0) * t1
        pieces.append((min(a, b), max(a, b)))
    for line in (left, right):
        crossings = _crossings(active, line)
        pieces.extend(zip(crossings[0::2], crossings[1::2]))
    return pieces


def _merge(pieces):
    """The union of (low, high) intervals, as sorted [low, high] lists. Sorted by their low ends alone (a sort of
    floats: a C call holding the GIL, some 2.5 times shorter than comparing the pairs)."""
    merged = []
    for low, high in sorted(pieces, key=itemgetter(0)):
        if merged and low <= merged[-1][1]:
            if high > merged[-1][1]:
                merged[-1][1] = high
        else:
            merged.append([low, high])
    return merged


def _rows(merged, last):
    """Inclusive tile-row intervals for merged (v_min, v_max) pieces, clamped to 0..last."""
    rows = []
    for low, high in merged:
        first = max(0, math.floor(low + EPSILON))
        final = min(last, max(math.floor(low + EPSILON), math.ceil(high - EPSILON) - 1))
        if first > final:
            continue
        if rows and first <= rows[-1][1] + 1:
            rows[-1][1] = max(rows[-1][1], final)
        else:
            rows.append([first, final])
    return rows


def columns(polygons, zoom):
    """(column, [(first row, last row), …]) for every tile column the polygons meet at `zoom`, west to east."""
    last = (1 << zoom) - 1
    per_polygon = []
    start, end = last + 1, -1
    for polygon in polygons.parts:
        edges = sorted(_edges(polygon, zoom), key=lambda e: min(e[0], e[2]))
        if not edges:
            continue
        low = min(min(e[0], e[2]) for e in edges)
        high = max(max(e[0], e[2]) for e in edges)
        start = min(start, max(0, math.floor(low + EPSILON)))
        end = min(last, max(end, math.ceil(high - EPSILON) - 1))
        per_polygon.append([edges, 0, []])  # edges by west end, next edge to activate, active edges
    for column in range(start, end + 1):
        left, right = column + EPSILON, column + 1 - EPSILON
        pieces = []
        for state in per_polygon:
            edges, following, active = state
            while following < len(edges) and min(edges[following][0], edges[following][2]) < right:
                active.append(edges[following])
                following += 1
            state[1] = following
            active[:] = [e for e in active if max(e[0], e[2]) > left]
            if active:
                # Each polygon's own union first: a layer of many polygons (départements) then sorts a few short
                # lists instead of one of every edge in the column (150,000 for France densified: 80 ms holding the
                # GIL at a time, which the dock's thread waits behind, up to 0.25 s without an event loop turn).
                pieces.extend(_merge(_intervals_in_strip(active, left, right)))
        rows = _rows(_merge(pieces), last)
        if rows:
            yield column, [tuple(r) for r in rows]


def column_ranges(polygons, zoom):
    """The polygons' tiles at `zoom` as one-column TileRanges (few: one per column and row interval)."""
    return [TileRange(zoom, column, column, first, final)
            for column, rows in columns(polygons, zoom) for first, final in rows]


# Counts of large polygons already made, by their WKB's digest and zoom: the dock counts a layer's tiles to ask
# about a large job, then the algorithm it runs reads the same layer and counts again in its own task (seconds each
# for a region's outline). Bounded; any thread.
_COUNTED = {}
_COUNTED_LOCK = threading.Lock()
COUNTED_KEPT = 512


def forget_counts():
    """Drop the counts kept (a new session's state: tests)."""
    with _COUNTED_LOCK:
        _COUNTED.clear()


def _digest(polygons):
    """A digest of the polygons' WKB, made once per Polygons; None when they have none (small: counted anew)."""
    if polygons.wkb is None:
        return None
    made = polygons.__dict__.get("_digest")
    if made is None:
        made = hashlib.blake2b(polygons.wkb, digest_size=20).digest()
        object.__setattr__(polygons, "_digest", made)  # frozen: a cache, not a field
    return made


def _count_zoom(polygons, zoom):
    key = _digest(polygons)
    if key is not None:
        with _COUNTED_LOCK:
            found = _COUNTED.get((key, zoom))
        if found is not None:
            return found
    counted = sum(final - first + 1 for _, rows in columns(polygons, zoom) for first, final in rows)
    if key is not None:
        with _COUNTED_LOCK:
            if len(_COUNTED) >= COUNTED_KEPT:
                _COUNTED.pop(next(iter(_COUNTED)))  # the oldest
            _COUNTED[(key, zoom)] = counted
    return counted


def count(polygons, zoom_min, zoom_max):
    """{zoom: number of tiles meeting the polygons}, without enumerating the tiles."""
    check_zoom_range(zoom_min, zoom_max)
    return {zoom: _count_zoom(polygons, zoom) for zoom in range(zoom_min, zoom_max + 1)}


def _ring_area(ring):
    """The area inside a ring (shoelace), in square metres."""
    twice = 0.0
    x0, y0 = ring[-1]
    for x, y in ring:
        twice += x0 * y - x * y0
        x0, y0 = x, y
    return abs(twice) / 2


def _polygon_area(polygon):
    return _ring_area(polygon[0]) - sum(_ring_area(hole) for hole in polygon[1:])


def _envelope(ring):
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def largest_area(polygons):
    """The area of the largest polygon, in square metres (parts may overlap: their sum could be more than the
    area they cover)."""
    if polygons.largest is not None:
        return polygons.largest
    return max((_polygon_area(polygon) for polygon in polygons.parts), default=0.0)


PAIRS_WEIGHED = 200_000  # overlapping envelopes weighed at most: past that, the largest polygon is the bound


def covered_at_least(areas, envelopes):
    """An area (m²) polygons of `areas` with `envelopes` (xmin, ymin, xmax, ymax) surely cover together: their sum,
    less what any two may share (Bonferroni: |A ∪ B ∪ …| ≥ Σ|A| − Σ|A ∩ B|), each pair's share being at most the
    overlap of their envelopes and the smaller of the two. Polygons tiling a region (départements, communes) have
    envelopes that overlap little, so this is close to their whole area, where the largest one alone is a
    fraction of it; polygons piled up fall back to the largest one."""
    if not areas:
        return 0.0
    order = sorted(range(len(areas)), key=lambda i: envelopes[i][0])
    shared, pairs = 0.0, 0
    for rank, i in enumerate(order):
        xmin, ymin, xmax, ymax = envelopes[i]
        for j in order[rank + 1:]:
            other = envelopes[j]
            if other[0] >= xmax:
                break  # sorted by west side: no later envelope reaches this one
            pairs += 1
            if pairs > PAIRS_WEIGHED:
                return max(areas)
            width, height = min(xmax, other[2]) - max(xmin, other[0]), min(ymax, other[3]) - max(ymin, other[1])
            if width > 0 and height > 0:
                shared += min(width * height, areas[i], areas[j])
    return max(max(areas), sum(areas) - shared)


def covered_area(polygons):
    """An area (m²) the polygons surely cover together (`covered_at_least`), as GDAL measured it if it did."""
    if polygons.covered is not None:
        return polygons.covered
    return covered_at_least([_polygon_area(polygon) for polygon in polygons.parts],
                            [_envelope(polygon[0]) for polygon in polygons.parts])


def fewest_tiles(area_m2, zoom):
    """A number of tiles that polygons covering `area_m2` surely meet at `zoom`: the tiles met cover them."""
    tile = 2 * ORIGIN / (1 << zoom)
    return max(0, math.floor(area_m2 / (tile * tile) * (1 - 1e-6)))  # never above: rounding errs downwards


def counts_until(polygons, zoom_min, zoom_max, limit, cancelled=None):
    """({zoom: tiles}, total, exact): the tiles meeting the polygons, counted zoom by zoom and only as long as the
    total may stay within `limit`. Once it is surely past `limit` (the zooms counted so far, plus the tiles the area
    the polygons surely cover fills at least at the others: `covered_area`), the counting stops: the zooms counted,
    a total over `limit` the job has at least, and False. So a world-sized polygon, or a country of many polygons, is
    refused at once, where counting its tiles would take minutes. `cancelled()`, asked between zooms:
    True stops too (None is returned)."""
    check_zoom_range(zoom_min, zoom_max)
    area_m2 = covered_area(polygons)
    surely = {zoom: fewest_tiles(area_m2, zoom) for zoom in range(zoom_min, zoom_max + 1)}
    counts = {}
    for zoom in range(zoom_min, zoom_max + 1):
        at_least = sum(counts.values()) + sum(surely[z] for z in range(zoom, zoom_max + 1))
        if at_least > limit:
            return counts, at_least, False
        if cancelled is not None and cancelled():
            return None
        counts[zoom] = _count_zoom(polygons, zoom)
    return counts, sum(counts.values()), True


def total(polygons, zoom_min, zoom_max, limit):
    """(tiles, exact): as `counts_until`, the total only."""
    return counts_until(polygons, zoom_min, zoom_max, limit)[1:]


def count_cost(area, zoom_min, zoom_max):
    """About how much work counting the tiles of a core.areas.Area is (its polygons' points and columns, zoom by
    zoom; a box costs nothing): what tells a count done at once from one to run in the background."""
    if area.polygons is None:
        return 0
    xmin, _, xmax, _ = area.polygons.bounds
    width = (xmax - xmin) / (2 * ORIGIN)
    return sum(area.polygons.vertices + width * (1 << zoom) for zoom in range(zoom_min, zoom_max + 1))


def area_ranges(area, zoom):
    """The TileRanges of a core.areas.Area at `zoom`: its polygons' columns, or its box's one range."""
    if area.polygons is not None:
        return column_ranges(area.polygons, zoom)
    return [tile_range(area.bbox, zoom)]


def area_counts(area, zoom_min, zoom_max):
    """{zoom: tiles} of a core.areas.Area: its polygons' tiles, or its box's."""
    if area.polygons is not None:
        return count(area.polygons, zoom_min, zoom_max)
    return count_tiles(area.bbox, zoom_min, zoom_max)


def area_total(area, zoom_min, zoom_max, limit, layers=1):
    """(tiles, exact) of a core.areas.Area for `layers` layers, as `total`: counted only until surely past `limit`
    (a box's tiles are counted at once, exactly)."""
    if not layers:
        return 0, True
    if area.polygons is not None:
        tiles, exact = total(area.polygons, zoom_min, zoom_max, limit // layers)
    else:
        tiles, exact = sum(count_tiles(area.bbox, zoom_min, zoom_max).values()), True
    return layers * tiles, exact
