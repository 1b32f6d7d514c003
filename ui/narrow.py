"""What lets the dock's forms give way in a narrow dock (400 px in French): rows of buttons that wrap onto the next
line, check boxes whose long text wraps, columns as wide as their headers and contents with one that takes what is
left. Applied to the forms as they are (`fit`), so that the .ui files stay simple rows."""

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QProxyStyle,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QStyleOptionComboBox,
    QTableWidget,
    QToolTip,
    QWidget,
)


class FlowLayout(QLayout):
    """Widgets left to right, on as many lines as the width needs (Qt's flow layout example)."""

    def __init__(self, parent=None, spacing=6):
        super().__init__(parent)
        self.items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):  # noqa: N802 (Qt API name)
        self.items.append(item)

    def count(self):
        return len(self.items)

    def itemAt(self, index):  # noqa: N802 (Qt API name)
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index):  # noqa: N802 (Qt API name)
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def expandingDirections(self):  # noqa: N802 (Qt API name)
        return Qt.Orientations(Qt.Orientation(0))

    def hasHeightForWidth(self):  # noqa: N802 (Qt API name)
        return True

    def heightForWidth(self, width):  # noqa: N802 (Qt API name)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect):  # noqa: N802 (Qt API name)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self):  # noqa: N802 (Qt API name)
        """All on one line, when there is room."""
        shown = [item for item in self.items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height)

    def minimumSize(self):  # noqa: N802 (Qt API name)
        """The widest item alone on its line."""
        size = QSize()
        for item in self.items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect, move):
        """Items on lines at their preferred widths; what a line leaves is shared by its items that expand (a
        choice or a text field takes the room beside its button). Returns the height used."""
        y = rect.y()
        for line in self._lines(rect.width()):
            widths = self._widths(line, rect.width())
            heights = [item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                       for item, w in zip(line, widths)]
            x = rect.x()
            for item, width, height in zip(line, widths, heights):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self.spacing()
            y += max(heights) + self.spacing()
        return max(0, y - self.spacing() - rect.y())

    def _lines(self, width):
        lines, used = [], 0
        shown = [item for item in self.items if not item.isEmpty()]
        for index, item in enumerate(shown):
            hint = needed = self._wanted(item)
            following = shown[index + 1] if index + 1 < len(shown) else None
            if isinstance(item.widget(), QLabel) and following is not None:
                needed += self.spacing() + self._wanted(following)  # a label goes to the next line with its field
            if not lines or used + self.spacing() + needed > width:
                lines.append([])
                used = hint
            else:
                used += self.spacing() + hint
            lines[-1].append(item)
        return lines

    @staticmethod
    def _wanted(item):
        """A choice that expands wants its current text whole: it takes a line of its own rather than share one
        and be elided (its size hint is small, so that a long text never widens the dock)."""
        hint = item.sizeHint().width()
        widget = item.widget()
        if isinstance(widget, QComboBox) and item.expandingDirections() & Qt.Horizontal:
            return max(hint, whole_width(widget))
        return hint

    def _widths(self, line, width):
        widths = [min(self._wanted(item), width) for item in line]
        growing = [i for i, item in enumerate(line) if item.expandingDirections() & Qt.Horizontal]
        left = width - sum(widths) - self.spacing() * (len(line) - 1)
        while left > 0 and growing:
            share = max(1, left // len(growing))
            for i in list(growing):
                grown = min(widths[i] + share, line[i].maximumSize().width(), widths[i] + left)
                left -= grown - widths[i]
                if grown < widths[i] + share:
                    growing.remove(i)  # at its maximum
                widths[i] = grown
        return widths


class CheckText(QLabel):
    """The text of a check box, shown beside its box where it can wrap; a click on it ticks the box. The box keeps
    its text (what screen readers and tests read) and shows only its square."""

    def __init__(self, check):
        super().__init__(check.text())
        self.check = check
        self.setObjectName(check.objectName() + "Text")
        self.setWordWrap(True)
        self.setToolTip(check.toolTip())
        self.setEnabled(check.isEnabled())
        check.installEventFilter(self)

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt API name)
        if self.check.isEnabled() and event.button() == Qt.LeftButton:
            self.check.click()
        super().mouseReleaseEvent(event)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt API name)
        """The text greys out, hides and shows with its box."""
        if event.type() == QEvent.EnabledChange:
            self.setEnabled(watched.isEnabled())
        elif event.type() in (QEvent.ShowToParent, QEvent.HideToParent):
            self.setVisible(not watched.isHidden())
        return False


class CheckRow(QWidget):
    """A check box and its wrapping text."""


def wrap_long_check_boxes(root, width):
    """A check box wider than `width` shows its text in a wrapping label beside its box."""
    for check in root.findChildren(QCheckBox):
        if not check.text() or check.sizeHint().width() <= width:
            continue
        parent = check.parentWidget()
        found = _find(parent.layout(), check) if parent is not None and parent.layout() is not None else None
        if found is None:
            continue
        holder = CheckRow(parent)
        holder.setObjectName(check.objectName() + "Row")
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        found[0].replaceWidget(check, holder)
        box = check.style().pixelMetric(QStyle.PM_IndicatorWidth, None, check)
        check.setFixedWidth(box + 2)  # the square only: its text is the label's
        check.setProperty("text_beside", True)
        text = CheckText(check)
        text.setVisible(not check.isHidden())
        row.addWidget(check, 0, Qt.AlignTop)
        row.addWidget(text, 1)


# What a row that wraps may hold: short things side by side (not lists, tables or text areas, which take a line).
SMALL = (QAbstractButton, QComboBox, QAbstractSpinBox, QLabel, QLineEdit, CheckRow, QgsAuthConfigSelect)


def _flowing(widgets, name):
    holder = QWidget()
    holder.setObjectName(name)
    flow = FlowLayout(holder)
    for widget in widgets:
        flow.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


def flow_rows(root):
    """Rows of short things side by side wrap onto the next line when the dock is narrow: each row of a box
    layout, and each row of a grid, becomes a flow layout (a label stays before its field when there is room)."""
    for row in root.findChildren(QHBoxLayout):
        widgets = [row.itemAt(i).widget() for i in range(row.count()) if row.itemAt(i).widget() is not None]
        parent = row.parent()
        if len(widgets) < 2 or not all(isinstance(w, SMALL) for w in widgets) or \
                not isinstance(parent, (QBoxLayout, QGridLayout)):
            continue
        index = next(i for i in range(parent.count()) if parent.itemAt(i).layout() is row)
        for widget in widgets:
            row.removeWidget(widget)
        holder = _flowing(widgets, row.objectName())
        if isinstance(parent, QGridLayout):
            cell = parent.getItemPosition(index)
            parent.takeAt(index)
            parent.addWidget(holder, *cell)
        else:
            parent.takeAt(index)
            parent.insertWidget(index, holder)
        row.deleteLater()
    for grid in root.findChildren(QGridLayout):
        _flow_grid(grid)


def _flow_grid(grid):
    columns = grid.columnCount()
    if columns < 2:
        return
    cells = {}
    for index in range(grid.count()):
        row, column, _, span = grid.getItemPosition(index)
        cells.setdefault(row, []).append((column, span, grid.itemAt(index)))
    for row, items in cells.items():
        widgets = [item.widget() for _, _, item in sorted(items, key=lambda cell: cell[0])]
        if len(items) < 2 or any(w is None or not isinstance(w, SMALL) for w in widgets):
            continue
        for widget in widgets:
            grid.removeWidget(widget)
        grid.addWidget(_flowing(widgets, "{}Row{}".format(grid.objectName(), row)), row, 0, 1, columns)


def _find(layout, widget):
    """(the layout holding `widget`, its index) among `layout` and its inner layouts."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget:
            return layout, index
        if item.layout() is not None:
            found = _find(item.layout(), widget)
            if found is not None:
                return found
    return None


def widen_fields(root, style):
    """Choices and text fields take the width their row leaves (the sign-in choice's inner list too), and a long
    choice never makes the dock wider: it shows as much as fits, elided in the middle by `style` (an address keeps
    its host and its end), whole in its tooltip."""
    for combo in root.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        # Qt keeps the minimum size it measured under the former policy (the longest choice): said outright.
        combo.setMinimumWidth(combo.sizeHint().width())
        combo.setStyle(style)
        FullTextTip(combo)
    for widget in root.findChildren(QComboBox) + root.findChildren(QLineEdit) + \
            root.findChildren(QgsAuthConfigSelect):
        policy = widget.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Expanding)
        widget.setSizePolicy(policy)


def shown_text_room(combo, width=None):
    """The width a choice shows its current text in, beside its icon (what the style's label is drawn in, or the
    text field of an editable choice), at its width or at `width`."""
    option = QStyleOptionComboBox()  # what QComboBox.initStyleOption gives (protected: out of PyQt's reach)
    option.initFrom(combo)
    option.frame = combo.hasFrame()
    option.editable = combo.isEditable()
    if width is not None:
        option.rect = QRect(0, 0, width, combo.height())
    room = combo.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, combo).width()
    if combo.isEditable():
        margins = combo.lineEdit().textMargins()
        return room - margins.left() - margins.right() - 4  # QLineEdit's own margin: 2 each side
    if not combo.itemIcon(combo.currentIndex()).isNull():
        room -= combo.iconSize().width() + 4
    return room


def whole_width(combo):
    """The width that shows a choice's current text whole."""
    chrome = 1000 - shown_text_room(combo, 1000)
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) + chrome + 2


class FullTextTip(QObject):
    """A choice whose current text does not fit shows it whole in its tooltip, under its own explanation."""

    def __init__(self, combo):
        super().__init__(combo)
        combo.installEventFilter(self)
        combo.currentTextChanged.connect(combo.updateGeometry)  # its row may flow otherwise (see FlowLayout)

    def eventFilter(self, combo, event):  # noqa: N802 (Qt API name)
        if event.type() != QEvent.ToolTip:
            return False
        text = combo.currentText()
        if not text or combo.fontMetrics().horizontalAdvance(text) <= shown_text_room(combo):
            return False
        QToolTip.showText(event.globalPos(), "\n\n".join(filter(None, (combo.toolTip(), text))), combo)
        return True


class TitleRoom(QProxyStyle):
    """The application's style, but a group's title is given the width of its text (Fusion measures it a few
    pixels short, and clips the last letter), and a choice's long text is elided in the middle."""

    def subControlRect(self, control, option, sub, widget=None):  # noqa: N802 (Qt API name)
        rect = super().subControlRect(control, option, sub, widget)
        if control == QStyle.CC_GroupBox and sub == QStyle.SC_GroupBoxLabel and option.text:
            rect.setWidth(max(rect.width(), option.fontMetrics.horizontalAdvance(option.text) + 2))
        return rect

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 (Qt API name)
        """A choice's text too long for its box is elided in the middle (Qt cuts its end: a server's address
        then showed neither its end nor, once scrolled, its host)."""
        if element == QStyle.CE_ComboBoxLabel and isinstance(widget, QComboBox):
            # Qt gives this element a combo box's option; sip may wrap it as the last option seen at that address
            option = QStyleOptionComboBox(sip.cast(sip.cast(option, QStyleOption), QStyleOptionComboBox))
            room = shown_text_room(widget)
            if not option.editable and option.fontMetrics.horizontalAdvance(option.currentText) > room:
                option.currentText = option.fontMetrics.elidedText(option.currentText, Qt.ElideMiddle, room)
        super().drawControl(element, option, painter, widget)


def fit_columns(table):
    """Columns that give way: each as wide as its header and contents, and the one the page made elastic (the
    name of the row: a layer, a product) takes what is left, down to its header's width; a name too long for it is
    elided, whole in its tooltip. The table scrolls sideways only when even the headers do not fit."""
    header = table.horizontalHeader()
    elastic = next((column for column in range(table.columnCount())
                    if header.sectionResizeMode(column) == QHeaderView.Stretch), 0)
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.Interactive if column == elastic else
                                    QHeaderView.ResizeToContents)
    table.setTextElideMode(Qt.ElideRight)
    table.setWordWrap(False)
    ElasticColumn(table, elastic)


class ElasticColumn(QObject):
    """The elastic column takes the width the others leave, never less than its header's text (measured with the
    font the header shows, only known once it is polished): what Stretch does, with a floor for that column only
    (QHeaderView's minimum section size would widen every column)."""

    def __init__(self, table, column):
        super().__init__(table)
        self.table, self.column = table, column
        self.header = table.horizontalHeader()
        self.header.setMinimumSectionSize(self.header.fontMetrics().horizontalAdvance("…") + 8)
        table.viewport().installEventFilter(self)
        self.header.installEventFilter(self)
        self.header.sectionResized.connect(self._resized)
        self.fit()

    def floor(self):
        text = self.table.model().headerData(self.column, Qt.Horizontal)
        margin = 2 * self.header.style().pixelMetric(QStyle.PM_HeaderMargin, None, self.header)
        return self.header.fontMetrics().horizontalAdvance(str(text or "")) + margin + 4

    def fit(self):
        others = sum(self.header.sectionSize(c) for c in range(self.header.count())
                     if c != self.column and not self.header.isSectionHidden(c))
        self.header.resizeSection(self.column, max(self.floor(), self.table.viewport().width() - others))

    def _resized(self, column, *_):
        if column != self.column:
            self.fit()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt API name)
        if event.type() in (QEvent.Resize, QEvent.Show, QEvent.Polish, QEvent.FontChange, QEvent.StyleChange):
            self.fit()
        return False


def fit_tables(root):
    for table in root.findChildren(QTableWidget):
        fit_columns(table)
