"""Waiting for the GUI thread's work (tasks, signals) in tests, with the Qt event loop turning."""

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
