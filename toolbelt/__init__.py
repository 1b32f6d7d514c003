"""QGIS-side helpers that both the dock (ui/) and the Processing algorithms (algorithms/) need.

Loading layers into the project, QGIS authentication configurations, areas from features, the QGIS network
cache and the sources QGIS knows. Like core/ it sits below both: it may import qgis and core, never ui/ or
algorithms/ (tests/unit/test_layering.py checks it).
"""
