"""The FTP side against vsftpd (a real server nobody here wrote): listing through LIST, download, resume."""

import os

import pytest

from core.ftp import client as ftp
from core.ftp import download as ftp_download
from core.ftp import products as ftp_products
from tests.support import ftp_tree
from tests.support.vsftpd_server import Vsftpd

X0, X1, Y0, Y1 = ftp_tree.RVB_AREA


@pytest.fixture(scope="module")
def vsftpd(tmp_path_factory):
    tree = str(tmp_path_factory.mktemp("tree"))
    ftp_tree.make_tree(tree)
    with Vsftpd(tree, tmp_path_factory.mktemp("vsftpd")) as server:
        yield server


def test_vsftpd_lists_products_and_the_area_downloads_byte_identical(vsftpd, tmp_path):
    settings = ftp.FtpServer("127.0.0.1", vsftpd.port, timeout=10)
    connection = ftp.connect(settings)
    try:
        products = {p.folder_name: p for p in ftp_products.find_products(connection, "/", 3)}
        listing = ftp_products.open_product(connection, "/open_data/" + ftp_tree.RVB)
    finally:
        connection.close()
    assert sorted(products) == sorted([ftp_tree.RVB, ftp_tree.IRC, ftp_tree.MNS])
    assert len(products[ftp_tree.RVB].tiles) == 9 and products[ftp_tree.MNS].kind == "zip"
    # a transfer left half-done is resumed from where it stopped (REST), not restarted
    first = sorted(ftp_tree.RVB_AREA_TILES)[0]
    served = os.path.join(vsftpd.root, "open_data", ftp_tree.RVB, "data", first)
    with open(served, "rb") as stream:
        whole = stream.read()
    partial = tmp_path / ftp_tree.RVB / "data" / (first + ".part")
    partial.parent.mkdir(parents=True)
    partial.write_bytes(whole[:len(whole) // 2])
    result = ftp_download.download_product(settings, listing, (X0, Y0, X1, Y1), str(tmp_path))
    for name in ftp_tree.RVB_AREA_TILES:
        with open(tmp_path / ftp_tree.RVB / "data" / name, "rb") as got, open(
                os.path.join(vsftpd.root, "open_data", ftp_tree.RVB, "data", name), "rb") as want:
            assert got.read() == want.read()
    assert result.vrt and os.path.exists(result.vrt)
    assert vsftpd.bytes_sent(first) == len(whole) - len(whole) // 2  # the half already there was not sent again
