"""Plans (JSON), shards and the library engine against the stand-in WMTS."""

import json
import os

import pytest

from core import mbtiles
from core.download.engine import DownloadOptions
from core.errors import InputError
from core.library import merge, plans
from core.library.jobs import estimate, prepare_jobs, run_jobs
from core.tiles import coverage, polygons
from tests.support.files import tree_digest
from tests.support.polygon_files import L_SHAPE, write_geojson
from tests.support.wmts_server import StandInWmts

PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"
SMALL = {"type": "Polygon", "coordinates": [[[2.30, 43.18], [2.36, 43.18], [2.33, 43.22], [2.30, 43.18]]]}


def write_plan(folder, source, entries):
    path = os.path.join(str(folder), "plan.json")
    with open(path, "w") as stream:
        json.dump({"source": source, "entries": entries}, stream)
    return path


@pytest.fixture()
def server():
    with StandInWmts() as stand_in:
        yield stand_in


def two_layer_plan(folder, source):
    os.makedirs(os.path.join(str(folder), "areas"), exist_ok=True)
    write_geojson(os.path.join(str(folder), "areas", "l.geojson"))
    return write_plan(folder, source, [
        {"layer": PLAN, "area": "carcassonne", "zoom_min": 8, "zoom_max": 12},
        {"layer": PLAN, "area": "areas/l.geojson", "zoom_min": 13, "zoom_max": 13},
        {"layer": ORTHO, "area": SMALL, "zoom_min": 8, "zoom_max": 13}])


def expected_plan_tiles(folder):
    carcassonne = polygons.from_bbox(2.30, 43.18, 2.40, 43.25)
    ell = polygons.from_geojson(L_SHAPE)
    small = polygons.from_geojson(SMALL)
    plan_tiles = {(z, x, y) for z in range(8, 13) for r in coverage.column_ranges(carcassonne, z)
                  for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)}
    plan_tiles |= {(13, x, y) for r in coverage.column_ranges(ell, 13) for x in range(r.x_min, r.x_max + 1)
                   for y in range(r.y_min, r.y_max + 1)}
    ortho_tiles = {(z, x, y) for z in range(8, 14) for r in coverage.column_ranges(small, z)
                   for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)}
    return plan_tiles, ortho_tiles


def test_a_two_layer_plan_makes_one_exact_file_per_layer(server, tmp_path):
    plan = plans.load_plan(two_layer_plan(tmp_path, server.url))
    library = tmp_path / "library"
    library.mkdir()
    jobs = prepare_jobs(plan, str(library))
    assert [item.job.file_name for item in jobs] == [PLAN + ".mbtiles", ORTHO + ".mbtiles"]
    rows = estimate(jobs)
    assert not os.listdir(library) and not server.log.entries  # estimating fetches and writes nothing
    plan_tiles, ortho_tiles = expected_plan_tiles(tmp_path)
    assert sum(r.tiles for r in rows if r.layer == PLAN) == len(plan_tiles)
    results = run_jobs(jobs, DownloadOptions(concurrency=8, max_rate=0))
    assert [r.error for r in results] == [None, None]
    for name, expected, fmt in ((PLAN, plan_tiles, "image/png"), (ORTHO, ortho_tiles, "image/jpeg")):
        with mbtiles.MBTilesReader(str(library / (name + ".mbtiles"))) as reader:
            stored = {(z, x, y): d for z, x, y, d in reader.iter_tiles()}
            assert mbtiles.metadata_problems(reader.metadata()) == []
        assert set(stored) == expected
        assert all(d == server.tile_body(fmt, z, x, y) for (z, x, y), d in stored.items())
    assert len(server.log.tiles(200)) == len(plan_tiles) + len(ortho_tiles)  # one request per tile
    server.log.clear()
    again = run_jobs(prepare_jobs(plan, str(library)), DownloadOptions(concurrency=8, max_rate=0))
    assert not server.log.tiles() and all(r.stats.skipped == r.item.total for r in again)
    rows = estimate(prepare_jobs(plan, str(library)))
    assert all(r.present == r.tiles and not r.assumed for r in rows)


def test_three_shards_share_the_tiles_without_overlap(server, tmp_path):
    plan = plans.load_plan(two_layer_plan(tmp_path, server.url))
    seen = []
    for index in (1, 2, 3):
        library = tmp_path / "shard{}".format(index)
        library.mkdir()
        jobs = prepare_jobs(plan, str(library), shard=(index, 3))
        run_jobs(jobs, DownloadOptions(concurrency=4, max_rate=0), shard=(index, 3))
        for item in jobs:
            with mbtiles.MBTilesReader(item.output) as reader:
                seen.extend((item.job.layer, z, x, y) for z, x, y, _ in reader.iter_tiles())
    plan_tiles, ortho_tiles = expected_plan_tiles(tmp_path)
    assert len(seen) == len(set(seen)) == len(plan_tiles) + len(ortho_tiles)
    assert len(server.log.tiles(200)) == len(seen)

    # the three files of a layer merge into exactly the unsharded set, with complete metadata
    shards = [str(tmp_path / "shard{}".format(i) / (PLAN + ".mbtiles")) for i in (1, 2, 3)]
    before = tree_digest(tmp_path / "shard1")
    merged = tmp_path / "merged.mbtiles"
    assert merge.merge(shards, str(merged)) == len(plan_tiles)
    assert tree_digest(tmp_path / "shard1") == before  # inputs only read
    with mbtiles.MBTilesReader(str(merged)) as reader:
        stored = {(z, x, y): d for z, x, y, d in reader.iter_tiles()}
        metadata = reader.metadata()
        journal = reader.journal_count_in(
            [r for z in range(8, 14) for r in coverage.column_ranges(polygons.from_bbox(-180, -85, 180, 85), z)], 13)
    assert set(stored) == plan_tiles
    assert all(d == server.tile_body("image/png", z, x, y) for (z, x, y), d in stored.items())
    assert mbtiles.metadata_problems(metadata) == [] and metadata["ign_offline:layer"] == PLAN
    assert (metadata["minzoom"], metadata["maxzoom"]) == ("8", "13")
    assert journal == sum(1 for z, _, _ in plan_tiles if z == 13)

    # files of two layers: refused, nothing written
    other = str(tmp_path / "shard1" / (ORTHO + ".mbtiles"))
    with pytest.raises(InputError, match="hold different tiles .*layer.*Nothing was written"):
        merge.merge([shards[0], other], str(tmp_path / "mixed.mbtiles"))
    assert not (tmp_path / "mixed.mbtiles").exists()


@pytest.mark.parametrize("entries, fragment", [
    ("{not json", r"is not valid JSON \(broken at line 1, column 2\): correct it in a text editor\.$"),
    ([{"area": "toulouse", "zoom_min": 8, "zoom_max": 9}], r"entry 1, field 'layer'"),
    ([{"layer": "X", "area": "lyon", "zoom_min": 8, "zoom_max": 9}], r"entry 1, field 'area': unknown preset 'lyon'"),
    ([{"layer": "X", "area": "toulouse", "zoom_min": 8, "zoom_max": 9},
      {"layer": "X", "area": "missing.gpkg", "zoom_min": 8, "zoom_max": 9}],
     r"entry 2, field 'area': .*does not exist"),
    ([{"layer": "X", "area": "points.geojson", "zoom_min": 8, "zoom_max": 9}], r"entry 1, field 'area': .*no polygon"),
    ([{"layer": "X", "area": "toulouse", "zoom_min": 12, "zoom_max": 9}], r"entry 1, field 'zoom_min': 12 is greater"),
    ([{"layer": "X", "area": "toulouse", "zoom_min": "8", "zoom_max": 9}], r"entry 1, field 'zoom_min'"),
    ([{"layer": "X", "area": "toulouse", "zoom_min": 8, "zoom_max": 9, "zoom": 3}], r"entry 1, field 'zoom'"),
    ([], r"has no \"entries\""),
    ([{"dataset": "BDUNI", "area": "toulouse"}], r"entry 1, field 'dataset': unknown dataset 'BDUNI': use one of "
                                                  r"BDORTHO, BDTOPO, PARCELLAIRE-EXPRESS, RGEALTI"),
    ([{"layer": "X", "area": "toulouse", "zoom_min": 8, "zoom_max": 9},
      {"dataset": "RGEALTI", "variant": "25M", "area": "toulouse"}],
     r"entry 2, field 'variant': RGEALTI has no variant '25M': use 5M or 1M"),
    ([{"dataset": "RGEALTI", "variant": "5M", "area": "lyon"}], r"entry 1, field 'area': unknown preset 'lyon'"),
    ([{"dataset": "RGEALTI", "area": "toulouse", "zoom_min": 8}], r"entry 1, field 'zoom_min': unknown field; a "
                                                                   r"dataset entry has"),
    ([{"dataset": "BDTOPO", "area": "toulouse", "clip": "no"}], r"entry 1, field 'clip': give true or false"),
    ([{"dataset": "RGEALTI", "area": "toulouse", "contours": -5}], r"entry 1, field 'contours': give the interval"),
    ([{"dataset": "BDTOPO", "area": "toulouse", "service": "ftp://x"}], r"entry 1, field 'service'"),
])
def test_bad_plans_name_the_entry_and_field(tmp_path, entries, fragment):
    (tmp_path / "points.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 43]}}]}))
    if isinstance(entries, str):
        path = tmp_path / "plan.json"
        path.write_text(entries)
        path = str(path)
    else:
        path = write_plan(tmp_path, "https://data.geopf.fr/wmts", entries)
    before = tree_digest(tmp_path)
    with pytest.raises(InputError, match=fragment):
        plans.load_plan(path)
    assert tree_digest(tmp_path) == before


def test_a_run_sets_a_bad_entry_aside_and_keeps_the_others(tmp_path, server):
    """Issue 29: in a run (lenient), one bad entry is one failed entry; the others are the plan."""
    good = {"layer": PLAN, "area": "toulouse", "zoom_min": 8, "zoom_max": 9}
    path = write_plan(tmp_path, server.url, [
        "not an entry", dict(good, zoom_min="8"), good, {"dataset": "BDUNI", "area": "toulouse"},
        dict(good, layer="NO.SUCH.LAYER")])
    with pytest.raises(InputError, match="entry 1: an entry is a JSON object"):
        plans.load_plan(path)  # the dock, saving a plan, still refuses it whole
    plan = plans.load_plan(path, lenient=True)
    assert [entry.number for entry in plan.entries] == [3, 5] and plan.datasets == []
    assert [number for number, _ in plan.failed] == [1, 2, 4]
    assert "entry 2, field 'zoom_min'" in str(plan.failed[1][1])
    unprepared = []
    jobs = prepare_jobs(plan, str(tmp_path / "library"), failed=unprepared)
    assert [job.job.layer for job in jobs] == [PLAN]  # the layer the server lacks fails alone
    assert [(job.layer, "NO.SUCH.LAYER" in str(exc)) for job, exc in unprepared] == [("NO.SUCH.LAYER", True)]
    with pytest.raises(InputError, match="NO.SUCH.LAYER"):
        prepare_jobs(plan, str(tmp_path / "library"))  # without a list to take failures: the first is raised


def test_dataset_entries_sit_beside_layer_entries(tmp_path):
    write_geojson(str(tmp_path / "l.geojson"))
    plan = plans.load_plan(write_plan(tmp_path, "https://data.geopf.fr/wmts", [
        {"layer": PLAN, "area": "carcassonne", "zoom_min": 8, "zoom_max": 9},
        {"dataset": "RGEALTI", "variant": "5m", "area": "l.geojson", "contours": 10},
        {"dataset": "BDTOPO", "variant": "TOUSTHEMES", "area": SMALL, "clip": False},
        {"dataset": "PARCELLAIRE-EXPRESS", "area": "toulouse", "service": "http://127.0.0.1:9/telechargement/"},
        {"dataset": "bdortho", "area": "toulouse", "keep_archives": True}]))
    assert [e.layer for e in plan.entries] == [PLAN] and [j.layer for j in plan.jobs()] == [PLAN]
    relief, topo, cadastre, ortho = plan.datasets
    assert (relief.number, relief.product, relief.variant, relief.contours, relief.clip) == (2, "RGEALTI", "5M", 10.0,
                                                                                              True)
    assert relief.area.polygons is not None and relief.area_label == "l.geojson"
    assert (topo.product, topo.variant, topo.clip, topo.area_label) == ("BDTOPO", None, False, plans.INLINE_LABEL)
    assert topo.area.title == "plan 3"  # its derived files and group are named after the entry
    assert (cadastre.variant, cadastre.service) == (None, "http://127.0.0.1:9/telechargement")
    assert (ortho.product, ortho.variant, ortho.keep_archives) == ("BDORTHO", "RVB-0M20", True)
    assert relief.service == plans.DEFAULT_SERVICE and relief.hillshade and relief.slope

    # a plan of datasets only needs no tile source; what the dock writes reads back the same
    document = {"entries": [plans.make_dataset_entry("RGEALTI", "1M", "toulouse", clip=False, contours=5)]}
    saved = plans.save_document(document, str(tmp_path / "only" / "plan.json"))
    assert saved.entries == [] and saved.jobs() == []
    assert [(d.product, d.variant, d.clip, d.contours) for d in saved.datasets] == [("RGEALTI", "1M", False, 5.0)]


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "a/b", "2"])
def test_bad_shards(text):
    with pytest.raises(InputError, match="SHARD"):
        plans.parse_shard(text)


def test_shards_are_balanced_and_deterministic():
    counts = [0, 0, 0]
    for x in range(8000, 8300):
        for y in range(5900, 6200):
            counts[plans.shard_of(14, x, y, 3)] += 1
    assert min(counts) > 0.85 * max(counts)
    assert plans.shard_of(14, 8001, 5901, 3) == plans.shard_of(14, 8002, 5902, 3)  # one 8x8 block


def test_the_inventory_counts_what_the_files_hold_and_how_complete_the_plan_is(server, tmp_path):
    from osgeo import ogr

    from core.library import inventory

    plan = plans.load_plan(two_layer_plan(tmp_path, server.url))
    library = tmp_path / "library"
    library.mkdir()
    empty = inventory.completeness(plan, str(library))
    assert all(item.present == 0 and item.planned > 0 for item in empty)
    run_jobs(prepare_jobs(plan, str(library)), DownloadOptions(concurrency=8, max_rate=0))
    before = tree_digest(library)
    rows, unreadable = inventory.inventory_folder(str(library))
    assert tree_digest(library) == before and not unreadable
    plan_tiles, ortho_tiles = expected_plan_tiles(tmp_path)
    for name, expected, fmt in ((PLAN, plan_tiles, "image/png"), (ORTHO, ortho_tiles, "image/jpeg")):
        mine = [r for r in rows if r.layer == name]
        assert {r.zoom: r.tiles for r in mine} == {z: sum(1 for t in expected if t[0] == z) for z in range(8, 14)}
        assert {r.zoom: r.bytes for r in mine} == {
            z: sum(len(server.tile_body(fmt, *t)) for t in expected if t[0] == z) for z in range(8, 14)}
        for row in mine:
            covered = ogr.CreateGeometryFromWkt(row.wkt)
            for z, x, y in (t for t in expected if t[0] == row.zoom):
                centre = mercantile_centre(z, x, y)
                assert covered.Contains(ogr.CreateGeometryFromWkt("POINT ({} {})".format(*centre)))
            tiles_area = sum(tile_area(*t) for t in expected if t[0] == row.zoom)
            assert abs(covered.GetArea() - tiles_area) < 1e-9 * max(1.0, tiles_area)  # no more than the tiles
            assert row.oldest and row.newest and row.failed == 0
    report = inventory.html_report(str(library), rows, unreadable, inventory.completeness(plan, str(library)))
    assert PLAN in report and ORTHO in report and "100.0%" in report
    assert all(item.share == 1 for item in inventory.completeness(plan, str(library)))


def tile_area(z, x, y):
    import mercantile

    box = mercantile.bounds(x, y, z)
    return (box.east - box.west) * (box.north - box.south)


def mercantile_centre(z, x, y):
    import mercantile

    box = mercantile.bounds(x, y, z)
    return (box.west + box.east) / 2, (box.south + box.north) / 2


def test_merging_keeps_the_newest_copy_and_no_unused_body(tmp_path):
    import sqlite3
    import time as clock

    from tests.support.images import png_tile

    def write(path, tiles, when):
        with mbtiles.MBTilesWriter(str(path)) as writer:
            writer.update_metadata(dict(mbtiles.build_metadata("L", "image/png", (2.3, 43.18, 2.4, 43.25), 12, 12),
                                        **{"ign_offline:source": "http://s", "ign_offline:layer": "L",
                                           "ign_offline:style": "normal", "ign_offline:format": "image/png"}))
            for (z, x, y), data in tiles.items():
                writer.record(z, x, y, "done", data, fetched_at=when)

    old, new = png_tile((1, 1, 1)), png_tile((200, 2, 2))
    write(tmp_path / "a.mbtiles", {(12, 2074, 1500): old, (12, 2075, 1500): png_tile((3, 3, 3))}, clock.time() - 100)
    write(tmp_path / "b.mbtiles", {(12, 2074, 1500): new}, clock.time())
    out = tmp_path / "out.mbtiles"
    merge.merge([str(tmp_path / "a.mbtiles")], str(out))
    assert merge.merge([str(tmp_path / "b.mbtiles")], str(out)) == 2  # into the same file, later
    with mbtiles.MBTilesReader(str(out)) as reader:
        assert reader.tile(12, 2074, 1500) == new
    db = sqlite3.connect(str(out))
    assert db.execute("SELECT COUNT(*) FROM images").fetchone() == (2,)  # the old body is gone
    db.close()


def test_a_layer_whose_metadata_says_infinity_is_one_failed_entry(tmp_path):
    """Reviewer: `"maxzoom": Infinity` (Python's json takes it) was an OverflowError traceback in parse_metadata,
    and prepare_jobs caught only IgnOfflineError: one bad layer stopped the plan. It is one failed entry, said in
    words; and any other fault of the known families parsing a layer's documents is one failed entry too."""
    from core.library import jobs
    from tests.support.tms_server import StandInTms

    library = str(tmp_path / "library")
    with StandInTms() as tms_server:
        plain = tms_server.metadata
        tms_server.metadata = lambda layer: plain(layer).replace(b'"maxzoom": 19', b'"maxzoom": Infinity')
        path = tmp_path / "plan.json"
        path.write_text(json.dumps({"source": tms_server.root, "entries": [
            {"layer": "PCI", "area": "toulouse", "zoom_min": 8, "zoom_max": 9},
            {"layer": "PLAN.IGN", "area": "toulouse", "zoom_min": 8, "zoom_max": 9}]}))
        plan = plans.load_plan(str(path), lenient=True)
        unprepared = []
        prepared = prepare_jobs(plan, library, failed=unprepared)
        assert [job.job.layer for job in prepared] == ["PLAN.IGN"]
        assert [(job.layer, "holds the number Infinity" in str(exc)) for job, exc in unprepared] == [("PCI", True)]
        tms_server.metadata = plain
        original = jobs._prepare_job

        def overflowing(job, *args):  # a fault no check foresaw, for this entry only
            if job.layer == "PCI":
                raise OverflowError("math range error")
            return original(job, *args)

        jobs._prepare_job = overflowing
        try:
            unprepared = []
            prepared = prepare_jobs(plan, library, failed=unprepared)
            with pytest.raises(InputError, match="Layer 'PCI': what its server sent cannot be read"):
                prepare_jobs(plan, library)
        finally:
            jobs._prepare_job = original
    assert [job.job.layer for job in prepared] == ["PLAN.IGN"]
    assert [str(exc) for _, exc in unprepared] == [
        "Layer 'PCI': what its server sent cannot be read (a number out of range): check the entry's source, or "
        "try again later."]


def test_no_plan_is_written_with_a_key(tmp_path):
    """Reviewer: Add to plan wrote `?apikey=KEY` into plan.json. No source of a plan is written with its key."""
    keyed = "https://data.geopf.fr/private/tms/1.0.0?apikey=S3cret&x=1"
    entry = plans.make_entry("PLAN.IGN", "toulouse", 8, 9, keyed, None)
    assert entry["source"] == "https://data.geopf.fr/private/tms/1.0.0?x=1" and plans.holds_key(keyed)
    path = str(tmp_path / "plan.json")
    document = dict(plans.new_document(keyed), entries=[entry, dict(entry, source=keyed + "&key=Other")])
    plans.save_document(document, path)
    with open(path, encoding="utf-8") as stream:
        written = stream.read()
    assert "S3cret" not in written and "Other" not in written and "?x=1" in written
    assert not plans.holds_key("https://data.geopf.fr/tms/1.0.0") and plans.public_source(None) is None
