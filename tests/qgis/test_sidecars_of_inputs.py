"""With GDAL's PAM on (users' default), the plugin writes nothing beside the MBTiles it is given nor into the
working directory: no `.aux.xml` of the statistics QGIS computes for a raster layer's renderer."""

import os

import pytest
from osgeo import gdal

from core.tiles.areas import PRESETS
from tests.support.sample_mbtiles import write_sample


@pytest.fixture()
def pam_on(monkeypatch):
    """GDAL_PAM_ENABLED=YES (GDAL's default) for this test only."""
    before = gdal.GetConfigOption("GDAL_PAM_ENABLED")
    monkeypatch.setenv("GDAL_PAM_ENABLED", "YES")
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "YES")
    yield
    gdal.SetConfigOption("GDAL_PAM_ENABLED", before)


def _user_files(tmp_path, monkeypatch):
    """A user's folder holding one raster MBTiles of three zooms (GDAL overviews); the working directory elsewhere."""
    users = tmp_path / "users"
    users.mkdir()
    write_sample(str(users / "plan.mbtiles"), PRESETS["carcassonne"], 12, 15, "Plan")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return users, cwd


def test_loading_a_users_mbtiles_writes_nothing_beside_it(pam_on, processing, project, tmp_path, monkeypatch):
    users, cwd = _user_files(tmp_path, monkeypatch)
    result = processing.run("ign_offline:load_mbtiles", {"INPUT": str(users)})
    assert result["LOADED"] == 1
    project.clear()  # the layer goes: GDAL closes the file, writing its PAM
    assert sorted(os.listdir(users)) == ["plan.mbtiles"]  # not plan.mbtiles.aux.xml
    assert os.listdir(cwd) == []  # not " - zoom_level=12.aux.xml" (an overview's statistics)


def test_the_overview_from_the_library_writes_nothing_into_it(pam_on, dock, project, tmp_path, monkeypatch):
    users, cwd = _user_files(tmp_path, monkeypatch)
    os.rename(users / "plan.mbtiles", users / "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles")
    dock.libraryDir.setFilePath(str(users))
    dock.area_picker.overviewCheck.setChecked(True)
    (layer,) = project.mapLayers().values()
    assert layer.providerType() == "gdal"
    dock.area_picker.overviewCheck.setChecked(False)
    project.clear()
    assert sorted(os.listdir(users)) == ["GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles"]
    assert os.listdir(cwd) == []
