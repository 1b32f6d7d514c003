"""The download engine against the stand-in WMTS on 127.0.0.1 (no QGIS)."""

import hashlib
import os
import sqlite3
import threading
import time

import mercantile
import pytest
from osgeo import gdal

from core import mbtiles
from core.download.engine import DownloadFailed, DownloadOptions, HostStalled, HostUnreachable, ServerRefused
from core.download.job import download_to_mbtiles
from core.errors import InputError, MBTilesError
from core.sources.prepare import prepare_source
from core.tiles import areas
from core.tiles import grid as tiles
from tests.support.wmts_server import StandInWmts, colour_of

gdal.UseExceptions()

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
ORTHO = "ORTHOIMAGERY.ORTHOPHOTOS"
CARCASSONNE = areas.PRESETS["carcassonne"]


@pytest.fixture()
def server():
    with StandInWmts() as stand_in:
        yield stand_in


def fast(**overrides):
    values = dict(concurrency=4, max_rate=0, backoff_base=0.02)
    values.update(overrides)
    return DownloadOptions(**values)


def run(server, output, layer=PLAN, zooms=(10, 13), area=CARCASSONNE, options=None, url=None, api_key=None,
        **kwargs):
    prepared = prepare_source(url or server.url, layer, api_key=api_key)
    return download_to_mbtiles(prepared, area, zooms[0], zooms[1], str(output), options or fast(), **kwargs)


def all_tiles(zooms=(10, 13), area=CARCASSONNE):
    return [(t.z, t.x, t.y) for t in tiles.iter_tiles(area.bbox, *zooms)]


def assert_byte_exact(server, output, fmt="image/png", expected=None):
    expected = expected or all_tiles()
    with mbtiles.MBTilesReader(str(output)) as reader:
        assert sum(reader.count_by_zoom().values()) == len(expected)
        for z, x, y in expected:
            assert reader.tile(z, x, y) == server.tile_body(fmt, z, x, y), (z, x, y)


def integrity(output):
    db = sqlite3.connect(str(output))
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def test_tiles_are_stored_byte_exact_where_gdal_expects_them(server, tmp_path):
    output = tmp_path / "plan.mbtiles"
    stats = run(server, output)
    expected = all_tiles()
    assert (stats.downloaded, stats.skipped, stats.empty, stats.failed) == (len(expected), 0, 0, 0)
    assert_byte_exact(server, output)
    assert sorted(server.log.tiles(200)) == sorted(expected)  # each fetched once
    with mbtiles.MBTilesReader(str(output)) as reader:
        meta = reader.metadata()
    assert mbtiles.metadata_problems(meta) == []
    assert (meta["name"], meta["description"], meta["format"]) == ("Plan IGN v2", "Plan IGN v2", "png")
    assert meta["attribution"] == "ROK4 Team"  # from the capabilities: IGN's own only on IGN hosts
    assert (meta["minzoom"], meta["maxzoom"]) == ("10", "13")
    assert meta["ign_offline:layer"] == PLAN and meta["ign_offline:source"] == server.url

    dataset = gdal.Open(str(output))
    gt = dataset.GetGeoTransform()
    checked = 0
    for z, x, y in expected:
        bounds = mercantile.xy_bounds(x, y, z)
        cx, cy = (bounds.left + bounds.right) / 2, (bounds.top + bounds.bottom) / 2
        col, row = int((cx - gt[0]) / gt[1]), int((cy - gt[3]) / gt[5])
        if z != 13 or not (0 <= col < dataset.RasterXSize and 0 <= row < dataset.RasterYSize):
            continue
        got = tuple(dataset.GetRasterBand(b).ReadRaster(col, row, 1, 1)[0] for b in (1, 2, 3))
        assert got == colour_of(x, y), (z, x, y)
        checked += 1
    assert checked >= 4


def test_jpeg_layer(server, tmp_path):
    output = tmp_path / "ortho.mbtiles"
    run(server, output, layer=ORTHO, zooms=(12, 13))
    assert_byte_exact(server, output, "image/jpeg", all_tiles((12, 13)))
    with mbtiles.MBTilesReader(str(output)) as reader:
        assert reader.metadata()["format"] == "jpg"


def test_faults_are_retried_until_every_tile_is_right(server, tmp_path):
    expected = all_tiles()
    faulty = expected[::5]
    for i, tile in enumerate(faulty):
        server.fault(tile, *[("503", "truncate", "html", "reset", "503 truncate")[i % 5]][0].split())
    server.fault(expected[1], "429")
    output = tmp_path / "faults.mbtiles"
    stats = run(server, output)
    assert (stats.downloaded, stats.failed) == (len(expected), 0)
    assert_byte_exact(server, output)
    assert integrity(output) == "ok"
    statuses = {e[5] for e in server.log.entries}
    assert {"truncated", "html", 503, 429, "reset"} <= statuses


def test_429_retry_after_pauses_the_host(server, tmp_path):
    first = all_tiles((13, 13))[0]
    server.fault(first, "429")
    run(server, tmp_path / "x.mbtiles", zooms=(13, 13), options=fast(concurrency=1))
    times = [e[0] for e in server.log.entries]
    throttled_at = next(e[0] for e in server.log.entries if e[5] == 429)
    after = [t for t in times if t > throttled_at]
    assert after and min(after) - throttled_at >= 0.95  # Retry-After: 1


def test_a_tile_that_keeps_failing_is_recorded_then_retried_alone(server, tmp_path):
    expected = all_tiles()
    broken = expected[3]
    server.fault(broken, *["503"] * 3)
    output = tmp_path / "failed.mbtiles"
    stats = run(server, output, options=fast(max_attempts=3))
    assert (stats.downloaded, stats.failed) == (len(expected) - 1, 1)
    assert list(stats.errors) == ["HTTP 503 Service Unavailable"]
    server.log.clear()
    stats = run(server, output, options=fast(retry_failed_only=True))
    assert (stats.downloaded, stats.failed, stats.skipped) == (1, 0, len(expected) - 1)
    assert server.log.tiles() == [broken]
    assert_byte_exact(server, output)


def test_no_data_is_empty_not_a_blank_tile(server, tmp_path):
    server.empty = lambda z, x, y: (x + y) % 3 == 0
    output = tmp_path / "sea.mbtiles"
    stats = run(server, output)
    expected = all_tiles()
    empty = [t for t in expected if (t[1] + t[2]) % 3 == 0]
    assert (stats.empty, stats.downloaded) == (len(empty), len(expected) - len(empty))
    assert_byte_exact(server, output, expected=[t for t in expected if t not in empty])
    assert all(count == 1 for count in server.log.counts().values())  # 404 is not retried
    server.log.clear()
    stats = run(server, output)
    assert server.log.tiles() == [] and stats.skipped == len(expected)


def test_cancel_then_rerun_fetches_nothing_twice(server, tmp_path):
    output = tmp_path / "resume.mbtiles"
    expected = all_tiles((10, 14))
    seen = []
    stats = run(server, output, zooms=(10, 14), progress=seen.append,
                is_cancelled=lambda: len(server.log.tiles(200)) > 40)
    assert stats.cancelled
    assert integrity(output) == "ok"
    with mbtiles.MBTilesReader(str(output)) as reader:
        stored = {(z, x, y) for z, x, y, _ in reader.iter_tiles()}
    assert 0 < len(stored) < len(expected)
    server.log.clear()
    stats = run(server, output, zooms=(10, 14))
    refetched = set(server.log.tiles()) & stored
    assert refetched == set()
    assert stats.skipped == len(stored)
    assert stats.downloaded + stats.skipped == len(expected)
    assert_byte_exact(server, output, expected=expected)


@pytest.mark.serial
def test_cancel_takes_effect_within_a_second_even_on_a_slow_server(server, tmp_path):
    prepared = prepare_source(server.url, PLAN)
    server.request_times.clear()
    server.latency = 5.0
    cancel_at = []

    def cancelled():
        if not cancel_at and server.request_times:
            cancel_at.append(time.monotonic())
        return bool(cancel_at) and time.monotonic() - cancel_at[0] > 0.2

    output = tmp_path / "slow.mbtiles"
    stats = download_to_mbtiles(prepared, CARCASSONNE, 10, 13, str(output), fast(), is_cancelled=cancelled)
    assert stats.cancelled
    assert time.monotonic() - cancel_at[0] < 1.0
    assert integrity(output) == "ok"


def request_times(server):
    return sorted(entry[0] for entry in server.log.entries)


def busiest_second(times):
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


@pytest.mark.serial
def test_rate_cap_holds_at_the_server(server, tmp_path):
    run(server, tmp_path / "rate.mbtiles", zooms=(14, 14), options=fast(concurrency=8, max_rate=20))
    times = request_times(server)
    assert len(times) == len(all_tiles((14, 14)))
    assert busiest_second(times) <= 21  # 20 per second, +1 for a window that starts on a request
    assert times[-1] - times[0] >= (len(times) - 1) / 20 * 0.95


def test_refresh_keeps_unchanged_tiles_on_304(server, tmp_path):
    output = tmp_path / "refresh.mbtiles"
    run(server, output, zooms=(12, 13))
    expected = all_tiles((12, 13))
    changed = expected[2]
    server.version[changed] += 1
    server.log.clear()
    stats = run(server, output, zooms=(12, 13))
    assert server.log.tiles() == [] and stats.skipped == len(expected)  # fresh: not re-checked
    stats = run(server, output, zooms=(12, 13), options=fast(refresh_days=0))
    assert (stats.not_modified, stats.downloaded) == (len(expected) - 1, 1)
    assert sorted(server.log.tiles(304)) == sorted(t for t in expected if t != changed)
    with mbtiles.MBTilesReader(str(output)) as reader:
        assert reader.tile(*changed) == server.tile_body("image/png", *changed)
    assert_byte_exact(server, output, expected=expected)


def sha256(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def test_a_file_of_other_tiles_is_refused_untouched(server, tmp_path):
    output = tmp_path / "plan.mbtiles"
    run(server, output, zooms=(10, 11))
    before = sha256(output)
    with pytest.raises(MBTilesError, match="already holds GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"):
        run(server, output, layer=ORTHO, zooms=(10, 11))
    assert sha256(output) == before
    foreign = tmp_path / "foreign.mbtiles"
    db = sqlite3.connect(str(foreign))
    db.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
    db.close()
    before = sha256(foreign)
    with pytest.raises(MBTilesError, match="left untouched"):
        run(server, foreign)
    assert sha256(foreign) == before
    assert sorted(os.listdir(tmp_path)) == ["foreign.mbtiles", "plan.mbtiles"]


def test_extending_a_file_adds_zooms_and_area(server, tmp_path):
    output = tmp_path / "grow.mbtiles"
    run(server, output, zooms=(10, 11))
    server.log.clear()
    run(server, output, zooms=(10, 12), area=areas.PRESETS["toulouse"])
    run(server, output, zooms=(12, 12))
    expected = set(all_tiles((10, 12))) | set(all_tiles((10, 12), areas.PRESETS["toulouse"]))
    assert_byte_exact(server, output, expected=sorted(expected))
    with mbtiles.MBTilesReader(str(output)) as reader:
        west, south, east, north = (float(v) for v in reader.metadata()["bounds"].split(","))
    assert west <= 1.35 and east >= 2.40 and south <= 43.18 and north >= 43.65


def test_private_layer_needs_the_key_and_never_stores_it(server, tmp_path):
    with pytest.raises(InputError, match="needs a valid API key"):
        prepare_source(server.private_url, "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR")
    output = tmp_path / "scan25.mbtiles"
    logged = []
    run(server, output, layer="GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", url=server.private_url,
        api_key=server.api_key, zooms=(12, 12), log=logged.append)
    with open(output, "rb") as stream:
        assert server.api_key.encode() not in stream.read()
    with mbtiles.MBTilesReader(str(output)) as reader:
        meta = reader.metadata()
    assert meta["ign_offline:source"] == server.private_url
    assert meta["attribution"] == "ROK4 Team"  # IGN's restricted-licence note is for IGN's own hosts
    assert not any(server.api_key in line for line in logged)


def test_a_refused_request_stops_the_job_with_a_reason_and_no_key(server, tmp_path):
    prepared = prepare_source(server.private_url, "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", api_key=server.api_key)
    server.api_key = "rotated"  # the key stops working mid-job
    with pytest.raises(ServerRefused) as info:
        download_to_mbtiles(prepared, CARCASSONNE, 12, 12, str(tmp_path / "k.mbtiles"), fast())
    assert "HTTP 401" in str(info.value) and "test-secret-key" not in str(info.value)


@pytest.mark.parametrize("layer, style, fmt, fragment", [
    ("GEOGRAPHICALGRIDSYSTEMS.PLANIGN", None, None, "Did you mean GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"),
    (PLAN, "grey", None, "has no style 'grey'; it has: normal"),
    (PLAN, None, "image/jpeg", "is not served as 'image/jpeg'"),
    ("PCRS.LAMB93", None, None, r"not served on the Web Mercator grid .* sets are: LAMB93_5cm \(IGNF:LAMB93\)"),
    (None, None, None, "Give the LAYER"),
])
def test_bad_layer_choices(server, layer, style, fmt, fragment):
    with pytest.raises(InputError, match=fragment):
        prepare_source(server.url, layer, style, fmt)


def test_unreachable_server_and_bad_urls():
    with StandInWmts() as stand_in:
        url = stand_in.url
    with pytest.raises(InputError, match="Cannot reach"):
        prepare_source(url, PLAN)
    with pytest.raises(InputError, match="not an http"):
        prepare_source("data.geopf.fr/wmts", PLAN)


def test_xyz_template_source(server, tmp_path):
    output = tmp_path / "xyz.mbtiles"
    prepared = prepare_source(server.xyz_url, "osm-standin")
    stats = download_to_mbtiles(prepared, CARCASSONNE, 12, 13, str(output), fast())
    assert stats.downloaded == len(all_tiles((12, 13)))
    assert_byte_exact(server, output, expected=all_tiles((12, 13)))


@pytest.mark.serial
def test_downloads_share_one_rate_cap_per_host(tmp_path):
    with StandInWmts() as stand_in:
        jobs = [threading.Thread(target=run, args=(stand_in, tmp_path / "{}.mbtiles".format(i)),
                                 kwargs=dict(zooms=(14, 14), area=area, options=fast(max_rate=15)))
                for i, area in enumerate((CARCASSONNE, areas.PRESETS["montpellier"]))]
        for job in jobs:
            job.start()
        for job in jobs:
            job.join()
        times = request_times(stand_in)
    assert len(times) > 60
    assert busiest_second(times) <= 16


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_host_stops_at_once_and_stores_nothing(tmp_path):
    """Issue 15: nothing listens there; a few thousand tiles must not each be retried with backoff."""
    template = "http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png".format(free_port())
    prepared = prepare_source(template)
    output = tmp_path / "nowhere.mbtiles"
    start = time.monotonic()
    with pytest.raises(HostUnreachable, match=r"Cannot reach 127\.0\.0\.1: the connection was refused.*Run again "
                                              r"when online \(or check the address\)\. Nothing was stored\.$"):
        download_to_mbtiles(prepared, areas.PRESETS["toulouse"], 8, 17, str(output), DownloadOptions())
    assert time.monotonic() - start < 10
    assert sum(tiles.count_tiles(areas.PRESETS["toulouse"].bbox, 8, 17).values()) > 2000
    assert not os.listdir(tmp_path)  # the file this run created is gone


def test_an_unresolvable_host_is_said_in_words(tmp_path):
    prepared = prepare_source("http://tiles.invalid/{z}/{x}/{y}.png")
    with pytest.raises(HostUnreachable, match="tiles.invalid: the host name cannot be resolved"):
        download_to_mbtiles(prepared, CARCASSONNE, 10, 11, str(tmp_path / "x.mbtiles"), fast())
    assert not os.listdir(tmp_path)


def test_a_host_that_fails_midway_keeps_its_retries(server, tmp_path):
    """Once the host has answered, connection failures are retried and counted, not taken for no network."""
    expected = all_tiles((12, 12))
    for tile in expected[1:]:
        server.fault(tile, "reset", "reset")
    stats = run(server, tmp_path / "plan.mbtiles", zooms=(12, 12), options=fast(concurrency=1, max_attempts=2))
    assert (stats.downloaded, stats.failed) == (1, len(expected) - 1)
    assert server.log.counts()[expected[1]] == 2  # retried


def test_a_run_where_every_tile_failed_is_a_failure_and_leaves_no_new_file(server, tmp_path):
    for tile in all_tiles((12, 12)):
        server.fault(tile, *["503"] * 3)
    output = tmp_path / "plan.mbtiles"
    with pytest.raises(DownloadFailed, match=r"Every tile requested failed \(\d+ of \d+: \d+ × HTTP 503"):
        run(server, output, zooms=(12, 12), options=fast(max_attempts=2))
    assert not output.exists()
    # a partial failure stays a success, with the counts
    server.faults.clear()
    server.fault(all_tiles((12, 12))[0], *["503"] * 3)
    stats = run(server, output, zooms=(12, 12), options=fast(max_attempts=2))
    assert stats.failed == 1 and stats.downloaded == len(all_tiles((12, 12))) - 1
    # the next run requests only that tile: failing again, it is a failed run, and the file keeps its tiles
    server.fault(all_tiles((12, 12))[0], *["503"] * 3)
    with pytest.raises(DownloadFailed, match=r"\(1 of 1: 1 × HTTP 503"):
        run(server, output, zooms=(12, 12), options=fast(max_attempts=2))
    with mbtiles.MBTilesReader(str(output)) as reader:
        assert sum(reader.count_by_zoom().values()) == len(all_tiles((12, 12))) - 1


def test_xyz_names_and_attribution_come_from_the_source(server, tmp_path):
    prepared = prepare_source(server.xyz_url)
    assert prepared.layer == "127.0.0.1/xyz" and prepared.title == "127.0.0.1/xyz"
    assert prepared.attribution == "127.0.0.1"
    named = prepare_source(server.xyz_url, "my-basemap")
    assert named.layer == "my-basemap"
    osm = prepare_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert osm.attribution == "© OpenStreetMap contributors (ODbL)"
    assert prepare_source("https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.png").attribution.startswith("© IGN")


def test_a_template_without_rows_is_not_taken_for_a_wmts_endpoint():
    with pytest.raises(InputError, match="looks like a URL template but lacks"):
        prepare_source("https://h/{z}/{x}.png", PLAN)


# -- hosts that throttle or stall, bodies too large, formats from the server (tests/support/hostile_http.py) ----

def hostile(**knobs):
    from tests.support.hostile_http import HostileServer

    return HostileServer(**knobs)


def test_a_host_that_only_answers_429_ends_the_job_with_what_is_left(tmp_path):
    with hostile(retry_after="1") as server:
        prepared = prepare_source(server.template("throttle"))
        output = tmp_path / "throttled.mbtiles"
        start = time.monotonic()
        with pytest.raises(HostStalled, match=r"^127\.0\.0\.1 answered only 429 Too Many Requests for 2 s: 0 tiles "
                                              r"stored, {:,} left; run again later to resume\.$".format(
                                                  len(all_tiles((12, 12))))):
            download_to_mbtiles(prepared, CARCASSONNE, 12, 12, str(output), fast(stall_limit=2))
        assert time.monotonic() - start < 6
    assert not output.exists()  # nothing was stored: no file left


def test_a_retry_after_longer_than_the_limit_ends_the_job_at_once(tmp_path):
    with hostile(retry_after="3600") as server:
        prepared = prepare_source(server.template("throttle"))
        start = time.monotonic()
        with pytest.raises(HostStalled, match=r"^127\.0\.0\.1 answered 429 Too Many Requests asking to wait 3600 s, "
                                              r"longer than the 2 minutes a host may hold a job: 0 tiles stored"):
            download_to_mbtiles(prepared, CARCASSONNE, 12, 12, str(tmp_path / "x.mbtiles"), fast())
        assert time.monotonic() - start < 2
        assert len(server.headers_of("throttle")) <= 4  # one per worker at most: nobody waits 300 s


def test_drip_fed_tiles_end_the_job(tmp_path):
    with hostile(drip_interval=0.3) as server:
        prepared = prepare_source(server.template("drip"))
        start = time.monotonic()
        with pytest.raises(HostStalled, match=r"127\.0\.0\.1 gave no complete answer within 1 s for 2 s: 0 tiles"):
            download_to_mbtiles(prepared, CARCASSONNE, 12, 12, str(tmp_path / "x.mbtiles"),
                                fast(tile_deadline=1, stall_limit=2))
        assert time.monotonic() - start < 5


def test_tiles_stored_before_the_host_throttles_stay_stored(server, tmp_path):
    expected = all_tiles((12, 12))
    for tile in expected[3:]:
        server.fault(tile, *["429"] * 50)
    output = tmp_path / "partial.mbtiles"
    message = r"answered only 429 Too Many Requests for 2 s: 3 tiles stored, {} left".format(len(expected) - 3)
    with pytest.raises(HostStalled, match=message):
        run(server, output, zooms=(12, 12), options=fast(concurrency=1, stall_limit=2))
    with mbtiles.MBTilesReader(str(output)) as reader:
        assert sum(reader.count_by_zoom().values()) == 3
    server.faults.clear()
    stats = run(server, output, zooms=(12, 12))  # a later run resumes
    assert (stats.skipped, stats.downloaded) == (3, len(expected) - 3)


def test_a_tile_larger_than_the_cap_fails_once_and_names_the_cap(tmp_path):
    with hostile() as server:
        prepared = prepare_source(server.template("huge"))
        with pytest.raises(DownloadFailed, match=r"Every tile requested failed \(1 of 1: 1 × tile larger than 1 MB\)"):
            download_to_mbtiles(prepared, CARCASSONNE, 0, 0, str(tmp_path / "x.mbtiles"),
                                fast(max_tile_bytes=2 ** 20))
        assert len(server.headers_of("huge")) == 1  # not retried: it would be as large again


def test_a_template_without_extension_takes_the_format_the_server_sends(tmp_path):
    with hostile() as server:
        template = server.template("jpeg", extension="")
        output = tmp_path / "jpeg.mbtiles"
        stats = download_to_mbtiles(prepare_source(template), CARCASSONNE, 10, 11, str(output), fast())
        assert (stats.downloaded, stats.failed) == (len(all_tiles((10, 11))), 0)
        with mbtiles.MBTilesReader(str(output)) as reader:
            meta = reader.metadata()
            assert reader.tile(*all_tiles((10, 11))[0]) == server.jpeg
        assert (meta["format"], meta["ign_offline:format"]) == ("jpg", "image/jpeg")
        # resumed and extended with the same template: the file's format is the source's
        stats = download_to_mbtiles(prepare_source(template), CARCASSONNE, 10, 12, str(output), fast())
        assert (stats.skipped, stats.failed) == (len(all_tiles((10, 11))), 0)
        # a template that names its format still holds the server to it
        with pytest.raises(DownloadFailed, match="image/jpeg received where image/png was asked"):
            download_to_mbtiles(prepare_source(server.template("jpeg")), CARCASSONNE, 10, 10,
                                str(tmp_path / "png.mbtiles"), fast())


def test_a_project_xyz_layer_without_extension_takes_the_servers_format(tmp_path):
    """make_project_offline prepares a project's XYZ layer from its source string, with no FORMAT to give."""
    from core.field import projects

    with hostile() as server:
        source = "type=xyz&url={}&zmax=19&zmin=0".format(server.template("jpeg", extension=""))
        layer = projects.classify("id1", "Ortho", "wms", source, str(tmp_path))
        output = tmp_path / "ortho.mbtiles"
        stats = download_to_mbtiles(prepare_source(**layer.tile_source), CARCASSONNE, 10, 10, str(output), fast())
    assert stats.failed == 0 and stats.downloaded == len(all_tiles((10, 10)))
    with mbtiles.MBTilesReader(str(output)) as reader:
        assert reader.metadata()["format"] == "jpg"


def test_tiles_whose_headers_are_drip_fed_end_the_job(tmp_path):
    """Each byte of the status line resets the socket's timeout: the job's own clock ends it."""
    with hostile(drip_interval=0.2) as server:
        prepared = prepare_source(server.template("driphead"))
        start = time.monotonic()
        with pytest.raises(HostStalled, match=r"127\.0\.0\.1 gave no complete answer within 1 s for 2 s: 0 tiles"):
            download_to_mbtiles(prepared, CARCASSONNE, 12, 12, str(tmp_path / "x.mbtiles"),
                                fast(tile_deadline=1, stall_limit=2, timeout=(1, 1)))
        assert time.monotonic() - start < 6
