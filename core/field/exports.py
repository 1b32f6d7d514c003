"""Tiles for field apps: MBTiles, OsmAnd/Locus SQLiteDB and GeoPackage, bytes copied, never re-encoded.

- `mbtiles`: a plain MBTiles 1.3 — a real `tiles` table (some phone readers
  fail on a view or on WITHOUT ROWID tables), complete metadata;
- `osmand`: the SQLiteDB of OsmAnd and Locus (RMaps/BigPlanet): `tiles(x, y,
  z, s, image)` and `info`, zooms numbered z = 17 − zoom as OsmAnd documents
  for "BigPlanet" (plain zooms when a file goes beyond zoom 17), rows from the top;
- `gpkg`: GeoPackage tiles on the Web Mercator tile matrix set (EPSG:3857),
  rows from the top, readable by GDAL, QGIS and QField;
- `pmtiles`: one PMTiles v3 archive for a web (MapLibre, Leaflet) page, written
  by the maintained `pmtiles` package (imported only when asked for);
- `geotiff`: a tiled GeoTIFF, JPEG-compressed, rendered by GDAL from the tiles
  (Avenza Maps opens GeoTIFF, not MBTiles): re-encoded, the only such format.

TARGETS (core.field.formats) name the field apps: each says which formats it opens (its first by
default), the size cap per file it suggests and where its files go
(`<library>/exports/<target>/`, named by `default_output`).

A subset (zooms, area ranges) can be taken, and the output split into files
under a size cap (FAT32 stops at 4 GB, several apps at about 2 GB); each part
is complete, with its own metadata and bounds, named `<stem>_<n>_z<min>-<max>`.
Rasters (the FTP orthophotos' VRT) are written with GDAL instead, re-encoded:
a Cloud-Optimized GeoTIFF, or MBTiles/GeoPackage tiles.
"""

import contextlib
import errno
import math
import os
import sqlite3
from dataclasses import dataclass

import mercantile

from .. import mbtiles, storage
from ..errors import Cancelled, IgnOfflineError, InputError, MBTilesError
from ..messages import Message, Size, os_reason
from ..tiles.grid import flip_y
from ..vector.mvt import is_vector
from .formats import (
    EXPORT_FORMATS,
    FORMATS,
    RASTER_FORMATS,
    VECTOR_FORMATS,
    export_format,
    part_path,
)
from .identity import RENDERED, attribution
from .writers import (
    PAGE,
    VECTOR,
    Bounds,
)

FIXED_BYTES = 96 * 1024  # schema, metadata and index pages of a part, counted against the cap


class DiskFull(IgnOfflineError):
    """The disk an export writes to filled up: the export stopped, its temporary files are removed, nothing is
    left under the output's name (an earlier file there is kept) and the input was only read."""


def disk_full(output):
    """The DiskFull of an export to `output`: the OUTPUT's folder is named, never the input (which is sound)."""
    return DiskFull("The disk holding '{}' is full: the export to '{}' stopped and its partial file was removed; "
                    "the input is untouched. Free some space, or choose an output on another disk, then run again.",
                    os.path.dirname(os.path.abspath(output)), os.path.basename(output))


@contextlib.contextmanager
def _writing(output):
    """Errors of the file being written said as such (a full disk as a full disk): an SQLite error must not reach
    the reading's read_guard, which would call the sound input damaged."""
    try:
        yield
    except WRITE_ERRORS as exc:
        _write_failed(output, exc)


WRITE_ERRORS = (sqlite3.Error, OSError)


def _write_failed(output, exc):
    """Raise the error of `output` failing to be written with `exc` (_writing's, where a `with` per tile costs)."""
    if mbtiles.is_disk_full(exc) or getattr(exc, "errno", None) == getattr(errno, "EDQUOT", errno.ENOSPC):
        raise disk_full(output) from None
    reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
    raise IgnOfflineError("'{}' cannot be written ({}): choose another folder, then run again.", output,
                          reason) from None


# What a server may put where a layer's attribution belongs: its software's authors, not whom the data is from. IGN's
def tile_cost(size):
    """Bytes a tile of `size` takes in an SQLite file of 4 kB pages (its overflow pages and index entry)."""
    return math.ceil((size + 64) / (PAGE - 8)) * PAGE + 48


@dataclass
class Part:
    path: str
    tiles: int
    zoom_min: int
    zoom_max: int


def _tiles(reader, zoom_min, zoom_max, ranges, ordered=True):
    """(zoom, x, y, data) of the source, zoom by zoom, west to east, within `ranges` when given; in the file's own
    order when not `ordered` (a PMTiles sorts its directory itself: no sort of every tile's bytes by SQLite)."""
    db = reader.connection()
    order = " ORDER BY zoom_level, tile_column, tile_row DESC" if ordered else ""
    if ranges is None:
        for z, x, row, data in db.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles WHERE zoom_level BETWEEN ? AND ?"
                + order, (zoom_min, zoom_max)):
            yield z, x, flip_y(z, row), bytes(data)
        return
    order = " ORDER BY tile_column, tile_row DESC" if ordered else ""
    for r in sorted(ranges, key=lambda item: (item.zoom, item.x_min, item.y_min)):
        if not zoom_min <= r.zoom <= zoom_max:
            continue
        for z, x, row, data in db.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? AND "
                "tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?" + order,
                (r.zoom, r.x_min, r.x_max, flip_y(r.zoom, r.y_max), flip_y(r.zoom, r.y_min))):
            yield z, x, flip_y(z, row), bytes(data)


def _survey(reader, zoom_min, zoom_max, ranges):
    """(tiles, bytes of their images, largest tile, highest zoom) of the subset."""
    db = reader.connection()
    figures = "COUNT(*), COALESCE(SUM(LENGTH(tile_data)), 0), COALESCE(MAX(LENGTH(tile_data)), 0), MAX(zoom_level)"
    if ranges is None:
        return db.execute("SELECT {} FROM tiles WHERE zoom_level BETWEEN ? AND ?".format(figures),
                          (zoom_min, zoom_max)).fetchone()
    count = total = largest = 0
    highest = None
    for r in ranges:
        if zoom_min <= r.zoom <= zoom_max:
            n, size, big, _ = db.execute(
                "SELECT {} FROM tiles WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? "
                "AND ?".format(figures),
                (r.zoom, r.x_min, r.x_max, flip_y(r.zoom, r.y_max), flip_y(r.zoom, r.y_min))).fetchone()
            count, total, largest = count + n, total + size, max(largest, big)
            if n:
                highest = max(highest or 0, r.zoom)
    return count, total, largest, highest


def zoom_span(source):
    """(lowest, highest) zoom the MBTiles holds tiles at, or None when it holds none."""
    with mbtiles.MBTilesReader(source) as reader:
        low, high = reader.connection().execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
    return None if low is None else (low, high)


def expected_size(source, zoom_min, zoom_max, ranges=None):
    """(tiles, Size) the export of this subset is expected to write, before anything is: the tiles' bytes, their
    SQLite pages and index entries, and the file's tables. An estimate: PMTiles files are
    smaller, a GeoTIFF's JPEG may differ. (The size cap counts the worst case instead: tile_cost, FIXED_BYTES.)"""
    with mbtiles.read_guard(source), mbtiles.MBTilesReader(source) as reader:
        count, total, _, _ = _survey(reader, zoom_min, zoom_max, ranges)
    if not count:
        return 0, Size(0)
    # Tiles larger than a page end in a page of their own (half empty on average); small ones share pages.
    waste = PAGE // 2 if total / count > PAGE else 64
    return count, Size(total + count * (waste + 48) + 8 * PAGE)


def ranges_bbox(ranges):
    """The lon/lat box (west, south, east, north) of XYZ TileRanges."""
    boxes = [(mercantile.bounds(r.x_min, r.y_max, r.zoom), mercantile.bounds(r.x_max, r.y_min, r.zoom))
             for r in ranges]
    return (min(a.west for a, _ in boxes), min(a.south for a, _ in boxes), max(b.east for _, b in boxes),
            max(b.north for _, b in boxes))


def within(box, extent):
    """The part's tile bounds, no wider than the source's own bounds (what it was made for)."""
    if not extent:
        return box
    clipped = (max(box[0], extent[0]), max(box[1], extent[1]), min(box[2], extent[2]), min(box[3], extent[3]))
    return clipped if clipped[0] < clipped[2] and clipped[1] < clipped[3] else box


def check(source, kind, zoom_min, zoom_max, ranges, max_file_mb, thorough=True):
    """Refuse, before anything is written, what cannot be exported; returns (tiles, highest zoom, tile format).

    A damaged source is refused here, by name, after a check of every page (`thorough`: one read of the whole
    file, done once by `export`; a parameter check passes False): not halfway through the copy.
    """
    if kind not in FORMATS:
        raise InputError("Unknown FORMAT '{}': use one of {}.", kind, ", ".join(FORMATS))
    mbtiles.check_readable(source, thorough=thorough)
    with mbtiles.read_guard(source), mbtiles.MBTilesReader(source) as reader:
        count, _, largest, highest = _survey(reader, zoom_min, zoom_max, ranges)
        tile_format = tile_format_of(source, reader)
    if tile_format == VECTOR and kind not in VECTOR_FORMATS:
        raise InputError("'{}' holds vector tiles: FORMAT {} holds pictures. Export it as {} (copied as they are), "
                         "or choose the TARGET of a raster-only app so that QGIS renders the styled layer first.",
                         source, kind, " or ".join(VECTOR_FORMATS))
    if not count:
        if ranges is not None:
            raise InputError("The subset holds no tile (zooms {}-{}, area): widen it.", zoom_min, zoom_max)
        raise InputError("The subset holds no tile (zooms {}-{}): widen it.", zoom_min, zoom_max)
    if max_file_mb and tile_cost(largest) + FIXED_BYTES > max_file_mb * 1e6:
        raise InputError("MAX_FILE_MB {:g} is smaller than one file of one tile: the largest tile takes {:.2f} MB "
                         "with the file's own tables; give at least {:.1f}.",
                         max_file_mb, largest / 1e6, (tile_cost(largest) + FIXED_BYTES) / 1e6 + 0.05)
    return count, highest, tile_format


SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"), (b"RIFF", "webp"))


def tile_format_of(source, reader):
    """The format the tiles are in: the metadata's when it names one, else read from a tile's first bytes
    (files of other tools may say nothing, or 'image/png'); 'pbf' for vector tiles."""
    if is_vector(reader.metadata()):
        return VECTOR
    try:
        return mbtiles.format_from_mime(reader.metadata().get("format"))
    except MBTilesError:
        pass
    row = reader.connection().execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
    head = bytes(row[0][:12]) if row and row[0] is not None else b""
    for signature, name in SIGNATURES:
        if head.startswith(signature) and (name != "webp" or head[8:12] == b"WEBP"):
            return name
    raise InputError("'{}' holds tiles that are neither PNG, JPEG nor WebP (metadata format '{}'): only raster "
                     "tiles can be exported.", source, reader.metadata().get("format", ""))


def source_bounds(metadata):
    """The source's `bounds` as four numbers, or None when missing or not four numbers (files of other tools)."""
    try:
        extent = [float(v) for v in metadata.get("bounds", "").split(",")]
    except ValueError:
        return None
    return extent if len(extent) == 4 else None


# Files SQLite and GDAL write beside the one they make (journals, sidecars, the COG driver's temporary files).
SIDE_FILES = ("", "-journal", "-wal", "-shm", ".aux.xml", ".ovr", ".msk", ".ovr.tmp", ".tile.tmp")


def _remove(paths):
    """Delete what a failed export wrote (its temporary parts and their side files)."""
    for path in paths:
        for suffix in SIDE_FILES:
            with contextlib.suppress(OSError):
                os.remove(path + suffix)


def _temporary(final):
    """The name a file is written under until complete, beside it: `plan.tif.part.tif` (the extension kept, so
    that GDAL's drivers know it)."""
    return final + ".part" + os.path.splitext(final)[1]


def export(source, output, kind, zoom_min=0, zoom_max=22, ranges=None, max_file_mb=None, progress=None,
           is_cancelled=None):
    """Copy the tiles of `source` (an MBTiles) into `output` in format `kind`; [Part] written.

    Parts are written under temporary names and named only when all are complete: a failure (the source
    found damaged on the way, a full disk: DiskFull, naming the output's folder) or a cancel (then [] is
    returned) leaves nothing but what existed before. OUTPUT = INPUT (any spelling, symlink, hard link) is
    refused before a byte is written, and the output is this run's alone (core.storage.output_lock) until it ends.
    """
    storage.refuse_output_among_inputs(output, [source])
    with storage.output_lock(output, Message("an export to {}", kind)):
        if export_format(kind).render_driver:
            return _export_rendered(source, output, kind, zoom_min, zoom_max, ranges, max_file_mb, progress,
                                    is_cancelled)
        return _export(source, output, kind, zoom_min, zoom_max, ranges, max_file_mb, progress, is_cancelled)


def _export_rendered(source, output, kind, zoom_min, zoom_max, ranges, max_file_mb, progress, is_cancelled):
    """The subset copied as MBTiles (split as asked), each part then rendered by GDAL into `kind` under a temporary
    name beside it; all are named when all are rendered, so a failure or a cancel leaves none."""
    staged = output + ".tiles" + EXPORT_FORMATS[0].extension
    try:
        parts = _export(source, staged, "mbtiles", zoom_min, zoom_max, ranges, max_file_mb,
                        progress and (lambda f: progress(f / 2)), is_cancelled)
    except DiskFull:
        raise disk_full(output) from None  # the staged copy is an inner step: the user named `output`
    copies = [part.path for part in parts]
    finals = [output] if len(parts) == 1 else [part_path(output, number, part.zoom_min, part.zoom_max, kind)
                                               for number, part in enumerate(parts, 1)]
    rendered = []
    try:
        for number, (part, final) in enumerate(zip(parts, finals), 1):
            if is_cancelled and is_cancelled():
                return []
            storage.refuse_output_among_inputs(final, [source], "The part")
            temporary = _temporary(final)
            storage.refuse_output_among_inputs(temporary, [source], "The temporary part")
            _remove([temporary])  # a killed run's
            rendered.append(temporary)
            _render(part.path, temporary, final, export_format(kind).render_driver,
                    progress and (lambda f, n=number: progress(0.5 + (n - 1 + f) / len(parts) / 2)))
            _remove([part.path])
        _name(list(zip(rendered, finals)))
        for part, final in zip(parts, finals):
            part.path = final
        rendered = []
        return parts
    finally:
        _remove(copies + rendered)


def _render(source, temporary, output, driver, progress):
    """An MBTiles as a tiled, JPEG-compressed raster of its highest zoom, with the lower zooms as overviews, written
    into `temporary` for `output` (_gdal_written)."""
    from osgeo import gdal

    dataset = gdal.OpenEx(source, gdal.OF_RASTER | gdal.OF_READONLY)
    if dataset is None:
        raise InputError("GDAL cannot open '{}' as a raster.", source)
    bands = [1, 2, 3] if dataset.RasterCount >= 3 else [1]  # JPEG takes no alpha band
    options = ["TILED=YES", "COMPRESS=JPEG", "JPEG_QUALITY=85", "BIGTIFF=IF_SAFER"]
    if len(bands) == 3:
        options.append("PHOTOMETRIC=YCBCR")

    def write():
        result = gdal.Translate(temporary, dataset, format=driver, bandList=bands, creationOptions=options,
                                callback=lambda fraction, *rest: (progress and progress(fraction)) or 1)
        if result is None:
            return False
        # Overviews (the lower zooms' resolutions) built on the file written, down to about one tile: a band list
        # hides the source's own from gdal_translate.
        factors, side = [], max(result.RasterXSize, result.RasterYSize)
        while side // 2 ** len(factors) > 256:
            factors.append(2 ** (len(factors) + 1))
        return not factors or result.BuildOverviews("AVERAGE", factors) == 0

    _gdal_written(temporary, output, write)


def _gdal_written(temporary, output, write):
    """Run `write()`, GDAL calls making `temporary` for `output` (True when done; the datasets it opens are closed,
    so written, when it returns). Every failure GDAL reports counts, even one it only prints while handing back a
    dataset (its MBTiles and GeoPackage drivers on a full disk): then the temporary file and its side files are
    removed and one message raised, DiskFull when the output's disk is full. Not renamed here."""
    from osgeo import gdal

    failures = []

    def collect(kind, number, text):
        if kind >= gdal.CE_Failure:
            failures.append(text)

    gdal.PushErrorHandler(collect)  # also keeps GDAL's own "ERROR 1: …" lines off the user's screen
    try:
        try:
            done = write()
        except RuntimeError as exc:  # GDAL's exceptions, when a caller turned them on
            failures.append(str(exc))
            done = False
    finally:
        gdal.PopErrorHandler()
    if done and not failures:
        return
    full = any(_says_full(text) for text in failures) or nearly_full(output)  # measured before the removal
    _remove([temporary])
    if full:
        raise disk_full(output)
    raise IgnOfflineError("GDAL could not write '{}': {}", output, failures[0] if failures else "unknown error")


def _name(pairs):
    """Give complete files, [(temporary, final)], their final names, with the sidecar GDAL may have written beside
    each (statistics). A rename refused (Windows: the earlier file is open in QGIS) is said in one message, and the
    files not yet named are removed."""
    for number, (temporary, final) in enumerate(pairs):
        try:
            with _writing(final):
                os.replace(temporary, final)
        except IgnOfflineError:
            _remove([waiting for waiting, _ in pairs[number:]])
            raise
        if os.path.exists(temporary + ".aux.xml"):
            os.replace(temporary + ".aux.xml", final + ".aux.xml")


# What GDAL says of a full disk (SQLite's text, the C library's strerror in English); another language or system is
# told by the free space left (nearly_full).
FULL_DISK_TEXTS = ("disk is full", "no space left", "not enough space on the disk")


def _says_full(text):
    return any(said in text.lower() for said in FULL_DISK_TEXTS)


def nearly_full(output):
    """True when the disk holding `output` has less than 1 MiB left: where a write just failed, a full disk
    (also for writers that do not say why they failed, such as QGIS's renderer)."""
    try:
        return storage.free_bytes(output) < 1 << 20
    except OSError:
        return False


def _export(source, output, kind, zoom_min, zoom_max, ranges, max_file_mb, progress, is_cancelled):
    # A PMTiles is one file written beside under a temporary name: damage met while reading the tiles (SQLite
    # checks every page it reads) removes it and is said by name (read_guard), so the separate check of every page
    # (a second read of the whole file: a third of a web export's time) is left out. Parts of other formats are
    # checked first: they are named one by one.
    thorough = kind != "pmtiles"
    count, highest, tile_format = check(source, kind, zoom_min, zoom_max, ranges, max_file_mb, thorough)
    written = []
    try:
        with mbtiles.read_guard(source):
            parts = _copy(source, output, kind, zoom_min, zoom_max, ranges, max_file_mb, progress, is_cancelled,
                          count, highest, tile_format, written)
    except Cancelled:  # the user stopped the export: what it wrote is removed, no part returned
        _remove(written)
        return []
    except BaseException:
        _remove(written)
        raise
    # Parts are written under temporary names, then named for what they hold.
    if len(parts) == 1:  # under the cap in one file: the name asked for
        finals = [output]
    else:
        finals = [part_path(output, number, part.zoom_min, part.zoom_max, kind)
                  for number, part in enumerate(parts, 1)]
        try:
            for final in finals:  # a part named like the input would replace it
                storage.refuse_output_among_inputs(final, [source], "The part")
        except InputError:
            _remove([part.path for part in parts])
            raise
    _name([(part.path, final) for part, final in zip(parts, finals)])
    for part, final in zip(parts, finals):
        part.path = final
    return parts


def _copy(source, output, kind, zoom_min, zoom_max, ranges, max_file_mb, progress, is_cancelled, count, highest,
          tile_format, written):
    """Write the parts under temporary names (each appended to `written` once started); [Part]."""
    with mbtiles.MBTilesReader(source) as reader:
        metadata = dict(reader.metadata(), attribution=attribution(reader.metadata()))
        # What the export covers, for a patch of the copy later (core.field.patching): MBTiles parts record it.
        # Not a rendering's: its source is a temporary file, and no library file holds its tiles.
        if not metadata.get(RENDERED):
            metadata.update(mbtiles.scope_metadata(source, kind, zoom_min, zoom_max, ranges,
                                                   ranges_bbox(ranges) if ranges else None))
        extent = source_bounds(metadata)
        cap = max_file_mb * 1e6 - FIXED_BYTES if max_file_mb else None
        parts, done = [], 0
        current = None
        temporary = output + ".part{}".format(export_format(kind).extension)
        used = 0
        bounds = Bounds()

        def close(split, next_key=None):
            final_zooms = sorted(bounds.by_zoom)
            if split:  # a part holds a share of the scope, not all of it: which one, for its patches
                share = {mbtiles.SCOPE_PART: str(len(parts) + 1)}
                if first_key[0] is not None:
                    share[mbtiles.SCOPE_PART_FROM] = mbtiles.key_text(first_key[0])
                if next_key is not None:
                    share[mbtiles.SCOPE_PART_TO] = mbtiles.key_text(next_key)
                current.metadata = dict(current.metadata, **share)
            with _writing(output):
                current.close(within(bounds.lonlat(), extent), final_zooms)
            parts.append(Part(current.path, used_tiles[0], final_zooms[0], final_zooms[-1]))

        used_tiles = [0]
        first_key = [None]  # the first tile of the part being written, once the export is split
        try:
            # Parts are cut in the tiles' order (zoom by zoom); one PMTiles takes them in any order.
            ordered = cap is not None or kind != "pmtiles"
            for z, x, y, data in _tiles(reader, zoom_min, zoom_max, ranges, ordered):
                if is_cancelled and is_cancelled():  # a part cut short would look complete: none is kept
                    raise Cancelled()
                cost = tile_cost(len(data))
                if current is not None and cap is not None and used + cost > cap:
                    close(True, (z, x, y))
                    current = None
                    first_key[0] = (z, x, y)
                if current is None:
                    path = "{}.{}".format(temporary, len(parts) + 1)
                    storage.refuse_output_among_inputs(path, [source], "The temporary part")  # removed just below
                    for leftover in (path, path + "-journal"):
                        if os.path.exists(leftover):
                            os.remove(leftover)
                    written.append(path)
                    with _writing(output):
                        current = export_format(kind).writer.open(path, tile_format, metadata, highest)
                    used, used_tiles[0], bounds = 0, 0, Bounds()
                try:  # as _writing(output), without a context manager's cost on every tile
                    current.add(z, x, y, data)
                except WRITE_ERRORS as exc:
                    _write_failed(output, exc)
                bounds.add(z, x, y)
                used += cost
                used_tiles[0] += 1
                done += 1
                if progress and done % 500 == 0:
                    progress(done / count)
            if current is not None:
                close(bool(parts))
        except BaseException:
            if current is not None:
                current.abort()
            raise
    return parts


# -- rasters (re-encoded with GDAL) --------------------------------------------------------------------------


def export_raster(source, output, kind, quality=85, compression="JPEG", progress=None):
    """A raster (VRT, GeoTIFF, JP2…) as a Cloud-Optimized GeoTIFF or as Web Mercator tiles (MBTiles, GeoPackage).

    Pixels are re-encoded (JPEG/WebP): unavoidable for these formats.
    """
    storage.refuse_output_among_inputs(output, [source])
    with storage.output_lock(output, Message("an export to {}", kind)):
        return _export_raster(source, output, kind, quality, compression, progress)


def _export_raster(source, output, kind, quality, compression, progress):
    from osgeo import gdal

    if kind not in RASTER_FORMATS:
        raise InputError("A raster INPUT can be exported as {}, not '{}'.", ", ".join(RASTER_FORMATS), kind)
    dataset = gdal.Open(source)
    if dataset is None:
        raise InputError("GDAL cannot open '{}' as a raster.", source)

    def callback(fraction, message, data):
        if progress:
            progress(fraction)
        return 1

    driver = export_format(kind).raster_driver
    temporary = _temporary(output)
    storage.refuse_output_among_inputs(temporary, [source], "The temporary part")
    _remove([temporary])  # a killed run's
    stem = os.path.splitext(os.path.basename(output))[0]

    def write():
        if driver == "COG":
            options = ["COMPRESS={}".format(compression), "QUALITY={}".format(quality), "OVERVIEWS=AUTO",
                       "BLOCKSIZE=512"]
            return gdal.Translate(temporary, dataset, format=driver, creationOptions=options,
                                  callback=callback) is not None
        options = ["TILE_FORMAT={}".format("JPEG" if compression == "JPEG" else compression), "QUALITY={}".format(
            quality)]
        # Named for the output, not for the temporary file (each driver's default is the file's name).
        options.append("RASTER_TABLE={}".format(stem) if driver == "GPKG" else "NAME={}".format(stem))
        if driver == "GPKG":
            options.append("TILING_SCHEME=GoogleMapsCompatible")
        warped = gdal.Warp("", dataset, format="VRT", dstSRS="EPSG:3857")
        if gdal.Translate(temporary, warped, format=driver, creationOptions=options, callback=callback) is None:
            return False
        # Overviews built on the dataset Translate returns make GDAL's MBTiles driver call OGR with a NULL
        # dataset ("ERROR 10: Pointer 'hDS' is NULL") and leave minzoom 0: build them on the file reopened.
        result = gdal.Open(temporary, gdal.GA_Update)
        return result is not None and result.BuildOverviews("AVERAGE", [2, 4, 8, 16, 32, 64]) == 0

    _gdal_written(temporary, output, write)
    if driver == "MBTILES":  # as every MBTiles the plugin writes: martin's agg_tiles_hash, for any copy to be checked
        _store_hash(temporary)
    _name([(temporary, output)])
    return output


def _store_hash(path):
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        mbtiles.store_hash(db, mbtiles.agg_tiles_hash(db))
        db.execute("COMMIT")
    finally:
        db.close()
