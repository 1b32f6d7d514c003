"""The work of `make_project_offline` on each layer of the copy (core.field.projects reads, re-points and writes
it): files copied into data/, tile layers made MBTiles in basemaps/ — from the library first, then downloaded —,
vector tiles with their saved styles. Each returns the parts of its line for the report (Messages: said in the
user's language by the algorithm); what it has to say meanwhile goes through a `Watch`.
"""

import dataclasses
import os
import sqlite3
from typing import Callable
from urllib.parse import parse_qsl

from osgeo import gdal

from .. import mbtiles, naming, storage
from ..download.estimate import weighed_tile_bytes
from ..download.job import clamp_zooms, clipped_ranges, download_to_mbtiles, metadata_for
from ..errors import IgnOfflineError, InputError
from ..library import inventory, merge
from ..messages import Message
from ..sources.prepare import prepare_source
from ..tiles import coverage
from ..vector import styles
from . import exports, projects

BASEMAPS = "basemaps"
DATA = "data"


@dataclasses.dataclass
class Watch:
    """How a layer's work is followed: `progress(fraction)` of this layer, `is_cancelled()`, `log(message)` for
    the download's lines, `info(message)` and `warn(message)` for what the algorithm's log says."""
    progress: Callable
    is_cancelled: Callable
    log: Callable
    info: Callable
    warn: Callable


def planned_weight(project, area, zoom_min, zoom_max, library, limit):
    """(tiles, exact, tile_bytes) of an offline copy of `project` (core.field.projects.read_project) over `area`:
    its tile layers' tiles counted up to `limit` (core.tiles.coverage.area_total), weighed as each layer's file in
    `library` measured them (where the copy takes tiles first), else at a typical tile's (tile_bytes None)."""
    layers = [layer for layer in project.layers if layer.kind == projects.TILE]
    tiles, exact = coverage.area_total(area, zoom_min, zoom_max, limit, len(layers))
    files = [(naming.library_file(library, layer.tile_source.get("layer") or layer.name), 1)
             for layer in layers] if library else []
    return tiles, exact, weighed_tile_bytes(files)


def copy_file(offline, layer, output):
    """A file layer copied into data/ and re-pointed; the parts of its line."""
    source = projects.copy_file_layer(layer, os.path.join(output, DATA))
    projects.repoint(offline, layer.id, source, layer.provider)
    line = Message("{}: copied → {} ({})", layer.name, source.split("|")[0],
                   storage.human_size(os.path.getsize(layer.path)))
    return (line,) + styles_note(projects.copied_file(output, source))


def styles_note(copied):
    """What a vector MBTiles copied takes with it: its saved styles, to switch among in the field (no part when
    it has none)."""
    names = styles.saved_styles(copied)
    if not names:
        return ()
    return (Message(", with its saved styles: {}", ", ".join(names)),)


def take_vector_tiles(offline, layer, area, zoom_min, zoom_max, output, library, options, watch):
    """An online vector tile layer: from the library's vector MBTiles of that layer when it has one, else
    downloaded (V1's engine, as raster layers) into basemaps/<name>.mbtiles; the layer re-pointed at the file,
    its renderer and labeling kept as in the project."""
    wanted = layer.tile_source["layer"] or layer.name
    source = naming.library_file(library, wanted) if library else None
    if source and os.path.isfile(source) and inventory.is_vector(_metadata(source)):
        return vector_tiles_from_library(offline, layer, area, zoom_min, zoom_max, output, source, wanted)
    prepared = prepare_vector_source(layer, watch)
    zmax = _layer_zmax(layer)
    if zmax is not None and zoom_max > zmax:  # the layer overzooms its last zoom: deeper tiles go unused
        zoom_min, zoom_max = min(zoom_min, zmax), zmax
    low, high, note = clamp_zooms(prepared, zoom_min, zoom_max)
    if note:
        watch.warn(note)
    path = naming.library_file(os.path.join(output, BASEMAPS), layer.name or prepared.layer)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with storage.output_lock(path, Message("the offline copy of {}", layer.name)):  # library copy + download
        stats, _ = fill_basemap(prepared, area, low, high, path, library, options, watch)
    projects.repoint(offline, layer.id, projects.vector_mbtiles_source("./basemaps/" + os.path.basename(path)),
                     "vectortile")
    return (Message("{}: {:,} vector tiles at zoom {}-{} ({:,} fetched, {:,} already there, {:,} failed), {} → "
                    "basemaps/{}", layer.name, stats.downloaded + stats.skipped + stats.not_modified, low, high,
                    stats.downloaded, stats.skipped + stats.not_modified, stats.failed,
                    storage.human_size(os.path.getsize(path)), os.path.basename(path)),)


def prepare_vector_source(layer, watch):
    """The Géoplateforme TMS layer (its metadata.json gives zooms, bounds, vector layers, title) for a
    …/tms/1.0.0/{Layer}/… template; any other template, or a TMS whose metadata cannot be read, as an XYZ
    template (its vector layers read from the tiles)."""
    endpoint, name = layer.tile_source["endpoint"], layer.tile_source["layer"]
    if name:
        root = endpoint[:endpoint.index(projects.TMS_MARK) + len(projects.TMS_MARK) - 1]
        try:
            return prepare_source(root, name)
        except IgnOfflineError as exc:
            watch.info(Message("{}: the layer's metadata.json could not be read ({}): its tiles are taken as an XYZ "
                               "template.", layer.name, exc.message))
    return prepare_source(**layer.tile_source)


def vector_tiles_from_library(offline, layer, area, zoom_min, zoom_max, output, source, wanted):
    """The area's tiles of the library's vector MBTiles of the layer copied as they are into
    basemaps/<name>.mbtiles, the layer re-pointed at it."""
    span = exports.zoom_span(source)
    low, high = max(zoom_min, span[0]), min(zoom_max, span[1])  # beyond its last zoom QGIS overzooms
    if low > high:
        raise InputError("the library's {} holds zooms {}-{}, none of {}-{}: choose zooms it holds", wanted,
                         span[0], span[1], zoom_min, zoom_max)
    ranges = [r for z in range(low, high + 1) for r in coverage.area_ranges(area, z)]
    folder = os.path.join(output, BASEMAPS)
    os.makedirs(folder, exist_ok=True)
    path = naming.library_file(folder, layer.name or wanted)
    parts = exports.export(source, path, "mbtiles", low, high, ranges)
    styles.copy_styles(source, path)  # the library's styles go with it: switching works in the field
    projects.repoint(offline, layer.id, projects.vector_mbtiles_source("./basemaps/" + os.path.basename(path)),
                     "vectortile")
    return (Message("{}: {:,} vector tiles at zoom {}-{} taken from the library, {} → basemaps/{}", layer.name,
                    sum(part.tiles for part in parts), low, high, storage.human_size(os.path.getsize(path)),
                    os.path.basename(path)),) + styles_note(path)


def take_tiles(offline, layer, area, zoom_min, zoom_max, output, library, options, credentials, watch):
    """Download one tile layer's tiles of the area into basemaps/<name>.mbtiles and re-point the layer.
    `credentials`: None unless the layer is private and on the account's server (projects.account_layers)."""
    prepared = prepare_source(**dict(layer.tile_source, credentials=credentials))
    low, high, note = clamp_zooms(prepared, zoom_min, zoom_max)
    if note:
        watch.warn(note)
    folder = os.path.join(output, BASEMAPS)
    os.makedirs(folder, exist_ok=True)
    name = naming.safe_name(layer.name or prepared.layer)
    path = naming.library_file(folder, layer.name or prepared.layer)
    with storage.output_lock(path, Message("the offline copy of {}", layer.name)):  # library copy + download
        stats, reused = fill_basemap(prepared, area, low, high, path, library, options, watch)
    projects.repoint(offline, layer.id, "./basemaps/" + os.path.basename(path), "gdal", _band_count(path))
    total = stats.downloaded + stats.skipped + stats.not_modified
    there = stats.skipped + stats.not_modified
    size = storage.human_size(os.path.getsize(path))
    if reused:  # one line per layer: the library's share in it, not a line of its own before it
        return (Message("{}: {:,} tiles at zoom {}-{} ({:,} from the library, {:,} fetched, {:,} already there, "
                        "{:,} failed), {} → basemaps/{}.mbtiles",
                        layer.name, total, low, high, min(reused, there), stats.downloaded,
                        max(there - reused, 0), stats.failed, size, name),)
    return (Message("{}: {:,} tiles at zoom {}-{} ({:,} fetched, {:,} already there, {:,} failed), {} → "
                    "basemaps/{}.mbtiles",
                    layer.name, total, low, high, stats.downloaded, there, stats.failed, size, name),)


def fill_basemap(prepared, area, low, high, path, library, options, watch):
    """Under the basemap's lock: the library's tiles first, then the download of what is missing; (its stats,
    the tiles taken from the library)."""
    reused, source, ranges = 0, None, None
    if library:
        ranges, _ = clipped_ranges(prepared, area, low, high)
        source = naming.library_file(library, prepared.layer)
        reused = merge.copy_area(source, path, ranges, tuple(prepared.identity().values()),
                                 metadata_for(prepared, area, low, high))
    stats = download_to_mbtiles(  # a copy of the options: a server's policy slows this layer only
        prepared, area, low, high, path, dataclasses.replace(options),
        progress=watch.progress, is_cancelled=watch.is_cancelled, log=watch.log)
    # Only a basemap made of the library's tiles alone is a copy of it a patch can update (sync_field_folder): a
    # tile fetched because the library lacked it would be deleted by the patch of a library that still lacks it.
    whole = bool(reused) and not stats.downloaded and not stats.failed
    record_scope(path, mbtiles.scope_metadata(source, "mbtiles", low, high, ranges,
                                              exports.ranges_bbox(ranges)) if whole else {})
    return stats, reused


def record_scope(path, scope):
    """The basemap's export scope (core.mbtiles.SCOPE_KEYS) as an export records it, what a patch of the copy
    needs; `{}`: none (the keys of an earlier run removed). Metadata only: its agg_tiles_hash (of the tiles) holds."""
    db = sqlite3.connect("file:" + mbtiles.uri_path(path), uri=True, timeout=30)
    try:
        with db:
            db.executemany("DELETE FROM metadata WHERE name = ?", [(key,) for key in mbtiles.SCOPE_KEYS])
            db.executemany("INSERT INTO metadata (name, value) VALUES (?, ?)", sorted(scope.items()))
    finally:
        db.close()


def _band_count(path):
    """The bands of the MBTiles GDAL reads (4, RGBA, when it cannot): the copy's raster renderer is made for them."""
    dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
    bands = dataset.RasterCount if dataset is not None else 4
    dataset = None
    return bands


def _layer_zmax(layer):
    """The last zoom a vector tile layer asks its server for (`zmax` of its source), or None."""
    value = dict(parse_qsl(layer.source or "", keep_blank_values=True)).get("zmax", "")
    return int(value) if value.isdigit() else None


def _metadata(path):
    with mbtiles.MBTilesReader(path) as reader:
        return reader.metadata()
