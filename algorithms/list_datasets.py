"""ign_offline:list_datasets — the IGN datasets of the download service for an area: per product and département,
the edition, its size and, given a library, whether it is new, updated or up to date. Nothing is downloaded."""

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.messages import plural
from ..core.storage import human_size
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_area_parameters,
    add_dataset_parameters,
    area_from_parameters,
    datasets_from_parameters,
    explained,
    list_for_area,
    service_for,
)

COLUMNS = (("product", QVariant.String), ("variant", QVariant.String), ("zone", QVariant.String),
           ("zone_name", QVariant.String), ("edition", QVariant.String), ("date", QVariant.String),
           ("files", QVariant.Int), ("bytes", QVariant.LongLong), ("size", QVariant.String),
           ("status", QVariant.String))


class ListDatasets(IgnOfflineAlgorithm):
    NAME = "list_datasets"
    DISPLAY_NAME = marked("List IGN datasets for an area")
    GROUP = "datasets"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_area_parameters(self, polygon_layer=True)
        add_dataset_parameters(self)
        self.addParameter(explained(QgsProcessingParameterFile(
            "LIBRARY", self.tr("Library folder"),
            behavior=QgsProcessingParameterFile.Folder, optional=True),
            self.tr("To say what is new, updated or up to date.")))
        self.addParameter(explained(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Dataset extents"), optional=True, createByDefault=False),
            self.tr("The extents of the datasets' editions.")))
        self.addOutput(QgsProcessingOutputString("DATASETS", self.tr("Datasets (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_BYTES", self.tr("Bytes to download")))

    def parse(self, parameters, context, feedback=None):
        area = area_from_parameters(self, parameters, context, feedback)
        choices, root = datasets_from_parameters(self, parameters, context)
        library = (self.parameterAsString(parameters, "LIBRARY", context) or "").strip() or None
        return area, choices, root, library, parameters

    def process(self, args, context, feedback):
        area, choices, root, library, parameters = args
        with service_for(root) as service:
            zone_plans = list_for_area(self, service, choices, area, library, feedback)
        if not zone_plans and not feedback.isCanceled():
            feedback.pushWarning(self.tr("The download service lists none of these datasets for this area: check "
                                         "the area (IGN's datasets cover France) and SERVICE."))
        rows = [zone_plan.as_dict() for zone_plan in zone_plans]
        total = sum(zone_plan.fetch_bytes if library else zone_plan.bytes for zone_plan in zone_plans)
        count = sum(1 for z in zone_plans if z.fetch or not library)
        feedback.pushInfo(self.say(plural(count, "To download: {} in {:,} dataset (one per product and département).",
                                          "To download: {} in {:,} datasets (one per product and département).",
                                          human_size(total), count)))
        results = {"DATASETS": json.dumps(rows, ensure_ascii=False), "TOTAL_BYTES": total}
        sink_id = self.write_rows(rows, parameters, context)
        if sink_id is not None:
            results["OUTPUT"] = sink_id
        return results

    def write_rows(self, rows, parameters, context):
        """The rows as polygons (each edition's lon/lat box) in OUTPUT, when asked; its id, else None."""
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Polygon,
                                             QgsCoordinateReferenceSystem("EPSG:4326"))
        if sink is None:
            return None
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row[name] for name, _ in COLUMNS])
            if row["bbox"]:
                feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(*row["bbox"])))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return sink_id
