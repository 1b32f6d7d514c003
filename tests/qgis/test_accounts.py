"""Accounts through qgis_process with an auth database prepared outside QGIS (issue 12)."""

import json
import os
import subprocess
from urllib.parse import urlencode
from xml.sax.saxutils import escape

import pytest

from core import mbtiles
from tests.qgis.conftest import make_process
from tests.support.keycloak_server import StandInKeycloak
from tests.support.wmts_server import StandInWmts

SCAN = "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR"
MASTER = "field master password"

PREPARE = """
import json, os, sys
from qgis.core import QgsApplication, QgsAuthMethodConfig
app = QgsApplication([], False)
app.initQgis()
manager = QgsApplication.authManager()
assert manager.setMasterPassword({master!r}, True)
ids = {{}}
for name, method, values in {configs!r}:
    config = QgsAuthMethodConfig(method)
    config.setName(name)
    for key, value in values.items():
        if key == "uri":  # the configuration's URL: the server it is for
            config.setUri(value)
        else:
            config.setConfig(key, value)
    ok, stored = manager.storeAuthenticationConfig(config)
    assert ok, name
    ids[name] = stored.id()
print(json.dumps(ids))
app.exitQgis()
"""


def prepare_auth_db(folder, configs):
    """Store `configs` [(name, method, values)] in a new auth database under `folder`; {name: id}."""
    env = dict(os.environ, QGIS_AUTH_DB_DIR_PATH=str(folder), QT_QPA_PLATFORM="offscreen", HOME=str(folder))
    done = subprocess.run(["/usr/bin/python3", "-c", PREPARE.format(master=MASTER, configs=configs)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    (folder / "master").write_text(MASTER)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture()
def auth_env(tmp_path, monkeypatch):
    folder = tmp_path / "authdb"
    folder.mkdir()

    def use(configs):
        ids = prepare_auth_db(folder, configs)
        monkeypatch.setenv("QGIS_AUTH_DB_DIR_PATH", str(folder))
        monkeypatch.setenv("QGIS_AUTH_PASSWORD_FILE", str(folder / "master"))
        return ids
    return use


def oauth2config(keycloak, password="wonderland"):
    return json.dumps({"grantFlow": 2, "tokenUrl": keycloak.token_url, "refreshTokenUrl": keycloak.token_url,
                       "requestUrl": keycloak.auth_url, "clientId": "qgis", "clientSecret": "",
                       "username": "alice", "password": password, "scope": "openid", "redirectPort": 7070,
                       "configType": 1, "version": 1, "persistToken": False})


def run(wmts, authcfg, output, zooms=("12", "16"), area="toulouse"):
    return make_process("run", "ign_offline:download_tiles", "--", "SOURCE=" + wmts.private_url, "LAYER=" + SCAN,
                        "AREA=" + area, "ZOOM_MIN=" + zooms[0], "ZOOM_MAX=" + zooms[1], "OUTPUT=" + str(output),
                        "AUTHCFG=" + authcfg, "MAX_RATE=0", "CONCURRENCY=4")


def test_a_basic_key_and_an_oauth2_login_download_private_tiles(tmp_path, auth_env):
    with StandInKeycloak(lifetime=3.0) as keycloak, StandInWmts(latency=0.03) as wmts:
        wmts.api_key = "the-scan-key"
        wmts.bearer = keycloak.valid
        ids = auth_env([("scan key", "Basic", {"username": "", "password": "the-scan-key"}),
                        ("geoplateforme", "OAuth2", {"oauth2config": oauth2config(keycloak)}),
                        ("wrong", "OAuth2", {"oauth2config": oauth2config(keycloak, "nope")})])
        keyed = run(wmts, ids["scan key"], tmp_path / "key.mbtiles", ("10", "12"), "carcassonne")
        assert keyed.returncode == 0, keyed.stdout[-2000:] + keyed.stderr[-2000:]
        wmts.api_key = None
        completed = run(wmts, ids["geoplateforme"], tmp_path / "scan.mbtiles")
        assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
        refused = wmts.refused
        refused_wrong = run(wmts, ids["wrong"], tmp_path / "wrong.mbtiles")
        with mbtiles.MBTilesReader(str(tmp_path / "scan.mbtiles")) as reader:
            stored = {(z, x, y): d for z, x, y, d in reader.iter_tiles()}
    assert len(stored) >= 900 and all(d == wmts.tile_body("image/jpeg", *t) for t, d in stored.items())
    assert keycloak.grants.count("refresh_token") >= 2 and refused <= 4  # renewed during the run
    said = keyed.stdout + keyed.stderr + completed.stdout + completed.stderr
    for path in (tmp_path / "key.mbtiles", tmp_path / "scan.mbtiles"):
        data = path.read_bytes()
        for secret in (b"the-scan-key", b"wonderland", MASTER.encode()):
            assert secret not in data
    for secret in ("the-scan-key", "wonderland", MASTER):
        assert secret not in said
    wrong = refused_wrong.stdout + refused_wrong.stderr
    assert refused_wrong.returncode != 0 and "'wrong" in wrong and "Invalid user credentials" in wrong
    assert "Traceback" not in wrong and not (tmp_path / "wrong.mbtiles").exists()


def test_each_qgis_auth_method_becomes_the_right_credentials(qgis_app):
    from qgis.core import QgsAuthMethodConfig

    from ign_offline.core.errors import InputError
    from ign_offline.toolbelt.auth import credentials_of

    def config(method, name, **values):
        made = QgsAuthMethodConfig(method)
        made.setName(name)
        made.setId("abc1234")
        for key, value in values.items():
            made.setConfig(key, value)
        return made

    key = credentials_of(config("Basic", "SCAN key", username="", password="k3y"))
    assert key.query() == {"apikey": "k3y"} and key.headers() == {} and key.name == "SCAN key (abc1234)"
    login = credentials_of(config("Basic", "BASIC", username="u", password="p"))
    assert login.headers() == {"Authorization": "Basic dTpw"} and login.query() == {}
    header = credentials_of(config("APIHeader", "header", apikey="h3ader"))  # QGIS 3.24+
    assert header.headers() == {"apikey": "h3ader"} and "h3ader" in header.secrets
    service = credentials_of(config("OAuth2", "service", oauth2config=json.dumps(
        {"grantFlow": 2, "tokenUrl": "https://sso.example/token", "clientId": "batch", "clientSecret": "s"})))
    assert service.oauth.grant == "client_credentials"
    for bad, fragment in ((config("Basic", "empty", username="u"), "holds no key"),
                          (config("OAuth2", "implicit", oauth2config=json.dumps({"grantFlow": 1, "tokenUrl": "x"})),
                           "implicit grant"),
                          (config("PKI-Paths", "pki"), "uses the PKI-Paths method")):
        with pytest.raises(InputError, match=fragment):
            credentials_of(bad)


def test_through_qgis_process_the_account_reaches_the_source_only(tmp_path, auth_env):
    from tests.support.recording_wmts import PLAN, RecordingWmts

    with StandInKeycloak(lifetime=60) as keycloak, RecordingWmts() as source, RecordingWmts() as other:
        keycloak.scope = "openid profile email"  # widened, as real Keycloak does
        source.authorised = lambda query, headers: query.get("apikey") == "the-scan-key" or keycloak.valid(
            headers.get("Authorization", "")[len("Bearer "):])
        ids = auth_env([("scan key", "Basic", {"username": "", "password": "the-scan-key"}),
                        ("geoplateforme", "OAuth2", {"oauth2config": oauth2config(keycloak)})])

        def download(authcfg, output):
            return make_process("run", "ign_offline:download_tiles", "--", "SOURCE=" + source.document_url,
                                "LAYER=" + PLAN[0], "AREA=carcassonne", "ZOOM_MIN=10", "ZOOM_MAX=11",
                                "OUTPUT=" + str(output), "AUTHCFG=" + authcfg, "MAX_RATE=0")

        source.resource_url = other.rest_template + "?apikey={apikey}"  # the capabilities send tiles elsewhere
        runs = [download(ids[name], tmp_path / "{}.mbtiles".format(i)) for i, name in enumerate(ids)]
        source.resource_url = source.rest_template  # tiles on the SOURCE: the account still works there
        runs += [download(ids[name], tmp_path / "own{}.mbtiles".format(i)) for i, name in enumerate(ids)]
    for completed in runs:
        assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
        assert "Traceback" not in completed.stdout + completed.stderr
    said = [r.stdout + r.stderr for r in runs]
    assert all(s.count("fetched without your account") == 1 for s in said[:2])
    assert not any("fetched without your account" in s for s in said[2:])
    assert other.tile_requests() and not any(
        "the-scan-key" in str(r) or "Authorization" in r.headers or "apikey" in r.query for r in other.requests)
    tiles_at_source = [r for r in source.requests if r.path.startswith("/rest/")]
    assert tiles_at_source and all(r.query.get("apikey") == "the-scan-key" or "Authorization" in r.headers
                                   for r in source.requests)
    for secret in ("the-scan-key", "wonderland", MASTER):
        assert not any(secret in s for s in said)


PROJECT = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="" version="3.22.16-Białowieża">
 <layer-tree-group>{tree}</layer-tree-group>
 <projectlayers>{layers}</projectlayers>
</qgis>
"""


def private_project(path, layers):
    """A project whose WMTS layers [(id, layer, endpoint, authcfg)] carry their own authcfg, as QGIS writes them."""
    tree, maps = [], []
    for layer_id, layer, endpoint, authcfg in layers:
        source = urlencode({"authcfg": authcfg, "crs": "EPSG:3857", "format": "image/png", "layers": layer,
                            "styles": "normal", "tileMatrixSet": "PM_0_19",
                            "url": endpoint + "?SERVICE=WMTS&REQUEST=GetCapabilities"}, safe=":/")
        tree.append('<layer-tree-layer id="{0}" name="{0}" providerKey="wms" source="{1}"/>'.format(
            layer_id, escape(source)))
        maps.append('<maplayer type="raster"><id>{0}</id><datasource>{1}</datasource><layername>{0}</layername>'
                    '<provider>wms</provider></maplayer>'.format(layer_id, escape(source)))
    path.write_text(PROJECT.format(tree="".join(tree), layers="".join(maps)))
    return str(path)


def test_make_project_offline_gives_the_account_to_its_own_server_only(tmp_path, auth_env):
    from tests.support.recording_wmts import PCI, PLAN, RecordingWmts

    with RecordingWmts() as source, RecordingWmts() as other:
        source.authorised = lambda query, headers: query.get("apikey") == "the-scan-key"
        ids = auth_env([("key", "Basic", {"username": "", "password": "the-scan-key"}),
                        ("key for the source", "Basic", {"username": "", "password": "the-scan-key",
                                                         "uri": source.url})])
        runs = []
        for name in ids:
            project = private_project(tmp_path / "{}.qgs".format(len(runs)), [
                ("here", PLAN[0], source.url, ids[name]), ("elsewhere", PCI[0], other.url, ids[name])])
            runs.append(make_process("run", "ign_offline:make_project_offline", "--", "PROJECT=" + project,
                                     "AREA=carcassonne", "ZOOM_MIN=10", "ZOOM_MAX=11", "MAX_RATE=0",
                                     "AUTHCFG=" + ids[name],
                                     "OUTPUT_FOLDER=" + str(tmp_path / "out{}".format(len(runs)))))
    said = [r.stdout + r.stderr for r in runs]
    assert all(r.returncode == 0 and "Traceback" not in s for r, s in zip(runs, said)), said[0][-2000:]
    # No URL in the configuration, private layers on two servers: the account goes to neither.
    assert "several servers" in said[0] and "here: left out of the offline project" in said[0]  # issue 21: not online
    assert "elsewhere:" in said[0] and "elsewhere: left" not in said[0]
    # The configuration names the SOURCE: its layer is taken offline with the key; the other, without.
    assert "here: left" not in said[1] and "elsewhere: left" not in said[1]
    assert [r for r in source.requests if r.path == "/wmts" and r.query.get("REQUEST") == "GetTile"]
    assert other.tile_requests() and not any(
        "the-scan-key" in str(r) or "apikey" in r.query for r in other.requests)
    assert not any("the-scan-key" in s for s in said)
