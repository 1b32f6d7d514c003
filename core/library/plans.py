"""Offline library plans: which layers, over which areas, at which zooms — one JSON file a person edits.

    {"source": "https://data.geopf.fr/wmts",
     "entries": [
       {"layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "area": "toulouse", "zoom_min": 8, "zoom_max": 14},
       {"layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "area": "areas/caves.gpkg", "zoom_min": 15, "zoom_max": 16},
       {"layer": "ORTHOIMAGERY.ORTHOPHOTOS", "area": {"type": "Polygon", "coordinates": [...]},
        "zoom_min": 8, "zoom_max": 13, "source": "optional per-entry override"}]}

`area` is a preset name, a polygon file (relative to the plan file) or a GeoJSON
geometry in lon/lat. Entries of one layer (same source, style and format) make
one job and one file, `<LAYER>.mbtiles`: per zoom, the union of their areas.
Every problem is reported naming the entry and the field, before anything runs.

An entry may name a whole dataset of the download service instead of a layer, kept fresh in
`<library>/datasets/` (core.datasets.sync) after the tiles:

       {"dataset": "RGEALTI", "variant": "5M", "area": "toulouse", "contours": 10},
       {"dataset": "BDTOPO", "area": "areas/caves.gpkg", "clip": false}

`refresh_days` (at the top: every entry's; in an entry: its own, null: never) is how often an entry is refreshed
when due (core.library.refresh); a plan without it is refreshed only when asked (REFRESH_DAYS).
"""

import dataclasses
import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, field

from osgeo import osr

from .. import naming, storage
from ..datasets import catalogue
from ..errors import InputError
from ..messages import Message, os_reason
from ..tiles import areas, polygons
from ..tiles import grid as tiles
from ..tiles.coverage import Polygons, area_total

ENTRY_FIELDS = {"layer", "area", "zoom_min", "zoom_max", "source", "style", "format", "refresh_days"}
DATASET_FIELDS = {"dataset", "variant", "area", "clip", "contours", "hillshade", "slope", "keep_archives", "service",
                  "refresh_days"}
DEFAULT_SERVICE = catalogue.SERVICE_ROOT
INLINE_LABEL = "inline polygon"  # the area_label of a GeoJSON area written in the plan


@dataclass(frozen=True)
class Entry:
    number: int           # 1-based, as a person counts
    layer: str
    area: object          # core.areas.Area (its polygons, or its box)
    area_label: str
    zoom_min: int
    zoom_max: int
    source: str
    style: str = None
    format: str = None
    refresh_days: float = None   # days between refreshes (the entry's, else the plan's); None: never

    @property
    def zooms(self):
        return range(self.zoom_min, self.zoom_max + 1)


@dataclass(frozen=True)
class DatasetEntry:
    """A whole dataset of the download service (BD TOPO, RGE ALTI…) for an area, kept fresh by the plan."""

    number: int
    product: str          # the service's resource id: BDTOPO, RGEALTI, BDORTHO, PARCELLAIRE-EXPRESS
    variant: str          # 5M, 1M, RVB-0M20… (None: the product's only one)
    area: object
    area_label: str
    service: str = DEFAULT_SERVICE
    clip: bool = True
    hillshade: bool = True
    slope: bool = True
    contours: float = None   # interval in metres; None: no contours
    keep_archives: bool = False
    refresh_days: float = None   # days between refreshes (the entry's, else the plan's); None: never


@dataclass
class LayerJob:
    """The entries of one layer from one source: one MBTiles file in the library."""

    source: str
    layer: str
    style: str
    format: str
    entries: list = field(default_factory=list)

    @property
    def file_name(self):
        return naming.file_name(self.layer)

    @property
    def zoom_min(self):
        return min(e.zoom_min for e in self.entries)

    @property
    def zoom_max(self):
        return max(e.zoom_max for e in self.entries)

    def area_at(self, zoom):
        """An Area: the union of the entries' areas that ask for `zoom` (None if none does)."""
        wanted = [e.area for e in self.entries if zoom in e.zooms]
        if not wanted:
            return None
        parts = tuple(part for area in wanted for part in area_polygons(area).parts)
        west = min(a.west for a in wanted)
        south = min(a.south for a in wanted)
        east = max(a.east for a in wanted)
        north = max(a.north for a in wanted)
        return areas.Area("plan", self.layer, west, south, east, north, polygons=Polygons(parts))

    def bbox(self):
        return (min(e.area.west for e in self.entries), min(e.area.south for e in self.entries),
                max(e.area.east for e in self.entries), max(e.area.north for e in self.entries))


@dataclass
class Plan:
    path: str
    source: str
    entries: list                                   # the layers' Entry
    datasets: list = field(default_factory=list)   # the datasets' DatasetEntry
    failed: list = field(default_factory=list)     # (entry number, InputError) of entries refused (lenient)
    refresh_days: float = None                      # the entries' default interval (days); None: never

    def all_entries(self):  # the layers' and the datasets' entries, in the plan's order
        return sorted(self.entries + self.datasets, key=lambda entry: entry.number)

    def jobs(self):
        """One LayerJob per (source, layer, style, format), in the plan's order."""
        jobs = {}
        for entry in self.entries:
            key = (entry.source, entry.layer, entry.style, entry.format)
            jobs.setdefault(key, LayerJob(*key)).entries.append(entry)
        names = {}
        for job in jobs.values():
            other = names.setdefault(job.file_name, job)
            if other is not job:
                raise InputError(
                    "Plan '{}': entries {} and {} both make {} but differ in source, style or format; a library "
                    "holds one file per layer: give them the same source, style and format.",
                    self.path, other.entries[0].number, job.entries[0].number, job.file_name)
        return list(jobs.values())


def area_polygons(area):
    """Polygons of an Area: its own, or its box's."""
    return area.polygons if area.polygons is not None else polygons.from_bbox(*area.bbox)


def _problem(path, number, name, message):
    """The error naming the entry and field; `message` (a core Message) says why."""
    return InputError("Plan '{}', entry {}, field '{}': {}", path, number, name, message)


def _zoom(path, number, item, name):
    value = item.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _problem(path, number, name, Message("give a whole number from {} to {} (found {!r}).",
                                                   tiles.MIN_ZOOM, tiles.MAX_ZOOM, value))
    if not tiles.MIN_ZOOM <= value <= tiles.MAX_ZOOM:
        raise _problem(path, number, name, Message("{} is outside {}-{}.", value, tiles.MIN_ZOOM, tiles.MAX_ZOOM))
    return value


def _days(value):
    """A refresh interval in days (None: never), or the Message saying why `value` is not one."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return Message("give the number of days between refreshes, e.g. 30 (0: at every run; null: never; "
                       "found {!r}).", value)
    return float(value)


def _entry_days(path, number, item, default):
    """The entry's refresh interval: its own `refresh_days` (null: never), else the plan's `default`."""
    days = _days(item["refresh_days"]) if "refresh_days" in item else default
    if isinstance(days, Message):
        raise _problem(path, number, "refresh_days", days)
    return days


def _area(path, number, value):
    """(Area, label) of an entry's `area`."""
    what = Message("the area of entry {}", number)
    if isinstance(value, dict):
        try:
            found = polygons.from_geojson(value, what)
        except InputError as exc:
            raise _problem(path, number, "area", exc.message) from None
        return _polygon_area(found, INLINE_LABEL, "polygon {}".format(number)), INLINE_LABEL
    if not isinstance(value, str) or not value.strip():
        raise _problem(path, number, "area", Message("give a preset ({}), a polygon file or a GeoJSON polygon.",
                                                     ", ".join(areas.PRESETS)))
    value = value.strip()
    looks_like_file = os.sep in value or "/" in value or os.path.splitext(value)[1] != ""
    if not looks_like_file:
        try:
            return areas.preset(value), value
        except InputError:
            raise _problem(path, number, "area", Message(
                "unknown preset '{}': use one of {}, a polygon file or a GeoJSON polygon.", value,
                ", ".join(areas.PRESETS))) from None
    file_path = value if os.path.isabs(value) else os.path.join(os.path.dirname(os.path.abspath(path)), value)
    try:
        found = polygons.from_file(file_path, Message("the polygon file '{}'", value))
    except InputError as exc:
        raise _problem(path, number, "area", exc.message) from None
    return _polygon_area(found, value, os.path.splitext(os.path.basename(value))[0]), value


def _polygon_area(found, title, key):
    west, south, east, north = polygons.lonlat_bounds(found)
    return areas.Area(naming.safe_name(key), title, west, south, east, north, polygons=found)


MAX_PLAN_BYTES = 16 * 2**20   # a plan with GeoJSON areas of whole departments stays well under this
MAX_PLAN_DEPTH = 64           # a FeatureCollection of MultiPolygons nests about 8 deep


def _nesting(data):
    """How deep arrays and objects nest in the JSON text `data` (strings skipped): checked before json.loads,
    which would exhaust the stack (RecursionError) on a file nested thousands deep."""
    depth = deepest = 0
    for bracket in re.findall(r"[][{}]", re.sub(r'"(?:[^"\\]|\\.)*"', "", data)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_plan(data, path="plan", lenient=False):
    """A Plan from the JSON text `data`; raises InputError naming the entry and field at fault. `lenient` (a
    run): an entry at fault is set aside in `Plan.failed` with its error and the others make the plan, so that
    one bad entry is one failed entry (the file as a whole must still be a plan)."""
    if len(data) > MAX_PLAN_BYTES:
        raise InputError("Plan '{}' is larger than {} MB: a plan lists entries; give large areas as polygon "
                         "files next to it.", path, MAX_PLAN_BYTES // 2**20)
    if _nesting(data) > MAX_PLAN_DEPTH:
        raise InputError("Plan '{}' nests arrays or objects more than {} deep: it is not a plan.",
                         path, MAX_PLAN_DEPTH)
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        # Where, not Python's English wording of why (the sentence is translated).
        raise InputError("Plan '{}' is not valid JSON (broken at line {}, column {}): correct it in a text editor.",
                         path, exc.lineno, exc.colno) from None
    if not isinstance(document, dict):
        raise InputError("Plan '{}' must be a JSON object with \"source\" and \"entries\".", path)
    source = document.get("source")
    entries = document.get("entries")
    if not isinstance(entries, list) or not entries:
        raise InputError("Plan '{}' has no \"entries\": give a list of {{\"layer\", \"area\", \"zoom_min\", "
                         "\"zoom_max\"}}.", path)
    days = _days(document.get("refresh_days"))
    if isinstance(days, Message):
        raise InputError("Plan '{}', field '{}': {}", path, "refresh_days", days)
    parsed, datasets, failed = [], [], []
    for number, item in enumerate(entries, 1):
        try:
            if not isinstance(item, dict):
                raise InputError("Plan '{}', entry {}: an entry is a JSON object.", path, number)
            if "dataset" in item:
                datasets.append(dataclasses.replace(_dataset_entry(path, number, item),
                                                    refresh_days=_entry_days(path, number, item, days)))
            else:
                parsed.append(dataclasses.replace(_layer_entry(path, number, item, source),
                                                  refresh_days=_entry_days(path, number, item, days)))
        except InputError as exc:
            if not lenient:
                raise
            failed.append((number, exc))
    plan = Plan(path, source, parsed, datasets, failed, days)
    plan.jobs()  # refuses two entries making the same file differently
    return plan


def _layer_entry(path, number, item, source):
    """An Entry from the JSON object `item`, every field checked (the error names the entry and field)."""
    unknown = sorted(set(item) - ENTRY_FIELDS)
    if unknown:
        raise _problem(path, number, unknown[0], Message("unknown field; an entry has {}.",
                                                         ", ".join(sorted(ENTRY_FIELDS))))
    layer = item.get("layer")
    if not isinstance(layer, str) or not layer.strip():
        raise _problem(path, number, "layer", Message(
            "give the layer identifier, e.g. GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2."))
    entry_source = item.get("source", source)
    if not isinstance(entry_source, str) or not entry_source.strip():
        raise _problem(path, number, "source", Message(
            "no source: give \"source\" at the top of the plan or in the entry."))
    zoom_min, zoom_max = _zoom(path, number, item, "zoom_min"), _zoom(path, number, item, "zoom_max")
    if zoom_min > zoom_max:
        raise _problem(path, number, "zoom_min", Message("{} is greater than zoom_max {}: swap them.",
                                                         zoom_min, zoom_max))
    for name in ("style", "format"):
        if item.get(name) is not None and not isinstance(item.get(name), str):
            raise _problem(path, number, name, Message("give text (or leave it out for the layer's own)."))
    area, label = _area(path, number, item.get("area"))
    return Entry(number, layer.strip(), area, label, zoom_min, zoom_max, entry_source.strip(),
                 item.get("style") or None, item.get("format") or None)


def _dataset_entry(path, number, item):
    """A DatasetEntry from the JSON object `item`, every field checked (the error names the entry and field)."""

    unknown = sorted(set(item) - DATASET_FIELDS)
    if unknown:
        raise _problem(path, number, unknown[0], Message("unknown field; a dataset entry has {}.",
                                                         ", ".join(sorted(DATASET_FIELDS))))
    product = item.get("dataset")
    choices = catalogue.dataset_choices()
    if not isinstance(product, str) or product.strip().upper() not in {p for p, _ in choices}:
        raise _problem(path, number, "dataset", Message("unknown dataset {!r}: use one of {}.", product, ", ".join(
            sorted({p for p, _ in choices}))))
    product = product.strip().upper()
    variants = [v for p, v in choices if p == product]
    variant = item.get("variant", variants[0])
    variant = variant.strip().upper() if isinstance(variant, str) and variant.strip() else None
    if variant is not None and variant == catalogue.DEFAULT_VARIANTS.get(product):
        variant = None  # BD TOPO's usual variant, named
    if variant not in variants:
        raise _problem(path, number, "variant", Message("{} has no variant {!r}: use {}.", product, item.get(
            "variant"), " or ".join(v or '""' for v in variants)))
    flags = {}
    for name, default in (("clip", True), ("hillshade", True), ("slope", True), ("keep_archives", False)):
        value = item.get(name, default)
        if not isinstance(value, bool):
            raise _problem(path, number, name, Message("give true or false (found {!r}).", value))
        flags[name] = value
    contours = item.get("contours")
    if contours is not None and (isinstance(contours, bool) or not isinstance(contours, (int, float))
                                 or contours < 0):
        raise _problem(path, number, "contours", Message(
            "give the interval between contour lines in metres, e.g. 10 (found {!r}).", contours))
    service = item.get("service", DEFAULT_SERVICE)
    if not isinstance(service, str) or not service.strip().lower().startswith(("http://", "https://")):
        raise _problem(path, number, "service", Message(
            "give the download service's address, e.g. {} (found {!r}).", DEFAULT_SERVICE, service))
    area, label = _area(path, number, item.get("area"))
    if label == INLINE_LABEL:  # its derived files and its group are named after the entry, not "inline polygon"
        area = dataclasses.replace(area, title="{} {}".format(os.path.splitext(os.path.basename(path))[0], number))
    return DatasetEntry(number, product, variant, area, label, service.strip().rstrip("/"),
                        contours=float(contours) if contours else None, **flags)


def load_plan(path, lenient=False):
    """The plan at `path` (parse_plan: `lenient` sets a bad entry aside instead of refusing the plan)."""
    if not os.path.isfile(path):
        raise InputError("The plan '{}' does not exist: give a JSON plan file.", path)
    try:
        with open(path, encoding="utf-8") as stream:
            data = stream.read(MAX_PLAN_BYTES + 1)  # no more: parse_plan refuses a larger file
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("The plan '{}' cannot be read: {}.", path, exc) from None
    return parse_plan(data, path, lenient)


# -- plans made by clicks: the dock's area, zooms and layers as entries, saved in the same JSON ---------------------

PLAN_FILE = "plan.json"
AREAS_FOLDER = "areas"      # a library's polygon areas, one GeoJSON file each, referenced by relative path
COORDINATE_DECIMALS = 7     # about 1 cm: a box or polygon written back is the same area, its text short


def default_plan_path(library):
    """Where a plan made by clicks is kept: `<library>/plan.json`."""
    return os.path.join(library, PLAN_FILE)


def new_document(source):
    """An empty plan (no entries yet) whose entries come from `source` (without its key: public_source)."""
    return {"source": public_source(source), "entries": []}


def public_source(source):
    """`source` without a key in its query (`…/tms/1.0.0?apikey=KEY`): a plan is a file in clear, shared and
    copied; the key is given with the run as an account (AUTHCFG), as the dock's settings keep no key either."""
    from ..sources.accounts import key_of_source  # the network's module: only when a source is given

    return key_of_source(source)[0] if isinstance(source, str) and source else source


def holds_key(source):
    """Whether `source` carries a key in its query (which public_source takes out)."""
    return public_source(source) != source


def read_document(path, source=None):
    """The JSON document of the plan at `path`, to add entries to: checked as run_plan checks it; a new, empty
    one (from `source`) when there is no file yet."""
    if not os.path.exists(path):
        return new_document(source)
    plan = load_plan(path) if not _emptied(path) else None  # refuses what run_plan refuses, naming the entry
    with open(path, encoding="utf-8") as stream:
        document = json.load(stream)
    return document if plan is not None or document.get("source") else dict(document, source=source)


def _emptied(path):
    """Whether the file is a plan whose entries were all removed (kept, to be added to again)."""
    try:
        with open(path, encoding="utf-8") as stream:
            document = json.loads(stream.read(MAX_PLAN_BYTES + 1))
    except (OSError, ValueError):
        return False  # load_plan says why
    return isinstance(document, dict) and document.get("entries") == []


def box_geometry(west, south, east, north):
    """A lon/lat box as a GeoJSON Polygon (counter-clockwise, closed)."""
    w, s, e, n = (round(float(v), COORDINATE_DECIMALS) for v in (west, south, east, north))
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def _lonlat_geojson(found):
    """Polygons (EPSG:3857) as a GeoJSON MultiPolygon in lon/lat, coordinates rounded: the same polygons give the
    same text."""
    mercator, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    wgs84.ImportFromEPSG(4326)
    for srs in (mercator, wgs84):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(mercator, wgs84)
    parts = []
    for polygon in found.parts:
        rings = []
        for ring in polygon:
            points = [transform.TransformPoint(x, y)[:2] for x, y in ring]
            if points[0] != points[-1]:
                points.append(points[0])
            rings.append([[round(x, COORDINATE_DECIMALS), round(y, COORDINATE_DECIMALS)] for x, y in points])
        parts.append(rings)
    return {"type": "MultiPolygon", "coordinates": parts}


def save_area_file(found, title, library):
    """Polygons (core.coverage.Polygons) copied into `<library>/areas/` as GeoJSON named from `title`; the path.

    The same polygons under the same title reuse their file; other polygons under a title already taken get
    `<title>-2.geojson`, `-3`… (a plan's other entries keep their own area)."""
    feature = {"type": "Feature", "properties": {"title": title}, "geometry": _lonlat_geojson(found)}
    text = json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False)
    folder = _made_folder(os.path.join(library, AREAS_FOLDER))
    stem = os.path.splitext(naming.area_file_name(title))[0]
    for number in range(1, 1000):
        path = os.path.join(folder, stem + ("" if number == 1 else "-{}".format(number)) + ".geojson")
        if not os.path.exists(path):
            write_atomically(path, text)
            return path
        with open(path, encoding="utf-8") as stream:
            if stream.read() == text:
                return path
    raise InputError("Too many areas named '{}' in {}: remove some or rename the area.", title, folder)


def plan_relative(path, plan_path):
    """`path` as the plan at `plan_path` refers to it: relative to its folder, with '/', when on the same drive."""
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(plan_path)))
    except ValueError:  # another drive (Windows): only an absolute path reaches it
        return os.path.abspath(path)
    return relative.replace(os.sep, "/")


def entry_area(area, library, plan_path):
    """The `area` of an entry for a core Area: a preset by its name; polygons copied into the library's
    `areas/` and referred to relative to the plan; any other box (drawn, typed, saved, the canvas) as a GeoJSON
    Polygon in the plan."""
    if area.polygons is not None:
        return plan_relative(save_area_file(area.polygons, area.title, library), plan_path)
    preset = areas.PRESETS.get(area.key)
    if preset is not None and preset.bbox == area.bbox:
        return preset.key
    return box_geometry(*area.bbox)


def make_entry(layer, area_value, zoom_min, zoom_max, source=None, plan_source=None, style=None, format=None):
    """An entry of the plan's JSON; `source` is written only when it is not the plan's own (`plan_source`)."""
    entry = {"layer": layer, "area": area_value, "zoom_min": int(zoom_min), "zoom_max": int(zoom_max)}
    source, plan_source = public_source(source), public_source(plan_source)
    if source and source != plan_source:
        entry["source"] = source
    if style:
        entry["style"] = style
    if format:
        entry["format"] = format
    return entry


def make_dataset_entry(product, variant, area_value, clip=True, contours=None):
    """A dataset entry of the plan's JSON (core.datasets.catalogue.CHOICES names `product` and `variant`)."""
    entry = {"dataset": product, "area": area_value}
    if variant:
        entry["variant"] = variant
    if not clip:
        entry["clip"] = False
    if contours:
        entry["contours"] = contours
    return entry


def add_entries(document, entries):
    """(document, added): `document` with those of `entries` it does not hold yet appended (a copy)."""
    found = list(document.get("entries") or [])
    added = [entry for entry in entries if entry not in found]
    for entry in added:
        found.append(entry)
    return dict(document, entries=found), len(added)


def remove_entries(document, indexes):
    """`document` without its entries at the 0-based `indexes` (a copy)."""
    drop = set(indexes)
    return dict(document, entries=[e for i, e in enumerate(document.get("entries") or []) if i not in drop])


def replace_entry(document, index, **fields):
    """`document` with the entry at 0-based `index` given new `fields` (area, zoom_min, zoom_max…; a copy)."""
    entries = list(document.get("entries") or [])
    entries[index] = dict(entries[index], **fields)
    return dict(document, entries=entries)


def _made_folder(folder):
    """`folder`, created if missing; an InputError saying why it cannot be."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise InputError("The folder '{}' cannot be created ({}): choose a folder you can write to.", folder,
                         os_reason(exc)) from None
    return folder


def write_atomically(path, text):
    """`text` into `path`, atomically (core.storage.write_atomically): a reader (run_plan, the dock) sees the old
    file or the new one, never half of one."""
    storage.write_atomically(path, text)


def save_document(document, path):
    """Write the plan `document` to `path` (its folder created), after checking it as run_plan will; the Plan.
    A document whose entries were all removed is written as it is (None): the dock adds to it again. No source
    is written with its key (public_source): the run gives it as an account."""
    document = dict(document, source=public_source(document.get("source")))
    document["entries"] = [dict(entry, source=public_source(entry["source"]))
                           if isinstance(entry, dict) and isinstance(entry.get("source"), str) else entry
                           for entry in document.get("entries") or []]
    if not document["source"]:
        del document["source"]
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    plan = parse_plan(text, path) if document.get("entries") else None
    _made_folder(os.path.dirname(os.path.abspath(path)))
    write_atomically(path, text)
    return plan


def parse_shard(text):
    """(i, n) from 'i/n' (1 ≤ i ≤ n), or None for no shard."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        first, total = (int(part) for part in text.split("/"))
    except ValueError:
        raise InputError("SHARD '{}' must read i/n, e.g. 2/3 (this machine's part among 3).", text) from None
    if total < 1 or not 1 <= first <= total:
        raise InputError("SHARD '{}': i must be from 1 to n (e.g. 1/3, 2/3, 3/3).", text)
    return first, total


def planned_tiles(plan, limit, shard=None):
    """(tiles, exact) the plan's tile entries ask for (or a `shard`'s part of them), counted only until surely past
    `limit` (core.tiles.coverage.total). Entries may overlap: their sum is an upper bound."""
    parts = shard[1] if shard else 1
    enough = (limit + 1) * parts  # from there on, a shard's part is past the limit
    planned = 0
    for index, entry in enumerate(plan.entries):
        tiles, exact = area_total(entry.area, entry.zoom_min, entry.zoom_max, enough - planned - 1)
        planned += tiles
        if planned >= enough:
            return planned // parts, exact and index == len(plan.entries) - 1
    return planned // parts, True


def shard_of(zoom, x, y, shards):
    """The shard (0-based) a tile belongs to: by its parent three levels up, so each shard takes
    whole 8×8 blocks (neighbours stay together), spread evenly by a hash that is the same on every
    machine and every Python (not hash(), which is salted per process)."""
    shift = min(zoom, 3)
    key = hashlib.blake2b(b"%d/%d/%d" % (zoom, x >> shift, y >> shift), digest_size=8).digest()
    return int.from_bytes(key, "big") % shards
