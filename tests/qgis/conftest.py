"""Fixtures for tests that run inside headless QGIS (pytest-qgis)."""

import os
import subprocess

import pytest
from qgis.core import QgsApplication, QgsProject

from tests.support.desktop_iface import DesktopIface

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture()
def desktop_iface(qgis_canvas, qgis_processing):
    return DesktopIface(qgis_canvas)


@pytest.fixture()
def provider(qgis_processing):
    """The ign_offline provider registered for one test, removed after it."""
    from ign_offline.algorithms.provider import IgnOfflineProvider

    registry = QgsApplication.processingRegistry()
    instance = IgnOfflineProvider()
    assert registry.addProvider(instance)
    yield instance
    registry.removeProvider(instance)


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def make_process(*args, timeout=300):
    """`make process ARGS=…` in a subprocess, as a user or a batch script runs it."""
    return subprocess.run(
        ["make", "-s", "-C", ROOT, "process", "ARGS=" + " ".join(args)],
        capture_output=True, text=True, timeout=timeout)


@pytest.fixture(autouse=True)
def slot_exceptions(monkeypatch):
    """Exceptions raised in Qt slots fail the test (PyQt would otherwise abort the process)."""
    import sys
    import traceback

    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: caught.append("".join(traceback.format_exception(*info))))
    yield caught
    assert not caught, "exception in a Qt slot:\n" + "\n".join(caught)
