"""What an exported map says it is: its title, its credit, and the identity a rendering of a vector file carries
over from it (QGIS's tile renderer names the raster it makes after its temporary file and credits no one)."""

import os
import sqlite3

from .. import mbtiles, naming
from ..sources import policies

# Géoplateforme runs ROK4, whose capabilities name "ROK4 Team" as their provider (a mirror or a file of another tool
# keeps it).
SERVER_SOFTWARE = ("rok4 team", "rok4")


def attribution(metadata):
    """The attribution an export writes for the MBTiles `metadata`: the file's own, unless it names a server's
    software (ROK4: IGN's data, credited to IGN) or is empty (then the policy table's for its source, if any)."""
    said = str(metadata.get("attribution") or "").strip()
    source = str(metadata.get("ign_offline:source") or "")
    if said.lower() in SERVER_SOFTWARE:
        ign = policies.policy_for("https://data.geopf.fr/")
        return ign.private_attribution if ign.is_private(source) else ign.attribution
    return said or (policies.attribution_for(source) if source else "")


def layer_title(path, metadata):
    """The title of the layer an MBTiles holds (its `name`, never a raw identifier: "PLAN.IGN" is "Plan IGN"),
    else its file name made readable."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return naming.display_title(metadata.get("ign_offline:layer") or stem, metadata.get("name"),
                                stem.replace("_", " "))


# Marks the raster MBTiles QGIS rendered from a vector one (carry_identity): exports of it record no patch scope.
RENDERED = "ign_offline:rendered"


def carry_identity(source, rendered):
    """Write the title, attribution and description of the vector MBTiles `source` into `rendered`, the raster
    MBTiles QGIS's tile renderer made of it — which names itself after its temporary file
    (`….mbtiles.render`), credits no one and calls itself an overlay. Every format exported from the rendering
    then says what the map is and whose (MBTiles name, attribution, type baselayer; GeoPackage identifier and
    description; PMTiles metadata)."""
    with mbtiles.MBTilesReader(source) as reader:
        metadata = reader.metadata()
    title = layer_title(source, metadata)
    values = {"name": title, "attribution": metadata.get("attribution", ""),
              "description": metadata.get("description") or title, "type": "baselayer", RENDERED: "1"}
    db = sqlite3.connect(rendered, isolation_level=None)
    try:
        db.execute("BEGIN")
        db.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT)")
        db.executemany("DELETE FROM metadata WHERE name = ?", [(key,) for key in values])
        db.executemany("INSERT INTO metadata (name, value) VALUES (?, ?)", values.items())
        db.execute("COMMIT")
    finally:
        db.close()
    return values
