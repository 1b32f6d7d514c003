"""Product folders on an IGN-style FTP tree, their tiles and the tiles' footprints.

A product folder is one holding a `data/` folder (any case); its other parts
(`metadata/`, `catalog/`) are optional. Names are read, never built: the
server's folder names have drifted over the years.
"""

import ftplib
import posixpath
from dataclasses import dataclass, field

from ..errors import InputError
from ..messages import Message, plural
from . import names as ftp_names
from .client import PARAMETER_FIELDS, FtpError, is_safe_name, list_dir, walk

DATA, CATALOG = "data", "catalog"
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
DEFAULT_EPSG = 2154
TILE_SIZE_M = 1000.0   # IGN and CIGAL orthophoto tiles are 1 km × 1 km


@dataclass(frozen=True)
class RemoteTile:
    remote_path: str
    size: int
    name: ftp_names.TileName

    @property
    def file_name(self):
        return self.name.name


@dataclass
class ProductListing:
    path: str
    info: ftp_names.Product
    tiles: list = field(default_factory=list)
    catalog: list = field(default_factory=list)   # remote paths of shapefile parts
    ignored: int = 0                              # files in data/ that are not tiles
    unsafe: list = field(default_factory=list)    # names refused: separators or '..'

    @property
    def folder_name(self):
        return posixpath.basename(self.path.rstrip("/")) or "product"

    @property
    def epsg(self):
        return self.info.epsg or next((ftp_names.CRS_NAMES[t.name.crs] for t in self.tiles if t.name.crs),
                                      None)

    @property
    def departements(self):
        found = {t.name.departement for t in self.tiles if t.name.departement}
        return sorted(found or ({self.info.departement} if self.info.departement else set()))

    @property
    def kind(self):
        """'zip' (MNS packages), else the tiles' extension."""
        extensions = {t.file_name.rsplit(".", 1)[-1].lower() for t in self.tiles}
        return "zip" if "zip" in extensions else (sorted(extensions) or [""])[0]


def _child(entries, name):
    return next((e for e in entries if e.is_dir and e.name.lower() == name), None)


def is_product(entries):
    return _child(entries, DATA) is not None


def find_products(ftp, root="/", max_depth=3, is_cancelled=None, log=None):
    """Every product folder under `root`, `max_depth` levels deep at most, with its tiles."""
    products = []

    def descend(path, entries):
        return not is_product(entries)  # nothing to find inside a product

    for path, entries in walk(ftp, root or "/", max_depth, is_cancelled, descend):
        if is_product(entries):
            if log is not None:
                log(Message("reading {}", path))
            products.append(_read(ftp, path, entries, is_cancelled))
    return products


def open_product(ftp, path, listing=PARAMETER_FIELDS[3]):
    """The listing of the product folder `path`; FtpError/InputError when it is not one, saying to `listing` (the
    caller's words for listing the server's products: FtpServer.listing) to find one."""
    path = "/" + (path or "").strip().strip("/")
    if path == "/":
        raise InputError("Give PRODUCT, a product folder path as list_ftp_products shows it "
                         "(e.g. /open_data/OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015).")
    try:
        entries = list_dir(ftp, path)
    except ftplib.error_perm as exc:
        raise FtpError("The server has no folder '{}' (it replied '{}'): {} to see its products.",
            path, str(exc).strip(), listing) from exc
    if not is_product(entries):
        raise FtpError("'{}' is not a product folder (it has no data/ folder): {} to see the product folders.", path,
                       listing)
    return _read(ftp, path, entries)


def _read(ftp, path, entries, is_cancelled=None):
    listing = ProductListing(path=path, info=ftp_names.parse_product(posixpath.basename(path.rstrip("/"))))
    data = posixpath.join(path, _child(entries, DATA).name)
    # Tiles sit in data/ or one level below (some deliveries split by sub-area).
    for folder, items in walk(ftp, data, 1, is_cancelled):
        for item in items:
            if item.is_dir:
                continue
            if not is_safe_name(item.name):
                listing.unsafe.append(item.name)
                continue
            name = ftp_names.parse_tile(item.name)
            if name is None:
                listing.ignored += 1
            else:
                listing.tiles.append(RemoteTile(posixpath.join(folder, item.name), item.size, name))
    catalog = _child(entries, CATALOG)
    if catalog is not None:
        folder = posixpath.join(path, catalog.name)
        try:
            items = list_dir(ftp, folder)
        except ftplib.error_perm:
            items = []
        listing.catalog = [posixpath.join(folder, e.name) for e in items if not e.is_dir and is_safe_name(e.name)
                           and e.name.lower().endswith(SHAPEFILE_PARTS)]
    listing.tiles.sort(key=lambda t: t.remote_path)
    return listing


# -- footprints ---------------------------------------------------------------

def name_footprint(tile, corner="nw", size=TILE_SIZE_M):
    """The box a tile name describes, in metres: its km numbers name the `corner` corner."""
    x, y = tile.name.x_km * 1000.0, tile.name.y_km * 1000.0
    return (x, y - size, x + size, y) if corner == "nw" else (x, y, x + size, y + size)


def intersects(a, b):
    """Boxes overlap with a positive area (touching edges do not count)."""
    return a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]


def union(boxes):
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def select(tiles, footprints, bbox):
    """The tiles whose footprint overlaps `bbox` (tiles without a footprint are left out)."""
    return [t for t in tiles if t.file_name in footprints and intersects(footprints[t.file_name], bbox)]


def catalog_shapefile(listing):
    """The remote path of the index shapefile's .shp, or None."""
    shapes = [p for p in listing.catalog if p.lower().endswith(".shp")]
    return shapes[0] if shapes else None


def catalog_parts(listing, shp_path):
    stem = shp_path.rsplit(".", 1)[0].lower()
    return [p for p in listing.catalog if p.rsplit(".", 1)[0].lower() == stem]


def describe_coverage(listing, footprints):
    """What a product covers, for the message shown when the area misses it."""
    box = union(footprints.values())
    parts = []
    if listing.departements:
        parts.append(plural(len(listing.departements), "département {}", "départements {}",
                            ", ".join(listing.departements)))
    if box is not None:
        parts.append(Message("x {:.0f}–{:.0f} km, y {:.0f}–{:.0f} km in EPSG:{}",
                             box[0] / 1000, box[2] / 1000, box[1] / 1000, box[3] / 1000, listing.epsg or DEFAULT_EPSG))
        lonlat = _to_lonlat(box, listing.epsg or DEFAULT_EPSG)
        if lonlat is not None:
            parts.append(Message("about {:.2f}–{:.2f}°E, {:.2f}–{:.2f}°N", lonlat[0], lonlat[2], lonlat[1], lonlat[3]))
    # each part a Message, said in the user's language; "; " between them in every language
    return Message("; ".join(["{}"] * len(parts)), *parts) if parts else Message("no tile it could place")


def _to_lonlat(box, epsg):
    try:
        from pyproj import Transformer

        return Transformer.from_crs(epsg, 4326, always_xy=True).transform_bounds(*box)
    except Exception:  # pyproj missing or an unknown CRS: the km figures are still there
        return None

