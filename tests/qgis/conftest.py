"""Fixtures for tests that run inside headless QGIS (pytest-qgis)."""

import os
import subprocess

import pytest
from pytest_qgis.mock_qgis_classes import MockMessageBar
from pytest_qgis.qgis_interface import QgisInterface
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class DesktopIface(QgisInterface):
    """pytest-qgis's iface, plus the main-window bookkeeping real QGIS does.

    The stock mock forgets docks, menus and toolbars; this one really adds
    them to a QMainWindow so a test can see what a plugin leaves behind.
    """

    def __init__(self, canvas):
        super().__init__(canvas, MockMessageBar(), QMainWindow())
        self.plugin_menu = self._mainWindow.menuBar().addMenu("&Plugins")

    def addDockWidget(self, area, dock):  # noqa: N802
        self._mainWindow.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self._mainWindow.removeDockWidget(dock)

    def addToolBar(self, name):  # noqa: N802
        toolbar = QToolBar(name, self._mainWindow)
        self._mainWindow.addToolBar(toolbar)
        return toolbar

    def _submenu(self, name):
        for action in self.plugin_menu.actions():
            if action.menu() is not None and action.text() == name:
                return action.menu()
        return None

    def addPluginToMenu(self, name, action):  # noqa: N802
        submenu = self._submenu(name) or self.plugin_menu.addMenu(name)
        submenu.addAction(action)

    def removePluginMenu(self, name, action):  # noqa: N802
        submenu = self._submenu(name)
        if submenu is not None:
            submenu.removeAction(action)
            if not submenu.actions():  # QGIS drops an emptied plugin sub-menu
                self.plugin_menu.removeAction(submenu.menuAction())
                submenu.deleteLater()

    def leftovers(self):
        """Everything IGN Offline may have left in the window, after pending deletions."""
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        window = self._mainWindow
        return {
            "docks": [d.objectName() for d in window.findChildren(QDockWidgetType()) if d.objectName()],
            "toolbars": [t.objectName() for t in window.findChildren(QToolBar) if t.objectName()],
            "menus": [a.text() for a in self.plugin_menu.actions()],
            "providers": [p.id() for p in QgsApplication.processingRegistry().providers() if p.id() == "ign_offline"],
        }


def QDockWidgetType():  # noqa: N802
    from qgis.PyQt.QtWidgets import QDockWidget
    return QDockWidget


@pytest.fixture()
def desktop_iface(qgis_canvas, qgis_processing):
    iface = DesktopIface(qgis_canvas)
    yield iface
    QgsProject.instance().layersAdded.disconnect(iface.addLayers)
    QgsProject.instance().removeAll.disconnect(iface.removeAllLayers)


@pytest.fixture()
def provider(qgis_processing):
    """The ign_offline provider registered for one test, removed after it."""
    from ign_offline.algorithms.provider import IgnOfflineProvider

    registry = QgsApplication.processingRegistry()
    instance = IgnOfflineProvider()
    assert registry.addProvider(instance)
    yield instance
    registry.removeProvider(instance)


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def make_process(*args, timeout=300):
    """`make process ARGS=…` in a subprocess, as a user or a batch script runs it."""
    return subprocess.run(
        ["make", "-s", "-C", ROOT, "process", "ARGS=" + " ".join(args)],
        capture_output=True, text=True, timeout=timeout)
