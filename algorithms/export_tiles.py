"""ign_offline:export_tiles — an MBTiles (or a raster) as files phones and tablets open."""

import os
import sqlite3

from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
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
from ..core.errors import IgnOfflineError, InputError
from ..core.field import exports, formats, identity, web
from ..core.library import inventory
from ..core.library import jobs as library
from ..core.tiles import coverage
from ..i18n import marked
from ..toolbelt.layer_tree import add_to_group
from ..toolbelt.layers import render_vector_mbtiles
from .base import IgnOfflineAlgorithm
from .parameters import AREA, AREA_LAYER, EXTENT, add_area_parameters, area_from_parameters, explained

# FORMAT is a number or a name of formats.EXPORT_FORMATS, in its order; TARGET one of formats.TARGETS.
FORMATS = tuple(f.name for f in formats.EXPORT_FORMATS)
TARGETS = formats.TARGET_NAMES


class ExportTiles(IgnOfflineAlgorithm):
    NAME = "export_tiles"
    DISPLAY_NAME = marked("Export tiles for field apps")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile(
            "INPUT", self.tr("MBTiles file or raster")),
            self.tr("An MBTiles file, or a raster (VRT, GeoTIFF, JPEG 2000) to re-encode.")))
        # The helps are the registries': each label (a core Message) is translated.
        self.addParameter(explained(QgsProcessingParameterEnum(
            "TARGET", self.tr("Field app"), options=list(TARGETS), optional=True, usesStaticStrings=True),
            "; ".join("{}: {}".format(t.name, self.say(t.label)) for t in formats.TARGETS)))
        self.addParameter(explained(QgsProcessingParameterEnum(
            "FORMAT", self.tr("File format"), options=list(FORMATS), optional=True, usesStaticStrings=True),
            "; ".join("{}: {}".format(f.name, self.say(f.label)) for f in formats.EXPORT_FORMATS)))
        self.addParameter(explained(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Output file"), optional=True, createByDefault=False),
            self.tr("Empty: a file named after the layer, the area and the zooms, in the app's folder of the "
                    "library's exports/ folder.")))
        self.addParameter(explained(QgsProcessingParameterFile(
            "LIBRARY", self.tr("Library folder"), behavior=QgsProcessingParameterFile.Folder,
            defaultValue=library.DEFAULT_LIBRARY, optional=True),
            self.tr("The exports go into its exports/ folder when OUTPUT is empty.")))
        self.addParameter(QgsProcessingParameterNumber(
            "ZOOM_MIN", self.tr("Only from this zoom"), type=QgsProcessingParameterNumber.Integer, optional=True,
            minValue=0, maxValue=22))
        self.addParameter(QgsProcessingParameterNumber(
            "ZOOM_MAX", self.tr("Only up to this zoom"), type=QgsProcessingParameterNumber.Integer, optional=True,
            minValue=0, maxValue=22))
        add_area_parameters(self, polygon_layer=True)
        self.addParameter(explained(QgsProcessingParameterNumber(
            "MAX_FILE_MB", self.tr("Largest file (MB)"), type=QgsProcessingParameterNumber.Double, optional=True,
            minValue=0.0),
            self.tr("Split into files of at most this many MB (e.g. 2000 for apps, 4000 for FAT32; empty: the "
                    "target's cap, 0: none).")))
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
            raise InputError("INPUT '{}' does not exist: give an MBTiles file or a raster.", source)
        # An MBTiles of any tool is copied tile by tile (GDAL would re-encode it); a damaged one is refused by
        # exports.check, never handed to GDAL.
        is_tiles = mbtiles.looks_like_mbtiles(source)
        vector = is_tiles and _is_vector(source)
        chosen, kind, rendered = self._target_and_format(parameters, context, is_tiles, vector)
        subset = any(parameters.get(name) not in (None, "") for name in (AREA, EXTENT, AREA_LAYER))
        area = area_from_parameters(self, parameters, context, feedback) if subset else None
        zooms = [None if parameters.get(n) in (None, "") else self.parameterAsInt(parameters, n, context)
                 for n in ("ZOOM_MIN", "ZOOM_MAX")]
        max_mb = (chosen.cap_mb if chosen else None) if parameters.get("MAX_FILE_MB") in (None, "") else \
            self.parameterAsDouble(parameters, "MAX_FILE_MB", context)
        if is_tiles:
            if formats.export_format(kind).writer is None:
                raise InputError("FORMAT {} is for rasters: an MBTiles is exported as {}.", kind, _or(formats.FORMATS))
            low, high = zooms[0] if zooms[0] is not None else 0, zooms[1] if zooms[1] is not None else 22
            if low > high:
                raise InputError("ZOOM_MIN {} is greater than ZOOM_MAX {}: swap them.", low, high)
            ranges = None if area is None else [r for z in range(low, high + 1) for r in coverage.area_ranges(area, z)]
            # A rendering checks the vector subset (the raster made of it is checked by the export).
            exports.check(source, "mbtiles" if rendered else kind, low, high, ranges, max_mb, thorough=False)
            if _is_web(chosen):
                if max_mb:
                    raise InputError("A web page reads one archive: leave MAX_FILE_MB empty for TARGET web.")
                web.check_libraries()
            output = self._output(parameters, context, source, chosen, kind, area, (low, high))
            if _is_web(chosen):
                web.check_folder(web.viewer_folder(output))
            return "tiles", source, kind, output, (low, high, ranges, max_mb, rendered), parameters
        if subset or max_mb or any(z is not None for z in zooms):
            raise InputError("A raster INPUT is exported whole: zooms, area and MAX_FILE_MB apply to MBTiles input.")
        output = self._output(parameters, context, source, chosen, kind, None, None)
        quality = self.parameterAsInt(parameters, "QUALITY", context)
        return "raster", source, kind, output, quality, parameters

    def _target_and_format(self, parameters, context, is_tiles, vector=False):
        """(Target or None, format name, rendered): FORMAT as given, else the target's first for this INPUT, else
        mbtiles; `rendered`: a vector INPUT drawn into raster tiles first (formats.vector_plan)."""
        name = self.parameterAsEnumString(parameters, "TARGET", context) if parameters.get("TARGET") not in (
            None, "") else ""
        chosen = formats.target(name) if name else None
        kind = self.parameterAsEnumString(parameters, "FORMAT", context) if parameters.get("FORMAT") not in (
            None, "") else ""
        if kind and kind not in FORMATS:
            raise InputError("Unknown FORMAT '{}': use one of {}.", parameters.get("FORMAT"), ", ".join(FORMATS))
        if vector:
            return (chosen,) + formats.vector_plan(chosen, kind)
        if chosen is not None:
            kind = formats.target_format(chosen, kind, is_tiles)
        return chosen, kind or FORMATS[0], False

    def _output(self, parameters, context, source, chosen, kind, area, zooms):
        """OUTPUT with the format's extension, or (none given) the library's exports folder; never a temporary
        file, never the INPUT, in a folder that can be written."""
        # The dialog's "skip output" gives a definition with no path: the library's exports folder too.
        output = self.lasting_output(parameters, "OUTPUT", context) if parameters.get("OUTPUT") not in (
            None, "") else ""
        if not output:
            folder = self.parameterAsFile(parameters, "LIBRARY", context) or library.DEFAULT_LIBRARY
            span = exports.zoom_span(source) if zooms else None
            low, high = (max(zooms[0], span[0]), min(zooms[1], span[1])) if span else (0, 0)
            title = _layer_title(source)
            output = formats.default_output(folder, chosen.name if chosen else kind, title,
                                            area.title if area is not None else "", low, high, kind)
            if not zooms:  # a raster: no zooms to say
                output = os.path.join(os.path.dirname(output), formats.safe_file_part(title) + os.path.splitext(
                    output)[1])
        else:
            output = formats.output_with_extension(output, kind)
        storage.refuse_output_among_inputs(output, [source])  # by inode: `./x`, a symlink, a hard link
        storage.check_writable_folder(_existing_folder(os.path.dirname(os.path.abspath(output))))
        return output

    def process(self, args, context, feedback):
        mode, source, kind, output, options, parameters = args
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)  # <library>/exports/<target>/
        if mode == "tiles" and _is_web(self._target(parameters, context)):
            return self.export_web(source, output, options, feedback)
        if mode == "tiles":
            low, high, ranges, max_mb, rendered = options
            chosen = formats.export_format(kind)
            if chosen.render_driver:
                feedback.pushInfo(self.say("The tiles are rendered into a {} (re-encoded in JPEG) for {}.",
                                           chosen.title, chosen.apps))
            elif not rendered:  # a rendering says so itself
                feedback.pushInfo(self.say("Tiles are copied as they are, never re-encoded ({} for {}).",
                                           kind, chosen.apps))
            if rendered:
                parts = self.export_rendered(source, output, kind, low, high, ranges, max_mb, feedback)
            else:
                parts = exports.export(source, output, kind, low, high, ranges, max_mb,
                                       lambda f: feedback.setProgress(100 * f), feedback.isCanceled)
            if not parts:  # cancelled: the core kept no part cut short
                feedback.pushWarning(self.tr("Cancelled: nothing was written; run again to export."))
                self._paths, self._load = [], False
                return {"OUTPUT": output, "FILES": 0, "OUTPUTS": ""}
            for part in parts:
                feedback.pushInfo(self.say("{}: {:,} tiles, zoom {}-{}, {}", part.path, part.tiles, part.zoom_min,
                                           part.zoom_max, storage.human_size(os.path.getsize(part.path))))
            paths = [part.path for part in parts]
        else:
            feedback.pushWarning(self.say("A raster is re-encoded (JPEG quality {}): unavoidable for {}.", options,
                                          kind))
            paths = [exports.export_raster(source, output, kind, options,
                                           progress=lambda f: feedback.setProgress(100 * f))]
            feedback.pushInfo(self.say("{}: {}", paths[0], storage.human_size(os.path.getsize(paths[0]))))
        self._paths = paths
        self._load = self.parameterAsBool(parameters, "LOAD", context) and formats.export_format(kind).qgis_reads
        return {"OUTPUT": paths[0] if len(paths) == 1 else output, "FILES": len(paths), "OUTPUTS": "\n".join(paths)}

    def _target(self, parameters, context):
        name = self.parameterAsEnumString(parameters, "TARGET", context) if parameters.get("TARGET") not in (
            None, "") else ""
        return formats.target(name) if name else None

    def export_web(self, source, output, options, feedback):
        """TARGET=web: a folder named like OUTPUT (without .pmtiles) holding the archive and the page showing it
        (core.field.web), for any static web server with Range."""
        low, high, ranges, _, _ = options
        folder = web.viewer_folder(output)
        storage.refuse_output_among_inputs(web.archive_path(folder), [source])
        feedback.pushInfo(self.say("Tiles are copied as they are, never re-encoded ({} for {}).", "pmtiles",
                                   formats.export_format("pmtiles").apps))
        self._paths, self._load = [], False
        # Written beside, put in place only when complete: no half-written folder on a failure or a cancel.
        with web.Staged(folder) as stage:
            parts = exports.export(source, stage.archive, "pmtiles", low, high, ranges, None,
                                   lambda f: feedback.setProgress(99 * f), feedback.isCanceled)
            if not parts:
                feedback.pushWarning(self.tr("Cancelled: nothing was written; run again to export."))
                return {"OUTPUT": output, "FILES": 0, "OUTPUTS": ""}
            with mbtiles.MBTilesReader(source) as reader:
                metadata = reader.metadata()
            web.write_viewer(stage.path, stage.archive, source, _layer_title(source), identity.attribution(metadata),
                             _is_vector(source), warn=lambda message: feedback.pushWarning(self.say(message)))
            stage.commit()
        archive, index = web.archive_path(folder), os.path.join(folder, "index.html")
        feedback.pushInfo(self.say("{}: {:,} tiles, zoom {}-{}, {}", archive, parts[0].tiles, parts[0].zoom_min,
                                   parts[0].zoom_max, storage.human_size(os.path.getsize(archive))))
        feedback.pushInfo(self.say("The map page is {}: serve its folder with a web server that honours byte "
                                   "ranges (in that folder: python3 serve.py), then open http://127.0.0.1:8000/.",
                                   index))
        return {"OUTPUT": folder, "FILES": 1, "OUTPUTS": index}  # what to open; the archive is said above

    def export_rendered(self, source, output, kind, low, high, ranges, max_mb, feedback):
        """A vector INPUT for an app that draws only pictures: the styled layer rendered by QGIS into raster tiles
        (zooms and area of the export), then written like any raster MBTiles."""
        span = exports.zoom_span(source)
        low, high = max(low, span[0]), min(high, span[1])
        bbox = _bbox(ranges) if ranges else _file_bounds(source)
        feedback.pushInfo(self.say("Vector tiles: QGIS renders the styled layer into raster tiles at zoom {}-{} for "
                                   "{}.", low, high, formats.export_format(kind).apps))
        staged = output + ".render.mbtiles"
        try:
            renderer = _RendererFeedback(feedback)
            try:
                render_vector_mbtiles(source, staged, bbox, low, high, renderer)
            except QgsProcessingException:
                if exports.nearly_full(staged):  # QGIS's renderer does not say why: a full disk is said as one
                    raise exports.disk_full(output) from None
                for error in renderer.errors:  # its reason, without the traceback
                    feedback.reportError(error.strip().splitlines()[-1])
                raise
            identity.carry_identity(source, staged)  # the layer's title and credit, not the renderer's file name
            return exports.export(staged, output, kind, low, high, ranges, max_mb,
                                  lambda f: feedback.setProgress(100 * f), feedback.isCanceled)
        finally:
            for leftover in (staged + suffix for suffix in ("", "-journal", "-wal", "-shm")):
                if os.path.exists(leftover):
                    os.remove(leftover)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if getattr(self, "_load", False) and project is not None:
            for path in self._paths:
                layer = QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0], "gdal")
                if layer.isValid():
                    add_to_group(project, layer)
                else:
                    feedback.reportError(self.say("QGIS cannot open {}", path))
        return {}


class _RendererFeedback(QgsProcessingFeedback):
    """The feedback of QGIS's tile renderer: its progress, messages and cancel are the run's, but its errors (a
    Python traceback when it fails, a full disk included) are kept for export_rendered to say in one line."""

    def __init__(self, run):
        super().__init__()
        self.run, self.errors = run, []
        self.progressChanged.connect(run.setProgress)
        run.canceled.connect(self.cancel)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API names)
        self.errors.append(error)

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.run.pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API name)
        self.run.pushWarning(warning)


def _is_web(chosen):
    return chosen is not None and chosen.name == "web"


def _or(names):
    """'a, b or c'."""
    return "{} or {}".format(", ".join(names[:-1]), names[-1]) if len(names) > 1 else "".join(names)


def _layer_title(source):
    """The title of the layer the MBTiles holds (its metadata `name`, never a raw identifier), else its file name."""
    try:
        with mbtiles.MBTilesReader(source) as reader:
            metadata = reader.metadata()
    except (IgnOfflineError, sqlite3.Error):  # a raster: named by its file
        return os.path.splitext(os.path.basename(source))[0]
    return identity.layer_title(source, metadata)


def _is_vector(source):
    try:
        with mbtiles.MBTilesReader(source) as reader:
            return inventory.is_vector(reader.metadata())
    except (IgnOfflineError, sqlite3.Error):  # damaged: exports.check names it
        return False


def _file_bounds(source):
    """The file's `bounds`: what a rendering of the whole file covers."""
    with mbtiles.MBTilesReader(source) as reader:
        bounds = exports.source_bounds(reader.metadata())
    if bounds is None:
        raise InputError("'{}' has no bounds in its metadata: give the AREA (or EXTENT) to render.", source)
    return bounds


def _bbox(ranges):
    """The lon/lat box of tile ranges (the export's area)."""
    import mercantile

    boxes = [(mercantile.bounds(r.x_min, r.y_max, r.zoom), mercantile.bounds(r.x_max, r.y_min, r.zoom))
             for r in ranges]
    return (min(a.west for a, _ in boxes), min(a.south for a, _ in boxes), max(b.east for _, b in boxes),
            max(b.north for _, b in boxes))


def _existing_folder(folder):
    """`folder`, or its nearest existing parent: the run makes the missing ones (<library>/exports/<target>)."""
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder
