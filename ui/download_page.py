"""The dock's "Download" page: WMTS/XYZ tiles of the chosen area into an MBTiles file."""

import os
from urllib.parse import urlsplit

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QComboBox, QWidget

from ..algorithms.auth import SIGNED_IN, credentials_for
from ..algorithms.layers import load_mbtiles
from ..core.errors import IgnOfflineError
from ..core.tile_download import default_output_name, fetch_capabilities
from ..core.http import redact_url
from ..core.policies import licence_note
from ..core.url_templates import is_xyz_template
from ..core.wmts import with_query
from .background import AlgorithmRun, BrowserOpener, run_function

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "download_page.ui"))

# No OpenStreetMap tile server here: its usage policy forbids bulk downloads (core.policies).
SOURCES = (
    "https://data.geopf.fr/wmts",
    "https://data.geopf.fr/private/wmts",
)
COMMON_LAYERS = (
    "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2",
    "ORTHOIMAGERY.ORTHOPHOTOS",
    "CADASTRALPARCELS.PARCELLAIRE_EXPRESS",
    "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR",
)


def layer_identifier(shown, items):
    """The layer identifier for the text `shown` in the layer box, given its (text, identifier) items.

    An item's own text gives its identifier; a typed "Title — IDENTIFIER"
    gives the part after the dash; anything else typed is taken as an
    identifier as it is (the algorithm checks it against the capabilities).
    """
    shown = (shown or "").strip()
    for text, identifier in items:
        if text.strip() == shown and identifier:
            return identifier
    return shown.rsplit(" — ", 1)[-1].strip()


class DownloadPage(QWidget, FORM_CLASS):
    def __init__(self, area_page, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.area_page = area_page
        self.iface = iface
        self.run = None
        self.layers_task = None
        self.sourceCombo.addItems(SOURCES)
        for layer in COMMON_LAYERS:
            self.layerCombo.addItem(layer, layer)
        # A typed identifier must not become an item with no data (Enter would
        # otherwise insert one): layer_id() reads the text that is shown.
        self.layerCombo.setInsertPolicy(QComboBox.NoInsert)
        self.outputFile.setStorageMode(QgsFileWidget.SaveFile)
        self.outputFile.setFilter(self.tr("MBTiles (*.mbtiles)"))
        self.readLayersButton.clicked.connect(self.read_layers)
        self.signInButton.clicked.connect(self.sign_in)
        self.sourceCombo.currentTextChanged.connect(self._show_licence)
        self.browser = BrowserOpener()
        self._show_licence()
        self.estimateButton.clicked.connect(self.estimate)
        self.downloadButton.clicked.connect(self.download)
        self.cancelButton.clicked.connect(self.cancel)

    # -- layers of the source (capabilities read in a task) -------------------------------------------------

    def _show_licence(self, *args):
        note = licence_note(self.sourceCombo.currentText().strip())
        self.licenceLabel.setText(self.tr("⚠ Licence: {}.").format(note) if note else "")
        self.licenceLabel.setVisible(bool(note))

    def credentials(self):
        """The account picked (None for public layers); an OAuth2 sign-in opens the browser from the GUI thread."""
        return credentials_for(self.authSelect.configId(), self.browser.open)

    def sign_in(self):
        """The OAuth2 sign-in (in a task: the browser opens, the token comes back); then the private layers."""
        try:
            credentials = self.credentials()
        except IgnOfflineError as exc:
            self.log(str(exc), error=True)
            return
        if credentials is None or credentials.oauth is None:
            self.log(self.tr("Pick an OAuth2 configuration to sign in (a key needs no sign-in)."), error=True)
            return

        def signed(_):
            self.signInButton.setEnabled(True)
            SIGNED_IN[self.authSelect.configId()] = credentials  # tokens in memory only, for this session
            self.log(self.tr("Signed in with {}.").format(credentials.name))
            self.read_layers()

        def failed(message):
            self.signInButton.setEnabled(True)
            self.log(message, error=True)

        self.signInButton.setEnabled(False)
        self.log(self.tr("Signing in with {}: continue in your browser…").format(credentials.name))
        self.sign_in_task = run_function(self.tr("IGN Offline: sign in"), lambda task: credentials.headers(), signed,
                                         failed)

    def read_layers(self):
        endpoint = self.sourceCombo.currentText().strip()
        self.log(self.tr("Reading the layers of {}…").format(redact_url(endpoint)))
        try:
            credentials = self.credentials()
        except IgnOfflineError as exc:
            self.log(str(exc), error=True)
            return
        keyed = with_query(endpoint, credentials.query()) if credentials is not None else endpoint

        def read(capabilities):
            self.readLayersButton.setEnabled(True)
            self.layerCombo.clear()
            for layer in sorted(capabilities.layers.values(), key=lambda item: item.title.lower()):
                self.layerCombo.addItem("{} — {}".format(layer.title, layer.identifier), layer.identifier)
            self.log(self.tr("{} layers.").format(len(capabilities.layers)))

        def failed(message):
            self.readLayersButton.setEnabled(True)
            self.log(message, error=True)

        self.readLayersButton.setEnabled(False)
        self.layers_task = run_function(
            self.tr("IGN Offline: read layers"),
            lambda task: fetch_capabilities(keyed, redact_url(endpoint), credentials.secrets if credentials else (),
                                            credentials=credentials), read, failed)

    def layer_id(self):
        """The identifier of the layer the box shows: exactly what the user sees, never another one."""
        return layer_identifier(self.layerCombo.currentText(),
                                [(self.layerCombo.itemText(i), self.layerCombo.itemData(i))
                                 for i in range(self.layerCombo.count())])

    # -- parameters of the algorithms ------------------------------------------------------------------------

    def parameters(self):
        area = self.area_page.current_area()
        zoom_min, zoom_max = self.area_page.zoom_range()
        layer = self.layer_id()
        source = self.sourceCombo.currentText().strip()
        if is_xyz_template(source):
            layer = ""  # the layer box lists the WMTS's layers: it names nothing of a template
        elif not layer:
            raise ValueError(self.tr("Pick or type the layer to download (Read layers lists them)."))
        parameters = {"SOURCE": source, "LAYER": layer,
                      "ZOOM_MIN": zoom_min, "ZOOM_MAX": zoom_max,
                      "CONCURRENCY": self.concurrencySpin.value(), "MAX_RATE": self.maxRateSpin.value()}
        parameters.update(self.area_page.area_parameters())
        if self.authSelect.configId():
            parameters["AUTHCFG"] = self.authSelect.configId()
        output = self.outputFile.filePath().strip()
        if not output:
            folder = os.path.join(os.path.expanduser("~"), "IGN Offline")
            os.makedirs(folder, exist_ok=True)
            output = os.path.join(folder, default_output_name(layer or urlsplit(source).netloc, area.key))
            self.outputFile.setFilePath(output)
        parameters["OUTPUT"] = output
        return parameters

    # -- running -------------------------------------------------------------------------------------------------

    def estimate(self):
        self._start("ign_offline:estimate_tiles", self._estimated)

    def download(self):
        parameters = self._start("ign_offline:download_tiles", self._downloaded, {"LOAD": False})
        if parameters:
            self._output = parameters["OUTPUT"]

    def _start(self, algorithm_id, on_done, extra=None):
        if self.run is not None and not self.run.finished:
            return None
        try:
            parameters = dict(self.parameters(), **(extra or {}))
            self.run = AlgorithmRun(algorithm_id, parameters, on_done, self._progress, self.log)
        except (ValueError, IgnOfflineError) as exc:
            self.log(str(exc), error=True)
            return None
        self.logView.clear()
        self.progressBar.setValue(0)
        self._busy(True)
        return parameters

    def _busy(self, busy):
        self.cancelButton.setEnabled(busy)
        self.estimateButton.setEnabled(not busy)
        self.downloadButton.setEnabled(not busy)

    def _progress(self, percent):
        self.progressBar.setValue(int(percent))

    def cancel(self):
        if self.run is not None:
            self.run.cancel()

    def _estimated(self, ok, results):
        self._busy(False)
        if ok and "EXPECTED_BYTES" in results:
            self.log(self.tr("Expected {:.1f} MB for {:,} tiles.").format(results["EXPECTED_BYTES"] / 1e6,
                                                                         int(results["TOTAL"])))

    def _downloaded(self, ok, results):
        self._busy(False)
        bar = self.iface.messageBar()
        if not ok:
            bar.pushMessage(self.tr("IGN Offline"), self.tr("The download did not finish: see the Download page."),
                            Qgis.Warning, 8)
            return
        summary = self.tr("{} tiles downloaded, {} already there, {} empty, {} failed.").format(
            results["TILES_DOWNLOADED"], results["TILES_SKIPPED"], results["TILES_EMPTY"], results["TILES_FAILED"])
        self.log(summary)
        self.load(results["OUTPUT"])
        bar.pushMessage(self.tr("IGN Offline"), summary, Qgis.Success if not results["TILES_FAILED"] else Qgis.Warning,
                        8)

    def load(self, path):
        try:
            return load_mbtiles(QgsProject.instance(), path)
        except ValueError as exc:
            self.log(str(exc), error=True)
            return None

    def log(self, text, error=False):
        self.logView.appendPlainText(("⚠ " if error else "") + text)

    def cleanup(self):
        self.cancel()
