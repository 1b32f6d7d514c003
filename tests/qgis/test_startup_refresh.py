"""Issue 32, the library's refresh at QGIS start, through the plugin itself (classFactory, initGui) in headless
QGIS against the stand-in WMTS on 127.0.0.1: never without the user's consent (not one request), in the background
when consented and an entry is due (the GUI thread never blocked), and nothing when no entry is due."""

import json
import os
import sqlite3
import time

import pytest

from core.download.engine import DownloadOptions
from core.library import jobs, plans, refresh
from tests.qgis.test_no_freeze import LoopGaps
from tests.support.qt_wait import wait_for
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
DAY = 86400


@pytest.fixture()
def user_settings():
    """The dock's settings this test sets (library, consent), taken away after it."""
    from ign_offline.ui import settings

    keys = (settings.LIBRARY, settings.PLAN, settings.AUTO_REFRESH, settings.PAGE)
    saved = {key: settings.value(key) for key in keys}
    yield settings
    from qgis.core import QgsSettings

    for key, value in saved.items():
        if value is None:
            QgsSettings().remove(settings.PREFIX + key)
        else:
            settings.store(key, value)


@pytest.fixture()
def library(tmp_path):
    """A library filled from its plan (refresh every 30 days), and the stand-in serving it."""
    folder = tmp_path / "library"
    folder.mkdir()
    with StandInWmts() as server:
        path = plans.default_plan_path(str(folder))
        with open(path, "w") as stream:
            json.dump({"source": server.url, "refresh_days": 30, "entries": [
                {"layer": PLAN, "area": "carcassonne", "zoom_min": 11, "zoom_max": 13}]}, stream)
        plan = plans.load_plan(path)
        jobs.run_jobs(jobs.prepare_jobs(plan, str(folder)), DownloadOptions(max_rate=0))
        server.log.clear()
        server.request_times.clear()
        yield folder, plan, server


def last_refreshed(folder, plan, days_ago):
    """The library as if its last refresh was `days_ago` (its tiles fetched then too)."""
    db = sqlite3.connect(str(folder / (PLAN + ".mbtiles")))
    with db:
        db.execute("UPDATE tile_journal SET fetched_at = fetched_at - ?", (days_ago * DAY,))
    db.close()
    refresh.record_refreshed(str(folder), plan.entries, time.time() - days_ago * DAY)


def start_plugin(desktop_iface, monkeypatch, settings, folder, consent):
    from ign_offline import classFactory
    from ign_offline.ui import startup_refresh

    monkeypatch.setattr(startup_refresh, "START_DELAY_MS", 50)
    settings.store(settings.LIBRARY, str(folder))
    settings.store(settings.PLAN, "")
    if consent is None:  # never set, as on a new install
        from qgis.core import QgsSettings

        QgsSettings().remove(settings.PREFIX + settings.AUTO_REFRESH)
    else:
        settings.store(settings.AUTO_REFRESH, consent)
    plugin = classFactory(desktop_iface)
    plugin.initGui()
    return plugin


def bar_texts(desktop_iface):
    return [item.text() for item in desktop_iface.messageBar().items()]


@pytest.mark.serial
def test_without_consent_nothing_runs_and_no_server_is_asked(desktop_iface, monkeypatch, user_settings, library):
    folder, plan, server = library
    from qgis.core import QgsSettings

    last_refreshed(folder, plan, 40)  # due
    plugin = start_plugin(desktop_iface, monkeypatch, user_settings, folder, None)
    try:
        assert QgsSettings().value(user_settings.PREFIX + user_settings.AUTO_REFRESH) is None  # off by default
        assert not plugin.dock.library_page.autoRefreshCheck.isChecked()
        wait_for(lambda: False, timeout=2)
        assert server.request_times == []
        assert plugin.startup_refresh.timer is None and plugin.startup_refresh.task is None
        assert plugin.startup_refresh.due is None  # not even the plan was read
        assert not plugin.dock.library_page.runner.busy and bar_texts(desktop_iface) == []
        assert refresh.read_report(str(folder)) == []
    finally:
        plugin.unload()


@pytest.mark.serial
def test_with_consent_a_due_library_refreshes_in_the_background_and_says_what_changed(
        desktop_iface, monkeypatch, user_settings, library):
    folder, plan, server = library
    last_refreshed(folder, plan, 40)
    tiles = sorted(_planned(plan))
    changed = tiles[::5]
    for tile in changed:
        server.version[tile] += 1
    server.latency = 0.25  # a refresh that takes a while (about 1 s): neither the start nor the GUI waits for it
    gaps = LoopGaps()
    started = time.monotonic()
    plugin = start_plugin(desktop_iface, monkeypatch, user_settings, folder, True)
    returned = time.monotonic() - started
    try:
        assert plugin.dock.library_page.autoRefreshCheck.isChecked()
        assert wait_for(lambda: any("Library refreshed" in text for text in bar_texts(desktop_iface)), timeout=120)
        longest = gaps.stop()
        assert plugin.startup_refresh.started
        assert returned < 0.5 and server.request_times and min(server.request_times) > started + 0.04
        assert len(tiles) * server.latency / 4 > 0.5  # at 4 requests at once: a GUI thread waiting would show it
        assert longest < 0.25, longest  # the GUI thread turned all along
        assert sorted(server.log.tiles(200)) == changed
        assert sorted(server.log.tiles(304)) == sorted(set(tiles) - set(changed))
        said, = [text for text in bar_texts(desktop_iface) if "Library refreshed" in text]
        assert "tiles new 0, changed {}, gone 0".format(len(changed)) in said, said
        record, = refresh.read_report(str(folder))
        assert refresh.decode(record["tiles"]["changed"]) == changed
    finally:
        plugin.unload()


@pytest.mark.serial
def test_with_consent_and_nothing_due_nothing_runs(desktop_iface, monkeypatch, user_settings, library):
    folder, plan, server = library
    last_refreshed(folder, plan, 10)  # refreshed 10 days ago: due in 20 days
    plugin = start_plugin(desktop_iface, monkeypatch, user_settings, folder, True)
    try:
        assert wait_for(lambda: plugin.startup_refresh.due is not None, timeout=30)
        wait_for(lambda: False, timeout=1)
        assert plugin.startup_refresh.due == [] and not plugin.startup_refresh.started
        assert server.request_times == [] and not plugin.dock.library_page.runner.busy
        assert bar_texts(desktop_iface) == [] and refresh.read_report(str(folder)) == []
    finally:
        plugin.unload()


def _planned(plan):
    from core.tiles import coverage

    entry, = plan.entries
    return [(z, x, y) for z in entry.zooms for r in coverage.area_ranges(entry.area, z)
            for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)]


def test_the_check_reads_no_plan_it_cannot_find(tmp_path):
    from ign_offline.ui.startup_refresh import due_in

    assert due_in(os.path.join(str(tmp_path), "plan.json"), str(tmp_path)) == []
