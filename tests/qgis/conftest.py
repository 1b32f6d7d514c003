"""Fixtures for tests that run inside headless QGIS (pytest-qgis)."""

import os
import subprocess

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from tests.support.desktop_iface import DesktopIface
from tests.support.qt_wait import settle

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture()
def desktop_iface(qgis_canvas, qgis_processing):
    return DesktopIface(qgis_canvas)


@pytest.fixture()
def dock(desktop_iface, project):
    """The IGN Offline dock, shown, on a Web Mercator canvas; cleaned up after the test."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from ign_offline.ui.dock import IgnOfflineDock

    canvas = desktop_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(-20000, -20000, 20000, 20000))
    widget = IgnOfflineDock(desktop_iface)
    widget.show()
    yield widget
    widget.cleanup()
    widget.deleteLater()


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
def processing(provider):
    """QGIS's `processing` module, with the ign_offline provider registered for the test."""
    import processing as qgis_processing

    return qgis_processing


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture()
def basic_auth():
    """store(name, username, password) → id of a Basic configuration in the QGIS auth database, removed after."""
    from qgis.core import QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test master password", True)
    stored = []

    def store(name, username, password):
        config = QgsAuthMethodConfig("Basic")
        config.setName(name)
        config.setConfig("username", username)
        config.setConfig("password", password)
        assert manager.storeAuthenticationConfig(config)[0]
        stored.append(config.id())
        return config.id()

    yield store
    for config_id in stored:
        manager.removeAuthenticationConfig(config_id)


# `make process` as the tests run it: without remaking its `setup` (-o), which `make test` has made first. Remade
# from a test, it would empty ext_libs/ or web_libs/ and fill them again (pip, npm) while the tests beside it run
# qgis_process or Chromium from them.
MAKE_PROCESS = ["make", "-s", "-C", ROOT, "-o", "setup", "process"]


def make_process(*args, timeout=300):
    """`make process ARGS=…` in a subprocess, as a user or a batch script runs it."""
    return subprocess.run(MAKE_PROCESS + ["ARGS=" + " ".join(args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(autouse=True)
def slot_exceptions(monkeypatch):
    """Exceptions raised in Qt slots fail the test (PyQt would otherwise abort the process)."""
    import sys
    import traceback

    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: caught.append("".join(traceback.format_exception(*info))))
    yield caught
    assert not caught, "exception in a Qt slot:\n" + "\n".join(caught)


@pytest.fixture(autouse=True)
def clean_slate(slot_exceptions):
    """Each test starts as a new user's QGIS session would, and leaves nothing to the next test of its process:
    `make test` runs the tests side by side (pytest-xdist), each worker many tests one after another in one QGIS.

    After the test, once its own fixtures are torn down (the dock cleaned up), still under `slot_exceptions`: its
    tasks cancelled and waited for (a task ending during a later test called into its dock, or was counted by a
    later test watching the task manager); the widgets it closed deleted (a dock closed with deleteLater() stayed
    alive, still connected to the project and the canvas, until the event loop reached it); the project cleared;
    the network cache emptied (a later server on the same port would be answered from it); the dock's settings
    and the environment as before; the tile counts kept by core.tiles.coverage dropped (a later test's count of
    the same polygons took no time: one timed a count that runs seconds)."""
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    from ign_offline.core.tiles import coverage  # the plugin's own module, not the checkout's core

    QgsSettings().remove("ign_offline")
    coverage.forget_counts()
    environment = dict(os.environ)
    yield
    _end_tasks()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QgsProject.instance().clear()
    cache = QgsNetworkAccessManager.instance().cache()
    if cache is not None:
        cache.clear()
    QgsSettings().remove("ign_offline")
    for name in set(os.environ) - set(environment) - {"PYTEST_CURRENT_TEST"}:
        del os.environ[name]
    os.environ.update({k: v for k, v in environment.items() if k != "PYTEST_CURRENT_TEST"})


def _end_tasks(timeout=60):
    """Cancel what is still in the task manager, and wait until it has ended (its callbacks run)."""
    manager = QgsApplication.taskManager()
    manager.cancelAll()
    if not settle(timeout):
        pytest.fail("tasks still running {} s after the test, cancelled: {}".format(
            timeout, ", ".join(task.description() for task in manager.activeTasks())))


@pytest.fixture()
def french():
    """QGIS and the plugin in French for one test (the locale QGIS reports, and the plugin's translator)."""
    from qgis.core import QgsSettings

    from ign_offline import i18n

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    assert i18n.install("fr")
    yield
    i18n.remove()
    settings.setValue("locale/overrideFlag", False)
    settings.remove("locale/userLocale")
