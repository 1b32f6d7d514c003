"""Load an installed copy of the plugin in a fresh headless QGIS, as the desktop does.

Run with /usr/bin/python3 (not the venv, which has mercantile: the system
Python lacks it, so this proves the bundled copy is found). Prints JSON.
usage: load_installed_plugin.py PLUGINS_FOLDER
"""

import json
import os
import sys

plugins_folder = sys.argv[1]
sys.path.insert(0, plugins_folder)
sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from qgis.core import QgsApplication  # noqa: E402

app = QgsApplication([], True)
app.initQgis()

import ign_offline  # noqa: E402
from tests.support.desktop_iface import DesktopIface  # noqa: E402

iface = DesktopIface()
plugin = ign_offline.classFactory(iface)
plugin.initGui()
import mercantile  # noqa: E402  (after classFactory: may come from the bundle)

provider = QgsApplication.processingRegistry().providerById("ign_offline")
loaded = {
    "plugin_file": ign_offline.__file__,
    "mercantile_file": mercantile.__file__,
    "algorithms": sorted(a.id() for a in provider.algorithms()),
    "loaded": iface.leftovers(),
}
plugin.unload()
loaded["after_unload"] = iface.leftovers()
print(json.dumps(loaded))
app.exitQgis()
