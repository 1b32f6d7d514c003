"""The area picker's counts: the tiles of what is picked, zoom by zoom and in all, at once or in a task."""

from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtWidgets import QTableWidgetItem

from ..core.errors import IgnOfflineError
from ..core.tiles import areas, coverage
from ..i18n import reason, tr
from .background import LatestRun

# Counts costing more than this (coverage.count_cost: a polygon's points and columns, zoom by zoom; some tenths of
# a second) are made in a task: a large polygon's would freeze QGIS for seconds, a world-sized one for minutes.
QUICK_COUNT = 300 * 1000


class TileCounts:
    """Mixed into the AreaPicker: its form's `countsTable`, `totalLabel` and `areaBoundsLabel`, its
    `current_area()`, `zoom_range()` and `selectionChanged`."""

    def _start_counts(self):
        """The count's run: only the latest one's result is shown (`stop()` on cleanup)."""
        self.counting = LatestRun(tr("IGN Offline: count the tiles"))

    def _update_counts(self):
        """The counts of what is picked: at once for a box or a small polygon; in a task, zoom by zoom and only up
        to the large-job limit, for a polygon whose count would freeze QGIS (busy meanwhile)."""
        self.counting.stop()
        self.countsTable.setRowCount(0)
        self.countsTable.unsetCursor()
        try:
            area = self.current_area()
            zooms = self.zoom_range()
            quick = coverage.count_cost(area, *zooms) <= QUICK_COUNT
            counted = (coverage.area_counts(area, *zooms), True) if quick else None
        except IgnOfflineError as exc:
            self.areaBoundsLabel.setText("")
            self.totalLabel.setText(reason(exc))
            self.selectionChanged.emit()
            return
        locale = QLocale()
        locale.setNumberOptions(QLocale.DefaultNumberOptions)  # "5 022": QGIS's default locale omits the grouping
        self.areaBoundsLabel.setText(tr("Longitude {}° to {}°, latitude {}° to {}°").format(
            *(locale.toString(value, "f", 2) for value in (area.west, area.east, area.south, area.north))))
        if counted is not None:
            self._show_counts(*counted)
        else:
            self._count_in_background(area, zooms)
        self.selectionChanged.emit()

    def _count_in_background(self, area, zooms):
        def counted(found):
            if found is not None:
                self._show_counts(found[0], found[2])

        def failed(message):
            self.countsTable.unsetCursor()
            self.totalLabel.setText(message)

        self.countsTable.setCursor(Qt.BusyCursor)
        self.totalLabel.setText(tr("Counting the tiles of {}…").format(area.title))
        self.counting.start(
            lambda task: coverage.counts_until(area.polygons, *zooms, areas.LARGE_JOB_TILES, task.isCanceled),
            counted, failed)

    def _show_counts(self, counts, exact):
        """Each zoom's count; `exact` False: the counting stopped past the large-job limit (the zooms shown)."""
        locale = QLocale()
        locale.setNumberOptions(QLocale.DefaultNumberOptions)  # "5 022": QGIS's default locale omits the grouping
        self.countsTable.unsetCursor()
        self.countsTable.setRowCount(len(counts))
        for row, (zoom, count) in enumerate(counts.items()):
            self.countsTable.setItem(row, 0, QTableWidgetItem(str(zoom)))
            self.countsTable.setItem(row, 1, QTableWidgetItem(locale.toString(float(count), "f", 0)))
        if exact:
            self.totalLabel.setText(tr("Total: {} tiles per layer").format(
                locale.toString(float(sum(counts.values())), "f", 0)))
        else:
            self.totalLabel.setText(tr("Total: over {} tiles per layer, a very large job (counting stopped there: "
                                       "reduce the area or the zooms).").format(
                locale.toString(float(areas.LARGE_JOB_TILES), "f", 0)))
