"""WMTS capabilities (layers, styles, formats, PM tile matrix sets) and tile sources.

Only the Web Mercator "PM" grid (and its level-restricted `PM_a_b` variants)
is used: there TILEMATRIX/TILECOL/TILEROW are exactly XYZ z/x/y, which is what
MBTiles stores. A source is either a WMTS endpoint (KVP GetTile) or an XYZ URL
template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png.
"""

import difflib
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import InputError
from .tiles import TileRange

NS = {"wmts": "http://www.opengis.net/wmts/1.0", "ows": "http://www.opengis.net/ows/1.1"}
PM_ORIGIN = 20037508.3427892
PM_SCALE_0 = 559082264.0287178
MERCATOR_CRS = ("EPSG:3857", "EPSG:900913", "EPSG:102100", "EPSG:3785")


@dataclass(frozen=True)
class Limits:
    min_row: int
    max_row: int
    min_col: int
    max_col: int


@dataclass
class TileMatrixSet:
    identifier: str
    crs: str
    # zoom -> (matrix width, matrix height, scale denominator, top-left x, top-left y, tile width)
    matrices: dict = field(default_factory=dict)

    @property
    def is_web_mercator(self):
        """True when every level is the standard XYZ grid (so TILEMATRIX = z)."""
        crs = self.crs.upper().replace("URN:OGC:DEF:CRS:EPSG::", "EPSG:")
        if crs not in MERCATOR_CRS or not self.matrices:
            return False
        for zoom, (width, height, scale, left, top, tile_size) in self.matrices.items():
            if width != 2 ** zoom or height != 2 ** zoom or tile_size != 256:
                return False
            if abs(left + PM_ORIGIN) > 1 or abs(top - PM_ORIGIN) > 1:
                return False
            if not math.isclose(scale * 2 ** zoom, PM_SCALE_0, rel_tol=1e-6):
                return False
        return True


@dataclass
class Layer:
    identifier: str
    title: str
    abstract: str
    formats: list
    styles: list
    default_style: str
    tile_matrix_set: str
    limits: dict  # zoom -> Limits
    bbox: tuple = None  # WGS84 (west, south, east, north)


@dataclass
class Capabilities:
    title: str
    provider: str
    layers: dict
    tile_matrix_sets: dict

    def layer(self, identifier):
        try:
            return self.layers[identifier]
        except KeyError:
            wanted = identifier.upper()
            close = [name for name in self.layers if wanted and wanted in name.upper()][:3]
            close = close or difflib.get_close_matches(identifier, list(self.layers), n=3, cutoff=0.6)
            hint = " Did you mean {}?".format(" or ".join(close)) if close else ""
            raise InputError(
                "The server has no layer '{}'.{} Its capabilities list {} layers.".format(
                    identifier, hint, len(self.layers))) from None

    def zooms(self, layer):
        """The zoom levels a layer offers on the PM grid (refuses other grids)."""
        matrix_set = self.tile_matrix_sets.get(layer.tile_matrix_set)
        if matrix_set is None or not matrix_set.is_web_mercator:
            raise InputError(
                "Layer '{}' is served on the tile matrix set '{}', which is not the Web Mercator "
                "(PM) grid that MBTiles needs.".format(layer.identifier, layer.tile_matrix_set))
        return sorted(matrix_set.matrices)


def _text(element, path, default=""):
    found = element.find(path, NS)
    return found.text.strip() if found is not None and found.text else default


def parse_capabilities(data):
    """Capabilities from the bytes of a WMTS 1.0.0 GetCapabilities response."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError("The server's answer is not a WMTS capabilities document ({}).".format(exc)) from exc
    if root.tag.split("}")[-1] == "ExceptionReport":
        raise InputError("The server refused GetCapabilities: {}".format(
            " ".join(t.strip() for t in root.itertext() if t.strip())))
    contents = root.find("wmts:Contents", NS)
    if root.tag != "{%s}Capabilities" % NS["wmts"] or contents is None:
        raise InputError("The server's answer is not a WMTS 1.0.0 capabilities document.")

    matrix_sets = {}
    for element in contents.findall("wmts:TileMatrixSet", NS):
        matrix_set = TileMatrixSet(_text(element, "ows:Identifier"), _text(element, "ows:SupportedCRS"))
        for matrix in element.findall("wmts:TileMatrix", NS):
            try:
                zoom = int(_text(matrix, "ows:Identifier"))
                left, top = (float(v) for v in _text(matrix, "wmts:TopLeftCorner").split())
                matrix_set.matrices[zoom] = (
                    int(_text(matrix, "wmts:MatrixWidth")), int(_text(matrix, "wmts:MatrixHeight")),
                    float(_text(matrix, "wmts:ScaleDenominator")), left, top,
                    int(_text(matrix, "wmts:TileWidth")))
            except ValueError:
                matrix_set.matrices = {}  # not identified by zoom numbers: not a PM grid
                break
        matrix_sets[matrix_set.identifier] = matrix_set

    layers = {}
    for element in contents.findall("wmts:Layer", NS):
        styles = [_text(s, "ows:Identifier") for s in element.findall("wmts:Style", NS)]
        default = next((_text(s, "ows:Identifier") for s in element.findall("wmts:Style", NS)
                        if s.get("isDefault") == "true"), styles[0] if styles else "")
        link = element.find("wmts:TileMatrixSetLink", NS)
        limits = {}
        if link is not None:
            for item in link.findall("wmts:TileMatrixSetLimits/wmts:TileMatrixLimits", NS):
                try:
                    limits[int(_text(item, "wmts:TileMatrix"))] = Limits(
                        int(_text(item, "wmts:MinTileRow")), int(_text(item, "wmts:MaxTileRow")),
                        int(_text(item, "wmts:MinTileCol")), int(_text(item, "wmts:MaxTileCol")))
                except ValueError:
                    continue
        bbox = None
        lower, upper = _text(element, "ows:WGS84BoundingBox/ows:LowerCorner"), _text(
            element, "ows:WGS84BoundingBox/ows:UpperCorner")
        if lower and upper:
            bbox = tuple(float(v) for v in lower.split() + upper.split())
        layer = Layer(
            identifier=_text(element, "ows:Identifier"),
            title=_text(element, "ows:Title"),
            abstract=_text(element, "ows:Abstract"),
            formats=[f.text.strip() for f in element.findall("wmts:Format", NS) if f.text],
            styles=styles,
            default_style=default,
            tile_matrix_set=_text(link, "wmts:TileMatrixSet") if link is not None else "",
            limits=limits,
            bbox=bbox,
        )
        layers[layer.identifier] = layer
    return Capabilities(
        title=_text(root, "ows:ServiceIdentification/ows:Title"),
        provider=_text(root, "ows:ServiceProvider/ows:ProviderName"),
        layers=layers,
        tile_matrix_sets=matrix_sets,
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


def is_xyz_template(source):
    return all(part in source for part in ("{z}", "{x}", "{y}"))


def with_query(url, extra):
    """`url` with the `extra` query parameters added (replacing same-named ones)."""
    parts = urlsplit(url)
    names = {k.lower() for k in extra}
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in names]
    query.extend(extra.items())
    return urlunsplit(parts._replace(query=urlencode(query, safe="/:{}")))


def capabilities_url(endpoint):
    return with_query(endpoint, {"SERVICE": "WMTS", "REQUEST": "GetCapabilities", "VERSION": "1.0.0"})


@dataclass
class WmtsSource:
    """GetTile requests (KVP) for one layer/style/format on a PM grid."""

    endpoint: str
    layer: str
    style: str
    format: str
    tile_matrix_set: str

    def tile_url(self, zoom, x, y):
        return with_query(self.endpoint, {
            "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0",
            "LAYER": self.layer, "STYLE": self.style, "FORMAT": self.format,
            "TILEMATRIXSET": self.tile_matrix_set,
            "TILEMATRIX": str(zoom), "TILEROW": str(y), "TILECOL": str(x),
        })


@dataclass
class XyzSource:
    """An XYZ URL template ({z}/{x}/{y}; {-y} for TMS rows)."""

    template: str
    format: str

    def tile_url(self, zoom, x, y):
        return (self.template.replace("{z}", str(zoom)).replace("{x}", str(x))
                .replace("{-y}", str(2 ** zoom - 1 - y)).replace("{y}", str(y)))


def format_from_template(template):
    path = urlsplit(template).path.lower()
    if path.endswith((".jpg", ".jpeg")):
        return "image/jpeg"
    if path.endswith(".webp"):
        return "image/webp"
    return "image/png"
