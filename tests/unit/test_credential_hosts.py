"""Credentials go only where the user sent them (issue 19, item 2): the SOURCE's origin, nowhere else.

Two recording servers on 127.0.0.1: the SOURCE (private: it checks the account) and another host on another
port that the SOURCE's capabilities or a plan's entries point at. Every request each one received is checked.
"""

import json

import pytest

from core.download.engine import DownloadOptions
from core.download.estimate import sample_tiles
from core.download.job import apply_policy, clipped_ranges, download_to_mbtiles
from core.errors import InputError
from core.library import jobs as library
from core.library import plans
from core.sources.accounts import Credentials, OAuthSettings
from core.sources.policies import OSM_ATTRIBUTION, PolicyRefused
from core.sources.prepare import prepare_source
from core.tiles import areas
from tests.support.keycloak_server import StandInKeycloak
from tests.support.recording_wmts import PCI, PLAN, RecordingWmts

LAYER = PLAN[0]
AREA = areas.PRESETS["carcassonne"]
KEY, USER, PASSWORD, HEADER = "k3y-0f-the-user", "survey", "b4sic-pass", "h3ader-value"


@pytest.fixture()
def hosts():
    with StandInKeycloak(lifetime=60) as keycloak, RecordingWmts() as source, RecordingWmts() as other:
        yield keycloak, source, other


def account(kind, keycloak, source):
    """Credentials of one kind, and the SOURCE made to accept exactly them."""
    if kind == "key":
        credentials = Credentials(name="key", api_key=KEY)
        source.authorised = lambda query, headers: query.get("apikey") == KEY
    elif kind == "basic":
        credentials = Credentials(name="basic", username=USER, password=PASSWORD)
        source.authorised = lambda query, headers: headers.get("Authorization", "").startswith("Basic ")
    elif kind == "bearer":
        credentials = Credentials(name="sso", oauth=OAuthSettings(
            "password", keycloak.token_url, "qgis", username="alice", password="wonderland"))
        source.authorised = lambda query, headers: keycloak.valid(headers.get("Authorization", "")[7:])
    else:
        credentials = Credentials(name="header", extra_headers={"apikey": HEADER})
        source.authorised = lambda query, headers: headers.get("apikey") == HEADER
    return credentials


def leaks(requests, credentials):
    """The requests that carry any part of the account: a secret anywhere, Authorization, a custom header."""
    secrets = set(credentials.secrets) | {KEY, PASSWORD, HEADER}
    found = []
    for request in requests:
        values = list(request.query.values()) + list(request.headers.values())
        names = {name.lower() for name in list(request.headers) + list(request.query)}
        if names & {"authorization", "apikey"} or any(s in v for s in secrets for v in values):
            found.append(request)
    return found


def fetch(prepared, output, zooms=(12, 12)):
    logged = []
    stats = download_to_mbtiles(prepared, AREA, zooms[0], zooms[1], str(output),
                                DownloadOptions(max_rate=0, concurrency=2), log=logged.append)
    return stats, logged


KINDS = ("key", "basic", "bearer", "header")


@pytest.mark.parametrize("kind", KINDS)
def test_tiles_a_resource_url_places_on_another_host_get_no_credential(hosts, tmp_path, kind):
    keycloak, source, other = hosts
    credentials = account(kind, keycloak, source)
    # Like the Géoplateforme, the capabilities write the key they were asked with into their ResourceURL.
    source.resource_url = other.rest_template + "?apikey={apikey}"
    prepared = prepare_source(source.document_url, LAYER, credentials=credentials)
    stats, logged = fetch(prepared, tmp_path / "a.mbtiles")
    sample_tiles(prepared, clipped_ranges(prepared, AREA, 11, 11)[0], options=DownloadOptions(max_rate=0))
    assert stats.downloaded > 0 and stats.failed == 0
    assert len(other.tile_requests()) > stats.downloaded            # the download and the sampler
    assert leaks(other.requests, credentials) == []
    assert [r.path for r in source.requests] == ["/caps.xml"]      # the capabilities, with the account
    assert leaks(source.requests, credentials) == source.requests
    said = [line for line in logged if "fetched without your account" in line]
    assert said == ["Tiles of {} come from {}: fetched without your account.".format(
        LAYER, other.origin[len("http://"):])]


@pytest.mark.parametrize("kind", KINDS)
def test_tiles_a_kvp_href_places_on_another_host_get_no_credential(hosts, tmp_path, kind):
    keycloak, source, other = hosts
    credentials = account(kind, keycloak, source)
    source.kvp_href = other.url + "?"
    document = source.url + "?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0"
    stats, logged = fetch(prepare_source(document, LAYER, credentials=credentials), tmp_path / "b.mbtiles")
    assert stats.downloaded > 0 and all(r.query.get("REQUEST") == "GetTile" for r in other.requests)
    assert leaks(other.requests, credentials) == []
    assert len(source.requests) == 1 and leaks(source.requests, credentials) == source.requests
    assert sum("fetched without your account" in line for line in logged) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_tiles_on_the_source_host_still_get_the_account(hosts, tmp_path, kind):
    keycloak, source, other = hosts
    credentials = account(kind, keycloak, source)
    source.resource_url = source.rest_template  # the SOURCE's own ResourceURL: the private server checks it
    stats, logged = fetch(prepare_source(source.document_url, LAYER, credentials=credentials), tmp_path / "c.mbtiles")
    assert stats.downloaded > 0 and stats.failed == 0
    assert leaks(source.requests, credentials) == source.requests  # every request, capabilities and tiles
    assert not any("without your account" in line for line in logged) and not other.requests


def write_plan(tmp_path, document):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document))
    return plans.load_plan(str(path))


def test_a_plan_gives_the_account_to_its_own_server_only(hosts, tmp_path):
    keycloak, source, other = hosts
    credentials = account("bearer", keycloak, source)
    area = "carcassonne"
    plan = write_plan(tmp_path, {"source": source.url, "entries": [
        {"layer": LAYER, "area": area, "zoom_min": 11, "zoom_max": 11},
        {"layer": "third-party", "area": area, "zoom_min": 11, "zoom_max": 11, "source": other.xyz_url},
        {"layer": PCI[0], "area": area, "zoom_min": 10, "zoom_max": 10, "source": other.url}]})
    jobs = library.prepare_jobs(plan, str(tmp_path / "library"), credentials)
    (tmp_path / "library").mkdir()
    results = library.run_jobs(jobs, DownloadOptions(max_rate=0, concurrency=3))
    assert [r.error for r in results] == [None, None, None] and all(r.stats.downloaded for r in results)
    assert {r.path.split("/")[1] for r in other.tile_requests()} == {"xyz", "wmts"}  # both third-party entries
    assert leaks(other.requests, credentials) == []
    assert leaks(source.requests, credentials) == source.requests and len(source.requests) > 1


def test_a_plan_without_its_own_source_names_the_server_the_account_is_for(hosts, tmp_path):
    keycloak, source, other = hosts
    credentials = account("key", keycloak, source)
    area = "carcassonne"
    entries = [{"layer": LAYER, "area": area, "zoom_min": 11, "zoom_max": 11, "source": source.url}]
    jobs = library.prepare_jobs(write_plan(tmp_path, {"entries": entries}), str(tmp_path), credentials)
    assert jobs[0].prepared.credentials.applies_to(source.url)  # one server: the account is for it
    entries.append({"layer": "osm-like", "area": area, "zoom_min": 11, "zoom_max": 11, "source": other.xyz_url})
    with pytest.raises(InputError, match="several servers.*top-level \"source\""):
        library.prepare_jobs(write_plan(tmp_path, {"entries": entries}), str(tmp_path), credentials)
    assert leaks(other.requests, credentials) == [] and not other.requests


def test_the_usage_policy_is_the_tile_hosts(hosts):
    _, source, _ = hosts
    source.resource_url = "https://tile.openstreetmap.org/{TileMatrix}/{TileCol}/{TileRow}.png"
    prepared = prepare_source(source.document_url, LAYER)
    assert prepared.attribution == OSM_ATTRIBUTION
    options = DownloadOptions(concurrency=8, max_rate=0)
    ranges = clipped_ranges(prepared, AREA, 12, 17)[0]
    with pytest.raises(PolicyRefused, match="OpenStreetMap tile usage policy"):
        apply_policy(prepared, ranges, options)  # bulk: refused before any tile request
    small = clipped_ranges(prepared, AREA, 10, 10)[0]
    apply_policy(prepared, small, options)
    assert options.concurrency == 2  # OpenStreetMap's ceiling, though the SOURCE is on 127.0.0.1


def test_apply_adds_nothing_elsewhere_and_strips_echoed_secrets():
    credentials = Credentials(name="key", api_key=KEY).for_source("https://data.geopf.fr/private/wmts")
    assert credentials.apply("https://data.geopf.fr/private/wmts?LAYER=X") == (
        "https://data.geopf.fr/private/wmts?LAYER=X&apikey=" + KEY, {})
    assert credentials.apply("https://DATA.geopf.fr:443/x")[0].endswith("apikey=" + KEY)  # same origin
    for elsewhere in ("http://data.geopf.fr/x", "https://data.geopf.fr:8443/x", "https://evil.example/x"):
        assert credentials.apply(elsewhere + "?apikey=" + KEY + "&a=1", {"If-None-Match": "e"}) == (
            elsewhere + "?a=1", {"If-None-Match": "e"})
    assert Credentials(name="unbound", api_key=KEY).apply("https://data.geopf.fr/x") == (
        "https://data.geopf.fr/x", {})
    assert credentials.redact("key " + KEY) == "key ***"


def test_the_account_travels_with_the_prepared_source_not_the_options(hosts, tmp_path):
    """One DownloadOptions for a private then a public job (as a plan or a project shares them): the account is
    the prepared source's, so the options carry none and the public job's server sees none."""
    keycloak, source, other = hosts
    credentials = account("key", keycloak, source)
    options = DownloadOptions(max_rate=0, concurrency=2)
    private = prepare_source(source.document_url, LAYER, credentials=credentials)
    public = prepare_source(other.document_url, LAYER)
    for prepared, name in ((private, "private"), (public, "public")):
        stats = download_to_mbtiles(prepared, AREA, 12, 12, str(tmp_path / (name + ".mbtiles")), options)
        assert stats.downloaded > 0 and stats.failed == 0
    assert private.credentials.applies_to(source.url) and public.credentials is None
    assert not {"secrets", "credentials"} & set(vars(options))
    assert other.tile_requests() and leaks(other.requests, credentials) == []
