"""Run inside the real QGIS desktop (`qgis --code`), with the plugin enabled: read what the user sees, or take the
README's screenshots. Used by tests/qgis/test_i18n.py and `make screenshots`.

IGN_OFFLINE_SESSION=strings:OUT.json     the dock's labels, buttons, tabs and group titles, and every algorithm's
                                         name, group and parameter labels, as JSON
IGN_OFFLINE_SESSION=screenshots:FOLDER   dock.png and download.png (a finished download from a stand-in server)
IGN_OFFLINE_SESSION=quit:OUT.txt         the dock open, the plugin reloaded, the dock open again, then QGIS quit
                                         through its own Exit action; every Python error QGIS reports goes to OUT.txt
                                         (the last line is "quitting" once the exit has started)
Ends QGIS when done (os._exit: no "save the project?" question, no profile written on exit).
"""

import json
import os
import sys
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAbstractButton, QDockWidget, QGroupBox, QLabel, QTabWidget
from qgis.utils import iface

MODE, _, TARGET = os.environ.get("IGN_OFFLINE_SESSION", "strings:/dev/stdout").partition(":")
ROOT = os.environ.get("IGN_OFFLINE_ROOT", "")
sys.path.insert(0, ROOT)
from tests.support.session_end import run_then_exit  # noqa: E402 (after ROOT is on the path)


def dock_texts(dock):
    """page/objectName -> the text shown, for every label, button, tab and group title of the dock (the dock's own
    widgets; not the inner parts of QGIS widgets, which have no name)."""
    def key(kind, widget):
        page = widget.parentWidget()
        while page is not None and page is not dock and not type(page).__name__.endswith("Page"):
            page = page.parentWidget()
        owner = type(page).__name__ if page is not None and page is not dock else "dock"
        return "{}:{}/{}".format(kind, owner, widget.objectName())

    texts = {}
    for kind, widgets, text in (("label", dock.findChildren(QLabel), QLabel.text),
                                ("button", dock.findChildren(QAbstractButton), QAbstractButton.text),
                                ("group", dock.findChildren(QGroupBox), QGroupBox.title)):
        for widget in widgets:
            if widget.objectName() and not widget.objectName().startswith("qt_"):
                texts[key(kind, widget)] = text(widget)
    for widget in dock.findChildren(QTabWidget):
        for index in range(widget.count()):
            texts["tab:{}:{}".format(widget.objectName(), index)] = widget.tabText(index)
    return texts


def algorithm_texts():
    provider = QgsApplication.processingRegistry().providerById("ign_offline")
    texts = {}
    for algorithm in provider.algorithms():
        texts[algorithm.id() + ":name"] = algorithm.displayName()
        texts[algorithm.id() + ":group"] = algorithm.group()
        for parameter in algorithm.parameterDefinitions():
            texts[algorithm.id() + ":" + parameter.name()] = parameter.description()
    return texts


def the_dock():
    dock = iface.mainWindow().findChild(QDockWidget, "IgnOfflineDock")
    if dock is None:
        import qgis.utils

        raise RuntimeError("The plugin is not loaded: available {}, loaded {}".format(
            qgis.utils.available_plugins, list(qgis.utils.plugins)))
    dock.show()
    dock.raise_()
    return dock


def strings():
    dock = the_dock()
    dock.area_picker.select_area("pyrenees")
    with open(TARGET, "w", encoding="utf-8") as out:
        json.dump({"locale": QgsApplication.locale(), "dock": dock_texts(dock), "algorithms": algorithm_texts()},
                  out, ensure_ascii=False, indent=1)


def screenshots():
    """The dock over a map of the area, before and after a download (tiles from the test stand-in server)."""
    sys.path.insert(0, ROOT)
    from qgis.core import QgsProject

    from tests.support.qt_wait import wait_for
    from tests.support.wmts_server import StandInWmts

    window = iface.mainWindow()
    window.resize(1400, 900)
    dock = the_dock()
    dock.libraryDir.setFilePath(os.path.join(os.environ["HOME"], "IGN Offline"))  # the throwaway HOME
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("regional")
    dock.area_picker.zoomToButton.click()
    page = dock.download_page
    with StandInWmts() as server:
        page.sourceCombo.setEditText(server.url)
        page.readLayersButton.click()
        wait_for(lambda: page.readLayersButton.isEnabled() and page.layersList.count() == 5)
        page.tick("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
        page.tick("ORTHOIMAGERY.ORTHOPHOTOS")
        page.maxRateSpin.setValue(0)
        page.estimateButton.click()
        wait_for(lambda: not page.runner.busy)
        wait_for(lambda: False, timeout=1)
        dock.scrollContents.grab().save(os.path.join(TARGET, "dock.png"))  # all of it, not just what shows
        page.downloadButton.click()
        wait_for(lambda: not page.runner.busy)
    dock.area_picker.zoom_to_area()
    iface.mapCanvas().refreshAllLayers()
    wait_for(lambda: False, timeout=3)
    window.grab().save(os.path.join(TARGET, "download.png"))
    QgsProject.instance().clear()


def record_python_errors(path):
    """Every Python error QGIS would show (its error dialog, its "Python error" log lines) written to `path`
    instead: nobody answers a dialog under Xvfb."""
    import qgis.utils
    from qgis.core import QgsMessageLog

    def write(text):
        with open(path, "a", encoding="utf-8") as out:
            out.write(text + "\n")

    def shown(type_, value, tb, *args, **kwargs):
        write("".join(traceback.format_exception(type_, value, tb)))

    qgis.utils.showException = shown  # what qgis_excepthook and unloadPlugin call
    sys.excepthook = lambda *info: shown(*info)
    QgsApplication.messageLog().messageReceived.connect(
        lambda message, tag, level: write(tag + ": " + message) if "python" in tag.lower() else None)
    QgsMessageLog.logMessage("recording", "IGN Offline")
    return write


def quit_with_dock_open():
    """The user's quit with the panel open, after a plugin reload with the panel open (issue 21: an
    AttributeError in the dock's `_shown` on each)."""
    import qgis.utils
    from qgis.PyQt.QtWidgets import QApplication

    write = record_python_errors(TARGET)
    the_dock()
    QApplication.processEvents()
    qgis.utils.reloadPlugin("ign_offline")
    QApplication.processEvents()
    the_dock()
    QApplication.processEvents()
    write("quitting")
    iface.actionExit().trigger()


def run():
    if MODE == "quit":
        try:
            quit_with_dock_open()  # QGIS ends by itself
        except Exception:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
        return
    run_then_exit({"strings": strings, "screenshots": screenshots}[MODE])


QTimer.singleShot(1000, run)
