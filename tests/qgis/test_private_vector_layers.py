"""Private vector layers through QGIS (issue 29, point 4): a TMS stand-in on 127.0.0.1 answering 401 without the
account; accounts from a QGIS authentication database prepared outside QGIS (Basic login, a key in a Basic
configuration, OAuth2 against the Keycloak stand-in) and a key in SOURCE's query. The tiles download, the styles
save, and the account is found nowhere it must not be: not at the server holding the sprite, not in the MBTiles,
the saved styles, the run's messages, a saved project or the dock's settings."""

import base64
import os

import pytest

from tests.qgis.conftest import make_process
from tests.qgis.test_accounts import auth_env, oauth2config  # noqa: F401 (auth_env: a fixture used below)
from tests.support.keycloak_server import StandInKeycloak
from tests.support.tms_server import StandInTms

KEY, USER, PASSWORD = "pr1vate-tms-key", "field-team", "b4sic-tms-password"
SECRETS = (KEY, PASSWORD, "wonderland")


def carries_account(request):
    names = {name.lower() for name in list(request.headers) + list(request.query)}
    values = list(request.query.values()) + list(request.headers.values()) + [request.path]
    return bool(names & {"authorization", "apikey"}) or any(s in v for s in SECRETS for v in values)


def files_under(*paths):
    """Every file at or under `paths` (the MBTiles, its styles folder), as bytes."""
    for path in paths:
        if os.path.isfile(path):
            yield path
        for top, _, names in os.walk(path):
            for name in names:
                yield os.path.join(top, name)


def assert_nothing_holds_a_secret(paths, said):
    for path in files_under(*paths):
        with open(path, "rb") as stream:
            data = stream.read()
        assert not any(secret.encode() in data for secret in SECRETS), path
    assert not any(secret in said for secret in SECRETS)


@pytest.fixture()
def servers():
    """(keycloak, the private TMS serving PLAN.IGN's 'standard' style, the server holding its sprite)."""
    with StandInKeycloak(lifetime=60) as keycloak, StandInTms(styles=("standard",)) as source, \
            StandInTms(styles=("standard",)) as other:
        source.sprite_origin = other.origin
        basic = "Basic " + base64.b64encode("{}:{}".format(USER, PASSWORD).encode()).decode()
        source.authorised = lambda query, headers: (
            query.get("apikey") == KEY or headers.get("Authorization") == basic
            or keycloak.valid((headers.get("Authorization") or "")[len("Bearer "):]))
        yield keycloak, source, other


def test_accounts_of_the_auth_database_download_and_save_styles_through_qgis_process(tmp_path, auth_env,  # noqa: F811
                                                                                     servers):
    keycloak, source, other = servers
    ids = auth_env([("login", "Basic", {"username": USER, "password": PASSWORD}),
                    ("key", "Basic", {"username": "", "password": KEY}),
                    ("sso", "OAuth2", {"oauth2config": oauth2config(keycloak)})])
    said, outputs = [], []
    for name, config_id in ids.items():
        output = str(tmp_path / name / "PLAN.IGN.mbtiles")
        download = make_process("run", "ign_offline:download_tiles", "--", "SOURCE=" + source.root, "LAYER=PLAN.IGN",
                                "AREA=toulouse", "ZOOM_MIN=10", "ZOOM_MAX=11", "OUTPUT=" + output,
                                "AUTHCFG=" + config_id, "MAX_RATE=0")
        styles = make_process("run", "ign_offline:save_vector_styles", "--", "INPUT=" + output, "STYLES=standard",
                              "AUTHCFG=" + config_id)
        for completed in (download, styles):
            text = completed.stdout + completed.stderr
            assert completed.returncode == 0 and "Traceback" not in text, name + ": " + text[-2000:]
            said.append(text)
        assert os.path.isfile(os.path.join(tmp_path, name, "PLAN.IGN.styles", "standard.json"))
        outputs += [output, output[:-len(".mbtiles")] + ".styles"]
    tiles = [r for r in source.requests if r.path.endswith(".pbf")]
    assert tiles and all(carries_account(r) for r in source.requests)  # documents, tiles and styles
    assert sum(r.path.endswith("/standard.json") for r in source.requests) == 3
    sprite = [r for r in other.requests if "/sprite/" in r.path]
    assert len(sprite) == 12 and not any(carries_account(r) for r in other.requests)  # 4 files, 3 runs
    assert_nothing_holds_a_secret(outputs, "".join(said))


def test_a_key_in_the_source_query_downloads_saves_styles_and_stays_out_of_the_project(
        provider, project, servers, tmp_path):
    import processing

    from ign_offline.toolbelt.vector_tiles import current_style, load_vector_mbtiles
    from ign_offline.ui import settings

    _, source, other = servers
    keyed = source.root + "?apikey=" + KEY
    output = str(tmp_path / "PLAN.IGN.mbtiles")
    result = processing.run("ign_offline:download_tiles", {
        "SOURCE": keyed, "LAYER": "PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 10, "ZOOM_MAX": 11, "OUTPUT": output,
        "MAX_RATE": 0, "LOAD": False})
    assert result["TILES_DOWNLOADED"] > 0 and result["TILES_FAILED"] == 0
    saved = processing.run("ign_offline:save_vector_styles", {"INPUT": output, "SOURCE": keyed, "STYLES": "standard"})
    assert saved["SAVED"] == 1
    layer = load_vector_mbtiles(project, output)
    assert layer.isValid() and current_style(layer) == "standard"
    written = str(tmp_path / "field.qgs")
    assert project.write(written)
    requests = source.requests
    assert [r.path for r in requests[:1]] == ["/tms/1.0.0/PLAN.IGN/metadata.json"]
    assert all(r.query.get("apikey") == KEY for r in requests)  # the key on every request to its host
    assert other.requests and not any(carries_account(r) for r in other.requests)
    assert_nothing_holds_a_secret([output, output[:-len(".mbtiles")] + ".styles", written], "")
    # The dock remembers the server field without the key (QGIS's settings file is plain text).
    assert settings.without_secret(keyed) == source.root
    assert settings.without_secret("https://h/{z}/{x}/{y}.png") == "https://h/{z}/{x}/{y}.png"


def test_a_plan_made_in_the_dock_from_a_keyed_server_field_holds_no_key_and_runs_with_an_account(
        dock, tmp_path, auth_env, servers):  # noqa: F811
    """Reviewer: the server field `…/tms/1.0.0?apikey=KEY`, PLAN.IGN ticked, Add to plan wrote the key into
    library/plan.json in clear. The plan holds the address without it, the dock says to give the key as an
    account, and run_plan with that account (AUTHCFG) downloads the tiles and saves the styles."""
    from tests.support.qt_wait import wait_for

    _, source, _ = servers
    library = tmp_path / "library"
    page, picker = dock.download_page, dock.area_picker
    dock.libraryDir.setFilePath(str(library))
    page.sourceCombo.setEditText(source.root + "?apikey=" + KEY)
    page.readLayersButton.click()
    assert wait_for(lambda: page.layer_source("PLAN.IGN") is not None, timeout=30)
    page.tick("PLAN.IGN")
    picker.select_area("toulouse")
    picker.zoomMinSpin.setValue(10)
    picker.zoomMaxSpin.setValue(11)
    dock.library_page.add_to_plan()
    plans = [os.path.join(top, name) for top, _, names in os.walk(library) for name in names
             if name.endswith(".json")]
    assert len(plans) == 1, plans
    with open(plans[0], encoding="utf-8") as stream:
        written = stream.read()
    assert KEY not in written and source.root in written, written
    assert "as an account (AUTHCFG)" in dock.library_page.runner.log_view.toPlainText()
    ids = auth_env([("key", "Basic", {"username": "", "password": KEY})])
    run = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + plans[0], "LIBRARY=" + str(library),
                       "AUTHCFG=" + ids["key"], "MAX_RATE=0", "LOAD=false")
    said = run.stdout + run.stderr
    assert run.returncode == 0 and "Traceback" not in said, said[-3000:]
    output = str(library / "PLAN.IGN.mbtiles")
    assert os.path.isfile(output) and os.path.isfile(str(library / "PLAN.IGN.styles" / "standard.json"))
    assert_nothing_holds_a_secret([str(library)], said)
