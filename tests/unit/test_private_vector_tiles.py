"""Private vector layers (issue 29, point 4): a TMS stand-in on 127.0.0.1 that answers 401 without the account,
read with a key in SOURCE's query, a key given as an account, an API-key header, HTTP Basic and OAuth2 Bearer
tokens — the service document, metadata.json and the tiles; a second server on another port, recording every
request, proves that nothing of the account goes there (tiles placed on it, a redirect to it). No QGIS."""

import sqlite3

import pytest

from core.download.engine import DownloadOptions
from core.download.job import download_to_mbtiles
from core.errors import InputError
from core.sources.accounts import AuthError, Credentials, OAuthSettings, key_of_source
from core.sources.prepare import fetch_tms_service, prepare_source
from core.tiles import areas
from core.tiles import grid as tiles
from core.vector import tms
from tests.support.keycloak_server import StandInKeycloak
from tests.support.tms_server import StandInTms

TOULOUSE = areas.PRESETS["toulouse"]
KEY, HEADER, USER, PASSWORD = "s3cr3t-tms-key", "h3ader-tms-key", "survey", "b4sic-tms-pass"
KINDS = ("query", "api_key", "header", "basic", "bearer")


@pytest.fixture()
def hosts():
    with StandInKeycloak(lifetime=60) as keycloak, StandInTms() as source, StandInTms() as other:
        yield keycloak, source, other


def account(kind, keycloak, source):
    """(SOURCE, credentials) of one kind, the stand-in made to accept exactly that account."""
    root = source.root
    if kind == "query":
        source.authorised = lambda query, headers: query.get("apikey") == KEY
        return root + "?apikey=" + KEY, None
    if kind == "api_key":
        source.authorised = lambda query, headers: query.get("apikey") == KEY
        return root, Credentials(name="key", api_key=KEY)
    if kind == "header":
        source.authorised = lambda query, headers: headers.get("apikey") == HEADER
        return root, Credentials(name="header", extra_headers={"apikey": HEADER})
    if kind == "basic":
        source.authorised = lambda query, headers: headers.get("Authorization", "") == "Basic " + __import__(
            "base64").b64encode("{}:{}".format(USER, PASSWORD).encode()).decode()
        return root, Credentials(name="basic", username=USER, password=PASSWORD)
    source.authorised = lambda query, headers: keycloak.valid(headers.get("Authorization", "")[len("Bearer "):])
    return root, Credentials(name="sso", oauth=OAuthSettings("password", keycloak.token_url, "qgis",
                                                             username="alice", password="wonderland"))


def carries_account(request):
    """True when a recorded request holds any part of an account."""
    names = {name.lower() for name in list(request.headers) + list(request.query)}
    values = list(request.query.values()) + list(request.headers.values()) + [request.path]
    return bool(names & {"authorization", "apikey"}) or any(
        secret in value for secret in (KEY, HEADER, PASSWORD) for value in values)


def stored(output):
    with sqlite3.connect(output) as db:
        rows = db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles").fetchall()
    return {(z, x, tiles.flip_y(z, y)): bytes(data) for z, x, y, data in rows}


def fetch(prepared, output, zooms=(10, 12)):
    logged = []
    stats = download_to_mbtiles(prepared, TOULOUSE, zooms[0], zooms[1], str(output),
                                DownloadOptions(concurrency=4, max_rate=0), log=logged.append)
    return stats, [str(line) for line in logged]


def test_urls_under_the_service_keep_their_path_before_the_query():
    root = "https://data.geopf.fr/private/tms/1.0.0?apikey=K&tenant=x"
    assert tms.split_source(root) == (root, None)
    assert tms.split_source("https://data.geopf.fr/private/tms/1.0.0/PLAN.IGN?apikey=K") == (
        "https://data.geopf.fr/private/tms/1.0.0?apikey=K", "PLAN.IGN")
    assert tms.metadata_url(root, "PLAN.IGN") == (
        "https://data.geopf.fr/private/tms/1.0.0/PLAN.IGN/metadata.json?apikey=K&tenant=x")
    assert tms.tile_template(root, "PLAN.IGN") == (
        "https://data.geopf.fr/private/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf?apikey=K&tenant=x")
    public, credentials = key_of_source(root)
    assert public == "https://data.geopf.fr/private/tms/1.0.0?tenant=x" and credentials.query() == {"apikey": "K"}
    public, credentials = key_of_source("https://h/tms/1.0.0?api_key=K2", Credentials(name="basic", username="u",
                                                                                     password="p"))
    assert public == "https://h/tms/1.0.0" and credentials.query() == {"api_key": "K2"}
    assert credentials.headers()["Authorization"].startswith("Basic ")
    with pytest.raises(InputError, match="give the key once"):
        key_of_source("https://h/tms/1.0.0?apikey=K", Credentials(name="other key", api_key="L"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_account_reads_the_service_the_metadata_and_the_tiles(hosts, tmp_path, kind):
    keycloak, source, other = hosts
    endpoint, credentials = account(kind, keycloak, source)
    names = [entry.identifier for entry in fetch_tms_service(endpoint, credentials=credentials) if entry.is_vector]
    assert names == ["PLAN.IGN", "PCI"]
    prepared = prepare_source(endpoint, "PLAN.IGN", credentials=credentials)
    assert prepared.title == "Plan IGN" and prepared.vector_layers
    assert KEY not in prepared.public_url and KEY not in str(prepared.identity())
    output = tmp_path / "PLAN.IGN.mbtiles"
    stats, logged = fetch(prepared, output)
    got = stored(output)
    assert stats.downloaded > 0 and stats.failed == 0 and len(got) == stats.downloaded
    assert all(data == source.served("PLAN.IGN", *tile) for tile, data in got.items())
    asked = source.requests
    assert [r.path for r in asked[:2]] == ["/tms/1.0.0", "/tms/1.0.0/PLAN.IGN/metadata.json"]
    assert all(carries_account(r) for r in asked) and not other.requests
    data = output.read_bytes()
    for secret in (KEY, HEADER, PASSWORD, "wonderland"):
        assert secret.encode() not in data and not any(secret in line for line in logged)


def test_without_the_account_the_401_is_said_as_such_not_as_a_document_that_is_no_json(hosts):
    keycloak, source, _ = hosts
    endpoint, _ = account("query", keycloak, source)
    for given in (source.root, source.root + "?apikey=wrong"):
        with pytest.raises(AuthError) as raised:
            prepare_source(given, "PLAN.IGN")
        message = str(raised.value)
        assert "401" in message and "API key or account" in message and "JSON" not in message
        assert "wrong" not in message
    assert prepare_source(endpoint, "PLAN.IGN").layer == "PLAN.IGN"


@pytest.mark.parametrize("kind", KINDS)
def test_tiles_the_metadata_places_on_another_host_get_nothing_of_the_account(hosts, tmp_path, kind):
    keycloak, source, other = hosts
    endpoint, credentials = account(kind, keycloak, source)
    source.tiles_origin = other.origin  # the metadata's `tiles` template names the other server
    prepared = prepare_source(endpoint, "PLAN.IGN", credentials=credentials)
    stats, logged = fetch(prepared, tmp_path / "elsewhere.mbtiles", (11, 11))
    assert stats.downloaded > 0 and stats.failed == 0
    assert other.requests and not any(carries_account(r) for r in other.requests)
    assert all(carries_account(r) for r in source.requests) and len(source.requests) == 1  # the metadata only
    assert sum("fetched without your account" in line for line in logged) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_redirect_to_another_host_drops_the_account(hosts, tmp_path, kind):
    keycloak, source, other = hosts
    endpoint, credentials = account(kind, keycloak, source)
    prepared = prepare_source(endpoint, "PLAN.IGN", credentials=credentials)
    z, x, y = sorted(tile for tile in source.data_tiles() if tile[0] == 12)[0]
    path = "/tms/1.0.0/PLAN.IGN/{}/{}/{}.pbf".format(z, x, y)
    echo = "?apikey=" + KEY if kind in ("query", "api_key") else ""  # a server echoing the key it was sent
    source.redirects[path] = other.origin + path + echo
    ranges = [tiles.TileRange(z, x, x, y, y)]
    stats = download_to_mbtiles(prepared, TOULOUSE, z, z, str(tmp_path / "one.mbtiles"),
                                DownloadOptions(concurrency=1, max_rate=0), ranges=ranges, total=1)
    assert stats.downloaded == 1 and stored(tmp_path / "one.mbtiles") == {(z, x, y): other.served("PLAN.IGN", z, x, y)}
    assert [r.path for r in other.requests] == [path] and not carries_account(other.requests[0])
    assert carries_account(next(r for r in source.requests if r.path == path))
