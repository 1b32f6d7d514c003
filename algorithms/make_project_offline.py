"""ign_offline:make_project_offline — a copy of a project whose every layer is offline, ready for the field: tile
layers (the plugin's overview basemap too) become MBTiles, files are copied, memory layers are written into the
copy's GeoPackage; a layer that cannot be taken offline is left out with a note, or kept online when KEEP_ONLINE."""

import os

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
)

from ..core import storage
from ..core.download.engine import DownloadFailed
from ..core.errors import IgnOfflineError, InputError
from ..core.field import offline_copy, projects
from ..i18n import marked
from ..toolbelt.offline_copy import write_memory_layer
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
    explained,
    options_from_parameters,
    zooms_from_parameters,
)


class MakeProjectOffline(IgnOfflineAlgorithm):
    NAME = "make_project_offline"
    DISPLAY_NAME = marked("Make a project offline")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile(
            "PROJECT", self.tr("Project (.qgz/.qgs)"), behavior=QgsProcessingParameterFile.File, optional=True),
            self.tr("Default: the current project, saved.")))
        add_area_parameters(self, polygon_layer=True)
        add_zoom_parameters(self, 8, 16)
        self.addParameter(explained(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Folder for the offline project")),
            self.tr("Its basemaps/ and data/ folders hold the offline layers.")))
        self.addParameter(explained(QgsProcessingParameterFile(
            "LIBRARY", self.tr("Offline library"), behavior=QgsProcessingParameterFile.Folder, optional=True),
            self.tr("An offline library to take tiles from first.")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "KEEP_ONLINE", self.tr("Keep the other layers online"), defaultValue=False),
            self.tr("Keep the layers that cannot be taken offline (WMS, databases…), online.")))
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
        library = self.parameterAsFile(parameters, "LIBRARY", context) or None
        if library and not os.path.isdir(library):
            raise InputError("The LIBRARY folder '{}' does not exist.", library)
        # weighed as the dock weighs it before asking (the library's files measured the tiles to come)
        check_large_job(self, parameters, context, lambda limit: offline_copy.planned_weight(
            project, area, zoom_min, zoom_max, library, limit), output)
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
                    parts = offline_copy.copy_file(offline, layer, output)
                elif layer.kind == projects.MEMORY:
                    parts = write_memory_layer(offline, layer, live, output, tables)
                elif layer.kind == projects.OTHER:
                    raise InputError(layer.reason)
                elif layer.vector:
                    parts = offline_copy.take_vector_tiles(
                        offline, layer, area, zoom_min, zoom_max, output, library, options,
                        self.watch(feedback, tile_layers.index(layer), len(tile_layers)))
                else:
                    parts = offline_copy.take_tiles(
                        offline, layer, area, zoom_min, zoom_max, output, library, options,
                        credentials if layer.id in with_account else None,
                        self.watch(feedback, tile_layers.index(layer), len(tile_layers)))
                line = "".join(self.say(part) for part in parts)
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

    def watch(self, feedback, index, count):
        """How core follows the `index`-th of `count` tile layers: its share of the progress bar, the log."""
        return offline_copy.Watch(progress=lambda f: feedback.setProgress(100.0 * (index + f) / count),
                                  is_cancelled=feedback.isCanceled, log=self.log_to(feedback),
                                  info=lambda message: feedback.pushInfo(self.say(message)),
                                  warn=feedback.pushWarning)  # as before: the zooms' note pushed as it is
