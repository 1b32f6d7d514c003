"""Waiting for the GUI thread's work (tasks, signals) in tests, with the Qt event loop turning."""

import contextlib
import time


def wait_for(condition, timeout=60):
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return condition()


def settle(timeout=60):
    """Until the task manager has no task left and what its tasks handed back to the GUI thread has run (deferred
    calls too): the event to wait for after work started in the background, instead of a fixed time. True then."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    manager = QgsApplication.taskManager()
    QCoreApplication.processEvents()
    ended = wait_for(lambda: manager.countActiveTasks() == 0, timeout)
    QCoreApplication.processEvents()
    return ended


def drawn(canvas, timeout=30):
    """Refresh `canvas` and wait until it has drawn its layers (mapCanvasRefreshed), instead of a fixed time."""
    done = []

    def refreshed():
        done.append(True)

    canvas.mapCanvasRefreshed.connect(refreshed)
    try:
        canvas.refreshAllLayers()
        return wait_for(lambda: done, timeout)
    finally:
        canvas.mapCanvasRefreshed.disconnect(refreshed)


@contextlib.contextmanager
def ended_tasks():
    """[(description, state, elapsed ms)] of every task that completes or ends in failure while the block runs, as
    QGIS sees them when it decides to tell "Task complete" (a top-level task that ran 5 s or more)."""
    from qgis.core import QgsApplication, QgsTask

    manager = QgsApplication.taskManager()
    ended = []

    def status(task_id, state):
        task = manager.task(task_id)
        if state in (QgsTask.Complete, QgsTask.Terminated) and task is not None:
            ended.append((task.description(), state, task.elapsedTime()))

    manager.statusChanged.connect(status)
    try:
        yield ended
    finally:
        manager.statusChanged.disconnect(status)
