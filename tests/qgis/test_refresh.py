"""Issue 32, automated refresh through Processing: run_plan refreshes the entries of its plan that are due (their
refresh_days), against the stand-in WMTS on 127.0.0.1, and its report says exactly what changed."""

import json
import os
import sqlite3
import time

from core import mbtiles
from core.library import plans, refresh
from core.tiles import areas, coverage
from tests.support.feedback import Recording
from tests.support.wmts_server import StandInWmts

PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"
DAY = 86400


def write_plan(folder, source, **top):
    path = os.path.join(str(folder), "plan.json")
    with open(path, "w") as stream:
        json.dump(dict({"source": source, "entries": [
            {"layer": PLAN, "area": "carcassonne", "zoom_min": 11, "zoom_max": 14},
            {"layer": ORTHO, "area": "carcassonne", "zoom_min": 11, "zoom_max": 12, "refresh_days": None}]},
            **top), stream)
    return path


def planned(zooms):
    return sorted((z, x, y) for z in zooms for r in coverage.area_ranges(areas.PRESETS["carcassonne"], z)
                  for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1))


def age(path, days):
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE tile_journal SET fetched_at = fetched_at - ?", (days * DAY,))
    db.close()


def run_plan(processing, plan, library, **extra):
    feedback = Recording()
    results = processing.run("ign_offline:run_plan", dict({"PLAN": plan, "LIBRARY": str(library), "MAX_RATE": 0,
                                                           "LOAD": False}, **extra), feedback=feedback)
    return results, feedback.lines


def test_a_due_entry_is_refreshed_and_the_report_says_exactly_the_tiles_that_changed(processing, tmp_path):
    library = tmp_path / "library"
    with StandInWmts() as server:
        plan = write_plan(tmp_path, server.url, refresh_days=30)
        run_plan(processing, plan, library)
        files = {layer: str(library / (layer + ".mbtiles")) for layer in (PLAN, ORTHO)}
        tiles = planned(range(11, 15))
        # not due yet: nothing is re-checked, nothing reported
        server.log.clear()
        results, _ = run_plan(processing, plan, library, ONLY_DUE=True)
        assert server.log.tiles() == [] and json.loads(results["REFRESH"]) == []
        assert refresh.read_report(str(library)) == []
        # 31 days later, one tile in five changed on the server
        for path in files.values():
            age(path, 31)
        state = refresh.read_state(str(library))
        for value in state.values():
            value["refreshed_at"] -= 31 * DAY
        with open(os.path.join(refresh.folder_of(str(library)), refresh.STATE_FILE), "w") as stream:
            json.dump(state, stream)
        changed = tiles[::5]
        for tile in changed:
            server.version[tile] += 1
        server.log.clear()
        results, lines = run_plan(processing, plan, library, ONLY_DUE=True)
    # the Plan IGN entry is due: every one of its tiles re-checked by a conditional request, the ortho's not
    assert sorted(server.log.tiles(304)) == sorted(set(tiles) - set(changed))
    assert sorted(server.log.tiles(200)) == changed
    record, = refresh.read_report(str(library))
    assert record["layer"] == PLAN and record["file"] == PLAN + ".mbtiles"
    assert refresh.decode(record["tiles"]["changed"]) == changed
    assert record["tiles"]["new"] == record["tiles"]["gone"] == []
    assert (record["changed"], record["unchanged"], record["complete"]) == (len(changed), len(tiles) - len(changed),
                                                                          True)
    assert record["bytes"] == sum(len(server.tile_body("image/png", *t)) for t in changed)
    said = json.loads(results["REFRESH"])
    assert [(r["layer"], r["changed"]) for r in said] == [(PLAN, len(changed))] and "tiles" not in said[0]
    assert "{}: tiles new 0, changed {}, gone 0, unchanged {}".format(
        PLAN, len(changed), len(tiles) - len(changed)) in "\n".join(lines)
    with mbtiles.MBTilesReader(files[PLAN]) as reader:
        assert all(reader.tile(*t) == server.tile_body("image/png", *t) for t in tiles)
    # refreshed: not due again until 30 days on
    assert refresh.due_entries(plans.load_plan(plan), str(library), time.time() + 29 * DAY) == []


def test_refresh_days_on_the_command_line_overrides_the_plans_intervals(processing, tmp_path):
    library = tmp_path / "library"
    with StandInWmts() as server:
        plan = write_plan(tmp_path, server.url)  # no interval at all: never due
        run_plan(processing, plan, library)
        server.log.clear()
        results, _ = run_plan(processing, plan, library, ONLY_DUE=True)
        assert server.log.tiles() == []
        results, _ = run_plan(processing, plan, library, REFRESH_DAYS=0)
        every = planned(range(11, 15)) + planned(range(11, 13))
        assert len(server.log.tiles(304)) == len(every) and not server.log.tiles(200)
    assert sorted(r["layer"] for r in json.loads(results["REFRESH"])) == sorted([PLAN, ORTHO])
    assert all(r["unchanged"] == len(planned(range(11, 15 if r["layer"] == PLAN else 13)))
               for r in json.loads(results["REFRESH"]))


def test_the_summary_is_said_with_the_users_numbers_and_units(french):
    from ign_offline.core.library import refresh  # the plugin's own classes: what its i18n knows
    from ign_offline.i18n import say

    record = {"layer": PLAN, "new": 1, "changed": 2043, "gone": 0, "unchanged": 123456, "bytes": 84_500_000}
    said = say(refresh.summary(record))
    assert "2\u202f043" in said or "2\xa0043" in said, said
    assert "123\u202f456" in said or "123\xa0456" in said, said
    assert "84,5 Mo" in said, said
    dataset = {"entry": 3, "dataset": "BDTOPO", "files_new": 1200, "files_changed": 0, "bytes": 2_000_000_000}
    said = say(refresh.summary(dataset))
    assert ("1\u202f200" in said or "1\xa0200" in said) and "2,0 Go" in said, said
