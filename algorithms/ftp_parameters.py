"""HOST, PORT, USER, AUTHCFG: the FTP server parameters shared by the FTP algorithms."""

from qgis.core import QgsProcessingParameterAuthConfig, QgsProcessingParameterNumber, QgsProcessingParameterString

from ..core.ftp.client import DEFAULT_HOST, FtpServer, check_host
from .auth import login_from_parameters


def add_server_parameters(algorithm):
    algorithm.addParameter(QgsProcessingParameterString(
        "HOST", algorithm.tr("FTP server"), defaultValue=DEFAULT_HOST))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "PORT", algorithm.tr("Server port"), type=QgsProcessingParameterNumber.Integer, defaultValue=21))
    algorithm.addParameter(QgsProcessingParameterString(
        "USER", algorithm.tr("User name (empty: anonymous)"), optional=True))
    algorithm.addParameter(QgsProcessingParameterAuthConfig(
        "AUTHCFG", algorithm.tr("Password stored in the QGIS authentication database (Basic method)"),
        optional=True))


def server_from_parameters(algorithm, parameters, context):
    port = algorithm.parameterAsInt(parameters, "PORT", context)
    host = check_host(algorithm.parameterAsString(parameters, "HOST", context), port)
    user, password = login_from_parameters(algorithm, parameters, context)
    return FtpServer(host=host, port=port, user=user, password=password)
