import os
import re
import shutil

import mercantile
import pytest
from qgis.core import QgsPointXY, QgsProcessingException, QgsRasterLayer

from core.tiles import areas
from tests.support.sample_mbtiles import write_sample


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("samples")
    placed = {}
    for key, zooms in (("carcassonne", (11, 13)), ("toulouse", (10, 11))):
        path = str(folder / "{}_plan.mbtiles".format(key))
        placed[path] = write_sample(path, areas.PRESETS[key], *zooms, name="Plan {}".format(key.title()))
    (folder / "readme.txt").write_text("not a tile set")
    return folder, placed


def layers_in_group(project, name="IGN Offline"):
    group = project.layerTreeRoot().findGroup(name)
    return [] if group is None else [child.layer() for child in group.findLayers()]


def test_a_folder_is_loaded_in_a_group_with_readable_names(processing, project, samples):
    folder, _ = samples
    result = processing.run("ign_offline:load_mbtiles", {"INPUT": str(folder)})
    assert result["LOADED"] == 2
    layers = layers_in_group(project)
    assert sorted(layer.name() for layer in layers) == ["Plan Carcassonne", "Plan Toulouse"]
    assert sorted(result["OUTPUT_LAYERS"]) == sorted(layer.id() for layer in layers)
    assert all(layer.isValid() and layer.providerType() == "gdal" for layer in layers)
    # loading again adds nothing
    again = processing.run("ign_offline:load_mbtiles", {"INPUT": str(folder)})
    assert again["LOADED"] == 0
    assert len(layers_in_group(project)) == 2


def test_a_layer_shows_each_tile_where_xyz_says(processing, project, samples):
    folder, placed = samples
    path = str(folder / "carcassonne_plan.mbtiles")
    processing.run("ign_offline:load_mbtiles", {"INPUT": path})
    (layer,) = layers_in_group(project)
    assert layer.crs().authid() == "EPSG:3857"
    provider = layer.dataProvider()
    checked = 0
    for (zoom, x, y), colour in placed[path].items():
        if zoom != 13:  # GDAL shows the most detailed level at full resolution
            continue
        bounds = mercantile.xy_bounds(x, y, zoom)
        point = QgsPointXY((bounds.left + bounds.right) / 2, (bounds.top + bounds.bottom) / 2)
        if not layer.extent().contains(point):
            continue  # tiles only partly inside the metadata bounds are cropped by GDAL
        got = tuple(int(provider.sample(point, band)[0]) for band in (1, 2, 3))
        assert got == colour, (zoom, x, y)
        checked += 1
    assert checked >= 4


def test_a_layer_name_falls_back_to_the_file_name(processing, project, samples, tmp_path):
    from core import mbtiles

    folder, _ = samples
    copy = tmp_path / "pyrenees_caves_ortho.mbtiles"
    shutil.copy(folder / "toulouse_plan.mbtiles", copy)
    with mbtiles.MBTilesWriter(str(copy)) as writer:
        writer.update_metadata({"name": ""})
    processing.run("ign_offline:load_mbtiles", {"INPUT": str(copy)})
    assert [layer.name() for layer in layers_in_group(project)] == ["pyrenees caves ortho"]


@pytest.mark.parametrize("make_input, message", [
    (lambda tmp: str(tmp / "missing.mbtiles"), "does not exist"),
    (lambda tmp: str(tmp), "holds no .mbtiles file"),
    (lambda tmp: (tmp / "fake.mbtiles").write_text("hello") and str(tmp / "fake.mbtiles"), "not a readable MBTiles"),
])
def test_bad_input(processing, project, tmp_path, make_input, message):
    path = make_input(tmp_path)
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(QgsProcessingException, match=re.escape(message)):
        processing.run("ign_offline:load_mbtiles", {"INPUT": path})
    assert sorted(os.listdir(tmp_path)) == before
    assert layers_in_group(project) == []


def test_core_written_file_opens_as_a_raster_layer(samples):
    folder, _ = samples
    layer = QgsRasterLayer(str(folder / "toulouse_plan.mbtiles"), "t", "gdal")
    assert layer.isValid()
    assert layer.bandCount() >= 3
