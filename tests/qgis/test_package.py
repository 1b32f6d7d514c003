"""`make package` builds a zip that installs into a clean profile and loads there."""

import json
import os
import shutil
import subprocess
import tempfile
import zipfile

import pytest

from tests.qgis.conftest import ROOT

SYSTEM_PYTHON = "/usr/bin/python3"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """The zip `make package` builds, copied out for this test process: `make test` runs several at once, and
    each `make package` rebuilds .build/package and the zip in dist/ in place (one at a time, under a lock)."""
    from filelock import FileLock

    with FileLock(os.path.join(tempfile.gettempdir(), "ign_offline-make-package.lock")):
        built = subprocess.run(["make", "-s", "-C", ROOT, "package"], capture_output=True, text=True, timeout=600)
        assert built.returncode == 0, built.stdout + built.stderr
        path = os.path.join(ROOT, built.stdout.strip().splitlines()[-1])
        assert path.endswith(".zip") and os.path.isfile(path)
        return shutil.copy(path, tmp_path_factory.mktemp("package"))


@pytest.fixture(scope="module")
def clean_home(tmp_path_factory, package):
    """A HOME whose default profile holds nothing but the unzipped plugin."""
    home = tmp_path_factory.mktemp("home")
    plugins = home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    return home, plugins


def test_zip_holds_the_plugin_without_dev_files(package):
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
    assert {n.split("/")[0] for n in names} == {"ign_offline"}
    for required in ("metadata.txt", "__init__.py", "plugin.py", "core/tiles/grid.py", "ui/dock.ui",
                     "algorithms/provider.py", "algorithms/parameters.py", "toolbelt/layers.py",
                     "core/download/engine.py", "resources/icon.svg", "ext_libs/filelock/__init__.py",
                     "ext_libs/pmtiles/writer.py", "ext_libs/mercantile/__init__.py",
                     "ext_libs/font_source_sans_pro/files/SourceSansPro-Regular.ttf",
                     "ext_libs/font_source_sans_pro/files/SourceSansPro-Bold.ttf",
                     "ext_libs/font_source_sans_pro/files/LICENSE.txt",
                     "ext_libs/requests_oauthlib/__init__.py",
                     "ext_libs/oauthlib/__init__.py", "i18n/__init__.py", "i18n/ign_offline_fr.qm",
                     "resources/help/fr/download_tiles.md",
                     # The web export's page (issue 29): the npm builds with their licences, the template, serve.py.
                     "web_libs/maplibre-gl.js", "web_libs/maplibre-gl.css", "web_libs/maplibre-gl-LICENSE.txt",
                     "web_libs/pmtiles.js", "web_libs/pmtiles-LICENSE.txt", "resources/web/viewer.html",
                     "resources/web/serve.py"):
        assert "ign_offline/" + required in names
    for dev in ("tests/", "bench/", "Makefile", ".ci/", "requirements/", "pytest.ini", "pyproject.toml", ".git",
                "i18n/update_ts.py", "web_libs/installed.ok",
                "resources/screenshots/"):
        assert not any(n.startswith("ign_offline/" + dev) for n in names), dev
    assert not any("__pycache__" in n for n in names)


def qgis_process(home, *args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "QGIS_PLUGINPATH")}
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(["/usr/bin/qgis_process.bin", *args], capture_output=True, text=True, env=env, timeout=300)


def test_installed_zip_runs_in_qgis_process(clean_home):
    home, _ = clean_home
    enabled = qgis_process(home, "plugins", "enable", "ign_offline")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listed = qgis_process(home, "list")
    assert "ign_offline:estimate_tiles" in listed.stdout
    assert "ign_offline:load_mbtiles" in listed.stdout
    ran = qgis_process(home, "run", "ign_offline:estimate_tiles", "--json", "--",
                       "AREA=montpellier", "ZOOM_MIN=8", "ZOOM_MAX=12")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert json.loads(ran.stdout[ran.stdout.index("{"):])["results"]["TOTAL"] > 0
    # The web export from the installed zip: its page and JavaScript come from the plugin's own folder.
    from core.tiles import areas
    from tests.support.sample_mbtiles import write_sample

    source = str(home / "plan.mbtiles")
    write_sample(source, areas.PRESETS["carcassonne"], 10, 11, "Plan")
    ran = qgis_process(home, "run", "ign_offline:export_tiles", "--", "INPUT=" + source, "TARGET=web",
                       "OUTPUT=" + str(home / "map.pmtiles"))
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert {"index.html", "map.pmtiles", "serve.py", "README.txt"} <= set(os.listdir(home / "map"))
    assert os.path.getsize(home / "map" / "lib" / "maplibre-gl.js") > 500_000


def test_installed_zip_loads_in_the_desktop(clean_home):
    system_has_mercantile = subprocess.run([SYSTEM_PYTHON, "-c", "import mercantile"]).returncode == 0
    _, plugins = clean_home
    script = os.path.join(ROOT, "tests", "support", "load_installed_plugin.py")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    completed = subprocess.run([SYSTEM_PYTHON, script, str(plugins)], capture_output=True, text=True,
                               env=env, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    loaded = json.loads(completed.stdout.strip().splitlines()[-1])
    assert loaded["plugin_file"].startswith(str(plugins))
    assert {"ign_offline:estimate_tiles", "ign_offline:load_mbtiles"} <= set(loaded["algorithms"])
    assert loaded["loaded"]["docks"] == ["IgnOfflineDock"]
    assert loaded["after_unload"] == {"docks": [], "toolbars": [], "menus": [], "providers": []}
    if not system_has_mercantile:
        assert loaded["mercantile_file"].startswith(str(plugins / "ign_offline" / "ext_libs"))
