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


def make_process(*args, timeout=300):
    """`make process ARGS=…` in a subprocess, as a user or a batch script runs it."""
    return subprocess.run(
        ["make", "-s", "-C", ROOT, "process", "ARGS=" + " ".join(args)],
        capture_output=True, text=True, timeout=timeout)


@pytest.fixture(autouse=True)
def fresh_dock_settings():
    """Each test starts with what a new user has: no remembered dock state (and leaves none)."""
    from qgis.core import QgsSettings

    QgsSettings().remove("ign_offline")
    yield
    QgsSettings().remove("ign_offline")


@pytest.fixture(autouse=True)
def slot_exceptions(monkeypatch):
    """Exceptions raised in Qt slots fail the test (PyQt would otherwise abort the process)."""
    import sys
    import traceback

    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: caught.append("".join(traceback.format_exception(*info))))
    yield caught
    assert not caught, "exception in a Qt slot:\n" + "\n".join(caught)


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
