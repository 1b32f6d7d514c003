"""ign_offline:download_ftp — the tiles of one FTP product that intersect an area, as a VRT mosaic."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import storage
from ..core.errors import InputError
from ..core.ftp.client import connect
from ..core.ftp.download import download_product
from ..core.ftp.products import DEFAULT_EPSG, open_product
from ..core.library import jobs as library
from ..core.messages import plural
from ..i18n import marked
from ..i18n import reason as said_reason
from ..toolbelt.areas import area_in_crs
from ..toolbelt.layers import load_vrt
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_area_parameters,
    add_server_parameters,
    explained,
    extent_from_parameters,
    server_from_parameters,
)


class DownloadFtp(IgnOfflineAlgorithm):
    NAME = "download_ftp"
    DISPLAY_NAME = marked("Download orthophotos or MNS from FTP, by area")
    GROUP = "ftp"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_server_parameters(self)
        self.addParameter(explained(QgsProcessingParameterString(
            "PRODUCT", self.tr("Product folder")), self.tr("A path as list_ftp_products shows it.")))
        add_area_parameters(self)
        self.addParameter(explained(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Folder for the tiles"),
            defaultValue=library.DEFAULT_LIBRARY),
            self.tr("One sub-folder per product.")))
        self.addParameter(QgsProcessingParameterNumber(
            "CONNECTIONS", self.tr("Parallel FTP connections"), type=QgsProcessingParameterNumber.Integer,
            defaultValue=2, minValue=1, maxValue=8))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Add the mosaic to the project"), defaultValue=True))
        self.addOutput(QgsProcessingOutputString("VRT", self.tr("VRT mosaic")))
        for name, label in (("FILES_DOWNLOADED", marked("Files downloaded")),
                            ("FILES_SKIPPED", marked("Files already there")),
                            ("FILES_FAILED", marked("Files that failed")), ("BYTES", marked("Bytes downloaded"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def parse(self, parameters, context, feedback=None):
        server = server_from_parameters(self, parameters, context)
        product = (self.parameterAsString(parameters, "PRODUCT", context) or "").strip()
        if not product.strip("/"):
            raise InputError("Give PRODUCT, a product folder path as list_ftp_products shows it "
                             "(e.g. /open_data/OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015).")
        extent = extent_from_parameters(self, parameters, context, feedback)  # a bad area refused before any network
        return (server, product, extent, self.lasting_output(parameters, "OUTPUT_FOLDER", context, folder=True),
                self.parameterAsInt(parameters, "CONNECTIONS", context),
                self.parameterAsBool(parameters, "LOAD", context))

    def process(self, args, context, feedback):
        server, product, (rect, rect_crs), output, connections, self._load = args
        self._vrt = None
        os.makedirs(output, exist_ok=True)
        storage.check_writable_folder(output)
        feedback.pushInfo(self.say("Reading {}{}…", server.label, product))
        connection = connect(server)
        try:
            listing = open_product(connection, product, server.listing)
        finally:
            connection.close()
        epsg = listing.epsg or DEFAULT_EPSG
        if not listing.epsg:
            feedback.pushWarning(self.say("The product names no CRS: EPSG:{} assumed.", epsg))
        bbox = area_in_crs(rect, rect_crs, QgsCoordinateReferenceSystem("EPSG:{}".format(epsg)),
                           context.transformContext())  # the area as parsed, in the product's CRS
        feedback.pushInfo(self.say(plural(
            len(listing.tiles), "{}: {:,} tile; area in EPSG:{}: {:.0f}, {:.0f}, {:.0f}, {:.0f}",
            "{}: {:,} tiles; area in EPSG:{}: {:.0f}, {:.0f}, {:.0f}, {:.0f}",
            listing.info.title, len(listing.tiles), epsg, *bbox)))

        def progress(done, total):
            feedback.setProgress(100.0 * done / total if total else 0.0)

        result = download_product(server, listing, bbox, output, connections, progress, feedback.isCanceled,
                                  self.log_to(feedback))
        for remote, reason in result.failed.items():
            feedback.reportError(self.say("{} failed: {}", remote, reason))
        if result.cancelled:
            feedback.pushWarning(self.tr("Cancelled: run again to resume where it stopped."))
        downloaded = len(result.downloaded)
        feedback.pushInfo(self.say(plural(
            downloaded, "{:,} file downloaded ({}), {:,} already there, {:,} failed; mosaic: {}",
            "{:,} files downloaded ({}), {:,} already there, {:,} failed; mosaic: {}", downloaded,
            storage.human_size(result.bytes), len(result.skipped), len(result.failed), result.vrt or self.tr("none"))))
        self._vrt, self._title = result.vrt, listing.info.title
        return {"OUTPUT_FOLDER": output, "VRT": result.vrt or "", "FILES_DOWNLOADED": len(result.downloaded),
                "FILES_SKIPPED": len(result.skipped), "FILES_FAILED": len(result.failed), "BYTES": result.bytes}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if getattr(self, "_load", False) and getattr(self, "_vrt", None) and project is not None:
            try:
                load_vrt(project, self._vrt, self._title)
            except ValueError as exc:
                feedback.reportError(said_reason(exc))
        return {}
