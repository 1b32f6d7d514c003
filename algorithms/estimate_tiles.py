"""ign_offline:estimate_tiles — how many tiles an area and zoom band hold."""

import json

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
)

from ..core import storage, tiles
from .area_parameters import (
    add_area_parameters,
    add_zoom_parameters,
    area_from_parameters,
    zooms_from_parameters,
)
from .base import IgnOfflineAlgorithm


class EstimateTiles(IgnOfflineAlgorithm):
    NAME = "estimate_tiles"
    DISPLAY_NAME = "Estimate tiles"
    GROUP = "tiles"

    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_area_parameters(self)
        add_zoom_parameters(self)
        self.addParameter(QgsProcessingParameterFile(
            self.OUTPUT, self.tr("Planned output .mbtiles file (the free disk space there is reported)"),
            # No fileFilter: Processing would refuse a path to a file not yet named .mbtiles.
            behavior=QgsProcessingParameterFile.File, optional=True))
        self.addOutput(QgsProcessingOutputNumber("TOTAL", self.tr("Total number of tiles")))
        self.addOutput(QgsProcessingOutputString("COUNTS", self.tr("Tiles per zoom (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("FREE_BYTES", self.tr("Free disk space at OUTPUT")))

    def parse(self, parameters, context, feedback=None):
        area = area_from_parameters(self, parameters, context, feedback)
        zoom_min, zoom_max = zooms_from_parameters(self, parameters, context)
        output = self.parameterAsFile(parameters, self.OUTPUT, context)
        if output:
            storage.check_writable_folder(storage.output_folder(output))
        return area, zoom_min, zoom_max, output

    def process(self, args, context, feedback):
        area, zoom_min, zoom_max, output = args
        counts = tiles.count_tiles(area.bbox, zoom_min, zoom_max)
        total = sum(counts.values())
        feedback.pushInfo(self.tr("Area: {} ({:.5f}, {:.5f}, {:.5f}, {:.5f})").format(area.title, *area.bbox))
        for zoom, count in counts.items():
            feedback.pushInfo(self.tr("zoom {:>2}: {:>12,} tiles").format(zoom, count))
        feedback.pushInfo(self.tr("total:   {:>12,} tiles").format(total))
        results = {"TOTAL": total, "COUNTS": json.dumps({str(z): n for z, n in counts.items()})}
        if output:
            free = storage.free_bytes(output)
            feedback.pushInfo(self.tr("Free disk space at {}: {}").format(
                storage.output_folder(output), storage.human_size(free)))
            results["FREE_BYTES"] = free
        return results
