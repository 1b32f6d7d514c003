"""Names and attribution (issue 29, points 6 and 7): rendered exports of a vector layer carry its title and credit in
each format's own metadata (MBTiles for AlpineQuest, GeoPackage; OsmAnd's file has no such field: its name says
it), layers are named by their titles with the raw identifier in the tooltip, and the offline copy of a project
keeps those names."""

import os
import sqlite3

import pytest
from qgis.core import QgsProject

from core import mbtiles
from core.field import projects
from core.tiles import areas
from tests.support import sample_mbtiles, vector_samples

CREDIT = "© IGN — Géoplateforme"


@pytest.fixture()
def library(tmp_path):
    """The library: PLAN.IGN.mbtiles (vector, named by its identifier as GDAL and IGN's metadata.json may name it,
    IGN's credit) and ORTHOIMAGERY.ORTHOPHOTOS.mbtiles (raster, named by its identifier too)."""
    folder = tmp_path / "library"
    folder.mkdir()
    gdal_file = vector_samples.gdal_vector_mbtiles(str(tmp_path / "gdal.mbtiles"), str(tmp_path))
    vector = vector_samples.ours(gdal_file, str(folder / "PLAN.IGN.mbtiles"))
    vector_samples.write_style(vector)
    raster = str(folder / "ORTHOIMAGERY.ORTHOPHOTOS.mbtiles")
    sample_mbtiles.write_sample(raster, areas.PRESETS["carcassonne"], 10, 11, "ORTHOIMAGERY.ORTHOPHOTOS")
    for path, layer in ((vector, "PLAN.IGN"), (raster, "ORTHOIMAGERY.ORTHOPHOTOS")):
        with mbtiles.MBTilesWriter(path) as writer:
            writer.update_metadata({"name": layer, "attribution": CREDIT, "ign_offline:layer": layer})
    return folder, vector, raster


def metadata_of(path):
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT name, value FROM metadata"))


def test_alpinequest_gets_the_title_the_credit_and_a_base_map(processing, library, tmp_path):
    folder, vector, _ = library
    result = processing.run("ign_offline:export_tiles", {"INPUT": vector, "TARGET": "alpinequest", "ZOOM_MIN": 11,
                                                         "ZOOM_MAX": 12, "LIBRARY": str(folder)})
    output = result["OUTPUT"]
    assert os.path.basename(output) == "Plan_IGN_z11-12.mbtiles"  # the title, not the identifier
    metadata = metadata_of(output)
    assert metadata["name"] == "Plan IGN" and metadata["attribution"] == CREDIT
    assert metadata["type"] == "baselayer" and metadata["format"] == "png"
    assert ".render" not in str(metadata)


def test_a_rendered_geopackage_is_identified_by_the_title_and_credits_ign(processing, library, tmp_path):
    _, vector, _ = library
    output = str(tmp_path / "plan.gpkg")
    processing.run("ign_offline:export_tiles", {"INPUT": vector, "FORMAT": "gpkg", "OUTPUT": output, "ZOOM_MIN": 11,
                                                "ZOOM_MAX": 11})
    with sqlite3.connect(output) as db:
        identifier, description = db.execute("SELECT identifier, description FROM gpkg_contents").fetchone()
    assert identifier == "Plan IGN" and description == CREDIT


def test_osmand_and_locus_files_are_named_by_the_title(processing, library):
    folder, vector, _ = library
    result = processing.run("ign_offline:export_tiles", {"INPUT": vector, "TARGET": "osmand", "ZOOM_MIN": 12,
                                                         "ZOOM_MAX": 12, "LIBRARY": str(folder)})
    assert os.path.basename(result["OUTPUT"]) == "Plan_IGN_z12-12.sqlitedb"


def test_layers_are_named_by_their_titles_the_identifier_in_the_tooltip(provider, project, library):
    from ign_offline.toolbelt.layers import load_mbtiles

    _, vector, raster = library
    plan, ortho = load_mbtiles(project, vector), load_mbtiles(project, raster)
    assert (plan.name(), ortho.name()) == ("Plan IGN", "Photographies aériennes")
    assert plan.abstract().splitlines()[0] == "PLAN.IGN" and "ORTHOIMAGERY.ORTHOPHOTOS" in ortho.abstract()
    assert plan.attribution() == CREDIT == ortho.attribution()


def test_the_offline_copy_of_a_project_keeps_the_titles(processing, project, library, tmp_path):
    from ign_offline.toolbelt.layers import load_mbtiles

    _, vector, raster = library
    load_mbtiles(project, vector)
    load_mbtiles(project, raster)
    saved = str(tmp_path / "project" / "terrain.qgs")
    os.makedirs(os.path.dirname(saved))
    assert project.write(saved)
    result = processing.run("ign_offline:make_project_offline", {
        "PROJECT": saved, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 11,
        "OUTPUT_FOLDER": str(tmp_path / "offline")})
    copy = projects.read_project(result["PROJECT_OFFLINE"])
    assert sorted(layer.name for layer in copy.layers) == ["Photographies aériennes", "Plan IGN"]
    reopened = QgsProject()
    assert reopened.read(result["PROJECT_OFFLINE"])
    assert sorted(layer.name() for layer in reopened.mapLayers().values()) == ["Photographies aériennes",
                                                                                "Plan IGN"]
