"""Secrets from the QGIS authentication database (AUTHCFG), never from plain parameters.

Processing keeps every run's parameters in its history, so a key or a
password typed into a parameter would be written to disk.
"""

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingParameterAuthConfig

from ..core.errors import InputError


def add_authcfg_parameter(algorithm):
    algorithm.addParameter(QgsProcessingParameterAuthConfig(
        "AUTHCFG", algorithm.tr("API key stored in the QGIS authentication database (private layers)"),
        optional=True))


def _auth_config(algorithm, parameters, context):
    """The QgsAuthMethodConfig named by AUTHCFG, or None when none is given."""
    authcfg = (algorithm.parameterAsString(parameters, "AUTHCFG", context) or "").strip()
    if not authcfg:
        return None
    config = QgsAuthMethodConfig()
    manager = QgsApplication.authManager()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise InputError("The authentication configuration '{}' cannot be read: check it in "
                         "Settings › Options › Authentication.".format(authcfg))
    return config


def api_key_from_parameters(algorithm, parameters, context):
    """The key to send, or None. An AUTHCFG wins over API_KEY.

    The auth configuration may be of the Basic method (the key in the password
    field, as the Géoplateforme documents for QGIS) or carry an 'apikey' entry.
    """
    config = _auth_config(algorithm, parameters, context)
    if config is not None:
        key = config.config("apikey") or config.config("password")
        if not key:
            raise InputError("The authentication configuration '{}' holds no key: put the API key "
                             "in its password field.".format(config.id()))
        return key
    return (algorithm.parameterAsString(parameters, "API_KEY", context) or "").strip() or None


def login_from_parameters(algorithm, parameters, context):
    """(user, password) for a server: USER, and the password of a Basic AUTHCFG ('' and '': anonymous)."""
    user = (algorithm.parameterAsString(parameters, "USER", context) or "").strip()
    config = _auth_config(algorithm, parameters, context)
    if config is None:
        return user, ""
    return user or config.config("username") or "", config.config("password") or ""
