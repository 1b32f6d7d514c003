"""Layers shown by their titles, never their raw identifiers, and renderings that keep the title and credit of
the layer they draw (issue 29, points 6 and 7). No QGIS: a rendering is stood in by a raster MBTiles named as
QGIS's tile renderer names its file."""

import json
import sqlite3

import pytest

from core import mbtiles
from core.field import exports, identity
from core.naming import display_title
from core.tiles import areas
from core.vector import tms
from tests.support.images import png_tile

CREDIT = "© IGN — Géoplateforme"


@pytest.mark.parametrize("identifier, candidates, title", [
    ("PLAN.IGN", ("PLAN.IGN", "Plan IGN"), "Plan IGN"),            # metadata.json: name, description
    ("PLAN.IGN", ("PLAN.IGN",), "Plan IGN"),                       # only the identifier: IGN's title
    ("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", ("",), "Plan IGN v2"),
    ("ORTHOIMAGERY.ORTHOPHOTOS", ("ORTHOIMAGERY.ORTHOPHOTOS", "ORTHOIMAGERY.ORTHOPHOTOS"),
     "Photographies aériennes"),
    ("PLAN.IGN", ("Plan IGN (mon export)",), "Plan IGN (mon export)"),  # the user's or server's own title stays
    ("my_layer", ("", "my layer"), "my layer"),                    # a file of another tool: its name made readable
    ("UNKNOWN.LAYER", ("unknown.layer",), "UNKNOWN.LAYER"),        # nothing better known
])
def test_a_title_is_never_the_raw_identifier_when_a_better_one_is_known(identifier, candidates, title):
    assert display_title(identifier, *candidates) == title


def test_a_metadata_json_naming_the_layer_by_its_identifier_gives_its_title():
    document = {"name": "PLAN.IGN", "description": "PLAN.IGN", "vector_layers": [{"id": "routier_route"}]}
    assert tms.parse_metadata(json.dumps(document), "PLAN.IGN").title == "Plan IGN"
    document["description"] = "Plan IGN (Géoplateforme)"
    assert tms.parse_metadata(json.dumps(document), "PLAN.IGN").title == "Plan IGN (Géoplateforme)"


@pytest.fixture()
def rendered(tmp_path):
    """(the vector MBTiles, its rendering as QGIS's tile renderer writes it: named after its file, an overlay)."""
    vector = str(tmp_path / "PLAN.IGN.mbtiles")
    with mbtiles.MBTilesWriter(vector) as writer:
        writer.update_metadata(mbtiles.build_metadata("PLAN.IGN", "pbf", areas.PRESETS["carcassonne"].bbox, 10, 11,
                                                      attribution=CREDIT, vector_layers=[{"id": "roads"}]))
        writer.update_metadata({"ign_offline:layer": "PLAN.IGN"})
    staged = str(tmp_path / "Plan_IGN_z10-11.mbtiles.render.mbtiles")
    with sqlite3.connect(staged) as db:
        db.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                         "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                         "tile_data BLOB);")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", [
            ("name", "Plan_IGN_z10-11.mbtiles.render"), ("format", "png"), ("type", "overlay"),
            ("bounds", "2.30,43.18,2.40,43.25"), ("minzoom", "10"), ("maxzoom", "10")])
        db.execute("INSERT INTO tiles VALUES (10, 518, 1, ?)", (png_tile((40, 120, 200)),))
    return vector, staged


def test_every_export_of_a_rendering_carries_the_layers_title_and_credit(rendered, tmp_path):
    vector, staged = rendered
    assert identity.carry_identity(vector, staged)["name"] == "Plan IGN"
    [part] = exports.export(staged, str(tmp_path / "alpine.mbtiles"), "mbtiles")
    with sqlite3.connect(part.path) as db:
        metadata = dict(db.execute("SELECT name, value FROM metadata"))
    assert (metadata["name"], metadata["attribution"], metadata["type"]) == ("Plan IGN", CREDIT, "baselayer")
    [part] = exports.export(staged, str(tmp_path / "plan.gpkg"), "gpkg")
    with sqlite3.connect(part.path) as db:
        assert db.execute("SELECT identifier, description FROM gpkg_contents").fetchone() == ("Plan IGN", CREDIT)
    with sqlite3.connect(staged) as db:  # one row per key: the renderer's replaced, not doubled
        assert db.execute("SELECT COUNT(*) FROM metadata WHERE name = 'name'").fetchone() == (1,)
