"""ign_offline:list_ftp_products — the product folders of an IGN-style FTP server, as a table."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import Cancelled
from ..core.ftp.client import connect
from ..core.ftp.products import find_products
from ..core.messages import plural
from ..core.storage import human_size
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import add_server_parameters, server_from_parameters

COLUMNS = (("path", QVariant.String), ("product", QVariant.String), ("option", QVariant.String),
           ("resolution", QVariant.String), ("format", QVariant.String), ("crs", QVariant.String),
           ("departement", QVariant.String), ("year", QVariant.String), ("tiles", QVariant.Int),
           ("size_mb", QVariant.Double), ("title", QVariant.String))


def product_row(listing):
    """The table's values for one product, in COLUMNS order."""
    info = listing.info
    size = sum(t.size or 0 for t in listing.tiles)
    crs = "EPSG:{}".format(listing.epsg) if listing.epsg else info.crs
    return [listing.path, info.product, info.option, info.resolution, info.format, crs,
            ", ".join(listing.departements), info.year, len(listing.tiles), round(size / 1e6, 2), info.title]


class ListFtpProducts(IgnOfflineAlgorithm):
    NAME = "list_ftp_products"
    DISPLAY_NAME = marked("List orthophoto and MNS products on an FTP server")
    GROUP = "ftp"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_server_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            "ROOT", self.tr("Folder to search from"), defaultValue="/"))
        self.addParameter(QgsProcessingParameterNumber(
            "DEPTH", self.tr("Folder levels to search below it"), type=QgsProcessingParameterNumber.Integer,
            defaultValue=3, minValue=0, maxValue=8))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Products"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("PRODUCTS", self.tr("Products found")))

    def parse(self, parameters, context, feedback=None):
        root = "/" + (self.parameterAsString(parameters, "ROOT", context) or "").strip().strip("/")
        return (server_from_parameters(self, parameters, context), root,
                self.parameterAsInt(parameters, "DEPTH", context), parameters)

    def process(self, args, context, feedback):
        server, root, depth, parameters = args
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                             QgsWkbTypes.NoGeometry)
        feedback.pushInfo(self.say("Searching {}{} ({} levels)…", server.label, root, depth))
        connection = connect(server)
        try:
            products = find_products(connection, root, depth, feedback.isCanceled, self.log_to(feedback))
        except Cancelled:
            products = []
        finally:
            connection.close()
        for listing in products:
            feature = QgsFeature(fields)
            feature.setAttributes(product_row(listing))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            feedback.pushInfo(self.say(plural(len(listing.tiles), "{}: {:,} tile, {}, {}", "{}: {:,} tiles, {}, {}",
                listing.path, len(listing.tiles), human_size(sum(t.size or 0 for t in listing.tiles)),
                listing.info.title)))
        if not products and not feedback.isCanceled():
            feedback.pushWarning(self.say("No product folder (a folder holding data/) under {} within {} levels: "
                                         "try another ROOT or a larger DEPTH.", root, depth))
        return {"OUTPUT": sink_id, "PRODUCTS": len(products)}

