"""ign_offline:download_tiles — WMTS/XYZ tiles, or vector tiles (the Géoplateforme TMS, .pbf templates), into an
MBTiles file, byte-exact, resumable."""

import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..core import mbtiles, storage
from ..core.download.job import clamp_zooms, download_to_mbtiles, kept_tiles, what_is_kept
from ..core.errors import IgnOfflineError
from ..core.library import jobs as library
from ..core.messages import Message
from ..core.sources.prepare import layer_name, prepare_source
from ..core.tiles import areas, coverage
from ..i18n import marked
from ..toolbelt.layers import load_mbtiles
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_area_parameters,
    add_large_job_parameter,
    add_pace_parameters,
    add_shared_budget_parameters,
    add_source_parameters,
    add_zoom_parameters,
    area_from_parameters,
    check_large_job,
    check_usage_policy,
    explained,
    options_from_parameters,
    shared_budget,
    shared_budget_from_parameters,
    source_from_parameters,
    zooms_from_parameters,
)


class DownloadTiles(IgnOfflineAlgorithm):
    NAME = "download_tiles"
    DISPLAY_NAME = marked("Download tiles to MBTiles")
    GROUP = "tiles"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_source_parameters(self)
        add_area_parameters(self, polygon_layer=True)
        add_zoom_parameters(self, 8, 14)
        # Never a temporary file QGIS deletes on exit: by default the layer's file in the library folder.
        self.addParameter(explained(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("MBTiles file"), fileFilter="MBTiles (*.mbtiles)", defaultValue=library.DEFAULT_OUTPUT),
            self.tr("{LAYER} stands for the layer; an existing file of the same layer is resumed or extended.")))
        add_pace_parameters(self)
        add_shared_budget_parameters(self)
        self.addParameter(explained(QgsProcessingParameterNumber(
            "REFRESH_DAYS", self.tr("Re-check after (days)"), type=QgsProcessingParameterNumber.Double,
            optional=True, minValue=0.0),
            self.tr("Re-check the tiles older than this many days (empty = never).")))
        self.addParameter(QgsProcessingParameterBoolean(
            "RETRY_FAILED_ONLY", self.tr("Only retry the tiles that failed last time"), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the result to the project"), defaultValue=True))
        add_large_job_parameter(self)
        for name, label in (("TILES_DOWNLOADED", marked("Tiles downloaded")),
                            ("TILES_SKIPPED", marked("Tiles already present")),
                            ("TILES_EMPTY", marked("Tiles the server has no data for")),
                            ("TILES_FAILED", marked("Tiles failed"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def parse(self, parameters, context, feedback=None):
        # Local checks only: this also runs on the GUI thread (checkParameterValues).
        area = area_from_parameters(self, parameters, context, feedback)
        zoom_min, zoom_max = zooms_from_parameters(self, parameters, context)
        source = source_from_parameters(self, parameters, context)
        output = library.output_for(self.lasting_output(parameters, "OUTPUT", context),
                                    layer_name(source["endpoint"], source["layer"]))
        storage.check_output_file(output)  # a missing library folder is made in `process`
        mbtiles.inspect(output)  # refuses a foreign file before any download
        refresh = parameters.get("REFRESH_DAYS")
        options = options_from_parameters(self, parameters, context)
        if refresh not in (None, ""):
            options.refresh_days = self.parameterAsDouble(parameters, "REFRESH_DAYS", context)
        options.retry_failed_only = self.parameterAsBool(parameters, "RETRY_FAILED_ONLY", context)
        # Counted once, zoom by zoom up to the large-job limit: this runs on the GUI thread, and a polygon's tiles
        # cost (past the limit, `total` is what the job has at least: more than any usage policy allows).
        tally = coverage.area_total(area, zoom_min, zoom_max, areas.LARGE_JOB_TILES)
        check_usage_policy(source, tally[0], zoom_max)
        check_large_job(self, parameters, context, lambda limit: tally, output)
        return (source, area, zoom_min, zoom_max, output, options,
                self.parameterAsBool(parameters, "LOAD", context),
                shared_budget_from_parameters(self, parameters, context))

    def process(self, args, context, feedback):
        with shared_budget(self, args[-1], feedback):
            return self.process_download(args[:-1], context, feedback)

    def process_download(self, args, context, feedback):
        source, area, zoom_min, zoom_max, output, options, self._load = args
        self._output = output
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        # Held from here, before the capabilities are read: a second run on this file is refused at once.
        with storage.output_lock(output, Message("a download of {}", source["layer"] or source["endpoint"])):
            return self.download(source, area, zoom_min, zoom_max, output, options, feedback)

    def download(self, source, area, zoom_min, zoom_max, output, options, feedback):
        try:
            prepared = prepare_source(**source)  # network: here, on the task's thread
        except IgnOfflineError as exc:
            if kept_tiles(output):  # a file resumed: "nothing was stored" is of this run, its tiles stay
                exc.args = (Message("{} {}", exc.message, what_is_kept(output)),)
            raise
        zoom_min, zoom_max, note = clamp_zooms(prepared, zoom_min, zoom_max)
        if note:
            feedback.pushWarning(self.say(note))
        feedback.pushInfo(self.say("{} ({}) from {}, {} zoom {}-{} → {}",
            prepared.title, prepared.layer, prepared.public_url, area.title, zoom_min, zoom_max, output))
        stats = download_to_mbtiles(
            prepared, area, zoom_min, zoom_max, output, options,
            progress=lambda fraction: feedback.setProgress(100.0 * fraction),
            is_cancelled=feedback.isCanceled, log=self.log_to(feedback))
        self._title = prepared.title
        self._vector = prepared.is_vector
        feedback.pushInfo(self.say(
            "{:,} downloaded ({}), {:,} already present, {:,} unchanged (304), {:,} empty, {:,} failed.",
            stats.downloaded, storage.human_size(stats.bytes), stats.skipped, stats.not_modified,
            stats.empty, stats.failed))
        for error, count in stats.errors.most_common(5):
            feedback.reportError(self.say("{:,} tiles failed: {}", count, error))
        if stats.failed:
            feedback.pushInfo(self.tr("Run again (or with RETRY_FAILED_ONLY) to retry the failed tiles."))
        if stats.cancelled:
            feedback.pushInfo(self.tr("Cancelled. The tiles downloaded are kept: download again to resume."))
        return {"OUTPUT": output, "TILES_DOWNLOADED": stats.downloaded,
                "TILES_SKIPPED": stats.skipped + stats.not_modified, "TILES_EMPTY": stats.empty,
                "TILES_FAILED": stats.failed}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if getattr(self, "_load", False) and project is not None and os.path.exists(self._output):
            try:
                load_mbtiles(project, self._output, self._title)  # a vector file as a vector tile layer
            except ValueError as exc:
                feedback.reportError(self.say(exc.args[0]))
        return {}

