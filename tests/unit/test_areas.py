import pytest

from core.errors import InputError
from core.tiles import areas


@pytest.mark.parametrize("name, bbox", [
    ("toulouse", (1.35, 43.55, 1.50, 43.65)),
    ("Pyrenees", (1.45, 42.75, 1.65, 42.85)),
    ("MONTPELLIER", (3.30, 43.55, 3.45, 43.70)),
    (" carcassonne ", (2.30, 43.18, 2.40, 43.25)),
    ("Pyrénées caves", (1.45, 42.75, 1.65, 42.85)),
])
def test_presets_by_name_ignore_case_and_accents(name, bbox):
    assert areas.preset(name).bbox == bbox


def test_unknown_preset_names_the_valid_ones():
    with pytest.raises(InputError) as info:
        areas.preset("lyon")
    message = str(info.value)
    assert "lyon" in message
    for key in ("toulouse", "pyrenees", "montpellier", "carcassonne"):
        assert key in message


@pytest.mark.parametrize("bbox, fragment", [
    ((2.0, 43.0, 2.0, 44.0), "empty or inverted"),
    ((3.0, 43.0, 2.0, 44.0), "empty or inverted"),
    ((2.0, 44.0, 3.0, 43.0), "empty or inverted"),
    ((float("nan"),) * 4, "empty"),
    ((600000.0, 6200000.0, 700000.0, 6300000.0), "coordinate reference system"),
])
def test_bad_boxes_are_refused_with_a_reason(bbox, fragment):
    with pytest.raises(InputError, match=fragment):
        areas.bbox_area(*bbox)


def test_zoom_bands():
    assert [(b.key, b.zoom_min, b.zoom_max) for b in areas.ZOOM_BANDS] == [
        ("overview", 8, 10), ("regional", 11, 12), ("local", 13, 14), ("detail", 15, 16)]


def test_zoom_levels_read_as_map_scales():
    """The dock's scale hints: zoom 14 is the SCAN 25's 1:25 000 at the latitude of Occitanie."""
    import math

    from core.tiles.areas import approximate_scale

    assert [approximate_scale(z) for z in (11, 12, 13, 14, 15)] == [200000, 100000, 50000, 25000, 12500]
    for zoom in range(0, 20):
        exact = 2 * math.pi * 6378137 / 256 * math.cos(math.radians(43.6)) / 2 ** zoom / 0.00028
        assert abs(approximate_scale(zoom) - exact) / exact < 0.13


@pytest.mark.parametrize("text, numbers", [
    ("170,-170,-10,10 [EPSG:4326]", (170.0, -170.0, -10.0, 10.0)),
    (" 1.35 , 1.5,43.55,43.65", (1.35, 1.5, 43.55, 43.65)),
    ("/data/zone.gpkg", None),
    ("a,b,c,d", None),
])
def test_typed_extents_are_read_in_the_order_they_were_typed(text, numbers):
    assert areas.typed_extent(text) == numbers


def test_an_extent_across_the_antimeridian_is_refused_with_its_two_pieces():
    with pytest.raises(InputError) as info:
        areas.check_extent_order(170, -170, -10, 10, geographic=True)
    assert "crosses the antimeridian" in str(info.value)
    assert "170,180,-10,10 and -180,-170,-10,10" in str(info.value)


@pytest.mark.parametrize("numbers, geographic", [
    ((1, 2, 44, 43), True),
    ((1.6, 1.3, 43.7, 43.5), True),  # both axes backwards: not an antimeridian crossing
    ((600000, 500000, 6200000, 6300000), False),
    ((500000, 600000, 6300000, 6200000), False),
])
def test_an_inverted_extent_is_refused_not_swapped(numbers, geographic):
    with pytest.raises(InputError, match="is inverted"):
        areas.check_extent_order(*numbers, geographic=geographic)


def test_an_extent_in_order_is_accepted():
    areas.check_extent_order(1.35, 1.5, 43.55, 43.65, geographic=True)
    areas.check_extent_order(500000, 600000, 6200000, 6300000, geographic=False)


def test_a_job_over_ten_million_tiles_or_the_free_space_needs_a_confirmation():
    assert areas.large_job(10 * 1000 * 1000, 10 ** 12, "/lib") is None
    message = areas.large_job(68719476736, 10 ** 12, "/lib")
    assert message.startswith("This job is 68,719,476,736 tiles (over 10,000,000 tiles)")
    assert "at 20 kB a typical tile" in message and "/lib has 1.0 TB free" in message
    tight = areas.large_job(60000, 10 ** 9, "/lib")  # 1.2 GB expected on a disk with 1 GB free
    assert "more than the free space" in tight and "about 1.2 GB" in tight
    assert not areas.is_large(50000, 10 ** 9)
    # A count stopped past the limit (core.tiles.coverage.total) says what the job has at least.
    partial = areas.large_job(356741467, 10 ** 12, "/lib", exact=False)
    assert partial.startswith("This job is at least 356,741,467 tiles (over 10,000,000 tiles), about 7.1 TB or more")
