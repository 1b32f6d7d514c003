"""core.datasets.vectors on a BD TOPO-like GeoPackage and Parcellaire Express-like shapefiles: the useful tables in
drawing order, and a copy cut to an area (nothing left half-written)."""

import os

import pytest
from osgeo import ogr

from core.datasets import vectors
from core.errors import Cancelled, InputError
from tests.support import dataset_samples as samples

X, Y = samples.X, samples.Y
AREA = samples.lambert_area(X + 1000, Y + 200, X + 2000, Y + 1200, title="Montgiscard")


@pytest.fixture()
def bdtopo(tmp_path):
    return samples.bdtopo_gpkg(str(tmp_path / "BDTOPO_D031.gpkg"))


def test_useful_bdtopo_layers_in_drawing_order(bdtopo):
    assert vectors.useful_layers("BDTOPO", bdtopo) == [
        "zone_de_vegetation", "surface_hydrographique", "commune", "batiment", "troncon_hydrographique",
        "troncon_de_voie_ferree", "troncon_de_route", "zone_d_habitation", "lieu_dit_non_habite"]


def test_useful_cadastre_layers_keep_the_file_names(tmp_path):
    folder = samples.parcellaire_shapefiles(str(tmp_path / "PE"))
    assert vectors.useful_layers("PARCELLAIRE-EXPRESS", folder) == ["COMMUNE", "FEUILLE", "PARCELLE", "BATIMENT"]


def test_clip_keeps_only_what_lies_in_the_area(bdtopo, tmp_path):
    calls = []
    out = vectors.clip_geopackage(bdtopo, str(tmp_path / "clip" / "bdtopo-montgiscard.gpkg"), AREA,
                                  layers=["troncon_de_route", "batiment", "lieu_dit_non_habite"],
                                  progress=lambda done, total: calls.append((done, total)))
    source = ogr.Open(out)
    assert sorted(source.GetLayer(i).GetName() for i in range(source.GetLayerCount())) == [
        "batiment", "lieu_dit_non_habite", "troncon_de_route"]
    roads = source.GetLayerByName("troncon_de_route")
    xmin, xmax, ymin, ymax = roads.GetExtent()
    assert X + 1000 - 50 <= xmin and xmax <= X + 2000 + 50  # the A61 (3 km long) is cut at the area's edges
    assert {f.GetField("importance") for f in roads} == {"1", "3"}  # the sentier and the small road lie outside
    assert source.GetLayerByName("batiment").GetFeatureCount() == 0  # the houses are west of the area
    assert source.GetLayerByName("lieu_dit_non_habite").GetFeatureCount() == 0  # En Sicard is east of it
    assert calls[-1] == (3000, 3000)
    assert os.listdir(str(tmp_path / "clip")) == ["bdtopo-montgiscard.gpkg"]


def test_clip_cancelled_leaves_nothing(bdtopo, tmp_path):
    with pytest.raises(Cancelled):
        vectors.clip_geopackage(bdtopo, str(tmp_path / "c.gpkg"), AREA, is_cancelled=lambda: True)
    assert os.listdir(str(tmp_path)) == ["BDTOPO_D031.gpkg"]


def test_clip_refuses_a_missing_layer_and_an_unreadable_file(bdtopo, tmp_path):
    with pytest.raises(InputError, match="has no layer route"):
        vectors.clip_geopackage(bdtopo, str(tmp_path / "c.gpkg"), AREA, layers=["route"])
    junk = tmp_path / "junk.gpkg"
    junk.write_bytes(b"not sqlite")
    with pytest.raises(InputError, match="is not a vector dataset GDAL can read"):
        vectors.clip_geopackage(str(junk), str(tmp_path / "c.gpkg"), AREA)
    with pytest.raises(InputError, match="is the same file as the input"):
        vectors.clip_geopackage(bdtopo, bdtopo, AREA)
