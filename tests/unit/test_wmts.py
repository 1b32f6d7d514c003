import os

import pytest

from core import tiles, wmts
from core.errors import InputError

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures")
REAL = os.path.join(SHARED, "geopf_wmts_capabilities.xml")


@pytest.fixture(scope="module")
def real():
    if not os.path.exists(REAL):
        pytest.skip("../shared/fixtures/geopf_wmts_capabilities.xml is absent (it is kept outside the repository)")
    with open(REAL, "rb") as stream:
        return wmts.parse_capabilities(stream.read())


def test_real_capabilities_layers(real):
    assert len(real.layers) == 543
    plan = real.layer("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    assert plan.title == "Plan IGN v2"
    assert plan.formats == ["image/png"]
    assert plan.default_style == "normal"
    assert plan.tile_matrix_set == "PM_0_19"
    assert real.zooms(plan) == list(range(0, 20))
    ortho = real.layer("ORTHOIMAGERY.ORTHOPHOTOS")
    assert ortho.formats == ["image/jpeg"]
    assert real.zooms(ortho) == list(range(0, 22))
    cadastre = real.layer("CADASTRALPARCELS.PARCELLAIRE_EXPRESS")
    assert "normal" in cadastre.styles


def test_real_limits_are_clamped_to_the_matrix(real):
    ortho = real.layer("ORTHOIMAGERY.ORTHOPHOTOS")
    whole = tiles.TileRange(0, 0, 0, 0, 0)
    assert wmts.clip_to_limits(whole, ortho.limits.get(0)) == whole  # limits say MaxTileRow=1 at z0


def test_real_limits_exclude_tiles_outside_coverage(real):
    plan = real.layer("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    limits = plan.limits[8]
    assert wmts.clip_to_limits(tiles.TileRange(8, 0, 1, 0, 1), limits) is None  # columns 0-1 lie outside


def test_real_lambert_and_wgs84_grids_are_refused(real):
    lambert = [layer for layer in real.layers.values() if layer.tile_matrix_set.startswith("LAMB93")]
    assert lambert
    with pytest.raises(InputError, match="not the Web Mercator"):
        real.zooms(lambert[0])
    highres = real.layer("ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES")
    with pytest.raises(InputError, match="not the Web Mercator"):
        real.zooms(highres)


def test_unknown_layer_suggests_close_names(real):
    with pytest.raises(InputError, match="Did you mean GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"):
        real.layer("GEOGRAPHICALGRIDSYSTEMS.PLANIGN")


def test_exception_report_and_garbage_are_explained():
    report = (b'<?xml version="1.0"?><ExceptionReport xmlns="http://www.opengis.net/ows/1.1">'
              b'<Exception exceptionCode="InvalidParameterValue">Bad</Exception></ExceptionReport>')
    with pytest.raises(InputError, match="refused GetCapabilities: Bad"):
        wmts.parse_capabilities(report)
    with pytest.raises(InputError, match="not a WMTS capabilities document"):
        wmts.parse_capabilities(b"<html><body>Maintenance</body>")


def test_get_tile_url_is_kvp_with_xyz_numbers():
    source = wmts.WmtsSource("https://data.geopf.fr/wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "normal",
                             "image/png", "PM_0_19")
    url = source.tile_url(14, 8250, 5980)
    assert url.startswith("https://data.geopf.fr/wmts?")
    for part in ("SERVICE=WMTS", "REQUEST=GetTile", "LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "STYLE=normal",
                 "FORMAT=image/png", "TILEMATRIXSET=PM_0_19", "TILEMATRIX=14", "TILEROW=5980", "TILECOL=8250"):
        assert part in url


def test_xyz_template():
    source = wmts.XyzSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "image/png")
    assert source.tile_url(3, 4, 2) == "https://tile.openstreetmap.org/3/4/2.png"
    assert wmts.XyzSource("http://h/{z}/{x}/{-y}.jpg", "image/jpeg").tile_url(3, 4, 2) == "http://h/3/4/5.jpg"
    assert wmts.format_from_template("http://h/{z}/{x}/{y}.jpg") == "image/jpeg"
