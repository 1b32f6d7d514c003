"""Mapbox vector tile bodies: checked before they are stored, and kept the way QGIS 3.22 reads them.

A tile is a protobuf `Tile` message: repeated field 3 (`Layer`), each layer
with field 15 (`version`) and field 1 (`name`). Servers send it plain or
gzip-compressed (data.geopf.fr sends gzip). The check decompresses with a
size cap and walks the protobuf: wire types, lengths in bounds, every layer
named and versioned. An HTML page, a JSON error, a truncated body or random
bytes fail it, so they are never stored.

Stored form: QGIS 3.22 reads only gzip-compressed tiles from an MBTiles (a
plain one draws nothing; GDAL reads both), so a tile served gzip-compressed
is stored byte for byte as served, and one served plain is gzip-compressed
(deterministically: no time stamp, so the same tile gives the same bytes);
its decompressed content is then byte for byte what was served.
"""

import gzip
import io
import zlib

from ..messages import Message

MIME = "application/x-protobuf"
# Media types and short names that mean a Mapbox vector tile.
VECTOR_FORMATS = {"application/x-protobuf", "application/vnd.mapbox-vector-tile", "application/x-mvt",
                  "application/protobuf", "pbf", "mvt"}
GZIP_MAGIC = b"\x1f\x8b"
MAX_TILE_BYTES = 16 * 2 ** 20   # decompressed: a tile larger than this is refused, not decompressed further
# Wire types: 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit (3 and 4, groups, never appear in a tile).
_FIXED = {1: 8, 5: 4}


def is_vector_format(tile_format):
    """True for the media types and short names of a Mapbox vector tile."""
    return (tile_format or "").split(";")[0].strip().lower() in VECTOR_FORMATS


def is_vector(metadata_or_format):
    """True for an MBTiles of Mapbox vector tiles (MBTiles 1.3: `format=pbf`); takes the metadata dict or its
    `format`."""
    value = metadata_or_format.get("format") if isinstance(metadata_or_format, dict) else metadata_or_format
    return is_vector_format(value)


def is_gzip(body):
    return body[:2] == GZIP_MAGIC


def decompressed(body, max_bytes=MAX_TILE_BYTES):
    """The protobuf of a tile (gunzipped if gzip), at most `max_bytes`; ValueError when broken or too large."""
    if not is_gzip(body):
        return body
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decoder.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise ValueError(Message("broken gzip ({})", exc)) from None
    if len(out) > max_bytes:
        raise ValueError(Message("larger than {:,} bytes once decompressed", max_bytes))
    if not decoder.eof:
        raise ValueError("truncated gzip")
    return out


def _varint(data, at):
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7


def _fields(data):
    """(field number, wire type, value or bytes) of a protobuf message; ValueError when malformed."""
    at = 0
    while at < len(data):
        key, at = _varint(data, at)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise ValueError("field number 0")
        if wire == 0:
            value, at = _varint(data, at)
        elif wire == 2:
            length, at = _varint(data, at)
            if at + length > len(data):
                raise ValueError("length past the end")
            value, at = data[at:at + length], at + length
        elif wire in _FIXED:
            if at + _FIXED[wire] > len(data):
                raise ValueError("truncated fixed field")
            value, at = data[at:at + _FIXED[wire]], at + _FIXED[wire]
        else:
            raise ValueError(Message("wire type {}", wire))
        yield number, wire, value


def layer_names(protobuf):
    """The names of a Tile's layers, in order; ValueError when it is not a vector tile."""
    names = []
    for number, wire, value in _fields(protobuf):
        if number != 3:
            continue  # extensions and unknown fields are allowed by the spec
        if wire != 2:
            raise ValueError("layer field is not a message")
        name = version = None
        for inner, inner_wire, inner_value in _fields(value):
            if inner == 1 and inner_wire == 2:
                name = inner_value.decode("utf-8")
            elif inner == 15 and inner_wire == 0:
                version = inner_value
        if not name or version is None:
            raise ValueError("a layer without name or version")
        names.append(name)
    return names


def tile_problem(body, content_type=None):
    """Why a 200 body is not a Mapbox vector tile to store (None if it is one). An empty body is not a problem
    here: the engine records it as "no data", as a 204."""
    content_type = (content_type or "").split(";")[0].strip().lower()
    if content_type.startswith(("text/", "image/")) or content_type in ("application/json", "application/xml"):
        return Message("not a vector tile ({})", content_type)
    try:
        protobuf = decompressed(body)
        # An empty Tile is valid (no data here); bytes that hold fields but no layer are not a tile.
        if protobuf and not layer_names(protobuf):
            raise ValueError("no layer")
    except (ValueError, UnicodeDecodeError) as exc:
        snippet = body[:40].decode("utf-8", "replace").replace("\n", " ")
        # the reason as a Message, so that it is said in the user's language with the rest
        reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else Message(str(exc))
        return Message("not a vector tile ({}: {!r})", reason, snippet)
    return None


def check_tile(body):
    """True for a whole Mapbox vector tile, gzip-compressed or not."""
    return bool(body) and tile_problem(body) is None


def for_mbtiles(body):
    """The bytes to store: the body itself when gzip, else the body gzip-compressed (QGIS 3.22 needs gzip)."""
    if is_gzip(body):
        return body
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as stream:
        stream.write(body)
    return out.getvalue()


def layers_in_store(store, sample=50):
    """The vector layers of stored tiles, for the MBTiles `json` of a source that publishes none (an XYZ `.pbf`
    template, a recovered cache): the layer names of a sample of the deepest tiles, where most layers show.
    `store`: an MBTiles reader or writer."""
    db = store.reading_connection() if hasattr(store, "reading_connection") else store.connection()  # a writer's
    rows = db.execute("SELECT tile_data FROM tiles ORDER BY zoom_level DESC LIMIT ?", (sample,)).fetchall()
    names = []
    for (data,) in rows:
        try:
            found = layer_names(decompressed(bytes(data)))
        except ValueError:
            continue
        names.extend(name for name in found if name not in names)
    return [{"id": name, "fields": {}} for name in names]
