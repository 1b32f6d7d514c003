"""Pure-Python library of IGN Offline: no qgis, no PyQt.

Tile math, coverage areas and MBTiles live here so that they can be unit
tested, benchmarked and reused without a QGIS installation.
"""
