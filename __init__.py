"""IGN Offline QGIS plugin entry point.

Nothing is imported at module level: QGIS (and qgis_process, with no GUI)
only needs classFactory, and pytest may import this file.
"""

import os
import sys

# Pure-Python dependencies bundled by `make package` (and `make setup` for a
# checkout), used only when the system does not provide them.
BUNDLED_DEPENDENCIES = ("mercantile", "oauthlib", "requests_oauthlib", "filelock", "pmtiles", "font_source_sans_pro")


def _use_bundled_dependencies():
    import importlib.util

    bundle = os.path.join(os.path.dirname(__file__), "ext_libs")
    missing = [name for name in BUNDLED_DEPENDENCIES if importlib.util.find_spec(name) is None]
    if missing and os.path.isdir(bundle) and bundle not in sys.path:
        # Appended, not prepended: a library the system has always wins.
        sys.path.append(bundle)


def classFactory(iface):  # noqa: N802 (QGIS API name)
    _use_bundled_dependencies()
    from . import i18n
    from .plugin import IgnOfflinePlugin

    # Before anything is built: the dock's forms, the messages and the algorithms' names read it.
    i18n.install()

    return IgnOfflinePlugin(iface)
