"""What an export can make and for whom: the formats (EXPORT_FORMATS, the FORMAT enum's order), the field apps
(TARGETS) with their formats and size caps, and how outputs and their parts are named."""

import os
from dataclasses import dataclass

from ..errors import InputError
from ..messages import Message
from ..text import fold_accents
from .writers import (
    GeoPackageWriter,
    MBTilesWriter,
    OsmAndWriter,
    PMTilesWriter,
)

# Formats that take vector tiles as they are; the others hold pictures, so a vector layer is rendered first.


# Formats that take vector tiles as they are; the others hold pictures, so a vector layer is rendered first.
VECTOR_FORMATS = ("mbtiles", "pmtiles")


# Field apps that draw only raster tiles: a vector layer goes to them rendered by QGIS with its style.
RASTER_ONLY_TARGETS = ("osmand", "locus", "alpinequest", "avenza")


@dataclass(frozen=True)
class ExportFormat:
    """A format of the export: what FORMAT names, what it is for, and how it is written."""

    name: str                 # the FORMAT value; its place in EXPORT_FORMATS is its number
    label: str                # what it is for, in the FORMAT parameter's description (a Message)
    apps: str                 # the field apps that open it, said when the export starts
    extension: str
    writer: type = None       # copies an MBTiles' tiles into it (a Writer); None: rasters only
    raster_driver: str = None  # the GDAL driver re-encoding a raster into it; None: MBTiles input only
    qgis_reads: bool = True   # False: not added to the project (QGIS cannot open it)
    render_driver: str = None  # MBTiles input: the tiles copied as MBTiles, then rendered by this GDAL driver
    title: str = ""           # what a person calls the file ("a GeoPackage"), in messages


# The order is the FORMAT enum's: FORMAT=0 is mbtiles, 1 osmand, and so on. Add at the end only.
EXPORT_FORMATS = (
    ExportFormat("mbtiles", Message("QField and most apps"), "QField, QGIS, AlpineQuest, Locus", ".mbtiles",
                 MBTilesWriter, "MBTILES", title="MBTiles"),
    ExportFormat("osmand", Message("OsmAnd and Locus"), "OsmAnd, Locus", ".sqlitedb", OsmAndWriter, qgis_reads=False,
                 title="SQLiteDB"),
    ExportFormat("gpkg", Message("GeoPackage"), "QField, QGIS, GDAL", ".gpkg", GeoPackageWriter, "GPKG",
                 title="GeoPackage"),
    ExportFormat("cog", Message("a Cloud-Optimized GeoTIFF, rasters only"), "QField, QGIS (Cloud-Optimized GeoTIFF)",
                 ".tif", raster_driver="COG", title="GeoTIFF"),
    ExportFormat("pmtiles", Message("PMTiles for a web page"), "MapLibre, Leaflet, OpenLayers (web)", ".pmtiles",
                 PMTilesWriter, qgis_reads=False, title="PMTiles"),
    ExportFormat("geotiff", Message("a tiled GeoTIFF, re-encoded in JPEG"), "Avenza Maps, QGIS", ".tif", MBTilesWriter,
                 render_driver="GTiff", title="GeoTIFF"),
)


FORMATS = tuple(f.name for f in EXPORT_FORMATS if f.writer)                # of MBTiles input


RASTER_FORMATS = tuple(f.name for f in EXPORT_FORMATS if f.raster_driver)  # of raster input


def export_format(name):
    """The ExportFormat called `name`; InputError naming them all otherwise."""
    for found in EXPORT_FORMATS:
        if found.name == name:
            return found
    raise InputError("Unknown FORMAT '{}': use one of {}.", name, ", ".join(f.name for f in EXPORT_FORMATS))


@dataclass(frozen=True)
class Target:
    """A field app (or the web) as the export's TARGET: the formats it opens, the first by default."""

    name: str         # the TARGET value, and the folder of its files under <library>/exports/
    label: str        # what the dock and the parameter show (a Message: the dock translates it)
    formats: tuple    # ExportFormat names it opens, the best first
    cap_mb: int       # the size per file it suggests (0: none): FAT32 stops at 4000 MB, some apps at 2000
    notes: str        # where the file goes on the device (a Message)


FAT32_MB = 4000


APPS_MB = 2000


# The order is the TARGET enum's. Add at the end only.
TARGETS = (
    Target("qfield", Message("QField"), ("mbtiles", "gpkg"), APPS_MB,
           Message("Copy the file beside the project on the device; QFieldCloud advises files under 2 GB.")),
    Target("osmand", Message("OsmAnd"), ("osmand",), FAT32_MB,
           Message("OsmAnd reads .sqlitedb (not MBTiles): copy it into osmand/tiles/ on the device.")),
    Target("locus", Message("Locus Map"), ("osmand", "mbtiles"), APPS_MB,
           Message("Copy it into Locus/mapsOnline/ or Locus/maps/; older Android versions cannot open files "
                   "over 2 GB.")),
    Target("alpinequest", Message("AlpineQuest"), ("mbtiles",), FAT32_MB,
           Message("Copy it into AlpineQuest/maps/ on the device.")),
    Target("avenza", Message("Avenza Maps (GeoTIFF)"), ("geotiff", "cog"), FAT32_MB,
           Message("Avenza imports GeoTIFF: the tiles are rendered by GDAL (re-encoded in JPEG) at the highest "
                   "zoom.")),
    Target("web", Message("Web page (PMTiles, MapLibre)"), ("pmtiles",), 0,
           Message("A folder whose index.html shows the map in a browser, offline: serve the folder with a web server "
                   "that honours byte ranges (python3 serve.py in it), then open the address it gives.")),
)


TARGET_NAMES = tuple(t.name for t in TARGETS)


def target(name):
    """The Target called `name`; InputError naming them all otherwise."""
    for found in TARGETS:
        if found.name == name:
            return found
    raise InputError("Unknown TARGET '{}': use one of {}.", name, ", ".join(TARGET_NAMES))


def target_format(chosen, kind=None, tiles=True):
    """The format to write for Target `chosen`: `kind` when given (and the target opens it), else the first it
    opens of an MBTiles (`tiles`) or of a raster input."""
    if kind:
        if kind not in chosen.formats:
            raise InputError("{} opens {}, not FORMAT {}: leave FORMAT empty or pick one of these.",
                             chosen.label, ", ".join(chosen.formats), kind)
        return kind
    usable = FORMATS if tiles else RASTER_FORMATS
    for name in chosen.formats:
        if name in usable:
            return name
    raise InputError("{} opens {}, which cannot be made from this INPUT: export an MBTiles of the library.",
                     chosen.label, ", ".join(chosen.formats))


def vector_plan(chosen, kind):
    """For a vector MBTiles: (format, rendered). Copied as they are into MBTiles or PMTiles (QField, web); rendered
    into raster tiles by QGIS first for an app that draws only pictures (OsmAnd, Locus, AlpineQuest, Avenza) or a
    picture format (osmand, gpkg, geotiff). InputError for what cannot hold them (cog: rasters only)."""
    if chosen is not None:
        kind = target_format(chosen, kind, tiles=True)
        if chosen.name in RASTER_ONLY_TARGETS:
            return kind, True
    kind = kind or VECTOR_FORMATS[0]
    if kind in VECTOR_FORMATS:
        return kind, False
    if kind not in FORMATS:
        raise InputError("FORMAT {} is for rasters: vector tiles are exported as {}, or rendered into {}.", kind,
                         " or ".join(VECTOR_FORMATS), ", ".join(f for f in FORMATS if f not in VECTOR_FORMATS))
    return kind, True


def safe_file_part(text, longest=60):
    """`text` as a piece of a file name any system and phone accepts: accents folded, every run of characters
    but letters, digits, '.', '-' made one '_', no leading or trailing dot or '_'."""
    folded = fold_accents(str(text))
    kept = "".join(c if (c.isascii() and c.isalnum()) or c in ".-" else "_" for c in folded)
    while "__" in kept:
        kept = kept.replace("__", "_")
    return kept[:longest].strip("._-") or "export"


def default_output(library, folder, layer_title, area_title, zoom_min, zoom_max, kind):
    """`<library>/exports/<folder>/<layer>_<area>_z<min>-<max><ext>`: a name that says what the file holds
    (`folder` is the target's name, or the format's when no target was given; no `area_title`: the whole file)."""
    pieces = [safe_file_part(layer_title)] + ([safe_file_part(area_title)] if area_title else [])
    name = "{}_z{}-{}{}".format("_".join(pieces), zoom_min, zoom_max, export_format(kind).extension)
    return os.path.join(library, "exports", safe_file_part(folder), name)


# Extensions of other files than exports' ones: a name ending so is not given a second extension, but refused.
OTHER_EXTENSIONS = {".tiff": "GeoTIFF", ".sqlite": "SQLite", ".db": "SQLite", ".zip": "ZIP", ".vrt": "VRT",
                    ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".jp2": "JPEG 2000", ".kmz": "KMZ",
                    ".pdf": "PDF"}


def output_with_extension(output, kind):
    """`output` with the extension of format `kind`: added when the name has none or one that names no file
    format (QGIS's temporary 'OUTPUT.file'); InputError when it names another format (a GeoPackage in 'x.tif')."""
    wanted = export_format(kind)
    extension = os.path.splitext(output)[1].lower()
    if extension == wanted.extension:
        return output
    known = dict(OTHER_EXTENSIONS)
    known.update((f.extension, f.title) for f in EXPORT_FORMATS)
    if extension in known:
        raise InputError("OUTPUT '{}' names a {} file but FORMAT {} writes {}: name it '{}', or pick the FORMAT of "
                         "that file.", output, known[extension], kind, wanted.title,
                         os.path.splitext(output)[0] + wanted.extension)
    return output + wanted.extension


def part_path(output, number, zoom_min, zoom_max, kind):
    stem = os.path.splitext(output)[0]
    return "{}_{:02d}_z{}-{}{}".format(stem, number, zoom_min, zoom_max, export_format(kind).extension)
