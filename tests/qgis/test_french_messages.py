"""Issue 21: with QGIS in French, what the algorithms say on their error paths is French, numbers in French
(real core errors, raised by the real algorithms against the stand-in WMTS on 127.0.0.1), and a failed or
cancelled dock run says its message once."""

import re
import socket

import processing
import pytest
from qgis.core import QgsProcessingException

from tests.qgis.conftest import MAKE_PROCESS
from tests.support.english_check import english, exception_names, ungrouped_numbers
from tests.support.feedback import Recording
from tests.support.qt_wait import wait_for
from tests.support.wmts_server import StandInWmts

FRENCH_THOUSANDS = re.compile(r"\d[\u202f\xa0 ]\d{3}\b")


def said_by(algorithm, parameters, feedback=None):
    """The lines said by a run that fails: the feedback's, and the refusal's own (its last line: QGIS puts its
    own heading before it)."""
    feedback = feedback or Recording()
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("ign_offline:" + algorithm, parameters, feedback=feedback)
    return feedback.lines + [str(caught.value).splitlines()[-1]]


def ours(lines):
    """The plugin's lines: QGIS's own headings ("There were errors…", untranslated here) left out."""
    return [line for line in lines if line and not line.startswith(("There were errors", "Unable to execute",
                                                                    "Algorithm", "Input parameters", "{"))]


def test_an_unknown_layer_is_refused_in_french(french, provider, tmp_path):
    with StandInWmts() as server:
        lines = said_by("download_tiles", {"SOURCE": server.url, "LAYER": "ORTHOIMAGERY.ORTHOFOTOS",
                                           "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 9,
                                           "OUTPUT": str(tmp_path / "x.mbtiles")})
    refusal = [line for line in lines if "ORTHOIMAGERY.ORTHOFOTOS" in line]
    assert refusal and "Le serveur n'a pas de couche" in refusal[0], lines
    assert "Vouliez-vous dire ORTHOIMAGERY.ORTHOPHOTOS ?" in refusal[0]  # a Message argument, said in turn
    assert english(ours(lines)) == []


def test_an_unreachable_server_is_said_in_french(french, provider, tmp_path):
    with socket.socket() as probe:  # a free port: nothing answers there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    lines = said_by("download_tiles", {"SOURCE": "http://127.0.0.1:{}/wmts".format(port),
                                       "LAYER": "ORTHOIMAGERY.ORTHOPHOTOS", "AREA": "carcassonne", "ZOOM_MIN": 8,
                                       "ZOOM_MAX": 9, "OUTPUT": str(tmp_path / "x.mbtiles")})
    refusal = [line for line in lines if "127.0.0.1" in line]
    assert refusal and refusal[0].startswith("Impossible de joindre"), lines
    assert "la connexion a été refusée" in refusal[0]  # the reason, a Message argument, said in French too
    assert english(ours(lines)) == []


def test_a_very_large_job_is_refused_in_french_with_french_numbers(french, provider, tmp_path):
    lines = said_by("download_tiles", {"SOURCE": "https://data.geopf.fr/wmts", "LAYER": "ORTHOIMAGERY.ORTHOPHOTOS",
                                       "EXTENT": "-5.0,9.0,41.0,51.0 [EPSG:4326]", "ZOOM_MIN": 6, "ZOOM_MAX": 18,
                                       "OUTPUT": str(tmp_path / "x.mbtiles")})
    refusal = lines[-1]
    assert refusal.startswith("Cette tâche fait ") and "ALLOW_LARGE=true" in refusal, lines
    assert FRENCH_THOUSANDS.search(refusal) and not re.search(r"\d,\d{3}", refusal), refusal
    assert " Mo" in refusal or " Go" in refusal or " To" in refusal
    assert english(ours(lines)) == []


def test_a_missing_output_folder_is_refused_in_french(french, provider, tmp_path):
    missing = tmp_path / "missing" / "deeper"
    lines = said_by("download_tiles", {"SOURCE": "https://data.geopf.fr/wmts", "LAYER": "ORTHOIMAGERY.ORTHOPHOTOS",
                                       "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 9,
                                       "OUTPUT": str(missing / "x.mbtiles")})
    assert "Le dossier « {} » n'existe pas".format(missing.parent) in lines[-1], lines
    assert english(ours(lines)) == []
    assert not missing.parent.exists()


def test_a_cancelled_download_says_so_in_french(french, provider, tmp_path):
    feedback = Recording(cancel_after_progress=True)
    with StandInWmts(latency=0.05) as server:
        processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "AREA": "carcassonne",
            "ZOOM_MIN": 8, "ZOOM_MAX": 13, "CONCURRENCY": 1, "OUTPUT": str(tmp_path / "x.mbtiles"),
            "LOAD": False}, feedback=feedback)
    assert any(line.startswith("Annulé.") for line in feedback.lines), feedback.lines
    assert any("téléchargées" in line for line in feedback.lines)
    assert english(ours(feedback.lines)) == []


def test_a_failed_dock_run_says_its_reason_once(dock, project, provider, tmp_path):
    page = dock.download_page
    dock.area_picker.select_area("carcassonne")
    dock.area_picker.select_zoom_band("overview")
    dock.libraryDir.setFilePath(str(tmp_path))
    bar = dock.iface.messageBar()
    with StandInWmts() as server:
        page.sourceCombo.setEditText(server.url)
        from tests.qgis.test_dock import _type_layer

        _type_layer(page, "ORTHOIMAGERY.ORTHOFOTOS")
        before = len(bar.items())
        page.downloadButton.click()
        assert wait_for(lambda: not page.runner.busy)
    log = page.logView.toPlainText()
    assert log.count("no layer 'ORTHOIMAGERY.ORTHOFOTOS'") == 1, log  # the log says it once…
    assert len(bar.items()) - before == 1  # …and one message bar item says the run failed, with it
    assert "failed" in bar.currentItem().text() and "ORTHOIMAGERY.ORTHOFOTOS" in bar.currentItem().text()


def test_a_cancelled_dock_run_is_said_once(dock, project, provider, tmp_path):
    from tests.qgis.test_dock_workflow import ORTHO, PLAN, read_layers

    dock.libraryDir.setFilePath(str(tmp_path))
    bar = dock.iface.messageBar()
    with StandInWmts(latency=0.05) as server:
        page = read_layers(dock, server)
        dock.area_picker.select_zoom_band("local")
        page.tick(PLAN)
        page.tick(ORTHO)
        page.concurrencySpin.setValue(1)
        before = len(bar.items())
        page.downloadButton.click()
        assert wait_for(lambda: len(server.log.tiles(200)) >= 5)
        page.cancelButton.click()
        assert wait_for(lambda: not page.runner.busy)
    log = page.logView.toPlainText().splitlines()
    assert len(bar.items()) - before == 1 and "cancelled" in bar.currentItem().text()
    assert sum(line.startswith("Cancelled") for line in log) == 1, "\n".join(log)  # the algorithm's line only
    assert not any("What was done is kept" in line for line in log)  # the bar's sentence is not repeated


# -- issue 30: every algorithm's error paths through qgis_process, with LANG=fr_FR.UTF-8 --------------------------

def free_port():
    with socket.socket() as probe:  # nothing answers there once closed
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def french_home(tmp_path_factory):
    """A throwaway HOME where qgis_process has this checkout's plugin enabled (as `make process` does, without its
    `make setup`, whose own output is no message of the plugin's)."""
    import os
    import subprocess

    from tests.qgis.conftest import ROOT

    home = tmp_path_factory.mktemp("french_home")
    (home / "runtime").mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items()
           if key not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "LC_ALL")}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(home / "runtime"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=os.path.join(ROOT, ".build", "plugins"), LANG="fr_FR.UTF-8", LANGUAGE="fr")
    enabled = subprocess.run(["/usr/bin/qgis_process.bin", "plugins", "enable", "ign_offline"],
                             capture_output=True, text=True, env=env, timeout=300)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return env


def french_process(env, *args, timeout=180):
    """qgis_process as a French user runs it: what it prints, both streams."""
    import subprocess

    completed = subprocess.run(["/usr/bin/qgis_process.bin", *args], capture_output=True, text=True,
                               timeout=timeout, env=env)
    return completed.stdout + completed.stderr


# QGIS's own lines around the plugin's (its headings, the echo of the parameters, its results), not ours to say.
QGIS_LINES = re.compile(r"^(-+|Inputs|Results|ERROR:\s*(An error was encountered while checking parameter values|"
                        r"The following mandatory)?\s*$|[A-Z_]+:\t|<string>:|make: |\{|There were errors|"
                        r"Unable to execute|Algorithm|Input parameters|ERROR:\s+An error was encountered)")


def plugin_lines(output):
    """The lines the plugin said (its log and its refusal), QGIS's own left out."""
    lines = []
    for line in output.splitlines():
        line = line.strip()
        if not line or QGIS_LINES.match(line):
            continue
        lines.append(line[len("ERROR:"):].strip() if line.startswith("ERROR:") else line)
    return lines


def _points_layer(folder):
    path = folder / "points.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
                    '"geometry": {"type": "Point", "coordinates": [2.35, 43.21]}}]}')
    return path


def _not_mbtiles(folder):
    path = folder / "notes.mbtiles"
    path.write_text("not a database")
    return path


# (algorithm, parameters(folder, port), a French fragment the run must say)
FRENCH_RUNS = [
    ("download_tiles", lambda d, p: ["SOURCE=http://127.0.0.1:{}/wmts".format(p), "LAYER=PLAN", "AREA=pyrenees",
                                     "ZOOM_MIN=8", "ZOOM_MAX=9", "OUTPUT={}".format(d / "x.mbtiles")],
     "la connexion a été refusée"),
    ("download_tiles", lambda d, p: ["EXTENT=-5.0,9.0,41.0,51.0 [EPSG:4326]", "LAYER=PLAN", "ZOOM_MIN=6",
                                     "ZOOM_MAX=18", "OUTPUT={}".format(d / "x.mbtiles")], "Cette tâche fait"),
    ("estimate_tiles", lambda d, p: ["AREA_LAYER={}".format(_points_layer(d)), "ZOOM_MIN=8", "ZOOM_MAX=9"],
     "La couche « points » contient des points"),
    ("estimate_tiles", lambda d, p: ["AREA=pyrenees", "ZOOM_MIN=8", "ZOOM_MAX=9"],
     "Zone : Pyrénées (grottes) (1,45° E – 1,65° E ; 42,75° N – 42,85° N)"),
    ("estimate_tiles", lambda d, p: ["AREA=pyrenees", "ZOOM_MIN=8", "ZOOM_MAX=23"],
     "Le zoom maximal 23 est hors de 0-22"),  # a whole sentence per zoom, not "minimum"/"maximum" put in
    ("estimate_tiles", lambda d, p: ["EXTENT=170,-170,-10,10 [EPSG:4326]", "ZOOM_MIN=8", "ZOOM_MAX=9"],
     "(de 170° E à 170° O en passant par 180°)"),
    ("estimate_tiles", lambda d, p: ["EXTENT=1.5,1.35,43.65,43.55 [EPSG:4326]", "ZOOM_MIN=8", "ZOOM_MAX=9"],
     "L'emprise « 1.5,1.35,43.65,43.55 » est inversée"),
    ("list_ftp_products", lambda d, p: ["HOST=127.0.0.1", "PORT={}".format(p), "OUTPUT={}".format(d / "p.csv")],
     "Impossible de joindre le serveur FTP"),
    ("download_ftp", lambda d, p: ["HOST=127.0.0.1", "PORT={}".format(p), "PRODUCT=/x", "AREA=carcassonne",
                                   "OUTPUT_FOLDER={}".format(d)], "Impossible de joindre le serveur FTP"),
    ("list_datasets", lambda d, p: ["SERVICE=http://127.0.0.1:{}/".format(p), "AREA=toulouse", "PRODUCTS=0",
                                    "OUTPUT={}".format(d / "l.csv")], "la connexion a été refusée"),
    ("load_mbtiles", lambda d, p: ["INPUT={}".format(d / "missing.mbtiles")], "n'existe pas"),
    ("merge_mbtiles", lambda d, p: ["INPUTS={}".format(_not_mbtiles(d)), "OUTPUT={}".format(d / "m.mbtiles")],
     "notes.mbtiles"),
    ("export_tiles", lambda d, p: ["INPUT={}".format(_not_mbtiles(d)), "OUTPUT={}".format(d / "e.mbtiles")],
     "notes.mbtiles"),
    ("inventory", lambda d, p: ["FOLDER={}".format(d / "missing"), "OUTPUT={}".format(d / "i.csv")], "missing"),
    ("recover_cache", lambda d, p: ["CACHE_DIR={}".format(d / "nocache"), "OUTPUT_FOLDER={}".format(d / "out")],
     "nocache"),
    ("run_plan", lambda d, p: ["PLAN={}".format(d / "missing.json"), "LIBRARY={}".format(d)], "missing.json"),
    ("make_project_offline", lambda d, p: ["PROJECT={}".format(d / "missing.qgz"), "AREA=carcassonne",
                                           "OUTPUT_FOLDER={}".format(d / "offline")], "missing.qgz"),
    ("save_vector_styles", lambda d, p: ["INPUT={}".format(_not_mbtiles(d))], "notes.mbtiles"),
]


@pytest.mark.parametrize("algorithm, arguments, fragment", FRENCH_RUNS,
                         ids=["{}-{}".format(run[0], number) for number, run in enumerate(FRENCH_RUNS)])
def test_every_algorithm_says_its_errors_in_french_through_qgis_process(french_home, tmp_path, algorithm, arguments,
                                                                       fragment):
    said = plugin_lines(french_process(french_home, "run", "ign_offline:" + algorithm, "--",
                                       *arguments(tmp_path, free_port())))
    text = "\n".join(said)
    assert fragment in text, text
    assert english(said) == [], english(said)
    assert exception_names(text) == [], text  # a cause, never a class name ("ConnectionError")
    assert [number for line in said for number in ungrouped_numbers(line)] == [], text  # "5 022", never "5022"


def test_a_french_download_says_every_line_in_french_with_french_numbers(french, provider, tmp_path):
    feedback = Recording()
    with StandInWmts() as server:
        processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "AREA": "pyrenees", "ZOOM_MIN": 8,
            "ZOOM_MAX": 14, "MAX_RATE": 0, "OUTPUT": str(tmp_path / "x.mbtiles"), "LOAD": False}, feedback=feedback)
    lines = ours(feedback.lines)
    assert any("Pyrénées (grottes)" in line for line in lines), lines
    assert not any("caves" in line for line in lines)
    assert english(lines) == [] and [n for line in lines for n in ungrouped_numbers(line)] == [], lines


def test_a_server_that_hangs_up_is_said_in_french_by_its_cause(french, provider, tmp_path):
    from tests.support.hang_up import HangUp

    with HangUp() as server:
        lines = said_by("download_tiles", {"SOURCE": "http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png".format(server.port),
                                           "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 9, "MAX_RATE": 0,
                                           "OUTPUT": str(tmp_path / "x.mbtiles")})
    text = "\n".join(ours(lines))
    assert "le serveur ne répond pas" in text, text
    assert exception_names(text) == [] and english(ours(lines)) == [], text


def test_an_output_held_by_another_run_is_said_in_french_with_its_purpose(french_home, tmp_path):
    """A download (its own qgis_process, in English) holds its MBTiles; a French run into the same file is refused
    saying who holds it, the purpose the other run wrote said in French too."""
    import os
    import subprocess

    from tests.support.qt_wait import wait_for

    output = str(tmp_path / "shared.mbtiles")
    layer = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
    with StandInWmts(latency=0.5) as server:  # 16 tiles one by one: the holder lasts about 8 s
        arguments = ["run", "ign_offline:download_tiles", "--", "SOURCE=" + server.url, "LAYER=" + layer,
                     "AREA=carcassonne", "ZOOM_MIN=10", "ZOOM_MAX=13", "OUTPUT=" + output, "CONCURRENCY=1",
                     "MAX_RATE=0", "LOAD=false"]
        # As conftest's MAKE_PROCESS: never `setup` again, which may re-make ext_libs/ under the other workers.
        holder = subprocess.Popen(MAKE_PROCESS + ["ARGS=" + " ".join(arguments)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env={k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE")})
        try:
            assert wait_for(lambda: server.log.tiles(200), timeout=120)  # fetching: the file is held
            said = plugin_lines(french_process(french_home, "run", "ign_offline:download_tiles", "--",
                                               "SOURCE=" + server.url, "LAYER=ORTHOIMAGERY.ORTHOPHOTOS",
                                               "AREA=carcassonne", "ZOOM_MIN=10", "ZOOM_MAX=13", "OUTPUT=" + output,
                                               "LOAD=false"))
            assert holder.poll() is None, "the holder ended before the French run was refused"
        finally:
            holder.wait(timeout=300)
    text = "\n".join(said)
    assert "est en cours d'écriture par une autre exécution (un téléchargement de {} — ".format(layer) in text, text
    assert english(said) == [], english(said)
