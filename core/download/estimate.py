"""What a job will weigh and take: a few real tiles per zoom, fetched and stored nowhere, scaled to the job.

Used by the `estimate_tiles` algorithm; no QGIS here.
"""

import os
import sqlite3
import time
from dataclasses import dataclass

from ..errors import MBTilesError
from ..mbtiles import MBTilesReader
from .engine import Downloader, DownloadOptions, TileRequest


@dataclass
class Sample:
    tiles: int             # tiles fetched
    mean_bytes: float      # per tile of the zoom, empty tiles counting 0
    mean_seconds: float    # per request


def _spread(tile_range, count):
    """Up to `count` distinct tiles spread over a range: centre first, then corners."""
    xs = (tile_range.x_min + tile_range.x_max) // 2, tile_range.x_min, tile_range.x_max
    ys = (tile_range.y_min + tile_range.y_max) // 2, tile_range.y_max, tile_range.y_min
    picks = []
    for xy in zip(xs, ys):
        if xy not in picks:
            picks.append(xy)
    return picks[:count]


def sample_tiles(prepared, ranges, per_zoom=3, options=None, is_cancelled=None):
    """Fetch a few real tiles per zoom (stored nowhere): {zoom: Sample}."""
    options = options or DownloadOptions()
    downloader = Downloader(prepared.source, None, options, credentials=prepared.credentials)
    downloader.limiter.join(options.max_rate)
    samples = {}
    try:
        for tile_range in ranges:
            sizes, seconds = [], []
            for x, y in _spread(tile_range, per_zoom):
                if is_cancelled and is_cancelled():
                    return samples
                start = time.monotonic()
                result = downloader.fetch(TileRequest(tile_range.zoom, x, y))
                if result is not None and result.status == "unreachable":
                    raise downloader.unreachable(result)
                if result is None or result.status not in ("done", "empty"):
                    continue
                seconds.append(time.monotonic() - start)
                sizes.append(len(result.data) if result.status == "done" else 0)
            if sizes:
                samples[tile_range.zoom] = Sample(len(sizes), sum(sizes) / len(sizes), sum(seconds) / len(seconds))
    finally:
        downloader.limiter.leave(options.max_rate)
        downloader.pool.close()
    return samples


def expected_size_and_time(ranges, samples, options, fallback=None):
    """(bytes, seconds) expected for the whole job, from the samples (None where unknown).

    A zoom with no sample weighs `fallback(zoom)` bytes per tile when given (IGN's published averages for vector
    tiles, core.vector.tms.average_tile_bytes), else the sampled zooms' mean.
    """
    if not samples and fallback is None:
        return None, None
    mean = sum(s.mean_bytes for s in samples.values()) / len(samples) if samples else None

    def per_tile(zoom):
        if zoom in samples:
            return samples[zoom].mean_bytes
        return fallback(zoom) if fallback is not None else mean

    size = sum(r.count * per_tile(r.zoom) for r in ranges)
    if not samples:
        return size, None
    latency = sum(s.mean_seconds for s in samples.values()) / len(samples)
    rate = max(1, options.concurrency) / max(latency, 1e-3)
    if options.max_rate:
        rate = min(rate, options.max_rate)
    return size, sum(r.count for r in ranges) / rate


def measured_tile_bytes(paths):
    """The mean size of the tiles the MBTiles `paths` already hold (a layer's file, resumed or extended, weighs
    what it weighed before: a 41.5 kB photograph is no 20 kB typical tile); None when none holds a tile (missing,
    empty, or not an MBTiles file)."""
    size = count = 0
    for path in paths:
        if not path or not os.path.isfile(path):
            continue
        try:
            with MBTilesReader(path) as reader:
                found = reader.connection().execute("SELECT COUNT(*), SUM(LENGTH(tile_data)) FROM tiles").fetchone()
        except (MBTilesError, OSError, sqlite3.DatabaseError):
            continue
        count += found[0] or 0
        size += found[1] or 0
    return size / count if count else None


def weighed_tile_bytes(files):
    """The mean size of a job's tiles to come, `files` being [(MBTiles path, how many tiles go there)]: each
    layer's at the mean its file measured (measured_tile_bytes), the others at a typical tile's; None when no file
    holds a tile yet (the job is then weighed, and said, at a typical tile)."""
    from ..tiles.areas import TYPICAL_TILE_BYTES

    weight, tiles, measured = 0.0, 0, False
    for path, count in files:
        size = measured_tile_bytes([path])
        measured = measured or size is not None
        weight += count * (size or TYPICAL_TILE_BYTES)
        tiles += count
    return weight / tiles if measured and tiles else None
