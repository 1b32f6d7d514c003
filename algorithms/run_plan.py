"""ign_offline:run_plan — fill (or refresh) an offline library from a JSON plan: one MBTiles per layer."""

import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import storage
from ..core.errors import IgnOfflineError
from ..core.library import jobs as library
from ..core.library import plans
from ..core.messages import plural
from ..core.text import duration
from ..core.tiles import coverage
from ..core.vector import styles
from ..i18n import marked, number
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_authcfg_parameter,
    add_large_job_parameter,
    add_pace_parameters,
    check_large_job,
    credentials_from_parameters,
    options_from_parameters,
)


class RunPlan(IgnOfflineAlgorithm):
    NAME = "run_plan"
    DISPLAY_NAME = marked("Run a library plan")
    GROUP = "library"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            "PLAN", self.tr("Plan (JSON: source, entries of layer, area, zoom_min, zoom_max)"),
            extension="json"))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "LIBRARY", self.tr("Library folder (one <LAYER>.mbtiles per layer)"), defaultValue=library.DEFAULT_LIBRARY))
        add_pace_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(
            "REFRESH_DAYS", self.tr("Re-check tiles older than this many days (empty = never; 0 = all)"),
            type=QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        add_authcfg_parameter(self)
        self.addParameter(QgsProcessingParameterString(
            "SHARD", self.tr("Only this machine's part, i/n (e.g. 2/3); empty = everything"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "ESTIMATE_ONLY", self.tr("Only estimate (tiles, size, time per layer and zoom; fetch no tile)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the library's files to the project"), defaultValue=True))
        add_large_job_parameter(self)
        self.addOutput(QgsProcessingOutputNumber("TILES_PLANNED", self.tr("Tiles in the plan (this shard's)")))
        self.addOutput(QgsProcessingOutputNumber("TILES_DOWNLOADED", self.tr("Tiles downloaded")))
        self.addOutput(QgsProcessingOutputNumber("TILES_FAILED", self.tr("Tiles failed")))
        self.addOutput(QgsProcessingOutputString("MBTILES", self.tr("Library files (one per line)")))

    def parse(self, parameters, context, feedback=None):
        plan = plans.load_plan(self.parameterAsFile(parameters, "PLAN", context))
        folder = self.lasting_output(parameters, "LIBRARY", context, folder=True)
        library.check_library(folder)
        shard = plans.parse_shard(self.parameterAsString(parameters, "SHARD", context))
        if not self.parameterAsBool(parameters, "ESTIMATE_ONLY", context):
            # Entries may overlap: their sum is an upper bound; a shard takes its part of it.
            planned = sum(sum(coverage.area_counts(e.area, e.zoom_min, e.zoom_max).values()) for e in plan.entries)
            check_large_job(self, parameters, context, planned // (shard[1] if shard else 1), folder)
        options = options_from_parameters(self, parameters, context)
        if parameters.get("REFRESH_DAYS") not in (None, ""):
            options.refresh_days = self.parameterAsDouble(parameters, "REFRESH_DAYS", context)
        return (plan, folder, shard, options, credentials_from_parameters(self, parameters, context),
                self.parameterAsBool(parameters, "ESTIMATE_ONLY", context),
                self.parameterAsBool(parameters, "LOAD", context))

    def process(self, args, context, feedback):
        plan, folder, shard, options, credentials, estimate_only, load = args
        self._files = []
        jobs = library.prepare_jobs(plan, folder, credentials, shard, feedback.isCanceled)  # network: capabilities
        library.check_pace_policies(jobs, options, feedback.pushInfo)
        part = self.say(" (shard {}/{})", *shard) if shard else ""
        for item in jobs:
            for note in item.notes:
                feedback.pushWarning(note)
            feedback.pushInfo(self.say(
                plural(item.total, "{}: {:,} tile at zoom {}-{}{} → {}", "{}: {:,} tiles at zoom {}-{}{} → {}",
                       item.job.layer, item.total, min(item.counts, default="-"), max(item.counts, default="-"),
                       part, item.output)))
        planned = sum(item.total for item in jobs)
        if estimate_only:
            self.report_estimate(jobs, options, feedback)
            return {"TILES_PLANNED": planned, "TILES_DOWNLOADED": 0, "TILES_FAILED": 0, "MBTILES": ""}
        library.check_library(folder, create=True)
        results = library.run_jobs(jobs, options, shard, lambda f: feedback.setProgress(100 * f),
                                   feedback.isCanceled, feedback.pushInfo)
        downloaded = failed = 0
        for result in results:
            if result.stats is not None:
                stats = result.stats
                downloaded += stats.downloaded
                failed += stats.failed
                feedback.pushInfo(self.say(
                    "{}: {:,} downloaded ({}), {:,} already there, {:,} unchanged, {:,} empty, {:,} failed.",
                    result.item.job.layer, stats.downloaded, storage.human_size(stats.bytes), stats.skipped,
                    stats.not_modified, stats.empty, stats.failed))
            elif result.error:
                feedback.reportError(self.say("{}: {}", result.item.job.layer, result.error))
        if not feedback.isCanceled():
            # Vector layers of a TMS: their styles (the entry's, else all IGN publishes) beside the file.
            for output, saved in library.save_job_styles(results, self.log_to(feedback)).items():
                feedback.pushInfo(self.say(plural(len(saved), "{} style saved in {}.", "{} styles saved in {}.",
                                                  len(saved), styles.styles_folder(output))))
        self._files = [item.output for item in jobs if os.path.exists(item.output)]
        self._load = load
        if feedback.isCanceled():
            feedback.pushInfo(self.say("Cancelled: run the plan again to resume where it stopped."))
        elif results and all(r.error for r in results if r.item.total):
            raise IgnOfflineError("No layer of the plan could be downloaded: see the messages above.")
        return {"TILES_PLANNED": planned, "TILES_DOWNLOADED": downloaded, "TILES_FAILED": failed,
                "MBTILES": "\n".join(self._files), "LIBRARY": folder}

    def report_estimate(self, jobs, options, feedback):
        rows = library.estimate(jobs)
        missing = sum(r.tiles - r.present for r in rows)
        size = sum(r.bytes for r in rows)
        for row in rows:
            feedback.pushInfo(self.say(
                "{} zoom {}: {:,} tiles, {:,} already in the library, about {}{}",
                row.layer, row.zoom, row.tiles, row.present, storage.human_size(row.bytes),
                self.say(" (size per tile assumed)") if row.assumed else ""))
        rate = options.max_rate or 0
        if rate:
            hours = (self.tr("{} h {:02d} min"), self.tr("{} min"), self.tr("{} s"))
            eta = self.say("about {} at {} requests/s", duration(missing / rate, hours),
                           number(rate, 0 if float(rate).is_integer() else 1))
        else:
            eta = self.say("time unknown without a rate cap")
        feedback.pushInfo(self.say("To fetch: {:,} tiles, about {}; {}.", missing, storage.human_size(size), eta))

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        if getattr(self, "_load", False):
            self.load_results(context, feedback, self._files)
        return {}
