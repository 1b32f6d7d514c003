"""The running QGIS's network cache folder, and the tile addresses QGIS knows (its connections and projects)."""

import os
from urllib.parse import urlencode

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QStandardPaths

from ..core.cache.addresses import (
    AddressBook,
    capabilities_of_datasource,
    datasources_in_project_file,
    template_of_datasource,
)


def known_sources(project=None):
    """The layer data sources QGIS itself knows: its saved XYZ and vector tile connections (as 'type=xyz&url=…'),
    the layers of `project` and of the recent projects (read, never changed). XYZ ones keep the `{-y}` of TMS
    layers, WMTS ones name their capabilities."""
    settings = QgsSettings()
    sources = []
    # XYZ raster connections, and vector tile ones (their XYZ `.pbf` templates; other kinds name no template)
    for group in ("qgis/connections-xyz", "qgis/connections-vector-tile"):
        settings.beginGroup(group)
        for name in settings.childGroups():
            sources.append(urlencode({"type": "xyz", "url": settings.value(name + "/url", "") or ""}))
        settings.endGroup()
    if project is not None:
        sources.extend(layer.source() for layer in project.mapLayers().values())
    settings.beginGroup("UI/recentProjects")
    paths = [settings.value(group + "/path", "") or "" for group in settings.childGroups()]
    settings.endGroup()
    if project is not None and project.fileName():
        paths.append(project.fileName())
    for path in paths:
        if path and os.path.isfile(path):
            sources.extend(datasources_in_project_file(path))
    return list(dict.fromkeys(sources))


def address_book(project, assume_top_origin=False):
    """What QGIS knows of tile URLs, without network: XYZ templates of its connections and projects."""
    sources = known_sources(project)
    templates = [template_of_datasource(source) for source in sources]
    book = AddressBook([t for t in templates if t], assume_top_origin)
    book.wmts_capabilities = list(dict.fromkeys(filter(None, map(capabilities_of_datasource, sources))))
    return book


def qgis_cache_directory():
    """The folder the running QGIS caches network replies in (Options › Network › Cache directory).

    QGIS 3.22 uses the `cache/directory` setting, else Qt's cache location
    for the application (~/.cache/QGIS/QGIS3 on Linux).
    """
    configured = QgsSettings().value("cache/directory", "") or ""
    return configured or QStandardPaths.writableLocation(QStandardPaths.CacheLocation)
