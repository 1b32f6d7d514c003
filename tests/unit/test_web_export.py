"""Issue 29: the web export's pieces without a browser — serve.py answers byte ranges as the pmtiles reader asks
them, the saved style rewritten for the page (archive, sprite, no other host), IGN credited instead of its server's
software, the page's title and configuration escaped, and a missing JavaScript bundle refused before any write."""

import json
import os
import urllib.error
import urllib.request

import pytest

from core.errors import InputError
from core.field import exports, identity, web, writers
from core.sources.policies import IGN_ATTRIBUTION, IGN_PRIVATE_ATTRIBUTION
from tests.support.browser import Served


@pytest.fixture()
def served(tmp_path):
    data = bytes(range(256)) * 40  # 10 240 bytes
    (tmp_path / "a.pmtiles").write_bytes(data)
    with Served(tmp_path) as server:
        yield server.origin, data


def get(url, wanted=None):
    request = urllib.request.Request(url, headers={"Range": wanted} if wanted else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serve_answers_byte_ranges(served):
    origin, data = served
    status, headers, body = get(origin + "/a.pmtiles", "bytes=0-126")
    assert (status, body, headers["Content-Range"]) == (206, data[:127], "bytes 0-126/10240")
    status, headers, body = get(origin + "/a.pmtiles", "bytes=10000-")
    assert (status, body) == (206, data[10000:])
    status, headers, body = get(origin + "/a.pmtiles", "bytes=-100")
    assert (status, body) == (206, data[-100:])
    status, headers, body = get(origin + "/a.pmtiles", "bytes=9000-99999")  # clipped to the file's end
    assert (status, body, headers["Content-Range"]) == (206, data[9000:], "bytes 9000-10239/10240")
    status, headers, _ = get(origin + "/a.pmtiles", "bytes=20000-20010")
    assert status == 416 and headers["Content-Range"] == "bytes */10240"
    status, headers, body = get(origin + "/a.pmtiles")
    assert (status, body, headers["Accept-Ranges"]) == (200, data, "bytes")
    status, _, _ = get(origin + "/../../etc/passwd", "bytes=0-10")  # nothing outside the folder
    assert status == 404


def test_a_saved_style_for_the_page_reads_the_archive_and_nothing_else():
    saved = {"version": 8, "sprite": "sprite/PlanIgn", "glyphs": "https://example.org/{fontstack}/{range}.pbf",
             "sources": {"plan": {"type": "vector", "url": "mbtiles://../PLAN.IGN.mbtiles", "maxzoom": 14},
                         "relief": {"type": "raster", "tiles": ["https://data.geopf.fr/wmts?x"]},
                         "marks": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}},
                         "remote": {"type": "geojson", "data": "https://example.org/x.geojson"},
                         "broken": "not a source"},
             "layers": [{"id": "bg", "type": "background"}, {"id": "relief", "type": "raster", "source": "relief"},
                        {"id": "roads", "type": "line", "source": "plan", "source-layer": "roads"},
                        {"id": "marks", "type": "circle", "source": "marks"},
                        {"id": "remote", "type": "circle", "source": "remote"}, "not a layer"]}
    style = web.web_style(saved, "map.pmtiles", "© IGN")
    assert style["sources"] == {
        "plan": {"type": "vector", "url": "pmtiles://../map.pmtiles", "maxzoom": 14, "attribution": "© IGN"},
        "marks": saved["sources"]["marks"]}
    assert [layer["id"] for layer in style["layers"]] == ["bg", "roads", "marks"]
    assert style["sprite"] == "sprite/PlanIgn" and "glyphs" not in style
    raster = web.raster_style("map.pmtiles", "© IGN")
    assert raster["sources"]["tiles"]["url"] == "pmtiles://../map.pmtiles"


def test_exports_credit_ign_instead_of_its_server_software():
    assert identity.attribution({"attribution": "ROK4 Team"}) == IGN_ATTRIBUTION
    assert identity.attribution({"attribution": "ROK4 Team",
                                "ign_offline:source": "https://data.geopf.fr/private/wmts"}) == \
        IGN_PRIVATE_ATTRIBUTION
    assert identity.attribution({"attribution": "© someone"}) == "© someone"
    assert identity.attribution({"ign_offline:source": "https://data.geopf.fr/tms/1.0.0"}) == IGN_ATTRIBUTION
    assert identity.attribution({}) == ""


def test_the_page_escapes_its_title_and_configuration():
    page = web._page("<b>Plan</b>", {"title": "</script><script>alert(1)</script>", "styles": []}, [])
    assert "<title>&lt;b&gt;Plan&lt;/b&gt;</title>" in page
    config = page.split('<script type="application/json" id="viewer">')[1].split("</script>")[0]
    assert json.loads(config)["title"] == "</script><script>alert(1)</script>"
    # Reviewer: "<!--<script>" in a layer's name (sent by the server) made the HTML parser swallow the page's
    # script. No <, >, & nor line separator is left as it is in the embedded JSON; it reads back the same.
    name = "Plan <!--<script> IGN & co \u2028\u2029"
    page = web._page(name, {"title": name, "styles": [{"name": name, "file": "styles/x.json"}]}, [])
    config = page.split('<script type="application/json" id="viewer">')[1].split("</script>")[0]
    assert not any(character in config for character in "<>&\u2028\u2029"), config
    assert json.loads(config)["styles"][0]["name"] == name


def test_names_with_url_characters_are_percent_encoded_in_the_styles():
    """Reviewer: an export named `Carte d'été "#1" ?%` drew nothing: `#` and `?` ended the archive's URL."""
    name = 'Carte d\'été "#1" ?%.pmtiles'
    style = web.web_style({"version": 8, "sources": {"plan": {"type": "vector"}}, "layers": []}, name, "IGN")
    url = style["sources"]["plan"]["url"]
    assert url == "pmtiles://../Carte%20d%27%C3%A9t%C3%A9%20%22%231%22%20%3F%25.pmtiles"
    assert web.raster_style(name, "IGN")["sources"]["tiles"]["url"] == url


def test_the_viewer_folder_and_archive_names():
    assert web.viewer_folder(os.path.join("x", "map.pmtiles")) == os.path.join("x", "map")
    assert web.viewer_folder(os.path.join("x", "map")) == os.path.join("x", "map")
    assert web.archive_path(os.path.join("x", "map")) == os.path.join("x", "map", "map.pmtiles")


def test_a_plugin_without_its_javascript_is_refused_before_writing(monkeypatch, tmp_path):
    monkeypatch.setattr(web, "WEB_LIBS", str(tmp_path / "web_libs"))
    with pytest.raises(InputError) as raised:
        web.check_libraries()
    assert "maplibre-gl.js" in str(raised.value) and "make setup" in str(raised.value)
    assert not os.listdir(tmp_path)


def test_a_pmtiles_written_in_one_pass_with_leaf_directories_reads_back_tile_for_tile(tmp_path):
    """The archive is written in one pass (tiles straight after a 16 kB space, the directories after them): 20,000
    tiles, some repeated in runs, need leaf directories; the pmtiles package's reader finds every tile."""
    from pmtiles.reader import MmapSource, Reader, all_tiles

    from core import mbtiles

    source = str(tmp_path / "many.mbtiles")
    expected = {}
    with mbtiles.MBTilesWriter(source, batch_size=5000) as writer:
        writer.update_metadata(mbtiles.build_metadata("Many", "png", (2.0, 43.0, 2.5, 43.5), 15, 15, "ROK4 Team"))
        for i in range(20_000):
            x, y = 16_000 + i % 200, 11_000 + i // 200
            body = b"\x89PNG\r\n\x1a\n" + (b"sea" if i % 7 == 0 else i.to_bytes(4, "big")) * 10
            writer.write_tile(15, x, y, body)
            expected[(15, x, y)] = body
    (part,) = exports.export(source, str(tmp_path / "many.pmtiles"), "pmtiles")
    with open(part.path, "rb") as stream:
        reader = Reader(MmapSource(stream))
        header = reader.header()
        assert header["leaf_directory_length"] > 0 and header["root_offset"] + header["root_length"] <= 16384
        assert header["tile_data_offset"] + header["tile_data_length"] <= os.path.getsize(part.path)
        assert reader.metadata()["attribution"] == IGN_ATTRIBUTION
        assert dict(((z, x, y), data) for (z, x, y), data in all_tiles(reader.get_bytes)) == expected
        assert header["tile_contents_count"] == len(set(expected.values()))  # each body stored once


def test_tile_ids_are_the_pmtiles_packages():
    import random

    from pmtiles.tile import zxy_to_tileid

    generator = random.Random(29)
    tiles = [(z, generator.randrange(1 << z), generator.randrange(1 << z)) for z in range(0, 25) for _ in range(400)]
    tiles += [(z, x, y) for z in range(0, 4) for x in range(1 << z) for y in range(1 << z)]
    assert [writers.tile_id_of(*tile) for tile in tiles] == [zxy_to_tileid(*tile) for tile in tiles]


def test_a_viewer_folder_holding_other_files_is_refused(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "PLAN.IGN.mbtiles").write_bytes(b"tiles")
    with pytest.raises(InputError, match="already holds other files"):
        web.check_folder(str(library))  # OUTPUT=…/library(.pmtiles): never written into
    (tmp_path / "map").write_text("a file")
    with pytest.raises(InputError, match="a file has that name"):
        web.check_folder(str(tmp_path / "map"))
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "index.html").write_text("an earlier export")
    (earlier / web.MARKER).write_text(web.MARKER_TEXT)
    web.check_folder(str(earlier))  # written again
    web.check_folder(str(tmp_path / "new"))
    assert (library / "PLAN.IGN.mbtiles").read_bytes() == b"tiles"


def test_a_site_of_the_users_is_not_taken_for_an_earlier_export(tmp_path):
    """Reviewer: a folder with the user's own index.html and README.txt was taken for an earlier export and
    overwritten. Only a folder with the export's marker and nothing but what an export writes is replaced."""
    site = tmp_path / "site"
    site.mkdir()
    for name in ("index.html", "README.txt", "notes.txt"):
        (site / name).write_text("mine")
    (site / "site.pmtiles").write_bytes(b"PMTiles")
    with pytest.raises(InputError, match="already holds other files"):
        web.check_folder(str(site))
    (site / "notes.txt").unlink()
    with pytest.raises(InputError, match="already holds other files"):
        web.check_folder(str(site))  # no marker: not provably ours
    (site / web.MARKER).write_text(web.MARKER_TEXT)
    web.check_folder(str(site))  # our files only, marked: an earlier export
    (site / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="already holds other files"):
        web.check_folder(str(site))  # marked, but the user added a file of theirs
    assert (site / "notes.txt").read_text() == "mine"


def test_a_staged_export_replaces_the_folder_only_when_complete(tmp_path):
    folder = tmp_path / "map"
    with pytest.raises(OSError):
        with web.Staged(str(folder)) as stage:
            assert stage.archive == os.path.join(stage.path, "map.pmtiles")
            with open(stage.archive, "wb") as stream:
                stream.write(b"half")
            raise OSError("the disk failed")
    assert os.listdir(tmp_path) == []  # nothing half-written
    with web.Staged(str(folder)) as stage:
        with open(stage.archive, "wb") as stream:
            stream.write(b"first")
        stage.commit()
    with web.Staged(str(folder)) as stage:
        with open(stage.archive, "wb") as stream:
            stream.write(b"second")
        assert (folder / "map.pmtiles").read_bytes() == b"first"  # the earlier export stays until the new is whole
        stage.commit()
    assert os.listdir(tmp_path) == ["map"] and sorted(os.listdir(folder)) == [web.MARKER, "map.pmtiles"]
    assert (folder / "map.pmtiles").read_bytes() == b"second"
    web.check_folder(str(folder))  # accepted for the next export


VIEWER_CHILD = """
import json, os, sys
from core.errors import IgnOfflineError
from core.field import exports, web
source, folder = sys.argv[1], sys.argv[2]
viewer = os.path.join(folder, "map")
try:
    with web.Staged(viewer) as stage:
        exports.export(source, stage.archive, "pmtiles")
        web.write_viewer(stage.path, stage.archive, source, "Plan", "IGN", False)
        stage.commit()
    outcome = {"error": None}
except IgnOfflineError as exc:
    outcome = {"error": str(exc), "type": type(exc).__name__}
outcome["left"] = os.listdir(folder)
print(json.dumps(outcome))
"""


def test_a_viewer_onto_a_full_disk_is_said_as_a_full_disk(tmp_path):
    """The archive fits on the 1 MB disk, the page's JavaScript (1 MB) does not: one message, no traceback."""
    import shutil
    import subprocess
    import sys

    from core.tiles import areas
    from tests.support.sample_mbtiles import write_sample

    if not shutil.which("unshare") or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    if subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True).returncode:
        pytest.skip("cannot make a private mount namespace here")
    web.check_libraries()
    source = str(tmp_path / "plan.mbtiles")
    write_sample(source, areas.PRESETS["carcassonne"], 10, 11, "Plan")
    disk = tmp_path / "disk"
    disk.mkdir()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    completed = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c",
         'mount -t tmpfs -o size=1m tmpfs "$3" && exec "$0" -c "$1" "$2" "$3"', sys.executable, VIEWER_CHILD,
         source, str(disk)], cwd=root, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0 and "Traceback" not in completed.stderr, completed.stderr[-3000:]
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome["type"] == "DiskFull" and outcome["error"].startswith(
        "The disk holding '{}' is full".format(os.path.join(str(disk), ".map.partial"))), outcome
    assert outcome["left"] == [], outcome  # no half-written folder
