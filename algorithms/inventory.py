"""ign_offline:inventory — what a library holds: a layer (one feature per file and zoom) and an HTML report."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import InputError
from ..core.library import inventory, plans
from ..core.tiles.grid import WGS84
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import explained

FIELDS = (("file", QVariant.String), ("layer", QVariant.String), ("title", QVariant.String),
          ("format", QVariant.String), ("zoom", QVariant.Int), ("tiles", QVariant.LongLong),
          ("bytes", QVariant.LongLong), ("oldest", QVariant.String), ("newest", QVariant.String),
          ("empty", QVariant.LongLong), ("failed", QVariant.LongLong), ("kind", QVariant.String),
          ("vector_layers", QVariant.String))


class Inventory(IgnOfflineAlgorithm):
    NAME = "inventory"
    DISPLAY_NAME = marked("Inventory of a library")
    GROUP = "library"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile(
            "FOLDER", self.tr("Library folder"), behavior=QgsProcessingParameterFile.Folder),
            self.tr("Its .mbtiles files are listed.")))
        self.addParameter(explained(QgsProcessingParameterFile(
            "PLAN", self.tr("Plan file"), extension="json", optional=True),
            self.tr("A plan (JSON), to say how complete each entry is.")))
        self.addParameter(explained(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Coverage"), QgsProcessing.TypeVectorPolygon),
            self.tr("One feature per file and zoom.")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", self.tr("Report (HTML)"), fileFilter="HTML (*.html)", optional=True))
        self.addOutput(QgsProcessingOutputNumber("FILES", self.tr("MBTiles files")))
        self.addOutput(QgsProcessingOutputNumber("TILES", self.tr("Tiles in all the files")))

    def parse(self, parameters, context, feedback=None):
        folder = self.parameterAsFile(parameters, "FOLDER", context)
        if not folder or not os.path.isdir(folder):
            raise InputError("The library folder '{}' does not exist.", folder)
        plan_path = self.parameterAsFile(parameters, "PLAN", context)
        plan = plans.load_plan(plan_path) if plan_path else None
        report = self.parameterAsFileOutput(parameters, "REPORT", context)
        return folder, plan, report, parameters  # the OUTPUT sink is made in process()

    def process(self, args, context, feedback):
        folder, plan, report, parameters = args
        rows, unreadable = inventory.inventory_folder(folder, feedback.isCanceled)
        for path, reason in unreadable.items():
            feedback.reportError(self.say("Skipped: {}", reason))  # the reason names the file
        if unreadable and not rows:
            raise InputError("None of the {} .mbtiles files of '{}' can be read (each one is named "
                             "above): nothing to report.", len(unreadable), folder)
        fields = QgsFields()
        for name, kind in FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon,
            QgsCoordinateReferenceSystem(WGS84))
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row.file, row.layer, row.title, row.format, row.zoom, row.tiles, row.bytes,
                                   row.oldest, row.newest, row.empty, row.failed,
                                   "vector" if row.is_vector else "raster", row.vector_layers])
            feature.setGeometry(QgsGeometry.fromWkt(row.wkt))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            feedback.pushInfo(self.say("{} zoom {:>2}: {:>10,} tiles", row.file, row.zoom, row.tiles))
        files = len({row.path for row in rows})
        results = {"OUTPUT": dest_id, "FILES": files, "TILES": sum(row.tiles for row in rows)}
        if report:
            completeness = inventory.completeness(plan, folder) if plan else None
            for item in completeness or ():
                feedback.pushInfo(self.say("entry {} ({}, {}): {:.1%} complete",
                    item.entry.number, item.entry.layer, item.entry.area_label, item.share))
            with open(report, "w", encoding="utf-8") as stream:
                stream.write(inventory.html_report(folder, rows, unreadable, completeness))
            results["REPORT"] = report
        return results
