"""What every page of the dock does with a run: one at a time, a queue of algorithm runs, overall progress, a log
that starts fresh and scrolls, Cancel reported as a cancel, one result in the QGIS message bar.

The algorithms say what happens (their feedback goes to the log); the page adds one summary, in the message bar,
with an "Open folder" button when files were written. Each thing is said once: an error the algorithm reported is
already in the log, so a failure or a cancel goes to the message bar only.
"""

import os

from qgis.core import Qgis
from qgis.gui import QgsMessageBarItem
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QPushButton

from ..core.errors import IgnOfflineError
from ..core.messages import plural
from ..i18n import marked, reason, say, tr
from .background import AlgorithmRun, LatestRun

# The message bar's title, without a colon: the bar adds its own, and so does the message log ("title : text"),
# where a colon in the title would read twice ("IGN Hors ligne : : …").
TITLE = marked("IGN Offline")
SHOWN_SECONDS = 10


def open_folder(folder):
    """The folder in the system's file manager (made first: an empty library is still a place); False when no
    file manager could open it."""
    os.makedirs(folder, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


# The kinds of run the pages name (`what`), and what the message bar says when one is cancelled.
CANCELLED = (
    (marked("The download"), marked("Download cancelled: what is downloaded is kept; run it again to resume.")),
    (marked("The FTP download"),
     marked("FTP download cancelled: what is downloaded is kept; run it again to resume.")),
    (marked("The estimate"), marked("Estimate cancelled.")),
    (marked("The recovery"), marked("Recovery cancelled: what is recovered is kept; run it again to resume.")),
)


def say_not_opened(message_bar, folder):
    message_bar.pushWarning(tr(TITLE), tr("No file manager could open {}: open that folder yourself.").format(folder))


class Job:
    """One algorithm run of a queue: what to run, `label`, what the user calls it (a layer, a product), and
    `area`, the title of the area it covers: the run carries them to the layer it loads ("<label> — <area>")."""

    def __init__(self, algorithm_id, parameters, label="", area="", configuration=None):
        self.algorithm_id = algorithm_id
        self.parameters = parameters
        self.configuration = configuration or {}  # how the run speaks (algorithms.base: FIELDS "dock")
        self.label = label
        self.area = area
        self.error = None  # the last error the run said, when it failed

    def layer_name(self):
        return say("{} — {}", self.label, self.area) if self.area else self.label


class PageRunner:
    def __init__(self, iface, progress_bar, log_view, cancel_button, buttons):
        self.iface = iface
        self.progress_bar = progress_bar
        self.log_view = log_view
        self.cancel_button = cancel_button
        self.buttons = buttons
        self.run = None
        self.jobs = []
        self.index = 0
        self.outcomes = []
        self._batch_errors, self._new_error, self._repeated = set(), False, False
        # The count a run waits for (its large-job question), in the background: one at a time, Cancel drops it.
        self.counting = LatestRun(tr("IGN Offline: count the tiles"))
        cancel_button.setEnabled(False)
        cancel_button.clicked.connect(self.cancel)
        self.opened = open_folder  # replaced by tests

    @property
    def busy(self):
        return (bool(self.jobs) and self.index < len(self.jobs)) or self.counting.task is not None

    # -- the log ---------------------------------------------------------------------------------------------

    def log(self, text, error=False):
        if error and self.busy and self.index < len(self.jobs):
            self.jobs[self.index].error = text  # why this run failed, for the page's summary
        if error and self.busy:
            if text in self._batch_errors:  # an earlier run of this queue said it: once is enough
                if not self._repeated:
                    self.log(tr("(The same error as above.)"))
                self._repeated = True
                return
            self._batch_errors.add(text)
            self._new_error = True
        self.log_view.appendPlainText(("⚠ " if error else "") + text)
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def start_fresh(self):
        self.log_view.clear()
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p%")

    # -- running -----------------------------------------------------------------------------------------------

    def start(self, jobs, on_each, on_all):
        """Run `jobs` one after the other; `on_each(job, ok, results)` after each, `on_all(outcomes, cancelled)` at
        the end. Returns False (and says why in the log) when they cannot start."""
        if self.busy:
            return False
        self.start_fresh()
        if not jobs:
            return False
        self.jobs, self.index, self.outcomes = list(jobs), 0, []
        self._batch_errors = set()
        self._on_each, self._on_all = on_each, on_all
        self._set_busy(True)
        self._next()
        return True

    def count_first(self, work, on_counted, on_failed, at_once=False):
        """What a run waits for (the tiles its large-job question is about) counted in a task, `work(task)`: a
        large polygon's count takes seconds, which on the GUI thread would freeze QGIS. The page is busy meanwhile
        (its run buttons off, Cancel on, the bar busy, the log saying so); then, on the GUI thread,
        `on_counted(value)`, or `on_failed(why)` when the count raised; nothing after Cancel. `at_once`: a count
        that costs nothing (a box's), made here, its errors raised to the caller. False when the page is busy."""
        if self.busy:
            return False
        if at_once:
            on_counted(work(None))
            return True
        self.start_fresh()
        self.log(tr("Counting the tiles before starting…"))
        self.progress_bar.setRange(0, 0)  # busy, for as long as it takes

        def ended(then):
            def end(value):
                self.progress_bar.setRange(0, 100)
                self._set_busy(False)
                then(value)
            return end

        self._set_busy(True)
        self.counting.start(work, ended(on_counted), ended(on_failed))
        return True

    def _next(self):
        job = self.jobs[self.index]
        self._new_error, self._repeated = False, False
        if len(self.jobs) > 1:
            self.log(say("— {} ({} of {}) —", job.label, self.index + 1, len(self.jobs)))
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(tr("%p% (run {} of {})").format(self.index + 1, len(self.jobs)))
        try:
            self.run = AlgorithmRun(job.algorithm_id, job.parameters, self._done, self._progress, self.log,
                                    job.configuration)
        except (ValueError, IgnOfflineError) as exc:
            self.log(reason(exc), error=True)
            self.outcomes.append((job, False, {}))
            self._advance(cancelled=False, failed=True)

    def _progress(self, percent):
        """The run's own percentage, as the task manager shows it; which run of the queue, in the bar's text."""
        self.progress_bar.setValue(int(percent))
        if len(self.jobs) > 1:
            self.progress_bar.setFormat(tr("%p% (run {} of {})").format(self.index + 1, len(self.jobs)))

    def _done(self, ok, results):
        job = self.jobs[self.index]
        cancelled = self.run.cancelled
        self.outcomes.append((job, ok and not cancelled, results or {}))
        if (ok or cancelled) and results:
            self._on_each(job, ok, results)
        self._advance(cancelled, failed=not ok and not cancelled)

    def _advance(self, cancelled, failed=False):
        self.index += 1
        if failed and self._repeated and not self._new_error and self.index < len(self.jobs):
            # The same error twice (a server that does not answer, a folder that takes no files): the other runs
            # would stop on it too, so they are not tried.
            left = len(self.jobs) - self.index
            self.log(say(plural(left, "The last run is not tried: it would stop on the same error.",
                                "The {:,} other runs are not tried: they would stop on the same error.", left)))
            self.outcomes.extend((job, False, {}) for job in self.jobs[self.index:])
            self.index = len(self.jobs)
        if cancelled or self.index >= len(self.jobs):
            total = len(self.jobs)
            self.jobs = []
            self._set_busy(False)
            self._show_end(cancelled, total)
            self._on_all(self.outcomes, cancelled)
        else:
            self._next()

    def _show_end(self, cancelled, total):
        """The bar's last words, true of the whole queue (not of the run it was at): 100 % when every run went
        well, else how many did, or that it was cancelled."""
        done = sum(1 for _, ok, _ in self.outcomes if ok)
        if cancelled:
            self.progress_bar.setFormat(tr("Cancelled"))
        elif done == total:
            self.progress_bar.setValue(100)
            self.progress_bar.setFormat("%p%")
        elif total > 1:
            self.progress_bar.setFormat(say(plural(done, "{:,} run of {:,} done", "{:,} runs of {:,} done",
                                                   done, total)))
        else:
            self.progress_bar.setFormat(tr("Failed"))

    def cancel(self):
        if self.counting.task is not None:  # the count before a run: dropped, and nothing starts
            self.counting.stop()
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setFormat(tr("Cancelled"))
            self._set_busy(False)
            self.log(tr("Cancelled: nothing started."))
        elif self.run is not None and self.busy:
            self.run.cancel()
            self.log(tr("Cancelling…"))

    def _set_busy(self, busy):
        self.cancel_button.setEnabled(busy)
        for button in self.buttons:
            button.setEnabled(not busy)

    # -- the result, in the message bar ----------------------------------------------------------------------

    def report(self, text, level=Qgis.Success, folder=None, logged=True):
        """The run's one summary: in the QGIS message bar (with "Open folder"), and in the log unless `logged` is
        False (what it says is there already)."""
        if logged:
            self.log(text, error=level == Qgis.Critical)
        if folder:
            # Parented at once: the item takes it over, and Python must not delete it when this returns.
            button = QPushButton(tr("Open folder"), self.iface.messageBar())
            button.clicked.connect(lambda: self.opened(folder) or say_not_opened(self.iface.messageBar(), folder))
            item = QgsMessageBarItem(tr(TITLE), text, button, level, SHOWN_SECONDS)
        else:
            item = QgsMessageBarItem(tr(TITLE), text, level, SHOWN_SECONDS)
        self.iface.messageBar().pushItem(item)

    def outcome(self, outcomes, cancelled, what):
        """The results of a one-run queue when it succeeded; else the cancel or failure is reported, and None."""
        job, ok, results = outcomes[-1]
        if cancelled:
            self.report_cancel(what)
        elif not ok:
            self.report_failure(what)
        else:
            return results
        return None

    def report_cancel(self, what):
        # The log says "Cancelling…" (and the algorithm what it kept): the message bar alone says it is over, in a
        # sentence made for the kind of run where there is one ("Download cancelled: …").
        sentence = next((tr(said) for kind, said in CANCELLED if tr(kind) == what), None)
        self.report(sentence or say("Cancelled: {}. What was done is kept: run it again to resume.", what),
                    Qgis.Info, logged=False)

    def report_failure(self, what):
        errors = [line for line in self.log_view.toPlainText().splitlines() if line.startswith("⚠ ")]
        why = errors[-1][2:] if errors else tr("see the IGN Offline panel")
        # the reason is the log's last error line: the message bar says it, the log does not say it again
        self.report(say("{} failed: {}", what, why), Qgis.Critical, logged=not errors)
