"""Plans made by clicks: entries built from the dock's areas, zooms and layers, saved in the JSON run_plan reads."""

import json
import os

import pytest

from core import naming
from core.errors import InputError
from core.library import inventory, plans
from core.tiles import areas, coverage, polygons
from tests.support.polygon_files import write_geojson

PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"
SOURCE = "https://data.geopf.fr/wmts"


def tile_counts(area, zoom_min, zoom_max):
    return coverage.area_counts(area, zoom_min, zoom_max)


def polygon_area(tmp_path, title="Étang de Berre (côté nord)"):
    """An Area of polygons as the dock's polygon layer gives it (EPSG:3857 polygons and a title)."""
    found = polygons.from_file(write_geojson(str(tmp_path / "source.geojson")))
    west, south, east, north = polygons.lonlat_bounds(found)
    return areas.Area("layer", title, west, south, east, north, polygons=found)


def test_a_plan_built_by_the_functions_loads_with_the_same_areas_and_zooms(tmp_path):
    library = str(tmp_path / "library")
    plan_path = plans.default_plan_path(library)
    preset = areas.PRESETS["carcassonne"]
    drawn = areas.bbox_area(2.31, 43.19, 2.33, 43.2, "Rectangle drawn on the map")
    shape = polygon_area(tmp_path)
    document = plans.read_document(plan_path, SOURCE)
    entries = [plans.make_entry(layer, plans.entry_area(area, library, plan_path), low, high, SOURCE, SOURCE)
               for area, low, high in ((preset, 8, 14), (shape, 15, 16), (drawn, 12, 13)) for layer in (PLAN, ORTHO)]
    document, added = plans.add_entries(document, entries)
    assert added == 6
    saved = plans.save_document(document, plan_path)

    loaded = plans.load_plan(plan_path)
    assert plan_path == os.path.join(library, "plan.json") and saved.entries == loaded.entries
    with open(plan_path, encoding="utf-8") as stream:
        written = json.load(stream)
    assert written["source"] == SOURCE and all("source" not in e for e in written["entries"])
    areas_written = [e["area"] for e in written["entries"][::2]]
    assert areas_written[:2] == ["carcassonne", "areas/Etang_de_Berre__cote_nord.geojson"]
    assert os.path.isfile(os.path.join(library, "areas", "Etang_de_Berre__cote_nord.geojson"))
    assert written["entries"][4]["area"]["type"] == "Polygon"
    for entry, (area, low, high) in zip(loaded.entries[::2], ((preset, 8, 14), (shape, 15, 16), (drawn, 12, 13))):
        assert (entry.zoom_min, entry.zoom_max) == (low, high)
        assert entry.area.bbox == pytest.approx(area.bbox, abs=1e-6)
        assert tile_counts(entry.area, low, high) == tile_counts(area, low, high)
    assert [job.layer for job in loaded.jobs()] == [PLAN, ORTHO]


def test_adding_again_keeps_one_entry_and_one_area_file(tmp_path):
    library = str(tmp_path)
    plan_path = plans.default_plan_path(library)
    shape = polygon_area(tmp_path, "Zone")
    entry = plans.make_entry(PLAN, plans.entry_area(shape, library, plan_path), 15, 16, SOURCE, SOURCE)
    again = plans.make_entry(PLAN, plans.entry_area(shape, library, plan_path), 15, 16, SOURCE, SOURCE)
    document, added = plans.add_entries(plans.new_document(SOURCE), [entry])
    document, added_again = plans.add_entries(document, [again])
    assert (added, added_again, len(document["entries"])) == (1, 0, 1)
    assert os.listdir(os.path.join(library, "areas")) == ["Zone.geojson"]
    other = areas.Area("layer", "Zone", *areas.PRESETS["toulouse"].bbox,
                       polygons=polygons.from_bbox(*areas.PRESETS["toulouse"].bbox))
    assert plans.entry_area(other, library, plan_path) == "areas/Zone-2.geojson"


def test_remove_and_replace_entries_then_an_emptied_plan_is_added_to_again(tmp_path):
    plan_path = str(tmp_path / "plan.json")
    first = plans.make_entry(PLAN, "toulouse", 8, 10, "https://other.example/wmts", SOURCE)
    second = plans.make_entry(ORTHO, "montpellier", 8, 9)
    document, _ = plans.add_entries(plans.new_document(SOURCE), [first, second])
    assert first["source"] == "https://other.example/wmts" and "source" not in second
    box = plans.box_geometry(2.3, 43.18, 2.4, 43.25)
    document = plans.replace_entry(document, 1, area=box, zoom_min=12, zoom_max=13)
    plans.save_document(document, plan_path)
    entry = plans.load_plan(plan_path).entries[1]
    assert (entry.layer, entry.zoom_min, entry.zoom_max, entry.area_label) == (ORTHO, 12, 13, plans.INLINE_LABEL)
    assert entry.area.bbox == pytest.approx((2.3, 43.18, 2.4, 43.25))

    document = plans.remove_entries(plans.read_document(plan_path), [0, 1])
    assert plans.save_document(document, plan_path) is None
    emptied = plans.read_document(plan_path, "ignored: the plan keeps its source")
    assert emptied == {"source": SOURCE, "entries": []}
    document, added = plans.add_entries(emptied, [second])
    plans.save_document(document, plan_path)
    assert [e.layer for e in plans.load_plan(plan_path).entries] == [ORTHO]


def test_a_conflicting_entry_is_refused_and_the_plan_file_kept(tmp_path):
    plan_path = str(tmp_path / "plan.json")
    document, _ = plans.add_entries(plans.new_document(SOURCE), [plans.make_entry(PLAN, "toulouse", 8, 10)])
    plans.save_document(document, plan_path)
    before = open(plan_path, encoding="utf-8").read()
    other_style = plans.make_entry(PLAN, "montpellier", 8, 10, style="gris", plan_source=SOURCE)
    clash, _ = plans.add_entries(document, [other_style])
    with pytest.raises(InputError, match="entries 1 and 2 both make"):
        plans.save_document(clash, plan_path)
    assert open(plan_path, encoding="utf-8").read() == before
    assert sorted(os.listdir(str(tmp_path))) == ["plan.json"]  # no temporary file left


def test_a_plan_that_cannot_be_read_is_not_overwritten(tmp_path):
    plan_path = str(tmp_path / "plan.json")
    with open(plan_path, "w", encoding="utf-8") as stream:
        json.dump({"source": "https://x.example/wmts",
                   "entries": [{"layer": "X", "area": "nowhere", "zoom_min": 8, "zoom_max": 9}]}, stream)
    with pytest.raises(InputError, match="unknown preset 'nowhere'") as raised:
        plans.read_document(plan_path, SOURCE)
    assert raised.value.message.template == "Plan '{}', entry {}, field '{}': {}"


def test_area_file_names_fold_accents():
    assert naming.area_file_name("Pyrénées (caves)") == "Pyrenees__caves.geojson"
    assert naming.area_file_name("  ") == "area.geojson"


def test_the_completeness_of_a_plan_made_by_clicks_counts_its_entries(tmp_path):
    plan_path = plans.default_plan_path(str(tmp_path))
    document, _ = plans.add_entries(plans.new_document(SOURCE), [plans.make_entry(PLAN, "carcassonne", 8, 9)])
    plans.save_document(document, plan_path)
    (item,) = inventory.completeness(plans.load_plan(plan_path), str(tmp_path))
    assert (item.planned, item.present) == (sum(tile_counts(areas.PRESETS["carcassonne"], 8, 9).values()), 0)


def test_a_library_that_cannot_be_made_is_one_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    plan_path = plans.default_plan_path(str(blocker / "library"))
    document, _ = plans.add_entries(plans.new_document(SOURCE), [plans.make_entry(PLAN, "toulouse", 8, 9)])
    with pytest.raises(InputError, match="cannot be created"):
        plans.save_document(document, plan_path)
    shape = polygon_area(tmp_path)
    with pytest.raises(InputError, match="cannot be created"):
        plans.entry_area(shape, str(blocker / "library"), plan_path)
