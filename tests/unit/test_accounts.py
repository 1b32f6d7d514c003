"""Private layers with a key, HTTP Basic or OAuth2 (a Keycloak-like server on loopback); secrets never kept."""

import os
import threading
import urllib.request

import pytest

from core import mbtiles
from core.download.engine import DownloadOptions, ServerRefused
from core.download.job import download_to_mbtiles
from core.sources.accounts import AuthError, Credentials, OAuthSettings
from core.sources.prepare import prepare_source
from core.tiles.areas import PRESETS
from tests.support.keycloak_server import StandInKeycloak
from tests.support.loopback import LoopbackServer
from tests.support.wmts_server import StandInWmts

SCAN = "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR"


@pytest.fixture()
def servers():
    with StandInKeycloak(lifetime=3.0) as keycloak, StandInWmts() as wmts:
        wmts.api_key = None
        wmts.bearer = keycloak.valid
        yield keycloak, wmts


def oauth(keycloak, grant="password", **changes):
    settings = dict(grant=grant, token_url=keycloak.token_url, client_id="qgis", username="alice",
                    password="wonderland", authorization_url=keycloak.auth_url)
    if grant == "client_credentials":
        settings.update(client_id="ign-offline-batch", client_secret="s3rvice-secret", username="", password="")
    settings.update(changes)
    return Credentials(name="geoplateforme", oauth=OAuthSettings(**settings))


def secret_free(path, credentials):
    with open(path, "rb") as stream:
        data = stream.read()
    return not any(secret.encode() in data for secret in credentials.secrets)


def test_tokens_expiring_every_3_s_are_renewed_during_a_1000_tile_download(servers, tmp_path):
    keycloak, wmts = servers
    wmts.latency = 0.03  # about 7 s: two to three token lifetimes
    credentials = oauth(keycloak)
    prepared = prepare_source(wmts.private_url, SCAN, credentials=credentials)
    output = str(tmp_path / "scan25.mbtiles")
    stats = download_to_mbtiles(prepared, PRESETS["toulouse"], 12, 16, output,
                                DownloadOptions(concurrency=4, max_rate=0))
    assert stats.failed == 0 and stats.downloaded + stats.empty >= 900
    assert credentials.tokens().grants >= 3            # renewed several times on the way
    assert keycloak.grants.count("refresh_token") >= 2  # by the refresh token, before expiry
    assert wmts.refused <= 4                            # almost no request refused
    with mbtiles.MBTilesReader(output) as reader:
        assert all(d == wmts.tile_body("image/jpeg", z, x, y) for z, x, y, d in reader.iter_tiles())
    assert secret_free(output, credentials)


def test_client_credentials_and_http_basic(servers, tmp_path):
    keycloak, wmts = servers
    credentials = oauth(keycloak, "client_credentials")
    prepared = prepare_source(wmts.private_url, SCAN, credentials=credentials)
    stats = download_to_mbtiles(prepared, PRESETS["carcassonne"], 10, 12, str(tmp_path / "a.mbtiles"),
                                DownloadOptions(max_rate=0))
    assert stats.downloaded and keycloak.grants[0] == "client_credentials"
    wmts.basic = ("geoplateforme-basic", "b4sic-pass")
    basic = Credentials(name="basic", username="geoplateforme-basic", password="b4sic-pass")
    stats = download_to_mbtiles(prepare_source(wmts.private_url, SCAN, credentials=basic), PRESETS["carcassonne"],
                                10, 12, str(tmp_path / "b.mbtiles"), DownloadOptions(max_rate=0))
    assert stats.downloaded and secret_free(str(tmp_path / "b.mbtiles"), basic)


def test_authorization_code_with_pkce_through_a_loopback_redirect(servers, tmp_path):
    keycloak, wmts = servers
    opened = []

    def browser(url):  # the user signs in: Keycloak redirects to our loopback port
        opened.append(url)
        threading.Thread(target=lambda: urllib.request.urlopen(url, timeout=10).read(), daemon=True).start()

    credentials = oauth(keycloak, "authorization_code", redirect_port=0)
    credentials.open_browser = browser
    prepared = prepare_source(wmts.private_url, SCAN, credentials=credentials)
    stats = download_to_mbtiles(prepared, PRESETS["carcassonne"], 10, 11, str(tmp_path / "c.mbtiles"),
                                DownloadOptions(max_rate=0))
    assert stats.downloaded and "code_challenge_method=S256" in opened[0]
    assert keycloak.grants == ["authorization_code"]


@pytest.mark.parametrize("changes, fragment", [
    (dict(password="wrong"), "Invalid user credentials"),
    (dict(client_id="nobody"), "Invalid client"),
])
def test_a_refused_sign_in_names_the_configuration_and_writes_nothing(servers, tmp_path, changes, fragment):
    keycloak, wmts = servers
    credentials = oauth(keycloak, **changes)
    with pytest.raises(AuthError, match="'geoplateforme' was refused.*{}".format(fragment)):
        prepare_source(wmts.private_url, SCAN, credentials=credentials)
    assert not os.listdir(tmp_path) and not wmts.log.entries


def test_a_revoked_key_stops_the_job_without_a_file(servers, tmp_path):
    keycloak, wmts = servers
    wmts.api_key = "good-key"
    with pytest.raises(AuthError, match="401"):
        prepare_source(wmts.private_url, SCAN, credentials=Credentials(name="key", api_key="revoked"))
    prepared = prepare_source(wmts.private_url, SCAN, credentials=Credentials(name="key", api_key="good-key"))
    wmts.api_key = "rotated"
    with pytest.raises(ServerRefused) as info:
        download_to_mbtiles(prepared, PRESETS["carcassonne"], 12, 12, str(tmp_path / "k.mbtiles"),
                            DownloadOptions(max_rate=0))
    assert "good-key" not in str(info.value)


@pytest.mark.parametrize("grant", ["password", "client_credentials"])
def test_a_server_that_widens_the_scope_is_accepted(servers, tmp_path, grant):
    keycloak, wmts = servers
    keycloak.scope = "openid profile email"  # what real Keycloak grants when asked for openid
    credentials = oauth(keycloak, grant, scope="openid")
    prepared = prepare_source(wmts.private_url, SCAN, credentials=credentials)
    stats = download_to_mbtiles(prepared, PRESETS["carcassonne"], 10, 11, str(tmp_path / "w.mbtiles"),
                                DownloadOptions(max_rate=0))
    assert stats.downloaded and stats.failed == 0 and keycloak.grants[0] == grant
    assert "OAUTHLIB_RELAX_TOKEN_SCOPE" not in os.environ  # relaxed for our calls only


def test_plain_http_is_allowed_to_a_loopback_sign_in_server_for_its_calls_only(servers, tmp_path, monkeypatch):
    """oauthlib reads OAUTHLIB_INSECURE_TRANSPORT from the process's environment: set for good after a loopback
    sign-in, it let any later OAuth2 user of QGIS (another plugin) sign in over plain HTTP to any host."""
    keycloak, wmts = servers
    monkeypatch.delenv("OAUTHLIB_INSECURE_TRANSPORT", raising=False)
    credentials = oauth(keycloak)
    prepared = prepare_source(wmts.private_url, SCAN, credentials=credentials)
    stats = download_to_mbtiles(prepared, PRESETS["carcassonne"], 10, 11, str(tmp_path / "l.mbtiles"),
                                DownloadOptions(max_rate=0))
    assert stats.downloaded and credentials.tokens().grants >= 1  # signed in over http://127.0.0.1
    assert "OAUTHLIB_INSECURE_TRANSPORT" not in os.environ
    # Plain HTTP to another host stays refused by oauthlib, before any byte is sent (192.0.2.1: TEST-NET-1).
    remote = oauth(keycloak, token_url="http://192.0.2.1/realms/x/token", authorization_url="")
    with pytest.raises(AuthError, match="'geoplateforme' was refused.*(HTTPS|https|insecure|Insecure)"):
        remote.tokens().token()
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "mine")  # a value the user set: given back as it was
    assert oauth(keycloak).tokens().token()
    assert os.environ["OAUTHLIB_INSECURE_TRANSPORT"] == "mine"


REFUSED = "configuration 'geoplateforme'.*"


@pytest.mark.parametrize("broken, fragment", [
    ((200, "application/json", b'{"token_type": "Bearer", "expires_in": 60}'), REFUSED + "access token"),
    ((200, "text/html", b"<html><body>Maintenance</body></html>"), REFUSED + "was refused"),
    # a failing server is said as such: its users' passwords are not the problem
    ((500, "text/html", b"<html><body>Internal Server Error</body></html>"),
     "server of 'geoplateforme' answered HTTP 500 Internal Server Error: try again later"),
    ((200, "application/json", b'["not", "a", "token"]'), REFUSED + "was refused"),
])
def test_any_sign_in_failure_is_one_message_naming_the_configuration(servers, tmp_path, broken, fragment):
    keycloak, wmts = servers
    keycloak.broken = broken
    credentials = oauth(keycloak, scope="openid")
    with pytest.raises(AuthError, match=fragment) as info:
        prepare_source(wmts.private_url, SCAN, credentials=credentials)
    assert "wonderland" not in str(info.value) and "\n" not in str(info.value)
    assert not wmts.log.entries and not os.listdir(tmp_path)


class _HostileTokenServer(LoopbackServer):
    """A token endpoint on 127.0.0.1 that drip-feeds, floods or fails: `mode` is 'drip', 'flood' or 'error'."""

    def __init__(self, mode):
        import http.server

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    if mode == "error":
                        body = b"<html><body>Internal error</body></html>"
                        self.send_response(500)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                        return
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    if mode == "drip":  # a valid answer, one byte every 0.5 s: it would take 30 s
                        for byte in b'{"access_token": "x", "token_type": "Bearer", "expires_in": 60}':
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            threading.Event().wait(0.5)
                    else:  # 64 MB of JSON string, sent as fast as read
                        self.wfile.write(b'{"access_token": "')
                        for _ in range(64):
                            self.wfile.write(b"a" * 2 ** 20)
                        self.wfile.write(b'"}')
                except OSError:
                    pass  # the client gave up: what the test wants

            def log_message(self, *args):
                pass

        self.listen(Handler)

    @property
    def url(self):
        return self.origin + "/token"


@pytest.mark.parametrize("mode, said", [("drip", "no complete answer within 2 s"),
                                        ("flood", "an answer larger than 1 MB"),
                                        ("error", "answered HTTP 500")])
def test_a_hostile_sign_in_server_is_one_message_within_the_deadline_and_the_cap(monkeypatch, mode, said):
    import time
    import tracemalloc

    from core.sources import accounts

    monkeypatch.setattr(accounts, "TOKEN_DEADLINE", 2)
    with _HostileTokenServer(mode) as server:
        settings = OAuthSettings(grant="password", token_url=server.url, client_id="qgis", username="alice",
                                 password="wonderland")
        credentials = Credentials(name="geoplateforme (abc1234)", oauth=settings)
        tracemalloc.start()
        start = time.monotonic()
        with pytest.raises(AuthError) as refused:
            credentials.headers()
        elapsed = time.monotonic() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    message = str(refused.value)
    assert "'geoplateforme (abc1234)'" in message and said in message, message
    assert "password" not in message.split("(", 1)[0] or mode != "error"  # a server failure is not a bad password
    assert "wonderland" not in message
    assert elapsed < 5, elapsed
    assert peak < 16 * 2 ** 20, peak  # the 64 MB answer was never held
