"""Waiting for the GUI thread's work (tasks, signals) in tests, with the Qt event loop turning."""

import time


def wait_for(condition, timeout=60):
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return condition()
