"""Whole datasets in QGIS (issue 23, products): BD TOPO and Parcellaire Express load as groups of styled layers that
draw; the relief loads above the opaque basemaps and shows on them; ign_offline:relief through qgis_process writes
COGs, refuses its own INPUT as a result and asks ALLOW_LARGE for a very large job; French names."""

import os

import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
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


def test_relief_loads_above_the_orthophotos(project, tmp_path):
    from ign_offline.toolbelt.datasets import load_orthos, load_relief

    ortho = orthos.ortho_mosaic(samples.bdortho_tiles(str(tmp_path / "ortho")), str(tmp_path / "BDORTHO.vrt"))
    load_orthos(project, ortho, "BD ORTHO — Montgiscard")
    dem = relief.mosaic(samples.rgealti_tiles(str(tmp_path / "dem")), str(tmp_path / "RGEALTI.vrt"))
    paths = relief.relief(dem, str(tmp_path / "relief"), contours=20)
    group = load_relief(project, paths, "Relief — Montgiscard")
    root = project.layerTreeRoot()
    assert root.children()[0] is group and root.children()[1].name() == "BD ORTHO — Montgiscard"  # the ortho under
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
    relief under them, the orthophotos under it in a group of their own named like the others, the plugin's
    basemap group (opaque tiles) at the bottom."""
    from qgis.core import QgsRasterLayer

    from ign_offline.toolbelt.layer_tree import add_to_group

    loaders = all_four(tmp_path)
    add_to_group(project, QgsRasterLayer(samples.write_asc(str(tmp_path / "basemap.asc"), 570, 6280), "Basemap"))
    for start in order:
        next(load for title, load in loaders.items() if title.startswith(start))(project)
    names = [node.name() for node in project.layerTreeRoot().children()]
    vectors = {"BD TOPO — Toulouse", "Parcellaire Express — Toulouse"}
    assert set(names[:2]) == vectors and names[2:] == ["RGE ALTI 5 m — Toulouse", "BD ORTHO — Toulouse",
                                                       "IGN Offline"], names
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


def test_relief_leaves_the_dem_folder_as_it_was_through_qgis_process_and_the_toolbox(provider, project, tmp_path,
                                                                                    monkeypatch):
    """QGIS loads INPUT as a layer to check it (qgis_process does, before the algorithm starts), and a raster layer
    computes its statistics: GDAL wrote them into dem.tif.aux.xml beside the user's DEM. GDAL's sidecars as a user's
    QGIS has them (the tests turn them off: tests/conftest.py); everything written here is under tmp_path."""
    monkeypatch.delenv("GDAL_PAM_ENABLED")
    asc = samples.write_asc(str(tmp_path / samples.dem_tile_name(570, 6280)), 570, 6280)
    folder = tmp_path / "dem"
    folder.mkdir()
    dem = str(folder / "dem.tif")
    gdal.Translate(dem, asc, format="GTiff", outputSRS="EPSG:2154")
    completed = make_process("run", "ign_offline:relief", "--", "INPUT=" + dem, "SLOPE=false",
                             "OUTPUT_FOLDER=" + str(tmp_path / "by_process"))
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    assert os.listdir(str(folder)) == ["dem.tif"]
    run_relief(provider, {"INPUT": dem, "SLOPE": False, "OUTPUT_FOLDER": str(tmp_path / "by_toolbox")})
    project.removeAllMapLayers()  # the results loaded: a layer closes its file when it goes
    assert os.listdir(str(folder)) == ["dem.tif"]
    assert os.path.isfile(str(tmp_path / "by_process" / "hillshade.tif"))
    assert os.path.isfile(str(tmp_path / "by_toolbox" / "hillshade.tif"))


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


# -- issue 28: the relief shows on the basemaps; its INPUT is never a result; large jobs asked first -----------------

def differing(first, second, threshold=24):
    """How many pixels of two same-sized images differ by more than `threshold` on some channel."""
    from qgis.PyQt.QtGui import QColor

    count = 0
    for y in range(first.height()):
        for x in range(first.width()):
            a, b = QColor(first.pixel(x, y)), QColor(second.pixel(x, y))
            if max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) > threshold:
                count += 1
    return count


@pytest.mark.parametrize("overview", [False, True])
def test_the_relief_goes_above_an_opaque_basemap_and_shows_on_it(project, tmp_path, overview):
    """A raster MBTiles loaded by the plugin (its "IGN Offline" group), or as the overview basemap at the bottom of
    the tree, then the relief: the relief group is above it, contours over the hillshade, and the map drawn in the
    tree's order shows the shading on the basemap's colours (under the basemap, as before, nothing of it shows)."""
    from qgis.core import QgsRasterLayer

    from ign_offline.toolbelt.datasets import HILLSHADE_OPACITY, load_relief
    from ign_offline.toolbelt.layers import load_mbtiles
    from tests.support.sample_mbtiles import write_sample

    area = samples.lambert_area(samples.X - 500, samples.Y - 500, samples.X + 3500, samples.Y + 2500, "Basemap")
    mbtiles = str(tmp_path / "basemap.mbtiles")
    write_sample(mbtiles, area, 12, 15, "Plan")
    if overview:  # as the area picker adds it: a raster layer at the bottom, marked with its role
        basemap = QgsRasterLayer(mbtiles, "Overview: Plan IGN v2", "gdal")
        basemap.setCustomProperty("ign_offline/own", "overview")
        project.addMapLayer(basemap, False)
        project.layerTreeRoot().addLayer(basemap)
    else:
        basemap = load_mbtiles(project, mbtiles, "Plan")
    assert basemap.isValid()
    dem = relief.mosaic(samples.rgealti_tiles(str(tmp_path / "dem")), str(tmp_path / "RGEALTI.vrt"))
    group = load_relief(project, relief.relief(dem, str(tmp_path / "relief"), contours=20), "Relief — Montgiscard")
    root = project.layerTreeRoot()
    names = [node.name() for node in root.children()]
    assert names == ["Relief — Montgiscard", "Overview: Plan IGN v2" if overview else "IGN Offline"], names
    assert tree_names(group) == ["Contour lines", "Slope (degrees)", "Hillshade"]
    hillshade = layer_named(group, "Hillshade")
    assert hillshade.blendMode() == QPainter.CompositionMode_Multiply
    assert 0 < hillshade.renderer().opacity() == HILLSHADE_OPACITY < 1  # half transparent
    drawn = root.checkedLayers()  # the tree's order, top first, as the map canvas draws it
    assert drawn.index(hillshade) < drawn.index(basemap) and drawn[0].name() == "Contour lines"
    alone = render_image([basemap], SAMPLE_EXTENT, L93)
    assert len({alone.pixel(x, y) for x in range(0, 256, 8) for y in range(0, 256, 8)}) >= 2  # tiles drawn
    shown = render_image([hillshade, basemap], SAMPLE_EXTENT, L93)
    assert differing(shown, alone) > 0.5 * 256 * 256  # the shading on most of the map
    assert len({shown.pixel(x, 128) for x in range(0, 256, 4)}) > 10  # shades, not one flat tint
    under = render_image([basemap, hillshade], SAMPLE_EXTENT, L93)  # where it went before: hidden
    assert differing(under, alone) == 0


def test_relief_refuses_its_own_input_as_a_result_through_qgis_process(tmp_path):
    """A DEM named slope.tif in OUTPUT_FOLDER, SLOPE=true: refused before anything is written, the DEM's bytes
    unchanged (it was overwritten, rc 0)."""
    out = tmp_path / "relief"
    out.mkdir()
    asc = samples.write_asc(str(tmp_path / "tile.asc"), 570, 6280)
    gdal.Translate(str(out / "slope.tif"), asc, options=gdal.TranslateOptions(format="GTiff", outputSRS="EPSG:2154"))
    with open(str(out / "slope.tif"), "rb") as stream:
        before = stream.read()
    completed = make_process("run", "ign_offline:relief", "--", "INPUT=" + str(out / "slope.tif"), "SLOPE=true",
                             "OUTPUT_FOLDER=" + str(out))
    said = completed.stdout + completed.stderr
    assert completed.returncode != 0, said[-2000:]
    assert "is the same file as the input" in said and "slope.tif" in said and "Traceback" not in said
    with open(str(out / "slope.tif"), "rb") as stream:
        assert stream.read() == before
    assert os.listdir(str(out)) == ["slope.tif"]


def test_relief_asks_allow_large_for_a_very_large_job_and_refuses_a_dem_without_data(provider, project, tmp_path):
    near = samples.write_asc(str(tmp_path / samples.dem_tile_name(570, 6280)), 570, 6280)
    far = samples.write_asc(str(tmp_path / samples.dem_tile_name(870, 6580)), 870, 6580)
    dem = relief.mosaic([near, far], str(tmp_path / "RGEALTI.vrt"))  # 300 km apart: 3.6 billion pixels between
    out = tmp_path / "o"
    with pytest.raises(QgsProcessingException, match=r"This relief computes 3,6\d\d,\d{3},\d{3} pixels of the "
                                                     r"DEM .* Reduce the area, or confirm with ALLOW_LARGE=true\."):
        run_relief(provider, {"INPUT": dem, "SLOPE": False, "OUTPUT_FOLDER": str(out), "LOAD": False})
    assert os.listdir(str(out)) == []
    between = "571300,572700,6279300,6279700 [EPSG:2154]"  # inside the near tile's row, east of it: no tile there
    with pytest.raises(QgsProcessingException, match="holds no elevation inside the area"):
        run_relief(provider, {"INPUT": dem, "EXTENT": between, "OUTPUT_FOLDER": str(out), "LOAD": False,
                              "ALLOW_LARGE": True})
    assert os.listdir(str(out)) == []


@pytest.mark.parametrize("algorithm_id, name, kind", [("relief", "INPUT", "RasterInput"),
                                                       ("download_tiles", "API_KEY", "SecretText"),
                                                       ("download_tiles", "SOURCE", "UrlText")])
def test_our_parameters_keep_their_kind_when_qgis_copies_them(provider, algorithm_id, name, kind):
    from ign_offline.algorithms import parameters

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("ign_offline:" + algorithm_id)  # owns them
    definition = algorithm.parameterDefinition(name)
    copy = definition.clone()
    assert isinstance(copy, getattr(parameters, kind)) and copy.help() == definition.help()
    assert (copy.name(), copy.description(), copy.flags(), copy.defaultValue()) == (
        definition.name(), definition.description(), definition.flags(), definition.defaultValue())
