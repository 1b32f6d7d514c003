"""A sign-in server on 127.0.0.1 that behaves like the Géoplateforme's Keycloak (realm geoplateforme), for tests.

Grants: password, client_credentials, refresh_token, authorization_code with PKCE (S256); the authorization
endpoint approves at once and redirects to the loopback redirect_uri, as a signed-in browser would. Tokens
live `lifetime` seconds; `valid(token)` is what a private server checks. `scope` is what every answer says
was granted: set it wider than asked ("openid profile email" for "openid") as real Keycloak does. `broken`
(status, content type, body) makes the token endpoint answer that instead, as a misbehaving server would.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.support.loopback import LoopbackServer

REALM = "/realms/geoplateforme/protocol/openid-connect"


class StandInKeycloak(LoopbackServer):
    def __init__(self, lifetime=3.0, users=None, clients=None):
        self.lifetime = lifetime
        self.users = users or {"alice": "wonderland"}
        self.clients = clients or {"qgis": "", "ign-offline-batch": "s3rvice-secret"}
        self.tokens = {}      # access token -> expiry (monotonic)
        self.refresh = {}     # refresh token -> client id
        self.codes = {}       # code -> (client, redirect_uri, challenge)
        self.grants = []      # grant types served, in order
        self.scope = "openid"  # the scope each answer names
        self.broken = None     # (status, content type, body bytes) answered to every token request
        self.lock = threading.Lock()
        self.listen(self._handler())

    @property
    def base(self):
        return self.origin + REALM

    @property
    def token_url(self):
        return self.base + "/token"

    @property
    def auth_url(self):
        return self.base + "/auth"

    def valid(self, token):
        with self.lock:
            expiry = self.tokens.get(token)
        return expiry is not None and time.monotonic() < expiry

    def issue(self, client):
        access, refresh = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[access] = time.monotonic() + self.lifetime
            self.refresh[refresh] = client
        return {"access_token": access, "expires_in": self.lifetime, "refresh_token": refresh,
                "refresh_expires_in": 1800, "token_type": "Bearer", "scope": self.scope}

    def _handler(self):
        keycloak = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, body, headers=()):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def refuse(self, status, error, description):
                self.answer(status, {"error": error, "error_description": description})

            def do_GET(self):  # noqa: N802 — the authorization endpoint: approve and redirect
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                if parts.path != REALM + "/auth" or query.get("code_challenge_method") != "S256":
                    return self.refuse(400, "invalid_request", "PKCE S256 required")
                code = secrets.token_urlsafe(16)
                with keycloak.lock:
                    keycloak.codes[code] = (query["client_id"], query["redirect_uri"], query["code_challenge"])
                self.send_response(302)
                self.send_header("Location", "{}?{}".format(query["redirect_uri"], urlencode(
                    {"code": code, "state": query.get("state", "")})))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):  # noqa: N802 — the token endpoint
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(parse_qsl(self.rfile.read(length).decode()))
                if keycloak.broken:
                    status, content_type, body = keycloak.broken
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    return self.wfile.write(body)
                client = form.get("client_id", "")
                if client not in keycloak.clients or keycloak.clients[client] != form.get("client_secret", ""):
                    return self.refuse(401, "unauthorized_client", "Invalid client or Invalid client credentials")
                grant = form.get("grant_type")
                keycloak.grants.append(grant)
                if grant == "password":
                    if keycloak.users.get(form.get("username")) != form.get("password"):
                        return self.refuse(401, "invalid_grant", "Invalid user credentials")
                elif grant == "client_credentials":
                    if not keycloak.clients[client]:
                        return self.refuse(400, "unauthorized_client", "Client not enabled to retrieve service account")
                elif grant == "refresh_token":
                    with keycloak.lock:
                        owner = keycloak.refresh.pop(form.get("refresh_token"), None)
                    if owner != client:
                        return self.refuse(400, "invalid_grant", "Invalid refresh token")
                elif grant == "authorization_code":
                    with keycloak.lock:
                        found = keycloak.codes.pop(form.get("code"), None)
                    verifier = form.get("code_verifier", "")
                    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
                    if not found or found[0] != client or found[1] != form.get("redirect_uri") or (
                            found[2] != challenge.decode()):
                        return self.refuse(400, "invalid_grant", "Code not valid or PKCE verification failed")
                else:
                    return self.refuse(400, "unsupported_grant_type", "Unsupported grant_type")
                self.answer(200, keycloak.issue(client))

        return Handler
