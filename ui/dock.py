"""The "IGN Offline" dock, read top to bottom: where (the area), how detailed (zoom levels), where the files go
(the library folder), then what (one tab per kind of source: Géoplateforme layers, FTP products, IGN datasets,
the QGIS cache) and what I have (the library).

The area and zooms (the area picker, `area_picker.py`) stay visible above the tabs, which read them through its
`current_area()`, `area_parameters()` and `zoom_range()`.
"""

import os

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QEvent, QObject, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QListWidgetItem,
)

from ..core.library import jobs as library
from ..i18n import tr
from . import narrow, settings
from .area_picker import AreaPicker
from .background import ResponsiveGil
from .cache_page import CachePage
from .datasets_page import DatasetsPage
from .download_page import DownloadPage
from .field_page import FieldPage
from .ftp_page import FtpPage
from .library_page import LibraryPage
from .page import LibraryFolder
from .runner import open_folder, say_not_opened

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "dock.ui"))
# The widest a check box's text may be on one line: what a 400 px dock leaves beside the box (else it wraps).
NARROW_TEXT = 240
DEFAULT_WIDTH = 720  # the widest of the docks QGIS users have (400-720 px): the default when there is room


class IgnOfflineDock(QDockWidget, FORM_CLASS):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.gil = ResponsiveGil()  # held once the dock is built: a construction that fails leaves Python as it was
        self.libraryDir.setStorageMode(QgsFileWidget.GetDirectory)
        self.libraryDir.setFilePath(library.DEFAULT_LIBRARY)
        self.library = LibraryFolder(self.libraryDir, library.DEFAULT_LIBRARY)
        self.area_picker = AreaPicker(iface.mapCanvas(), self.library_folder, self.scrollContents)
        self.scrollLayout.insertWidget(0, self.area_picker)  # first: where, and how detailed

        self.download_page = DownloadPage(self.area_picker, self.library, iface)
        self._add_page(self.download_page, tr("Géoplateforme layers"), "/mIconWms.svg")
        self.ftp_page = FtpPage(self.area_picker, self.library, iface)
        self._add_page(self.ftp_page, tr("Orthophotos, MNS (FTP)"), "/mIconRasterLayer.svg")
        self.datasets_page = DatasetsPage(self.area_picker, self.library, iface)
        self._add_page(self.datasets_page, tr("IGN datasets"), "/mIconZip.svg")
        self.cache_page = CachePage(self.area_picker, self.library, iface)
        self._add_page(self.cache_page, tr("QGIS cache"), "/propertyicons/network_and_proxy.svg")
        self.library_page = LibraryPage(self.area_picker, self.library, iface)
        self._add_page(self.library_page, tr("My library"), "/mIconFolder.svg")
        self.field_page = FieldPage(self.area_picker, self.library, iface)
        self._add_page(self.field_page, tr("Field"), "/mActionSharingExport.svg")
        # What one page takes from another, given here: the pages know nothing of the dock.
        self.datasets_page.use_plan(self.library_page.plan_path, self.library_page.show_plan_file)
        self.library_page.take_layers_from(self.download_page)
        self._side_list()

        self._fit_narrow_dock()
        self.wheel_guard = WheelToScroll(self.scrollArea)
        for widget in self.findChildren(QComboBox) + self.findChildren(QAbstractSpinBox):
            self.wheel_guard.guard(widget)

        settings.remember(self.libraryDir, settings.LIBRARY)
        settings.remember(self.pages, settings.PAGE)
        self.openFolderButton.clicked.connect(self.open_library)
        self.opened = open_folder  # replaced by tests
        self.visibilityChanged.connect(self._shown)

        # Once the pages follow the picker: they see its first counts as any later change.
        self.area_picker.refresh()
        self.gil.hold()  # the dock stays responsive while its tasks run Python (ui/background.py)

    def _add_page(self, page, title, icon):
        """A page: in the stack (a tab widget whose tabs are hidden: it keeps the tab API the settings and tests
        use), and its icon in the side list, named by its tooltip and by the title above the page."""
        self.pages.addTab(page, title)
        item = QListWidgetItem(QgsApplication.getThemeIcon(icon), "")
        item.setSizeHint(QSize(self.pageList.iconSize().width() + 12, self.pageList.iconSize().height() + 10))
        item.setToolTip(title)
        item.setData(Qt.AccessibleTextRole, title)
        self.pageList.addItem(item)

    def _side_list(self):
        """The pages are chosen from a column of icons at the dock's left edge, as in QGIS's own Layer Styling
        panel: six tabs in a row do not fit a dock of 400-720 px (French titles are long), a column of icons fits
        any width, and its titles are in the tooltips and above the page shown."""
        self.pages.tabBar().hide()
        self.pageList.setFixedWidth(self.pageList.iconSize().width() + 12)
        self.pageList.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.pages.currentChanged.connect(self._page_shown)
        font = self.pageTitle.font()
        font.setBold(True)
        self.pageTitle.setFont(font)
        self._page_shown(self.pages.currentIndex())

    def _page_shown(self, index):
        self.pageList.setCurrentRow(index)
        self.pageTitle.setText(self.pages.tabText(index) if index >= 0 else "")

    def _fit_narrow_dock(self):
        """A dock is narrow: long choices and texts wrap or elide rather than widen it (it scrolls up and down)."""
        for label in self.findChildren(QLabel):
            if label.objectName():
                label.setWordWrap(True)
        # Fusion gives a group's title a few pixels less than its text: its last letter was cut off.
        self.title_style = narrow.TitleRoom()
        self.title_style.setParent(self)
        for group in self.findChildren(QGroupBox):
            group.setStyle(self.title_style)
        narrow.widen_fields(self.scrollContents, self.title_style)
        for index in range(self.pages.count()):  # the scroll area's margins are the pages' own
            self.pages.widget(index).layout().setContentsMargins(0, 0, 0, 0)
        narrow.fit_tables(self)
        narrow.wrap_long_check_boxes(self, NARROW_TEXT)
        narrow.flow_rows(self)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._fit_width()

    def _fit_width(self):
        """As narrow as the forms can be once their rows wrap (nothing cut: the dock never gets narrower); measured
        again once shown, with the fonts the style gives."""
        self.scrollContents.layout().activate()
        self.setMinimumWidth(self.pageList.width() + self.scrollContents.minimumSizeHint().width()
                             + self.scrollArea.verticalScrollBar().sizeHint().width())

    def sizeHint(self):  # noqa: N802 (Qt API name)
        """Wide enough for the forms on one line each where it can be, within what docks are given (720 px)."""
        hint = super().sizeHint()
        wanted = self.pageList.width() + self.scrollContents.sizeHint().width() + \
            self.scrollArea.verticalScrollBar().sizeHint().width()
        return QSize(max(self.minimumWidth(), min(DEFAULT_WIDTH, wanted)), hint.height())

    def showEvent(self, event):  # noqa: N802 (Qt API name)
        super().showEvent(event)
        self._fit_width()

    def open_library(self):
        folder = self.library_folder()
        if not self.opened(folder):
            say_not_opened(self.iface.messageBar(), folder)

    def library_folder(self):
        return self.library.path()

    def _shown(self, visible):
        """Outlines and footprints only while the dock is shown."""
        self.area_picker.set_shown(visible)
        self.ftp_page.set_footprints_shown(visible)

    def cleanup(self):
        """Undo what the dock did to the canvas (called by the plugin's unload). Safe to call twice.

        The visibility signal goes first: removing the dock from the window hides it, and a hidden dock must not
        reach a picker whose canvas items are already gone."""
        try:
            self.visibilityChanged.disconnect(self._shown)
        except (RuntimeError, TypeError):
            return  # cleaned up already
        try:
            for page in (self.download_page, self.cache_page, self.ftp_page, self.datasets_page, self.library_page,
                         self.field_page):
                page.cleanup()
            self.area_picker.cleanup()
        finally:
            self.gil.release()  # whatever a page did: Python's switch interval is the process's, not the dock's


class WheelToScroll(QObject):
    """The wheel over a choice or a number the user is not editing scrolls the dock, as over the rest of it: it
    does not change the value under the pointer while the user only meant to scroll (click it first to edit)."""

    def __init__(self, scroll_area):
        super().__init__(scroll_area)
        self.scroll_area = scroll_area

    def guard(self, widget):
        widget.setFocusPolicy(Qt.StrongFocus)  # the wheel alone no longer gives it the focus
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt API name)
        if event.type() == QEvent.Wheel and not watched.hasFocus():
            QApplication.sendEvent(self.scroll_area.verticalScrollBar(), event)
            return True
        return False
