"""API keys: from the QGIS authentication database (AUTHCFG) or typed (API_KEY)."""

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.errors import InputError


def api_key_from_parameters(algorithm, parameters, context):
    """The key to send, or None. An AUTHCFG wins over API_KEY.

    The auth configuration may be of the Basic method (the key in the password
    field, as the Géoplateforme documents for QGIS) or carry an 'apikey' entry.
    """
    authcfg = (algorithm.parameterAsString(parameters, "AUTHCFG", context) or "").strip()
    if authcfg:
        config = QgsAuthMethodConfig()
        manager = QgsApplication.authManager()
        if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
            raise InputError("The authentication configuration '{}' cannot be read: check it in "
                             "Settings › Options › Authentication.".format(authcfg))
        key = config.config("apikey") or config.config("password")
        if not key:
            raise InputError("The authentication configuration '{}' holds no key: put the API key "
                             "in its password field.".format(authcfg))
        return key
    return (algorithm.parameterAsString(parameters, "API_KEY", context) or "").strip() or None
