"""QGIS itself renders layers over Carcassonne with a given network cache: how tests fill a real QGIS cache."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsNetworkAccessManager,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtCore import QSize

CARCASSONNE_3857 = QgsRectangle(256035, 5339411, 267166, 5350102)


def render_into_cache(layers, cache_dir, extent=CARCASSONNE_3857):
    """Render each layer (512×512 px, EPSG:3857, over `extent`) with `cache_dir` as QGIS's network cache, then
    restore it."""
    settings = QgsSettings()
    previous = settings.value("cache/directory", "")
    settings.setValue("cache/directory", str(cache_dir))
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    try:
        for layer in layers:
            assert layer.isValid(), layer.name()
            map_settings = QgsMapSettings()
            map_settings.setLayers([layer])
            map_settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
            map_settings.setOutputSize(QSize(512, 512))
            map_settings.setExtent(extent)
            job = QgsMapRendererSequentialJob(map_settings)
            job.start()
            job.waitForFinished()
    finally:
        settings.setValue("cache/directory", previous)
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
