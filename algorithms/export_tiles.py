"""ign_offline:export_tiles — an MBTiles (or a raster) as files phones and tablets open."""

import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
)

from ..core import mbtiles, storage
from ..core.errors import InputError
from ..core.field import exports
from ..core.tiles import coverage
from ..i18n import marked
from ..toolbelt.layers import add_to_group
from .base import IgnOfflineAlgorithm
from .parameters import AREA, AREA_LAYER, EXTENT, add_area_parameters, area_from_parameters

# FORMAT is a number or a name of exports.EXPORT_FORMATS, in its order.
FORMATS = tuple(f.name for f in exports.EXPORT_FORMATS)


class ExportTiles(IgnOfflineAlgorithm):
    NAME = "export_tiles"
    DISPLAY_NAME = marked("Export tiles for field apps")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("MBTiles file, or a raster (VRT, GeoTIFF, JPEG 2000) to re-encode")))
        # The description is the registry's; the whole sentence is what the translations know.
        description = "Format ({})".format("; ".join("{}: {}".format(f.name, f.label) for f in exports.EXPORT_FORMATS))
        self.addParameter(QgsProcessingParameterEnum(
            "FORMAT", self.tr(description), options=list(FORMATS), defaultValue=FORMATS[0], usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", self.tr("Output file")))
        self.addParameter(QgsProcessingParameterNumber(
            "ZOOM_MIN", self.tr("Only from this zoom"), type=QgsProcessingParameterNumber.Integer, optional=True,
            minValue=0, maxValue=22))
        self.addParameter(QgsProcessingParameterNumber(
            "ZOOM_MAX", self.tr("Only up to this zoom"), type=QgsProcessingParameterNumber.Integer, optional=True,
            minValue=0, maxValue=22))
        add_area_parameters(self, polygon_layer=True)
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_FILE_MB", self.tr("Split into files of at most this many MB (e.g. 2000 for apps, 4000 for FAT32)"),
            type=QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "QUALITY", self.tr("JPEG quality when a raster is re-encoded"), type=QgsProcessingParameterNumber.Integer,
            defaultValue=85, minValue=10, maxValue=100))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the result to the project"), defaultValue=False))
        self.addOutput(QgsProcessingOutputNumber("FILES", self.tr("Files written")))
        self.addOutput(QgsProcessingOutputString("OUTPUTS", self.tr("Files written (one per line)")))

    def parse(self, parameters, context, feedback=None):
        source = self.parameterAsFile(parameters, "INPUT", context)
        if not source or not os.path.isfile(source):
            raise InputError("INPUT '{}' does not exist: give an MBTiles file or a raster.".format(source))
        kind = self.parameterAsEnumString(parameters, "FORMAT", context)
        if kind not in FORMATS:
            raise InputError("Unknown FORMAT '{}': use one of {}.".format(parameters.get("FORMAT"), ", ".join(FORMATS)))
        chosen = exports.export_format(kind)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        storage.refuse_output_among_inputs(output, [source])  # by inode: `./x`, a symlink, a hard link
        storage.check_writable_folder(os.path.dirname(os.path.abspath(output)))
        # An MBTiles of any tool is copied tile by tile (GDAL would re-encode it); a damaged one is refused by
        # exports.check, never handed to GDAL.
        is_tiles = mbtiles.looks_like_mbtiles(source)
        subset = any(parameters.get(name) not in (None, "") for name in (AREA, EXTENT, AREA_LAYER))
        area = area_from_parameters(self, parameters, context, feedback) if subset else None
        zooms = [None if parameters.get(n) in (None, "") else self.parameterAsInt(parameters, n, context)
                 for n in ("ZOOM_MIN", "ZOOM_MAX")]
        max_mb = None if parameters.get("MAX_FILE_MB") in (None, "") else self.parameterAsDouble(
            parameters, "MAX_FILE_MB", context)
        if is_tiles:
            if chosen.writer is None:
                raise InputError("FORMAT {} is for rasters: an MBTiles is exported as {}.".format(
                    kind, _or(exports.FORMATS)))
            low, high = zooms[0] if zooms[0] is not None else 0, zooms[1] if zooms[1] is not None else 22
            if low > high:
                raise InputError("ZOOM_MIN {} is greater than ZOOM_MAX {}: swap them.".format(low, high))
            ranges = None if area is None else [r for z in range(low, high + 1) for r in coverage.area_ranges(area, z)]
            exports.check(source, kind, low, high, ranges, max_mb, thorough=False)  # export checks every page
            return "tiles", source, kind, output, (low, high, ranges, max_mb), parameters
        if subset or max_mb or any(z is not None for z in zooms):
            raise InputError("A raster INPUT is exported whole: zooms, area and MAX_FILE_MB apply to MBTiles input.")
        quality = self.parameterAsInt(parameters, "QUALITY", context)
        return "raster", source, kind, output, quality, parameters

    def process(self, args, context, feedback):
        mode, source, kind, output, options, parameters = args
        if mode == "tiles":
            low, high, ranges, max_mb = options
            feedback.pushInfo(self.tr("Tiles are copied as they are, never re-encoded ({} for {}).").format(
                kind, exports.export_format(kind).apps))
            parts = exports.export(source, output, kind, low, high, ranges, max_mb,
                                   lambda f: feedback.setProgress(100 * f), feedback.isCanceled)
            for part in parts:
                size = storage.human_size(os.path.getsize(part.path))
                feedback.pushInfo(self.tr("{}: {:,} tiles, zoom {}-{}, {}").format(
                    part.path, part.tiles, part.zoom_min, part.zoom_max, size))
            paths = [part.path for part in parts]
        else:
            feedback.pushWarning(self.tr("A raster is re-encoded (JPEG quality {}): unavoidable for {}.").format(
                options, kind))
            paths = [exports.export_raster(source, output, kind, options,
                                           progress=lambda f: feedback.setProgress(100 * f))]
            feedback.pushInfo(self.tr("{}: {}").format(paths[0], storage.human_size(os.path.getsize(paths[0]))))
        self._paths = paths
        self._load = self.parameterAsBool(parameters, "LOAD", context) and exports.export_format(kind).qgis_reads
        return {"OUTPUT": paths[0] if len(paths) == 1 else output, "FILES": len(paths), "OUTPUTS": "\n".join(paths)}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if getattr(self, "_load", False) and project is not None:
            for path in self._paths:
                layer = QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0], "gdal")
                if layer.isValid():
                    add_to_group(project, layer)
                else:
                    feedback.reportError(self.tr("QGIS cannot open {}").format(path))
        return {}


def _or(names):
    """'a, b or c'."""
    return "{} or {}".format(", ".join(names[:-1]), names[-1]) if len(names) > 1 else "".join(names)
