"""How a dataset's zones, areas, archives and statuses are named, in the library's folders and in the log: what
planning (sync), fetching (service) and deriving (derived) all say alike."""

import hashlib
import json
import os
import re

from .. import naming
from ..messages import Message
from ..tiles.areas import PRESETS
from .catalogue import product_title
from .zones import departement_label

NEW, UPDATED, UP_TO_DATE, NOT_AVAILABLE = "new", "updated", "up to date", "not available"
AVAILABLE = "available"  # listed with no library to compare with
FAILED, CANCELLED = "failed", "cancelled"
STATUS_MESSAGES = {AVAILABLE: Message("available"), NEW: Message("new"), UPDATED: Message("updated"),
                   UP_TO_DATE: Message("up to date"), NOT_AVAILABLE: Message("not available"),
                   FAILED: Message("failed"), CANCELLED: Message("cancelled")}

_VOLUME = re.compile(r"\.7z(?:\.\d{3})?$", re.IGNORECASE)


def archive_stem(name):
    """The archive a file belongs to (`x.7z`, `x.7z.001`, `x.7z.002` → `x`), or None for a file that is not a 7z
    volume (the `.md5` and `readme.pdf` some products list beside)."""
    found = _VOLUME.search(name)
    return name[:found.start()] if found else None


def area_slug(area):
    """The folder name of an area's derived products: its title, accents folded, made safe for any disk; then,
    unless the area is a named preset as shipped, a short digest of its geometry. Titles repeat for different
    places (every EXTENT is "Extent", every rectangle drawn in the dock has the same title): the outputs made for
    one must never be returned for another."""
    slug = os.path.splitext(naming.area_file_name(str(area.title)))[0]
    if area.polygons is None and PRESETS.get(area.key) == area:
        return slug
    return "{}-{}".format(slug, area_digest(area))


def area_digest(area):
    """8 hex digits that change with the area's geometry (its box to ~1 cm, its polygons' vertices to 1 cm)."""
    shape = [round(v, 7) for v in area.bbox]
    if area.polygons is not None:
        shape.append([[[(round(x, 2), round(y, 2)) for x, y in ring] for ring in polygon]
                      for polygon in area.polygons.parts])
    return hashlib.sha1(json.dumps(shape).encode("ascii")).hexdigest()[:8]


def zone_title(zone_plan):
    """'RGE ALTI 5 m': the product of a zone's plan as the log and the dock say it."""
    return product_title(zone_plan.product, zone_plan.variant)


def zone_where(zone_plan):
    """'Haute-Garonne (31)': the zone as the dock shows it."""
    return departement_label(zone_plan.zone, zone_plan.zone_label)
