"""Secrets never reach Processing's history nor the toolbox's log. The toolbox writes the command of every run it
starts into processing.log, in the profile folder, for good, and its parameters into the dialog's Log tab: a key typed
into API_KEY ("never written anywhere", its help says), or one in SOURCE's URL (?apikey=…, user:password@), was kept
there. The real dialog is run; its log file and its Log tab are read."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QTextEdit

from tests.support.qt_wait import settle

KEY_PARAMETER = "key-typed-0123456789"
KEY_IN_URL = "key-in-url-9876543210"
PASSWORD = "pass-in-url-555"


def test_the_toolbox_keeps_the_command_of_a_run_without_its_keys(provider, qgis_canvas, monkeypatch):
    from processing.core.ProcessingLog import ProcessingLog
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from processing.tools import dataobjects

    from tests.qgis.test_processing_labels import DialogIface

    monkeypatch.setattr("processing.gui.ParametersPanel.iface", DialogIface(qgis_canvas))
    log = ProcessingLog.logFilename()
    before = open(log, encoding="utf-8").read() if os.path.exists(log) else ""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("ign_offline:estimate_tiles")
    dialog = AlgorithmDialog(algorithm, False, None)
    # A port bound to nothing: the run fails at once, after the dialog has written its history.
    source = "http://user:{}@127.0.0.1:9/wmts?SERVICE=WMTS&apikey={}".format(PASSWORD, KEY_IN_URL)
    values = {"SOURCE": source, "LAYER": "ORTHOIMAGERY.ORTHOPHOTOS", "API_KEY": KEY_PARAMETER, "AREA": "toulouse"}
    context = dataobjects.createContext()
    for name, value in values.items():
        dialog.mainWidget().wrappers[name].setParameterValue(value, context)
    try:
        dialog.runAlgorithm()
        settle()
        shown = "\n".join(box.toPlainText() for box in dialog.findChildren(QTextEdit))  # its Log tab
    finally:
        dialog.close()
    # The Log tab ("Input parameters: …"), which users copy or save into bug reports: what was given, not the keys.
    assert "ORTHOIMAGERY.ORTHOPHOTOS" in shown and "'API_KEY' : '***'" in shown, shown
    for secret in (KEY_PARAMETER, KEY_IN_URL, PASSWORD):
        assert secret not in shown, shown
    written = open(log, encoding="utf-8").read()[len(before):]
    assert "ign_offline:estimate_tiles" in written  # the run was kept: the check below means something
    assert "127.0.0.1:9/wmts" in written and "ORTHOIMAGERY.ORTHOPHOTOS" in written  # what is no secret, kept
    for secret in (KEY_PARAMETER, KEY_IN_URL, PASSWORD):
        assert secret not in written, written
    assert "'API_KEY':'***'" in written.replace(" ", ""), written  # said to have been given, not what it was


def test_a_command_copied_from_any_algorithm_holds_no_key(provider):
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    for algorithm in provider.algorithms():
        names = {definition.name() for definition in algorithm.parameterDefinitions()}
        values = {name: "https://{}@example.org/x?token={}&a=1".format(PASSWORD, KEY_IN_URL)
                  for name in names & {"SOURCE", "HOST", "REDIS_URL", "SERVICE"}}
        if "API_KEY" in names:
            values["API_KEY"] = KEY_PARAMETER
        command = algorithm.asPythonCommand(values, context)
        for secret in (KEY_PARAMETER, KEY_IN_URL, PASSWORD):
            assert secret not in command, (algorithm.id(), command)
