"""Shared by both test tiers; imports nothing from QGIS."""

import importlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def _link_plugin():
    """QGIS needs the plugin in a folder named like its module: link this checkout as ign_offline."""
    os.makedirs(PLUGINS, exist_ok=True)
    link = os.path.join(PLUGINS, "ign_offline")
    if not os.path.exists(link):
        os.symlink(ROOT, link)
    if PLUGINS not in sys.path:
        sys.path.insert(0, PLUGINS)
    sys.path_importer_cache.pop(PLUGINS, None)
    importlib.invalidate_caches()


_link_plugin()
