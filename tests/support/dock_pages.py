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
