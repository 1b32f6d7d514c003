"""Counting tiles without enumerating, against enumerating them.

Bound: enumerating the tiles of the same box with mercantile.tiles (what a
naive count does). Occitanie at zoom 8-16: the count must not depend on size.
"""

import time

import mercantile

from core.tiles import grid as tiles

OCCITANIE = (-0.33, 42.33, 4.85, 45.05)


def main():
    start = time.perf_counter()
    counts = tiles.count_tiles(OCCITANIE, 8, 16)
    counted = time.perf_counter() - start
    start = time.perf_counter()
    enumerated = sum(1 for _ in mercantile.tiles(*OCCITANIE, zooms=range(8, 17)))
    listed = time.perf_counter() - start
    assert enumerated == sum(counts.values())
    print("tile count, Occitanie z8-16 ({:,} tiles): count {:.2f} ms, enumeration {:.0f} ms; speed-up x{:,.0f}".format(
        enumerated, counted * 1e3, listed * 1e3, listed / counted))
