"""ign_offline:apply_patch — a patch (martin's whole-tile format) applied to a device's MBTiles copy, in place."""

import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
)

from ..core import mbtiles, storage
from ..core.errors import InputError
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import explained


class ApplyPatch(IgnOfflineAlgorithm):
    NAME = "apply_patch"
    DISPLAY_NAME = marked("Apply a patch to a device's copy")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile("PATCH", self.tr("Patch file (made by make_patch)")))
        self.addParameter(explained(QgsProcessingParameterFile("TARGET", self.tr("Copy to update")),
                                    self.tr("The device's MBTiles copy, e.g. on a phone mounted over USB.")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "FORCE", self.tr("Apply to any copy"), defaultValue=False),
            self.tr("Apply even to a copy the patch was not made for.")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "VERIFY", self.tr("Check the whole copy"), defaultValue=False),
            self.tr("After applying, hash every tile of the copy (reads it whole): also finds tiles changed on the "
                    "device behind its stored hash. Off (the default, as martin's apply-patch): the copy's stored "
                    "hash is trusted and only the patched tiles are read back, in the time of the patch rather than "
                    "of the copy (a large copy on a slow card or USB link).")))
        for name, label in (("WRITTEN", marked("Tiles written (new or changed)")),
                            ("DELETED", marked("Tiles deleted")), ("PATCH_BYTES", marked("Bytes of the patch")),
                            ("TARGET_BYTES", marked("Bytes of the copy"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("AGG_TILES_HASH", self.tr("agg_tiles_hash of the updated copy")))

    def parse(self, parameters, context, feedback=None):
        patch = self.parameterAsFile(parameters, "PATCH", context)
        target = self.parameterAsFile(parameters, "TARGET", context)
        if not target or not os.path.isfile(target):
            raise InputError("TARGET '{}' does not exist: give the device's MBTiles copy.", target)
        mbtiles.read_patch(patch)
        return (patch, target, self.parameterAsBool(parameters, "FORCE", context),
                self.parameterAsBool(parameters, "VERIFY", context))

    def process(self, args, context, feedback):
        patch, target, force, verify = args
        stats = mbtiles.apply_patch(patch, target, force, verify)
        feedback.pushInfo(self.say("{}: {:,} tiles written, {:,} deleted, {:,} metadata keys; agg_tiles_hash {}.",
                                   target, stats.written, stats.deleted, stats.metadata, stats.after))
        if stats.forced and stats.before != mbtiles.read_patch(patch).get(mbtiles.BEFORE_APPLY):
            feedback.pushWarning(self.say("FORCE: '{}' was not the copy the patch was made for; its tiles now hold "
                                          "agg_tiles_hash {}.", target, stats.after))
        if not stats.verified:
            feedback.pushInfo(self.tr("Checked: the patched tiles read back as written; the rest of the copy was "
                                      "not read (its stored hash trusted)."))
        patch_bytes, target_bytes = os.path.getsize(patch), os.path.getsize(target)
        feedback.pushInfo(self.say("The patch took {}, the copy is {}.", storage.human_size(patch_bytes),
                                   storage.human_size(target_bytes)))
        return {"WRITTEN": stats.written, "DELETED": stats.deleted, "PATCH_BYTES": patch_bytes,
                "TARGET_BYTES": target_bytes, "AGG_TILES_HASH": stats.after}
