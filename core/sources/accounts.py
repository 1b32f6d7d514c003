"""Credentials for private tile servers: an API key, HTTP Basic, or OAuth2 Bearer tokens kept fresh.

The secrets come from the QGIS authentication database (algorithms/auth.py
reads it); here they are used, never stored: tokens live in memory only, and
every secret value is listed in `secrets` so that messages can be redacted.

OAuth2 (e.g. the Géoplateforme's Keycloak, realm `geoplateforme`) uses
requests-oauthlib: the resource-owner password grant for batch runs, client
credentials for service accounts, authorization code with PKCE and a loopback
redirect for interactive sign-in. A token is renewed before it expires (with
the refresh token, else a new grant), and once more when a server answers
401 to it, so an expiring token never turns tiles into failures.

Credentials go only where the user sent them: `for_source` binds them to the
origin (scheme, host, port) of the SOURCE, and `apply` adds them to a request
for that origin only. Tiles that capabilities place on another host, a plan's
third-party entries or a redirect elsewhere get nothing.
"""

import base64
import contextlib
import dataclasses
import http.server
import os
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

import requests

from ..errors import InputError
from ..http import BodyTooLarge, DeadlineExceeded, megabytes, read_body, redact_text, unreachable_reason, within
from ..messages import Message
from .wmts import with_query

GRANTS = ("password", "client_credentials", "authorization_code")


DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url):
    """`scheme://host:port` of `url` (default port made explicit, case folded): where a secret may go."""
    parts = urllib.parse.urlsplit(url or "")
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port that is no number: an origin nothing matches
        return ""
    host = (parts.hostname or "").lower()
    return "{}://{}:{}".format(scheme, host, port) if scheme and host else ""


# What a key in a SOURCE's query may be called (the Géoplateforme documents `apikey` and `api_key`).
KEY_PARAMETERS = ("apikey", "api_key", "key")


def key_of_source(source, credentials=None):
    """(the SOURCE without its key, the credentials that send it): a key written in the SOURCE's query
    (`…/tms/1.0.0?apikey=KEY`) becomes the account's key, so that it is sent as any account is — on the SOURCE's
    host only, in the query of each request (documents, tiles, styles), never written with the URL into the file,
    its styles or a message. Given `credentials` keep their own key, login or token and gain the SOURCE's key
    beside them; a SOURCE without a key is returned as it is, with `credentials`."""
    parts = urllib.parse.urlsplit(source or "")
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    keys = [(k, v) for k, v in query if k.lower() in KEY_PARAMETERS and v]
    if not keys:
        return source, credentials
    name, key = keys[-1]
    kept = [(k, v) for k, v in query if k.lower() not in KEY_PARAMETERS]
    public = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept, safe="/:{}")))
    if credentials is None:
        return public, Credentials(api_key=key, key_name=name)  # no name: a refusal says "a valid API key"
    if credentials.api_key and credentials.api_key != key:
        raise InputError("SOURCE carries an API key and the account '{}' another one: give the key once, in the "
                         "account (AUTHCFG) or in SOURCE.", credentials.name)
    return public, dataclasses.replace(credentials, api_key=key, key_name=name)


class AuthError(InputError):
    """The credentials were refused (wrong password, revoked key, unknown client): nothing is downloaded."""


@dataclass
class OAuthSettings:
    grant: str
    token_url: str
    client_id: str
    client_secret: str = ""
    username: str = ""
    password: str = ""
    scope: str = ""
    refresh_url: str = ""
    authorization_url: str = ""
    redirect_port: int = 7070


@dataclass
class Credentials:
    """What to send: `api_key` (query parameter), HTTP Basic, OAuth2 tokens or custom headers; `name` says which
    configuration. `origin` is where they may go (see for_source): unbound credentials go nowhere."""

    name: str = ""
    api_key: str = ""
    key_name: str = "apikey"      # the query parameter the key rides in (a SOURCE's own `api_key=…` keeps its name)
    username: str = ""
    password: str = ""
    oauth: OAuthSettings = None
    extra_headers: dict = field(default_factory=dict)  # headers of QGIS's API Header method (3.24+), e.g. apikey
    open_browser: object = None   # callable(url) for the authorization-code grant
    origin: str = ""              # scheme://host:port of the SOURCE they were given for
    _tokens: object = field(default=None, repr=False)

    @property
    def secrets(self):
        values = [self.api_key, self.password] + list(self.extra_headers.values())
        if self.oauth:
            values += [self.oauth.client_secret, self.oauth.password]
        if self._tokens is not None:
            values += self._tokens.secrets()
        return tuple(v for v in values if v)

    def for_source(self, url):
        """These credentials bound to the origin of `url`, the SOURCE the user gave them for (a copy: the
        same configuration may serve other sources; OAuth2 tokens stay shared, obtained once)."""
        self.tokens()
        return dataclasses.replace(self, origin=origin_of(url))

    def applies_to(self, url):
        return bool(self.origin) and origin_of(url) == self.origin

    def apply(self, url, headers=None):
        """(url, headers) of a request: with the key, Basic, Bearer or custom headers when `url` is on the
        bound origin; else untouched, except a value of ours a server wrote into its own URLs (an echoed
        `apikey`), which is taken out."""
        headers = dict(headers or {})
        if not self.applies_to(url):
            return self._without_secrets(url), headers
        if self.api_key:
            url = with_query(url, self.query())
        headers.update(self.headers())
        return url, headers

    def redact(self, text):
        """`text` with every secret of these credentials replaced by ***."""
        return redact_text(text, self.secrets)

    def _without_secrets(self, url):
        parts = urllib.parse.urlsplit(url)
        secrets = set(self.secrets)
        query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not secrets or not any(v in secrets for _, v in query):
            return url
        kept = [(k, v) for k, v in query if v not in secrets]
        return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept, safe="/:{}")))

    def query(self):
        """Query parameters to add to every URL (the Géoplateforme's HASH keys); `apply` decides where."""
        return {self.key_name: self.api_key} if self.api_key else {}

    def tokens(self):
        if self.oauth is not None and self._tokens is None:
            self._tokens = TokenSource(self.oauth, self.name, self.open_browser)
        return self._tokens

    def headers(self):
        """Headers for the next request (a Bearer token is obtained or renewed here when needed); `apply`
        decides where they go."""
        if self.oauth is not None:
            return {"Authorization": "Bearer " + self.tokens().token()}
        if self.username:
            pair = "{}:{}".format(self.username, self.password).encode("utf-8")
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return dict(self.extra_headers)

    def renew(self, headers_used):
        """After a 401 to `headers_used`: True when a new token was obtained (retry once), else False."""
        if self.oauth is None:
            return False
        return self.tokens().renew((headers_used or {}).get("Authorization", "")[len("Bearer "):])


class TokenSource:
    """OAuth2 tokens for one configuration, shared by the download threads."""

    def __init__(self, settings, name, open_browser=None, margin=0.2, clock=time.monotonic):
        if settings.grant not in GRANTS:
            raise InputError("The OAuth2 configuration '{}' uses a grant IGN Offline does not support ({}): use the "
                             "resource-owner (password), client-credentials or authorization-code grant.",
                                 name, settings.grant)
        self.settings = settings
        self.name = name
        self.open_browser = open_browser
        self.margin = margin      # renew when this share of the lifetime is left
        self.clock = clock
        self._lock = threading.Lock()
        self._token = None
        self._refresh = None
        self._renew_at = 0.0
        self.grants = 0           # how many tokens were obtained (tests, logs)
        urls = [urllib.parse.urlsplit(u) for u in (settings.token_url, settings.refresh_url,
                                                   settings.authorization_url) if u]
        # oauthlib refuses plain HTTP, rightly; a sign-in server on this very machine (tests, a local proxy) is
        # the one exception, and only for the calls to it (`_plain_http_to_loopback`).
        self.loopback = bool(urls) and all(u.scheme == "http" and u.hostname in ("127.0.0.1", "localhost", "::1")
                                           for u in urls)

    def secrets(self):
        return [v for v in (self._token, self._refresh) if v]

    def token(self):
        with self._lock:
            if self._token is None or self.clock() >= self._renew_at:
                self._obtain()
            return self._token

    def renew(self, failed):
        with self._lock:
            if self._token != failed:
                return True  # another thread renewed it meanwhile
            self._obtain(force_grant=self._refresh is None)
            return True

    # -- grants -------------------------------------------------------------------------------------------

    def _obtain(self, force_grant=False):
        answer = None
        if self._refresh and not force_grant:
            answer = self._refreshed()
        if answer is None:
            answer = self._grant()
        self._token = answer["access_token"]
        self._refresh = answer.get("refresh_token") or self._refresh
        lifetime = float(answer.get("expires_in") or 3600)
        self._renew_at = self.clock() + max(0.5, lifetime * (1 - self.margin))
        self.grants += 1

    def _grant(self):
        """A new token by the configuration's grant, through requests-oauthlib."""
        from oauthlib.oauth2 import BackendApplicationClient, LegacyApplicationClient
        from requests_oauthlib import OAuth2Session

        s = self.settings
        scope = s.scope.split() or None
        if s.grant == "authorization_code":
            return self._authorization_code()
        if s.grant == "password":
            session = OAuth2Session(client=LegacyApplicationClient(client_id=s.client_id), scope=scope)
            extra = {"username": s.username, "password": s.password}
        else:
            session = OAuth2Session(client=BackendApplicationClient(client_id=s.client_id), scope=scope)
            extra = {}
        return self._fetch(session, lambda: session.fetch_token(
            s.token_url, client_id=s.client_id, client_secret=s.client_secret or None, include_client_id=True,
            timeout=(10, 30), **extra))

    def _refreshed(self):
        """A token from the refresh token; None when the server no longer accepts it (a new grant follows)."""
        from requests_oauthlib import OAuth2Session

        s = self.settings
        session = OAuth2Session(s.client_id, token={"access_token": self._token, "refresh_token": self._refresh,
                                                    "token_type": "Bearer"})
        extra = {"client_id": s.client_id}
        if s.client_secret:
            extra["client_secret"] = s.client_secret
        try:
            return self._fetch(session, lambda: session.refresh_token(s.refresh_url or s.token_url, timeout=(10, 30),
                                                                      **extra))
        except AuthError:
            return None

    def _fetch(self, session, call):
        """The token answer of one sign-in call through `session`; any failure becomes one AuthError naming the
        configuration. Like every network read here, the whole answer has a deadline and a size cap: a sign-in
        server that drip-feeds or sends gigabytes cannot hold a run (and its output's lock) or its memory."""
        from oauthlib.oauth2 import OAuth2Error

        session.hooks["response"].append(_bounded_answer)
        try:
            with _plain_http_to_loopback(self.loopback):
                answer = dict(within(TOKEN_DEADLINE + 1, TOKEN_DEADLINE, call))
        except DeadlineExceeded:
            raise AuthError("The sign-in server of '{}' gave no complete answer within {} s: try again later.",
                self.name, TOKEN_DEADLINE) from None
        except _ServerTrouble as exc:
            raise AuthError("The sign-in server of '{}' {}: try again later (the configuration itself may be "
                            "fine).", self.name, exc) from None
        except requests.RequestException as exc:
            raise AuthError("The sign-in server of '{}' cannot be reached ({}): check the network.",
                self.name, unreachable_reason(exc)) from None
        except Warning as exc:
            # oauthlib's "Scope has changed": servers may grant more than asked (Keycloak adds profile and
            # email to openid). The token it carries is valid; a wider scope takes nothing from us. Taken
            # here, for our calls only, rather than by OAUTHLIB_RELAX_TOKEN_SCOPE for the whole process.
            answer = dict(getattr(exc, "token", None) or {})
            if not answer:
                raise self._refused(str(exc)) from None
        except OAuth2Error as exc:
            raise self._refused(getattr(exc, "description", None) or getattr(exc, "error", None) or str(exc)
                                ) from None
        except Exception as exc:  # anything else a sign-in server can provoke: a message, never a traceback
            raise self._refused("{}: {}".format(type(exc).__name__, exc)) from None
        if not answer.get("access_token"):
            raise self._refused("no access token in the answer")
        return answer

    def _refused(self, reason):
        reason = redact_text(" ".join(str(reason).split())[:200], self.secrets() + [
            self.settings.password, self.settings.client_secret])
        return AuthError("The sign-in of the authentication configuration '{}' was refused ({}): check its user, "
                         "password or client secret in Settings › Options › Authentication.",
                             self.name, reason)

    def _authorization_code(self):
        """Authorization code with PKCE: the browser signs in, the server redirects to a loopback port here."""
        from requests_oauthlib import OAuth2Session

        s = self.settings
        if not s.authorization_url:
            raise AuthError("The OAuth2 configuration '{}' has no authorization URL (requestUrl).", self.name)
        if self.open_browser is None:
            raise AuthError("The OAuth2 configuration '{}' signs in through a browser: use 'Sign in' in the dock, or "
                            "a resource-owner or client-credentials configuration for batch runs.", self.name)
        catcher = _RedirectCatcher(s.redirect_port)
        try:
            session = OAuth2Session(s.client_id, redirect_uri=catcher.redirect_uri, scope=s.scope.split() or None,
                                    pkce="S256")
            with _plain_http_to_loopback(self.loopback):
                url, state = session.authorization_url(s.authorization_url)
            self.open_browser(url)
            query = catcher.wait(timeout=300)
        finally:
            catcher.close()
        if query.get("state") != state or "code" not in query:
            raise AuthError("The sign-in of '{}' did not complete ({}).",
                self.name, query.get("error_description") or query.get("error") or "no authorization code")
        return self._fetch(session, lambda: session.fetch_token(
            s.token_url, code=query["code"], client_secret=s.client_secret or None, include_client_id=True,
            timeout=(10, 30)))


INSECURE_TRANSPORT = "OAUTHLIB_INSECURE_TRANSPORT"
_insecure_lock = threading.Lock()
_insecure = {"calls": 0, "found": None}


@contextlib.contextmanager
def _plain_http_to_loopback(allowed):
    """oauthlib reads OAUTHLIB_INSECURE_TRANSPORT from the environment, the process's: set it only while a call to
    a loopback sign-in server runs (counted across threads), then put back what was there. Set for good, it let any
    later OAuth2 user of the QGIS process (another plugin) sign in over plain HTTP to any host."""
    if not allowed:
        yield
        return
    with _insecure_lock:
        if _insecure["calls"] == 0:
            _insecure["found"] = os.environ.get(INSECURE_TRANSPORT)
            os.environ[INSECURE_TRANSPORT] = "1"
        _insecure["calls"] += 1
    try:
        yield
    finally:
        with _insecure_lock:
            _insecure["calls"] -= 1
            if _insecure["calls"] == 0:
                if _insecure["found"] is None:
                    os.environ.pop(INSECURE_TRANSPORT, None)
                else:
                    os.environ[INSECURE_TRANSPORT] = _insecure["found"]


TOKEN_DEADLINE = 60            # seconds for a whole token answer
MAX_TOKEN_BYTES = 1024 * 1024   # a token answer is a few kB of JSON


class _ServerTrouble(requests.RequestException):
    """The sign-in server failed (5xx) or sent more than any token answer holds: not a refused sign-in."""


def _bounded_answer(response, *args, **kwargs):
    """requests response hook (run before the body is read): the body read within TOKEN_DEADLINE and
    MAX_TOKEN_BYTES; a server error said as such, not as a refused sign-in."""
    try:
        body = read_body(response.raw, time.monotonic() + TOKEN_DEADLINE, TOKEN_DEADLINE, 30, MAX_TOKEN_BYTES,
                         "answer")
    except BodyTooLarge:
        raise _ServerTrouble(Message("sent an answer larger than {}", megabytes(MAX_TOKEN_BYTES))) from None
    response._content, response._content_consumed = body, True
    if response.status_code >= 500:
        raise _ServerTrouble(Message("answered HTTP {} {}", response.status_code, response.reason))
    return response


class _RedirectCatcher:
    """A one-shot HTTP server on 127.0.0.1 that receives the authorization redirect."""

    def __init__(self, port):
        received = {}
        done = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                received.update(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)))
                body = "<html><body>IGN Offline: signed in. You can close this page.</body></html>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                done.set()

            def log_message(self, *args):
                pass

        try:
            self.server = http.server.HTTPServer(("127.0.0.1", port), Handler)
        except OSError:
            self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.redirect_uri = "http://127.0.0.1:{}/".format(self.server.server_address[1])
        self.received, self.done = received, done
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait(self, timeout):
        if not self.done.wait(timeout):
            raise AuthError("No sign-in came back within {} s.", timeout)
        return self.received

    def close(self):
        self.server.shutdown()
        self.server.server_close()
