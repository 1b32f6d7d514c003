"""AREA/EXTENT and ZOOM_MIN/ZOOM_MAX parameters, shared by the tile algorithms."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core import storage
from ..core.errors import InputError
from ..core.tiles import areas, polygons
from ..core.tiles import grid as tiles
from ..core.tiles.grid import WGS84

AREA = "AREA"
EXTENT = "EXTENT"
AREA_LAYER = "AREA_LAYER"
ALLOW_LARGE = "ALLOW_LARGE"
ZOOM_MIN = "ZOOM_MIN"
ZOOM_MAX = "ZOOM_MAX"


def add_area_parameters(algorithm, polygon_layer=False):
    algorithm.addParameter(QgsProcessingParameterString(
        AREA,
        algorithm.tr("Preset area ({})").format(", ".join(areas.PRESETS)),
        defaultValue="", optional=True))
    algorithm.addParameter(QgsProcessingParameterExtent(
        EXTENT, algorithm.tr("…or an extent (any CRS)"), optional=True))
    if polygon_layer:
        algorithm.addParameter(QgsProcessingParameterFeatureSource(
            AREA_LAYER, algorithm.tr("…or the polygons of a layer (any CRS; only the tiles meeting them)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))


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
    """The core Area named by AREA, drawn by EXTENT (converted to lon/lat) or made of AREA_LAYER's polygons."""
    given = [name for name in (AREA, EXTENT, AREA_LAYER) if _given(parameters, name)]
    if len(given) > 1:
        raise InputError("Give one area only: {} were all given.".format(" and ".join(given)))
    if given == [AREA]:
        return areas.preset(algorithm.parameterAsString(parameters, AREA, context))
    if given == [AREA_LAYER]:
        return polygon_layer_area(algorithm, parameters, context)
    if not given:
        raise InputError("Give an AREA ({}), an EXTENT or an AREA_LAYER of polygons.".format(", ".join(areas.PRESETS)))
    rect = algorithm.parameterAsExtent(parameters, EXTENT, context)
    crs = algorithm.parameterAsExtentCrs(parameters, EXTENT, context)
    check_typed_order(parameters.get(EXTENT), crs)
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


def check_typed_order(value, crs):
    """A typed extent (xmin,xmax,ymin,ymax) in the wrong order is refused: QGIS would swap it silently."""
    numbers = areas.typed_extent(value) if isinstance(value, str) else None
    if numbers is not None:
        areas.check_extent_order(*numbers, geographic=crs.isGeographic() or not crs.isValid())


GEOMETRY_NAMES = {QgsWkbTypes.PointGeometry: "points", QgsWkbTypes.LineGeometry: "lines",
                  QgsWkbTypes.NullGeometry: "no geometry"}


def check_polygons(wkb_type, name):
    """Refuse a layer of points or lines by name (reading them as polygons would abort qgis_process)."""
    kind = QgsWkbTypes.geometryType(wkb_type)
    if kind != QgsWkbTypes.PolygonGeometry:
        raise InputError("The layer '{}' holds {}: give a polygon layer as AREA_LAYER.".format(
            name, GEOMETRY_NAMES.get(kind, "no polygon")))


def polygon_layer_area(algorithm, parameters, context):
    """An Area made of the polygons of AREA_LAYER (all features, or the selected ones when asked),
    densified in the layer's CRS then projected to Web Mercator."""
    source = algorithm.parameterAsSource(parameters, AREA_LAYER, context)
    if source is None:
        raise InputError("The AREA_LAYER cannot be read: give a polygon layer or file (GeoPackage, GeoJSON, "
                         "Shapefile…).")
    check_polygons(source.wkbType(), source.sourceName() or "AREA_LAYER")
    return area_from_features(source.getFeatures(), source.sourceCrs(), context.transformContext(),
                              source.sourceName() or "polygons")


def area_from_features(features, crs, transform_context, name):
    """An Area made of the features' polygons: densified in their CRS, then projected to Web Mercator."""
    crs = crs if crs.isValid() else QgsCoordinateReferenceSystem(WGS84)
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:3857"), transform_context)
    step = polygons.DENSIFY_DEGREES if crs.isGeographic() else polygons.DENSIFY_METRES
    parts = []
    for feature in features:
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        check_polygons(geometry.wkbType(), name)  # a mixed layer (GeoJSON) may hold points among polygons
        geometry = geometry.densifyByDistance(step)
        try:
            geometry.transform(transform)
        except Exception as exc:  # QgsCsException: outside what Web Mercator can show
            raise InputError("A polygon of '{}' cannot be converted to Web Mercator from {}: {}".format(
                name, crs.authid(), exc)) from exc
        shapes = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
        parts.extend([[(p.x(), p.y()) for p in ring] for ring in shape] for shape in shapes if shape)
    if not parts:
        raise InputError("'{}' has no polygon (no feature, or none selected): choose a layer of polygons, or "
                         "select some.".format(name))
    found = polygons.from_rings(parts)
    west, south, east, north = polygons.lonlat_bounds(found)
    key = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
    return areas.Area(key, name, west, south, east, north, polygons=found)


def add_large_job_parameter(algorithm):
    parameter = QgsProcessingParameterBoolean(
        ALLOW_LARGE, algorithm.tr("Go ahead with a very large job (over 10 million tiles, or more than the free "
                                  "disk space)"), defaultValue=False)
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(parameter)


def check_large_job(algorithm, parameters, context, tiles, where):
    """Refuse, before anything starts, a job of `tiles` tiles too large to be meant, unless ALLOW_LARGE says so."""
    if algorithm.parameterAsBool(parameters, ALLOW_LARGE, context):
        return
    problem = areas.large_job(tiles, storage.free_bytes(where), storage.output_folder(where))
    if problem is not None:
        raise InputError("{} Reduce the area or the zooms, or confirm with ALLOW_LARGE=true.".format(problem))


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
