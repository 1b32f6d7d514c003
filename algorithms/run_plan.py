"""ign_offline:run_plan — fill (or refresh) an offline library from a JSON plan: one MBTiles per layer, then the
plan's whole datasets (BD TOPO, RGE ALTI…) kept fresh in its datasets/ folder."""

import dataclasses
import json
import os
import time

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
from ..core.datasets import sync as datasets
from ..core.errors import IgnOfflineError
from ..core.library import jobs as library
from ..core.library import plans, refresh
from ..core.messages import plural
from ..core.text import duration
from ..core.vector import styles
from ..i18n import marked, number, reason
from ..toolbelt.dataset_results import load_result
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_authcfg_parameter,
    add_large_job_parameter,
    add_pace_parameters,
    add_shared_budget_parameters,
    allows_large,
    check_large_download,
    check_large_job,
    credentials_from_parameters,
    explained,
    options_from_parameters,
    shared_budget,
    shared_budget_from_parameters,
)


class RunPlan(IgnOfflineAlgorithm):
    NAME = "run_plan"
    DISPLAY_NAME = marked("Run a library plan")
    GROUP = "library"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile(
            "PLAN", self.tr("Plan file (JSON)"), extension="json"),
            self.tr("Its source, and its entries of layer, area, zoom_min, zoom_max.")))
        self.addParameter(explained(QgsProcessingParameterFolderDestination(
            "LIBRARY", self.tr("Library folder"), defaultValue=library.DEFAULT_LIBRARY),
            self.tr("One .mbtiles file per layer, named after it.")))
        add_pace_parameters(self)
        self.addParameter(explained(QgsProcessingParameterNumber(
            "REFRESH_DAYS", self.tr("Re-check after (days)"), type=QgsProcessingParameterNumber.Double,
            optional=True, minValue=0.0),
            self.tr("Re-check the tiles older than this many days (empty = never; 0 = all).")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "ONLY_DUE", self.tr("Only the entries due"), defaultValue=False),
            self.tr("Only the entries due for a refresh (the plan's refresh_days); none due: nothing runs.")))
        add_authcfg_parameter(self)
        self.addParameter(explained(QgsProcessingParameterString(
            "SHARD", self.tr("This machine's part (i/n)"), optional=True),
            self.tr("Only this machine's part, i/n (e.g. 2/3); empty = everything.")))
        add_shared_budget_parameters(self)
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "ESTIMATE_ONLY", self.tr("Only estimate (fetch no tile)"), defaultValue=False),
            self.tr("Tiles, size and time per layer and zoom; no tile is fetched.")))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the library's files to the project"), defaultValue=True))
        add_large_job_parameter(self)
        self.addOutput(QgsProcessingOutputNumber("TILES_PLANNED", self.tr("Tiles in the plan (this shard's)")))
        self.addOutput(QgsProcessingOutputNumber("TILES_DOWNLOADED", self.tr("Tiles downloaded")))
        self.addOutput(QgsProcessingOutputNumber("TILES_FAILED", self.tr("Tiles failed")))
        self.addOutput(QgsProcessingOutputString("MBTILES", self.tr("Library files (one per line)")))
        self.addOutput(QgsProcessingOutputString(
            "DATASETS", self.tr("Datasets of the plan: entry, product, status, files made (JSON)")))
        self.addOutput(QgsProcessingOutputString(
            "ENTRIES_FAILED", self.tr("Entries that could not run, and why (JSON)")))
        self.addOutput(QgsProcessingOutputString(
            "REFRESH", self.tr("What the refresh changed, per layer and dataset (JSON; the addresses are in the "
                               "library's refresh/report.jsonl)")))
        self.addOutput(QgsProcessingOutputString(
            "STYLES_NOT_SAVED", self.tr("Styles of vector layers not saved, and why (one layer per line)")))

    def parse(self, parameters, context, feedback=None):
        # One bad entry is one failed entry: set aside with its error, the others run.
        plan = plans.load_plan(self.parameterAsFile(parameters, "PLAN", context), lenient=True)
        folder = self.lasting_output(parameters, "LIBRARY", context, folder=True)
        library.check_library(folder)
        started = time.time()
        due = refresh.due_entries(plan, folder, started)  # reads the library's record: no network
        only_due = self.parameterAsBool(parameters, "ONLY_DUE", context)
        if only_due:
            numbers = {item.entry.number for item in due}
            plan = dataclasses.replace(plan, entries=[e for e in plan.entries if e.number in numbers],
                                       datasets=[e for e in plan.datasets if e.number in numbers])
        shard = plans.parse_shard(self.parameterAsString(parameters, "SHARD", context))
        if not self.parameterAsBool(parameters, "ESTIMATE_ONLY", context):
            check_large_job(self, parameters, context,
                            lambda limit: library.planned_weight(plan, folder, limit, shard), folder)  # as the dock
        options = options_from_parameters(self, parameters, context)
        if parameters.get("REFRESH_DAYS") not in (None, ""):
            options.refresh_days = self.parameterAsDouble(parameters, "REFRESH_DAYS", context)
        self._refresh = (started, due, only_due)
        return (plan, folder, shard, options, credentials_from_parameters(self, parameters, context),
                self.parameterAsBool(parameters, "ESTIMATE_ONLY", context),
                self.parameterAsBool(parameters, "LOAD", context), allows_large(self, parameters, context),
                shared_budget_from_parameters(self, parameters, context, shard))

    def process(self, args, context, feedback):
        with shared_budget(self, args[-1], feedback):
            return self.process_plan(args[:-1], context, feedback)

    def process_plan(self, args, context, feedback):
        plan, folder, shard, options, credentials, estimate_only, load, allow_large = args
        self._files, self._datasets = [], []
        if self._refresh[2] and not plan.entries and not plan.datasets:  # ONLY_DUE, and none is due
            feedback.pushInfo(self.say("No entry of the plan is due for a refresh: nothing to do."))
            return {"TILES_PLANNED": 0, "TILES_DOWNLOADED": 0, "TILES_FAILED": 0, "MBTILES": "", "LIBRARY": folder,
                    "DATASETS": "[]", "ENTRIES_FAILED": "[]", "STYLES_NOT_SAVED": "", "REFRESH": "[]"}
        self._failed_entries = [(number, exc.message) for number, exc in plan.failed]
        for _, why in self._failed_entries:
            feedback.reportError(self.say(why))
        unprepared = []  # a layer whose source cannot be read (broken, hostile metadata): its entries fail alone
        jobs = library.prepare_jobs(plan, folder, credentials, shard, feedback.isCanceled, unprepared)  # network
        for item in jobs:  # the tiles of its entries due are re-checked (REFRESH_DAYS, when given, instead)
            item.refresh_cutoff = refresh.tile_cutoff(item.job, self._refresh[1])
        for job, exc in unprepared:
            numbers = ", ".join(str(entry.number) for entry in job.entries)
            self._failed_entries.extend((entry.number, exc.message) for entry in job.entries)
            feedback.reportError(self.say("Entries {} ({}): {}", numbers, job.layer, exc.message))
        if self._failed_entries and not jobs and not plan.datasets:
            raise IgnOfflineError("No entry of the plan could run: see the messages above.")
        library.check_pace_policies(jobs, options, feedback.pushInfo)
        part = self.say(" (shard {}/{})", *shard) if shard else ""
        for item in jobs:
            for note in item.notes:
                feedback.pushWarning(note)
            feedback.pushInfo(self.say(
                plural(item.total, "{}: {:,} tile at zoom {}-{}{} → {}", "{}: {:,} tiles at zoom {}-{}{} → {}",
                       item.job.layer, item.total, min(item.counts, default="-"), max(item.counts, default="-"),
                       part, item.output)))
        services = {}
        try:
            return self.run_all(plan, folder, shard, options, estimate_only, load, allow_large, jobs, services,
                                feedback)
        finally:
            library.close_services(services)

    def run_all(self, plan, folder, shard, options, estimate_only, load, allow_large, jobs, services, feedback):
        """The plan's tiles, then its datasets (services: the download-service clients, by root)."""
        planned = sum(item.total for item in jobs)
        # Datasets are whole files: one machine fetches them (the first shard), never each machine again.
        runs = library.plan_datasets(plan, folder, feedback.isCanceled, self.log_to(feedback), services) \
            if not shard or shard[0] == 1 else []
        self.report_datasets(runs, feedback)
        if estimate_only:
            self.report_estimate(jobs, options, feedback)
            return {"TILES_PLANNED": planned, "TILES_DOWNLOADED": 0, "TILES_FAILED": 0, "MBTILES": "",
                    "DATASETS": json.dumps([self.dataset_row(run) for run in runs], ensure_ascii=False),
                    "ENTRIES_FAILED": self.failed_entries(), "STYLES_NOT_SAVED": "", "REFRESH": "[]"}
        check_large_download(allow_large, [z for run in runs for z in run.zones], folder)
        library.check_library(folder, create=True)
        share = 0.5 if runs and jobs else (1.0 if jobs else 0.0)
        results = library.run_jobs(jobs, options, shard, lambda f: feedback.setProgress(100 * share * f),
                                   feedback.isCanceled, feedback.pushInfo)
        library.run_datasets(runs, folder, lambda f: feedback.setProgress(100 * (share + (1 - share) * f)),
                             feedback.isCanceled, self.log_to(feedback), services)
        self._datasets = [run for run in runs if run.result is not None and run.result.outputs]
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
        changed = self.report_refresh(folder, results, runs, options, feedback)
        not_saved = []
        if not feedback.isCanceled():
            # Vector layers of a TMS: their styles (the entry's, else all IGN publishes) beside the file.
            # Each style on its own: one the server lacks is a warning, the map and the other styles stay.
            for output, saved in library.save_job_styles(results, self.log_to(feedback)).items():
                feedback.pushInfo(self.say(plural(len(saved.saved), "{:,} style saved in {}.",
                                                  "{:,} styles saved in {}.", len(saved.saved),
                                                  styles.styles_folder(output))))
                if saved.failed:
                    not_saved.append(self.say(saved.problem()))
                    feedback.pushWarning(not_saved[-1])
        self._files = [item.output for item in jobs if os.path.exists(item.output)]
        self._load = load
        rows = [self.dataset_row(run) for run in runs]
        for row in rows:
            report = feedback.reportError if row["status"] == datasets.FAILED else feedback.pushInfo
            report(self.say("Entry {} ({}): {}.", row["entry"], row["product"], datasets.STATUS_MESSAGES.get(
                row["status"], row["status"])))
        tiles_failed = bool(results) and all(r.error for r in results if r.item.total)
        datasets_failed = bool(runs) and all(row["status"] == datasets.FAILED for row in rows)
        if feedback.isCanceled():
            feedback.pushInfo(self.say("Cancelled: run the plan again to resume where it stopped."))
        elif (tiles_failed or not results) and (datasets_failed or not runs) and (results or runs):
            raise IgnOfflineError("No layer or dataset of the plan could be downloaded: see the messages above.")
        return {"TILES_PLANNED": planned, "TILES_DOWNLOADED": downloaded, "TILES_FAILED": failed,
                "MBTILES": "\n".join(self._files), "LIBRARY": folder,
                "DATASETS": json.dumps(rows, ensure_ascii=False), "ENTRIES_FAILED": self.failed_entries(),
                "STYLES_NOT_SAVED": "\n".join(not_saved), "REFRESH": changed}

    def report_refresh(self, folder, results, runs, options, feedback):
        """What the refresh changed, kept in the library's report and said per layer and dataset; the REFRESH
        output (the report's lines without their addresses)."""
        started, due, _ = self._refresh
        records = refresh.conclude(folder, started, results, runs, due, options.refresh_days)
        for record in records:
            feedback.pushInfo(self.say(refresh.summary(record)))
        return json.dumps([{k: v for k, v in record.items() if k != "tiles"} for record in records],
                          ensure_ascii=False)

    def failed_entries(self):
        """The entries set aside (a field at fault, a source that cannot be read), as JSON: entry, error."""
        return json.dumps([{"entry": number, "error": self.say(why)} for number, why in sorted(
            self._failed_entries, key=lambda row: row[0])], ensure_ascii=False)

    def report_datasets(self, runs, feedback):
        """Each dataset entry's zones, with sizes and what is to fetch, said before anything is fetched."""
        for run in runs:
            if run.error is not None:
                feedback.reportError(self.say("Entry {} ({}): {}", run.entry.number, run.entry.product, run.error))
            for zone_plan in run.zones:
                feedback.pushInfo(self.say("Entry {}: {}", run.entry.number, datasets.describe(zone_plan)))
        if runs:
            zones = [z for run in runs for z in run.zones]
            feedback.pushInfo(self.say("Datasets to download: {} ({} with extraction).",
                                       storage.human_size(sum(z.fetch_bytes for z in zones)),
                                       storage.human_size(datasets.space_needed(zones))))

    @staticmethod
    def dataset_row(run):
        """What the plan's run says of one dataset entry: its status (up to date, updated, failed…) and files."""
        entry = run.entry
        row = {"entry": entry.number, "product": entry.product, "variant": entry.variant or "",
               "area": str(entry.area_label), "outputs": [], "files_downloaded": 0, "bytes_downloaded": 0}
        if run.error is not None:
            return dict(row, status=datasets.FAILED, error=str(run.error))
        result = run.result
        if result is None:  # only estimated, or cancelled before it
            status = datasets.UP_TO_DATE if run.zones and all(
                z.status == datasets.UP_TO_DATE for z in run.zones) else datasets.UPDATED if run.zones else \
                datasets.NOT_AVAILABLE
            return dict(row, status=status, fetch_bytes=sum(z.fetch_bytes for z in run.zones))
        statuses = {z.status for z in result.zones}
        status = (datasets.CANCELLED if result.cancelled else datasets.FAILED if statuses <= {datasets.FAILED}
                  else datasets.UPDATED if statuses & {datasets.NEW, datasets.UPDATED} else datasets.UP_TO_DATE)
        return dict(row, status=status, outputs=result.output_paths(), files_downloaded=result.files_downloaded,
                    bytes_downloaded=result.bytes_downloaded,
                    failed_zones=[z.plan.zone for z in result.failed])

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
            project = context.project()
            for run in getattr(self, "_datasets", []) if project is not None else []:
                try:
                    load_result(project, run.result, run.entry.area, feedback)
                except (ValueError, IgnOfflineError) as exc:
                    feedback.reportError(reason(exc))
        return {}

