"""ign_offline:download_dataset — IGN's whole datasets (BD TOPO, RGE ALTI, BD ORTHO, cadastre) for an area, from
the download service into the library: only what is new or changed is fetched, verified by MD5, extracted, then
made into what the user works with (relief COGs, ortho mosaic, GeoPackages clipped to the area)."""

import json
import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..core.datasets import state as states
from ..core.datasets import sync
from ..core.datasets.relief import wanted_kinds
from ..core.errors import IgnOfflineError
from ..core.library import jobs as library
from ..core.messages import plural
from ..core.storage import human_size
from ..i18n import marked
from ..i18n import reason as said_reason
from ..toolbelt.dataset_results import load_result
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_area_parameters,
    add_dataset_parameters,
    add_large_job_parameter,
    allows_large,
    area_from_parameters,
    check_large_download,
    datasets_from_parameters,
    explained,
    list_for_area,
    service_for,
)


def sync_all(algorithm, service, zone_plans, area, folder, options, feedback):
    """Sync each product of `zone_plans` (grouped as listed), progress over the whole job in bytes; the
    SyncResults. A product that fails as a whole is reported and the others go on; all failing raises."""
    products = []
    for zone_plan in zone_plans:
        key = (zone_plan.product, zone_plan.variant)
        if not products or products[-1][0] != key:
            products.append((key, []))
        products[-1][1].append(zone_plan)
    weights = [max(1, sum(z.fetch_bytes for z in zones)) for _, zones in products]
    results, errors, done = [], [], 0
    for ((product, variant), zones), weight in zip(products, weights):
        if feedback.isCanceled():
            break

        def progress(value, total, start=done, weight=weight):
            feedback.setProgress(100.0 * (start + weight * value / max(1, total)) / sum(weights))
        try:
            results.append(sync.sync(service, product, variant, area, folder, progress=progress,
                                     is_cancelled=feedback.isCanceled, log=algorithm.log_to(feedback),
                                     zones=zones, **options))
        except IgnOfflineError as exc:
            errors.append(exc.message)
        done += weight
    # Each failure once: the zones' lines said the reasons; a product failing whole is reported, the last one
    # raised when nothing was made (qgis_process echoes an error reported and the one raised alike).
    for message in errors[:-1] if not results else errors:
        feedback.reportError(algorithm.say(message))
    if errors and not results:
        raise IgnOfflineError(errors[-1])
    return results


def zone_statuses(zone_plans, results, cancelled):
    """The ZONES output: each listed zone's outcome ({product, variant, zone, status}, status one of
    core.datasets.sync's NEW, UPDATED, UP_TO_DATE, FAILED, CANCELLED), so that whoever shows the zones (the dock)
    says each one from what happened to it. A zone its product's sync never reached is CANCELLED when the job was
    cancelled, else FAILED (its product failed as a whole)."""
    done = {(r.product, r.variant, z.plan.zone): z.status for r in results for z in r.zones}
    synced = {(r.product, r.variant) for r in results}
    zones = []
    for plan in zone_plans:
        if plan.status == sync.NOT_AVAILABLE and plan.held is None:
            continue  # a held zone with nothing newer usable is kept, and said so (its sync's UP_TO_DATE)
        status = done.get((plan.product, plan.variant, plan.zone))
        if status is None:
            status = sync.CANCELLED if cancelled or (plan.product, plan.variant) in synced else sync.FAILED
        zones.append({"product": plan.product, "variant": plan.variant or "", "zone": plan.zone, "status": status})
    return zones


class DownloadDataset(IgnOfflineAlgorithm):
    NAME = "download_dataset"
    DISPLAY_NAME = marked("Download IGN datasets for an area")
    GROUP = "datasets"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_area_parameters(self, polygon_layer=True)
        add_dataset_parameters(self)
        self.addParameter(explained(QgsProcessingParameterFolderDestination(
            "LIBRARY", self.tr("Library folder"), defaultValue=library.DEFAULT_LIBRARY),
            self.tr("The datasets go in its datasets/ folder.")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "KEEP_ARCHIVES", self.tr("Keep the archives (.7z)"), defaultValue=False),
            self.tr("Keep the downloaded archives after extraction.")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "CLIP", self.tr("Clip to the area"), defaultValue=True),
            self.tr("Else whole départements.")))
        self.addParameter(QgsProcessingParameterBoolean(
            "HILLSHADE", self.tr("Relief: hillshade"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "SLOPE", self.tr("Relief: slope map"), defaultValue=True))
        self.addParameter(explained(QgsProcessingParameterNumber(
            "CONTOUR_INTERVAL", self.tr("Relief: contour interval (m)"),
            type=QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0),
            self.tr("Contour interval in metres (0 = no contours).")))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the datasets to the project"), defaultValue=True))
        add_large_job_parameter(self)
        self.addOutput(QgsProcessingOutputString("FOLDER", self.tr("Datasets folder")))
        self.addOutput(QgsProcessingOutputNumber("FILES_DOWNLOADED", self.tr("Files downloaded")))
        self.addOutput(QgsProcessingOutputNumber("BYTES_DOWNLOADED", self.tr("Bytes downloaded")))
        self.addOutput(QgsProcessingOutputNumber("UP_TO_DATE", self.tr("Zones already up to date")))
        self.addOutput(QgsProcessingOutputString("OUTPUTS", self.tr("Files made (JSON list)")))
        self.addOutput(QgsProcessingOutputString(
            "ZONES", self.tr("Each département's outcome (JSON list of product, variant, zone, status)")))

    def parse(self, parameters, context, feedback=None):
        area = area_from_parameters(self, parameters, context, feedback)
        choices, root = datasets_from_parameters(self, parameters, context)
        folder = self.lasting_output(parameters, "LIBRARY", context, folder=True)
        library.check_library(folder)
        contours = self.parameterAsDouble(parameters, "CONTOUR_INTERVAL", context)
        if any(product == "RGEALTI" for product, _ in choices):  # nothing to make of it: refused before any download
            wanted_kinds(self.parameterAsBool(parameters, "HILLSHADE", context),
                         self.parameterAsBool(parameters, "SLOPE", context), contours)
        options = dict(keep_archives=self.parameterAsBool(parameters, "KEEP_ARCHIVES", context),
                       clip=self.parameterAsBool(parameters, "CLIP", context),
                       hillshade=self.parameterAsBool(parameters, "HILLSHADE", context),
                       slope=self.parameterAsBool(parameters, "SLOPE", context), contours=contours or None)
        return (area, choices, root, folder, options, self.parameterAsBool(parameters, "LOAD", context),
                allows_large(self, parameters, context))

    def process(self, args, context, feedback):
        area, choices, root, folder, options, load, allow_large = args
        self._loads, self._load = [], load
        library.check_library(folder, create=True)
        with service_for(root) as service:
            zone_plans = list_for_area(self, service, choices, area, folder, feedback)  # sizes, said before anything
            fetch = sum(z.fetch_bytes for z in zone_plans)
            feedback.pushInfo(self.say("To download: {} ({} with extraction).", human_size(fetch),
                                       human_size(sync.space_needed(zone_plans))))
            if not zone_plans and not feedback.isCanceled():
                raise IgnOfflineError("The download service lists none of these datasets for this area: check the "
                                      "area (IGN's datasets cover France) and SERVICE.")
            check_large_download(allow_large, zone_plans, folder)
            sync.check_space(zone_plans, folder)
            results = sync_all(self, service, zone_plans, area, folder, options, feedback)
        outputs = [path for result in results for path in result.output_paths()]
        self._loads = [(result, area) for result in results if result.outputs]
        files = sum(r.files_downloaded for r in results)
        up_to_date = sum(r.up_to_date for r in results)
        feedback.pushInfo(self.say(plural(files, "{:,} file downloaded ({}); départements already up to date: {}.",
                                          "{:,} files downloaded ({}); départements already up to date: {}.", files,
                                          human_size(sum(r.bytes_downloaded for r in results)), up_to_date)))
        cancelled = any(r.cancelled for r in results) or feedback.isCanceled()
        zones = zone_statuses(zone_plans, results, cancelled)
        if feedback.isCanceled() and not any(r.cancelled for r in results):  # else core.datasets.sync said it
            feedback.pushWarning(self.tr("Cancelled: run again to resume where it stopped."))
        return {"FOLDER": os.path.join(folder, states.DATASETS_FOLDER), "FILES_DOWNLOADED": files,
                "BYTES_DOWNLOADED": sum(r.bytes_downloaded for r in results), "UP_TO_DATE": up_to_date,
                "OUTPUTS": json.dumps(outputs, ensure_ascii=False), "ZONES": json.dumps(zones)}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if getattr(self, "_load", False) and project is not None:
            for result, area in getattr(self, "_loads", []):
                try:
                    load_result(project, result, area, feedback)
                except (ValueError, IgnOfflineError) as exc:
                    feedback.reportError(said_reason(exc))
        return {}
