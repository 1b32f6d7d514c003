"""The dock's "Géoplateforme layers" tab: several layers at once, from a searchable list, each into its own
file of the library (`<library>/<LAYER>.mbtiles`), estimated per layer and in total, then downloaded one after
the other and loaded as "<title> — <area>".

What is downloaded is exactly what is ticked: a typed identifier becomes a ticked line showing it, and the
algorithm checks it against the server's capabilities before any tile is requested.
"""

import os
from urllib.parse import urlsplit

from qgis.core import Qgis, QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHeaderView, QListWidgetItem, QTableWidgetItem

from ..core import mbtiles, naming
from ..core.download.estimate import measured_tile_bytes
from ..core.errors import IgnOfflineError
from ..core.http import redact_url
from ..core.messages import Size, plural
from ..core.sources.policies import licence_note
from ..core.sources.prepare import template_name
from ..core.sources.url_templates import is_xyz_template
from ..core.text import duration as duration_text
from ..core.tiles import areas, coverage
from ..core.vector import tms
from ..i18n import number, reason, say, tr
from ..toolbelt.auth import SIGNED_IN, credentials_for
from ..toolbelt.layers import load_mbtiles
from . import settings
from .background import BrowserOpener, run_function
from .large_jobs import confirm_large_job
from .page import Page
from .runner import Job
from .server_layers import (
    SOURCES,
    USUAL_LAYERS,
    USUAL_VECTOR_HOSTS,
    USUAL_VECTOR_LAYERS,
    folded,
    layer_identifier,
    read_server,
    typed_text,
    vector_text,
)
from .style_choice import EVERY_STYLE, FIRST_STYLE, SOME_STYLES, VectorStyleChoice
from .tile_counts import QUICK_COUNT

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "download_page.ui"))

IDENTIFIER = Qt.UserRole
TMS_ROOT = Qt.UserRole + 1  # a vector layer's TMS service (None: a raster layer of the server field)


STYLES_ALGORITHM = "ign_offline:save_vector_styles"


class DownloadPage(VectorStyleChoice, Page, FORM_CLASS):
    RUN_BUTTONS = ("estimateButton", "downloadButton")

    def __init__(self, area_picker, library, iface, parent=None):
        super().__init__(area_picker, library, iface, parent)
        self.layers_task = None
        self.sign_in_task = None
        self._new_files = set()  # the files a download creates (the others are extended)
        self.server_layers = None  # identifiers the server offers, once read (None: not read since it was picked)
        self.vector_layers = []  # (identifier, title, TMS service) of the vector layers listed
        self.titles = {identifier: tr(title) for identifier, title in USUAL_LAYERS}
        header = self.estimateTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)  # the layer's title takes what is left
        self.sourceCombo.addItems(SOURCES)
        self.browser = BrowserOpener()
        self.remember({settings.SOURCE: self.sourceCombo, settings.CONCURRENCY: self.concurrencySpin,
                       settings.MAX_RATE: self.maxRateSpin, settings.ACCOUNT: self.authSelect})
        self.vector_layers = self.usual_vector_layers()
        self.show_layers([(identifier, self.titles[identifier]) for identifier, _ in USUAL_LAYERS],
                         self._remembered_ticks())
        self.layersList.itemChanged.connect(self._picked_changed)
        self.layerSearch.textChanged.connect(self.filter_layers)
        self.layerSearch.returnPressed.connect(self.pick_typed)
        # Translated here: the .ts takes new strings from Python (i18n/pending); the form keeps the English.
        self.tickedOnlyCheck.setText(tr("Ticked only"))
        self.tickedOnlyCheck.setToolTip(tr("Show only the layers ticked"))
        self.tickedOnlyCheck.toggled.connect(self.filter_layers)
        self.vectorStylesLabel.setText(tr("Styles of vector layers"))
        self.vectorStylesCombo.addItem(tr("Every style of the layer (switch among them offline)"), EVERY_STYLE)
        self.vectorStylesCombo.addItem(tr("Only the layer's first style"), FIRST_STYLE)
        self.vectorStylesCombo.addItem(tr("Only the styles ticked below"), SOME_STYLES)
        self.vectorStylesList.setToolTip(tr("The styles saved beside the file, to switch among offline: untick "
                                            "those you do not want"))
        self._unticked_styles = set()  # (layer, style) the user unticked: kept while the list is rebuilt
        self.vectorStylesCombo.currentIndexChanged.connect(self._show_style_list)
        self.vectorStylesList.itemChanged.connect(self._style_ticked)
        self.vectorStylesCombo.setToolTip(tr("Vector tiles are drawn by a style saved beside their file: one "
                                             "download gives every look IGN publishes for the layer"))
        self.readLayersButton.clicked.connect(self.read_layers)
        self.signInButton.clicked.connect(self.sign_in)
        self.sourceCombo.currentTextChanged.connect(self._show_licence)
        self.sourceCombo.currentTextChanged.connect(self._source_changed)
        # Figures of another area, zooms, folder or server are wrong figures: they go as soon as it changes.
        self.area_picker.selectionChanged.connect(self.clear_estimate)
        library.changed.connect(self._folder_changed)
        self._show_licence()
        self.estimateButton.clicked.connect(self.estimate)
        self.downloadButton.clicked.connect(self.download)
        self._picked_changed()

    # -- the list of layers ----------------------------------------------------------------------------------

    def show_layers(self, layers, ticked):
        """`layers`: (identifier, title), shown ticked ones first, then usual ones, then by title; `ticked`:
        identifiers to tick."""
        usual = [identifier for identifier, _ in USUAL_LAYERS]
        order = sorted(layers, key=lambda item: (item[0] not in ticked,
                                                 usual.index(item[0]) if item[0] in usual else len(usual),
                                                 folded(item[1])))
        self.layersList.blockSignals(True)
        self.layersList.clear()
        for identifier, title in order:
            self._add_item(identifier, "{} — {}".format(title, identifier), identifier in ticked)
        for identifier, title, root in self.vector_layers:
            self._add_item(identifier, vector_text(identifier, title), identifier in ticked, root)
        listed = {item[0] for item in layers} | {item[0] for item in self.vector_layers}
        for identifier in ticked:  # typed before: kept, and shown as typed
            if identifier not in listed:
                self._add_item(identifier, typed_text(identifier), True)
        self.layersList.blockSignals(False)
        self._ticked_first()
        self.filter_layers()
        self._picked_changed()

    def _ticked_first(self):
        """Ticked lines to the top of the list, each group in its order: what will be downloaded stays in sight
        (not when a box is clicked: the line would jump away under the mouse)."""
        items = self.items()
        order = sorted(range(len(items)), key=lambda row: (items[row].checkState() != Qt.Checked, row))
        self.layersList.blockSignals(True)
        taken = [self.layersList.takeItem(0) for _ in items]
        for row in order:
            self.layersList.addItem(taken[row])
        self.layersList.blockSignals(False)

    def _add_item(self, identifier, text, ticked, tms_root=None):
        item = QListWidgetItem(text)
        item.setData(IDENTIFIER, identifier)
        item.setData(TMS_ROOT, tms_root)
        item.setToolTip(text)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if ticked else Qt.Unchecked)
        self.layersList.addItem(item)
        return item

    def items(self):
        return [self.layersList.item(row) for row in range(self.layersList.count())]

    def picked_layers(self):
        """The identifiers ticked, in the list's order: exactly what will be downloaded."""
        return [item.data(IDENTIFIER) for item in self.items() if item.checkState() == Qt.Checked]

    def _remembered_ticks(self):
        """The layers ticked last time, but a usual vector layer the server field's host does not list (it is not
        a raster layer to type)."""
        listed = {identifier for identifier, *_ in self.vector_layers}
        vector = {identifier for identifier, _ in USUAL_VECTOR_LAYERS}
        return [i for i in settings.json_value(settings.LAYERS, []) if i not in vector or i in listed]

    def layer_source(self, identifier):
        """The TMS service of a vector layer listed (None for a raster layer of the server field)."""
        for item in self.items():
            if item.data(IDENTIFIER) == identifier:
                return item.data(TMS_ROOT)
        return None

    def _picked_vector_layers(self):
        return [identifier for identifier in self.picked_layers() if self.layer_source(identifier)]

    def usual_vector_layers(self):
        """The known vector layers of the server field's host (the Géoplateforme), before its TMS is read."""
        root = tms.service_of(self.sourceCombo.currentText().strip())
        if root is None or (urlsplit(root).hostname or "") not in USUAL_VECTOR_HOSTS:
            return []
        return [(identifier, tr(title), root) for identifier, title in USUAL_VECTOR_LAYERS]

    def tick(self, identifier, ticked=True):
        for item in self.items():
            if item.data(IDENTIFIER) == identifier:
                item.setCheckState(Qt.Checked if ticked else Qt.Unchecked)
                return item
        return None

    def filter_layers(self, *args):
        """The search words and the "ticked only" box, together."""
        words = folded(self.layerSearch.text()).split()
        ticked_only = self.tickedOnlyCheck.isChecked()
        for item in self.items():
            shown = all(word in folded(item.text()) for word in words)
            item.setHidden(not shown or (ticked_only and item.checkState() != Qt.Checked))

    def pick_typed(self):
        """Enter in the search box: tick the layer found, or take the text as an identifier (shown as typed)."""
        text = self.layerSearch.text().strip()
        if not text:
            return
        shown = [item for item in self.items() if not item.isHidden()]
        identifier = layer_identifier(text, [(item.text(), item.data(IDENTIFIER)) for item in self.items()])
        if self.tick(identifier) is None:
            if len(shown) == 1:
                shown[0].setCheckState(Qt.Checked)
            elif self.refused([identifier]):
                return  # said next to the list; the text stays to be corrected
            else:
                self._add_item(identifier, typed_text(identifier), True)
        self.layerSearch.clear()
        self._ticked_first()
        self._picked_changed()

    def refused(self, identifiers):
        """Those of `identifiers` the server read does not offer, said next to the list (nothing said while its
        layers are not read: the algorithm checks them then)."""
        refused = [i for i in identifiers if self.server_layers is not None and i not in self.server_layers]
        self.layersNoteLabel.setText(tr("Not a layer of this server: {}. Check the identifier, or untick it "
                                        "(Read layers lists the server's layers).").format(", ".join(refused))
                                     if refused else "")
        return refused

    def _picked_changed(self, *args):
        picked = self.picked_layers()
        if self.server_layers is not None:  # the note on layers the server lacks follows the ticks
            self.refused(picked)
        self._show_style_list()
        settings.store_json(settings.LAYERS, picked)
        folder = self.library_folder()
        if is_xyz_template(self.sourceCombo.currentText().strip()):
            self.pickedLabel.setText(tr("An XYZ address is one layer: it goes to {}.").format(
                self.output_for(template_name(self.sourceCombo.currentText().strip()))))
        elif picked:
            self.pickedLabel.setText(say(plural(len(picked), "{:,} layer ticked, its file in {}",
                                                "{:,} layers ticked, one file each in {}", len(picked), folder)))
        else:
            self.pickedLabel.setText(tr("Tick the layers to download (Read layers lists all of the server's)."))

    def plan_layers(self):
        """(server, layers) as a library plan takes them: the ticked identifiers, or an XYZ address's one layer.
        Raises ValueError saying what is missing (the Library page's Add to plan)."""
        source = self.sourceCombo.currentText().strip()
        if not source:
            raise ValueError(tr("Give the server: the Géoplateforme, a WMTS address or an XYZ address."))
        layers = [template_name(source)] if is_xyz_template(source) else self.picked_layers()
        if not layers:
            raise ValueError(tr("Tick at least one layer (or type its identifier in the search box and press Enter)."))
        return source, layers

    def output_for(self, layer):
        return naming.library_file(self.library_folder(), layer)

    def clear_estimate(self, *args):
        self.estimateTable.setRowCount(0)

    def _folder_changed(self, *args):
        self.clear_estimate()
        self._picked_changed()

    def _source_changed(self, *args):
        """Another server: its layers are not the ones read, and the figures were for the other one."""
        self.server_layers = None
        # The vector layers listed are those of this server's host (a ticked one it does not list is unticked).
        raster = [(item.data(IDENTIFIER), self.titles[item.data(IDENTIFIER)]) for item in self.items()
                  if item.data(TMS_ROOT) is None and item.data(IDENTIFIER) in self.titles]
        picked = self.picked_layers()
        was_vector = {i for i in picked if self.layer_source(i)}
        self.vector_layers = self.usual_vector_layers()
        listed = {identifier for identifier, *_ in self.vector_layers}
        self.show_layers(raster, [i for i in picked if i not in was_vector or i in listed])
        self.layersNoteLabel.setText("")
        self.clear_estimate()
        self._picked_changed()

    # -- the server: licence, account, capabilities (read in a task) ----------------------------------------------

    def _show_licence(self, *args):
        note = licence_note(self.sourceCombo.currentText().strip())
        self.licenceLabel.setText(tr("⚠ Licence: {}.").format(note) if note else "")
        self.licenceLabel.setVisible(bool(note))

    def credentials(self):
        """The account picked (None for public layers); an OAuth2 sign-in opens the browser from the GUI thread."""
        return credentials_for(self.authSelect.configId(), self.browser.open)

    def sign_in(self):
        """The OAuth2 sign-in (in a task: the browser opens, the token comes back); then the private layers."""
        try:
            credentials = self.credentials()
        except IgnOfflineError as exc:
            self.log(reason(exc), error=True)
            return
        if credentials is None or credentials.oauth is None:
            self.log(tr("Pick an OAuth2 account to sign in (a key needs no sign-in)."), error=True)
            return

        def signed(_):
            self.signInButton.setEnabled(True)
            SIGNED_IN[self.authSelect.configId()] = credentials  # tokens in memory only, for this session
            self.log(tr("Signed in with {}.").format(credentials.name))
            self.read_layers()

        def failed(message):
            self.signInButton.setEnabled(True)
            self.log(message, error=True)

        self.signInButton.setEnabled(False)
        self.log(tr("Signing in with {}: continue in your browser…").format(credentials.name))
        self.sign_in_task = run_function(tr("IGN Offline: sign in"), lambda task: credentials.headers(), signed,
                                         failed)

    def _reading(self, busy, text=""):
        """The list while the server is read (in a task): the button off, a busy pointer over the list, and what is
        going on said next to it."""
        self.readLayersButton.setEnabled(not busy)
        if busy:
            self.layersList.setCursor(Qt.BusyCursor)
        else:
            self.layersList.unsetCursor()
        self.layersNoteLabel.setText(text)

    def read_layers(self):
        endpoint = self.sourceCombo.currentText().strip()
        reading = tr("Reading the layers of {}…").format(redact_url(endpoint))
        self.log(reading)
        try:
            credentials = self.credentials()
        except IgnOfflineError as exc:
            self.log(reason(exc), error=True)
            return

        def read(found):
            capabilities, root, vector = found
            self._reading(False)
            layers = [(layer.identifier, layer.title or layer.identifier)
                      for layer in (capabilities.layers.values() if capabilities is not None else ())]
            self.titles.update(layers)
            self.vector_layers = [(e.identifier, e.title or e.identifier, root) for e in vector]
            self.server_layers = {identifier for identifier, _ in layers} | {e.identifier for e in vector}
            self.show_layers(layers, self.picked_layers())
            self.refused(self.picked_layers())
            self.log(tr("{} layers.").format(len(layers) + len(vector)))

        def failed(message):
            """The old server's list goes (only what is ticked stays), and why is said next to the list."""
            self._reading(False)
            self.server_layers = None
            picked = self.picked_layers()
            self.show_layers([(i, self.titles[i]) for i in picked if i in self.titles], picked)
            self.layersNoteLabel.setText(message)
            self.log(message, error=True)

        self._reading(True, reading)
        self.layers_task = run_function(
            tr("IGN Offline: read layers"), lambda task: read_server(endpoint, credentials), read, failed)

    # -- the runs: one per layer ----------------------------------------------------------------------------------

    def jobs(self, algorithm_id, extra=None):
        """One run of `algorithm_id` per layer ticked; raises IgnOfflineError/ValueError with what is missing."""
        area = self.area_picker.current_area()
        zoom_min, zoom_max = self.area_picker.zoom_range()
        source = self.sourceCombo.currentText().strip()
        if not source:
            raise ValueError(tr("Give the server: the Géoplateforme, a WMTS address or an XYZ address."))
        if is_xyz_template(source):
            layers = [("", template_name(source))]  # a template is one layer: the list names nothing of it
        else:
            layers = [(identifier, identifier) for identifier in self.picked_layers()]
            if not layers:
                raise ValueError(tr("Tick at least one layer (or type its identifier in the search box and press "
                                    "Enter)."))
            if self.refused(self.picked_layers()):
                raise ValueError(self.layersNoteLabel.text())
        common = {"SOURCE": source, "ZOOM_MIN": zoom_min, "ZOOM_MAX": zoom_max,
                  "CONCURRENCY": self.concurrencySpin.value(), "MAX_RATE": self.maxRateSpin.value()}
        common.update(self.area_picker.area_parameters())
        if "AREA" not in common:  # the log names the area as the layer it loads does ("Zone saisie")
            common["AREA_TITLE"] = area.title
        if self.authSelect.configId():
            common["AUTHCFG"] = self.authSelect.configId()
        jobs = []
        for layer, name in layers:
            # A vector layer: from the TMS service listed with it (or in the server field itself).
            root = (self.layer_source(layer) or (source if tms.is_tms_source(source) else None)) if layer else None
            parameters = dict(common, LAYER=layer, OUTPUT=self.output_for(name), **(extra or {}))
            if root:
                parameters["SOURCE"] = root
            if root and algorithm_id == "ign_offline:download_tiles" and not self.vector_styles(layer) and \
                    self.vectorStylesCombo.currentData() == SOME_STYLES:
                raise ValueError(tr("Tick at least one style of {} (it is drawn with a style saved beside its "
                                    "file).").format(layer))
            jobs.append(Job(algorithm_id, parameters, self.titles.get(layer, name), area.title))
            if root and algorithm_id == "ign_offline:download_tiles":
                jobs.append(self._styles_job(jobs[-1], layer, root))
        return jobs

    def _styles_job(self, download, layer, root):
        """The run after a vector layer's download: its styles saved beside its file (then it is loaded)."""
        parameters = {"INPUT": download.parameters["OUTPUT"], "SOURCE": root, "LAYER": layer,
                      "STYLES": self.vector_styles(layer)}
        if "AUTHCFG" in download.parameters:
            parameters["AUTHCFG"] = download.parameters["AUTHCFG"]
        return Job(STYLES_ALGORITHM, parameters, download.label, download.area)

    def _start(self, algorithm_id, on_each, on_all, extra=None, confirm=False):
        try:
            jobs = self.jobs(algorithm_id, extra)
            if confirm:
                return self._confirm_then_start(jobs, on_each, on_all)
        except (ValueError, IgnOfflineError) as exc:
            self.start(reason(exc), error=True)
            return False
        return self.runner.start(jobs, on_each, on_all)

    def _confirm_then_start(self, jobs, on_each, on_all):
        """Ask before a very large download (what download_tiles refuses without ALLOW_LARGE), then start. The
        tiles are counted only until surely past the large-job limit, in a task when that costs (a large polygon's
        count takes seconds); the question is asked once they are counted."""
        zoom_min, zoom_max = self.area_picker.zoom_range()
        area = self.area_picker.current_area()
        downloads = [job for job in jobs if job.algorithm_id != STYLES_ALGORITHM]
        outputs = [job.parameters["OUTPUT"] for job in downloads]

        def count(task):
            tiles, exact = coverage.area_total(area, zoom_min, zoom_max, areas.LARGE_JOB_TILES, len(downloads))
            return tiles, exact, measured_tile_bytes(outputs)

        def counted(found):
            tiles, exact, tile_bytes = found
            allow = confirm_large_job(self, tiles, outputs[0], exact, tile_bytes)
            if allow is None:
                self.start(tr("Nothing downloaded: reduce the area or the zooms."))
                return
            for job in downloads:
                job.parameters.update(allow)
            self.runner.start(jobs, on_each, on_all)

        return self.runner.count_first(count, counted, lambda why: self.start(why, error=True),
                                       at_once=coverage.count_cost(area, zoom_min, zoom_max) <= QUICK_COUNT)

    def estimate(self):
        self.estimateTable.setRowCount(0)
        self._start("ign_offline:estimate_tiles", self._estimated_one, self._estimated_all)

    def _table_row(self, values):
        """A row of the estimate; a cell too narrow for its text shows it whole in its tooltip."""
        row = self.estimateTable.rowCount()
        self.estimateTable.insertRow(row)
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.estimateTable.setItem(row, column, item)
        self.estimateTable.resizeRowsToContents()  # long titles wrap on their words

    def _estimated_one(self, job, ok, results):
        values = (job.label, number(results.get("TOTAL") or 0),
                  say(Size(results["EXPECTED_BYTES"])) if results.get("EXPECTED_BYTES") is not None else "?",
                  duration(results.get("ETA_SECONDS")))
        self._table_row(values)

    def _estimated_all(self, outcomes, cancelled):
        done = [results for _, ok, results in outcomes if ok]
        if cancelled:
            self.runner.report_cancel(tr("The estimate"))
            return
        if not done:
            self.runner.report_failure(tr("The estimate"))
            return
        tiles = sum(r.get("TOTAL") or 0 for r in done)
        size = sum(r.get("EXPECTED_BYTES") or 0 for r in done)
        seconds = sum(r.get("ETA_SECONDS") or 0 for r in done)
        self._table_row((tr("Total"), number(tiles), say(Size(size)), duration(seconds)))
        layers = plural(len(done), "{:,} layer", "{:,} layers", len(done))
        self.runner.report(say(plural(tiles, "Estimate: {:,} tile, about {}, about {} for {}.",
                                      "Estimate: {:,} tiles, about {}, about {} for {}.",
                                      tiles, Size(size), duration(seconds), layers)), Qgis.Info)

    def download(self):
        # A file extended beyond this area holds more than it: its layer is named without the area. One this area's
        # run created (a resume) keeps the area in its name.
        bbox = self._safe_bbox()
        self._new_files = {job.parameters["OUTPUT"] for job in self._safe_jobs()
                           if "OUTPUT" in job.parameters and (not os.path.exists(job.parameters["OUTPUT"]) or (
                               bbox is not None and mbtiles.holds_only(job.parameters["OUTPUT"], bbox)))}
        self._start("ign_offline:download_tiles", self._downloaded_one, self._downloaded_all, {"LOAD": False},
                    confirm=True)

    def _downloaded_one(self, job, ok, results):
        if job.algorithm_id == STYLES_ALGORITHM:
            path = job.parameters["INPUT"]  # loaded with its first style saved; with none if none could be
        elif tms.is_tms_source(job.parameters.get("SOURCE", "")):
            return  # a vector layer: loaded once its styles are saved
        else:
            path = results.get("OUTPUT")
        if path and os.path.exists(path):
            self.load(path, job.layer_name() if path in self._new_files else job.label)

    def _safe_bbox(self):
        try:
            return self.area_picker.current_area().bbox
        except (ValueError, IgnOfflineError):
            return None

    def _safe_jobs(self):
        try:
            return self.jobs("ign_offline:download_tiles")
        except (ValueError, IgnOfflineError):
            return []  # said when the run is started

    def _downloaded_all(self, outcomes, cancelled):
        styles_runs = [outcome for outcome in outcomes if outcome[0].algorithm_id == STYLES_ALGORITHM]
        outcomes = [outcome for outcome in outcomes if outcome[0].algorithm_id != STYLES_ALGORITHM]
        styles_notes = self._styles_not_saved(styles_runs, outcomes)
        totals = [sum(results.get(key) or 0 for _, _, results in outcomes)
                  for key in ("TILES_DOWNLOADED", "TILES_SKIPPED", "TILES_EMPTY", "TILES_FAILED")]
        failed_runs = [job.label for job, ok, _ in outcomes if not ok]
        folder = self.library_folder()
        if cancelled:
            self.runner.report_cancel(tr("The download"))
            return
        if len(failed_runs) == len(outcomes):
            self.runner.report_failure(tr("The download"))
            return
        downloaded, skipped, empty, failed = totals
        summary = say("{}: {}, {}, {}, {}.",
                      plural(len(outcomes) - len(failed_runs), "{:,} layer", "{:,} layers",
                             len(outcomes) - len(failed_runs)),
                      plural(downloaded, "{:,} tile downloaded", "{:,} tiles downloaded", downloaded),
                      plural(skipped, "{:,} was already there", "{:,} were already there", skipped),
                      plural(empty, "{:,} was empty", "{:,} were empty", empty),
                      plural(failed, "{:,} failed", "{:,} failed", failed))
        if failed_runs:
            summary += " " + tr("Not downloaded: {}.").format(", ".join(failed_runs))
        for note in styles_notes:
            summary += " " + note
        level = Qgis.Warning if failed_runs or totals[3] or styles_notes else Qgis.Success
        self.runner.report(summary, level, folder)

    def _styles_not_saved(self, styles_runs, downloads):
        """What the message bar says of styles not saved (each layer's styles saved or not on its own): the
        styles and why, and a layer whose download went well but no style could be saved loaded all the same
        (with QGIS's default look: the map is never lost for a style)."""
        downloaded = {job.parameters.get("OUTPUT") for job, ok, _ in downloads if ok}
        notes = []
        for job, ok, results in styles_runs:
            path = job.parameters["INPUT"]
            if ok:
                if results.get("FAILED"):
                    notes.append(results.get("NOT_SAVED") or "")
                continue
            if path not in downloaded:
                continue  # its download failed: said with the downloads
            notes.append(tr("{}: no style could be saved ({}); the layer is drawn with QGIS's default look. "
                            "Save its styles again later (Save vector tile styles).").format(
                job.label, job.error or tr("see the IGN Offline panel")))
            if os.path.exists(path):
                self.load(path, job.layer_name() if path in self._new_files else job.label)
        return [note for note in notes if note]

    def load(self, path, name):
        try:
            return load_mbtiles(QgsProject.instance(), path, name)
        except ValueError as exc:
            self.log(reason(exc), error=True)
            return None


def duration(seconds):
    """core.text.duration in the user's language."""
    return duration_text(seconds, (tr("{} h {:02d} min"), tr("{} min"), tr("{} s")))
