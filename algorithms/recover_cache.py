"""ign_offline:recover_cache — tiles already in QGIS's network cache → one MBTiles per tile set."""

import os
import sqlite3

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
from ..core.cache.addresses import read_capabilities
from ..core.cache.recovery import recover, scan_and_recover
from ..core.cache.scan import check_cache_dir, scan_cache
from ..core.errors import InputError, MBTilesError
from ..core.http import redact_url
from ..core.library import jobs as library
from ..core.messages import Message, plural
from ..i18n import marked
from ..toolbelt.qgis_cache import address_book, qgis_cache_directory
from .base import IgnOfflineAlgorithm
from .parameters import explained


class RecoverCache(IgnOfflineAlgorithm):
    NAME = "recover_cache"
    DISPLAY_NAME = marked("Recover tiles from the QGIS network cache")
    GROUP = "tiles"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(explained(QgsProcessingParameterFile(
            "CACHE_DIR", self.tr("Cache folder"),
            behavior=QgsProcessingParameterFile.Folder, optional=True),
            self.tr("The one holding data8/; default: this QGIS's.")))
        self.addParameter(explained(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Folder for the MBTiles files"),
            defaultValue=os.path.join(library.DEFAULT_LIBRARY, "QGIS cache")),
            self.tr("One per tile set.")))
        self.addParameter(explained(QgsProcessingParameterString(
            "LAYER", self.tr("Layer filter"), optional=True),
            self.tr("Only the layers whose identifier contains this text.")))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_TILES", self.tr("Skip tile sets with fewer tiles than"), type=QgsProcessingParameterNumber.Integer,
            defaultValue=1, minValue=1))
        self.addParameter(explained(QgsProcessingParameterBoolean(
            "ASSUME_XYZ", self.tr("Take z/x/y paths as XYZ"), defaultValue=False),
            self.tr("Take z/x/y paths that QGIS does not describe as XYZ rows (top origin): only if you know the "
                    "server is not a TMS.")))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the results to the project"), defaultValue=True))
        for name, label in (("FILES_SCANNED", marked("Cache files scanned")),
                            ("TILES_RECOVERED", marked("Tiles recovered")),
                            ("FILES_SKIPPED", marked("Cache files skipped"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("MBTILES", self.tr("MBTiles files written (one per line)")))

    def parse(self, parameters, context, feedback=None):
        cache_dir = self.parameterAsFile(parameters, "CACHE_DIR", context) or qgis_cache_directory()
        check_cache_dir(cache_dir)
        output = self.lasting_output(parameters, "OUTPUT_FOLDER", context, folder=True)
        if storage.is_within(output, cache_dir):  # symlinks and other spellings resolved
            raise InputError("The output folder is inside the cache folder (or is that folder): choose a folder "
                             "outside it.")
        # The folder, or the one it will be made in, must take files: refused now, not after the scan.
        storage.check_folder_can_be_made(output)
        return (cache_dir, output, self.parameterAsString(parameters, "LAYER", context),
                self.parameterAsInt(parameters, "MIN_TILES", context),
                self.parameterAsBool(parameters, "ASSUME_XYZ", context),
                self.parameterAsBool(parameters, "LOAD", context))

    def process(self, args, context, feedback):
        cache_dir, output, layer_filter, min_tiles, assume_xyz, self._load = args
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as exc:
            raise InputError("The output folder '{}' cannot be made ({}): choose a folder you can write "
                             "to.", output, exc.strerror) from None
        storage.check_writable_folder(output)
        book = address_book(context.project(), assume_xyz)
        missed = read_capabilities(book, book.wmts_capabilities)  # network: here, in the task
        servers = len(book.wmts_capabilities)
        feedback.pushInfo(self.say("Known from QGIS's connections and projects: {}; {}.",
            plural(len(book.templates), "{:,} XYZ layer template", "{:,} XYZ layer templates", len(book.templates)),
            plural(servers, "the capabilities of {:,} of {:,} WMTS server", "the capabilities of {:,} of {:,} WMTS "
                   "servers", servers - len(missed), servers) if servers else Message("no WMTS server")))
        for url in missed:
            feedback.pushInfo(self.say("Could not read {} (offline?): tiles of its non-PM matrix sets are placed only "
                                      "if the cache holds its capabilities.", redact_url(url)))
        feedback.pushInfo(self.say("Scanning {} (read only)…", cache_dir))
        try:
            if min_tiles <= 1:  # every set is wanted: read each file once
                scan, stats = scan_and_recover(cache_dir, output, layer_filter,
                                               lambda f: feedback.setProgress(100 * f), feedback.isCanceled,
                                               self.log_to(feedback), book)
            else:  # set sizes must be known first
                scan = scan_cache(cache_dir, layer_filter, lambda f: feedback.setProgress(30 * f),
                                  feedback.isCanceled, book)
                stats = recover(scan, output, min_tiles, lambda f: feedback.setProgress(30 + 70 * f),
                                feedback.isCanceled, self.log_to(feedback))
        except (OSError, sqlite3.DatabaseError) as exc:  # cache files that cannot be read are skipped in core
            raise MBTilesError("Writing the recovered tiles into '{}' failed ({}): the QGIS cache was only read; "
                               "choose a folder you can write to, with free space, and run again.",
                                   output, getattr(exc, "strerror", None) or exc) from None
        for key, tile_set in sorted(scan.sets.items(), key=lambda item: -len(item[1].tiles)):
            feedback.pushInfo(self.say("found {} ({}) on {}: zooms {}, {:,} tiles, {}",
                key.layer, key.format, key.host, ",".join(map(str, tile_set.zooms)), len(tile_set.tiles),
                storage.human_size(tile_set.bytes)))
        skipped = scan.skipped + stats.skipped
        for reason, count in skipped.most_common():
            feedback.pushInfo(self.say("skipped {:,}: {}", count, reason))
        self._written = [item.path for item in stats.files]
        return {"OUTPUT_FOLDER": output, "FILES_SCANNED": scan.files, "TILES_RECOVERED": stats.tiles,
                "FILES_SKIPPED": scan.files_skipped, "MBTILES": "\n".join(self._written)}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        if getattr(self, "_load", False):
            self.load_results(context, feedback, self._written)
        return {}
