"""How the library names a layer's file: `<folder>/<LAYER>.mbtiles`, the layer made safe for any file system.

One rule for the plans, the downloads, the dock's defaults and the offline projects' basemaps, so a layer
fetched one way is found, resumed and reused by the others.
"""

import os

from .text import fold_accents

EXTENSION = ".mbtiles"


def safe_name(layer):
    """`layer` with every character but letters, digits, '.', '_' and '-' made '_'."""
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in layer)


def file_name(layer):
    """`<LAYER>.mbtiles`: the file name of `layer` in a library."""
    return safe_name(layer) + EXTENSION


def library_file(folder, layer):
    """The library's file for `layer`: `<folder>/<LAYER>.mbtiles`."""
    return os.path.join(folder, file_name(layer))


def area_file_name(title):
    """`<title>.geojson` with accents folded and anything but letters, digits, '.', '_' and '-' made '_'."""
    name = safe_name(fold_accents(title or "").strip()).strip("._") or "area"
    return name[:80] + ".geojson"


# What IGN calls its layers (the capabilities' and the TMS service document's titles, as the Géoplateforme
# publishes them): a file, a metadata.json or a recovered cache that names a layer by its identifier alone still
# shows the user the title. The identifier stays in the layer's abstract (its tooltip).
KNOWN_TITLES = {
    "PLAN.IGN": "Plan IGN",
    "PCI": "Parcellaire Express (PCI)",
    "BDTOPO": "BD TOPO",
    "ISOHYPSE": "Courbes de niveau",
    "ADMIN_EXPRESS": "Admin Express",
    "OCSGE": "OCS GE",
    "PLAN.OSM": "Plan OSM",
    "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2": "Plan IGN v2",
    "GEOGRAPHICALGRIDSYSTEMS.MAPS.BDUNI.J1": "Plan IGN J+1",
    "GEOGRAPHICALGRIDSYSTEMS.MAPS": "Cartes IGN",
    "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR": "SCAN 25 Touristique",
    "ORTHOIMAGERY.ORTHOPHOTOS": "Photographies aériennes",
    "ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO": "Ortho 50 cm",
    "ORTHOIMAGERY.ORTHOPHOTOS.IRC": "BD ORTHO IRC",
    "CADASTRALPARCELS.PARCELLAIRE_EXPRESS": "Parcellaire cadastral",
    "ELEVATION.ELEVATIONGRIDCOVERAGE.SHADOW": "Estompage",
    "ELEVATION.SLOPES": "Altitude",
    "ELEVATION.CONTOUR.LINE": "Courbes de niveau",
}


def display_title(identifier, *candidates):
    """The name a layer is shown by: the first of `candidates` (a title the server or the file gave) that is not
    the raw identifier (nor the file name made of it), else IGN's title of `identifier`, else the identifier."""
    raw = {(identifier or "").strip().casefold(), safe_name((identifier or "").strip()).casefold()}
    for candidate in candidates:
        text = " ".join(str(candidate or "").split())
        if text and text.casefold() not in raw:
            return text
    return KNOWN_TITLES.get((identifier or "").strip().upper(), (identifier or "").strip())
