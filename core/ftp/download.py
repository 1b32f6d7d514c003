"""Download the tiles of one FTP product that intersect an area, then mosaic them in a VRT.

Footprints come from the product's `catalog/` index when it has one. Else
they come from the tile names, whose km numbers are believed to be the
north-west corner: the first tile fetched is checked against its real
georeferencing, which decides the corner and the tile size.
"""

import os
import posixpath
from dataclasses import dataclass, field

from .. import rasters
from ..archives import zip_extract
from ..errors import Cancelled, InputError
from ..messages import Message, plural
from ..storage import free_bytes, human_size
from .client import Fetcher, FtpError, Transfer, is_safe_name
from .footprints import catalog_footprints, corner_and_size
from .products import DEFAULT_EPSG, catalog_parts, catalog_shapefile, describe_coverage, name_footprint, select


@dataclass
class FtpDownloadResult:
    folder: str
    footprints: dict = field(default_factory=dict)   # file name → box, in the product's CRS
    footprint_source: str = ""
    selected: list = field(default_factory=list)     # RemoteTiles intersecting the area
    downloaded: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    failed: dict = field(default_factory=dict)
    bytes: int = 0
    rasters: list = field(default_factory=list)
    vrt: str = None
    cancelled: bool = False


def local_folder(output_folder, listing):
    if not is_safe_name(listing.folder_name):
        raise FtpError("The product folder name '{}' cannot be used as a local folder name.",
            listing.folder_name)
    return os.path.join(output_folder, listing.folder_name)


def local_path(folder, listing, tile):
    """Where a tile goes: the same path below the local product folder as on the server."""
    relative = posixpath.relpath(tile.remote_path, listing.path)
    return os.path.join(folder, *relative.split("/"))


def download_product(server, listing, bbox, output_folder, connections=2, progress=None, is_cancelled=None,
                     log=None):
    """Fetch the tiles of `listing` overlapping `bbox` (in the product's CRS) into `output_folder`.

    progress(done_bytes, total_bytes); returns an FtpDownloadResult (its
    `cancelled` set if the user stopped it: .part files stay to resume).
    """
    log = log or (lambda message: None)
    is_cancelled = is_cancelled or (lambda: False)
    epsg = listing.epsg or DEFAULT_EPSG
    result = FtpDownloadResult(folder=local_folder(output_folder, listing))
    if not listing.tiles:
        raise FtpError("{} has no tile in its data folder ({} other files): choose another product.",
            listing.path, listing.ignored)
    for name in listing.unsafe:
        log(Message("refused the remote name {!r}: it holds a path separator or '..'", name))
    fetcher = Fetcher(server, connections)
    try:
        result.footprints, result.footprint_source = _catalog_footprints(fetcher, listing, result.folder, epsg,
                                                                         is_cancelled, log)
        if not result.footprints:
            result.footprints, result.footprint_source = _name_footprints(fetcher, listing, result, bbox,
                                                                          is_cancelled, log)
        result.selected = select(listing.tiles, result.footprints, bbox)
        log(Message("footprints from {}", result.footprint_source))
        if not result.selected:
            raise FtpError("No tile of {} intersects the area. The product covers {}. Choose an area there, or "
                           "another product.", listing.folder_name,
                                                     describe_coverage(listing, result.footprints))
        transfers = [Transfer(t.remote_path, local_path(result.folder, listing, t), t.size) for t in result.selected]
        _check_space(transfers, result.folder, listing.kind == "zip")
        log(plural(len(transfers), "{:,} tile intersects the area, {}", "{:,} tiles intersect the area, {}",
                   len(transfers), human_size(sum(t.size or 0 for t in transfers))))
        stats = fetcher.run(transfers, progress, is_cancelled, log)
    except Cancelled:
        result.cancelled = True
        return result
    result.downloaded += stats.downloaded
    result.skipped += [path for path in stats.skipped if path not in result.downloaded]  # the probe
    result.failed.update(stats.failed)
    result.bytes += stats.bytes
    result.cancelled = stats.cancelled
    if result.cancelled:
        return result
    if listing.kind == "zip":
        _extract_all(listing, result, log)
    result.rasters = rasters.rasters_in(os.path.join(result.folder, _data_folder(listing)))
    _check_georeferencing(listing, result, log)
    if result.rasters:
        vrt = os.path.join(result.folder, listing.folder_name + ".vrt")
        result.vrt = rasters.build_vrt(vrt, result.rasters, epsg)
    return result


def _data_folder(listing):
    return posixpath.relpath(listing.tiles[0].remote_path, listing.path).split("/")[0]


def _catalog_footprints(fetcher, listing, folder, epsg, is_cancelled, log):
    shp = catalog_shapefile(listing)
    if shp is None:
        return {}, ""
    parts = catalog_parts(listing, shp)
    stats = fetcher.run([Transfer(p, os.path.join(folder, "catalog", posixpath.basename(p))) for p in parts],
                        is_cancelled=is_cancelled)
    if stats.cancelled:
        raise Cancelled()
    if stats.failed:
        log(Message("the index {} could not be fetched ({}): using the tile names",
            shp, "; ".join(stats.failed.values())))
        return {}, ""
    try:
        found, attribute = catalog_footprints(os.path.join(folder, "catalog", posixpath.basename(shp)),
                                                      [t.file_name for t in listing.tiles], epsg)
    except Exception as exc:  # a broken index must not stop the download: the names still work
        log(Message("the index {} cannot be used ({}): using the tile names", posixpath.basename(shp), exc))
        return {}, ""
    if not found:
        log(Message("the index {} names none of the tiles: using the tile names", posixpath.basename(shp)))
        return {}, ""
    missing = [t for t in listing.tiles if t.file_name not in found]
    if missing:
        log(plural(len(missing), "{:,} tile is not in the index: placed from its name",
                   "{:,} tiles are not in the index: placed from their names", len(missing)))
        found.update({t.file_name: name_footprint(t) for t in missing})
    return found, Message("the index {} (attribute '{}')", posixpath.basename(shp), attribute)


def _name_footprints(fetcher, listing, result, bbox, is_cancelled, log):
    """Footprints from the names, with the corner and size checked on one real tile."""
    by_corner = {corner: {t.file_name: name_footprint(t, corner) for t in listing.tiles} for corner in ("nw", "sw")}
    chosen = {corner: select(listing.tiles, boxes, bbox) for corner, boxes in by_corner.items()}
    both = [t for t in chosen["nw"] if t in chosen["sw"]]
    probe = (both or chosen["nw"] or chosen["sw"] or [None])[0]
    if probe is None:
        return by_corner["nw"], "the tile names (north-west corner)"
    path = local_path(result.folder, listing, probe)
    stats = fetcher.run([Transfer(probe.remote_path, path, probe.size)], is_cancelled=is_cancelled)
    if stats.cancelled:
        raise Cancelled()
    if stats.failed:
        raise FtpError("{} could not be fetched: {}", probe.remote_path, stats.failed[probe.remote_path])
    result.downloaded += stats.downloaded
    result.bytes += stats.bytes
    try:
        raster = _first_raster(path, listing, result.folder)
        corner, size = corner_and_size(probe.name, rasters.raster_bounds(raster))
    except Exception as exc:  # unreadable tile: say so, keep the documented convention
        log(Message("cannot read the georeferencing of {} ({})", probe.file_name, exc))
        corner, size = None, None
    if corner is None:
        log(Message("the georeferencing of {} does not match its name: tiles are placed from their names, "
            "north-west corner, 1 km", probe.file_name))
        return by_corner["nw"], "the tile names (north-west corner, not confirmed)"
    footprints = {t.file_name: name_footprint(t, corner, size) for t in listing.tiles}
    if not any(t.file_name == probe.file_name for t in select([probe], footprints, bbox)):
        _discard(path, result)  # fetched on the wrong guess: it does not touch the area
    return footprints, Message("the tile names ({} corner, {:g} m tiles, as {} is georeferenced)",
        "north-west" if corner == "nw" else "south-west", size, probe.file_name)


def _discard(path, result):
    os.remove(path)
    if path in result.downloaded:
        result.downloaded.remove(path)


def _first_raster(path, listing, folder):
    if not path.lower().endswith(".zip"):
        return path
    extracted = zip_extract.extract(path, _extract_folder(path))
    found = [p for p in extracted if p.lower().endswith(rasters.RASTER_EXTENSIONS)]
    if not found:
        raise FtpError("{} holds no raster", os.path.basename(path))
    return found[0]


def _extract_folder(zip_path):
    """MNS packages are extracted next to themselves, in a folder named after them."""
    return os.path.splitext(zip_path)[0]


def _extract_all(listing, result, log):
    for path in result.downloaded + result.skipped:
        if not path.lower().endswith(".zip") or not os.path.isfile(path):
            continue
        try:
            zip_extract.extract(path, _extract_folder(path))
        except zip_extract.ArchiveError as exc:
            result.failed[path] = exc.message
            log(exc.message)


def _check_georeferencing(listing, result, log):
    """Warn when a tile's real position disagrees with the footprint it was selected by."""
    for tile in result.selected:
        path = local_path(result.folder, listing, tile)
        raster = next((r for r in result.rasters if r == path or r.startswith(_extract_folder(path) + os.sep)), None)
        if raster is None:
            continue
        try:
            bounds = rasters.raster_bounds(raster)
        except Exception:
            return
        expected = result.footprints[tile.file_name]
        if max(abs(a - b) for a, b in zip(bounds, expected)) > 1.0:
            log(Message("warning: {} is georeferenced at {} but its footprint says {}",
                tile.file_name, _box(bounds), _box(expected)))
        return  # one tile tells whether the footprints are right


def _box(box):
    return "({:.0f}, {:.0f}, {:.0f}, {:.0f})".format(*box)


def _check_space(transfers, folder, zipped):
    os.makedirs(folder, exist_ok=True)
    needed = 0
    for transfer in transfers:
        have = os.path.getsize(transfer.local_path) if os.path.isfile(transfer.local_path) else 0
        if have != transfer.size:
            needed += (transfer.size or 0) * (2 if zipped else 1)  # ZIPs are extracted next to themselves
    free = free_bytes(folder)
    if needed > free:
        raise InputError("The tiles need {} but {} has {} free: free some space or choose another "
                         "OUTPUT_FOLDER.", human_size(needed), folder, human_size(free))
