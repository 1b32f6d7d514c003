"""Issue 21: with QGIS in French, what the algorithms say on their error paths is French, numbers in French
(real core errors, raised by the real algorithms against the stand-in WMTS on 127.0.0.1), and a failed or
cancelled dock run says its message once."""

import re
import socket

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from tests.support.english_check import english
from tests.support.qt_wait import wait_for
from tests.support.wmts_server import StandInWmts

FRENCH_THOUSANDS = re.compile(r"\d[\u202f\xa0 ]\d{3}\b")


class Recording(QgsProcessingFeedback):
    """Every line the algorithm says, as the toolbox log and the dock's panel show it."""

    def __init__(self, cancel_after_progress=False):
        super().__init__()
        self.lines = []
        if cancel_after_progress:
            self.progressChanged.connect(lambda percent: percent > 0 and self.cancel())

    def pushInfo(self, text):  # noqa: N802 (QGIS API name)
        self.lines.append(text)
        super().pushInfo(text)

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        self.lines.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatal=False):  # noqa: N802 (QGIS API name)
        self.lines.append(text)
        super().reportError(text, fatal)


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
