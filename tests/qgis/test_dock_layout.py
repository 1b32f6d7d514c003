"""Issue 30, point 4: the dock fits the docks QGIS users have, 400 to 720 px wide, in French (the longer language).

Every page is reached from the side list without scrolling arrows, and on every page nothing the user reads is cut:
labels, buttons, check boxes, group titles and table headers have the width their text needs."""

import pytest
from qgis.PyQt.QtCore import QRect, Qt
from qgis.PyQt.QtGui import QFontMetrics
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QStyle,
    QStyleOptionGroupBox,
    QTableWidget,
)

WIDTHS = (400, 550, 720)


def _settle(dock, width):
    dock.resize(width, 900)
    for _ in range(5):
        QApplication.processEvents()


def _shown(dock, widget):
    """Shown, on the page in view (the scroll area scrolls up and down: height is not checked)."""
    return widget.isVisibleTo(dock) and widget.width() > 0


def _cut(dock):
    """What is cut on the page in view: (kind, name, text, needed, has)."""
    cut = []
    for label in dock.findChildren(QLabel):
        text = label.text()
        if not _shown(dock, label) or not text or not label.objectName() or Qt.mightBeRichText(text):
            continue
        room = label.contentsRect().width() - 2 * label.margin()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                cut.append(("label (wrapped)", label.objectName(), text, needed, label.height()))
            # a word longer than the label's width cannot wrap
            longest = max((QFontMetrics(label.font()).horizontalAdvance(w) for w in text.split()), default=0)
            if longest > room:
                cut.append(("label (word)", label.objectName(), text, longest, room))
        elif QFontMetrics(label.font()).horizontalAdvance(text) > room:
            cut.append(("label", label.objectName(), text, QFontMetrics(label.font()).horizontalAdvance(text), room))
    for button in dock.findChildren(QAbstractButton):
        if button.property("text_beside"):
            continue  # a check box showing its square, its text in the label beside it (checked as a label)
        if _shown(dock, button) and button.text() and button.width() < button.sizeHint().width():
            cut.append(("button", button.objectName(), button.text(), button.sizeHint().width(), button.width()))
    for group in dock.findChildren(QGroupBox):
        if not _shown(dock, group) or not group.title().strip():
            continue
        option = QStyleOptionGroupBox()
        group.initStyleOption(option)
        room = group.style().subControlRect(QStyle.CC_GroupBox, option, QStyle.SC_GroupBoxLabel, group)
        room = room.intersected(QRect(0, 0, group.width(), group.height())).width()
        needed = group.fontMetrics().horizontalAdvance(group.title().rstrip())
        if room < needed:
            cut.append(("group", group.objectName(), group.title(), needed, room))
    for table in dock.findChildren(QTableWidget):
        if not _shown(dock, table):
            continue
        header = table.horizontalHeader()
        margin = 2 * header.style().pixelMetric(QStyle.PM_HeaderMargin, None, header)
        for column in range(table.columnCount()):
            item = table.horizontalHeaderItem(column)
            if header.isSectionHidden(column) or item is None:
                continue
            needed = QFontMetrics(header.font()).horizontalAdvance(item.text()) + margin
            if header.sectionSize(column) < needed:
                cut.append(("header", table.objectName(), item.text(), needed, header.sectionSize(column)))
    return cut


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_is_reachable_and_nothing_is_cut_in_french(french, dock, width):
    _settle(dock, width)
    assert dock.width() == width, "the dock does not go down to {} px (its minimum: {})".format(
        width, dock.minimumWidth())
    assert not dock.pages.tabBar().isVisible()  # no row of tabs, hence no scrolling arrows
    pages = dock.pageList
    assert pages.count() == dock.pages.count() == 6
    assert pages.verticalScrollBar().maximum() == 0
    viewport = QRect(0, 0, pages.viewport().width(), pages.viewport().height())
    titles = [pages.item(row).toolTip() for row in range(pages.count())]
    assert "Ma bibliothèque" in titles and "Terrain" in titles, titles
    cut = []
    for row in range(pages.count()):
        item = pages.item(row)
        assert viewport.contains(pages.visualItemRect(item)), (titles[row], pages.visualItemRect(item))
        # a click on the icon shows that page, named above it
        pages.setCurrentItem(item)
        _settle(dock, width)
        assert dock.pages.currentIndex() == row
        assert dock.pageTitle.text() == titles[row] == dock.pages.tabText(row)
        assert dock.scrollContents.width() <= dock.scrollArea.viewport().width()  # no sideways scrolling
        cut += [(titles[row],) + shown for shown in _cut(dock)]
    assert not cut, "\n".join(str(shown) for shown in cut)
