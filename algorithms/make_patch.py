"""ign_offline:make_patch — the patch (martin's whole-tile format) turning a device's copy into a fresh export."""

import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..core import storage
from ..core.errors import Cancelled, InputError
from ..core.field import patching
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import explained


class MakePatch(IgnOfflineAlgorithm):
    NAME = "make_patch"
    DISPLAY_NAME = marked("Make a patch of a device's copy")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile("INPUT", self.tr("Library file")),
                                    self.tr("The library's MBTiles file the copy was made from, as it is now.")))
        self.addParameter(explained(QgsProcessingParameterFile("BASE", self.tr("Device's copy")),
                                    self.tr("An MBTiles made by export_tiles from the library file.")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Patch file (MBTiles)"), fileFilter="MBTiles (*.mbtiles)"))
        for name, label in (("NEW", marked("New tiles")), ("CHANGED", marked("Changed tiles")),
                            ("DELETED", marked("Deleted tiles")), ("PATCH_BYTES", marked("Bytes of the patch")),
                            ("BASE_BYTES", marked("Bytes of the device's copy"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def parse(self, parameters, context, feedback=None):
        source = self.parameterAsFile(parameters, "INPUT", context)
        base = self.parameterAsFile(parameters, "BASE", context)
        output = self.lasting_output(parameters, "OUTPUT", context)
        if not source or not os.path.isfile(source):
            raise InputError("INPUT '{}' does not exist: give the library's MBTiles file.", source)
        patching.check_base(base)  # another format, no scope (nor a part's share): refused before anything is read
        storage.refuse_output_among_inputs(output, [source, base])
        return source, base, output

    def process(self, args, context, feedback):
        source, base, output = args
        try:
            made = patching.make_patch(source, base, output, lambda f: feedback.setProgress(100 * f),
                                       feedback.isCanceled)
        except Cancelled:
            feedback.pushWarning(self.tr("Cancelled: nothing was written; run again to make the patch."))
            return {"OUTPUT": None, "NEW": 0, "CHANGED": 0, "DELETED": 0, "PATCH_BYTES": 0, "BASE_BYTES": 0}
        stats = made.stats
        feedback.pushInfo(self.say("{}: {:,} new, {:,} changed, {:,} deleted tiles; {:,} tiles unchanged.",
                                   output, stats.new, stats.changed, stats.deleted, stats.kept))
        feedback.pushInfo(self.say("The patch takes {}, the device's copy {}.", storage.human_size(made.patch_bytes),
                                   storage.human_size(made.base_bytes)))
        if not stats.tiles and not stats.metadata_changed:
            feedback.pushInfo(self.tr("The copy is up to date: the patch changes nothing."))
        return {"OUTPUT": output, "NEW": stats.new, "CHANGED": stats.changed, "DELETED": stats.deleted,
                "PATCH_BYTES": made.patch_bytes, "BASE_BYTES": made.base_bytes}
