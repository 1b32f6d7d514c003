"""Cache parsing and recovery on hand-written Qt 5 / Qt 6 cache files (no QGIS, no Qt)."""

import os

import pytest

from core import mbtiles
from core.cache import qtcache
from core.cache import recovery as cache_recovery
from core.cache import scan as cache_scan
from core.cache.addresses import NOT_A_TILE, Unknown
from core.errors import InputError
from tests.support.files import tree_digest
from tests.support.images import jpeg_tile, png_tile
from tests.support.qt_cache_writer import write_entry

KEY = "s3cr3tkey"


def wmts_url(z, x, y, layer="GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", fmt="image/png", tms="PM_0_19", key=None):
    url = ("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={}&STYLE=normal"
           "&FORMAT={}&TILEMATRIXSET={}&TILEMATRIX={}&TILEROW={}&TILECOL={}").format(layer, fmt, tms, z, y, x)
    return url + ("&apikey=" + key if key else "")


@pytest.fixture()
def cache(tmp_path):
    folder = tmp_path / "cache"
    bodies = {}
    for i, (z, x, y) in enumerate([(12, 2073, 1500), (12, 2074, 1500), (13, 4147, 3001), (13, 4148, 3001)]):
        body = png_tile((i * 40, 100, 200))
        write_entry(str(folder), wmts_url(z, x, y), body, qt6=bool(i % 2))
        bodies[("plan", z, x, y)] = body
    ortho = jpeg_tile((10, 200, 30))
    write_entry(str(folder), wmts_url(13, 4148, 3001, "ORTHOIMAGERY.ORTHOPHOTOS", "image/jpeg", "PM", KEY), ortho,
                "image/jpeg", qt6=True)
    bodies[("ortho", 13, 4148, 3001)] = ortho
    osm = png_tile((1, 2, 3))
    write_entry(str(folder), "https://tile.openstreetmap.org/12/2073/1500.png", osm)
    bodies[("osm", 12, 2073, 1500)] = osm
    tms = png_tile((9, 9, 9))
    write_entry(str(folder), "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/11/1036/750.png", tms)
    bodies[("tms", 11, 1036, 750)] = tms
    # decoys
    write_entry(str(folder), "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
                b"<Capabilities>" + b"x" * 2000 + b"</Capabilities>", "text/xml", compress=True)
    write_entry(str(folder), "https://data.geopf.fr/wms-r?SERVICE=WMS&REQUEST=GetMap&LAYERS=X", png_tile((0, 0, 0)))
    write_entry(str(folder), wmts_url(12, 1, 1), b"<ExceptionReport/>", "text/xml", status=404)
    write_entry(str(folder), wmts_url(12, 2, 2), b"<html>oops</html>", "image/png")
    write_entry(str(folder), wmts_url(12, 3, 3, tms="LAMB93_5cm"), png_tile((0, 0, 0)))
    truncated = write_entry(str(folder), wmts_url(12, 4, 4), png_tile((5, 5, 5)))
    with open(truncated, "r+b") as stream:
        stream.truncate(60)
    body_cut = write_entry(str(folder), wmts_url(12, 5, 5), png_tile((5, 5, 5)))
    with open(body_cut, "r+b") as stream:
        stream.truncate(os.path.getsize(body_cut) - 100)
    (folder / "data8" / "0").mkdir(parents=True, exist_ok=True)
    (folder / "data8" / "0" / "garbage.d").write_bytes(b"\x00\x00\x00\x01hello" + b"\x00" * 20)
    (folder / "data8" / "0" / "empty.d").write_bytes(b"")
    (folder / "prepared").mkdir()
    (folder / "prepared" / "AbCdEf.d").write_bytes(b"\x00\x00\x00\xe8partial")
    return folder, bodies


def test_qt5_and_qt6_entries_parse(tmp_path):
    body = png_tile((1, 2, 3))
    for qt6 in (False, True):
        path = write_entry(str(tmp_path / str(qt6)), wmts_url(3, 1, 2), body, qt6=qt6,
                           extra_headers=[("ETag", '"abc"')], last_modified=1_700_000_000)
        entry = qtcache.read_entry(path)
        assert entry.url == wmts_url(3, 1, 2)
        assert entry.stream_version == (22 if qt6 else 19)
        assert entry.status == 200 and entry.attributes[1] == "OK"
        assert entry.content_type == "image/png" and entry.headers["etag"] == '"abc"'
        assert entry.last_modified == 1_700_000_000 and entry.expiration is None
        assert entry.body == body
        head = qtcache.read_entry(path, with_body=False)
        assert head.body is None and qtcache.read_body(head) == body


def test_entries_with_long_heads_parse(tmp_path):
    """A head longer than what is read first (many long headers) is read whole, body intact."""
    body = jpeg_tile((3, 4, 5))
    headers = [("X-Long-{}".format(i), "v" * 400) for i in range(30)]
    path = write_entry(str(tmp_path), wmts_url(3, 1, 2), body, "image/jpeg", extra_headers=headers)
    assert qtcache.read_entry(path).body_offset > qtcache.HEAD_BYTES
    for with_body in (True, False):
        entry = qtcache.read_entry(path, with_body=with_body)
        assert entry.headers["x-long-29"] == "v" * 400 and entry.size == os.path.getsize(path)
        assert (entry.body if with_body else qtcache.read_body(entry)) == body


def test_read_ahead_keeps_order_and_stops_with_its_consumer():
    done = []

    def slow_square(n):
        done.append(n)
        return n * n

    results = list(cache_scan.read_ahead(slow_square, range(1000), depth=64, workers=3, chunk=7))
    assert results == [(n, n * n) for n in range(1000)]
    done.clear()
    reads = cache_scan.read_ahead(slow_square, range(100_000), depth=64, workers=3, chunk=8)
    for n, _ in reads:
        if n == 10:
            break
    reads.close()
    assert len(done) < 200  # what was queued ahead, not the 100,000


def test_compressed_entries_are_inflated(tmp_path):
    text = b"<Capabilities>" + b"layer " * 500 + b"</Capabilities>"
    path = write_entry(str(tmp_path), "https://h/wmts?REQUEST=GetCapabilities", text, "text/xml", compress=True)
    entry = qtcache.read_entry(path)
    assert entry.compressed and entry.body == text


@pytest.mark.parametrize("data, fragment", [
    (b"", "truncated"),
    (b"\x00\x00\x00\x01" + b"\x00" * 20, "magic"),
    (b"\x00\x00\x00\xe8\x00\x00\x00\x07\x00\x00\x00\x13", "cache format version 7"),
    (b"\x00\x00\x00\xe8\x00\x00\x00\x08\x00\x00\x00\x30", "newer than this reader"),
    (b"\x00\x00\x00\xe8\x00\x00\x00\x08\x00\x00\x00\x13\x00\x00\x01\x00ab", "truncated"),
])
def test_damaged_files_say_why(tmp_path, data, fragment):
    with pytest.raises(qtcache.CacheFormatError, match=fragment):
        qtcache.parse_entry("x.d", data)


@pytest.mark.parametrize("url, expected", [
    (wmts_url(14, 8250, 5980), ("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "normal", 14, 8250, 5980)),
    ("https://data.geopf.fr/wmts?tilecol=3&TileRow=2&layer=L&style=s&format=image/jpeg&tilematrixset=PM"
     "&tilematrix=2&request=GetTile&service=WMTS", ("L", "s", 2, 3, 2)),
    ("https://data.geopf.fr/tms/1.0.0/PLAN.IGN/11/1036/750.png", ("PLAN.IGN", "", 11, 1036, 750)),
    ("https://tile.openstreetmap.org/12/2073/1500.png", ("tile.openstreetmap.org", "", 12, 2073, 1500)),
    ("https://b.tile.openstreetmap.org/12/2073/1500.png", ("b.tile.openstreetmap.org", "", 12, 2073, 1500)),
])
def test_tile_urls_are_recognised(url, expected):
    key, z, x, y = cache_recovery.AddressBook().locate(url)
    assert (key.layer, key.style, z, x, y) == expected
    assert "token" not in key.source and "apikey" not in key.source


@pytest.mark.parametrize("url", [
    "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
    "https://data.geopf.fr/wms-r?SERVICE=WMS&REQUEST=GetMap&LAYERS=X&BBOX=1,2,3,4",
    "https://tile.openstreetmap.org/2/9/1.png",   # x beyond 2^z
    "https://example.org/static/logo.png",
])
def test_other_urls_are_not_tiles(url):
    assert isinstance(cache_recovery.AddressBook().locate(url), Unknown)
    assert cache_recovery.AddressBook(assume_top_origin=True).locate(url) == Unknown(NOT_A_TILE)


TMS_URL = "http://127.0.0.1:8080/tms/1.0.0/osm/EPSG900913/12/2074/1502.png"


def test_an_xyz_looking_path_gets_no_address_unless_its_row_order_is_known():
    """Issue 14: a {-y} TMS layer's tiles were stored row-flipped (12/2074/1502 written at 12/2074/2593)."""
    unknown = cache_recovery.AddressBook().locate(TMS_URL)
    assert unknown.reason.startswith("row order unknown") and unknown.later
    key, z, x, y = cache_recovery.AddressBook(
        ["http://127.0.0.1:8080/tms/1.0.0/osm/EPSG900913/{z}/{x}/{-y}.png"]).locate(TMS_URL)
    assert (z, x, y) == (12, 2074, 2593) and key.matrix_set == "TMS"
    assert key.source.endswith("/{z}/{x}/{-y}.png")
    _, z, x, y = cache_recovery.AddressBook(assume_top_origin=True).locate(TMS_URL)
    assert (z, x, y) == (12, 2074, 1502)
    for url in ("https://a.tile.example.org/osm/12/2073/1500.jpg?token=x", "https://h/13/4149/5188.png"):
        assert cache_recovery.AddressBook().locate(url).reason.startswith("row order unknown")


def mapproxy_like_capabilities(host="http://127.0.0.1:8080", crs="urn:ogc:def:crs:EPSG:3857", rest=False):
    from tests.unit.test_wmts import capabilities_xml, matrix_set_xml

    template = host + "/wmts/osm/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png"
    return capabilities_xml(
        [matrix_set_xml("GLOBAL_WEBMERCATOR", crs, ids=lambda z: "{:02d}".format(z), zooms=range(0, 20))],
        ["GLOBAL_WEBMERCATOR"],
        '<ResourceURL format="image/png" resourceType="tile" template="{}"/>'.format(template) if rest else "")


def kvp_url(z, x, y, matrix_set="GLOBAL_WEBMERCATOR", host="http://127.0.0.1:8080"):
    return ("{}/service?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=osm&STYLE=default&FORMAT=image/png"
            "&TILEMATRIXSET={}&TILEMATRIX={:02d}&TILEROW={}&TILECOL={}").format(host, matrix_set, z, y, x)


def test_cached_capabilities_place_kvp_tiles_of_any_web_mercator_set():
    book = cache_recovery.AddressBook()
    unknown = book.locate(kvp_url(12, 2074, 1502))
    assert unknown.later and "matrix set 'GLOBAL_WEBMERCATOR' unknown" in unknown.reason
    assert book.add_capabilities("http://127.0.0.1:8080/service?REQUEST=GetCapabilities", mapproxy_like_capabilities())
    key, z, x, y = book.locate(kvp_url(12, 2074, 1502))
    assert (key.layer, key.matrix_set, z, x, y) == ("osm", "GLOBAL_WEBMERCATOR", 12, 2074, 1502)
    other = cache_recovery.AddressBook()
    other.add_capabilities("http://127.0.0.1:8080/service?REQUEST=GetCapabilities",
                           mapproxy_like_capabilities(crs="EPSG:25831"))
    assert other.locate(kvp_url(12, 2074, 1502)).reason == "matrix set not Web Mercator ('GLOBAL_WEBMERCATOR')"


def test_cached_restful_capabilities_place_rest_tiles():
    book = cache_recovery.AddressBook()
    url = "http://127.0.0.1:8080/wmts/osm/GLOBAL_WEBMERCATOR/12/2074/1502.png"
    assert book.locate(url).later
    book.add_capabilities("http://127.0.0.1:8080/wmts/1.0.0/WMTSCapabilities.xml",
                          mapproxy_like_capabilities(rest=True))
    key, z, x, y = book.locate(url)
    assert (key.layer, z, x, y) == ("osm", 12, 2074, 1502)


@pytest.mark.parametrize("capabilities_first", [True, False])
def test_recovery_places_tiles_whatever_the_order_of_capabilities_and_tiles(tmp_path, monkeypatch,
                                                                           capabilities_first):
    folder = tmp_path / "cache"
    bodies = {}
    for i, (z, x, y) in enumerate([(12, 2074, 1502), (13, 4149, 3004)]):
        bodies[(z, x, y)] = png_tile((i * 60, 10, 10))
        write_entry(str(folder), kvp_url(z, x, y), bodies[(z, x, y)])
    flipped = png_tile((3, 3, 3))
    write_entry(str(folder), TMS_URL, flipped)  # a {-y} layer no one described: never written
    caps = write_entry(str(folder), "http://127.0.0.1:8080/service?SERVICE=WMTS&REQUEST=GetCapabilities",
                       mapproxy_like_capabilities(), "application/xml")
    listed = list(qtcache.cache_files(str(folder)))
    ordered = sorted(listed, key=lambda item: (item[0] != caps) if capabilities_first else (item[0] == caps))
    monkeypatch.setattr(qtcache, "cache_files", lambda cache_dir: iter(ordered))
    out = tmp_path / "out"
    out.mkdir()
    scan, stats = cache_recovery.scan_and_recover(str(folder), str(out))
    assert [os.path.basename(item.path) for item in stats.files] == ["osm.mbtiles"]
    with mbtiles.MBTilesReader(str(out / "osm.mbtiles")) as reader:
        assert {(z, x, y): d for z, x, y, d in reader.iter_tiles()} == bodies
    assert scan.skipped[cache_scan.CAPABILITIES_READ] == 1
    assert [reason for reason in scan.skipped if reason.startswith("row order unknown")]
    preview = cache_scan.scan_cache(str(folder))
    assert {key.layer: sorted(s.tiles) for key, s in preview.sets.items()} == {"osm": sorted(bodies)}


def test_scan_and_recover(cache, tmp_path):
    folder, bodies = cache
    before = tree_digest(folder)
    scan = cache_scan.scan_cache(str(folder))
    assert tree_digest(folder) == before
    layers = {key.layer: len(s.tiles) for key, s in scan.sets.items()}
    # the scan reads headers only: the HTML body and the cut body are caught when recovering
    assert layers == {"GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2": 6, "ORTHOIMAGERY.ORTHOPHOTOS": 1,
                      "tile.openstreetmap.org": 1, "PLAN.IGN": 1}
    reasons = " | ".join(scan.skipped)
    for fragment in ("being written", "not a tile request", "HTTP status 404", "unreadable", "magic"):
        assert fragment in reasons
    out = tmp_path / "out"
    out.mkdir()
    stats = cache_recovery.recover(scan, str(out))
    assert tree_digest(folder) == before  # the cache is only ever read
    assert sorted(os.listdir(out)) == ["GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles", "ORTHOIMAGERY.ORTHOPHOTOS.mbtiles",
                                       "PLAN.IGN.mbtiles", "tile.openstreetmap.org.mbtiles"]
    invalid = {reason: n for reason, n in stats.skipped.items() if reason.startswith("invalid image")}
    assert sum(invalid.values()) == 2 and any("not an image" in r for r in invalid) and any(
        "truncated" in r for r in invalid)
    assert {os.path.basename(item.path): item.tiles for item in stats.files}[
        "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles"] == 4
    with mbtiles.MBTilesReader(str(out / "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles")) as reader:
        stored = {(z, x, y): data for z, x, y, data in reader.iter_tiles()}
        meta = reader.metadata()
    assert stored == {(z, x, y): body for (name, z, x, y), body in bodies.items() if name == "plan"}
    assert mbtiles.metadata_problems(meta) == []
    assert (meta["format"], meta["minzoom"], meta["maxzoom"]) == ("png", "12", "13")
    with mbtiles.MBTilesReader(str(out / "ORTHOIMAGERY.ORTHOPHOTOS.mbtiles")) as reader:
        assert reader.tile(13, 4148, 3001) == bodies[("ortho", 13, 4148, 3001)]
        assert reader.metadata()["format"] == "jpg"
    for name in os.listdir(out):
        with open(out / name, "rb") as stream:
            assert KEY.encode() not in stream.read()


def test_rerun_merges_and_newest_wins(cache, tmp_path):
    folder, bodies = cache
    out = tmp_path / "out"
    out.mkdir()
    cache_recovery.recover(cache_scan.scan_cache(str(folder)), str(out))
    newer = png_tile((250, 1, 1))
    write_entry(str(tmp_path / "cache2"), wmts_url(12, 2073, 1500), newer, date="Tue, 03 Nov 2026 10:00:00 GMT")
    older = png_tile((1, 250, 1))
    write_entry(str(tmp_path / "cache3"), wmts_url(13, 4147, 3001), older, date="Sun, 01 Nov 2026 10:00:00 GMT")
    write_entry(str(tmp_path / "cache3"), wmts_url(14, 8296, 6003), older)
    for extra in ("cache2", "cache3"):
        cache_recovery.recover(cache_scan.scan_cache(str(tmp_path / extra)), str(out))
    path = out / "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles"
    with mbtiles.MBTilesReader(str(path)) as reader:
        assert reader.tile(12, 2073, 1500) == newer
        assert reader.tile(13, 4147, 3001) == bodies[("plan", 13, 4147, 3001)]
        assert reader.tile(14, 8296, 6003) == older
        assert sum(reader.count_by_zoom().values()) == 5
    assert len([n for n in os.listdir(out) if n.startswith("GEOGRAPHICAL")]) == 1


def test_min_tiles_and_layer_filter(cache, tmp_path):
    folder, _ = cache
    scan = cache_scan.scan_cache(str(folder), layer_filter="planignv2")
    assert [key.layer for key in scan.sets] == ["GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"]
    out = tmp_path / "out"
    out.mkdir()
    stats = cache_recovery.recover(cache_scan.scan_cache(str(folder)), str(out), min_tiles=2)
    assert [os.path.basename(item.path) for item in stats.files] == ["GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles"]


def test_a_folder_without_cache_is_explained(tmp_path):
    with pytest.raises(InputError, match="holds no Qt network cache"):
        cache_scan.scan_cache(str(tmp_path))


def test_qt6_dash_prefixed_names_and_lower_case_headers_are_read(tmp_path):
    paths = [write_entry(str(tmp_path), wmts_url(14, 8296 + i, 6004), png_tile((i, 0, 0)), qt6=True)
             for i in range(12)]
    assert any(os.path.basename(p).startswith("-") for p in paths)  # Qt 6 prints negative hashes with '-'
    entry = qtcache.read_entry(paths[0])
    assert "content-type" in entry.headers and entry.stream_version == 22
    scan = cache_scan.scan_cache(str(tmp_path))
    (tile_set,) = scan.sets.values()
    assert len(tile_set.tiles) == 12 and scan.files_skipped == 0


def _contents(folder):
    found = {}
    for name in sorted(os.listdir(folder)):
        with mbtiles.MBTilesReader(os.path.join(folder, name)) as reader:
            found[name] = ({(z, x, y): data for z, x, y, data in reader.iter_tiles()},
                           {k: v for k, v in reader.metadata().items()})
    return found


def test_one_pass_writes_what_scan_then_recover_writes(cache, tmp_path):
    folder, _ = cache
    before = tree_digest(folder)
    two, one = tmp_path / "two", tmp_path / "one"
    two.mkdir()
    one.mkdir()
    two_scan = cache_scan.scan_cache(str(folder))
    two_stats = cache_recovery.recover(two_scan, str(two))
    one_scan, one_stats = cache_recovery.scan_and_recover(str(folder), str(one))
    assert tree_digest(folder) == before
    assert _contents(one) == _contents(two)
    assert one_scan.files == two_scan.files and one_stats.tiles == two_stats.tiles == 7
    reasons = " | ".join(list(one_scan.skipped) + list(one_stats.skipped))
    for fragment in ("being written", "not a tile request", "HTTP status 404", "unreadable", "magic", "not an image",
                     "truncated"):
        assert fragment in reasons


def test_one_pass_keeps_the_newest_copy_whatever_the_file_order(tmp_path):
    folder, out = tmp_path / "cache", tmp_path / "out"
    out.mkdir()
    newest = {}
    for n, (z, x, y) in enumerate([(12, 2073, 1500), (12, 2074, 1500), (12, 2075, 1500), (12, 2076, 1500)]):
        dates = ["Sun, 01 Nov 2026 10:00:00 GMT", "Tue, 03 Nov 2026 10:00:00 GMT"]
        if n % 2:
            dates.reverse()  # the newer copy under the URL with the key, or without it
        old_body, new_body = png_tile((n, 1, 1)), png_tile((n, 250, 250))
        write_entry(str(folder), wmts_url(z, x, y), old_body if n % 2 == 0 else new_body, date=dates[0])
        write_entry(str(folder), wmts_url(z, x, y, key=KEY), new_body if n % 2 == 0 else old_body, date=dates[1])
        newest[(z, x, y)] = new_body
    scan, stats = cache_recovery.scan_and_recover(str(folder), str(out))
    assert scan.skipped["older copy of a tile"] == 4 and stats.tiles >= 4
    with mbtiles.MBTilesReader(str(out / "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles")) as reader:
        assert {(z, x, y): data for z, x, y, data in reader.iter_tiles()} == newest
    with open(out / "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles", "rb") as stream:
        assert KEY.encode() not in stream.read()


def test_one_pass_rerun_merges(cache, tmp_path):
    folder, bodies = cache
    out = tmp_path / "out"
    out.mkdir()
    cache_recovery.scan_and_recover(str(folder), str(out))
    newer = png_tile((250, 1, 1))
    write_entry(str(tmp_path / "cache2"), wmts_url(12, 2073, 1500), newer, date="Tue, 03 Nov 2026 10:00:00 GMT")
    write_entry(str(tmp_path / "cache2"), wmts_url(14, 8296, 6003), newer)
    _, again = cache_recovery.scan_and_recover(str(folder), str(out))
    assert (again.tiles, sum(item.kept for item in again.files)) == (0, 7)
    _, merged = cache_recovery.scan_and_recover(str(tmp_path / "cache2"), str(out))
    with mbtiles.MBTilesReader(str(out / "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles")) as reader:
        assert reader.tile(12, 2073, 1500) == newer and reader.tile(14, 8296, 6003) == newer
        assert reader.tile(13, 4147, 3001) == bodies[("plan", 13, 4147, 3001)]
        assert sum(reader.count_by_zoom().values()) == 5
        assert reader.metadata()["maxzoom"] == "14"


def test_what_qgis_projects_say_of_their_layers(tmp_path):
    import zipfile

    from core.cache import addresses as cache_addresses

    xyz = "type=xyz&url=http://h/tiles/%7Bz%7D/%7Bx%7D/%7B-y%7D.png&zmax=19&zmin=0"
    wmts = ("crs=EPSG:3857&format=image/png&layers=osm&styles=default&tileMatrixSet=GLOBAL_WEBMERCATOR"
            "&url=http://h/service?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities")
    assert cache_addresses.template_of_datasource(xyz) == "http://h/tiles/{z}/{x}/{-y}.png"
    assert cache_addresses.template_of_datasource(wmts) is None
    assert cache_addresses.capabilities_of_datasource(wmts) == "http://h/service?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert cache_addresses.capabilities_of_datasource(xyz) is None
    qgs = ("<qgis><projectlayers><maplayer><datasource>{}</datasource></maplayer><maplayer><datasource>{}"
           "</datasource></maplayer></projectlayers></qgis>").format(
               xyz.replace("&", "&amp;"), wmts.replace("&", "&amp;"))
    (tmp_path / "p.qgs").write_text(qgs)
    with zipfile.ZipFile(tmp_path / "p.qgz", "w") as archive:
        archive.writestr("p.qgs", qgs)
    before = tree_digest(tmp_path)
    for name in ("p.qgs", "p.qgz"):
        assert cache_addresses.datasources_in_project_file(str(tmp_path / name)) == [xyz, wmts]
    assert cache_addresses.datasources_in_project_file(str(tmp_path / "missing.qgz")) == []
    assert tree_digest(tmp_path) == before
