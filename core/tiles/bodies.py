"""What a tile's body is: an image of the format asked, whole, or a Mapbox vector tile (core.vector.mvt);
not an error page served with 200."""

from ..messages import Message
from ..vector import mvt

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"


def image_kind(data):
    """'image/png', 'image/jpeg' or 'image/webp' from the bytes, else None."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def tile_body_problem(data, content_type, expected_format, content_length=None):
    """Why a 200 response body is not a tile to store (None if it is one).

    Catches HTML/XML error pages served with 200, images of another format
    and truncated bodies (short of Content-Length, or missing the image's end);
    a Mapbox vector tile is checked by core.vector.mvt.
    """
    content_type = (content_type or "").split(";")[0].strip().lower()
    expected = expected_format.split(";")[0].strip().lower().replace("image/jpg", "image/jpeg")
    if content_length is not None and content_length.isdigit() and int(content_length) != len(data):
        return Message("truncated body ({} of {} bytes)", len(data), content_length)
    if not data:
        return "empty body"
    if mvt.is_vector_format(expected):
        return mvt.tile_problem(data, content_type)
    kind = image_kind(data)
    if kind is None:
        snippet = data[:60].decode("utf-8", "replace").replace("\n", " ")
        return Message("not an image ({}: {!r})", content_type or "no content type", snippet)
    if content_type and content_type.startswith("image/") and content_type.replace("jpg", "jpeg") != kind:
        return Message("content type {} but the bytes are {}", content_type, kind)
    if kind != expected:
        return Message("{} received where {} was asked", kind, expected)
    if kind == "image/png" and not _ends_with(data, PNG_END):
        return "truncated PNG (no IEND chunk)"
    if kind == "image/jpeg" and b"\xff\xd9" not in data[-16:]:
        return "truncated JPEG (no end-of-image marker)"
    if kind == "image/webp" and int.from_bytes(data[4:8], "little") + 8 != len(data):
        return "truncated WebP"
    return None


def _ends_with(data, suffix):
    """data.rstrip(b"\\0").endswith(suffix) for a suffix ending in a non-NUL byte (some servers pad with NULs).

    Two scans in C and no copy: a body of megabytes of NULs costs milliseconds, not a Python loop per byte.
    """
    at = data.rfind(suffix)
    if at < 0:
        return False
    tail = at + len(suffix)
    return data.count(b"\0", tail) == len(data) - tail


def is_exception_report(data):
    head = data[:2000].lstrip()
    return head.startswith(b"<") and b"ExceptionReport" in head
