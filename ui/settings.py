"""What the dock remembers across QGIS restarts (QgsSettings, under ign_offline/dock/).

`remember(widget, key)` restores a widget's value, then saves every change: the dock's state is the user's,
not something to set again after each restart. Never a secret: an account is remembered by its
authentication configuration id, the secret stays in the QGIS authentication database.
"""

import json
import os
from urllib.parse import parse_qsl, urlsplit

from qgis.core import QgsSettings
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QTabWidget

from ..core.http import SECRET_PARAMETERS, redact_url

PREFIX = "ign_offline/dock/"

# Every key the dock remembers (under PREFIX), by who remembers it. Names a user's settings file already holds:
# never renamed (a renamed key forgets the user's choice).
# The dock: the library folder, the page shown.
LIBRARY, PAGE = "library", "page"
# The area picker: the area chosen, the typed box, the zooms, the drawn rectangle, the saved areas, the overview box.
AREA, WEST, SOUTH, EAST, NORTH = "area", "west", "south", "east", "north"
ZOOM_MIN, ZOOM_MAX, DRAWN, AREAS, OVERVIEW = "zoom_min", "zoom_max", "drawn", "areas", "overview"
# The polygon layer chosen as the area: its id, name and project (chosen again when that project is opened).
AREA_LAYER = "area_layer"
# Géoplateforme layers: the server (read by the overview too), pace, account, the layers ticked.
SOURCE, CONCURRENCY, MAX_RATE, ACCOUNT, LAYERS = "source", "concurrency", "max_rate", "account", "layers"
# Orthophotos, MNS (FTP).
FTP_HOST, FTP_PORT, FTP_CONNECTIONS = "ftp_host", "ftp_port", "ftp_connections"
# IGN datasets.
DATASETS_SERVICE, DATASETS_PRODUCTS = "datasets_service", "datasets_products"
DATASETS_KEEP_ARCHIVES, DATASETS_CLIP, DATASETS_LOAD = "datasets_keep_archives", "datasets_clip", "datasets_load"
DATASETS_HILLSHADE, DATASETS_SLOPE = "datasets_hillshade", "datasets_slope"
DATASETS_CONTOURS, DATASETS_CONTOUR_INTERVAL = "datasets_contours", "datasets_contour_interval"
# QGIS cache, My library (AUTO_REFRESH: the user's consent to the refresh at QGIS start; off unless set).
CACHE, PLAN, AUTO_REFRESH = "cache", "plan", "auto_refresh"
# Field.
FIELD_TARGET, FIELD_ALL, FIELD_CAP_MB, FIELD_FORMAT = "field_target", "field_all", "field_cap_mb", "field_format"
FIELD_CAP, FIELD_FILES, FIELD_VERIFY = "field_cap", "field_files", "field_verify"
# The offline project folders the user made or synced: the Field page's device copies, with the exports.
FIELD_FOLDERS = "field_folders"


def value(key, default=None):
    return QgsSettings().value(PREFIX + key, default)


def flag(key):
    """A check box's setting as a bool (False when never set)."""
    return str(value(key, False)).lower() in ("true", "1")


def store(key, data):
    QgsSettings().setValue(PREFIX + key, data)


def without_secret(text):
    """`text` as it may be remembered: a server address without its key (`?apikey=…`), which would otherwise sit
    in QGIS's settings file in clear; anything else as it is."""
    parts = urlsplit(text or "")
    if any(name.lower() in SECRET_PARAMETERS for name, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return redact_url(text)
    return text


def json_value(key, default):
    try:
        return json.loads(value(key, "") or "null") or default
    except ValueError:
        return default


def store_json(key, data):
    store(key, json.dumps(data))


def field_folders():
    """The offline project folders remembered (FIELD_FOLDERS), in the order they were added."""
    return [path for path in json_value(FIELD_FOLDERS, []) if isinstance(path, str)]


def remember_field_folder(folder):
    """Remember an offline project folder the user made or synced (once)."""
    folder = os.path.abspath(folder)
    kept = field_folders()
    if folder not in kept:
        store_json(FIELD_FOLDERS, kept + [folder])


def remember(widget, key):
    """Restore `widget` from the setting `key` (when there is one), then keep the setting in step with it."""
    saved = value(key)
    if isinstance(widget, QgsFileWidget):
        if saved:
            widget.setFilePath(saved)
        widget.fileChanged.connect(lambda path: store(key, path))
    elif isinstance(widget, QgsAuthConfigSelect):
        if saved:
            widget.setConfigId(saved)
        widget.selectedConfigIdChanged.connect(lambda config_id: store(key, config_id))
    elif isinstance(widget, QComboBox) and widget.isEditable():
        if saved:
            widget.setEditText(saved)
        widget.editTextChanged.connect(lambda text: store(key, without_secret(text)))
    elif isinstance(widget, QComboBox):
        index = widget.findData(saved) if saved is not None else -1
        if index >= 0:
            widget.setCurrentIndex(index)
        widget.currentIndexChanged.connect(lambda index: store(key, widget.itemData(index)))
    elif isinstance(widget, QAbstractSpinBox):
        if saved not in (None, ""):
            widget.setValue(type(widget.value())(saved))
        widget.valueChanged.connect(lambda number: store(key, number))
    elif isinstance(widget, QCheckBox):
        if saved is not None:
            widget.setChecked(str(saved).lower() in ("true", "1"))
        widget.toggled.connect(lambda checked: store(key, checked))
    elif isinstance(widget, QLineEdit):
        if saved:
            widget.setText(saved)
        widget.textChanged.connect(lambda text: store(key, text))
    elif isinstance(widget, QTabWidget):
        if saved not in (None, ""):
            widget.setCurrentIndex(int(saved))
        widget.currentChanged.connect(lambda index: store(key, index))
    else:
        raise TypeError("cannot remember a {}".format(type(widget).__name__))
