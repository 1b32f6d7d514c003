"""ign_offline:sync_field_folder — every MBTiles of an offline project folder updated in place from the library by
patches (core.field.folder_sync): the changed tiles move, not the whole maps."""

import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
)

from ..core import storage
from ..core.errors import Cancelled, InputError
from ..core.field import folder_sync
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import explained


class SyncFieldFolder(IgnOfflineAlgorithm):
    NAME = "sync_field_folder"
    DISPLAY_NAME = marked("Sync a field folder from the library")
    GROUP = "field"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile(
            "FOLDER", self.tr("Field folder"), behavior=QgsProcessingParameterFile.Folder),
            self.tr("An offline project folder (made by make_project_offline) or a folder of exported copies.")))
        self.addParameter(explained(QgsProcessingParameterFile(
            "LIBRARY", self.tr("Library folder"), behavior=QgsProcessingParameterFile.Folder, optional=True),
            self.tr("The offline library; by default, the library files the copies recorded.")))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "VERIFY", self.tr("Check each whole copy"), defaultValue=False),
            self.tr("After each patch, hash every tile of the copy (reads it whole): also finds tiles changed on the "
                    "device behind its stored hash. Off (the default): only the patched tiles are read back, in the "
                    "time of the patch rather than of the copy.")))
        for name, label in (("UPDATED", marked("Files updated")), ("CURRENT", marked("Files already current")),
                            ("REFUSED", marked("Files refused, with the reason"))):
            self.addOutput(QgsProcessingOutputString(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputNumber("BYTES_MOVED", self.tr("Bytes moved (the patches)")))
        self.addOutput(QgsProcessingOutputNumber("FULL_COPY_BYTES", self.tr("Bytes a full copy would move")))

    def parse(self, parameters, context, feedback=None):
        folder = self.parameterAsFile(parameters, "FOLDER", context)
        if not folder or not os.path.isdir(folder):
            raise InputError("The FOLDER '{}' does not exist: give the offline project's folder (the one holding "
                             "basemaps/).", folder)
        library = self.parameterAsFile(parameters, "LIBRARY", context) or None
        if library and not os.path.isdir(library):
            raise InputError("The LIBRARY folder '{}' does not exist.", library)
        return folder, library, self.parameterAsBool(parameters, "VERIFY", context)

    def process(self, args, context, feedback):
        folder, library, verify = args
        try:
            summary = folder_sync.sync_folder(folder, library, lambda f: feedback.setProgress(100 * f),
                                              feedback.isCanceled, self.log_to(feedback), verify)
        except Cancelled:
            feedback.pushWarning(self.tr("Cancelled: the files updated so far stay updated, the others are left as "
                                         "they were; run again to update them."))
            return {"UPDATED": "", "CURRENT": "", "REFUSED": "", "BYTES_MOVED": 0, "FULL_COPY_BYTES": 0}
        updated, current = summary.of(folder_sync.UPDATED), summary.of(folder_sync.CURRENT)
        refused = summary.of(folder_sync.REFUSED)
        if not summary.outcomes:
            feedback.pushWarning(self.say("{} holds no MBTiles: nothing to sync.", folder))
        feedback.pushInfo(self.say("{:,} updated, {:,} already current, {:,} refused: {} moved, where copying the "
                                   "files whole would move {}.", len(updated), len(current), len(refused),
                                   storage.human_size(summary.bytes_moved),
                                   storage.human_size(summary.full_copy_bytes)))
        return {"UPDATED": "\n".join(o.path for o in updated), "CURRENT": "\n".join(o.path for o in current),
                "REFUSED": "\n".join("{}: {}".format(o.path, self.say(o.reason)) for o in refused),
                "BYTES_MOVED": summary.bytes_moved, "FULL_COPY_BYTES": summary.full_copy_bytes}
