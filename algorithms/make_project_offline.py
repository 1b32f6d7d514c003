"""ign_offline:make_project_offline — a copy of a project whose every layer is offline, ready for the field: tile
layers (the plugin's overview basemap too) become MBTiles, files are copied, memory layers are written into the
copy's GeoPackage; a layer that cannot be taken offline is left out with a note, or kept online when KEEP_ONLINE."""

import dataclasses
import os
from urllib.parse import parse_qsl

from osgeo import gdal
from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
)

from ..core import mbtiles, naming, storage
from ..core.download.engine import DownloadFailed
from ..core.download.job import clamp_zooms, clipped_ranges, download_to_mbtiles, metadata_for
from ..core.errors import IgnOfflineError, InputError
from ..core.field import exports, projects
from ..core.library import inventory, merge
from ..core.messages import plural
from ..core.sources.prepare import prepare_source
from ..core.tiles import coverage
from ..core.vector import styles
from ..i18n import marked
from ..toolbelt.helper_layers import write_table
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_area_parameters,
    add_authcfg_parameter,
    add_large_job_parameter,
    add_pace_parameters,
    add_zoom_parameters,
    area_from_parameters,
    check_large_job,
    credentials_from_parameters,
    options_from_parameters,
    zooms_from_parameters,
)


class MakeProjectOffline(IgnOfflineAlgorithm):
    NAME = "make_project_offline"
    DISPLAY_NAME = marked("Make a project offline")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            "PROJECT", self.tr("Project (.qgz/.qgs; default: the current project, saved)"),
            behavior=QgsProcessingParameterFile.File, optional=True))
        add_area_parameters(self, polygon_layer=True)
        add_zoom_parameters(self, 8, 16)
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Folder for the offline project (basemaps/ and data/ inside)")))
        self.addParameter(QgsProcessingParameterFile(
            "LIBRARY", self.tr("Offline library to take tiles from first (optional)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "KEEP_ONLINE", self.tr("Keep the layers that cannot be taken offline (WMS, databases…), online"),
            defaultValue=False))
        add_pace_parameters(self)
        add_authcfg_parameter(self)
        add_large_job_parameter(self)
        self.addOutput(QgsProcessingOutputString("PROJECT_OFFLINE", self.tr("The offline project")))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("What was done, per layer")))

    def parse(self, parameters, context, feedback=None):
        path = self.parameterAsFile(parameters, "PROJECT", context)
        if not path:
            current = context.project()
            path = current.fileName() if current is not None else ""
            if not path:
                raise InputError("Give the PROJECT (.qgz/.qgs), or save the current project first.")
        project = projects.read_project(path)
        output = self.lasting_output(parameters, "OUTPUT_FOLDER", context, folder=True)
        projects.check_output_folder(project, output)
        storage.check_writable_folder(os.path.dirname(os.path.abspath(output)))
        area = area_from_parameters(self, parameters, context, feedback)
        zoom_min, zoom_max = zooms_from_parameters(self, parameters, context)
        tile_layers = sum(1 for layer in project.layers if layer.kind == projects.TILE)
        check_large_job(self, parameters, context, lambda limit: coverage.area_total(area, zoom_min, zoom_max, limit,
                                                                                     tile_layers), output)
        library = self.parameterAsFile(parameters, "LIBRARY", context) or None
        if library and not os.path.isdir(library):
            raise InputError("The LIBRARY folder '{}' does not exist.", library)
        keep_online = self.parameterAsBool(parameters, "KEEP_ONLINE", context)
        return (project, output, area, zoom_min, zoom_max, library, options_from_parameters(self, parameters, context),
                credentials_from_parameters(self, parameters, context), keep_online, context.project())

    def process(self, args, context, feedback):
        project, output, area, zoom_min, zoom_max, library, options, credentials, keep_online, live = args
        os.makedirs(output, exist_ok=True)
        offline = projects.clone(project)
        report, done, failed, tables = [], 0, 0, set()
        tile_layers = [layer for layer in project.layers if layer.kind == projects.TILE]
        with_account, note = projects.account_layers(tile_layers, credentials.origin) if credentials else (set(), None)
        if note:
            feedback.pushWarning(self.say(note))
        for layer in project.layers:
            if feedback.isCanceled():
                break
            try:
                if layer.kind == projects.FILE:
                    line = self.copy_file(offline, layer, output)
                elif layer.kind == projects.MEMORY:
                    line = self.write_memory(offline, layer, live, output, tables)
                elif layer.kind == projects.OTHER:
                    raise InputError(layer.reason)
                elif layer.vector:
                    line = self.take_vector_tiles(offline, layer, area, zoom_min, zoom_max, output, library, options,
                                                  tile_layers.index(layer), len(tile_layers), feedback)
                else:
                    line = self.take_tiles(offline, layer, area, zoom_min, zoom_max, output, library, options,
                                           credentials if layer.id in with_account else None,
                                           tile_layers.index(layer), len(tile_layers), feedback)
            except (IgnOfflineError, DownloadFailed) as exc:
                failed += layer.kind == projects.TILE
                report.append(self.not_offline(offline, layer, exc, keep_online))
                feedback.pushWarning(report[-1])  # said once: the report repeats it, the log does not
                continue
            done += 1
            report.append(line)
            feedback.pushInfo(line)
        if feedback.isCanceled():
            feedback.pushInfo(self.tr("Cancelled: run again to resume (tiles already fetched are kept)."))
            return {"PROJECT_OFFLINE": "", "REPORT": "\n".join(report)}
        if tile_layers and failed == len(tile_layers) and not done:
            raise IgnOfflineError("No layer of the project could be taken offline: see the messages above.")
        written = projects.write_project(offline, output)
        report.append(self.say("Offline project: {} (paths relative to it: move or copy the whole folder)", written))
        feedback.pushInfo(report[-1])
        return {"OUTPUT_FOLDER": output, "PROJECT_OFFLINE": written, "REPORT": "\n".join(report)}

    def not_offline(self, offline, layer, reason, keep_online):
        """The line for a layer that could not be taken offline: kept online when asked, else left out of the copy
        (no layer of the copy needs the network unless the user said so)."""
        reason = self.say(getattr(reason, "message", None) or str(reason))
        if keep_online:
            return self.say("{}: kept online, as asked — {}", layer.name, reason)
        projects.leave_out(offline, layer.id)
        return self.say("{}: left out of the offline project — {}", layer.name, reason)

    def copy_file(self, offline, layer, output):
        source = projects.copy_file_layer(layer, os.path.join(output, "data"))
        projects.repoint(offline, layer.id, source, layer.provider)
        line = self.say("{}: copied → {} ({})", layer.name, source.split("|")[0],
                        storage.human_size(os.path.getsize(layer.path)))
        return line + self.styles_note(projects.copied_file(output, source))

    def styles_note(self, copied):
        """What a vector MBTiles copied takes with it: its saved styles, to switch among in the field."""
        names = styles.saved_styles(copied)
        if not names:
            return ""
        return self.say(", with its saved styles: {}", ", ".join(names))

    def write_memory(self, offline, layer, live, output, tables):
        """A memory layer's features, which only the open QGIS project holds (a project file keeps none), written
        into the copy's layers.gpkg, and the layer re-pointed at its table."""
        present = live.mapLayer(layer.id) if live is not None else None
        if present is None or present.providerType() != "memory":
            raise InputError("a temporary (memory) layer: its features are not saved in the project file; open the "
                             "project in QGIS, or save the layer as a file first")
        table = projects.memory_table(layer, tables)
        path = os.path.join(output, projects.LAYERS_FILE)
        write_table(present, path, table, live.transformContext())
        projects.repoint(offline, layer.id, "./{}|layername={}".format(projects.LAYERS_FILE, table), "ogr")
        count = present.featureCount()
        return self.say(plural(count, "{}: temporary layer written → {} ({:,} feature)",
                               "{}: temporary layer written → {} ({:,} features)", layer.name, projects.LAYERS_FILE,
                               count))

    def take_vector_tiles(self, offline, layer, area, zoom_min, zoom_max, output, library, options, index, count,
                          feedback):
        """An online vector tile layer: from the library's vector MBTiles of that layer when it has one, else
        downloaded (V1's engine, as raster layers) into basemaps/<name>.mbtiles; the layer re-pointed at the file,
        its renderer and labeling kept as in the project."""
        wanted = layer.tile_source["layer"] or layer.name
        source = naming.library_file(library, wanted) if library else None
        if source and os.path.isfile(source) and inventory.is_vector(_metadata(source)):
            return self.vector_tiles_from_library(offline, layer, area, zoom_min, zoom_max, output, source, wanted)
        prepared = self.prepare_vector_source(layer, feedback)
        zmax = _layer_zmax(layer)
        if zmax is not None and zoom_max > zmax:  # the layer overzooms its last zoom: deeper tiles go unused
            zoom_min, zoom_max = min(zoom_min, zmax), zmax
        low, high, note = clamp_zooms(prepared, zoom_min, zoom_max)
        if note:
            feedback.pushWarning(note)
        path = naming.library_file(os.path.join(output, "basemaps"), layer.name or prepared.layer)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with storage.output_lock(path, "make_project_offline of {}".format(layer.name)):  # library copy + download
            stats, _ = self.fill_basemap(layer, prepared, area, low, high, path, library, options, index, count,
                                         feedback)
        projects.repoint(offline, layer.id, projects.vector_mbtiles_source("./basemaps/" + os.path.basename(path)),
                         "vectortile")
        return self.say("{}: {:,} vector tiles at zoom {}-{} ({:,} fetched, {:,} already there, {:,} failed), {} → "
                        "basemaps/{}", layer.name, stats.downloaded + stats.skipped + stats.not_modified, low, high,
                        stats.downloaded, stats.skipped + stats.not_modified, stats.failed,
                        storage.human_size(os.path.getsize(path)), os.path.basename(path))

    def prepare_vector_source(self, layer, feedback):
        """The Géoplateforme TMS layer (its metadata.json gives zooms, bounds, vector layers, title) for a
        …/tms/1.0.0/{Layer}/… template; any other template, or a TMS whose metadata cannot be read, as an XYZ
        template (its vector layers read from the tiles)."""
        endpoint, name = layer.tile_source["endpoint"], layer.tile_source["layer"]
        if name:
            root = endpoint[:endpoint.index(projects.TMS_MARK) + len(projects.TMS_MARK) - 1]
            try:
                return prepare_source(root, name)
            except IgnOfflineError as exc:
                feedback.pushInfo(self.say("{}: the layer's metadata.json could not be read ({}): its tiles are "
                                           "taken as an XYZ template.", layer.name, self.say(exc.message)))
        return prepare_source(**layer.tile_source)

    def vector_tiles_from_library(self, offline, layer, area, zoom_min, zoom_max, output, source, wanted):
        """The area's tiles of the library's vector MBTiles of the layer copied as they are into
        basemaps/<name>.mbtiles, the layer re-pointed at it."""
        span = exports.zoom_span(source)
        low, high = max(zoom_min, span[0]), min(zoom_max, span[1])  # beyond its last zoom QGIS overzooms
        if low > high:
            raise InputError("the library's {} holds zooms {}-{}, none of {}-{}: choose zooms it holds", wanted,
                             span[0], span[1], zoom_min, zoom_max)
        ranges = [r for z in range(low, high + 1) for r in coverage.area_ranges(area, z)]
        folder = os.path.join(output, "basemaps")
        os.makedirs(folder, exist_ok=True)
        path = naming.library_file(folder, layer.name or wanted)
        parts = exports.export(source, path, "mbtiles", low, high, ranges)
        styles.copy_styles(source, path)  # the library's styles go with it: switching works in the field
        projects.repoint(offline, layer.id, projects.vector_mbtiles_source("./basemaps/" + os.path.basename(path)),
                         "vectortile")
        return self.say("{}: {:,} vector tiles at zoom {}-{} taken from the library, {} → basemaps/{}", layer.name,
                        sum(part.tiles for part in parts), low, high, storage.human_size(os.path.getsize(path)),
                        os.path.basename(path)) + self.styles_note(path)

    def take_tiles(self, offline, layer, area, zoom_min, zoom_max, output, library, options, credentials, index, count,
                   feedback):
        """Download one tile layer's tiles of the area into basemaps/<name>.mbtiles and re-point the layer.
        `credentials`: None unless the layer is private and on the account's server (projects.account_layers)."""
        prepared = prepare_source(**dict(layer.tile_source, credentials=credentials))
        low, high, note = clamp_zooms(prepared, zoom_min, zoom_max)
        if note:
            feedback.pushWarning(note)
        folder = os.path.join(output, "basemaps")
        os.makedirs(folder, exist_ok=True)
        name = naming.safe_name(layer.name or prepared.layer)
        path = naming.library_file(folder, layer.name or prepared.layer)
        with storage.output_lock(path, "make_project_offline of {}".format(layer.name)):  # library copy + download
            stats, reused = self.fill_basemap(layer, prepared, area, low, high, path, library, options, index,
                                              count, feedback)
        dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
        bands = dataset.RasterCount if dataset is not None else 4
        dataset = None
        projects.repoint(offline, layer.id, "./basemaps/" + os.path.basename(path), "gdal", bands)
        total = stats.downloaded + stats.skipped + stats.not_modified
        there = stats.skipped + stats.not_modified
        size = storage.human_size(os.path.getsize(path))
        if reused:  # one line per layer: the library's share in it, not a line of its own before it
            return self.say("{}: {:,} tiles at zoom {}-{} ({:,} from the library, {:,} fetched, {:,} already there, "
                            "{:,} failed), {} → basemaps/{}.mbtiles",
                            layer.name, total, low, high, min(reused, there), stats.downloaded,
                            max(there - reused, 0), stats.failed, size, name)
        return self.say("{}: {:,} tiles at zoom {}-{} ({:,} fetched, {:,} already there, {:,} failed), {} → "
                        "basemaps/{}.mbtiles",
                        layer.name, total, low, high, stats.downloaded, there, stats.failed, size, name)

    def fill_basemap(self, layer, prepared, area, low, high, path, library, options, index, count, feedback):
        """Under the basemap's lock: the library's tiles first, then the download of what is missing; (its stats,
        the tiles taken from the library)."""
        reused = 0
        if library:
            ranges, _ = clipped_ranges(prepared, area, low, high)
            reused = merge.copy_area(naming.library_file(library, prepared.layer), path,
                                     ranges, tuple(prepared.identity().values()),
                                     metadata_for(prepared, area, low, high))
        stats = download_to_mbtiles(  # a copy of the options: a server's policy slows this layer only
            prepared, area, low, high, path, dataclasses.replace(options),
            progress=lambda f: feedback.setProgress(100.0 * (index + f) / count),
            is_cancelled=feedback.isCanceled, log=self.log_to(feedback))
        return stats, reused


def _layer_zmax(layer):
    """The last zoom a vector tile layer asks its server for (`zmax` of its source), or None."""
    value = dict(parse_qsl(layer.source or "", keep_blank_values=True)).get("zmax", "")
    return int(value) if value.isdigit() else None


def _metadata(path):
    with mbtiles.MBTilesReader(path) as reader:
        return reader.metadata()

