"""Issue 30 (points 2 and 6, core side): failures said by their cause, never by an exception's class name; area
titles and coordinates translatable; files written as the user's umask allows; the disk warning from the measured
size of a layer's tiles; a resumed file still named after its area."""

import os
import stat

import pytest
import requests

from core import mbtiles, storage
from core.download.engine import DownloadFailed, DownloadOptions
from core.download.estimate import measured_tile_bytes
from core.download.job import download_to_mbtiles
from core.http import kind_reason, unreachable_reason
from core.messages import Degrees, Message, lonlat_box
from core.sources.prepare import prepare_source
from core.tiles import areas
from core.vector import styles
from tests.support.hang_up import HangUp
from tests.support.sample_mbtiles import write_sample

CARCASSONNE = areas.PRESETS["carcassonne"]


def test_a_server_that_hangs_up_is_said_as_such_never_as_connectionerror():
    with HangUp() as server:
        with pytest.raises(requests.ConnectionError) as raised:
            requests.get("http://127.0.0.1:{}/tile.png".format(server.port), timeout=5)
    reason = unreachable_reason(raised.value)
    assert isinstance(reason, Message) and reason.template == "the server does not answer"
    assert "Error" not in reason


@pytest.mark.parametrize("exc, template", [
    (requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead"), "the server cut its answer short"),
    (requests.exceptions.ContentDecodingError("bad gzip"), "the server's answer cannot be decoded"),
    (requests.exceptions.TooManyRedirects("30 redirects"), "the server redirects without end"),
    (requests.exceptions.RequestException("something"), "the request failed"),
])
def test_every_kind_of_failed_request_is_a_sentence(exc, template):
    assert kind_reason(exc).template == template
    assert unreachable_reason(exc).template == template


def test_a_download_from_a_server_that_hangs_up_names_no_exception_class(tmp_path):
    output = tmp_path / "x.mbtiles"
    with HangUp() as server:
        prepared = prepare_source("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png".format(server.port))
        with pytest.raises(DownloadFailed) as raised:
            download_to_mbtiles(prepared, CARCASSONNE, 10, 10, str(output),
                                DownloadOptions(concurrency=2, max_rate=0, backoff_base=0.01, max_attempts=2))
    said = str(raised.value)
    assert "the server does not answer" in said, said
    assert "Error" not in said and "Exception" not in said, said
    assert not output.exists()


def test_preset_titles_and_coordinates_are_translatable():
    assert areas.PRESETS["pyrenees"].title.template == "Pyrénées (caves)"  # the catalogue says "Pyrénées (grottes)"
    box = lonlat_box(1.45, 42.75, 1.65, 42.85)
    assert box == "1.45° E – 1.65° E, 42.75° N – 42.85° N" and box.template == "{} – {}, {} – {}"
    assert Degrees(-4.5, "lon") == "4.5° W" and Degrees(-21.125, "lat") == "21.125° S"
    assert Degrees(2, "lon").decimals == 0 and Degrees(1.45, "lon").decimals == 2


def test_an_antimeridian_extent_gives_the_two_extents_as_typed():
    from core.errors import InputError

    with pytest.raises(InputError) as raised:
        areas.check_extent_order(170.5, -170, -10, 10, geographic=True)
    message = raised.value.args[0]
    assert "from 170.5° E to 170° W" in message
    assert message.args[3] == "170.5,180,-10,10" and message.args[4] == "-180,-170,-10,10"  # not localized


@pytest.fixture()
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_files_written_atomically_are_readable_as_the_umask_allows(tmp_path, umask_022):
    path = tmp_path / "plan.json"
    storage.write_atomically(str(path), "{}")
    assert mode(path) == 0o644 and path.read_text() == "{}"
    storage.write_atomically(str(path), b"[]")  # bytes too, replacing
    assert mode(path) == 0o644 and path.read_text() == "[]"
    os.umask(0o077)  # a user who shares nothing gets what they asked
    storage.write_atomically(str(path), "{}")
    assert mode(path) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["plan.json"]  # no temporary left


def test_style_files_are_readable_by_another_account_sharing_the_library(tmp_path, umask_022):
    path = tmp_path / "styles" / "standard.json"
    styles._write(str(path), b'{"version": 8}')
    assert mode(path) == 0o644  # tempfile.mkstemp made them 0600
    assert os.listdir(path.parent) == ["standard.json"]


def test_the_disk_warning_uses_the_measured_size_of_the_layers_tiles(tmp_path):
    path = str(tmp_path / "ortho.mbtiles")
    write_sample(path, CARCASSONNE, 10, 11, "Ortho")
    with mbtiles.MBTilesReader(path) as reader:
        count, size = reader.connection().execute("SELECT COUNT(*), SUM(LENGTH(tile_data)) FROM tiles").fetchone()
    measured = measured_tile_bytes([path, str(tmp_path / "missing.mbtiles")])
    assert measured == pytest.approx(size / count)
    assert measured_tile_bytes([str(tmp_path / "missing.mbtiles")]) is None
    heavy = 41_500
    tiles = 1_000
    free = tiles * 30_000  # enough at the typical 20 kB a tile, not at the 41.5 kB measured
    assert areas.large_job(tiles, free, "/lib") is None
    said = areas.large_job(tiles, free, "/lib", tile_bytes=heavy)
    assert said is not None and "41.5 kB a tile as measured in the layer's file" in said and "41.5 MB" in said


def test_a_file_of_this_area_is_named_after_it_one_extended_beyond_it_is_not(tmp_path):
    path = str(tmp_path / "plan.mbtiles")
    assert mbtiles.holds_only(path, CARCASSONNE.bbox)  # missing: this run creates it
    write_sample(path, CARCASSONNE, 10, 10, "Plan")
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata({"bounds": "{:.6f},{:.6f},{:.6f},{:.6f}".format(*CARCASSONNE.bbox)})
    assert mbtiles.holds_only(path, CARCASSONNE.bbox)  # resumed: still this area's
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata({"bounds": mbtiles.union_bounds(
            ",".join(map(str, CARCASSONNE.bbox)), areas.PRESETS["toulouse"].bbox)})
    assert not mbtiles.holds_only(path, CARCASSONNE.bbox)  # extended to Toulouse too


def said_parts(message):
    """The Messages a Message is made of, nested arguments included (what i18n.say translates one by one)."""
    found = [message]
    for argument in getattr(message, "args", ()):
        if isinstance(argument, Message):
            found.extend(said_parts(argument))
    return found


def test_a_host_that_only_throttles_ends_the_job_with_a_translatable_reason(tmp_path):
    from core.download.engine import HostStalled
    from tests.support.hostile_http import HostileServer

    with HostileServer(retry_after="1") as server:
        prepared = prepare_source(server.template("throttle"))
        with pytest.raises(HostStalled) as raised:
            download_to_mbtiles(prepared, CARCASSONNE, 12, 12, str(tmp_path / "x.mbtiles"),
                                DownloadOptions(concurrency=2, max_rate=0, backoff_base=0.02, stall_limit=2))
    templates = [part.template for part in said_parts(raised.value.args[0])]
    assert "answered only 429 Too Many Requests" in templates, templates  # a Message, not a bare English str
