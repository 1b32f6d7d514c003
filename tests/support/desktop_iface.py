"""A QgisInterface stand-in that keeps what QGIS's main window keeps.

pytest-qgis's mock forgets docks, menus and toolbars; this one really adds
them to a QMainWindow, so a test can see what a plugin leaves behind after
unload. It needs only qgis (no pytest), so a subprocess can use it too.
"""

from qgis.core import QgsApplication
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QToolBar


class DesktopIface:
    def __init__(self, canvas=None):
        self.window = QMainWindow()
        self.canvas = canvas or QgsMapCanvas(self.window)
        self.plugin_menu = self.window.menuBar().addMenu("&Plugins")
        self.message_bar = QgsMessageBar(self.window)

    def messageBar(self):  # noqa: N802
        return self.message_bar

    def mainWindow(self):  # noqa: N802
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)

    def addToolBar(self, name):  # noqa: N802
        toolbar = QToolBar(name, self.window)
        self.window.addToolBar(toolbar)
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
        """Everything a plugin may have left in the window, after pending deletions."""
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        return {
            "docks": [d.objectName() for d in self.window.findChildren(QDockWidget) if d.objectName()],
            "toolbars": [t.objectName() for t in self.window.findChildren(QToolBar) if t.objectName()],
            "menus": [a.text() for a in self.plugin_menu.actions()],
            "providers": [p.id() for p in QgsApplication.processingRegistry().providers()
                          if p.id() == "ign_offline"],
        }
