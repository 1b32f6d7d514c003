"""A whole WMTS/XYZ/TMS-vector → MBTiles job: check the output, the tile ranges, the usage policy, download, describe.

The source is prepared by core.sources.prepare; shared by the `download_tiles`, `make_project_offline`
algorithms and the plans; no QGIS here.
"""

import os

from .. import mbtiles, storage
from ..errors import IgnOfflineError, InputError, MBTilesError
from ..http import redact
from ..messages import Message, plural
from ..sources import policies, wmts
from ..tiles import coverage
from ..tiles import grid as tiles
from ..vector import mvt
from .engine import Downloader, DownloadFailed, DownloadOptions, HostUnreachable


def clamp_zooms(prepared, zoom_min, zoom_max):
    """The requested zooms the layer has; (zoom_min, zoom_max, note or None)."""
    tiles.check_zoom_range(zoom_min, zoom_max)
    available = [z for z in prepared.zooms if zoom_min <= z <= zoom_max]
    if not available:
        raise InputError("Layer '{}' has zoom levels {}-{} only; you asked {}-{}.",
            prepared.layer, prepared.zooms[0], prepared.zooms[-1], zoom_min, zoom_max)
    low, high = available[0], available[-1]
    note = None
    if (low, high) != (zoom_min, zoom_max):
        note = Message("Layer '{}' has zoom levels {}-{}: downloading {}-{} instead of {}-{}.",
            prepared.layer, prepared.zooms[0], prepared.zooms[-1], low, high, zoom_min, zoom_max)
    return low, high, note


def clipped_ranges(prepared, area, zoom_min, zoom_max):
    """The area's tile ranges (its box, or its polygons' columns), clipped to the layer's TileMatrixLimits;
    (ranges, tiles outside)."""
    tiles.check_zoom_range(zoom_min, zoom_max)
    ranges, outside = [], 0
    for tile_range in (r for zoom in range(zoom_min, zoom_max + 1) for r in coverage.area_ranges(area, zoom)):
        clipped = wmts.clip_to_limits(tile_range, prepared.limits.get(tile_range.zoom))
        outside += tile_range.count - (clipped.count if clipped else 0)
        if clipped is not None:
            ranges.append(clipped)
    return ranges, outside


def check_output(path, prepared):
    """Refuse an output that holds something else; never touches it. Returns the file's state."""
    if not path:
        raise InputError("Give the OUTPUT .mbtiles file.")
    state = mbtiles.inspect(path)
    if state == "ours":
        with mbtiles.MBTilesReader(path) as reader:
            existing = reader.metadata()
        mine = prepared.identity()
        if any(existing.get(k) != v for k, v in mine.items()):
            raise MBTilesError(
                "'{}' already holds {} ({}) from {}: it is left untouched. Choose another output file to "
                "download {} from {}.",
                    path, existing.get("ign_offline:layer", "other tiles"), existing.get("ign_offline:style", "?"),
                    existing.get("ign_offline:source", "another source"), prepared.layer, prepared.public_url)
    return state


def metadata_for(prepared, area, zoom_min, zoom_max):
    """MBTiles 1.3 metadata; a vector source's also has `json` (its vector layers) and bounds within its own."""
    values = mbtiles.build_metadata(
        prepared.title, prepared.format, _within(area.bbox, prepared.bounds), zoom_min, zoom_max,
        attribution=prepared.attribution, description=prepared.title, vector_layers=prepared.vector_layers)
    values.update(prepared.identity())
    return values


def _within(bbox, bounds):
    """`bbox` clipped to a layer's `bounds` (lon/lat); `bbox` itself when the layer gives none or they miss."""
    if not bounds:
        return bbox
    clipped = (max(bbox[0], bounds[0]), max(bbox[1], bounds[1]), min(bbox[2], bounds[2]), min(bbox[3], bounds[3]))
    return clipped if clipped[0] < clipped[2] and clipped[1] < clipped[3] else bbox


def apply_policy(prepared, ranges, options, log=None):
    """Refuse a job the usage policy forbids, of the SOURCE's server and of the one serving the tiles (the
    capabilities may place them elsewhere); keep the pace within both ceilings (before any tile request)."""
    urls = [prepared.public_url]
    if policies.policy_for(prepared.sample_tile_url()) is not policies.policy_for(prepared.public_url):
        urls.append(prepared.sample_tile_url())
    for url in urls:
        policies.check_job(url, sum(r.count for r in ranges), max((r.zoom for r in ranges), default=0))
        options.concurrency, options.max_rate, note = policies.effective_pace(
            url, options.concurrency, options.max_rate)
        if note and log:
            log(note)


def download_to_mbtiles(prepared, area, zoom_min, zoom_max, output, options=None, progress=None,
                        is_cancelled=None, log=None, ranges=None, total=None):
    """Download the area into `output` (created, resumed or extended); returns DownloadStats.

    `ranges` (already clipped to the layer) replaces the area's own, e.g. a plan's
    union of areas per zoom; `area` then only gives the file's bounds. `total`:
    the tiles that are this job's when options.tile_filter keeps only some.
    Raises DownloadFailed when the host cannot be reached or every tile
    requested failed; a file this call created is then removed if it holds no tile.
    """
    # The file is this run's until it ends: a second run on it (any layer, any process) is refused here, before
    # its identity is read, so the identity check and the metadata write below cannot interleave with another's.
    if not output:
        raise InputError("Give the OUTPUT .mbtiles file.")
    with storage.output_lock(output, Message("a download of {} from {}", prepared.layer, prepared.public_url)):
        return _download_locked(prepared, area, zoom_min, zoom_max, output, options, progress, is_cancelled, log,
                                ranges, total)


def _download_locked(prepared, area, zoom_min, zoom_max, output, options, progress, is_cancelled, log, ranges,
                     total):
    log = log or (lambda message: None)
    _take_stored_format(output, prepared)
    state = check_output(output, prepared)
    outside = 0
    if ranges is None:
        ranges, outside = clipped_ranges(prepared, area, zoom_min, zoom_max)
    options = options or DownloadOptions()
    apply_policy(prepared, ranges, options, log)
    for note in prepared.notes:
        log(note)
    if outside:
        log(Message("{:,} tiles lie outside the layer's coverage (TileMatrixLimits): not requested.", outside))
    try:
        with mbtiles.MBTilesWriter(output) as store:
            previous = store.metadata()
            metadata = metadata_for(prepared, area, zoom_min, zoom_max)
            if previous.get("bounds"):  # extending a file: the bounds grow to cover both areas
                metadata["bounds"] = mbtiles.union_bounds(previous["bounds"], metadata["bounds"])
            store.update_metadata(metadata)
            downloader = Downloader(prepared.source, store, options, log, prepared.credentials)
            downloader.on_format = lambda mime: _found_format(prepared, store, mime)
            stats = downloader.run(ranges, progress, is_cancelled, total)
            if stats.cancelled:
                store.cut_short()  # stopped midway: no agg_tiles_hash until a run completes
            if prepared.vector_layers == [] and stats.downloaded:
                store.update_metadata({"json": mbtiles.vector_json(mvt.layers_in_store(store))})
            stats.empty += outside
            stats.total += outside
        requested = stats.downloaded + stats.not_modified + stats.empty - outside + stats.failed
        if stats.failed and stats.failed == requested and not stats.cancelled:
            reasons = "; ".join(Message("{:,} × {}", n, e) for e, n in stats.errors.most_common(3))
            raise DownloadFailed(redact(
                Message("Every tile requested failed ({:,} of {:,}: {}). Nothing new was stored; check the source, "
                        "then run again.", stats.failed, requested, reasons), prepared.credentials))
    except HostUnreachable as exc:
        if state in ("missing", "empty"):
            mbtiles.remove_if_no_tiles(output)
        raise HostUnreachable(Message("{} {}", exc.message, what_is_kept(output))) from None
    except DownloadFailed:
        if state in ("missing", "empty"):
            mbtiles.remove_if_no_tiles(output)
        raise
    return stats


def kept_tiles(output):
    """The tiles `output` holds (0 when there is no file: removed, it held none; or none readable)."""
    try:
        with mbtiles.MBTilesReader(output) as reader:
            return sum(reader.count_by_zoom().values())
    except (OSError, IgnOfflineError):
        return 0


def what_is_kept(output):
    """The end of a failed download's message, true of the file: the tiles it holds are kept (an earlier run's, or
    this one's before the host went away), or nothing was stored."""
    kept = kept_tiles(output)
    if not kept:
        return Message("Nothing was stored.")
    return plural(kept, "{} keeps the {:,} tile it holds: run again to resume.",
                  "{} keeps the {:,} tiles it holds: run again to resume.", os.path.basename(output), kept)


def _take_stored_format(path, prepared):
    """A source whose format comes from the server resumes a file with the format its tiles have."""
    if not getattr(prepared.source, "format_from_server", False) or mbtiles.inspect(path) != "ours":
        return
    with mbtiles.MBTilesReader(path) as reader:
        stored = reader.metadata().get("ign_offline:format") if any(reader.count_by_zoom().values()) else None
    if stored:
        prepared.format = prepared.source.format = stored
        prepared.source.format_from_server = False


def _found_format(prepared, store, mime):
    """The first tile fixed the format: the file says so before that tile is stored."""
    prepared.format = prepared.source.format = mime
    store.update_metadata({"format": mbtiles.format_from_mime(mime), "ign_offline:format": mime})
