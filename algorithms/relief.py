"""ign_offline:relief — a hillshade, a slope map and contours from any DEM (RGE ALTI's mosaic or another), cut to
an optional area, as Cloud Optimized GeoTIFFs and a GeoPackage loaded above the opaque basemaps (the hillshade
multiplies them). An INPUT that is one of the results is refused before anything is written; a very large job (over
2 billion pixels computed) asks ALLOW_LARGE first, as the tiles' downloads do."""

import os

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..core import storage
from ..core.datasets import relief as core_relief
from ..core.errors import Cancelled, InputError
from ..core.library import jobs as library
from ..i18n import marked
from ..i18n import reason as said_reason
from ..toolbelt.datasets import RELIEF_TITLES, load_relief
from .base import IgnOfflineAlgorithm
from .parameters import (
    ALLOW_LARGE,
    AREA,
    AREA_LAYER,
    EXTENT,
    RasterInput,
    add_area_parameters,
    allows_large,
    area_from_parameters,
    explained,
)

OUTPUTS = {"hillshade": "HILLSHADE_FILE", "slope": "SLOPE_FILE", "contours": "CONTOURS_FILE"}


class Relief(IgnOfflineAlgorithm):
    NAME = "relief"
    DISPLAY_NAME = marked("Relief from a DEM (hillshade, slope, contours)")
    GROUP = "datasets"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(RasterInput(
            "INPUT", self.tr("Elevation model (DEM)")), self.tr("A raster layer or file.")))
        add_area_parameters(self, polygon_layer=True)
        self.addParameter(QgsProcessingParameterBoolean("HILLSHADE", self.tr("Hillshade"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean("SLOPE", self.tr("Slope map (degrees)"), defaultValue=True))
        self.addParameter(explained(QgsProcessingParameterNumber(
            "CONTOUR_INTERVAL", self.tr("Contour interval (m)"),
            type=QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0),
            self.tr("Contour interval in metres (0 = no contours).")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Folder for the relief files"),
            defaultValue=os.path.join(library.DEFAULT_LIBRARY, "relief")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the results to the project"), defaultValue=True),
            self.tr("Above the basemaps.")))
        allow_large = explained(QgsProcessingParameterBoolean(
            ALLOW_LARGE, self.tr("Go ahead with a very large job"), defaultValue=False),
            self.tr("Over 2 billion pixels of the DEM computed."))
        allow_large.setFlags(allow_large.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(allow_large)
        for kind, name in OUTPUTS.items():
            self.addOutput(QgsProcessingOutputFile(name, self.tr(RELIEF_TITLES[kind])))

    def parse(self, parameters, context, feedback=None):
        layer = self.parameterAsRasterLayer(parameters, "INPUT", context)
        if layer is None:
            raise InputError("Give INPUT, a DEM: a raster layer of the project or a file (ASC, GeoTIFF, VRT…).")
        if layer.providerType() != "gdal" or not os.path.isfile(layer.source().split("|")[0]):
            raise InputError("INPUT '{}' is not a raster file: give a DEM file (ASC, GeoTIFF, VRT…), not a web "
                             "layer.", layer.name())
        given = any(str(parameters.get(name) or "").strip() for name in (AREA, EXTENT, AREA_LAYER))
        area = area_from_parameters(self, parameters, context, feedback) if given else None
        hillshade = self.parameterAsBool(parameters, "HILLSHADE", context)
        slope = self.parameterAsBool(parameters, "SLOPE", context)
        interval = self.parameterAsDouble(parameters, "CONTOUR_INTERVAL", context) or None
        kinds = core_relief.wanted_kinds(hillshade, slope, interval)  # nothing asked: refused before any work
        output = self.lasting_output(parameters, "OUTPUT_FOLDER", context, folder=True)
        path = layer.source().split("|")[0]
        # The DEM is never a result (a DEM named slope.tif in OUTPUT_FOLDER): refused before anything is made.
        core_relief.refuse_dem_among_results(core_relief.open_dem(path), path, output, kinds)
        storage.check_folder_can_be_made(output, "OUTPUT_FOLDER")
        return (path, layer.name(), area, hillshade, slope, interval, output,
                self.parameterAsBool(parameters, "LOAD", context), allows_large(self, parameters, context))

    def process(self, args, context, feedback):
        path, name, area, hillshade, slope, interval, output, self._load, allow_large = args
        self._paths = {}
        feedback.pushInfo(self.say("Relief of {} in {}…", name, output))

        def progress(done, total):
            feedback.setProgress(100.0 * done / total if total else 0.0)

        try:
            paths = core_relief.relief(path, output, area, hillshade, slope, interval, progress, feedback.isCanceled,
                                       check=None if allow_large else lambda estimate: _check_large(estimate, output))
        except Cancelled:
            feedback.pushWarning(self.tr("Cancelled: the files not finished were removed; run again to make them."))
            return {"OUTPUT_FOLDER": output}
        for kind, result in paths.items():
            feedback.pushInfo(self.say("{}: {}", self.tr(RELIEF_TITLES[kind]), result))
        self._paths = paths
        self._title = self.say("Relief — {}", area.title if area is not None else name)
        results = {"OUTPUT_FOLDER": output}
        results.update({OUTPUTS[kind]: result for kind, result in paths.items()})
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if getattr(self, "_load", False) and getattr(self, "_paths", None) and project is not None:
            try:
                load_relief(project, self._paths, self._title)
            except ValueError as exc:
                feedback.reportError(said_reason(exc))
        return {}


def _check_large(estimate, output):
    """Refuse, before any work, a relief too large to be meant (the DEM's pixels computed), unless ALLOW_LARGE."""
    problem = core_relief.large_job(estimate, storage.free_bytes(output), output)
    if problem is not None:
        raise InputError("{} Reduce the area, or confirm with ALLOW_LARGE=true.", problem)
