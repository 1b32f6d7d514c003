"""What the Download page shows in French is French — numbers and sizes in the locale, the
area named as its layer is, OS reasons translated, plurals, one sentence per error."""

from qgis.PyQt.QtCore import Qt

from tests.support.dock_pages import read_layers_of
from tests.support.english_check import english
from tests.support.qt_wait import wait_for

ORTHO, PLAN = "ORTHOIMAGERY.ORTHOPHOTOS", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def _shown(dock, page):
    """The log, the estimate table, the labels and the message bar's current item."""
    texts = page.logView.toPlainText().splitlines() + [page.pickedLabel.text(), page.layersNoteLabel.text()]
    table = page.estimateTable
    texts += [table.item(row, column).text() for row in range(table.rowCount())
              for column in range(table.columnCount()) if table.item(row, column)]
    item = dock.iface.messageBar().currentItem()
    if item is not None:
        texts.append(item.text())
    return [text for text in texts if text]


def _two_layers(dock, server):
    page = read_layers_of(dock, server)
    dock.area_picker.use_bounds(2.33, 43.18, 2.36, 43.20)  # typed coordinates: "Zone saisie"
    for item in page.items():
        item.setCheckState(Qt.Unchecked)
    page.tick(ORTHO)
    page.tick(PLAN)
    page.maxRateSpin.setValue(0)
    return page


def test_the_estimate_speaks_french_numbers_sizes_plurals_and_the_areas_name(dock, provider, french):
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = _two_layers(dock, server)
        assert page.pickedLabel.text().startswith("2 couches cochées")
        page.estimateButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
    shown = _shown(dock, page)
    assert not english(shown), english(shown)
    log = page.logView.toPlainText()
    assert "Zone : Zone saisie" in log, log  # the layer it loads is "<layer> — Zone saisie"
    assert "Extent" not in log and "(s)" not in log and "au plus 0" not in log
    assert "sans limite de débit" in log
    sizes = [page.estimateTable.item(row, 2).text() for row in range(page.estimateTable.rowCount())]
    assert all(size.endswith((" o", " ko", " Mo", " Go")) for size in sizes), sizes
    assert dock.iface.messageBar().currentItem().text().startswith("Estimation : ")
    assert "pour 2 couches" in dock.iface.messageBar().currentItem().text()


def test_an_unreachable_server_is_said_once_in_french(dock, provider, french, tmp_path):
    from tests.support.wmts_server import StandInWmts

    dock.libraryDir.setFilePath(str(tmp_path / "library"))
    with StandInWmts() as server:
        page = _two_layers(dock, server)
    page.sourceCombo.setEditText(server.url + "?again")  # the server is gone: nobody listens there now
    page.downloadButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=120)
    shown = _shown(dock, page)
    assert not english(shown), english(shown)
    errors = [line for line in page.logView.toPlainText().splitlines() if line.startswith("⚠ ")]
    assert len(errors) == 1, errors  # not once per layer
    assert "la connexion a été refusée" in errors[0]
    assert dock.iface.messageBar().currentItem().text().count("refusée") == 1


def test_a_failed_read_is_one_french_sentence(dock, french):
    from tests.support.wmts_server import StandInWmts

    with StandInWmts() as server:
        page = read_layers_of(dock, server)
    page.sourceCombo.setEditText(server.url + "?again")
    page.readLayersButton.click()
    assert wait_for(lambda: page.readLayersButton.isEnabled() and page.layersNoteLabel.text())
    note = page.layersNoteLabel.text()
    assert note.startswith("Les couches de http://127.0.0.1:"), note
    assert note.count("127.0.0.1") == 1 and "((" not in note and "))" not in note, note
    assert "enregistré" not in note and "stocké" not in note, note
    assert not english([note]), note


def test_a_cancelled_download_says_so_in_natural_french(dock, french):
    from ign_offline.i18n import tr

    page = dock.download_page
    page.runner.report_cancel(tr("The download"))
    text = dock.iface.messageBar().currentItem().text()
    assert text.startswith("Téléchargement annulé : "), text
    page.runner.report_cancel(tr("The estimate"))
    assert dock.iface.messageBar().currentItem().text() == "Estimation annulée."


def test_a_library_folder_that_cannot_be_made_is_said_once_as_a_folder(dock, provider, french, tmp_path):
    from tests.support.wmts_server import StandInWmts

    (tmp_path / "afile").write_text("")
    with StandInWmts() as server:
        page = _two_layers(dock, server)
        dock.libraryDir.setFilePath(str(tmp_path / "afile"))  # a file: no folder can be made there
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
    shown = _shown(dock, page)
    assert not english(shown), english(shown)
    errors = [line for line in page.logView.toPlainText().splitlines() if line.startswith("⚠ ")]
    assert len(errors) == 1, errors
    assert errors[0].startswith("⚠ Le dossier « "), errors  # not the OUTPUT_FOLDER parameter of qgis_process
    assert "OUTPUT" not in dock.iface.messageBar().currentItem().text()


def test_a_download_names_the_area_as_its_layer(dock, provider, french, tmp_path):
    from tests.support.wmts_server import StandInWmts

    dock.libraryDir.setFilePath(str(tmp_path / "library"))
    with StandInWmts() as server:
        page = _two_layers(dock, server)
        page.tick(PLAN, False)  # one layer is enough here
        dock.area_picker.select_zoom_band("overview")
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy, timeout=120)
    log = page.logView.toPlainText()
    assert "Zone saisie zoom" in log and "Extent" not in log, log
    shown = _shown(dock, page)
    assert not english(shown), english(shown)


def test_scales_are_written_with_french_grouping(french):
    """The zoom bands' scales ("≈ 1:1 500 000 …") group digits as the language does, like every number of the
    dock: a space in French, never the English comma."""
    import re

    from ign_offline.ui.area_choices import band_scales, scale_text

    assert re.fullmatch(r"1:1\s500\s000", scale_text(1500000)), scale_text(1500000)  # (narrow) no-break spaces
    said = band_scales(8, 12)
    assert not re.search(r"\d,\d{3}", said), said
