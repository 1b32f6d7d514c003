"""The QGIS plugin object: registers the provider, the dock and its actions.

initGui registers, unload removes every one of those things in reverse; the
constructor touches nothing, because qgis_process builds the plugin with no
GUI and only calls initProcessing.
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt

from . import i18n
from .algorithms.provider import IgnOfflineProvider
from .resources import icon
from .toolbelt.fonts import register_fonts, unregister_fonts

MENU = "&IGN Offline"


class IgnOfflinePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.dock = None
        self.toolbar = None
        self.action = None
        self.startup_refresh = None

    @staticmethod
    def tr(text):
        return i18n.tr(text)

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        # Here too, not only in initGui: qgis_process renders styled vector tiles with no GUI.
        register_fonts()
        if self.provider is None:
            self.provider = IgnOfflineProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API name)
        from .ui.dock import IgnOfflineDock
        from .ui.startup_refresh import StartupRefresh

        self.initProcessing()

        self.dock = IgnOfflineDock(self.iface)
        self.dock.setObjectName("IgnOfflineDock")
        self.dock.hide()
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)

        # The dock's own toggle action tracks its visibility (closing the dock
        # with its title-bar button unchecks the toolbar button too).
        self.action = self.dock.toggleViewAction()
        self.action.setIcon(icon("icon.svg"))
        self.action.setText(self.tr("IGN Offline"))
        self.action.setToolTip(self.tr("Show or hide the IGN Offline panel"))
        self.iface.addPluginToMenu(MENU, self.action)

        self.toolbar = self.iface.addToolBar(self.tr("IGN Offline"))
        self.toolbar.setObjectName("IgnOfflineToolbar")
        self.toolbar.addAction(self.action)

        # The library's refresh when due, with the user's consent only, in the background once QGIS has started.
        self.startup_refresh = StartupRefresh(self.dock)
        self.startup_refresh.start()

    def unload(self):
        if self.startup_refresh is not None:
            self.startup_refresh.stop()
            self.startup_refresh = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.action is not None:
            self.iface.removePluginMenu(MENU, self.action)
            self.action = None
        if self.dock is not None:
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        unregister_fonts()
        i18n.remove()  # installed by classFactory, which a reload calls again
