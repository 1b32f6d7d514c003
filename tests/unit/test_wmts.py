import os

import pytest

from core.errors import InputError
from core.sources import wmts
from core.tiles import grid as tiles

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
    assert wmts.clip_to_limits(whole, real.grid(ortho).limits.get(0)) == whole  # limits say MaxTileRow=1 at z0


def test_real_limits_exclude_tiles_outside_coverage(real):
    plan = real.layer("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    limits = real.grid(plan).limits[8]
    assert wmts.clip_to_limits(tiles.TileRange(8, 0, 1, 0, 1), limits) is None  # columns 0-1 lie outside


def test_real_lambert_and_wgs84_grids_are_refused(real):
    lambert = [layer for layer in real.layers.values() if layer.tile_matrix_set.startswith("LAMB93")]
    assert lambert
    with pytest.raises(InputError, match="not served on the Web Mercator grid.*LAMB93.*IGNF:LAMB93"):
        real.zooms(lambert[0])
    highres = real.layer("ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES")
    with pytest.raises(InputError, match=r"not served on the Web Mercator grid.*WGS84G_6_14 \("):
        real.zooms(highres)


def test_every_real_pm_set_is_recognised_by_its_geometry(real):
    """PM and its 32 PM_a_b variants are Web Mercator by what they are; no other set of the 42 is."""
    mercator = {name for name, s in real.tile_matrix_sets.items() if s.is_web_mercator}
    assert mercator == {name for name in real.tile_matrix_sets if name == "PM" or name.startswith("PM_")}
    assert len(mercator) == 33
    assert real.grid(real.layer("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")).matrices[8] == "8"


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
    assert source.host_key == "tile.openstreetmap.org"
    assert wmts.XyzSource("http://h/{z}/{x}/{-y}.jpg", "image/jpeg").tile_url(3, 4, 2) == "http://h/3/4/5.jpg"
    assert wmts.format_from_template("http://h/{z}/{x}/{y}.jpg") == "image/jpeg"


def matrix_set_xml(identifier, crs, ids=lambda z: str(z), zooms=range(0, 4), origin=None, tile=256, scale=None):
    origin = origin or "-20037508.342789244 20037508.342789244"
    matrices = "".join(
        "<TileMatrix><ows:Identifier>{i}</ows:Identifier><ScaleDenominator>{s!r}</ScaleDenominator>"
        "<TopLeftCorner>{o}</TopLeftCorner><TileWidth>{t}</TileWidth><TileHeight>{t}</TileHeight>"
        "<MatrixWidth>{n}</MatrixWidth><MatrixHeight>{n}</MatrixHeight></TileMatrix>".format(
            i=ids(z), s=(scale or wmts.PM_SCALE_0) / 2 ** z, o=origin, t=tile, n=2 ** z) for z in zooms)
    return ("<TileMatrixSet><ows:Identifier>{}</ows:Identifier><ows:SupportedCRS>{}</ows:SupportedCRS>{}"
            "</TileMatrixSet>").format(identifier, crs, matrices)


def capabilities_xml(sets, links, resource_url="", operations="", constraints=""):
    return (
        '<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0"><ows:ServiceIdentification><ows:Title>T'
        '</ows:Title><ows:AccessConstraints>{c}</ows:AccessConstraints></ows:ServiceIdentification>'
        '<ows:ServiceProvider><ows:ProviderName>Someone</ows:ProviderName></ows:ServiceProvider>{o}<Contents>'
        '<Layer><ows:Title>Osm</ows:Title><ows:Identifier>osm</ows:Identifier><Style isDefault="true">'
        '<ows:Identifier>default</ows:Identifier></Style><Format>image/png</Format>'
        '<Dimension><ows:Identifier>Time</ows:Identifier><Default>2026</Default><Value>2026</Value></Dimension>'
        '{l}{r}</Layer>{s}</Contents></Capabilities>').format(
        c=constraints, o=operations, s="".join(sets),
        l="".join("<TileMatrixSetLink><TileMatrixSet>{}</TileMatrixSet></TileMatrixSetLink>".format(n) for n in links),
        r=resource_url).encode()


@pytest.mark.parametrize("crs", [
    "EPSG:3857", "urn:ogc:def:crs:EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG:6.18.3:3857",
    "http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:900913", "urn:ogc:def:crs:EPSG::102100", "ESRI:102100",
])
def test_web_mercator_is_recognised_in_any_crs_spelling_whatever_the_name(crs):
    caps = wmts.parse_capabilities(capabilities_xml(
        [matrix_set_xml("GLOBAL_WEBMERCATOR", crs, ids=lambda z: "{:02d}".format(z))], ["GLOBAL_WEBMERCATOR"]))
    grid = caps.grid(caps.layer("osm"))
    assert grid.tile_matrix_set == "GLOBAL_WEBMERCATOR"
    assert grid.matrices == {0: "00", 1: "01", 2: "02", 3: "03"}


@pytest.mark.parametrize("crs, kwargs", [
    ("EPSG:4326", {}),
    ("EPSG:2154", {}),
    ("EPSG:3857", {"origin": "0 20037508.342789244"}),
    ("EPSG:3857", {"tile": 512}),
    ("EPSG:3857", {"scale": wmts.PM_SCALE_0 * 1.5}),
])
def test_other_grids_are_refused_naming_the_sets_they_are(crs, kwargs):
    caps = wmts.parse_capabilities(capabilities_xml([matrix_set_xml("Odd", crs, **kwargs)], ["Odd"]))
    with pytest.raises(InputError, match=r"sets are: Odd \({}\)".format(crs)):
        caps.grid(caps.layer("osm"))


def test_the_web_mercator_set_is_chosen_among_several():
    caps = wmts.parse_capabilities(capabilities_xml(
        [matrix_set_xml("utm", "EPSG:25831"), matrix_set_xml("wm", "EPSG:3857", ids=lambda z: "wm:{}".format(z))],
        ["utm", "wm"]))
    grid = caps.grid(caps.layer("osm"))
    assert (grid.tile_matrix_set, grid.matrices[3]) == ("wm", "wm:3")


def test_kvp_sends_the_published_identifiers_and_dimensions():
    source = wmts.WmtsSource("http://h/service?", "osm", "default", "image/png", "GLOBAL_WEBMERCATOR",
                             {8: "08"}, {"Time": "2026"})
    url = source.tile_url(8, 130, 93)
    for part in ("TILEMATRIX=08&", "TILEMATRIXSET=GLOBAL_WEBMERCATOR", "TILECOL=130", "TILEROW=93", "Time=2026"):
        assert part in url


def test_restful_resource_urls_operations_and_attribution_are_read():
    template = "http://h/wmts/osm/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png"
    operations = ('<ows:OperationsMetadata><ows:Operation name="GetTile"><ows:DCP><ows:HTTP>'
                  '<ows:Get xlink:href="http://h/service?"><ows:Constraint name="GetEncoding"><ows:AllowedValues>'
                  '<ows:Value>RESTful</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get></ows:HTTP>'
                  '</ows:DCP></ows:Operation></ows:OperationsMetadata>')
    caps = wmts.parse_capabilities(capabilities_xml(
        [matrix_set_xml("GLOBAL_WEBMERCATOR", "urn:ogc:def:crs:EPSG:3857", ids=lambda z: "{:02d}".format(z))],
        ["GLOBAL_WEBMERCATOR"],
        '<ResourceURL format="image/png" resourceType="tile" template="{}"/>'.format(template), operations,
        constraints="CC-BY 4.0"))
    layer = caps.layer("osm")
    assert layer.resource_urls == {"image/png": template}
    assert layer.dimensions == {"Time": "2026"}
    assert (caps.get_tile_kvp, caps.get_tile_rest) == (None, True)
    assert caps.attribution() == "Someone – CC-BY 4.0"
    grid = caps.grid(layer)
    source = wmts.RestSource(template, "image/png", "default", grid.tile_matrix_set, grid.matrices)
    assert source.tile_url(2, 3, 1) == "http://h/wmts/osm/GLOBAL_WEBMERCATOR/02/3/1.png"


@pytest.mark.parametrize("url, document", [
    ("https://data.geopf.fr/wmts", False),
    ("http://h/wmts/1.0.0/WMTSCapabilities.xml", True),
    ("http://h/service?REQUEST=GetCapabilities&SERVICE=WMTS", True),
])
def test_capabilities_are_read_from_an_endpoint_or_the_document(url, document):
    assert wmts.is_capabilities_document(url) is document
    assert (wmts.capabilities_url(url) == url) is document
