"""Listing and downloading FTP products against a real FTP server (pyftpdlib) on 127.0.0.1."""

import os
import shutil
import threading
import time
import zipfile

import pytest
from osgeo import gdal

from core.archives import zip_extract
from core.errors import InputError
from core.ftp import client as ftp
from core.ftp import download as ftp_download
from core.ftp import products as ftp_products
from tests.support import ftp_tree
from tests.support.files import tree_digest
from tests.support.ftp_server import TestFtpServer

X0, X1, Y0, Y1 = ftp_tree.RVB_AREA
RVB_BOX = (X0, Y0, X1, Y1)
TOULOUSE_L93 = (568000.0, 6270000.0, 581000.0, 6283000.0)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("ftp_root"))
    return root, ftp_tree.make_tree(root)


@pytest.fixture()
def server(tree):
    with TestFtpServer(tree[0]) as running:
        yield running


def settings(server):
    return ftp.FtpServer("127.0.0.1", server.port, timeout=10)


def listing_of(server, product):
    connection = ftp.connect(settings(server))
    try:
        return ftp_products.open_product(connection, "/open_data/" + product)
    finally:
        connection.close()


def served(tree, product, name):
    return os.path.join(tree[0], "open_data", product, "data", name)


def same_bytes(a, b):
    with open(a, "rb") as first, open(b, "rb") as second:
        return first.read() == second.read()


def test_products_are_found_in_both_naming_styles_with_their_tiles(server):
    connection = ftp.connect(settings(server))
    products = {p.folder_name: p for p in ftp_products.find_products(connection, "/", 3)}
    connection.close()
    assert sorted(products) == sorted([ftp_tree.RVB, ftp_tree.IRC, ftp_tree.MNS])
    rvb = products[ftp_tree.RVB]
    assert (rvb.path, len(rvb.tiles), rvb.ignored, rvb.epsg, rvb.departements) == (
        "/open_data/" + ftp_tree.RVB, 9, 2, 2154, ["67"])
    assert sorted(os.path.basename(p) for p in rvb.catalog) == ["dalles.dbf", "dalles.prj", "dalles.shp",
                                                                "dalles.shx"]
    assert products[ftp_tree.MNS].kind == "zip" and len(products[ftp_tree.MNS].tiles) == 4
    assert products[ftp_tree.IRC].info.option == "IRC" and products[ftp_tree.IRC].departements == ["68"]


def test_listing_falls_back_to_list_when_the_server_has_no_mlsd(tree):
    with TestFtpServer(tree[0], mlsd=False) as plain:
        connection = ftp.connect(settings(plain))
        products = ftp_products.find_products(connection, "/open_data", 2)
        connection.close()
        assert "LIST" in plain.state.commands
    assert sorted(len(p.tiles) for p in products) == [4, 4, 9]


def test_only_intersecting_tiles_are_fetched_byte_identical_and_mosaicked(server, tree, tmp_path):
    listing = listing_of(server, ftp_tree.RVB)
    result = ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    tiles = sorted(n for n in server.state.retrieved_names() if n.endswith(".jp2"))
    assert tiles == sorted(ftp_tree.RVB_AREA_TILES)
    assert "index dalles.shp" in result.footprint_source
    for name in ftp_tree.RVB_AREA_TILES:
        local = os.path.join(str(tmp_path), ftp_tree.RVB, "data", name)
        assert same_bytes(local, served(tree, ftp_tree.RVB, name))
    assert not [f for f in os.listdir(os.path.join(str(tmp_path), ftp_tree.RVB, "data")) if f.endswith(".part")]
    vrt = gdal.Open(result.vrt)
    x0, dx, _, y1, _, dy = vrt.GetGeoTransform()
    assert (x0, y1, x0 + dx * vrt.RasterXSize, y1 + dy * vrt.RasterYSize) == (1045000, 6842000, 1047000, 6840000)
    assert vrt.RasterCount == 3 and "Lambert-93" in vrt.GetProjection()
    assert result.bytes == sum(os.path.getsize(p) for p in result.downloaded) > 0


def test_a_rerun_fetches_nothing_and_skips_complete_files(server, tmp_path):
    listing = listing_of(server, ftp_tree.RVB)
    ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    before = len([s for s in server.state.sent if s.path.endswith(".jp2")])
    again = ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    assert len([s for s in server.state.sent if s.path.endswith(".jp2")]) == before
    assert (len(again.downloaded), len(again.skipped), again.bytes) == (0, 4, 0)


def test_without_index_the_corner_is_checked_on_a_real_tile(server, tmp_path):
    listing = listing_of(server, ftp_tree.IRC)
    box = (1020500.0, 6778500.0, 1021500.0, 6778900.0)  # the two southern tiles only
    result = ftp_download.download_product(settings(server), listing, box, str(tmp_path))
    assert "north-west corner, 1000 m tiles" in result.footprint_source
    assert sorted(n for n in server.state.retrieved_names()) == [ftp_tree.irc_name(1020, 6779),
                                                                 ftp_tree.irc_name(1021, 6779)]
    assert len(result.downloaded) == 2 and not result.skipped


def test_tiles_named_by_their_south_west_corner_are_placed_by_their_georeferencing(tmp_path):
    root = tmp_path / "sw"
    data = root / "ORTHO_RVB_0M20_JP2_E100_L93_D67_2015" / "data"
    data.mkdir(parents=True)
    for x, y in [(1045, 6840), (1046, 6840), (1045, 6841), (1046, 6841)]:  # names = south-west corner
        ftp_tree.write_jp2(str(data / ftp_tree.rvb_name(x, y - 1)), x, y)
    # The area covers the tiles whose real boxes are y 6840-6841: named ...-6840 under this convention
    # (the north-west reading would pick the ...-6841 ones).
    box = (1045100.0, 6840100.0, 1046900.0, 6840900.0)
    with TestFtpServer(str(root)) as running:
        connection = ftp.connect(settings(running))
        listing = ftp_products.open_product(connection, "/ORTHO_RVB_0M20_JP2_E100_L93_D67_2015")
        connection.close()
        result = ftp_download.download_product(settings(running), listing, box, str(tmp_path / "out"))
    assert "south-west corner" in result.footprint_source
    assert sorted(os.path.basename(p) for p in result.downloaded) == sorted(
        [ftp_tree.rvb_name(1045, 6840), ftp_tree.rvb_name(1046, 6840)])
    vrt = gdal.Open(result.vrt)
    assert vrt.GetGeoTransform()[3] == 6840000 + 1000


def test_mns_packages_are_extracted_next_to_themselves_and_mosaicked(server, tmp_path):
    listing = listing_of(server, ftp_tree.MNS)
    box = (930100.0, 6898100.0, 930900.0, 6899900.0)  # the two tiles of column 930
    result = ftp_download.download_product(settings(server), listing, box, str(tmp_path))
    assert sorted(os.path.basename(p) for p in result.downloaded) == [
        ftp_tree.mns_stem(930, 6899) + ".zip", ftp_tree.mns_stem(930, 6900) + ".zip"]
    extracted = os.path.join(str(tmp_path), ftp_tree.MNS, "data", ftp_tree.mns_stem(930, 6900))
    assert sorted(os.listdir(extracted)) == sorted(ftp_tree.mns_stem(930, 6900) + e
                                                   for e in (".grf", ".hdr", ".tfw", ".tif"))
    vrt = gdal.Open(result.vrt)
    assert vrt.RasterCount == 1 and "Lambert-93" in vrt.GetProjection()  # EPSG from the product: TIFs have none
    x0, dx, _, y1, _, dy = vrt.GetGeoTransform()
    assert (x0, y1, x0 + dx * vrt.RasterXSize, y1 + dy * vrt.RasterYSize) == (930000, 6900000, 931000, 6898000)


def test_an_area_outside_the_product_says_what_the_product_covers(server, tmp_path):
    listing = listing_of(server, ftp_tree.RVB)
    with pytest.raises(ftp.FtpError) as error:
        ftp_download.download_product(settings(server), listing, TOULOUSE_L93, str(tmp_path))
    message = str(error.value)
    assert "No tile of " + ftp_tree.RVB + " intersects the area" in message
    assert "département 67" in message and "1045–1048 km" in message and "°E" in message
    assert not [n for n in server.state.retrieved_names() if n.endswith(".jp2")]


def test_a_transfer_cut_mid_file_resumes_where_it_stopped(server, tree, tmp_path):
    name = ftp_tree.RVB_AREA_TILES[0]
    size = os.path.getsize(served(tree, ftp_tree.RVB, name))
    server.state.cut_after[name] = 5000
    listing = listing_of(server, ftp_tree.RVB)
    result = ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    first, second = server.state.retrievals(name)
    assert (first.offset, first.bytes) == (0, 5000)
    assert 0 < second.offset <= 5000 and second.offset + second.bytes == size  # REST: the rest, not all again
    assert same_bytes(os.path.join(str(tmp_path), ftp_tree.RVB, "data", name), served(tree, ftp_tree.RVB, name))
    assert not result.failed


@pytest.mark.serial
def test_cancel_stops_within_a_second_and_a_rerun_resumes(server, tree, tmp_path):
    server.state.delay_per_block = 0.2
    listing = listing_of(server, ftp_tree.RVB)
    got = {"bytes": 0}
    cancel_at = {}

    def progress(done, total):
        got["bytes"] = done

    def is_cancelled():
        if got["bytes"] > 20000 and "time" not in cancel_at:
            cancel_at["time"] = time.monotonic()
        return "time" in cancel_at

    with _small_blocks(2048):
        result = ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path), progress=progress,
                                               is_cancelled=is_cancelled)
    assert result.cancelled and time.monotonic() - cancel_at["time"] < 1.0
    data = os.path.join(str(tmp_path), ftp_tree.RVB, "data")
    parts = {f[:-5]: os.path.getsize(os.path.join(data, f)) for f in os.listdir(data) if f.endswith(".part")}
    assert parts and result.vrt is None
    for name in parts:  # nothing incomplete under a final name
        assert not os.path.exists(os.path.join(data, name))
    server.state.delay_per_block = 0.0
    again = ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    for name, size in parts.items():
        full = os.path.getsize(served(tree, ftp_tree.RVB, name))
        if 0 < size < full:  # resumed from the .part, not from zero
            assert server.state.retrievals(name)[-1].offset == size
        assert same_bytes(os.path.join(data, name), served(tree, ftp_tree.RVB, name))
    assert gdal.Open(again.vrt).RasterXSize == 200


class _small_blocks:  # noqa: N801 (used like a function: a context manager)
    """The server sends small blocks, so a slow transfer has many of them."""

    def __init__(self, size):
        from pyftpdlib.handlers.ftp import producers

        self.producer, self.size = producers.FileProducer, size

    def __enter__(self):
        self.saved, self.producer.buffer_size = self.producer.buffer_size, self.size

    def __exit__(self, *exc):
        self.producer.buffer_size = self.saved


def test_names_with_dot_dot_are_refused_and_nothing_lands_outside(tree, tmp_path):
    root = tmp_path / "srv"
    shutil.copytree(os.path.join(tree[0], "open_data", ftp_tree.IRC), str(root / ftp_tree.IRC))
    evil = "../" + ftp_tree.irc_name(1020, 6779)
    shutil.copy(str(root / ftp_tree.IRC / "data" / ftp_tree.irc_name(1020, 6779)), str(root / ftp_tree.IRC))
    out = tmp_path / "out"
    with TestFtpServer(str(root)) as running:
        running.state.extra_names["/" + ftp_tree.IRC + "/data"] = [evil]
        connection = ftp.connect(settings(running))
        listing = ftp_products.open_product(connection, "/" + ftp_tree.IRC)
        connection.close()
        messages = []
        result = ftp_download.download_product(settings(running), listing, (1019000, 6777000, 1023000, 6781000),
                                               str(out), log=messages.append)
    assert listing.unsafe == [evil] and len(listing.tiles) == 4
    assert any("refused the remote name" in m and evil in m for m in messages)
    assert len(result.downloaded) == 4
    assert sorted(os.listdir(str(out))) == [ftp_tree.IRC]
    assert not os.path.exists(str(out / ftp_tree.irc_name(1020, 6779)))


@pytest.mark.parametrize("member", ["../evil.tif", "/etc/evil.tif", "data/../../evil.tif", "C:/evil.tif"])
def test_zip_members_outside_the_folder_are_refused_before_anything_is_written(tmp_path, member):
    package = str(tmp_path / "57-2015-0930-6900-LA93-0M20.zip")
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("57-2015-0930-6900-LA93-0M20.tfw", "10\n0\n0\n-10\n930005\n6899995\n")
        archive.writestr(member, b"II*\x00")
    target = tmp_path / "extracted"
    with pytest.raises(zip_extract.ArchiveError, match="refused"):
        zip_extract.extract(package, str(target))
    assert not target.exists() and sorted(os.listdir(str(tmp_path))) == [os.path.basename(package)]


def test_zip_links_and_absurd_sizes_are_refused(tmp_path):
    link = zipfile.ZipInfo("tile.tif")
    link.external_attr = (0o120777 << 16)
    assert zip_extract.check_member(link) == "a symbolic link"
    bomb = zipfile.ZipInfo("tile.tif")
    bomb.file_size, bomb.compress_size = 50 * 1000 ** 3, 10 ** 6
    assert "bytes once extracted" in zip_extract.check_member(bomb)
    dense = zipfile.ZipInfo("tile.tif")
    dense.file_size, dense.compress_size = 2 * 10 ** 9, 10 ** 5
    assert "compressed" in zip_extract.check_member(dense)
    fine = zipfile.ZipInfo("57-2015-0930-6900-LA93-0M20.tif")
    fine.file_size, fine.compress_size = 10 ** 7, 4 * 10 ** 6
    assert zip_extract.check_member(fine) is None


def test_a_zip_slip_package_on_the_server_is_not_extracted(tmp_path):
    root = tmp_path / "srv"
    data = root / ftp_tree.MNS / "data"
    data.mkdir(parents=True)
    ftp_tree.write_mns_zip(str(data / (ftp_tree.mns_stem(930, 6900) + ".zip")), 930, 6900)
    with zipfile.ZipFile(str(data / (ftp_tree.mns_stem(931, 6900) + ".zip")), "w") as archive:
        archive.writestr("../../../escaped.tif", b"II*\x00")
    out = tmp_path / "out"
    with TestFtpServer(str(root)) as running:
        connection = ftp.connect(settings(running))
        listing = ftp_products.open_product(connection, "/" + ftp_tree.MNS)
        connection.close()
        result = ftp_download.download_product(settings(running), listing, (930000, 6899000, 932000, 6900000),
                                               str(out))
    assert any("escaped.tif" in reason for reason in result.failed.values())
    assert not list(tmp_path.rglob("escaped.tif"))
    assert result.vrt is not None and len(result.rasters) == 1


def test_the_remote_tree_is_only_read(server, tree, tmp_path):
    before = tree_digest(tree[0])
    listing = listing_of(server, ftp_tree.RVB)
    ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    assert tree_digest(tree[0]) == before


def test_bad_server_settings_give_one_clear_message(server):
    with pytest.raises(InputError, match="HOST 'ftp://odgeo.grandest.fr' is not a host name"):
        ftp.check_host("ftp://odgeo.grandest.fr", 21)
    with pytest.raises(InputError, match="PORT 0"):
        ftp.check_host("127.0.0.1", 0)
    with pytest.raises(ftp.FtpError, match="refused the login as 'bob'"):
        ftp.connect(ftp.FtpServer("127.0.0.1", server.port, "bob", "secret"))
    closed = _closed_port()
    with pytest.raises(ftp.FtpError, match="Cannot reach the FTP server ftp://127.0.0.1:{}".format(closed)):
        ftp.connect(ftp.FtpServer("127.0.0.1", closed, timeout=2))
    connection = ftp.connect(settings(server))
    with pytest.raises(ftp.FtpError, match="is not a product folder .*: run list_ftp_products to see"):
        ftp_products.open_product(connection, "/open_data")
    with pytest.raises(ftp.FtpError, match="no folder '/nowhere' \\(it replied '550 .*'\\): run list_ftp_products"):
        ftp_products.open_product(connection, "/nowhere")
    # The dock says its button instead of the toolbox's algorithm.
    with pytest.raises(ftp.FtpError, match="no folder '/nowhere' .*: click 'List products' to see its products"):
        ftp_products.open_product(connection, "/nowhere", ftp.DOCK_FIELDS[3])
    connection.close()


def test_two_connections_are_used_in_parallel(server, tmp_path):
    server.state.delay_per_block = 0.1
    listing = listing_of(server, ftp_tree.RVB)
    peak = {"now": 0, "max": 0}
    lock = threading.Lock()
    original = ftp.Fetcher._retrieve

    def counting(self, *args):
        with lock:
            peak["now"] += 1
            peak["max"] = max(peak["max"], peak["now"])
        try:
            return original(self, *args)
        finally:
            with lock:
                peak["now"] -= 1

    ftp.Fetcher._retrieve = counting
    try:
        with _small_blocks(4096):
            ftp_download.download_product(settings(server), listing, RVB_BOX, str(tmp_path))
    finally:
        ftp.Fetcher._retrieve = original
    assert peak["max"] == 2


def _closed_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_anonymous_login_refused_from_the_dock_says_where_an_account_goes(tmp_path):
    """The dock logs in anonymously and has no account fields: a server that wants an account is said to need one,
    and where it can be given, never 'check USER and PASSWORD' (the toolbox's parameter names)."""
    with TestFtpServer(str(tmp_path), users={"bob": "secret"}) as private:
        dock = ftp.FtpServer("127.0.0.1", private.port, fields=ftp.DOCK_FIELDS[2])
        with pytest.raises(ftp.FtpError) as refused:
            ftp.connect(dock)
        said = str(refused.value)
        assert "refused the anonymous login" in said and "user name and password" in said, said
        assert "USER" not in said and "PASSWORD" not in said, said
        with pytest.raises(ftp.FtpError, match="check USER and PASSWORD"):  # the toolbox keeps its own words
            ftp.connect(ftp.FtpServer("127.0.0.1", private.port, "eve", "nope"))
