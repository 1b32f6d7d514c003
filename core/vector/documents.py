"""JSON documents a server (or an edited file) hands over: TileJSON, Mapbox GL styles, sprite definitions.

Each is parsed whole, then its shape is checked before any of it is used, so that a hostile or broken document
(nested thousands deep, a string where an object belongs, a sprite whose icons are not boxes) is refused in one
sentence naming the document, never halfway through with a traceback. The checks are what the plugin relies on,
not the whole specification: QGIS's converter says what it cannot draw.
"""

import json
import math
import numbers

from ..errors import InputError
from ..messages import Message

# IGN's styles nest expressions about 12 deep; far beyond is no style, and walking it would exhaust the stack.
MAX_DEPTH = 64
MAX_SPRITE_SIDE = 16384  # pixels: QImage draws no larger, and no sprite sheet is


# What to do about a document that is not JSON: one a server sent, one saved on the disk (edited, damaged).
FROM_SERVER = Message("check its address (an error page?)")
SAVED = Message("the file is damaged: save it again")


def _finite(text):
    """A JSON number as a float; refused when it does not fit one (1e400 would be infinite)."""
    value = float(text)
    if math.isinf(value):
        raise NotFinite(text)
    return value


class NotFinite(ValueError):
    """Infinity, NaN, or a number too large for a float: none is JSON, though Python's parser takes them."""


def _not_finite(text):
    raise NotFinite(text)


def load(body, what, remedy=FROM_SERVER):
    """The JSON value in `body` (bytes or str); InputError naming `what` (a Message: the document) when it is
    not JSON (where: its line and column; `remedy` says what to do), holds a number that is not finite
    (Infinity, NaN, 1e400: Python's parser takes them, nothing else does), or nests deeper than MAX_DEPTH."""
    try:
        text = body.decode("utf-8-sig") if isinstance(body, bytes) else body
        value = json.loads(text, parse_constant=_not_finite, parse_float=_finite)
    except UnicodeDecodeError:
        raise InputError("{} is not JSON (it is not UTF-8 text): {}.", what, remedy) from None
    except NotFinite as exc:
        raise InputError("{} holds the number {}, which is not a finite number: {}.", what, str(exc)[:20],
                         remedy) from None
    except json.JSONDecodeError as exc:
        raise InputError("{} is not JSON (broken at line {}, column {}): {}.", what, exc.lineno, exc.colno,
                         remedy) from None
    except RecursionError:
        raise InputError("{} nests arrays or objects more than {} deep: it is not a document the plugin reads.",
                         what, MAX_DEPTH) from None
    if depth_over(value, MAX_DEPTH):
        raise InputError("{} nests arrays or objects more than {} deep: it is not a document the plugin reads.",
                         what, MAX_DEPTH)
    return value


def depth_over(value, limit):
    """Whether arrays and objects nest more than `limit` deep in `value` (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def style_problem(style):
    """Why `style` is not a Mapbox GL style the plugin can save and draw (a Message), or None."""
    if not isinstance(style, dict):
        return Message("it is not a JSON object")
    if not isinstance(style.get("layers"), list):
        return Message("it has no 'layers' list")
    sources = style.get("sources", {})
    if not isinstance(sources, dict):
        return Message("its 'sources' is not an object")
    for name, source in sources.items():
        if not isinstance(source, dict) or not isinstance(source.get("type"), str):
            return Message("its source '{}' is not an object with a type", name)
        if "url" in source and not isinstance(source["url"], str):
            return Message("the 'url' of its source '{}' is not text", name)
        tiles = source.get("tiles", [])
        if not isinstance(tiles, list) or not all(isinstance(t, str) for t in tiles):
            return Message("the 'tiles' of its source '{}' is not a list of addresses", name)
    for number, layer in enumerate(style["layers"], 1):
        problem = _layer_problem(layer)
        if problem is not None:
            return Message("its layer {} {}", number, problem)
    return None


def _layer_problem(layer):
    if not isinstance(layer, dict):
        return Message("is not an object")
    if not isinstance(layer.get("id"), str) or not isinstance(layer.get("type"), str):
        return Message("has no text 'id' and 'type'")
    for key in ("source", "source-layer"):
        if key in layer and not isinstance(layer[key], str):
            return Message("'{}': its '{}' is not text", layer["id"], key)
    for key in ("layout", "paint"):
        if key in layer and not isinstance(layer[key], dict):
            return Message("'{}': its '{}' is not an object", layer["id"], key)
    if "filter" in layer and not isinstance(layer["filter"], (list, bool)):
        return Message("'{}': its 'filter' is not an expression", layer["id"])
    for key in ("minzoom", "maxzoom"):
        if key in layer and not _is_number(layer[key]):
            return Message("'{}': its '{}' is not a number", layer["id"], key)
    return None


def sprite_problem(definitions):
    """Why `definitions` are not a sprite's (each icon's name → its box in the image), a Message, or None."""
    if not isinstance(definitions, dict):
        return Message("it is not a JSON object of icons")
    for name, icon in definitions.items():
        if not isinstance(icon, dict):
            return Message("its icon '{}' is not an object", name)
        for key in ("x", "y", "width", "height"):
            value = icon.get(key)
            if not _is_number(value) or not 0 <= value <= MAX_SPRITE_SIDE:
                return Message("the '{}' of its icon '{}' is not a number from 0 to {}", key, name, MAX_SPRITE_SIDE)
        if "pixelRatio" in icon and (not _is_number(icon["pixelRatio"]) or not 0 < icon["pixelRatio"] <= 8):
            return Message("the 'pixelRatio' of its icon '{}' is not a number above 0 and up to 8", name)
    return None
