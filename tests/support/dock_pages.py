"""Steps the dock tests share."""

from tests.support.qt_wait import wait_for


def read_layers_of(dock, server):
    """Carcassonne, overview band, the stand-in as source and its layers read: the Download page."""
    page = dock.download_page
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("overview")
    page.sourceCombo.setEditText(server.url)
    page.readLayersButton.click()
    assert wait_for(lambda: page.readLayersButton.isEnabled() and page.layersList.count() == 5)
    return page


def area_read(picker):
    """The picker's polygon layer read into its area (a task) and counted: its counts shown, or why not."""
    assert wait_for(lambda: picker.layer_reading.task is None and picker.counting.task is None)


def answering(monkeypatch, answer, limit):
    """The large-job question answered `answer` ("yes" or "no") with the limit lowered to `limit` tiles (the real one
    is tested through qgis_process); what it asked, in the list returned."""
    from qgis.PyQt.QtWidgets import QMessageBox

    from ign_offline.core.tiles import areas as plugin_areas
    from ign_offline.ui import large_jobs

    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.Yes if answer == "yes" else QMessageBox.No

    monkeypatch.setattr(plugin_areas, "LARGE_JOB_TILES", limit)
    monkeypatch.setattr(large_jobs.QMessageBox, "question", question)
    return asked


def list_ftp_products(page, server):
    """The FTP page pointed at the stand-in `server` (tests.support.ftp_tree's tree) and its products listed: the
    row of the RVB orthophotos."""
    from tests.support import ftp_tree

    page.hostEdit.setText("127.0.0.1")
    page.portSpin.setValue(server.port)
    page.listButton.click()
    assert wait_for(lambda: page.listButton.isEnabled() and page.productsTable.rowCount() == 3)
    return [r for r in range(3) if page.productsTable.item(r, 3).text().endswith(ftp_tree.RVB)][0]
