"""XYZ/TMS and WMTS RESTful templates: filled for downloads, matched for cache recovery."""

import pytest

from core.sources import url_templates
from core.sources.url_templates import RestTemplate, XyzTemplate


@pytest.mark.parametrize("template, expected", [
    ("https://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org/12/2073/1500.png"),
    ("http://h/tms/1.0.0/osm/EPSG900913/{z}/{x}/{-y}.png", "http://h/tms/1.0.0/osm/EPSG900913/12/2073/2595.png"),
    ("http://h/tiles?l={z}&c={x}&r={y}", "http://h/tiles?l=12&c=2073&r=1500"),
    ("http://t{s}.h/{z}/{x}/{y}.png", "http://ta.h/12/2073/1500.png"),         # (x + y) % 3 == 0
    ("http://{switch:m1,m2}.h/{z}/{x}/{y}.jpg", "http://m2.h/12/2073/1500.jpg"),
    ("http://h/q/{q}.jpeg", "http://h/q/" + url_templates.quadkey(12, 2073, 1500) + ".jpeg"),
])
def test_xyz_templates_fill_and_match_back(template, expected):
    parsed = XyzTemplate(template)
    assert parsed.fill(12, 2073, 1500) == expected
    assert parsed.match(expected) == (12, 2073, 1500)
    assert url_templates.is_xyz_template(template)


def test_tms_rows_are_told_apart_from_xyz_rows():
    url = "http://h/tms/1.0.0/osm/EPSG900913/12/2074/1502.png"
    assert XyzTemplate("http://h/tms/1.0.0/osm/EPSG900913/{z}/{x}/{-y}.png").match(url) == (12, 2074, 2593)
    assert XyzTemplate("http://h/tms/1.0.0/osm/EPSG900913/{z}/{x}/{y}.png").match(url) == (12, 2074, 1502)
    assert not XyzTemplate("http://h/tms/1.0.0/osm/EPSG900913/{z}/{x}/{-y}.png").top_origin


def test_subdomains_share_one_host_key_and_spread_requests():
    template = XyzTemplate("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    hosts = {template.fill(5, x, 3).split("/")[2] for x in range(6)}
    assert hosts == {"a.tile.example.org", "b.tile.example.org", "c.tile.example.org"}
    assert template.host_key == "{s}.tile.example.org"


def test_quadkeys_round_trip():
    for z, x, y in [(1, 0, 1), (5, 17, 9), (16, 33000, 23000)]:
        assert url_templates.from_quadkey(url_templates.quadkey(z, x, y)) == (z, x, y)
    assert url_templates.quadkey(3, 3, 5) == "213"  # Bing's own example


def test_matching_ignores_keys_and_refuses_other_urls():
    template = XyzTemplate("https://h/osm/{z}/{x}/{y}.png?apikey=s3cr3t")
    assert template.match("https://h/osm/3/1/2.png?apikey=other") == (3, 1, 2)
    assert template.match("https://h/other/3/1/2.png") is None
    assert template.match("https://h/osm/2/9/1.png") is None  # beyond the matrix


@pytest.mark.parametrize("source, expected", [
    ("https://h/{z}/{x}/{y}.png", True), ("https://h/{z}/{x}/{-y}.png", True), ("https://h/{q}.png", True),
    ("https://data.geopf.fr/wmts", False), ("https://h/{z}/{x}.png", False),
])
def test_what_is_a_template(source, expected):
    assert url_templates.is_xyz_template(source) is expected


def test_rest_templates_fill_and_match_without_regard_to_case():
    template = RestTemplate("http://h/wmts/osm/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png?t={Time}")
    url = template.fill({"tilematrixset": "GLOBAL_WEBMERCATOR", "TILEMATRIX": "05", "TileCol": 3, "TileRow": 4,
                         "time": "2026"})
    assert url == "http://h/wmts/osm/GLOBAL_WEBMERCATOR/05/3/4.png?t=2026"
    assert template.match(url) == {"tilematrixset": "GLOBAL_WEBMERCATOR", "tilematrix": "05", "tilecol": "3",
                                   "tilerow": "4"}
    assert template.match("http://h/wmts/other/GLOBAL_WEBMERCATOR/05/3/4.png?t=2026") is None
