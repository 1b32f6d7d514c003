"""Pure-Python library of IGN Offline: no qgis, no PyQt.

Tile math, coverage areas, WMTS, the download engine and MBTiles live here so
that they can be unit tested, benchmarked and reused without QGIS.
"""

import configparser
import os


def _plugin_version():
    """The version in the plugin's metadata.txt (one source of truth)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "metadata.txt"),
                encoding="utf-8")
    return parser.get("general", "version", fallback="dev")


__version__ = _plugin_version()
