"""AREA/EXTENT and ZOOM_MIN/ZOOM_MAX parameters, shared by the tile algorithms."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
)

from ..core import areas, tiles
from ..core.errors import InputError

AREA = "AREA"
EXTENT = "EXTENT"
ZOOM_MIN = "ZOOM_MIN"
ZOOM_MAX = "ZOOM_MAX"
WGS84 = "EPSG:4326"


def add_area_parameters(algorithm):
    algorithm.addParameter(QgsProcessingParameterString(
        AREA,
        algorithm.tr("Preset area ({})").format(", ".join(areas.PRESETS)),
        defaultValue="", optional=True))
    algorithm.addParameter(QgsProcessingParameterExtent(
        EXTENT, algorithm.tr("…or an extent (any CRS)"), optional=True))


def add_zoom_parameters(algorithm, zoom_min=8, zoom_max=16):
    # No min/max on the parameters themselves: core.tiles.check_zoom_range
    # says what is wrong more clearly than the generic Processing message.
    algorithm.addParameter(QgsProcessingParameterNumber(
        ZOOM_MIN, algorithm.tr("Minimum zoom (0-22)"),
        type=QgsProcessingParameterNumber.Integer, defaultValue=zoom_min))
    algorithm.addParameter(QgsProcessingParameterNumber(
        ZOOM_MAX, algorithm.tr("Maximum zoom (0-22)"),
        type=QgsProcessingParameterNumber.Integer, defaultValue=zoom_max))


def _given(parameters, name):
    value = parameters.get(name)
    return value is not None and str(value).strip() != ""


def area_from_parameters(algorithm, parameters, context, feedback=None):
    """The core Area named by AREA or drawn by EXTENT (converted to lon/lat)."""
    has_area, has_extent = _given(parameters, AREA), _given(parameters, EXTENT)
    if has_area and has_extent:
        raise InputError("Give either AREA or EXTENT, not both.")
    if has_area:
        return areas.preset(algorithm.parameterAsString(parameters, AREA, context))
    if not has_extent:
        raise InputError("Give an AREA ({}) or an EXTENT.".format(", ".join(areas.PRESETS)))
    rect = algorithm.parameterAsExtent(parameters, EXTENT, context)
    crs = algorithm.parameterAsExtentCrs(parameters, EXTENT, context)
    if rect.isNull() or rect.isEmpty():
        raise InputError("The extent is empty: give an extent with a width and a height.")
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    if not crs.isValid():
        crs = wgs84
        if feedback is not None:
            feedback.pushInfo(algorithm.tr("The extent has no CRS: read as longitude/latitude (EPSG:4326)."))
    if crs != wgs84:
        try:
            rect = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(rect)
        except Exception as exc:  # QgsCsException: the extent is outside the CRS's area of use
            raise InputError("The extent cannot be converted to longitude/latitude from {}: {}".format(
                crs.authid(), exc)) from exc
    return areas.bbox_area(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


def zooms_from_parameters(algorithm, parameters, context):
    zoom_min = algorithm.parameterAsInt(parameters, ZOOM_MIN, context)
    zoom_max = algorithm.parameterAsInt(parameters, ZOOM_MAX, context)
    tiles.check_zoom_range(zoom_min, zoom_max)
    return zoom_min, zoom_max


def area_in_crs(algorithm, parameters, context, crs):
    """(xmin, ymin, xmax, ymax) of AREA or EXTENT in `crs` (a QgsCoordinateReferenceSystem).

    An EXTENT goes straight from its own CRS to `crs`; a preset from lon/lat.
    Call area_from_parameters first: it has already refused bad input.
    """
    if _given(parameters, EXTENT):
        rect = algorithm.parameterAsExtent(parameters, EXTENT, context)
        source = algorithm.parameterAsExtentCrs(parameters, EXTENT, context)
        if not source.isValid():
            source = QgsCoordinateReferenceSystem(WGS84)
    else:
        area = areas.preset(algorithm.parameterAsString(parameters, AREA, context))
        rect, source = QgsRectangle(*area.bbox), QgsCoordinateReferenceSystem(WGS84)
    if source != crs:
        try:
            rect = QgsCoordinateTransform(source, crs, context.transformContext()).transformBoundingBox(rect)
        except Exception as exc:  # QgsCsException
            raise InputError("The area cannot be converted from {} to {}: {}".format(
                source.authid(), crs.authid(), exc)) from exc
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
