"""Issue 30, points 2 and 6 in the headless QGIS: the overview basemap is never a download's layer; a resumed
download keeps its area in its name; a recovered set is told from the library's file of the same layer; the group,
the area titles and the dock's FTP errors in French."""

import socket

import pytest
from qgis.core import QgsProject

from tests.support.dock_pages import list_ftp_products
from tests.support.english_check import english
from tests.support.qt_wait import wait_for
from tests.support.sample_mbtiles import write_sample
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def group_names(project, name):
    group = project.layerTreeRoot().findGroup(name)
    return [node.layer().name() for node in group.findLayers()] if group is not None else []


def download(dock, server, *layers, area="carcassonne"):
    from tests.qgis.test_dock_workflow import read_layers

    page = read_layers(dock, server)  # Carcassonne, overview band
    dock.area_picker.select_area(area)
    for layer in layers:
        page.tick(layer)
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    return page


def test_a_download_never_reuses_nor_renames_the_overview_basemap(dock, project, provider, tmp_path):
    library = tmp_path / "library"
    dock.libraryDir.setFilePath(str(library))
    path = str(library / (PLAN + ".mbtiles"))
    with StandInWmts() as server:
        download(dock, server, PLAN)
        project.clear()  # after a restart: a new project, the library holds Plan IGN v2, the overview reads it
        dock.area_picker.overviewCheck.setChecked(True)
        (overview,) = project.mapLayers().values()
        overview_name = overview.name()
        assert overview.source() == path
        page = download(dock, server, PLAN)
    assert overview.name() == overview_name, page.logView.toPlainText()
    assert project.mapLayer(overview.id()) is overview
    assert project.layerTreeRoot().findLayer(overview.id()).parent() == project.layerTreeRoot()  # not in the group
    downloaded = [layer for layer in project.mapLayers().values() if layer.id() != overview.id()]
    assert len(downloaded) == 1, (page.logView.toPlainText(), [layer.name() for layer in downloaded])
    assert downloaded[0].source() == path
    assert group_names(project, "IGN Offline") == ["Plan IGN v2 — Carcassonne"]
    dock.area_picker.overviewCheck.setChecked(False)


def test_a_resumed_download_keeps_its_area_in_its_name(dock, project, provider, tmp_path):
    dock.libraryDir.setFilePath(str(tmp_path))
    with StandInWmts(latency=0.05) as server:
        from tests.qgis.test_dock_workflow import read_layers

        page = read_layers(dock, server)
        dock.area_picker.select_zoom_band("local")
        page.tick(PLAN)
        page.concurrencySpin.setValue(1)
        page.downloadButton.click()
        assert wait_for(lambda: len(server.log.tiles(200)) >= 5)
        page.cancelButton.click()
        assert wait_for(lambda: not page.runner.busy)
        assert (tmp_path / (PLAN + ".mbtiles")).exists()  # what was fetched is kept: the next run resumes it
        page.concurrencySpin.setValue(4)
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
        assert group_names(project, "IGN Offline") == ["Plan IGN v2 — Carcassonne"], page.logView.toPlainText()
        # the same file extended to another area holds more than either: named without one
        page = download(dock, server, PLAN, area="toulouse")
    assert group_names(project, "IGN Offline") == ["Plan IGN v2"], page.logView.toPlainText()


def test_a_recovered_set_is_told_from_the_library_file_of_the_same_layer(project, tmp_path):
    from core import mbtiles
    from core.tiles.areas import PRESETS
    from ign_offline.toolbelt.layers import load_mbtiles

    library, recovered = str(tmp_path / "library.mbtiles"), str(tmp_path / "recovered.mbtiles")
    for path in (library, recovered):
        write_sample(path, PRESETS["carcassonne"], 8, 9, "Plan IGN v2")
    with mbtiles.MBTilesWriter(recovered) as writer:
        writer.update_metadata({mbtiles.RECOVERED_KEY: "QGIS network cache"})  # as core.cache.recovery marks it
    load_mbtiles(project, library)
    load_mbtiles(project, recovered)
    assert sorted(group_names(project, "IGN Offline")) == ["Plan IGN v2", "Plan IGN v2 (recovered from the cache)"]


def test_the_group_area_titles_and_coordinates_are_french(french, dock, project, provider, tmp_path):
    from ign_offline.core.messages import lonlat_box
    from ign_offline.i18n import say

    dock.libraryDir.setFilePath(str(tmp_path))
    with StandInWmts() as server:
        page = download(dock, server, PLAN, area="pyrenees")
    assert group_names(project, "IGN Hors ligne") == ["Plan IGN v2 — Pyrénées (grottes)"]
    assert project.layerTreeRoot().findGroup("IGN Offline") is None
    log = page.logView.toPlainText()
    assert "Pyrénées (grottes)" in log and "caves" not in log, log
    assert say(lonlat_box(1.45, 42.75, 1.65, 42.85)) == "1,45° E – 1,65° E ; 42,75° N – 42,85° N"


def test_an_english_projects_group_is_reused_in_french(french, project, tmp_path):
    from core.tiles.areas import PRESETS
    from ign_offline.toolbelt.layers import load_mbtiles

    project.layerTreeRoot().addGroup("IGN Offline")
    path = str(tmp_path / "plan.mbtiles")
    write_sample(path, PRESETS["carcassonne"], 8, 9, "Plan IGN v2")
    load_mbtiles(project, path)
    assert [group.name() for group in project.layerTreeRoot().children()] == ["IGN Offline"]  # not a second one


def test_the_dock_says_its_own_fields_when_the_ftp_server_cannot_be_reached(french, dock):
    page = dock.ftp_page
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page.hostEdit.setText("127.0.0.1")
    page.portSpin.setValue(port)
    page.listButton.click()
    assert wait_for(lambda: page.listButton.isEnabled(), timeout=30)
    log = page.logView.toPlainText()
    assert "vérifiez l'adresse et le port du serveur et le réseau" in log, log
    assert "HOST" not in log and "PORT" not in log
    assert english([line for line in log.splitlines() if line.strip()]) == []
    page.hostEdit.setText("ftp://odgeo.grandest.fr/open_data")
    page.listButton.click()
    log = page.logView.toPlainText()
    assert "Le serveur « ftp://odgeo.grandest.fr/open_data » n'est pas un nom d'hôte" in log, log
    assert QgsProject.instance().layerTreeRoot().findGroup("IGN Hors ligne") is None


def test_tile_counts_are_grouped_although_qgis_omits_the_grouping(dock):
    """QGIS sets its default locale without group separators (its "show group separator" option, off by default):
    the counts read "1349" there. The dock groups them: "1 349"."""
    import re

    from qgis.PyQt.QtCore import QLocale

    previous = QLocale()
    french = QLocale(QLocale.French, QLocale.France)
    french.setNumberOptions(QLocale.OmitGroupSeparator)
    QLocale.setDefault(french)
    try:
        dock.area_picker.select_area("montpellier")
        dock.area_picker.select_zoom_band("detail")
        dock.area_picker.select_area("toulouse")
        dock.area_picker.select_area("montpellier")
        grouped = re.compile(r"\d[\u202f\xa0 ]\d{3}\b")
        assert wait_for(lambda: grouped.search(dock.area_picker.totalLabel.text()), timeout=30), \
            dock.area_picker.totalLabel.text()
        assert not re.search(r"\d{4}", dock.area_picker.totalLabel.text())
    finally:
        QLocale.setDefault(previous)


HEAVY_FILE = """
import sys
sys.path.insert(0, sys.argv[2])
from core.mbtiles import MBTilesWriter
with MBTilesWriter(sys.argv[1]) as writer:  # ten tiles of 41.5 kB, as IGN Offline writes them
    for x in range(10):
        writer.write_tile(16, x, 0, bytes(41500))
"""


def test_the_disk_warning_weighs_the_tiles_as_the_layers_file_measured_them(tmp_path):
    """515 tiles fit a 16 MB disk at 20 kB a typical tile, not at the 41.5 kB the layer's file measured: the job
    is refused before anything is fetched, naming the measured size (a tmpfs in a private mount namespace)."""
    import os
    import shutil
    import subprocess
    import sys

    import pytest

    from tests.qgis.conftest import ROOT

    if not shutil.which("unshare") or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    home, disk = tmp_path / "home", tmp_path / "small-disk"
    (home / "runtime").mkdir(parents=True, mode=0o700)
    disk.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("QGIS_CUSTOM_CONFIG_PATH", "LC_ALL")}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(home / "runtime"), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
               QGIS_PLUGINPATH=os.path.join(ROOT, ".build", "plugins"))
    subprocess.run(["/usr/bin/qgis_process.bin", "plugins", "enable", "ign_offline"], env=env, capture_output=True,
                   timeout=300, check=True)
    script = ('mount -t tmpfs -o size=16m tmpfs "$1" && "$2" -c "$3" "$1/plan.mbtiles" "$4" && '
              'exec /usr/bin/qgis_process.bin run ign_offline:download_tiles -- LAYER={} AREA=carcassonne '
              'ZOOM_MIN=8 ZOOM_MAX=16 OUTPUT="$1/plan.mbtiles"').format(PLAN)
    completed = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(disk),
                                sys.executable, HEAVY_FILE, ROOT], env=env, capture_output=True, text=True, timeout=300)
    said = completed.stdout + completed.stderr
    assert completed.returncode != 0 and "This job is 515 tiles (more than the free space)" in said, said[-2000:]
    assert "at 41.5 kB a tile as measured in the layer's file" in said and "about 21.4 MB" in said, said[-2000:]
    assert os.listdir(disk) == []  # the tmpfs went with its namespace


def test_the_toolbelts_refusals_are_templates_said_in_french(french):
    import pytest

    from ign_offline.core.errors import InputError
    from ign_offline.i18n import say
    from ign_offline.toolbelt.auth import load_config

    with pytest.raises(InputError) as raised:
        load_config("nosuch1")
    assert raised.value.message.template.startswith("The authentication configuration '{}' cannot be read")
    assert say(raised.value.message).startswith("La configuration d'authentification « nosuch1 » ne peut pas être lue")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_failed_ftp_download_names_the_dock_fields(request, language, dock, project, provider, tmp_path):
    """The listing worked, then the server stopped: the download run (download_ftp, in the task manager) says
    what to check in the dock's words, as the listing does, never HOST or PORT."""
    from tests.support import ftp_tree
    from tests.support.ftp_server import TestFtpServer

    if language == "fr":
        request.getfixturevalue("french")
    root = tmp_path / "ftp"
    ftp_tree.make_tree(str(root))
    page = dock.ftp_page
    dock.libraryDir.setFilePath(str(tmp_path / "library"))
    with TestFtpServer(str(root)) as server:
        page.productsTable.selectRow(list_ftp_products(page, server))
    page.useCoverageButton.click()
    page.downloadButton.click()  # the server has stopped: nothing answers on its port
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    log = page.logView.toPlainText()
    said = {"en": "check the server's address and port and the network",
            "fr": "vérifiez l'adresse et le port du serveur et le réseau"}[language]
    assert said in log and "127.0.0.1:{}".format(server.port) in log, log
    assert "HOST" not in log and "PORT" not in log, log
    if language == "fr":
        assert english([line for line in log.splitlines() if line.strip()]) == [], log
    page.hostEdit.setText("ftp://127.0.0.1/open_data")  # a field the dock refuses itself, in its own words
    page.downloadButton.click()
    log = page.logView.toPlainText()
    said = {"en": "The server 'ftp://127.0.0.1/open_data' is not a host name",
            "fr": "Le serveur « ftp://127.0.0.1/open_data » n'est pas un nom d'hôte"}[language]
    assert said in log and "HOST" not in log, log


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_product_gone_from_the_server_names_the_dock_button_or_the_algorithm(request, language, dock, project,
                                                                                processing, tmp_path):
    """The product folder moved away between the listing and the download: the dock says to click its own
    button, the toolbox to run list_ftp_products; the server's reply is quoted as its own words."""
    import os
    import shutil

    from qgis.core import QgsProcessingException

    from tests.support import ftp_tree
    from tests.support.ftp_server import TestFtpServer

    if language == "fr":
        request.getfixturevalue("french")
    root = tmp_path / "ftp"
    ftp_tree.make_tree(str(root))
    page = dock.ftp_page
    dock.libraryDir.setFilePath(str(tmp_path / "library"))
    product = "/open_data/" + ftp_tree.RVB
    with TestFtpServer(str(root)) as server:
        row = list_ftp_products(page, server)
        assert page.productsTable.item(row, 3).text() == product
        page.productsTable.selectRow(row)
        page.useCoverageButton.click()
        moved = [path for path, _, _ in os.walk(root) if path.endswith(ftp_tree.RVB)][0]
        shutil.move(moved, moved + "-old")  # the server reorganised
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=60)
        log = page.logView.toPlainText()
        said = {"en": "The server has no folder '{}' (it replied '550 ".format(product),
                "fr": "Le serveur n'a pas de dossier « {} » (il a répondu « 550 ".format(product)}[language]
        button = {"en": "): click 'List products' to see its products.",
                  "fr": ") : cliquez sur « Lister les produits » pour voir ses produits."}[language]
        assert said in log and button in log, log
        assert "list_ftp_products" not in log, log
        if language == "fr":
            # the server's reply, quoted, is its own words: the rest of the line is French
            lines = [line.split("« 550 ")[0] for line in log.splitlines() if line.strip()]
            assert english(lines) == [], log
        with pytest.raises(QgsProcessingException) as error:  # the toolbox names its algorithm
            processing.run("ign_offline:download_ftp", {
                "HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": product, "AREA": "",
                "EXTENT": "{},{},{},{} [EPSG:2154]".format(*ftp_tree.RVB_AREA),
                "OUTPUT_FOLDER": str(tmp_path / "toolbox")})
    said = {"en": "to see its products", "fr": "pour voir ses produits"}[language]
    run = {"en": "run list_ftp_products", "fr": "lancez list_ftp_products"}[language]
    assert run + " " + said in str(error.value) and "List products" not in str(error.value), str(error.value)
