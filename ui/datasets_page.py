"""The dock's "IGN datasets" tab: whole IGN datasets (BD TOPO, RGE ALTI, BD ORTHO, Parcellaire Express) for the
départements the dock's area meets, from the Géoplateforme download service.

List first (ign_offline:list_datasets, in the background): the table says, per product and département, the edition,
its files and size and whether the library has it, before anything is fetched. Download (ign_offline:download_dataset,
one run per product) fetches what is new or updated into `<library>/datasets/`. A listing belongs to one area, one
set of products, one library and one service: it is cleared when any of them changes, and Download needs one.
"""

import json
import os
from dataclasses import dataclass

from qgis.core import Qgis
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, QLocale, Qt
from qgis.PyQt.QtWidgets import QHeaderView, QMessageBox, QTableWidgetItem

from ..core import storage
from ..core.datasets import catalogue, sync
from ..core.errors import IgnOfflineError
from ..core.library import plans
from ..core.messages import Size, plural
from ..i18n import number, reason, say, size, tr
from . import settings
from .page import Page
from .runner import Job

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "datasets_page.ui"))

DEFAULT_SERVICE = catalogue.SERVICE_ROOT
NEW, UPDATED, UP_TO_DATE, NOT_AVAILABLE, AVAILABLE = sync.NEW, sync.UPDATED, sync.UP_TO_DATE, sync.NOT_AVAILABLE, \
    sync.AVAILABLE
FAILED, CANCELLED = sync.FAILED, sync.CANCELLED


@dataclass(frozen=True)
class Choice:
    """A product the page offers: its place in the PRODUCTS enum of list_datasets and download_dataset, the
    service's resource id and variant, and its check box."""

    index: int
    product: str
    variant: str
    check: str

    @property
    def key(self):  # as remembered in the settings
        return "/".join(part for part in (self.product, self.variant) if part)


CHOICES = tuple(Choice(index, choice.product, choice.variant or "", choice.check)
                for index, choice in enumerate(catalogue.CHOICES))
DEFAULT_TICKED = tuple(choice.key for choice in catalogue.CHOICES if choice.ticked)


def choice_of(row):
    """The Choice a listed dataset belongs to (its product, and its variant where the product has several)."""
    product, variant = row.get("product", ""), (row.get("variant") or "").upper()
    for choice in CHOICES:
        if choice.product == product and (not choice.variant or choice.variant == variant):
            return choice
    return None


def departement(row):
    """'Haute-Garonne (31)' from zone D031 and its label ('D031 Haute-Garonne' as the service gives it); the number
    alone when there is no name."""
    zone = row.get("zone") or ""
    code = zone[1:] if zone[:1] == "D" else zone
    code = code[1:] if len(code) == 3 and code.startswith("0") else code  # D031 → 31, D02A → 2A, D971 → 971
    words = (row.get("zone_name") or "").split()
    name = " ".join(words[1:] if words and words[0] == zone else words)
    return "{} ({})".format(name, code) if name and name not in (code, zone) else code


def status_text(status):
    return {NEW: tr("new"), UPDATED: tr("update available"), UP_TO_DATE: tr("up to date"),
            NOT_AVAILABLE: tr("not published here"), AVAILABLE: tr("available"), FAILED: tr("⚠ failed"),
            CANCELLED: tr("cancelled")}.get(status, status)


def zone_key(row):
    """A listed dataset's (product, variant, zone), as ZONES of download_dataset says it too."""
    return row.get("product", ""), (row.get("variant") or "").upper(), row.get("zone", "")


def zone_outcomes(results):
    """{zone_key: status} from the ZONES output of a download_dataset run (empty when it has none)."""
    try:
        zones = json.loads(results.get("ZONES") or "[]")
    except ValueError:
        return {}
    return {zone_key(zone): zone.get("status") for zone in zones if isinstance(zone, dict)} \
        if isinstance(zones, list) else {}


def fetch_bytes(row):
    """What downloading the row fetches (an update may keep volumes it already has)."""
    if row.get("status") in (UP_TO_DATE, NOT_AVAILABLE):
        return 0
    return row.get("fetch_bytes", row.get("bytes")) or 0


def to_fetch(rows):
    return [row for row in rows if row.get("status") not in (UP_TO_DATE, NOT_AVAILABLE)]


def space_needed(rows):
    """Bytes the download writes, archives and what they extract to (as core.datasets.sync reckons it)."""
    return int(sum(fetch_bytes(row) * (1 + sync.EXPANSION.get(row.get("product"), sync.DEFAULT_EXPANSION))
                   for row in rows))


class ProductJob(Job):
    """A download_dataset run of one product (its Choice)."""

    def __init__(self, choice, parameters, label, area):
        super().__init__("ign_offline:download_dataset", parameters, label, area)
        self.choice = choice


class DatasetsPage(Page, FORM_CLASS):
    RUN_BUTTONS = ("listButton", "downloadButton", "addToPlanButton")

    def __init__(self, area_picker, library, iface, parent=None):
        super().__init__(area_picker, library, iface, parent)
        self.rows = []  # the listing shown: the DATASETS of list_datasets
        self.listed_for = None  # what the listing was made for (area, products, library, service); None: no listing
        self.asked_for = None  # what the listing under way was asked for
        self.ask = self._ask_large  # replaced by tests
        # Where the plan is chosen and shown (`plan_path()`, `show_plan_file(path)`): the library page's, given by
        # the dock (`use_plan`).
        self.plan_path = self.show_plan_file = None
        self.closed = False
        header = self.datasetsTable.horizontalHeader()
        # Every column as wide as what it shows, the département's taking what the dock's width leaves: at the
        # default width nothing is cut off (the full name is in its tooltip).
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.datasetsTable.fontMetrics().horizontalAdvance("…") + 4)  # it gives way
        self.serviceEdit.setText(DEFAULT_SERVICE)
        self.serviceEdit.setPlaceholderText(DEFAULT_SERVICE)
        self.hillshadeCheck.setChecked(True)
        self.clipCheck.setChecked(True)
        self.loadCheck.setChecked(True)
        self.remember({settings.DATASETS_SERVICE: self.serviceEdit,
                       settings.DATASETS_KEEP_ARCHIVES: self.keepArchivesCheck,
                       settings.DATASETS_CLIP: self.clipCheck, settings.DATASETS_HILLSHADE: self.hillshadeCheck,
                       settings.DATASETS_SLOPE: self.slopeCheck, settings.DATASETS_CONTOURS: self.contoursCheck,
                       settings.DATASETS_CONTOUR_INTERVAL: self.contourSpin, settings.DATASETS_LOAD: self.loadCheck})
        ticked = settings.json_value(settings.DATASETS_PRODUCTS, list(DEFAULT_TICKED))
        for choice in CHOICES:
            check = self.check(choice)
            check.setChecked(choice.key in ticked)
            check.toggled.connect(self._products_changed)
        self.contourSpin.setEnabled(self.contoursCheck.isChecked())
        self.contoursCheck.toggled.connect(self.contourSpin.setEnabled)
        self.listButton.clicked.connect(self.list_datasets)
        self.downloadButton.clicked.connect(self.download)
        self.addToPlanButton.clicked.connect(self.add_to_plan)
        self.openFolderButton.clicked.connect(self.open_datasets_folder)
        self.serviceEdit.textChanged.connect(self._maybe_stale)
        self.area_picker.selectionChanged.connect(self._maybe_stale)
        library.changed.connect(self._maybe_stale)
        self.clear_listing()

    # -- choices ---------------------------------------------------------------------------------------------------

    def check(self, choice):
        return getattr(self, choice.check)

    def ticked(self):
        return [choice for choice in CHOICES if self.check(choice).isChecked()]

    def title(self, choice):
        """The product as its check box says it ("BD TOPO", "RGE ALTI 5 m"; what it is in the box's tooltip)."""
        return self.check(choice).text()

    short_title = title  # the table's and the log's name of it

    def service(self):
        return self.serviceEdit.text().strip() or DEFAULT_SERVICE

    def datasets_folder(self):
        return os.path.join(self.library_folder(), "datasets")

    def _products_changed(self, *_):
        settings.store_json(settings.DATASETS_PRODUCTS, [choice.key for choice in self.ticked()])
        self._maybe_stale()

    def request(self):
        """What a listing is made for: the area (its name, box and polygons), the products, the library and the
        service. Raises IgnOfflineError when the area cannot be read (no polygon layer, nothing drawn)."""
        area = self.area_picker.current_area()
        polygons = getattr(area.polygons, "parts", None)
        return (area.key, area.title, area.bbox, repr(polygons), tuple(c.index for c in self.ticked()),
                os.path.abspath(self.library_folder()), self.service())

    def _current_request(self):
        try:
            return self.request()
        except IgnOfflineError:
            return None

    def _maybe_stale(self, *_):
        """The listing is cleared when what it was made for changes (a zoom change alone keeps it)."""
        if self.listed_for is not None and self._current_request() != self.listed_for:
            self.clear_listing()

    # -- the listing -----------------------------------------------------------------------------------------------

    def clear_listing(self):
        self.rows, self.listed_for = [], None
        self.datasetsTable.setRowCount(0)
        self.totalLabel.setText(tr("Tick products, then list them for the area."))
        self.warningLabel.setText("")
        self.warningLabel.setVisible(False)
        self._update_buttons()

    def _update_buttons(self):
        idle = not self.runner.busy
        listed = any(row.get("status") != NOT_AVAILABLE for row in self.rows)
        self.downloadButton.setEnabled(idle and self.listed_for is not None and listed)
        self.downloadButton.setToolTip(
            tr("Fetch what the listing says is new or updated, check it, extract it into the library")
            if self.listed_for is not None else tr("List the datasets for this area first"))

    def common_parameters(self):
        """The area, products, service and library of both algorithms."""
        area = self.area_picker.current_area()
        parameters = dict(self.area_picker.area_parameters(), AREA_TITLE=area.title,
                          PRODUCTS=[choice.index for choice in self.ticked()], SERVICE=self.service(),
                          LIBRARY=self.library_folder())
        return parameters

    def list_datasets(self):
        if self.runner.busy:
            return
        try:
            if not self.ticked():
                raise ValueError(tr("Tick at least one product to list."))
            parameters, self.asked_for = self.common_parameters(), self.request()
        except (ValueError, IgnOfflineError) as exc:
            self.start(reason(exc), error=True)
            return
        self.clear_listing()
        self.runner.start([Job("ign_offline:list_datasets", parameters, tr("The listing"))], lambda *done: None,
                          self._listed)
        self._update_buttons()

    def _listed(self, outcomes, cancelled):
        if self.closed:
            return
        job, ok, results = outcomes[-1]
        if cancelled:
            self.log(tr("Listing cancelled."))
        elif not ok:
            self.runner.report_failure(tr("The listing"))
        elif self.asked_for != self._current_request():
            self.log(tr("The area, products or library changed during the listing: list again."), error=True)
        else:
            try:
                rows = json.loads(results.get("DATASETS") or "[]")
            except ValueError:
                rows = None
            if not isinstance(rows, list):
                self.log(tr("The listing could not be read: list again."), error=True)
            else:
                self.show_listing(rows, self.asked_for)
        self._update_buttons()

    def show_listing(self, rows, request):
        self.rows, self.listed_for = rows, request
        self.datasetsTable.setRowCount(len(rows))
        for index, row in enumerate(rows):
            choice = choice_of(row)
            published = row.get("status") != NOT_AVAILABLE
            values = (self.short_title(choice) if choice else row.get("product", ""), departement(row),
                      self.edition_date(row.get("date")), number(row.get("files") or 0) if published else "",
                      size(row.get("bytes") or 0) if published else "", status_text(row.get("status")))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(row.get("edition") or (self.title(choice) if choice and column == 0 else text))
                if column == 1:  # its name is cut when the dock is narrow: whole in its tooltip
                    item.setToolTip("\n".join(filter(None, (text, row.get("edition")))))
                if column in (3, 4):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.datasetsTable.setItem(index, column, item)
        self.totalLabel.setText(self.total_text(rows))
        warning = self.warning(rows)
        self.warningLabel.setText(warning or "")
        self.warningLabel.setVisible(bool(warning))
        self._update_buttons()

    @staticmethod
    def edition_date(text):
        date = QDate.fromString(text or "", Qt.ISODate)
        return QLocale().toString(date, QLocale.ShortFormat) if date.isValid() else (text or "")

    @staticmethod
    def total_text(rows):
        listed = [row for row in rows if row.get("status") != NOT_AVAILABLE]
        if not listed:
            return tr("The service lists no edition of these products for this area.")
        whole = Size(sum(row.get("bytes") or 0 for row in listed))
        fetch = to_fetch(listed)
        if not fetch:
            return say(plural(len(listed), "Total: {:,} dataset, {}, up to date in the library: nothing to "
                              "download.", "Total: {:,} datasets, {}, all up to date in the library: nothing to "
                              "download.", len(listed), whole))
        return say(plural(len(listed), "Total: {:,} dataset, {}; to download: {} ({}).",
                          "Total: {:,} datasets, {}; to download: {} ({}).",
                          len(listed), whole, Size(sum(fetch_bytes(row) for row in fetch)),
                          plural(len(fetch), "{:,} dataset new or updated", "{:,} datasets new or updated",
                                 len(fetch))))

    def space_problem(self, rows):
        """Why the library's disk cannot hold the download with its extraction (download_dataset refuses it,
        confirmed or not: core.datasets.sync.check_space), or None."""
        needed, free = space_needed(rows), storage.free_bytes(self.library_folder())
        if needed <= free:
            return None
        return say("The download ({}) needs about {} with its extraction, more than the {} free on the disk holding "
                   "{}: free some space, untick products or choose another library folder.",
                   Size(sum(fetch_bytes(row) for row in rows)), Size(needed), Size(free),
                   storage.nearest_existing(self.library_folder()))

    @staticmethod
    def large(rows):
        """Why the download needs the user's confirmation (over core.datasets.sync.LARGE_DOWNLOAD_BYTES to fetch:
        BD ORTHO), or None."""
        fetch = sum(fetch_bytes(row) for row in rows)
        if fetch <= sync.LARGE_DOWNLOAD_BYTES:
            return None
        return say("This is a very large download ({}; about {} with its extraction): BD ORTHO weighs tens of GB per "
                   "département. Untick it or reduce the area unless you mean it.", Size(fetch),
                   Size(space_needed(rows)))

    def warning(self, rows):
        """The sentence shown under the total: the disk cannot hold it, or it is very large; None otherwise."""
        return self.space_problem(rows) or self.large(rows)

    # -- the download ------------------------------------------------------------------------------------------------

    def options(self):
        return {"KEEP_ARCHIVES": self.keepArchivesCheck.isChecked(), "CLIP": self.clipCheck.isChecked(),
                "HILLSHADE": self.hillshadeCheck.isChecked(), "SLOPE": self.slopeCheck.isChecked(),
                "CONTOUR_INTERVAL": self.contourSpin.value() if self.contoursCheck.isChecked() else 0,
                "LOAD": self.loadCheck.isChecked()}

    def jobs(self):
        """One download_dataset run per ticked product the listing has an edition of."""
        listed = {choice_of(row) for row in self.rows if row.get("status") != NOT_AVAILABLE}
        area = self.area_picker.current_area()
        jobs = []
        for choice in self.ticked():
            if choice in listed:
                parameters = dict(self.common_parameters(), PRODUCTS=[choice.index], **self.options())
                jobs.append(ProductJob(choice, parameters, self.title(choice), area.title))
        return jobs

    def _ask_large(self, text):
        answer = QMessageBox.question(self, tr("A very large download"), say("{} Start it all the same?", text),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def download(self):
        if self.runner.busy or self.listed_for is None:
            return
        if self._current_request() != self.listed_for:  # changed without a signal (a polygon edited): list again
            self.clear_listing()
            self.start(tr("The area changed since the listing: list again."), error=True)
            return
        try:
            jobs = self.jobs()
        except IgnOfflineError as exc:
            self.start(reason(exc), error=True)
            return
        problem, large = self.space_problem(self.rows), self.large(self.rows)
        if problem:  # refused by download_dataset too: said before anything starts
            self.start(problem, error=True)
            return
        if large:
            if not self.ask(large):
                self.start(tr("Nothing started: untick products or reduce the area."))
                return
            for job in jobs:
                job.parameters["ALLOW_LARGE"] = True
        self.runner.start(jobs, self._downloaded_one, self._downloaded_all)
        self._update_buttons()

    def _downloaded_one(self, job, ok, results):
        """Each département's row of the product as the run's ZONES says it ended: in the library, up to date,
        failed or cancelled (the run said each on its line). A failed or cancelled one stays to fetch: Download
        offers it again. A run that failed as a whole (its reason is in the log) leaves what it was to fetch
        failed."""
        rows = [row for row in self.rows if choice_of(row) == job.choice and row.get("status") != NOT_AVAILABLE]
        if not ok:
            if not self.runner.run.cancelled:  # a cancelled one is still to fetch, as listed
                for row in to_fetch(rows):
                    row["status"] = FAILED
            return
        outcomes = zone_outcomes(results)
        for row in rows:
            status = outcomes.get(zone_key(row))
            if status is None:  # not in the run's own listing: as it was
                continue
            # Each département's outcome was said by the run itself (core.datasets.sync), with its reason when it
            # failed: the page only sets the row.
            if status == FAILED:
                row["status"] = FAILED
            elif status != CANCELLED:  # a cancelled one keeps its listed status: still to fetch
                row["status"], row["fetch_bytes"] = UP_TO_DATE, 0

    def failed_text(self):
        """One line naming the datasets that failed, or None."""
        failed = [row for row in self.rows if row.get("status") == FAILED]
        if not failed:
            return None
        names = ", ".join("{} — {}".format(self.short_title(choice_of(row)) if choice_of(row) else row.get(
            "product", ""), departement(row)) for row in failed)
        return say(plural(len(failed), "{:,} dataset failed: {} (the log says why); Download tries it again.",
                          "{:,} datasets failed: {} (the log says why); Download tries them again.", len(failed),
                          names))

    def _downloaded_all(self, outcomes, cancelled):
        if self.closed:
            return
        if self.listed_for is not None:  # not cleared meanwhile: its statuses as they are now
            self.show_listing(self.rows, self.listed_for)
        what = tr("The download")
        done = [results for _, ok, results in outcomes if ok]
        files = sum(results.get("FILES_DOWNLOADED") or 0 for results in done)
        fetched = sum(results.get("BYTES_DOWNLOADED") or 0 for results in done)
        downloaded = say(plural(files, "Datasets: {:,} file downloaded ({}) into {}.",
                                "Datasets: {:,} files downloaded ({}) into {}.", files, Size(fetched),
                                self.datasets_folder()))
        failed = self.failed_text() if self.listed_for is not None else None
        if cancelled:
            self.runner.report_cancel(what)
        elif len(done) < len(outcomes):
            self.runner.report_failure(what)
        elif failed:  # some départements failed in runs that went on with the others
            if files:
                self.log(downloaded)
            self.runner.report(failed, Qgis.Warning, self.datasets_folder())
        elif not files:
            self.runner.report(tr("Datasets up to date: nothing changed on the service since the last download."),
                               Qgis.Info, self.datasets_folder())
        else:
            self.runner.report(downloaded, Qgis.Success, self.datasets_folder())
        self._update_buttons()

    # -- the plan ------------------------------------------------------------------------------------------------

    def use_plan(self, plan_path, show_plan_file):
        self.plan_path, self.show_plan_file = plan_path, show_plan_file

    def add_to_plan(self):
        """The ticked products over the dock's area become dataset entries of the library's plan (the one chosen
        on the library tab, else `<library>/plan.json`)."""
        self.runner.start_fresh()
        try:
            if not self.ticked():
                raise ValueError(tr("Tick at least one product to add to the plan."))
            path = self.plan_path()
            document = plans.read_document(path)
            area = plans.entry_area(self.area_picker.current_area(), self.library_folder(), path)
            entries = [self.plan_entry(choice, area) for choice in self.ticked()]
            document, added = plans.add_entries(document, entries)
            if added:
                plans.save_document(document, path)
        except (IgnOfflineError, ValueError) as exc:
            self.log(reason(exc), error=True)
            return
        if not added:
            self.log(tr("Already in the plan: nothing added."))
            return
        self.log(say(plural(added, "{} entry added to the plan {}.", "{} entries added to the plan {}.", added,
                            path)))
        self.show_plan_file(path)  # the library tab shows it

    def plan_entry(self, choice, area):
        """The plan's JSON entry of `choice` over `area`, with the page's options where they differ from a plan's
        defaults (core.library.plans.DatasetEntry): clipping and the archives for every product, the relief's
        options for RGE ALTI alone (they mean nothing to the others)."""
        options = self.options()
        relief = choice.product == "RGEALTI"
        entry = plans.make_dataset_entry(choice.product, choice.variant or None, area, clip=options["CLIP"],
                                         contours=(options["CONTOUR_INTERVAL"] or None) if relief else None)
        named = (("hillshade", True), ("slope", True)) if relief else ()
        for name, default in named + (("keep_archives", False),):
            if options[name.upper()] != default:
                entry[name] = options[name.upper()]
        if self.service().rstrip("/") != DEFAULT_SERVICE:
            entry["service"] = self.service()
        return entry

    # -- the folder --------------------------------------------------------------------------------------------

    def open_datasets_folder(self):
        folder = self.datasets_folder()
        if self.runner.opened(folder) is False:
            self.log(say("No file manager could be opened: the datasets are in {}", folder), error=True)

    def cleanup(self):
        self.closed = True
        self.area_picker.selectionChanged.disconnect(self._maybe_stale)
        super().cleanup()
