"""What IGN's edition names say (the products themselves: core.datasets.catalogue).

An edition is named `{PRODUCT}_{VERSION}_{VARIANT}_{FORMAT}_{CRS}_{ZONE}_{DATE}`, seven fields joined by '_'
(a field may be empty: `PARCELLAIRE-EXPRESS_1-1__SHP_…`), with '-' inside a field:
`BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15`, `RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D005_2020-10-14`,
`BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_D031_2025-01-01`. Files add `.7z` or `.7z.001`, `.7z.002`… to it.
"""

import datetime
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class EditionName:
    product: str
    version: str        # "3-5"
    variant: str        # "TOUSTHEMES", "5M", "RVB-0M20", or ""
    format: str         # as written: "GPKG", "ASC", "JP2-E080"
    crs: str            # "LAMB93", "LAMB93-IGN69"
    zone: str           # the service's zone term: "D031"
    date: datetime.date

    @property
    def base_format(self):
        """The format without its compression: "JP2" for "JP2-E080"."""
        return self.format.split("-")[0]

    @property
    def name(self):
        return "_".join((self.product, self.version, self.variant, self.format, self.crs, self.zone,
                         self.date.isoformat()))


_SUFFIX = re.compile(r"(\.7z(\.\d{3})?|\.zip|\.md5)$", re.IGNORECASE)
_FIELD = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
_VERSION = re.compile(r"^\d+-\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_edition(name):
    """The EditionName of an edition or file name (a `.7z`/`.7z.NNN` suffix is ignored), None if it is not one."""
    fields = _SUFFIX.sub("", (name or "").strip()).split("_")
    if len(fields) != 7:
        return None
    product, version, variant, form, crs, zone, date = fields
    if not (_FIELD.match(product) and _VERSION.match(version) and _FIELD.match(form) and _FIELD.match(crs)
            and _FIELD.match(zone) and _DATE.match(date)) or (variant and not _FIELD.match(variant)):
        return None
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        return None
    return EditionName(product, version, variant, form, crs, zone, day)


def _matches(edition, variant, form):
    if variant is not None and edition.variant != variant:
        return False
    return form is None or form in (edition.format, edition.base_format)


def latest_per_zone(editions, variant=None, format=None):  # noqa: A002 (the service's own word)
    """The newest of `editions` (names, or objects with a `.name`) in each zone, by zone, keeping the items
    given; those whose name cannot be read, or of another variant/format, are left out."""
    best = {}
    for item in editions:
        parsed = parse_edition(getattr(item, "name", item))
        if parsed is None or not _matches(parsed, variant, format):
            continue
        key = (parsed.date, tuple(int(n) for n in parsed.version.split("-")))
        if parsed.zone not in best or key > best[parsed.zone][0]:
            best[parsed.zone] = (key, item)
    return [best[zone][1] for zone in sorted(best)]
