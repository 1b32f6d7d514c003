"""list_ftp_products and download_ftp in QGIS, against a real FTP server on 127.0.0.1."""

import json
import os

import pytest
from qgis.core import QgsProcessingException

from tests.qgis.conftest import make_process
from tests.support import ftp_tree
from tests.support.ftp_server import TestFtpServer

RVB_EXTENT = "{},{},{},{} [EPSG:2154]".format(*ftp_tree.RVB_AREA)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("ftp_root"))
    ftp_tree.make_tree(root)
    return root


@pytest.fixture()
def server(tree):
    with TestFtpServer(tree) as running:
        yield running


def test_list_products_as_a_table(processing, server):
    result = processing.run("ign_offline:list_ftp_products", {
        "HOST": "127.0.0.1", "PORT": server.port, "ROOT": "/", "OUTPUT": "memory:"})
    assert result["PRODUCTS"] == 3
    rows = {f["path"]: f for f in result["OUTPUT"].getFeatures()}
    rvb = rows["/open_data/" + ftp_tree.RVB]
    assert [rvb[k] for k in ("product", "option", "resolution", "format", "crs", "departement", "year", "tiles")] \
        == ["OHR", "RVB", "0M20", "JP2", "EPSG:2154", "67", "2015", 9]
    assert rows["/open_data/" + ftp_tree.IRC]["option"] == "IRC"
    assert rows["/open_data/" + ftp_tree.MNS]["option"] == "MNS" and rows["/open_data/" + ftp_tree.MNS]["tiles"] == 4


def test_download_loads_the_mosaic_in_the_group(processing, project, server, tmp_path):
    result = processing.run("ign_offline:download_ftp", {
        "HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": "/open_data/" + ftp_tree.RVB,
        "EXTENT": RVB_EXTENT, "OUTPUT_FOLDER": str(tmp_path), "LOAD": True}, context=_context(project))
    assert (result["FILES_DOWNLOADED"], result["FILES_SKIPPED"], result["FILES_FAILED"]) == (4, 0, 0)
    assert result["BYTES"] > 0 and result["OUTPUT_FOLDER"] == str(tmp_path)
    assert result["VRT"] == os.path.join(str(tmp_path), ftp_tree.RVB, ftp_tree.RVB + ".vrt")
    group = project.layerTreeRoot().findGroup("IGN Offline")
    layers = [node.layer() for node in group.findLayers()]
    assert [layer.name() for layer in layers] == ["OHR RVB 0.20 m D67 2015"]
    extent = layers[0].extent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (
        1045000, 6840000, 1047000, 6842000)
    assert layers[0].crs().authid() == "EPSG:2154"
    again = processing.run("ign_offline:download_ftp", {
        "HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": "/open_data/" + ftp_tree.RVB,
        "EXTENT": RVB_EXTENT, "OUTPUT_FOLDER": str(tmp_path), "LOAD": True}, context=_context(project))
    assert (again["FILES_DOWNLOADED"], again["FILES_SKIPPED"]) == (0, 4)
    assert len(group.findLayers()) == 1  # the rebuilt mosaic replaces the old layer


def test_an_extent_in_lon_lat_is_converted_to_the_product_crs(processing, server, tmp_path):
    # The centre of tile 1046/6841 (north-west corner) in WGS 84, a small box around it.
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    centre = transform.transform(QgsPointXY(1046500, 6840500))
    extent = "{},{},{},{} [EPSG:4326]".format(centre.x() - 0.001, centre.x() + 0.001, centre.y() - 0.001,
                                              centre.y() + 0.001)
    result = processing.run("ign_offline:download_ftp", {
        "HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": "/open_data/" + ftp_tree.RVB,
        "EXTENT": extent, "OUTPUT_FOLDER": str(tmp_path), "LOAD": False})
    assert result["FILES_DOWNLOADED"] == 1
    assert [n for n in server.state.retrieved_names() if n.endswith(".jp2")] == [ftp_tree.rvb_name(1046, 6841)]


def test_toulouse_against_an_alsace_product_says_what_it_covers(processing, server, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        processing.run("ign_offline:download_ftp", {
            "HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": "/open_data/" + ftp_tree.RVB,
            "AREA": "toulouse", "OUTPUT_FOLDER": str(tmp_path)})
    assert "intersects the area" in str(error.value) and "département 67" in str(error.value)


@pytest.mark.parametrize("changes, message", [
    ({"HOST": "ftp://odgeo.grandest.fr/open_data"}, "is not a host name"),
    ({"PRODUCT": "/"}, "Give PRODUCT"),
    ({"AREA": "", "EXTENT": None}, "Give an AREA"),
    ({"AREA": "lyon"}, "Unknown area 'lyon'"),
])
def test_bad_parameters_are_refused_before_any_connection(processing, server, tmp_path, changes, message):
    parameters = {"HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": "/open_data/" + ftp_tree.RVB,
                  "AREA": "carcassonne", "OUTPUT_FOLDER": str(tmp_path)}
    parameters.update(changes)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("ign_offline:download_ftp", parameters)
    assert server.state.commands == []


def test_a_login_with_the_password_in_the_auth_database(processing, project, tree, tmp_path, basic_auth):
    from qgis.core import QgsProcessingFeedback

    password = "ftp-password-never-logged"
    config_id = basic_auth("Survey FTP", "survey", password)
    messages = []
    with TestFtpServer(tree, users={"survey": password}) as private:
        feedback = QgsProcessingFeedback()
        result = processing.run("ign_offline:download_ftp", {
            "HOST": "127.0.0.1", "PORT": private.port, "AUTHCFG": config_id,
            "PRODUCT": "/open_data/" + ftp_tree.RVB, "EXTENT": RVB_EXTENT, "OUTPUT_FOLDER": str(tmp_path),
            "LOAD": True}, context=_context(project), feedback=feedback)
        assert result["FILES_DOWNLOADED"] == 4
        messages.append(feedback.textLog())
        with pytest.raises(QgsProcessingException, match="refused the login as 'anonymous'"):
            processing.run("ign_offline:list_ftp_products", {"HOST": "127.0.0.1", "PORT": private.port,
                                                              "OUTPUT": "memory:"})
    assert messages and not any(password in m for m in messages)
    project_file = str(tmp_path / "p.qgs")
    project.write(project_file)
    for folder, _, files in os.walk(str(tmp_path)):
        for name in files:
            with open(os.path.join(folder, name), "rb") as stream:
                assert password.encode() not in stream.read(), name


def test_qgis_process_downloads_an_mns_product(server, tmp_path):
    out = tmp_path / "out"
    completed = make_process(
        "run", "ign_offline:download_ftp", "--json", "--", "HOST=127.0.0.1", "PORT={}".format(server.port),
        "PRODUCT=/open_data/" + ftp_tree.MNS, "'EXTENT=930100,931900,6898100,6899900 [EPSG:2154]'",
        "OUTPUT_FOLDER=" + str(out))
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
    assert (results["FILES_DOWNLOADED"], results["FILES_FAILED"]) == (4, 0)
    from osgeo import gdal

    vrt = gdal.Open(results["VRT"])
    assert (vrt.RasterXSize, vrt.RasterYSize) == (200, 200)


def _context(project):
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    context.setProject(project)
    return context
