"""Issue 32, automated refresh: a plan's refresh intervals, which entries are due, the tiles a due entry re-checks,
and the report of what a refresh changed (no QGIS; real SQLite, the stand-in WMTS on 127.0.0.1)."""

import json
import os
import sqlite3
import time

import pytest

from core import mbtiles
from core.download import changes as tile_changes
from core.download.engine import DownloadOptions
from core.download.job import download_to_mbtiles
from core.errors import InputError
from core.library import jobs, plans, refresh
from core.sources.prepare import prepare_source
from core.tiles import areas, coverage
from core.tiles import grid as tiles
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
DAY = 86400.0


def plan_text(entries, **top):
    return json.dumps(dict({"source": "http://127.0.0.1:9/wmts", "entries": entries}, **top))


def entry(**fields):
    return dict({"layer": PLAN, "area": "carcassonne", "zoom_min": 10, "zoom_max": 12}, **fields)


# -- the plan's intervals ---------------------------------------------------------------------------------------

def test_an_entry_takes_its_own_interval_else_the_plans_and_null_is_never():
    plan = plans.parse_plan(plan_text([entry(), entry(area="toulouse", refresh_days=7),
                                       entry(area="montpellier", refresh_days=None),
                                       {"dataset": "BDTOPO", "area": "toulouse"}], refresh_days=30))
    assert [e.refresh_days for e in plan.entries] == [30.0, 7.0, None]
    assert plan.datasets[0].refresh_days == 30.0 and plan.refresh_days == 30.0


def test_a_plan_without_intervals_reads_as_before():
    plan = plans.parse_plan(plan_text([entry()]))
    assert plan.refresh_days is None and plan.entries[0].refresh_days is None
    assert refresh.due_entries(plan, "/nonexistent", 1e9) == []


@pytest.mark.parametrize("value", [-1, "30", True, [30], float("nan")])
def test_a_bad_interval_names_the_entry_and_field(value):
    with pytest.raises(InputError) as caught:
        plans.parse_plan(plan_text([entry(), entry(refresh_days=value)]))
    text = str(caught.value)
    assert "entry 2, field 'refresh_days'" in text and "number of days between refreshes" in text, text
    with pytest.raises(InputError) as caught:
        plans.parse_plan(plan_text([entry()], refresh_days=value))
    assert "field 'refresh_days'" in str(caught.value) and "entry" not in str(caught.value)


def test_saving_a_plan_keeps_its_intervals(tmp_path):
    path = str(tmp_path / "plan.json")
    document = json.loads(plan_text([entry(refresh_days=3)], refresh_days=30))
    plans.save_document(document, path)
    plan = plans.load_plan(path)
    assert (plan.refresh_days, plan.entries[0].refresh_days) == (30.0, 3.0)


# -- which entries are due ---------------------------------------------------------------------------------------

def held_library(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / (PLAN + ".mbtiles")).write_bytes(b"")
    return str(library)


def test_due_follows_the_last_complete_refresh_per_entry_and_per_library(tmp_path):
    plan = plans.parse_plan(plan_text([entry(refresh_days=30), entry(area="toulouse", refresh_days=7),
                                       entry(area="montpellier")]))
    first, second, never = plan.entries
    library = held_library(tmp_path)
    now = 100 * DAY
    # never refreshed here, the file there: due, for its tiles older than the interval
    assert [(d.entry.number, d.cutoff) for d in refresh.due_entries(plan, library, now)] == [
        (1, now - 30 * DAY), (2, now - 7 * DAY)]
    refresh.record_refreshed(library, [first, second], now)
    assert refresh.due_entries(plan, library, now + 6 * DAY) == []
    assert [(d.entry.number, d.cutoff) for d in refresh.due_entries(plan, library, now + 8 * DAY)] == [
        (2, now + 7 * DAY)]
    assert [d.entry.number for d in refresh.due_entries(plan, library, now + 30 * DAY)] == [1, 2]
    # an older run never sets the record back
    refresh.record_refreshed(library, [first], now - 50 * DAY)
    assert refresh.read_state(library)[refresh.entry_key(first)]["refreshed_at"] == now
    # another library has its own record; a library without the layer's file has nothing to refresh
    os.makedirs(str(tmp_path / "other"))
    other = held_library(tmp_path / "other")
    assert [d.entry.number for d in refresh.due_entries(plan, other, now + 6 * DAY)] == [1, 2]
    assert refresh.due_entries(plan, str(tmp_path), now) == []


def test_an_entry_keeps_its_record_when_others_are_added_or_its_interval_changes(tmp_path):
    library = held_library(tmp_path)
    before = plans.parse_plan(plan_text([entry(refresh_days=30)]))
    refresh.record_refreshed(library, before.entries, 10 * DAY)
    after = plans.parse_plan(plan_text([entry(area="toulouse"), entry(refresh_days=20)]))
    assert [(d.entry.number, d.cutoff) for d in refresh.due_entries(after, library, 31 * DAY)] == [(2, 30 * DAY)]


def test_a_damaged_record_is_no_record(tmp_path):
    library = held_library(tmp_path)
    os.makedirs(refresh.folder_of(library))
    with open(os.path.join(refresh.folder_of(library), refresh.STATE_FILE), "w") as stream:
        stream.write("{not json")
    assert refresh.read_state(library) == {}
    # written by a clock years ahead, or NaN (json reads it): no record, else the entry would never be due again
    with open(os.path.join(refresh.folder_of(library), refresh.STATE_FILE), "w") as stream:
        stream.write('{"a": {"refreshed_at": 4102444800, "entry": "x"}, "b": {"refreshed_at": NaN, "entry": "y"}, '
                     '"c": {"refreshed_at": 1700000000, "entry": "z"}}')
    assert set(refresh.read_state(library)) == {"c"}


def test_a_tile_is_re_checked_by_the_latest_cutoff_of_the_due_entries_holding_it():
    plan = plans.parse_plan(plan_text([
        entry(area={"type": "Polygon", "coordinates": [[[2.30, 43.18], [2.34, 43.18], [2.34, 43.22], [2.30, 43.22],
                                                         [2.30, 43.18]]]}, zoom_min=12, zoom_max=12),
        entry(zoom_min=12, zoom_max=13), entry(area="toulouse", zoom_min=12, zoom_max=12)]))
    job, = plan.jobs()
    small, whole, toulouse = plan.entries
    cutoff = refresh.tile_cutoff(job, [refresh.Due(small, 200.0), refresh.Due(whole, 100.0)])
    inside = tiles.iter_tiles((2.31, 43.19, 2.32, 43.20), 12, 12)
    z, x, y = next(iter((t.z, t.x, t.y) for t in inside))
    assert cutoff(z, x, y) == 200.0  # both hold it: the later
    corner = next((t.z, t.x, t.y) for t in tiles.iter_tiles((2.39, 43.245, 2.40, 43.25), 12, 12))
    assert cutoff(*corner) == 100.0
    thirteen = next((t.z, t.x, t.y) for t in tiles.iter_tiles((2.31, 43.19, 2.32, 43.20), 13, 13))
    assert cutoff(*thirteen) == 100.0
    toulouse_tile = next((t.z, t.x, t.y) for t in tiles.iter_tiles(areas.PRESETS["toulouse"].bbox, 12, 12))
    assert cutoff(*toulouse_tile) is None  # its entry is not due
    assert refresh.tile_cutoff(job, []) is None


# -- the report ---------------------------------------------------------------------------------------------------

def test_addresses_encode_as_column_runs_and_decode_to_the_same():
    addresses = [(12, 5, 9), (12, 5, 7), (12, 5, 8), (12, 6, 8), (13, 5, 8), (12, 5, 11)]
    texts = refresh.encode(addresses)
    assert texts == ["12/5/7-9", "12/5/11", "12/6/8", "13/5/8"]
    assert refresh.decode(texts) == sorted(addresses)


def test_the_listed_addresses_are_bounded_and_the_counts_go_on(monkeypatch):
    monkeypatch.setattr(tile_changes, "MAX_LISTED", 3)
    found = tile_changes.TileChanges()
    for y in range(5):
        found.add(tile_changes.CHANGED, 14, 8000, y, 10)
    assert (found.changed, found.bytes, found.complete) == (5, 50, False)
    assert found.addresses(tile_changes.CHANGED) == [(14, 8000, 0), (14, 8000, 1), (14, 8000, 2)]
    assert tile_changes.unpack(tile_changes.pack(22, 4194303, 4194302)) == (22, 4194303, 4194302)


def test_the_report_file_keeps_its_newest_lines_under_its_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(refresh, "MAX_REPORT_BYTES", 4000)
    library = str(tmp_path)
    for number in range(100):
        refresh.append_report(library, [{"layer": "L", "run": number, "padding": "x" * 50}])
    kept = refresh.read_report(library)
    assert os.path.getsize(refresh.report_path(library)) <= 4000
    assert kept[-1]["run"] == 99 and [r["run"] for r in kept] == list(range(kept[0]["run"], 100))
    with open(refresh.report_path(library), "a") as stream:
        stream.write('{"cut by a cra')  # a crash mid-append: the line is skipped, the others read
    assert len(refresh.read_report(library)) == len(kept)
    refresh.append_report(library, [{"layer": "L", "run": 100}])  # after the cut line: read, not swallowed
    assert refresh.read_report(library)[-1]["run"] == 100


def test_a_refresh_whose_line_alone_passes_the_bound_keeps_its_counts_and_the_report(tmp_path, monkeypatch):
    """Many scattered changed tiles make one huge line: the report keeps it (its addresses dropped, said not
    complete), never an empty file."""
    monkeypatch.setattr(refresh, "MAX_REPORT_BYTES", 4000)
    library = str(tmp_path)
    for number in range(3):
        refresh.append_report(library, [{"layer": "L", "run": number, "tiles": {"changed": ["14/1/1"]}}])
    huge = {"layer": "L", "run": 3, "changed": 720, "complete": True,
            "tiles": {"changed": ["14/{}/{}".format(x, x * 7) for x in range(720)]}}
    refresh.append_report(library, [huge])
    kept = refresh.read_report(library)
    assert os.path.getsize(refresh.report_path(library)) <= 4000
    assert kept[-1]["run"] == 3 and kept[-1]["changed"] == 720 and kept[-1]["complete"] is False
    assert kept[-1]["tiles"] == {"changed": []}


# -- a refresh against the stand-in: what changed, exactly ---------------------------------------------------------

CARCASSONNE = areas.PRESETS["carcassonne"]


@pytest.fixture()
def server():
    with StandInWmts() as stand_in:
        yield stand_in


def fast(**overrides):
    return DownloadOptions(**dict(dict(concurrency=4, max_rate=0, backoff_base=0.02), **overrides))


def test_a_refresh_counts_new_changed_gone_and_unchanged_tiles_and_drops_the_gone(server, tmp_path):
    output = str(tmp_path / "plan.mbtiles")
    everything = sorted((t.z, t.x, t.y) for t in tiles.iter_tiles(CARCASSONNE.bbox, 12, 13))
    late = everything[-1]
    server.empty = lambda z, x, y: (z, x, y) == late  # not there at first: an empty tile
    prepared = prepare_source(server.url, PLAN)
    first = download_to_mbtiles(prepared, CARCASSONNE, 12, 13, output, fast())
    assert (first.changes.new, first.changes.changed, first.changes.gone) == (len(everything) - 1, 0, 0)
    changed = everything[::5][:-1]
    gone = everything[1]
    for tile in changed:
        server.version[tile] += 1
    server.empty = lambda z, x, y: (z, x, y) == gone  # the late tile appears, one goes away
    stats = download_to_mbtiles(prepare_source(server.url, PLAN), CARCASSONNE, 12, 13, output, fast(refresh_days=0))
    found = stats.changes
    assert found.addresses(tile_changes.CHANGED) == changed
    assert found.addresses(tile_changes.NEW) == [late]
    assert found.addresses(tile_changes.GONE) == [gone]
    assert found.unchanged == len(everything) - len(changed) - 2
    assert found.bytes == sum(len(server.tile_body("image/png", *t)) for t in changed + [late])
    with mbtiles.MBTilesReader(output) as reader:
        assert reader.tile(*gone) is None
        assert reader.tile(*late) == server.tile_body("image/png", *late)
        assert all(reader.tile(*t) == server.tile_body("image/png", *t) for t in changed)
        assert reader.connection().execute("SELECT COUNT(*) FROM images WHERE tile_id NOT IN "
                                         "(SELECT tile_id FROM map)").fetchone()[0] == 0


def age(path, seconds):
    """The file's tiles as if fetched `seconds` earlier."""
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE tile_journal SET fetched_at = fetched_at - ?", (seconds,))
    db.close()


def test_only_the_due_entrys_tiles_are_re_checked_and_the_run_is_reported(server, tmp_path):
    small = {"type": "Polygon", "coordinates": [[[2.30, 43.18], [2.34, 43.18], [2.34, 43.22], [2.30, 43.22],
                                                 [2.30, 43.18]]]}
    plan = plans.parse_plan(json.dumps({"source": server.url, "entries": [
        entry(area=small, zoom_min=12, zoom_max=13, refresh_days=7), entry(zoom_min=12, zoom_max=13)]}))
    library = str(tmp_path / "library")
    os.makedirs(library)
    prepared = jobs.prepare_jobs(plan, library)
    jobs.run_jobs(prepared, fast())
    now = time.time()
    age(os.path.join(library, PLAN + ".mbtiles"), 10 * DAY)
    refresh.record_refreshed(library, plan.entries, now - 10 * DAY)
    server.log.clear()
    due = refresh.due_entries(plan, library, now)
    assert [d.entry.number for d in due] == [1]
    prepared = jobs.prepare_jobs(plan, library)
    for item in prepared:
        item.refresh_cutoff = refresh.tile_cutoff(item.job, due)
    results = jobs.run_jobs(prepared, fast())
    small_tiles = {(r.zoom, x, y) for zoom in (12, 13) for r in coverage.area_ranges(plan.entries[0].area, zoom)
                   for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)}
    assert set(server.log.tiles(304)) == small_tiles and not server.log.tiles(200)
    records = refresh.conclude(library, now, results, [], due)
    assert len(records) == 1 and records[0]["unchanged"] == len(small_tiles)
    assert (records[0]["new"], records[0]["changed"], records[0]["gone"]) == (0, 0, 0)
    assert refresh.read_report(library) == records
    assert refresh.due_entries(plan, library, now + 6 * DAY) == []
    assert [d.entry.number for d in refresh.due_entries(plan, library, now + 7 * DAY)] == [1]


def test_a_dataset_line_counts_the_files_of_new_zones_and_of_newer_editions():
    from core.datasets import sync

    plan = plans.parse_plan(plan_text([{"dataset": "BDTOPO", "area": "toulouse"}], refresh_days=30))
    zones = [sync.ZoneResult(sync.ZonePlan("BDTOPO", None, "D031", "Haute-Garonne"), sync.NEW, 3, 300),
             sync.ZoneResult(sync.ZonePlan("BDTOPO", None, "D032", "Gers"), sync.UPDATED, 2, 200),
             sync.ZoneResult(sync.ZonePlan("BDTOPO", None, "D081", "Tarn"), sync.UP_TO_DATE)]
    record = refresh.dataset_record(1e9, plan.datasets[0], sync.SyncResult("BDTOPO", None, zones))
    assert (record["files_new"], record["files_changed"], record["bytes"]) == (3, 2, 500)
    assert (record["zones_new"], record["zones_changed"]) == (["D031"], ["D032"])
    assert refresh.totals([record])["files_changed"] == 2
