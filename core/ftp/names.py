"""Reading IGN-style product folder names and tile file names.

Product folders follow `{PROD}_{OPTION}_{RES}_{FORMAT}_{RIG}_{INFO}` loosely,
and the names have drifted over the years, e.g.
`OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015`, `ORTHO_RVB_0M20_JP2_E100_L93_D67_2015`,
`BDOHISTO_NB_67_0M50_1950_LACC48`. So each part is recognised by its shape
wherever it stands, never by its position. Tiles are named like
`67-2015-1020-6860-LA93-0M20-E100.jp2`: the last two 3-4 digit numbers are
the tile's corner in kilometres.
"""

import re
from dataclasses import dataclass

OPTIONS = ("RVB", "IRC", "MNS", "MNT", "NB", "PAN")
FORMATS = {"JP2": "JP2", "TIF": "TIF", "TIFF": "TIF", "GTIFF": "TIF", "ASC": "ASC", "ECW": "ECW"}
# Spellings of a CRS in IGN and CIGAL names → EPSG code.
CRS_NAMES = {"LAMB93": 2154, "L93": 2154, "LA93": 2154, "RGF93LAMB93": 2154}
CRS_NAMES.update({"CC{}".format(zone): 3900 + zone for zone in range(42, 51)})
CRS_NAMES.update({"LACC{}".format(zone): 3900 + zone for zone in range(42, 51)})
TILE_EXTENSIONS = (".jp2", ".zip", ".tif", ".tiff", ".asc")

_RESOLUTION = re.compile(r"^(\d+)M(\d+)$")
_DEPARTEMENT = re.compile(r"^D?(0?\d{2}|2A|2B|97\d)$")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_COMPRESSION = re.compile(r"^E\d{3}$")
_KM = re.compile(r"^\d{3,4}$")


@dataclass(frozen=True)
class Product:
    """What a product folder's name says (fields are '' / None when the name does not say)."""

    name: str
    product: str = ""
    option: str = ""
    resolution: str = ""      # as written, e.g. 0M20
    format: str = ""
    compression: str = ""
    crs: str = ""             # as written, e.g. LAMB93
    departement: str = ""
    year: str = ""

    @property
    def epsg(self):
        return CRS_NAMES.get(self.crs.upper())

    @property
    def resolution_m(self):
        return resolution_metres(self.resolution)

    @property
    def title(self):
        """A name that reads well in the layer tree: 'OHR RVB 0.20 m D67 2015'."""
        parts = [self.product, self.option]
        if self.resolution_m:
            parts.append("{:.2f} m".format(self.resolution_m))
        if self.departement:
            parts.append("D" + self.departement)
        parts.append(self.year)
        title = " ".join(p for p in parts if p)
        return title if self.option or self.resolution else self.name


def resolution_metres(text):
    match = _RESOLUTION.match(text or "")
    return float("{}.{}".format(*match.groups())) if match else None


def parse_product(name):
    """The parts of a product folder name that can be recognised."""
    tokens = [t for t in re.split(r"[_\-]", name.upper()) if t]
    fields = {}
    for index, token in enumerate(tokens):
        if index == 0 and not _RESOLUTION.match(token):
            fields["product"] = token
        elif token in OPTIONS and "option" not in fields:
            fields["option"] = token
        elif _RESOLUTION.match(token) and "resolution" not in fields:
            fields["resolution"] = token
        elif token in FORMATS and "format" not in fields:
            fields["format"] = FORMATS[token]
        elif _COMPRESSION.match(token):
            fields["compression"] = token
        elif token in CRS_NAMES and "crs" not in fields:
            fields["crs"] = token
        elif _YEAR.match(token):
            fields["year"] = token  # the last year wins: a product date follows the département
        elif _DEPARTEMENT.match(token) and "departement" not in fields and index > 0:
            number = token[1:] if token.startswith("D") else token
            fields["departement"] = number[1:] if len(number) == 3 and number.startswith("0") else number
    return Product(name=name, **fields)


@dataclass(frozen=True)
class TileName:
    """A tile file whose name gives its corner in kilometres."""

    name: str
    x_km: int
    y_km: int
    departement: str = ""
    crs: str = ""

    @property
    def stem(self):
        return self.name.rsplit(".", 1)[0]


def parse_tile(name):
    """The TileName of a file name, or None if it is not a tile (wrong extension, no coordinates)."""
    lower = name.lower()
    if not lower.endswith(TILE_EXTENSIONS):
        return None
    tokens = re.split(r"[_\-]", name.rsplit(".", 1)[0].upper())
    pairs = [(i, tokens[i], tokens[i + 1]) for i in range(len(tokens) - 1)
             if _KM.match(tokens[i]) and _KM.match(tokens[i + 1])]
    if not pairs:
        return None
    index, x, y = pairs[-1]
    departement = tokens[0] if index > 0 and _DEPARTEMENT.match(tokens[0]) else ""
    crs = next((t for t in tokens if t in CRS_NAMES), "")
    return TileName(name=name, x_km=int(x), y_km=int(y), departement=departement, crs=crs)


def match_key(text):
    """A tile name reduced so index entries and file names compare equal.

    Index attributes may hold a path, an extension, another case, or '-'
    where the file has '_' (seen in CIGAL's D08 MNS index).
    """
    base = re.split(r"[\\/]", text.strip())[-1]
    if "." in base and base.rsplit(".", 1)[1].lower() in {e[1:] for e in TILE_EXTENSIONS}:
        base = base.rsplit(".", 1)[0]
    return base.replace("-", "_").lower()
