"""The dock's "IGN datasets" page (issue 23), by clicks, against the stand-in download service serving real 7z
archives: the listing of a two-département area with its sizes before anything is fetched, the download into the
library with the layers in the project, "up to date" with no download request the second time, the listing cleared
when what it was made for changes, and the page in French."""

import json
import os

import pytest
from qgis.core import QgsLayerTreeGroup

from tests.support import dataset_catalogue
from tests.support.download_service import StandInDownloadService
from tests.support.qt_wait import wait_for

AREA = dataset_catalogue.two_departement_area()
SAMPLE_AREA = (AREA.west, AREA.south, AREA.east, AREA.north)  # meets D031 and D081, not D011


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    """RGE ALTI 5 m of D031 (two 7z volumes), D081 and D011, BD TOPO of D031 and D081: real 7z archives, made once
    for the module."""
    work = str(tmp_path_factory.mktemp("catalogue"))
    found = dataset_catalogue.rgealti_catalogue(work)
    found["BDTOPO"] = [dataset_catalogue.bdtopo_edition(work, zone) for zone in ("D031", "D081")]
    return found


@pytest.fixture()
def service(catalogue):
    with StandInDownloadService(catalogue) as server:
        yield server


def page_on(dock, service, library, products=("BDTOPO", "RGEALTI/5M"), service_root=None):
    """The datasets page over the sample area, these products ticked, the stand-in (or `service_root`) as its
    service."""
    from ign_offline.ui.datasets_page import CHOICES

    page = dock.datasets_page
    dock.libraryDir.setFilePath(str(library))
    dock.area_picker.use_bounds(*SAMPLE_AREA)
    for choice in CHOICES:
        page.check(choice).setChecked(choice.key in products)
    page.serviceEdit.setText(service_root or service.root)
    return page


def list_for_area(page):
    page.listButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    return [[page.datasetsTable.item(row, column).text() for column in range(6)]
            for row in range(page.datasetsTable.rowCount())]


def sizes(catalogue, resource, zones):
    """{zone: (files, bytes)} of the editions the stand-in serves."""
    return {edition.zone: (len(edition.files), sum(f.size for f in edition.files))
            for edition in catalogue[resource] if edition.zone in zones}


def test_two_departements_listed_with_their_sizes_before_any_download(dock, provider, service, catalogue, tmp_path):
    from ign_offline.i18n import size

    page = page_on(dock, service, tmp_path / "library")
    assert not page.downloadButton.isEnabled()  # no listing yet
    rows = list_for_area(page)
    assert "⚠" not in page.logView.toPlainText(), page.logView.toPlainText()
    assert sorted((row[0], row[1]) for row in rows) == [("BD TOPO", "Haute-Garonne (31)"), ("BD TOPO", "Tarn (81)"),
                                                        ("RGE ALTI 5 m", "Haute-Garonne (31)"),
                                                        ("RGE ALTI 5 m", "Tarn (81)")]
    expected = {}
    for resource, title in (("BDTOPO", "BD TOPO"), ("RGEALTI", "RGE ALTI 5 m")):
        for zone, count in sizes(catalogue, resource, ("D031", "D081")).items():
            expected[(title, zone)] = count
    for row in rows:
        zone = "D031" if "31" in row[1] else "D081"
        files, count = expected[(row[0], zone)]
        assert row[3] == str(files) and row[4] == size(count) and row[5] == "new", row
    assert expected[("RGE ALTI 5 m", "D031")][0] > 1  # a multi-volume archive: every volume counted
    total = sum(count for _, count in expected.values())
    assert page.totalLabel.text() == "Total: 4 datasets, {}; to download: {} (4 datasets new or updated).".format(
        size(total), size(total))
    assert page.warningLabel.isHidden() and page.downloadButton.isEnabled()
    assert service.downloads() == []  # sizes known before anything is fetched


def test_listing_cleared_when_area_products_or_library_change(dock, provider, service, tmp_path):
    page = page_on(dock, service, tmp_path / "library")
    assert len(list_for_area(page)) == 4
    dock.area_picker.zoomMaxSpin.setValue(dock.area_picker.zoomMaxSpin.value() - 1)  # zooms: not the listing's
    assert page.datasetsTable.rowCount() == 4 and page.downloadButton.isEnabled()

    dock.area_picker.select_area("carcassonne")
    assert page.datasetsTable.rowCount() == 0 and not page.downloadButton.isEnabled()
    assert page.totalLabel.text() == "Tick products, then list them for the area."

    dock.area_picker.use_bounds(*SAMPLE_AREA)
    assert len(list_for_area(page)) == 4
    page.cadastreCheck.setChecked(True)
    assert page.datasetsTable.rowCount() == 0 and not page.downloadButton.isEnabled()

    page.cadastreCheck.setChecked(False)
    assert len(list_for_area(page)) == 4
    dock.libraryDir.setFilePath(str(tmp_path / "another"))
    assert page.datasetsTable.rowCount() == 0 and not page.downloadButton.isEnabled()


def test_download_into_the_library_layers_in_the_project_then_up_to_date(dock, provider, service, catalogue, project,
                                                                           tmp_path):
    library = tmp_path / "library"
    page = page_on(dock, service, library)
    page.clipCheck.setChecked(True)
    page.hillshadeCheck.setChecked(True)
    page.slopeCheck.setChecked(False)
    page.contoursCheck.setChecked(False)
    page.loadCheck.setChecked(True)
    list_for_area(page)
    opened = []
    page.runner.opened = opened.append
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=240)
    log = page.logView.toPlainText()
    assert "⚠" not in log, log
    # what came: every file of the two départements (RGE ALTI D031's volumes too), nothing of D011, checked and
    # extracted into <library>/datasets/<PRODUCT>/<Dxxx>/data
    fetched = sorted({path.rsplit("/", 1)[-1] for path, _ in service.downloads()})
    assert fetched == sorted(f.name for editions in catalogue.values() for edition in editions
                             if edition.zone in ("D031", "D081") for f in edition.files), fetched
    for product in ("BDTOPO", "RGEALTI"):
        for zone in ("D031", "D081"):
            data = library / "datasets" / product / zone / "data"
            assert data.is_dir() and any(files for _, _, files in os.walk(data)), data
    assert not (library / "datasets" / "RGEALTI" / "D011").exists()
    # one line per product and département, said by the run (the page adds none)
    for title in ("BD TOPO", "RGE ALTI 5 m"):
        for zone in ("Haute-Garonne (31)", "Tarn (81)"):
            ready = [line for line in log.splitlines() if line.startswith("{} — {}: ".format(title, zone))
                     and line.endswith("ready (new).")]
            assert len(ready) == 1, log
    # layers in the project: BD TOPO's group, the relief
    layers = list(project.mapLayers().values())
    assert layers and all(layer.isValid() for layer in layers)
    groups = [node for node in project.layerTreeRoot().children() if isinstance(node, QgsLayerTreeGroup)]
    assert groups, [node.name() for node in project.layerTreeRoot().children()]
    assert any(layer.providerType() == "ogr" for layer in layers) and any(
        layer.providerType() == "gdal" for layer in layers), [(lay.name(), lay.providerType()) for lay in layers]
    assert [row[5] for row in
            ([page.datasetsTable.item(r, c).text() for c in range(6)] for r in range(4))] == ["up to date"] * 4

    # Again: listed up to date, and a download sends no download request and says so.
    rows = list_for_area(page)
    assert [row[5] for row in rows] == ["up to date"] * 4, rows
    assert "nothing to download" in page.totalLabel.text()
    before = len(service.downloads())
    page.downloadButton.click()  # the log starts afresh: what it holds is the download's
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    assert len(service.downloads()) == before
    log = page.logView.toPlainText()
    assert "⚠" not in log and sum(line.endswith(": up to date.") for line in log.splitlines()) == 4, log


def test_the_page_in_french(french, dock, provider, service, tmp_path):
    page = page_on(dock, service, tmp_path / "library")
    assert dock.pages.tabText(dock.pages.indexOf(page)) == "Données IGN"
    assert page.listButton.text() == "Lister pour cette zone"
    assert page.bdtopoCheck.text() == "BD TOPO" and "GeoPackage" in page.bdtopoCheck.toolTip()
    assert page.downloadButton.text() == "Télécharger" and page.addToPlanButton.text() == "Ajouter au plan"
    rows = list_for_area(page)
    assert {row[5] for row in rows} == {"nouveau"} and {row[1] for row in rows} == {"Haute-Garonne (31)",
                                                                                  "Tarn (81)"}
    assert all(row[4].endswith((" ko", " Mo")) for row in rows), rows
    assert page.totalLabel.text().startswith("Total : 4 jeux de données,"), page.totalLabel.text()
    assert "à télécharger" in page.totalLabel.text()


def test_a_very_large_listing_warns_and_download_asks_first(dock, provider, service, catalogue, tmp_path):
    """BD ORTHO: tens of GB for one département (an 11 GB volume, sparse on disk, never sent): said under the total,
    and Download asks; declined, nothing is fetched."""
    from tests.support.download_service import StandInEdition, StandInFile

    sparse = tmp_path / "ortho.7z.001"
    with open(sparse, "wb") as stream:
        stream.truncate(11 * 1000 ** 3)
    name = "BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_D031_2025-01-01"
    service.publish("BDORTHO", StandInEdition(name, "D031", "D031 Haute-Garonne", "JP2", "2025-01-01",
                                              catalogue["BDTOPO"][0].bbox,
                                              [StandInFile(name + ".7z.001", path=str(sparse), md5="0" * 32)]))
    page = page_on(dock, service, tmp_path / "library", products=("BDORTHO/RVB-0M20",))
    rows = list_for_area(page)
    assert rows[0] == ["BD ORTHO 20 cm", "Haute-Garonne (31)", rows[0][2], "1", "11.0 GB", "new"]
    # Tarn, where the area also lies, has no BD ORTHO here: said so when listed, with no size
    assert all(row[3:] == ["", "", "not published here"] for row in rows[1:]), rows
    warning = page.warningLabel.text()
    assert not page.warningLabel.isHidden() and "11.0 GB" in warning, warning
    asked = []
    page.ask = lambda text: asked.append(text) or False
    page.downloadButton.click()
    assert asked == [warning] and not page.runner.busy
    assert "Nothing started" in page.logView.toPlainText() and service.downloads() == []


def test_add_to_plan_writes_dataset_entries_the_plan_reads(dock, provider, tmp_path):
    from ign_offline.core.library import plans

    library = tmp_path / "library"
    dock.libraryDir.setFilePath(str(library))
    dock.area_picker.select_area("toulouse")
    page = dock.datasets_page
    page.contoursCheck.setChecked(True)
    page.contourSpin.setValue(20)
    page.slopeCheck.setChecked(False)
    page.addToPlanButton.click()
    path = library / "plan.json"
    assert "3 entries added to the plan" in page.logView.toPlainText(), page.logView.toPlainText()
    assert dock.library_page.planFile.filePath() == str(path)
    plan = plans.load_plan(str(path))
    assert [(entry.product, entry.variant, entry.area_label, entry.contours, entry.slope, entry.clip)
            for entry in plan.datasets] == [("BDTOPO", None, "toulouse", None, True, True),
                                            ("RGEALTI", "5M", "toulouse", 20.0, False, True),
                                            ("PARCELLAIRE-EXPRESS", None, "toulouse", None, True, True)]
    # the relief's options written for RGE ALTI alone: they mean nothing to the others
    written = json.loads(path.read_text(encoding="utf-8"))["entries"]
    assert [sorted(entry) for entry in written] == [["area", "dataset"], ["area", "contours", "dataset", "slope",
                                                                          "variant"], ["area", "dataset"]], written
    page.addToPlanButton.click()  # the same again: nothing added
    assert "Already in the plan" in page.logView.toPlainText()
    assert len(plans.load_plan(str(path)).datasets) == 3
    # clipping and the archives apply to every product
    page.clipCheck.setChecked(False)
    page.keepArchivesCheck.setChecked(True)
    page.addToPlanButton.click()
    written = json.loads(path.read_text(encoding="utf-8"))["entries"][3:]
    assert [(entry["dataset"], entry.get("clip"), entry.get("keep_archives"), "slope" in entry)
            for entry in written] == [("BDTOPO", False, True, False), ("RGEALTI", False, True, True),
                                      ("PARCELLAIRE-EXPRESS", False, True, False)], written


def test_ticks_and_options_remembered(dock, desktop_iface):
    from ign_offline.ui.dock import IgnOfflineDock

    page = dock.datasets_page
    assert [page.check(c).isChecked() for c in page.ticked()] == [True] * 3  # BD TOPO, RGE ALTI 5 m, cadastre
    page.bdtopoCheck.setChecked(False)
    page.bdorthoCheck.setChecked(True)
    page.keepArchivesCheck.setChecked(True)
    page.clipCheck.setChecked(False)
    page.contoursCheck.setChecked(True)
    page.contourSpin.setValue(25)
    page.loadCheck.setChecked(False)
    page.serviceEdit.setText("http://127.0.0.1:9/telechargement")
    dock.cleanup()
    again = IgnOfflineDock(desktop_iface)
    try:
        restored = again.datasets_page
        assert [c.key for c in restored.ticked()] == ["RGEALTI/5M", "BDORTHO/RVB-0M20", "PARCELLAIRE-EXPRESS"]
        assert restored.keepArchivesCheck.isChecked() and not restored.clipCheck.isChecked()
        assert restored.contoursCheck.isChecked() and restored.contourSpin.value() == 25
        assert restored.contourSpin.isEnabled() and not restored.loadCheck.isChecked()
        assert restored.serviceEdit.text() == "http://127.0.0.1:9/telechargement"
    finally:
        again.cleanup()
        again.deleteLater()
    dock.cleanup = lambda: None  # already cleaned up above


def bar_texts(desktop_iface):
    return [item.text() for item in desktop_iface.messageBar().items()]


def test_cancel_keeps_the_listing_and_says_so(dock, provider, service, desktop_iface, tmp_path):
    """Cancel during a (slowed) transfer: said as a cancel, nothing marked up to date, Download again possible."""
    page = page_on(dock, service, tmp_path / "library", products=("RGEALTI/5M",))
    page.loadCheck.setChecked(False)
    list_for_area(page)
    service.bandwidth = 20000  # bytes/s: the first volume alone takes seconds
    page.downloadButton.click()
    assert page.runner.busy and page.cancelButton.isEnabled() and not page.listButton.isEnabled()
    assert wait_for(lambda: service.downloads(), timeout=30)
    page.cancelButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    assert "Cancelling…" in page.logView.toPlainText()
    assert any(text.startswith("Download cancelled") for text in bar_texts(desktop_iface)), bar_texts(desktop_iface)
    assert {page.datasetsTable.item(row, 5).text() for row in range(page.datasetsTable.rowCount())} == {"new"}
    assert page.downloadButton.isEnabled() and page.listButton.isEnabled()


def test_an_unreachable_service_is_one_clear_line(dock, provider, tmp_path):
    import socket

    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page = page_on(dock, None, tmp_path / "library", service_root="http://127.0.0.1:{}/telechargement".format(port))
    rows = list_for_area(page)
    errors = [line for line in page.logView.toPlainText().splitlines() if line.startswith("⚠")]
    assert rows == [] and len(errors) == 1 and "127.0.0.1" in errors[0], page.logView.toPlainText()
    assert "Traceback" not in page.logView.toPlainText() and not page.downloadButton.isEnabled()


def test_more_than_the_free_space_is_said_and_nothing_starts(dock, provider, service, catalogue, tmp_path):
    """BD ORTHO as large as the disk's free space (sparse, never sent): with its extraction it cannot fit, which
    download_dataset refuses even confirmed: the page says so under the total and on Download, and asks nothing."""
    from ign_offline.core import storage
    from tests.support.download_service import StandInEdition, StandInFile

    library = tmp_path / "library"
    free = storage.free_bytes(str(library))
    sparse = tmp_path / "ortho.7z.001"
    with open(sparse, "wb") as stream:
        stream.truncate(free)
    name = "BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_D031_2025-01-01"
    service.publish("BDORTHO", StandInEdition(name, "D031", "D031 Haute-Garonne", "JP2", "2025-01-01",
                                              catalogue["BDTOPO"][0].bbox,
                                              [StandInFile(name + ".7z.001", path=str(sparse), md5="0" * 32)]))
    page = page_on(dock, service, library, products=("BDORTHO/RVB-0M20",))
    list_for_area(page)
    warning = page.warningLabel.text()
    assert not page.warningLabel.isHidden() and "more than the" in warning and "free on the disk" in warning, warning
    asked = []
    page.ask = asked.append
    page.downloadButton.click()
    assert asked == [] and not page.runner.busy and service.downloads() == []
    assert page.logView.toPlainText() == "⚠ " + warning


def test_a_failed_departement_is_shown_failed_warned_and_offered_again(dock, desktop_iface, provider, service,
                                                                      catalogue, tmp_path):
    """RGE ALTI of Tarn announced with a wrong MD5: the run goes on with Haute-Garonne, and the page says Tarn
    failed from the run's ZONES (not "up to date"), warns in the message bar naming it, and offers it again."""
    from qgis.core import Qgis

    from tests.support.download_service import StandInEdition, StandInFile

    tarn = next(e for e in catalogue["RGEALTI"] if e.zone == "D081")
    service.publish("RGEALTI", StandInEdition(tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                              tarn.bbox, [StandInFile(f.name, f.data, f.path, "0" * 32)
                                                          for f in tarn.files]))
    page = page_on(dock, service, tmp_path / "library", products=("RGEALTI/5M",))
    page.slopeCheck.setChecked(False)
    page.contoursCheck.setChecked(False)
    page.loadCheck.setChecked(False)
    list_for_area(page)
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=240)
    table = {page.datasetsTable.item(r, 1).text(): page.datasetsTable.item(r, 5).text()
             for r in range(page.datasetsTable.rowCount())}
    assert table == {"Haute-Garonne (31)": "up to date", "Tarn (81)": "⚠ failed"}, table
    log = page.logView.toPlainText()
    # said once, with its reason, by the run; the page adds no second line for it
    failure = [line for line in log.splitlines() if line.startswith("RGE ALTI 5 m — Tarn (81): ") and "MD5" in line]
    assert len(failure) == 1 and "Tarn (81): edition of" not in log and "Tarn (81): failed" not in log, log
    assert "RGE ALTI 5 m — Haute-Garonne (31): RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2020-10-14 ready (new)." in log, log
    item = desktop_iface.messageBar().currentItem()
    assert item.level() == Qgis.Warning and "RGE ALTI 5 m — Tarn (81)" in item.text(), item.text()
    assert "\n" not in item.text()
    assert "nothing to download" not in page.totalLabel.text() and "1 dataset new or updated" in page.totalLabel.text()
    assert page.downloadButton.isEnabled()


def test_nothing_cut_off_at_the_default_dock_width(french, dock, provider, service, tmp_path):
    """At the dock's default width, in French (the longer words): the product check boxes show their whole label
    (the details are in their tooltips), and the table's columns their whole text, but for the département's name,
    which gives way (whole in its tooltip) and takes what a wider dock leaves."""
    from qgis.PyQt.QtCore import QLocale
    from qgis.PyQt.QtWidgets import QApplication

    from ign_offline.ui.datasets_page import CHOICES

    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))  # the desktop's dates, as QGIS sets them in French
    try:
        page = page_on(dock, service, tmp_path / "library")
        dock.pages.setCurrentWidget(page)
        dock.resize(dock.sizeHint().width(), 900)
        dock.show()
        rows = list_for_area(page)
        QApplication.processEvents()
        assert len(rows) == 4
        for choice in CHOICES:
            check = page.check(choice)
            assert check.sizeHint().width() <= check.width() and check.toolTip(), (check.text(), check.width())
        table, header = page.datasetsTable, page.datasetsTable.horizontalHeader()
        assert header.length() <= table.viewport().width(), [header.sectionSize(c) for c in range(6)]
        metrics = table.fontMetrics()
        for column in (0, 2, 3, 4, 5):
            texts = [table.horizontalHeaderItem(column).text()] + [table.item(r, column).text() for r in range(4)]
            assert header.sectionSize(column) >= max(metrics.horizontalAdvance(text) for text in texts), texts
        names = [table.item(r, 1) for r in range(4)]
        assert all(item.text() in item.toolTip() for item in names)
        dock.resize(dock.width() + 300, 900)
        QApplication.processEvents()
        assert header.sectionSize(1) >= max(metrics.horizontalAdvance(item.text()) for item in names)
        assert header.length() <= table.viewport().width()
    finally:
        dock.hide()
        QLocale.setDefault(before)


def test_the_message_bar_and_message_log_say_the_title_once(french, dock, desktop_iface):
    """The message bar's title is the plugin's name in the user's language, with no colon of its own: the bar and
    the message log ("title : text") add theirs, so the log never reads "IGN Hors ligne : : …"."""
    from qgis.core import Qgis, QgsApplication

    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: logged.append(text))
    dock.datasets_page.runner.report("Bonjour.", Qgis.Info)
    item = desktop_iface.messageBar().currentItem()
    assert item.title() == "IGN Hors ligne", item.title()
    said = [text for text in logged if "Bonjour." in text]
    assert said and all(": :" not in text and "IGN Hors ligne" in text for text in said), logged
