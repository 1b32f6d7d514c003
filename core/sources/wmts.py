"""WMTS capabilities (layers, styles, formats, tile matrix sets, tile URLs).

MBTiles holds the standard Web Mercator XYZ grid only. A tile matrix set is
taken for that grid by what it is — a Web Mercator CRS in any spelling, the
standard origin, 256-pixel tiles, and scales that halve from level to level
— whatever its name (IGN's `PM_0_19`, MapProxy's `GLOBAL_WEBMERCATOR` with
matrices `00`…`19`, `GoogleMapsCompatible`, …). Each matrix's own identifier
is what is sent to the server; the zoom is only ours.

Tiles are asked for the way the capabilities say: KVP GetTile (at the
endpoint, or at the href of OperationsMetadata), or RESTful ResourceURL
templates. URL templates themselves live in core.url_templates.

Source classes make URLs without secrets: core.accounts.Credentials.apply adds
the key or headers per request, and only for the SOURCE's own host.
"""

import difflib
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import InputError
from ..messages import Message
from ..tiles.grid import MAX_ZOOM, TileRange
from .url_templates import RestTemplate, XyzTemplate

NS = {"wmts": "http://www.opengis.net/wmts/1.0", "ows": "http://www.opengis.net/ows/1.1",
      "xlink": "http://www.w3.org/1999/xlink"}
PM_ORIGIN = 20037508.3427892
PM_SCALE_0 = 559082264.0287178
# EPSG:3857 and the codes it was known by (Google's 900913, Esri's 102100/102113, OSGeo's 41001, 3785).
MERCATOR_CODES = {"3857", "900913", "3785", "102100", "102113", "41001"}
NO_CONSTRAINTS = {"", "none", "no", "aucune", "no constraints", "n/a"}


def is_web_mercator_crs(crs):
    """True for EPSG:3857 in any of its spellings: EPSG:3857, urn:ogc:def:crs:EPSG::3857,
    urn:ogc:def:crs:EPSG:6.18.3:3857, http://www.opengis.net/def/crs/EPSG/0/3857, EPSG:900913, ESRI:102100…"""
    match = re.search(r"(\d+)\W*$", crs or "")
    return bool(match) and match.group(1) in MERCATOR_CODES and bool(
        re.search(r"epsg|esri|osgeo|google", crs, re.IGNORECASE) or crs.strip().isdigit())


@dataclass(frozen=True)
class Limits:
    min_row: int
    max_row: int
    min_col: int
    max_col: int


@dataclass(frozen=True)
class TileMatrix:
    identifier: str
    scale: float
    left: float
    top: float
    tile_width: int
    tile_height: int
    width: int
    height: int

    def web_mercator_zoom(self):
        """The XYZ zoom this matrix is, or None when it is not a level of the standard grid."""
        if self.scale <= 0 or (self.tile_width, self.tile_height) != (256, 256):
            return None
        level = math.log2(PM_SCALE_0 / self.scale)
        zoom = round(level)
        if abs(level - zoom) > 1e-4 or not 0 <= zoom <= MAX_ZOOM:
            return None
        if (self.width, self.height) != (2 ** zoom, 2 ** zoom):
            return None
        if abs(self.left + PM_ORIGIN) > 1 or abs(self.top - PM_ORIGIN) > 1:
            return None
        return zoom


@dataclass
class TileMatrixSet:
    identifier: str
    crs: str
    matrices: list = field(default_factory=list)  # TileMatrix, as published

    def web_mercator_zooms(self):
        """{zoom: matrix identifier} when every matrix is a level of the Web Mercator grid, else None."""
        if not is_web_mercator_crs(self.crs) or not self.matrices:
            return None
        zooms = {}
        for matrix in self.matrices:
            zoom = matrix.web_mercator_zoom()
            if zoom is None or zoom in zooms:
                return None
            zooms[zoom] = matrix.identifier
        return zooms

    @property
    def is_web_mercator(self):
        return self.web_mercator_zooms() is not None


@dataclass
class Layer:
    identifier: str
    title: str
    abstract: str
    formats: list
    styles: list
    default_style: str
    links: dict                  # tile matrix set identifier -> {matrix identifier: Limits}
    resource_urls: dict = field(default_factory=dict)   # format -> tile URL template (RESTful)
    dimensions: dict = field(default_factory=dict)      # identifier -> default value
    bbox: tuple = None           # WGS84 (west, south, east, north)

    @property
    def tile_matrix_set(self):
        """The first linked set (the layer's own, on IGN's servers)."""
        return next(iter(self.links), "")


@dataclass(frozen=True)
class Grid:
    """A layer's Web Mercator tile matrix set: what to send for each zoom."""

    tile_matrix_set: str
    matrices: dict               # zoom -> matrix identifier as published
    limits: dict                 # zoom -> Limits

    @property
    def zooms(self):
        return sorted(self.matrices)


@dataclass
class Capabilities:
    title: str
    provider: str
    layers: dict
    tile_matrix_sets: dict
    access_constraints: str = ""
    get_tile_kvp: str = None     # href of GetTile in KVP, when the service declares it
    get_tile_rest: bool = False  # GetTile declared RESTful

    def layer(self, identifier):
        try:
            return self.layers[identifier]
        except KeyError:
            wanted = identifier.upper()
            close = [name for name in self.layers if wanted and wanted in name.upper()][:3]
            close = close or difflib.get_close_matches(identifier, list(self.layers), n=3, cutoff=0.6)
            hint = Message(" Did you mean {}?", " or ".join(close)) if close else ""
            raise InputError(
                "The server has no layer '{}'.{} Its capabilities list {:,} layers.",
                    identifier, hint, len(self.layers)) from None

    def grid(self, layer):
        """The layer's Web Mercator set (the one with the most levels); refuses a layer that has none."""
        grids = []
        for identifier, limits in layer.links.items():
            matrix_set = self.tile_matrix_sets.get(identifier)
            zooms = matrix_set.web_mercator_zooms() if matrix_set else None
            if zooms:
                by_zoom = {zoom: limits[matrix] for zoom, matrix in zooms.items() if matrix in limits}
                grids.append(Grid(identifier, zooms, by_zoom))
        if not grids:
            described = ", ".join("{} ({})".format(name, self.tile_matrix_sets[name].crs or "no CRS")
                                  if name in self.tile_matrix_sets else "{} (not described)".format(name)
                                  for name in layer.links) or "none"
            raise InputError(
                "Layer '{}' is not served on the Web Mercator grid (EPSG:3857, 256-pixel tiles from the standard "
                "origin) that MBTiles needs; its tile matrix sets are: {}.", layer.identifier, described)
        return max(grids, key=lambda grid: len(grid.matrices))

    def zooms(self, layer):
        """The zoom levels a layer offers on the Web Mercator grid (refuses other grids)."""
        return self.grid(layer).zooms

    def attribution(self):
        """Who serves it and on what terms, from the capabilities ('' when they say nothing)."""
        parts = [self.provider] if self.provider else []
        if self.access_constraints.strip().lower() not in NO_CONSTRAINTS:
            parts.append(self.access_constraints.strip())
        return " – ".join(parts)


def _text(element, path, default=""):
    found = element.find(path, NS) if element is not None else None
    return found.text.strip() if found is not None and found.text else default


def _matrix(element):
    left, top = (float(v) for v in _text(element, "wmts:TopLeftCorner").split()[:2])
    return TileMatrix(
        _text(element, "ows:Identifier"), float(_text(element, "wmts:ScaleDenominator")), left, top,
        int(_text(element, "wmts:TileWidth")), int(_text(element, "wmts:TileHeight")),
        int(_text(element, "wmts:MatrixWidth")), int(_text(element, "wmts:MatrixHeight")))


def _layer(element):
    styles = [_text(s, "ows:Identifier") for s in element.findall("wmts:Style", NS)]
    default = next((_text(s, "ows:Identifier") for s in element.findall("wmts:Style", NS)
                    if s.get("isDefault") == "true"), styles[0] if styles else "")
    links = {}
    for link in element.findall("wmts:TileMatrixSetLink", NS):
        limits = {}
        for item in link.findall("wmts:TileMatrixSetLimits/wmts:TileMatrixLimits", NS):
            try:
                limits[_text(item, "wmts:TileMatrix")] = Limits(
                    int(_text(item, "wmts:MinTileRow")), int(_text(item, "wmts:MaxTileRow")),
                    int(_text(item, "wmts:MinTileCol")), int(_text(item, "wmts:MaxTileCol")))
            except ValueError:
                continue
        links[_text(link, "wmts:TileMatrixSet")] = limits
    resource_urls = {}
    for resource in element.findall("wmts:ResourceURL", NS):
        if (resource.get("resourceType") or "").lower() == "tile" and resource.get("template"):
            resource_urls.setdefault(resource.get("format", ""), resource.get("template"))
    dimensions = {}
    for dimension in element.findall("wmts:Dimension", NS):
        values = [v.text.strip() for v in dimension.findall("wmts:Value", NS) if v.text]
        dimensions[_text(dimension, "ows:Identifier")] = _text(dimension, "wmts:Default") or (
            values[0] if values else "")
    bbox = None
    lower = _text(element, "ows:WGS84BoundingBox/ows:LowerCorner")
    upper = _text(element, "ows:WGS84BoundingBox/ows:UpperCorner")
    if lower and upper:
        try:
            bbox = tuple(float(v) for v in lower.split() + upper.split())
        except ValueError:
            bbox = None
    return Layer(
        identifier=_text(element, "ows:Identifier"), title=_text(element, "ows:Title"),
        abstract=_text(element, "ows:Abstract"),
        formats=[f.text.strip() for f in element.findall("wmts:Format", NS) if f.text],
        styles=styles, default_style=default, links=links, resource_urls=resource_urls,
        dimensions=dimensions, bbox=bbox)


def _get_tile_encodings(root):
    """(KVP href or None, RESTful declared) of the GetTile operation."""
    kvp, rest = None, False
    for operation in root.findall("ows:OperationsMetadata/ows:Operation", NS):
        if operation.get("name") != "GetTile":
            continue
        for get in operation.findall("ows:DCP/ows:HTTP/ows:Get", NS):
            values = {v.text.strip().upper() for v in get.iter("{%s}Value" % NS["ows"]) if v.text}
            href = get.get("{%s}href" % NS["xlink"])
            if "RESTFUL" in values or "REST" in values:
                rest = True
            if ("KVP" in values or not values) and href and kvp is None:
                kvp = href
    return kvp, rest


def parse_capabilities(data):
    """Capabilities from the bytes of a WMTS 1.0.0 GetCapabilities response."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError("The server's answer is not a WMTS capabilities document ({}).", exc) from exc
    if root.tag.split("}")[-1] == "ExceptionReport":
        raise InputError("The server refused GetCapabilities: {}",
            " ".join(t.strip() for t in root.itertext() if t.strip()))
    contents = root.find("wmts:Contents", NS)
    if root.tag != "{%s}Capabilities" % NS["wmts"] or contents is None:
        raise InputError("The server's answer is not a WMTS 1.0.0 capabilities document.")

    matrix_sets = {}
    for element in contents.findall("wmts:TileMatrixSet", NS):
        matrix_set = TileMatrixSet(_text(element, "ows:Identifier"), _text(element, "ows:SupportedCRS"))
        try:
            matrix_set.matrices = [_matrix(m) for m in element.findall("wmts:TileMatrix", NS)]
        except ValueError:
            matrix_set.matrices = []  # unreadable numbers: not a grid we can use
        matrix_sets[matrix_set.identifier] = matrix_set
    layers = {}
    for element in contents.findall("wmts:Layer", NS):
        layer = _layer(element)
        layers[layer.identifier] = layer
    kvp, rest = _get_tile_encodings(root)
    return Capabilities(
        title=_text(root, "ows:ServiceIdentification/ows:Title"),
        provider=_text(root, "ows:ServiceProvider/ows:ProviderName"),
        layers=layers,
        tile_matrix_sets=matrix_sets,
        access_constraints=_text(root, "ows:ServiceIdentification/ows:AccessConstraints"),
        get_tile_kvp=kvp,
        get_tile_rest=rest,
    )


def clip_to_limits(tile_range, limits):
    """The part of a TileRange inside a layer's TileMatrixLimits (None if nothing).

    Real limits are sometimes sloppy (rows beyond the matrix), so they are also
    clamped to the matrix size.
    """
    if limits is None:
        return tile_range
    last = 2 ** tile_range.zoom - 1
    x_min = max(tile_range.x_min, limits.min_col, 0)
    x_max = min(tile_range.x_max, limits.max_col, last)
    y_min = max(tile_range.y_min, limits.min_row, 0)
    y_max = min(tile_range.y_max, limits.max_row, last)
    if x_min > x_max or y_min > y_max:
        return None
    return TileRange(tile_range.zoom, x_min, x_max, y_min, y_max)


def with_query(url, extra):
    """`url` with the `extra` query parameters added (replacing same-named ones)."""
    parts = urlsplit(url)
    names = {k.lower() for k in extra}
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in names]
    query.extend(extra.items())
    return urlunsplit(parts._replace(query=urlencode(query, safe="/:{}")))


def is_capabilities_document(url):
    """True when `url` is the capabilities document itself (RESTful …/WMTSCapabilities.xml, or a
    GetCapabilities request), not a service endpoint."""
    parts = urlsplit(url)
    query = {k.lower(): v.lower() for k, v in parse_qsl(parts.query)}
    return parts.path.lower().endswith(".xml") or query.get("request") == "getcapabilities"


def endpoint_of(source):
    """The service a SOURCE names: a KVP GetCapabilities URL without its SERVICE/REQUEST/VERSION (so that a
    layer of a QGIS project and a plan's endpoint are the same source); anything else as it is."""
    parts = urlsplit(source)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k.lower() == "request" and v.lower() == "getcapabilities" for k, v in query):
        return source
    kept = [(k, v) for k, v in query if k.lower() not in ("service", "request", "version")]
    return urlunsplit(parts._replace(query=urlencode(kept, safe="/:{}")))


def capabilities_url(source):
    """Where to read the capabilities of a SOURCE given as an endpoint or as the document's URL."""
    if is_capabilities_document(source):
        return source
    return with_query(source, {"SERVICE": "WMTS", "REQUEST": "GetCapabilities", "VERSION": "1.0.0"})


@dataclass
class WmtsSource:
    """KVP GetTile requests for one layer/style/format on a Web Mercator set."""

    endpoint: str
    layer: str
    style: str
    format: str
    tile_matrix_set: str
    matrices: dict = None        # zoom -> matrix identifier as published (default: the zoom itself)
    dimensions: dict = field(default_factory=dict)

    @property
    def host_key(self):
        return urlsplit(self.endpoint).netloc.lower()

    def tile_url(self, zoom, x, y):
        matrix = self.matrices.get(zoom, str(zoom)) if self.matrices else str(zoom)
        query = {"SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0",
                 "LAYER": self.layer, "STYLE": self.style, "FORMAT": self.format,
                 "TILEMATRIXSET": self.tile_matrix_set,
                 "TILEMATRIX": matrix, "TILEROW": str(y), "TILECOL": str(x)}
        query.update(self.dimensions)
        return with_query(self.endpoint, query)


@dataclass
class RestSource:
    """RESTful GetTile: a ResourceURL template filled per tile."""

    template: str
    format: str
    style: str
    tile_matrix_set: str
    matrices: dict               # zoom -> matrix identifier as published
    dimensions: dict = field(default_factory=dict)

    def __post_init__(self):
        self._template = RestTemplate(self.template)

    @property
    def host_key(self):
        return urlsplit(self.template).netloc.lower()

    def tile_url(self, zoom, x, y):
        return self._template.fill(dict(self.dimensions, TileMatrixSet=self.tile_matrix_set,
                                        TileMatrix=self.matrices.get(zoom, str(zoom)), TileRow=str(y),
                                        TileCol=str(x), Style=self.style))


@dataclass
class XyzSource:
    """An XYZ/TMS URL template source (see core.url_templates for the placeholders): raster tiles, or Mapbox
    vector tiles when its format is pbf (a `.pbf`/`.mvt` template, FORMAT=pbf, or a TMS vector layer)."""

    template: str
    format: str
    format_from_server: bool = False  # the template names no format: the first tile's is the layer's

    def __post_init__(self):
        self._template = XyzTemplate(self.template)

    @property
    def host_key(self):
        return self._template.host_key

    def tile_url(self, zoom, x, y):
        return self._template.fill(zoom, x, y)


def format_in_template(template):
    """The format a template's file extension names, or None when it has none."""
    path = urlsplit(template).path.lower()
    if path.endswith((".jpg", ".jpeg")):
        return "image/jpeg"
    if path.endswith(".webp"):
        return "image/webp"
    if path.endswith(".png"):
        return "image/png"
    if path.endswith((".pbf", ".mvt")):
        return "application/x-protobuf"  # Mapbox vector tiles (core.vector.mvt)
    return None


def format_from_template(template):
    return format_in_template(template) or "image/png"
