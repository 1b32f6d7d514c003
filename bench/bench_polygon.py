"""Polygon coverage at Occitanie size: tiles enumerated per second, and memory that does not grow with zoom.

An outline the size of Occitanie (about 5° by 3°, 3,000 vertices with concave
wiggles, densified to ~50,000) is enumerated at zoom 8-14 and at zoom 8-16 in
fresh processes. Bound: GEOS deciding tile by tile whether each tile of the
bounding box meets the outline (what a naive implementation does), timed on
zoom 11 and scaled per tile.
"""

import os
import subprocess
import sys
import time

from tests.support.polygon_files import region_outline as outline

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

JOB = """
import sys, time
sys.path.insert(0, {root!r})
from tests.support.polygon_files import region_outline as outline
from core.tiles import coverage, polygons
polys = polygons.from_geojson(outline())
start = time.perf_counter()
tiles = sum(r.count for z in range({zmin}, {zmax} + 1) for r in coverage.column_ranges(polys, z))
elapsed = time.perf_counter() - start
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0].split()[1]
print(tiles, elapsed, peak)
"""


def run(zmin, zmax):
    done = subprocess.run([sys.executable, "-c", JOB.format(root=ROOT, zmin=zmin, zmax=zmax)],
                          capture_output=True, text=True, check=True)
    tiles, seconds, kilobytes = done.stdout.split()
    return int(tiles), float(seconds), int(kilobytes) / 1024


def geos_rate(zoom=11):
    """Tiles per second GEOS decides one by one (the bound a per-tile implementation cannot beat)."""
    import mercantile
    from osgeo import ogr

    from core.tiles import polygons

    shape = ogr.CreateGeometryFromJson(__import__("json").dumps(outline()))
    west, south, east, north = polygons.lonlat_bounds(polygons.from_geojson(outline()))
    start = time.perf_counter()
    count = 0
    for tile in mercantile.tiles(west, south, east, north, zoom):
        box = mercantile.bounds(tile)
        square = ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
            box.west, box.south, box.east, box.north))
        shape.Intersects(square)
        count += 1
    return count / (time.perf_counter() - start)


def main():
    small = run(8, 14)
    large = run(8, 16)
    bound = geos_rate()
    rate = large[0] / large[1]
    print("polygon coverage, Occitanie-sized outline z8-16: {:,} tiles in {:.2f} s, {:,.0f} tiles/s; bound (GEOS "
          "tile by tile) {:,.0f} tiles/s; ratio {:,.0f}".format(large[0], large[1], rate, bound, rate / bound))
    print("polygon coverage memory: z8-14 ({:,} tiles) peak RSS {:.0f} MB; z8-16 ({:,} tiles) peak RSS {:.0f} MB; "
          "ratio {:.2f} for {:.0f}x the tiles".format(small[0], small[2], large[0], large[2], large[2] / small[2],
                                                     large[0] / small[0]))


if __name__ == "__main__":
    main()
