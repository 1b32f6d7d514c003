"""QGIS itself renders layers over Carcassonne with a given network cache: how tests fill a real QGIS cache."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsNetworkAccessManager,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

CARCASSONNE_3857 = QgsRectangle(256035, 5339411, 267166, 5350102)
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")


def render_into_cache(layers, cache_dir, extent=CARCASSONNE_3857):
    """Render each layer (512×512 px, EPSG:3857, over `extent`) with `cache_dir` as QGIS's network cache, then
    restore it."""
    settings = QgsSettings()
    previous = settings.value("cache/directory") if settings.contains("cache/directory") else None
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
        if previous is None:  # as it was: not set (an empty value is a setting of its own)
            settings.remove("cache/directory")
        else:
            settings.setValue("cache/directory", previous)
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def render_image(layers, extent, crs, size=256):
    """The QImage QGIS draws of `layers` (top first) over `extent` (a QgsRectangle in `crs`), `size` px square."""
    map_settings = QgsMapSettings()
    map_settings.setLayers(layers)
    map_settings.setDestinationCrs(crs)
    map_settings.setOutputSize(QSize(size, size))
    map_settings.setExtent(extent)
    map_settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(map_settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def count_colour(image, colour, tolerance=12):
    """How many pixels of `image` are `colour` (a QColor or '#rrggbb'), each channel within `tolerance`."""
    wanted = QColor(colour)
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = QColor(image.pixel(x, y))
            if (abs(pixel.red() - wanted.red()) <= tolerance and abs(pixel.green() - wanted.green()) <= tolerance
                    and abs(pixel.blue() - wanted.blue()) <= tolerance):
                found += 1
    return found


def lonlat_extent(bbox, crs=MERCATOR):
    """The lon/lat box (west, south, east, north) as a QgsRectangle in `crs`."""
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
    return transform.transformBoundingBox(QgsRectangle(*bbox))


def painted_pixels(image, step=2):
    """How many pixels (one in `step` each way) are not the white background render_image draws on."""
    white = QColor("white").rgb()
    return sum(image.pixel(x, y) != white for x in range(0, image.width(), step)
               for y in range(0, image.height(), step))
