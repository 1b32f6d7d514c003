"""Whole datasets in QGIS (issue 23, products): BD TOPO and Parcellaire Express load as groups of styled layers that
draw; the relief loads under the basemaps; ign_offline:relief through qgis_process writes COGs; French names."""

import os

import pytest
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
)
from qgis.PyQt.QtGui import QPainter

from core.datasets import orthos, relief
from tests.qgis.conftest import make_process
from tests.support import dataset_samples as samples
from tests.support.qgis_render import count_colour, render_image

L93 = QgsCoordinateReferenceSystem("EPSG:2154")
SAMPLE_EXTENT = QgsRectangle(samples.X, samples.Y, samples.X + 3000, samples.Y + 2000)


def tree_names(group):
    return [child.name() for child in group.children()]


def layer_named(group, name):
    return next(child.layer() for child in group.children() if child.name() == name)


def test_bdtopo_loads_as_a_group_of_styled_layers_that_draw(project, tmp_path):
    from ign_offline.toolbelt.datasets import load_vector_dataset

    gpkg = samples.bdtopo_gpkg(str(tmp_path / "BDTOPO.gpkg"))
    group = load_vector_dataset(project, gpkg, "BDTOPO", "BD TOPO — Haute-Garonne")
    assert project.layerTreeRoot().children()[0] is group and group.name() == "BD TOPO — Haute-Garonne"
    assert tree_names(group) == ["Place names", "Towns and villages", "Roads", "Railways", "Rivers and streams",
                                 "Buildings", "Communes", "Water surfaces", "Vegetation"]
    for child in group.children():
        assert isinstance(child, QgsLayerTreeLayer) and child.layer().isValid() and child.layer().featureCount() > 0
    roads, buildings = layer_named(group, "Roads"), layer_named(group, "Buildings")
    assert count_colour(render_image([roads], SAMPLE_EXTENT, L93), "#e8473b") > 100      # the A61, red
    assert count_colour(render_image([roads], SAMPLE_EXTENT, L93), "#7a1f17", 20) > 50   # …with its casing
    assert count_colour(render_image([buildings], SAMPLE_EXTENT, L93), "#b4b0a8") > 30   # the houses, grey
    everything = render_image([c.layer() for c in group.children()], SAMPLE_EXTENT, L93)
    assert count_colour(everything, "#a6cee3") > 100 and count_colour(everything, "#d4ebbf") > 100  # water, woods
    assert layer_named(group, "Place names").labelsEnabled()
    assert layer_named(group, "Towns and villages").labeling().settings().fieldName == "toponyme"
    # Loaded again: the group is replaced, not doubled.
    load_vector_dataset(project, gpkg, "BDTOPO", "BD TOPO — Haute-Garonne")
    assert [c.name() for c in project.layerTreeRoot().children()].count("BD TOPO — Haute-Garonne") == 1
    assert len(project.mapLayers()) == 9


def test_cadastre_shapefiles_load_with_parcel_numbers(project, tmp_path):
    from ign_offline.toolbelt.datasets import load_vector_dataset

    folder = samples.parcellaire_shapefiles(str(tmp_path / "PE"))
    group = load_vector_dataset(project, folder, "PARCELLAIRE-EXPRESS", "Cadastre — Montgiscard")
    assert tree_names(group) == ["Buildings", "Parcels", "Cadastral sheets", "Communes"]
    parcels = layer_named(group, "Parcels")
    assert parcels.isValid() and parcels.featureCount() == 10
    assert parcels.labeling().settings().fieldName == "NUMERO"
    assert count_colour(render_image([parcels], SAMPLE_EXTENT, L93), "#c05050", 30) > 50


def test_relief_loads_under_the_basemaps(project, tmp_path):
    from ign_offline.toolbelt.datasets import load_orthos, load_relief

    ortho = orthos.ortho_mosaic(samples.bdortho_tiles(str(tmp_path / "ortho")), str(tmp_path / "BDORTHO.vrt"))
    load_orthos(project, ortho, "BD ORTHO — Montgiscard")
    dem = relief.mosaic(samples.rgealti_tiles(str(tmp_path / "dem")), str(tmp_path / "RGEALTI.vrt"))
    paths = relief.relief(dem, str(tmp_path / "relief"), contours=20)
    group = load_relief(project, paths, "Relief — Montgiscard")
    root = project.layerTreeRoot()
    assert root.children()[-1] is group and root.children()[0].name() == "BD ORTHO — Montgiscard"  # the ortho above
    assert tree_names(group) == ["Contour lines", "Slope (degrees)", "Hillshade"]
    hillshade = layer_named(group, "Hillshade")
    assert hillshade.isValid() and hillshade.blendMode() == QPainter.CompositionMode_Multiply
    assert not group.children()[1].itemVisibilityChecked() and group.children()[2].itemVisibilityChecked()
    image = render_image([hillshade], SAMPLE_EXTENT, L93)
    assert len({image.pixel(x, 128) for x in range(0, 256, 4)}) > 10  # shaded, not one flat grey


def all_four(folder):
    """The four products' results, made from samples: {kind: (loader, arguments)}."""
    from ign_offline.toolbelt import datasets

    folder = str(folder)
    ortho = orthos.ortho_mosaic(samples.bdortho_tiles(os.path.join(folder, "ortho")),
                                os.path.join(folder, "BDORTHO.vrt"))
    dem = relief.mosaic(samples.rgealti_tiles(os.path.join(folder, "dem")), os.path.join(folder, "RGEALTI.vrt"))
    paths = relief.relief(dem, os.path.join(folder, "relief"), contours=20)
    return {"BD TOPO — Toulouse": lambda p: datasets.load_vector_dataset(
                p, samples.bdtopo_gpkg(os.path.join(folder, "b.gpkg")), "BDTOPO", "BD TOPO — Toulouse"),
            "Parcellaire Express — Toulouse": lambda p: datasets.load_vector_dataset(
                p, samples.parcellaire_shapefiles(os.path.join(folder, "PE")), "PARCELLAIRE-EXPRESS",
                "Parcellaire Express — Toulouse"),
            "BD ORTHO — Toulouse": lambda p: datasets.load_orthos(p, ortho, "BD ORTHO — Toulouse"),
            "RGE ALTI 5 m — Toulouse": lambda p: datasets.load_relief(p, paths, "RGE ALTI 5 m — Toulouse")}


@pytest.mark.parametrize("order", [("BD ORTHO", "RGE ALTI", "BD TOPO", "Parcellaire"),
                                   ("RGE ALTI", "BD TOPO", "BD ORTHO", "Parcellaire"),
                                   ("Parcellaire", "BD ORTHO", "RGE ALTI", "BD TOPO"),
                                   ("BD TOPO", "Parcellaire", "RGE ALTI", "BD ORTHO")])
def test_vector_data_stays_above_the_orthophotos_whatever_the_order(project, tmp_path, order):
    """Loaded in any order, with the plugin's basemap group there too: BD TOPO and the cadastre on top, the
    orthophotos under them in a group of their own named like the others, the relief at the bottom."""
    from qgis.core import QgsRasterLayer

    from ign_offline.toolbelt.layers import add_to_group

    loaders = all_four(tmp_path)
    add_to_group(project, QgsRasterLayer(samples.write_asc(str(tmp_path / "basemap.asc"), 570, 6280), "Basemap"))
    for start in order:
        next(load for title, load in loaders.items() if title.startswith(start))(project)
    names = [node.name() for node in project.layerTreeRoot().children()]
    vectors = {"BD TOPO — Toulouse", "Parcellaire Express — Toulouse"}
    assert set(names[:2]) == vectors and names[2] == "BD ORTHO — Toulouse", names
    assert names[-1] == "RGE ALTI 5 m — Toulouse" and "IGN Offline" in names, names
    ortho = project.layerTreeRoot().findGroup("BD ORTHO — Toulouse")
    assert [child.layer().isValid() for child in ortho.children()] == [True]
    # Loaded again, the orthophotos keep their place and are not doubled.
    loaders["BD ORTHO — Toulouse"](project)
    assert [node.name() for node in project.layerTreeRoot().children()] == names


def test_group_names_say_the_product_as_the_dock_and_the_log_do():
    from ign_offline.core.datasets.sync import SyncResult
    from ign_offline.toolbelt.dataset_results import result_title

    area = samples.lambert_area(570000, 6278000, 573000, 6280000, title="Toulouse")
    assert [str(result_title(SyncResult(product, variant), area)) for product, variant in (
        ("BDORTHO", "RVB-0M20"), ("RGEALTI", "5M"), ("BDTOPO", None), ("PARCELLAIRE-EXPRESS", None))] == [
        "BD ORTHO 20 cm — Toulouse", "RGE ALTI 5 m — Toulouse", "BD TOPO — Toulouse", "Parcellaire Express — Toulouse"]


def test_drawing_the_relief_and_orthophotos_writes_no_sidecar_into_the_library(project, tmp_path, monkeypatch):
    """GDAL's .aux.xml sidecars are on (the tests turn them off elsewhere): loading and drawing the hillshade, the
    slope map and the ortho mosaic of JPEG 2000 tiles computes no statistics and writes nothing beside them."""
    from ign_offline.toolbelt.datasets import load_orthos, load_relief

    ortho = orthos.ortho_mosaic(samples.bdortho_tiles(str(tmp_path / "ortho")), str(tmp_path / "BDORTHO.vrt"))
    dem = relief.mosaic(samples.rgealti_tiles(str(tmp_path / "dem")), str(tmp_path / "RGEALTI.vrt"))
    paths = relief.relief(dem, str(tmp_path / "relief"), slope=True)
    monkeypatch.delenv("GDAL_PAM_ENABLED")
    assert gdal.GetConfigOption("GDAL_PAM_ENABLED") is None
    group = load_relief(project, paths, "Relief")
    ortho_group = load_orthos(project, ortho, "BD ORTHO")
    layers = [child.layer() for child in group.children() + ortho_group.children()]
    assert {layer.name() for layer in layers} >= {"Hillshade", "Slope (degrees)", "Orthophotos"}
    for layer in layers:
        image = render_image([layer], SAMPLE_EXTENT, L93)
        assert len({image.pixel(x, 128) for x in range(0, 256, 4)}) > 1, layer.name()  # drawn, not blank
    assert layer_named(group, "Hillshade").renderer().contrastEnhancement().maximumValue() == 255
    assert layer_named(group, "Slope (degrees)").renderer().classificationMax() == 90
    assert ortho_group.children()[0].layer().renderer().redContrastEnhancement() is None
    project.removeAllMapLayers()
    sidecars = [os.path.join(top, name) for top, _, names in os.walk(str(tmp_path)) for name in names
                if name.endswith(".aux.xml")]
    assert sidecars == []


def test_relief_through_qgis_process_writes_cogs(tmp_path):
    asc = samples.write_asc(str(tmp_path / samples.dem_tile_name(570, 6280)), 570, 6280)
    out = tmp_path / "relief"
    completed = make_process("run", "ign_offline:relief", "--", "INPUT=" + asc,
                             "EXTENT='570100,570900,6279100,6279900 [EPSG:2154]'", "CONTOUR_INTERVAL=10",
                             "OUTPUT_FOLDER=" + str(out))
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    for name in ("hillshade.tif", "slope.tif"):
        dataset = gdal.Open(str(out / name))
        assert dataset.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
        x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
        # Cut to the extent, as the lon/lat box holding it (an area is in lon/lat): a few metres more, on the grid.
        assert 570060 <= x0 <= 570100 and 6279900 <= y0 <= 6279940 and x0 % 5 == 0 and y0 % 5 == 0
        assert 160 <= dataset.RasterXSize <= 176
        assert str(out / name) in completed.stdout
    assert sorted(os.listdir(str(out))) == ["contours.gpkg", "hillshade.tif", "slope.tif"]


def run_relief(provider, parameters):
    from qgis import processing

    context = QgsProcessingContext()
    return processing.run("ign_offline:relief", parameters, context=context, feedback=QgsProcessingFeedback())


def test_relief_refuses_bad_input_with_one_message(provider, project, tmp_path):
    asc = samples.write_asc(str(tmp_path / samples.dem_tile_name(570, 6280)), 570, 6280)
    with pytest.raises(QgsProcessingException, match="Nothing to make"):
        run_relief(provider, {"INPUT": asc, "HILLSHADE": False, "SLOPE": False, "OUTPUT_FOLDER": str(tmp_path / "o")})
    with pytest.raises(QgsProcessingException, match="does not meet the DEM"):
        run_relief(provider, {"INPUT": asc, "AREA": "montpellier", "OUTPUT_FOLDER": str(tmp_path / "o")})
    assert not os.listdir(str(tmp_path / "o"))


def test_french_layer_names(french, project, tmp_path):
    from ign_offline.toolbelt.datasets import load_relief, load_vector_dataset

    group = load_vector_dataset(project, samples.bdtopo_gpkg(str(tmp_path / "b.gpkg")), "BDTOPO", "BD TOPO")
    assert {"Routes", "Bâtiments", "Cours d'eau", "Végétation", "Lieux-dits"} <= set(tree_names(group))
    dem = samples.write_asc(str(tmp_path / "dem.asc"), 570, 6280)
    paths = relief.relief(dem, str(tmp_path / "relief"), contours=20)
    assert tree_names(load_relief(project, paths, "Relief")) == ["Courbes de niveau", "Pente (degrés)", "Ombrage"]
