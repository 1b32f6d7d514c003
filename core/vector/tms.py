"""The Géoplateforme TMS service of vector tiles: its layer list, each layer's metadata.json, style URLs.

A SOURCE is taken for this service when its path ends with `/tms/1.0.0`
(the service root, LAYER then names the layer), `/tms/1.0.0/{LAYER}` or
`/tms/1.0.0/{LAYER}/metadata.json` (the layer is then in the URL), whatever its
query: a private service's key (`?apikey=…`) is taken out of it by
core.sources.prepare and sent as the account's, the rest of the query is kept
and every URL built here puts its path before it. Only its
vector layers (extension `pbf`) are offered: its raster TMS layers are the
same pictures as the WMTS's, which the plugin already downloads.

Tiles are `{root}/{LAYER}/{z}/{x}/{y}.pbf` (or the metadata's `tiles`
template), rows from the top as XYZ, Web Mercator, 256 px. Documents are
read whole within a deadline and a size cap, as the WMTS capabilities.
"""

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from .. import naming
from ..errors import InputError
from ..messages import Message
from ..tiles import grid as tiles

SERVICE_ROOT = "https://data.geopf.fr/tms/1.0.0"
STYLES_PATH = "/annexes/ressources/vectorTiles/styles/{}/{}.json"
_TMS_PATH = re.compile(r"^(?P<root>.*/tms/1\.0\.0)(?:/(?P<layer>[^/{}]+?))?(?P<metadata>/metadata\.json)?/*$",
                       re.IGNORECASE)
# IGN's own averages (its mobile app's estimate), in MB per tile of Plan IGN: the fallback when no tile of a
# zoom could be sampled. Below zoom 12 the zoom-12 figure, above 18 the zoom-18 one.
IGN_AVERAGE_MB = {12: 0.017, 13: 0.065, 14: 0.050, 15: 0.065, 16: 0.016, 17: 0.007, 18: 0.006}


@dataclass(frozen=True)
class TileMapEntry:
    """One TileMap of the service document."""

    identifier: str
    title: str
    srs: str
    extension: str
    href: str

    @property
    def is_vector(self):
        return self.extension.lower() in ("pbf", "mvt")


@dataclass
class LayerMetadata:
    """What a layer's metadata.json says (TileJSON-like, as ROK4 serves it)."""

    identifier: str
    title: str
    minzoom: int
    maxzoom: int
    bounds: tuple                 # lon/lat (west, south, east, north)
    vector_layers: list = field(default_factory=list)
    attribution: str = ""
    tiles: str = ""               # the tile URL template, when the metadata gives one

    def limits(self):
        """{zoom: (x_min, x_max, y_min, y_max)} of the tiles inside the layer's bounds."""
        out = {}
        for zoom in range(self.minzoom, self.maxzoom + 1):
            r = tiles.tile_range(self.bounds, zoom)
            out[zoom] = (r.x_min, r.x_max, r.y_min, r.y_max)
        return out


def split_source(source):
    """(root, layer or None) when `source` names the TMS service or one of its layers, else None."""
    parts = urlsplit((source or "").strip())
    if parts.scheme.lower() not in ("http", "https") or "{" in source:
        return None
    match = _TMS_PATH.match(parts.path)
    if match is None or (match.group("layer") or "").lower() == "metadata.json":
        return None
    root = urlunsplit(parts._replace(path=match.group("root"), fragment=""))  # its query kept: see below
    return root, match.group("layer")


def is_tms_source(source):
    return split_source(source) is not None


def below(root, *names):
    """The URL of `names` under the service `root`: the path joined before the root's query (a key or other
    parameters the server wants on every request), never after it."""
    parts = urlsplit(root)
    return urlunsplit(parts._replace(path="/".join([parts.path.rstrip("/")] + list(names)), fragment=""))


def metadata_url(root, layer):
    return below(root, layer, "metadata.json")


def tile_template(root, layer):
    return below(root, layer, "{z}", "{x}", "{y}.pbf")


def style_url(service_root, layer, style):
    """Where a layer's published Mapbox GL style lives: the annexes of the service's own host."""
    parts = urlsplit(service_root)
    return urlunsplit((parts.scheme, parts.netloc, STYLES_PATH.format(layer, style), "", ""))


def average_tile_bytes(zoom):
    """IGN's published average size of a vector tile at `zoom` (bytes)."""
    known = min(max(zoom, min(IGN_AVERAGE_MB)), max(IGN_AVERAGE_MB))
    return IGN_AVERAGE_MB[known] * 1e6


def parse_service(data):
    """The TileMaps of a TMS 1.0.0 service document (every one, raster or vector)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError("The server's answer is not a TMS service document (broken XML at line {}, column {}).",
                         line, column + 1) from None
    if root.tag.split("}")[-1] != "TileMapService":
        raise InputError("The server's answer is not a TMS 1.0.0 service document.")
    entries = []
    for element in root.iter():
        if element.tag.split("}")[-1] != "TileMap" or not element.get("href"):
            continue
        href = element.get("href").rstrip("/")
        entries.append(TileMapEntry(href.rsplit("/", 1)[-1], element.get("title", ""), element.get("srs", ""),
                                    element.get("extension", ""), href))
    return entries


def _bounds(value, layer):
    """(west, south, east, north) from a list or "w,s,e,n"; InputError saying why not, in words."""
    parts = value.split(",") if isinstance(value, str) else value
    try:
        numbers = [float(v) for v in parts] if isinstance(parts, list) else []
    except (TypeError, ValueError, OverflowError):
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise InputError("The metadata of TMS layer '{}' has unreadable bounds: they are not four numbers (west, "
                         "south, east, north).", layer)
    west, south, east, north = numbers
    if not (west < east and south < north):
        raise InputError("The metadata of TMS layer '{}' has unreadable bounds: they enclose no area (west must be "
                         "less than east, south less than north).", layer)
    return west, south, east, north


def _zoom(document, key, default, layer):
    """The zoom `key` of the metadata as a whole number ("14" too); InputError, in words, when it is not one."""
    value = document.get(key, default)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError("The metadata of TMS layer '{}' has unreadable zooms: its '{}' is not a whole number.",
                         layer, key)
    return value


def parse_metadata(data, layer):
    """A layer's metadata.json; refuses a document that is not one, or a layer that is not vector."""
    from .documents import load  # a hostile document (deep, broken) is one sentence naming it

    document = load(data, Message("The metadata of TMS layer '{}'", layer))
    if not isinstance(document, dict):
        raise InputError("The metadata of TMS layer '{}' is not a JSON object.", layer)
    vector_layers = document.get("vector_layers")
    if vector_layers is None and isinstance(document.get("json"), str):  # as MBTiles metadata writes it
        inner = load(document["json"], Message("The metadata of TMS layer '{}' (its 'json')", layer))
        vector_layers = inner.get("vector_layers") if isinstance(inner, dict) else None
    if not isinstance(vector_layers, list) or not vector_layers or not all(
            isinstance(v, dict) and isinstance(v.get("id"), str) for v in vector_layers):
        raise InputError("TMS layer '{}' lists no vector layers in its metadata.json: it is not a vector tile "
                         "layer (download raster layers from the WMTS, https://data.geopf.fr/wmts).", layer)
    minzoom = _zoom(document, "minzoom", tiles.MIN_ZOOM, layer)
    maxzoom = _zoom(document, "maxzoom", tiles.MAX_ZOOM, layer)
    bounds = _bounds(document.get("bounds", [-180.0, -85.0511, 180.0, 85.0511]), layer)
    try:
        tiles.check_zoom_range(minzoom, min(maxzoom, tiles.MAX_ZOOM))
    except InputError as exc:
        raise InputError("The metadata of TMS layer '{}' has unreadable zooms ({}).", layer, exc.message) from None
    templates = document.get("tiles") or []
    if not isinstance(templates, list):
        raise InputError("The metadata of TMS layer '{}': its 'tiles' is not a list of addresses.", layer)
    attribution = document.get("attribution")
    titles = [v for v in (document.get("name"), document.get("description")) if isinstance(v, str)]
    return LayerMetadata(
        identifier=layer, title=naming.display_title(layer, *titles),
        minzoom=minzoom, maxzoom=min(maxzoom, tiles.MAX_ZOOM), bounds=bounds, vector_layers=vector_layers,
        attribution=attribution if isinstance(attribution, str) else "",
        tiles=templates[0] if templates and isinstance(templates[0], str) else "")


def unknown_layer(layer, entries, root):
    """The error for a layer the service does not serve as vector tiles, naming the ones it does."""
    names = [e.identifier for e in entries if e.is_vector]
    hint = Message(" It serves as vector tiles: {}.", ", ".join(names)) if names else ""
    return InputError("The TMS service {} has no vector tile layer '{}'.{}", root, layer, hint)


def service_of(source):
    """The TMS service of vector tiles beside the server `source` names: the service itself for a TMS address,
    `https://<host>/tms/1.0.0` for a WMTS (the Géoplateforme serves both from one host); None for an XYZ
    template or what is not an http(s) address."""
    named = split_source(source)
    if named is not None:
        return named[0]
    parts = urlsplit((source or "").strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or "{" in source:
        return None
    return urlunsplit((parts.scheme, parts.netloc, "/tms/1.0.0", "", ""))
