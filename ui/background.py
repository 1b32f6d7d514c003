"""Running the provider's algorithms in the background from the dock.

The dock runs the very algorithms of the toolbox and qgis_process, as
QgsProcessingAlgRunnerTasks in the task manager (progress and cancel there).
Task, context and feedback are kept alive here: Python would otherwise free
them while the task runs (qgis/QGIS#38583).
"""

import sys

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices

from ..i18n import reason

# While the dock is open, Python threads hand the GIL over every millisecond instead of every 5 ms. The dock's widgets
# are partly Python (a style, layouts, slots): each time Qt calls into them while a task counts or downloads in a
# Python thread, the GUI thread waits for the GIL up to one switch interval. A repaint makes dozens of such calls:
# at 5 ms each, a France-sized count froze the dock 0.2-0.26 s at a time; at 1 ms, 0.05 s.
RESPONSIVE_SWITCH_INTERVAL = 0.001


class ResponsiveGil:
    """Sets the interpreter's switch interval to RESPONSIVE_SWITCH_INTERVAL while held (never raising it), and puts
    back the value found when released. Process-wide, hence held only while the dock exists; release is idempotent."""

    def __init__(self):
        self.found = None

    def hold(self):
        if self.found is None:
            self.found = sys.getswitchinterval()
            sys.setswitchinterval(min(self.found, RESPONSIVE_SWITCH_INTERVAL))

    def release(self):
        if self.found is not None:
            sys.setswitchinterval(self.found)
            self.found = None


class SignallingFeedback(QgsProcessingFeedback):
    """Feedback whose messages reach the GUI thread as a signal (the algorithm runs elsewhere)."""

    message = pyqtSignal(str, bool)  # text, is_error

    def __init__(self):
        super().__init__()
        self.stopped = False

    def stop(self):
        """The user's Cancel. The algorithm sees it through isCanceled() (Python calls reach this override) and
        stops as for a cancel, but the task itself ends normally: a user's Cancel is not a failed task."""
        self.stopped = True

    def isCanceled(self):  # noqa: N802 (QGIS API name)
        return self.stopped or super().isCanceled()

    def pushInfo(self, text):  # noqa: N802 (QGIS API name)
        super().pushInfo(text)
        self.message.emit(text, False)

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        super().pushWarning(text)
        self.message.emit(text, False)

    def reportError(self, text, fatal=False):  # noqa: N802 (QGIS API name)
        super().reportError(text, fatal)
        self.message.emit(text, True)


class QuietTask(QgsTask):
    """What the task manager shows of a dock's task: the task itself is its subtask (`run_quietly`).

    QGIS tells of every task that ran 5 s or more when it ends, "Task complete" (or "Task failed"), in the message
    bar (and its log) when the desktop has no notifications. The dock says how each of its runs ended, once and
    truthfully, and its reads and counts are no news at all (a user's Cancel even ends a run as a normal end, see
    SignallingFeedback.stop). So the task QGIS tells of is this holder, which starts when its work has ended and ends
    at once: too short to be told. Its progress is its work's; Cancel in the task manager cancels the work."""

    def __init__(self, description, on_cancel=None):
        super().__init__(description)
        self.on_cancel = on_cancel
        self.work = None

    def run(self):
        return True

    def cancel(self):
        """Cancel in the task manager is the user's; QGIS also cancels a holder whose work failed (not a cancel).
        The work is cancelled with its holder (QgsTask.cancel cancels the subtasks); `on_cancel`, when given, is
        told of a user's Cancel."""
        try:
            failed = self.work is None or self.work.status() == QgsTask.Terminated
        except RuntimeError:
            failed = True  # its work has ended and is deleted already: nothing left to cancel
        if not failed and self.on_cancel is not None:
            self.on_cancel()
        super().cancel()


def run_quietly(task, on_cancel=None):
    """`task` in the task manager, held by a QuietTask: the one place the dock adds a task, so that QGIS never
    says "Task complete" of a task of the dock. Returns the holder."""
    holder = QuietTask(task.description(), on_cancel)
    holder.work = task
    holder.addSubTask(task, [], QgsTask.ParentDependsOnSubTask)
    # The holder's progress is its work's (QGIS shows a parent's progress averaged with its own).
    task.progressChanged.connect(holder.setProgress)
    QgsApplication.taskManager().addTask(holder)
    return holder


class AlgorithmRun:
    """One algorithm run in the task manager; `on_done(ok, results)` is called on the GUI thread."""

    def __init__(self, algorithm_id, parameters, on_done, on_progress=None, on_message=None, configuration=None):
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = SignallingFeedback()
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if configuration:  # how it speaks (algorithms.base.IgnOfflineAlgorithm.configuration), kept by its copies
            self.algorithm.configuration = dict(configuration)
        # Processing's checks only: the algorithm's own (its parse) are the task's, off the GUI thread.
        ok, message = self.algorithm.check_without_parsing(parameters, self.context)
        if not ok:
            raise ValueError(message)
        if on_progress is not None:
            self.feedback.progressChanged.connect(on_progress)
        if on_message is not None:
            self.feedback.message.connect(on_message)
        self._on_done = on_done
        self.finished = False
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self.cancelled_in_manager = False
        self.holder = run_quietly(self.task, self._cancelled_in_manager)

    def _executed(self, ok, results):
        self.finished = True
        self._on_done(ok, results)

    def _cancelled_in_manager(self):
        self.cancelled_in_manager = True

    def cancel(self):
        self.feedback.stop()

    @property
    def cancelled(self):
        """Cancelled by the page's Cancel or by the task manager's (not a run that failed: QGIS cancels what is
        left of a failed task, its feedback then says cancelled too)."""
        return self.feedback.stopped or self.cancelled_in_manager


def run_function(description, work, on_result, on_error):
    """`work(task)` in the task manager; then `on_result(value)` or `on_error(message)` on the GUI thread.

    For the dock's short reads (capabilities, cache scan, FTP listing) that
    are not algorithms. Returns the task (cancel it on unload).
    """
    box = {}

    def run(task):
        box["value"] = work(task)
        return True

    def finished(exception, result=None):
        if exception is not None:
            on_error(reason(exception))
        else:
            on_result(box.get("value"))

    task = QgsTask.fromFunction(description, run, on_finished=finished)
    run_quietly(task)
    return task


class LatestRun:
    """run_function for a read, count or measure of which only the latest one started counts.

    Starting one cancels the one before; a superseded run (cancelled, or ended before its cancel arrived) neither
    calls back nor clears the newer run's `task`: its words never overwrite the newer one's. `stop()` supersedes
    the running one with none (the choice changed to one that needs no run, or the page closes)."""

    def __init__(self, description):
        self.description = description
        self.task = None  # the latest run's, until it ends
        self._started = 0

    def start(self, work, on_result, on_error):
        self.stop()
        number = self._started

        def latest(callback):
            def call(value):
                if number == self._started:
                    self.task = None
                    callback(value)
            return call

        self.task = run_function(self.description, work, latest(on_result), latest(on_error))
        return self.task

    def stop(self):
        self._started += 1
        cancel_task(self.task)
        self.task = None


def cancel_task(task):
    """Cancel a task of run_function, which the task manager may already have finished and deleted."""
    if task is not None:
        try:
            task.cancel()
        except RuntimeError:
            pass  # already finished and deleted by the task manager


class BrowserOpener(QObject):
    """Opens a URL in the user's browser from any thread (the OAuth2 sign-in runs in a task)."""

    requested = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.requested.connect(self._open)  # queued to this object's (the GUI) thread when emitted elsewhere
        self.handler = lambda url: QDesktopServices.openUrl(QUrl(url))

    def open(self, url):
        self.requested.emit(url)

    def _open(self, url):
        self.handler(url)
