import types

import mercantile
import pytest

from core.errors import InputError
from core.tiles import areas
from core.tiles import grid as tiles
from tests.support.slippy import expected_count

OCCITANIE = (-0.33, 42.33, 4.85, 45.05)


@pytest.mark.parametrize("key", sorted(areas.PRESETS))
def test_counts_match_the_slippy_map_formula(key):
    bbox = areas.PRESETS[key].bbox
    counts = tiles.count_tiles(bbox, 8, 16)
    assert counts == {z: expected_count(bbox, z) for z in range(8, 17)}


@pytest.mark.parametrize("key", sorted(areas.PRESETS))
def test_counts_match_mercantile_enumeration(key):
    bbox = areas.PRESETS[key].bbox
    for zoom in range(8, 15):
        assert tiles.count_tiles(bbox, zoom, zoom)[zoom] == len(list(mercantile.tiles(*bbox, zooms=[zoom])))


def test_enumeration_is_lazy_and_agrees_with_counts():
    bbox = areas.PRESETS["carcassonne"].bbox
    generated = tiles.iter_tiles(bbox, 8, 13)
    assert isinstance(generated, types.GeneratorType)
    listed = list(generated)
    assert len(listed) == len(set(listed)) == sum(tiles.count_tiles(bbox, 8, 13).values())
    assert {t.z for t in listed} == set(range(8, 14))


def test_occitanie_counts_without_enumerating():
    counts = tiles.count_tiles(OCCITANIE, 8, 16)
    assert counts[16] == expected_count(OCCITANIE, 16)
    assert sum(counts.values()) > 800_000
    # The generator yields its first tile without building the 800k-tile list.
    first = next(tiles.iter_tiles(OCCITANIE, 16, 16))
    assert first.z == 16


def test_a_box_edge_on_a_tile_boundary_does_not_pull_in_the_neighbour():
    west, south, east, north = mercantile.bounds(mercantile.Tile(1030, 747, 11))
    assert tiles.count_tiles((west, south, east, north), 11, 11) == {11: 1}


def test_flip_is_its_own_inverse():
    assert tiles.flip_y(0, 0) == 0
    assert tiles.flip_y(3, 0) == 7
    assert tiles.flip_y(16, tiles.flip_y(16, 12345)) == 12345


@pytest.mark.parametrize("zmin, zmax, fragment", [
    (10, 8, "greater than the maximum"),
    (-1, 8, "outside 0-22"),
    (8, 23, "outside 0-22"),
])
def test_bad_zoom_ranges(zmin, zmax, fragment):
    with pytest.raises(InputError, match=fragment):
        tiles.count_tiles(areas.PRESETS["toulouse"].bbox, zmin, zmax)
