"""What an offline library holds: per MBTiles file and zoom, tiles, bytes, dates and the area covered.

Read-only. The area covered is built from runs of rows per column (merged
across columns when they repeat), so even a zoom-16 region costs a few
thousand rectangles, not a geometry per tile. With a plan, each entry's
completeness is the share of its tiles the file's journal holds as fetched
or known empty.
"""

import datetime
import html
import itertools
import json
import os
from dataclasses import dataclass

import mercantile
from osgeo import ogr

from .. import mbtiles, storage
from ..errors import MBTilesError
from ..tiles import coverage
from ..vector.mvt import is_vector


@dataclass
class ZoomRow:
    file: str
    path: str
    layer: str
    title: str
    format: str
    zoom: int
    tiles: int
    bytes: int
    oldest: str
    newest: str
    empty: int
    failed: int
    wkt: str          # MultiPolygon in lon/lat (EPSG:4326) of the tiles held
    vector_layers: str = ""  # a vector file's layers ("roads, buildings"); "" for rasters

    @property
    def is_vector(self):
        return is_vector(self.format)


def vector_layers(metadata):
    """The `vector_layers` of the metadata's `json` (list of dicts with an `id`); [] when absent or unreadable
    (a raster, or another tool's file without them)."""
    try:
        layers = json.loads(metadata.get("json") or "{}").get("vector_layers") or []
    except (ValueError, AttributeError):
        return []
    return [layer for layer in layers if isinstance(layer, dict) and layer.get("id")]


def _date(seconds):
    if seconds is None:
        return ""
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")


def _runs(db, zoom, table="map"):
    """(x, y0, y1) runs of consecutive XYZ rows per column, west to east."""
    last = (1 << zoom) - 1
    run = None
    for x, row in db.execute("SELECT tile_column, tile_row FROM {} WHERE zoom_level = ? "
                             "ORDER BY tile_column, tile_row DESC".format(table), (zoom,)):
        y = last - row
        if run and run[0] == x and y == run[2] + 1:
            run[2] = y
            continue
        if run:
            yield tuple(run)
        run = [x, y, y]
    if run:
        yield tuple(run)


def _rectangles(runs):
    """(x0, x1, y0, y1) rectangles from column runs: a run repeated in the next columns widens one rectangle."""
    open_, previous = {}, None  # (y0, y1) -> first column
    for x, column in itertools.groupby(runs, key=lambda run: run[0]):
        keys = {(y0, y1) for _, y0, y1 in column}
        for key in list(open_):
            if key not in keys or previous != x - 1:
                yield open_.pop(key), previous, key[0], key[1]
        for key in keys:
            open_.setdefault(key, x)
        previous = x
    for key, first in open_.items():
        yield first, previous, key[0], key[1]


def covered_wkt(db, zoom, table="map"):
    """The lon/lat MultiPolygon of the tiles held at `zoom` (`table`: `tiles` for another tool's file, which
    has no `map`)."""
    geometry = ogr.Geometry(ogr.wkbMultiPolygon)
    for x0, x1, y0, y1 in _rectangles(_runs(db, zoom, table)):
        west, north = mercantile.ul(x0, y0, zoom)
        east, south = mercantile.ul(x1 + 1, y1 + 1, zoom)
        geometry.AddGeometry(ogr.CreateGeometryFromWkt(
            "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(west, south, east, north)))
    if geometry.GetGeometryCount() == 0:
        return "MULTIPOLYGON EMPTY"
    return ogr.ForceToMultiPolygon(geometry.UnionCascaded()).ExportToWkt()


def inventory_file(path):
    """One ZoomRow per zoom level of an MBTiles file (IGN Offline's or any other).

    Raises MBTilesError, one line naming the file, for a file that cannot be read (damaged, not MBTiles).
    """
    mbtiles.check_readable(path)
    with mbtiles.read_guard(path):
        return _inventory_file(path)


def _inventory_file(path):
    rows = []
    with mbtiles.MBTilesReader(path) as reader:
        metadata = reader.metadata()
        db = reader.connection()
        journal = reader.has_journal()
        table = "map" if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'map'").fetchone() else "tiles"
        sizes = {z: (n, b) for z, n, b in db.execute(
            "SELECT zoom_level, COUNT(*), SUM(LENGTH(tile_data)) FROM tiles GROUP BY zoom_level")}
        dates, states = {}, {}
        if journal:
            dates = {z: (a, b) for z, a, b in db.execute(
                "SELECT zoom_level, MIN(fetched_at), MAX(fetched_at) FROM tile_journal WHERE status = 'done' "
                "GROUP BY zoom_level")}
            for z, status, n in db.execute(
                    "SELECT zoom_level, status, COUNT(*) FROM tile_journal GROUP BY zoom_level, status"):
                states[(z, status)] = n
        for zoom in sorted(set(sizes) | {z for z, _ in states}):
            tiles, size = sizes.get(zoom, (0, 0))
            oldest, newest = dates.get(zoom, (None, None))
            rows.append(ZoomRow(
                os.path.basename(path), path, metadata.get("ign_offline:layer") or metadata.get("name", ""),
                metadata.get("name", ""), metadata.get("format", ""), zoom, tiles, size or 0, _date(oldest),
                _date(newest), states.get((zoom, "empty"), 0), states.get((zoom, "failed"), 0),
                covered_wkt(db, zoom, table) if tiles else "MULTIPOLYGON EMPTY",
                ", ".join(layer["id"] for layer in vector_layers(metadata))))
    return rows


def library_files(folder):
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.lower().endswith(".mbtiles"))


def inventory_folder(folder, is_cancelled=None):
    """ZoomRows of every MBTiles file of `folder`, and the files that could not be read ({path: reason})."""
    rows, unreadable = [], {}
    for path in library_files(folder):
        if is_cancelled and is_cancelled():
            break
        try:
            rows.extend(inventory_file(path))
        except MBTilesError as exc:
            unreadable[path] = str(exc)
    return rows, unreadable


@dataclass
class EntryCompleteness:
    entry: object     # core.plans.Entry
    file: str
    planned: int
    present: int

    @property
    def share(self):
        return self.present / self.planned if self.planned else 1.0


def completeness(plan, folder):
    """How complete each plan entry is in the library (tiles planned over the entry's zooms vs held)."""
    results = []
    for job in plan.jobs():
        path = os.path.join(folder, job.file_name)
        for entry in job.entries:
            planned = present = 0
            for zoom in entry.zooms:
                ranges = coverage.area_ranges(entry.area, zoom)
                planned += sum(r.count for r in ranges)
                present += _journalled(path, ranges, zoom)
            results.append(EntryCompleteness(entry, job.file_name, planned, present))
    return results


def _journalled(path, ranges, zoom):
    """Tiles of `ranges` the file's journal holds; 0 for a file missing, not ours or unreadable (the inventory
    names it among the files that cannot be read)."""
    try:
        if not os.path.exists(path) or mbtiles.inspect(path) != "ours":
            return 0
        with mbtiles.read_guard(path), mbtiles.MBTilesReader(path) as reader:
            return reader.journal_count_in(ranges, zoom)
    except MBTilesError:
        return 0


def html_report(folder, rows, unreadable=None, plan_rows=None):
    """A page a person reads: per file its title, layer, size, zooms, tiles and dates; a plan's completeness."""
    e = html.escape
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>IGN Offline library</title><style>"
           "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
           "td,th{border:1px solid #bbb;padding:.3em .6em;text-align:right}td:first-child,th:first-child"
           "{text-align:left}.low{color:#a40}</style></head><body>",
           "<h1>Offline library</h1><p>{}</p>".format(e(os.path.abspath(folder)))]
    by_file = {}
    for row in rows:
        by_file.setdefault(row.path, []).append(row)
    for path, items in by_file.items():
        first = items[0]
        out.append("<h2>{} <small>({})</small></h2>".format(e(first.title or first.file), e(first.layer)))
        out.append("<p>{} — {} on disk, format {}, zooms {}–{}, {:,} tiles.</p>".format(
            e(first.file), storage.human_size(os.path.getsize(path)), e(first.format), items[0].zoom,
            items[-1].zoom, sum(r.tiles for r in items)))
        if first.is_vector:
            out.append("<p>Vector tiles; layers: {}.</p>".format(e(first.vector_layers or "not listed")))
        out.append("<table><tr><th>zoom</th><th>tiles</th><th>size</th><th>oldest</th><th>newest</th>"
                   "<th>empty</th><th>failed</th></tr>")
        for r in items:
            out.append("<tr><td>{}</td><td>{:,}</td><td>{}</td><td>{}</td><td>{}</td><td>{:,}</td><td>{:,}</td>"
                       "</tr>".format(r.zoom, r.tiles, storage.human_size(r.bytes), r.oldest, r.newest, r.empty,
                                      r.failed))
        out.append("</table>")
    if unreadable:
        out.append("<h2 class='low'>Files that cannot be read</h2><ul>")
        for path, reason in unreadable.items():
            out.append("<li class='low'>{}: {}</li>".format(e(os.path.basename(path)), e(reason)))
        out.append("</ul>")
    if plan_rows:
        out.append("<h2>Plan</h2><table><tr><th>entry</th><th>layer</th><th>area</th><th>zooms</th>"
                   "<th>planned</th><th>held</th><th>complete</th></tr>")
        for item in plan_rows:
            entry = item.entry
            out.append("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}–{}</td><td>{:,}</td><td>{:,}</td>"
                       "<td class='{}'>{:.1%}</td></tr>".format(
                           entry.number, e(entry.layer), e(entry.area_label), entry.zoom_min, entry.zoom_max,
                           item.planned, item.present, "low" if item.share < 1 else "", item.share))
        out.append("</table>")
    if not by_file and not unreadable:
        out.append("<p>No MBTiles file in this folder yet.</p>")
    out.append("</body></html>")
    return "\n".join(out)
