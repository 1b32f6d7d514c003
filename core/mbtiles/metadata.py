"""The MBTiles 1.3 `metadata` table: the values IGN Offline writes, and what a metadata dict gets wrong."""

import json
import math

from ..errors import MBTilesError
from ..messages import Message

# Fields of the MBTiles 1.3 `metadata` table that IGN Offline always writes.
METADATA_FIELDS = (
    "name", "format", "bounds", "center", "minzoom", "maxzoom",
    "attribution", "description", "type", "version",
)
FORMATS_BY_MIME = {"image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg", "image/webp": "webp",
                   # Mapbox vector tiles (MBTiles 1.3 `format=pbf`; see core.vector.mvt for how they are stored)
                   "application/x-protobuf": "pbf", "application/vnd.mapbox-vector-tile": "pbf",
                   "application/x-mvt": "pbf", "mvt": "pbf"}


def format_from_mime(mime):
    """'image/jpeg' -> 'jpg', as MBTiles wants; already-short names pass through."""
    mime = (mime or "").split(";")[0].strip().lower()
    if mime in FORMATS_BY_MIME.values():
        return mime
    if mime == "jpeg":
        return "jpg"
    try:
        return FORMATS_BY_MIME[mime]
    except KeyError:
        raise MBTilesError("Tile format '{}' cannot be stored in MBTiles (png, jpg, webp or pbf).", mime)


def build_metadata(name, tile_format, bbox, zoom_min, zoom_max, attribution="", description="",
                   layer_type="baselayer", version="1.0", vector_layers=None):
    """The MBTiles 1.3 metadata of a tile set covering `bbox` (lon/lat); a vector tile set (format pbf) also
    has `json`, its `vector_layers` as the source describes them (MBTiles 1.3 requires it)."""
    west, south, east, north = bbox
    center_zoom = (zoom_min + zoom_max) // 2
    values = {
        "name": name,
        "format": format_from_mime(tile_format),
        "bounds": "{:.6f},{:.6f},{:.6f},{:.6f}".format(west, south, east, north),
        "center": "{:.6f},{:.6f},{}".format((west + east) / 2, (south + north) / 2, center_zoom),
        "minzoom": str(zoom_min),
        "maxzoom": str(zoom_max),
        "attribution": attribution,
        "description": description,
        "type": layer_type,
        "version": version,
    }
    if vector_layers is not None:
        values["json"] = vector_json(vector_layers)
    return values


def vector_json(vector_layers):
    """The `json` metadata value of a vector tile set: {"vector_layers": [...]} (MBTiles 1.3)."""
    return json.dumps({"vector_layers": vector_layers}, ensure_ascii=False, separators=(",", ":"))


def union_bounds(first, second):
    """MBTiles `bounds` strings (or 4-tuples) -> the bounds string covering both."""
    a = [float(v) for v in first.split(",")] if isinstance(first, str) else list(first)
    b = [float(v) for v in second.split(",")] if isinstance(second, str) else list(second)
    return "{:.6f},{:.6f},{:.6f},{:.6f}".format(min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


# The metadata key marking a file made of tiles recovered from the QGIS cache (its layer titled "… (recovered from
# the cache)", told from the library's file of the same layer).
RECOVERED_KEY = "ign_offline:recovered"

def metadata_problems(metadata):
    """What a metadata dict lacks or gets wrong against MBTiles 1.3 (empty list if none)."""
    problems = []
    for field in METADATA_FIELDS:
        if field not in metadata:
            problems.append(Message("missing '{}'", field))
    fmt = metadata.get("format")
    if fmt is not None and fmt not in ("png", "jpg", "webp", "pbf") and "/" not in fmt:
        problems.append(Message("format '{}' is neither png, jpg, webp, pbf nor a media type", fmt))
    zooms = {}
    for field in ("minzoom", "maxzoom"):
        if field in metadata:
            try:
                zooms[field] = int(metadata[field])
            except ValueError:
                problems.append(Message("{} '{}' is not an integer", field, metadata[field]))
    if len(zooms) == 2 and zooms["minzoom"] > zooms["maxzoom"]:
        problems.append("minzoom is greater than maxzoom")
    if "bounds" in metadata:
        try:
            west, south, east, north = (float(v) for v in metadata["bounds"].split(","))
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                problems.append(Message("bounds '{}' are not a WGS84 box", metadata["bounds"]))
        except ValueError:
            problems.append(Message("bounds '{}' are not four numbers", metadata["bounds"]))
    if "center" in metadata:
        parts = metadata["center"].split(",")
        if len(parts) != 3 or not all(_is_number(p) for p in parts):
            problems.append(Message("center '{}' is not lon,lat,zoom", metadata["center"]))
    if metadata.get("type") not in (None, "overlay", "baselayer"):
        problems.append(Message("type '{}' is neither overlay nor baselayer", metadata["type"]))
    return problems


def _is_number(text):
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False
