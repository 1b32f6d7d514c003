"""Accounts from the QGIS authentication database, read into core Credentials.

Secrets come from there, never from plain parameters or settings: Processing keeps every run's parameters in
its history, so a key or a password typed into a parameter would be written to disk.
"""

import json

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.errors import InputError
from ..core.sources.accounts import Credentials, OAuthSettings, origin_of


def load_config(authcfg):
    """The QgsAuthMethodConfig of id `authcfg`, its secrets decrypted; InputError when it cannot be read."""
    config = QgsAuthMethodConfig()
    if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise InputError("The authentication configuration '{}' cannot be read: check it in "
                         "Settings › Options › Authentication.", authcfg)
    return config


# OAuth2 sign-ins of this QGIS session, by configuration id: their tokens live in memory only, so the dock's
# "Sign in" serves every later run until QGIS closes.
SIGNED_IN = {}
GRANT_FLOWS = {0: "authorization_code", 2: "password", 3: "client_credentials"}


def credentials_for(authcfg, open_browser=None):
    """Credentials of an auth configuration id (the dock's selector), or None when it is empty."""
    return credentials_of(load_config(authcfg), open_browser) if authcfg else None


def credentials_of(config, open_browser=None):
    """Credentials of a loaded QgsAuthMethodConfig.

    Basic: the key in the password field with no user (sent as `apikey`, as the Géoplateforme documents for
    QGIS), or a user and password (HTTP Basic, the Géoplateforme's BASIC keys). OAuth2: QGIS's own method
    (Settings › Options › Authentication), its grant flow deciding how tokens are obtained. API Header
    (QGIS 3.24+): its headers (e.g. `apikey`) sent with every request.
    """
    name = "{} ({})".format(config.name(), config.id()) if config.name() else config.id()
    # The configuration's URL (Resource), when it names one, says which server the account is for:
    # make_project_offline sends it to no other.
    origin = origin_of(config.uri()) if config.uri() else ""
    method = config.method()
    if method == "Basic":
        user, password = config.config("username") or "", config.config("password") or ""
        key = config.config("apikey") or ""
        if not (password or key):
            raise InputError("The authentication configuration '{}' holds no key: put the API key in its password "
                             "field (user left empty), or a login and password.", name)
        if key or not user:
            return Credentials(name=name, api_key=key or password, origin=origin)
        return Credentials(name=name, username=user, password=password, origin=origin)
    if method == "OAuth2":
        if config.id() in SIGNED_IN:
            return SIGNED_IN[config.id()]
        return Credentials(name=name, oauth=oauth_settings(config, name), open_browser=open_browser,
                           origin=origin)
    if method == "APIHeader":
        headers = {key: value for key, value in config.configMap().items() if value}
        if not headers:
            raise InputError("The authentication configuration '{}' holds no header: add one (e.g. apikey).",
                             name)
        return Credentials(name=name, extra_headers=headers, origin=origin)
    raise InputError("The authentication configuration '{}' uses the {} method: IGN Offline takes Basic (a key, or a "
                     "login), OAuth2 or API Header.", name, method)


def oauth_settings(config, name):
    """The grant, URLs and client of a QGIS OAuth2 configuration (its 'oauth2config' JSON)."""
    try:
        data = json.loads(config.config("oauth2config") or "{}")
    except ValueError:
        raise InputError("The OAuth2 configuration '{}' cannot be read: edit it in Settings › Options › "
                         "Authentication.", name) from None
    flow = int(data.get("grantFlow", 0))
    if flow == 1:
        raise InputError("The OAuth2 configuration '{}' uses the implicit grant: choose 'Authorization Code' (the "
                         "browser sign-in, with PKCE) or 'Resource Owner' (user and password).", name)
    grant = GRANT_FLOWS.get(flow, "authorization_code")
    if grant == "password" and not data.get("username") and data.get("clientSecret"):
        grant = "client_credentials"  # a service account: a client secret and no user
    if not data.get("tokenUrl"):
        raise InputError("The OAuth2 configuration '{}' has no token URL.", name)
    return OAuthSettings(grant, data["tokenUrl"], data.get("clientId", ""), data.get("clientSecret", ""),
                         data.get("username", ""), data.get("password", ""), data.get("scope", ""),
                         data.get("refreshTokenUrl", ""), data.get("requestUrl", ""),
                         int(data.get("redirectPort") or 7070))


def login_of(config, user=""):
    """(user, password) from a loaded Basic configuration: `user` when given, else the configuration's own."""
    return user or config.config("username") or "", config.config("password") or ""
