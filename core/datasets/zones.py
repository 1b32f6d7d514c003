"""The service's zones: départements as `D031`, Occitanie's with their names, and areas as its polygon strings."""

import re

from osgeo import osr

OCCITANIE = {
    "09": "Ariège", "11": "Aude", "12": "Aveyron", "30": "Gard", "31": "Haute-Garonne", "32": "Gers",
    "34": "Hérault", "46": "Lot", "48": "Lozère", "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales",
    "81": "Tarn", "82": "Tarn-et-Garonne",
}
# The service's query string grows with each vertex: past this, an area is sent as its box (a superset, so
# no zone it meets is missed).
MAX_VERTICES = 200
# A zone term becomes a folder name (`datasets/<PRODUCT>/<zone>`): only the service's codes are taken, a
# département (`D031`, `D02A`, `D971`), a region (`R76`) or a country (`FRA`), in capitals. Anything else (`..`,
# `/abs`, `C:\x`, `..\x`) would be a path, on some system if not on this one.
_ZONE_CODE = re.compile(r"\A(?:D(?:0[0-9]{2}|02[AB]|9[78][0-9])|R[0-9]{2}|[A-Z]{3})\Z")
# Names Windows keeps for its devices, whatever the case: a folder cannot have them there.
_DEVICES = {"CON", "PRN", "AUX", "NUL"}


def is_zone_code(term):
    """True when `term` is one of the service's zone codes (D031, D02A, D971, R76, FRA), safe as a folder name on
    every system."""
    return isinstance(term, str) and bool(_ZONE_CODE.match(term)) and term not in _DEVICES


def zone_term(departement):
    """'D031' for '31', '031', 'D31' or 31; 'D02A' for '2A'."""
    code = str(departement).strip().upper()
    code = code[1:] if code.startswith("D") else code
    return "D" + code.zfill(3)


def departement_of(term):
    """'31' for 'D031', '2A' for 'D02A', '971' for 'D971'."""
    code = term.strip().upper().lstrip("D")
    return code[1:] if len(code) == 3 and code.startswith("0") else code


def zone_name(term):
    """'Haute-Garonne' for 'D031' (Occitanie's départements), else the term itself."""
    return OCCITANIE.get(departement_of(term), term)


def departement_label(term, label=None):
    """'Haute-Garonne (31)' for 'D031' and the service's label 'D031 Haute-Garonne' (or Occitanie's names when no
    label is given); the number alone when no name is known: the code said once, as a person reads it."""
    code = departement_of(term)
    words = (label or "").split()
    name = " ".join(words[1:] if words and words[0].upper() == term.upper() else words) or zone_name(term)
    return "{} ({})".format(name, code) if name and name.upper() not in (code.upper(), term.upper()) else code


def polygon_string(ring):
    """The service's `polygon=` value for a lon/lat ring: 'x1,y1;x2,y2;…', closed."""
    points = [(float(x), float(y)) for x, y in ring]
    if points and points[0] != points[-1]:
        points.append(points[0])
    return ";".join("{:.6f},{:.6f}".format(x, y) for x, y in points)


def box_ring(west, south, east, north):
    return [(west, south), (east, south), (east, north), (west, north), (west, south)]


def area_ring(area):
    """An Area's outline as one lon/lat ring: its polygon when it is one of few vertices, else its box."""
    polygons = getattr(area, "polygons", None)
    if polygons is not None and len(polygons.parts) == 1 and len(polygons.parts[0][0]) <= MAX_VERTICES:
        return _to_lonlat(polygons.parts[0][0])
    return box_ring(*area.bbox)


def area_polygon(area):
    """An Area (core.tiles.areas) as the service's polygon string."""
    return polygon_string(area_ring(area))


def _to_lonlat(ring):
    mercator, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    mercator.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(mercator, wgs84)
    return [transform.TransformPoint(x, y)[:2] for x, y in ring]
