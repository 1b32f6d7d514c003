"""Tile URL templates: filled to download a tile, matched to know which tile a URL asked for.

Two families:
- XYZ/TMS templates as QGIS, Leaflet and OpenLayers write them: `{z}`, `{x}`,
  `{y}` (rows from the top), `{-y}` (TMS rows, from the bottom), `{s}` (a
  subdomain among a, b, c), `{switch:a,b,c}` (QGIS's own), `{q}` (Bing-style
  quadkey);
- WMTS RESTful ResourceURL templates: `{TileMatrixSet}`, `{TileMatrix}`,
  `{TileRow}`, `{TileCol}`, `{Style}` and any dimension, matched without
  regard to case as the standard says.

Matching is what makes cache recovery certain: a cached URL is given a tile
address only when a template that QGIS (or the server) used says which
number is the row and in which order.
"""

import re
from urllib.parse import urlsplit

from ..http import redact_url
from ..tiles.grid import flip_y

PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
DEFAULT_SUBDOMAINS = ("a", "b", "c")


def is_xyz_template(source):
    """True for a URL template with a zoom and either columns and rows or a quadkey."""
    names = {name.lower() for name in PLACEHOLDER.findall(source or "")}
    return "q" in names or ({"z", "x"} <= names and bool(names & {"y", "-y"}))


def quadkey(zoom, x, y):
    digits = []
    for level in range(zoom, 0, -1):
        mask = 1 << (level - 1)
        digits.append(str((1 if x & mask else 0) + (2 if y & mask else 0)))
    return "".join(digits)


def from_quadkey(key):
    x = y = 0
    for digit in key:
        x, y = x * 2 + (int(digit) & 1), y * 2 + (int(digit) >> 1)
    return len(key), x, y


class _Template:
    """Common parsing: literal text and placeholders, and a regular expression to match URLs."""

    def __init__(self, template):
        self.template = template.strip()
        self._regex = None

    def _group(self, name):
        raise NotImplementedError

    def regex(self):
        if self._regex is None:
            pattern, position, seen = [], 0, set()
            # Matched against URLs without secrets, so the template loses them too.
            cleaned = redact_url(self.template).replace("%7B", "{").replace("%7D", "}")
            for match in PLACEHOLDER.finditer(cleaned):
                pattern.append(re.escape(cleaned[position:match.start()]))
                group = self._group(match.group(1))
                name = re.match(r"\(\?P<(\w+)>", group)
                if name and name.group(1) in seen:  # the same placeholder twice: same value
                    group = "(?P={})".format(name.group(1))
                elif name:
                    seen.add(name.group(1))
                pattern.append(group)
                position = match.end()
            pattern.append(re.escape(cleaned[position:]))
            self._regex = re.compile("".join(pattern))
        return self._regex


class XyzTemplate(_Template):
    """An XYZ/TMS URL template."""

    def __init__(self, template):
        super().__init__(template)
        names = [name.lower() for name in PLACEHOLDER.findall(self.template)]
        self.top_origin = "-y" not in names
        switch = next((n for n in PLACEHOLDER.findall(self.template) if n.lower().startswith("switch:")), None)
        if switch:
            self.subdomains = tuple(s.strip() for s in switch.split(":", 1)[1].split(",") if s.strip())
        else:
            self.subdomains = DEFAULT_SUBDOMAINS if "s" in names else ()

    @property
    def host_key(self):
        """One politeness budget for every subdomain: the host with its subdomain placeholder kept."""
        return urlsplit(self.template).netloc.lower()

    def fill(self, zoom, x, y):
        values = {"z": str(zoom), "x": str(x), "y": str(y), "-y": str(flip_y(zoom, y)), "q": quadkey(zoom, x, y)}
        if self.subdomains:
            values["s"] = self.subdomains[(x + y) % len(self.subdomains)]

        def replace(match):
            name = match.group(1)
            key = "s" if name.lower().startswith("switch:") else name.lower()
            return values.get(key, match.group(0))
        return PLACEHOLDER.sub(replace, self.template)

    def _group(self, name):
        lower = name.lower()
        if lower in ("z", "x", "y"):
            return r"(?P<{}>\d+)".format(lower)
        if lower == "-y":
            return r"(?P<tms_y>\d+)"
        if lower == "q":
            return r"(?P<q>[0-3]+)"
        if lower == "s":
            return "(?:{})".format("|".join(map(re.escape, self.subdomains)))
        if lower.startswith("switch:"):
            return "(?:{})".format("|".join(map(re.escape, self.subdomains)))
        return r"[^/?&]*"

    def match(self, url):
        """(z, x, y) with y from the top, when `url` is this template filled; else None."""
        found = self.regex().fullmatch(redact_url(url))
        if not found:
            return None
        groups = found.groupdict()
        if groups.get("q") is not None:
            return from_quadkey(groups["q"])
        z, x = int(groups["z"]), int(groups["x"])
        y = int(groups["y"]) if groups.get("y") is not None else flip_y(z, int(groups["tms_y"]))
        if not (0 <= x < 2 ** z and 0 <= y < 2 ** z):
            return None
        return z, x, y


class RestTemplate(_Template):
    """A WMTS ResourceURL template (placeholders matched without regard to case)."""

    def fill(self, values):
        lowered = {k.lower(): v for k, v in values.items()}
        return PLACEHOLDER.sub(lambda m: str(lowered.get(m.group(1).lower(), m.group(0))), self.template)

    def _group(self, name):
        lower = name.lower()
        if lower in ("tilerow", "tilecol"):
            return r"(?P<{}>\d+)".format(lower)
        if lower in ("tilematrix", "tilematrixset", "style", "layer"):
            return r"(?P<{}>[^/?&]+)".format(lower)
        return r"[^/?&]+"

    def match(self, url):
        """{'tilematrixset', 'tilematrix', 'tilerow', 'tilecol', …} of a URL made from this template; else None."""
        found = self.regex().fullmatch(redact_url(url))
        return {k: v for k, v in found.groupdict().items() if v is not None} if found else None
