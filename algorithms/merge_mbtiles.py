"""ign_offline:merge_mbtiles — join MBTiles files of one layer (shards, two machines' libraries) into one."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ..core.library import merge
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import explained


class MergeMBTiles(IgnOfflineAlgorithm):
    NAME = "merge_mbtiles"
    DISPLAY_NAME = marked("Merge MBTiles of one layer")
    GROUP = "library"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterMultipleLayers(
            "INPUTS", self.tr("MBTiles files of the same layer"), layerType=QgsProcessing.TypeFile),
            self.tr("E.g. the shards' files.")))
        self.addParameter(explained(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Merged MBTiles file"), fileFilter="MBTiles (*.mbtiles)"),
            self.tr("New, or one of the same layer to add to.")))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the result to the project"), defaultValue=True))
        self.addOutput(QgsProcessingOutputNumber("TILES", self.tr("Tiles in the merged file")))

    def parse(self, parameters, context, feedback=None):
        inputs = self.parameterAsFileList(parameters, "INPUTS", context)
        output = self.lasting_output(parameters, "OUTPUT", context)
        merge.check_inputs(inputs, output, thorough=False)  # refuses, writing nothing; merge checks every page
        return inputs, output, self.parameterAsBool(parameters, "LOAD", context)

    def process(self, args, context, feedback):
        inputs, output, self._load = args
        self._output = output
        total = merge.merge(inputs, output, lambda f: feedback.setProgress(100 * f), feedback.isCanceled)
        feedback.pushInfo(self.say("{:,} files merged into {}: {:,} tiles.", len(inputs), output, total))
        return {"OUTPUT": output, "TILES": total}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        if getattr(self, "_load", False):
            self.load_results(context, feedback, [self._output])
        return {}
