"""The overview basemap under the area picker's box "Overview basemap": Plan IGN v2, from the library when it holds
it, else from the server typed in the Download tab (its setting, read only), as XYZ requests of WMTS tiles (no
capabilities to read on the main thread). Put back as it was left when QGIS starts (settings key of the dock:
overview), without making the blank project "modified".
"""

import os

import requests
from qgis.core import QgsDataSourceUri, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer

from ..core import naming
from ..core.http import redact_url, unreachable_reason, user_agent
from ..core.sources import wmts
from ..core.sources.url_templates import is_xyz_template
from ..core.tiles.bodies import image_kind
from ..i18n import tr
from ..toolbelt.helper_layers import ROLE as HELPER_ROLE
from ..toolbelt.helper_layers import helper_layers
from ..toolbelt.layer_tree import BasemapLegend
from ..toolbelt.sidecars import inputs_left_alone
from . import settings
from .background import cancel_task, run_function

OVERVIEW_LAYER = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
OVERVIEW_SERVER = "https://data.geopf.fr/wmts"
OVERVIEW_TILES = ("SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + OVERVIEW_LAYER + "&STYLE=normal"
                  "&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILECOL={x}&TILEROW={y}")


def overview_url(server):
    """The XYZ template of the overview from `server` (the Download tab's: a WMTS endpoint, its capabilities
    URL, or an XYZ template, then drawn as it is)."""
    server = (server or "").strip() or OVERVIEW_SERVER
    if is_xyz_template(server):
        return server
    # Plan IGN is public: the Géoplateforme's private endpoint would want the account, the public one not.
    endpoint = wmts.endpoint_of(server).split("?")[0].replace("data.geopf.fr/private/", "data.geopf.fr/")
    return endpoint + "?" + OVERVIEW_TILES


def overview_xyz(server):
    """The QGIS data source (XYZ) of the overview from `server`."""
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", overview_url(server))
    uri.setParam("zmin", "0")
    uri.setParam("zmax", "19")
    return bytes(uri.encodedUri()).decode()


def fetch_first_tile(template):
    """Raise OSError unless the server of `template` answers its zoom-0 tile with an image (in a task: network)."""
    url = wmts.XyzSource(template, "image/png", True).tile_url(0, 0, 0)
    try:
        response = requests.get(url, timeout=(5, 10), headers={"User-Agent": user_agent()})
    except requests.RequestException as exc:
        raise OSError(unreachable_reason(exc)) from None
    if response.status_code != 200 or image_kind(response.content) is None:
        raise OSError("HTTP {}".format(response.status_code))


def when_started(call):
    """`call()` once QGIS has finished starting: a layer added while it starts (its main window not shown yet)
    makes its blank project "modified", and QGIS then stops on "save the current project?" before anything else.
    QGIS processes events while it starts: a deferred call alone may run too early. When the plugin is loaded
    in a running QGIS (enabled, reloaded, a test), soon after."""
    from qgis import utils

    iface = getattr(utils, "iface", None)
    window = iface.mainWindow() if iface is not None and hasattr(iface, "initializationCompleted") else None
    if window is not None and not window.isVisible():
        def once():
            iface.initializationCompleted.disconnect(once)
            QTimer.singleShot(0, call)  # after whatever else follows the start

        iface.initializationCompleted.connect(once)
    else:
        QTimer.singleShot(0, call)


class OverviewBasemap:
    """The overview layer the box `check` shows, and what stops it from showing said in `label`.
    `library_folder()`: the dock's library folder, where the basemap is looked for first."""

    def __init__(self, check, label, library_folder):
        self.check = check
        self.label = label
        self.library_folder = library_folder
        self.layer_id = None
        self.server_check = None  # the task asking the overview's server for a tile
        self._restored = False
        self._cleaned = False
        check.toggled.connect(self.show)

    def restore(self):
        """At start, once the dock's library folder is restored: as it was left (once)."""
        if not self._restored:
            self._restored = True
            if self.check.isChecked():
                when_started(self._restore)

    def source(self):
        """(uri, provider): the library's Plan IGN when it holds it, else the server typed in the Download tab."""
        path = naming.library_file(self.library_folder(), OVERVIEW_LAYER)
        return (path, "gdal") if os.path.isfile(path) else (overview_xyz(settings.value(settings.SOURCE)), "wms")

    def _restore(self):
        """The overview as it was left (box ticked): not a change of the user's, so the project stays as clean as
        it was (no "save the project?" on quit, or when QGIS starts, for a basemap the plugin put back)."""
        if self._cleaned or not self.check.isChecked():
            return  # cleaned up, or unticked meanwhile
        project = QgsProject.instance()
        clean = not project.isDirty()
        self.show(True)
        if clean:  # QGIS reacts to a first layer in its own time too (the project's CRS…): after that as well
            project.setDirty(False)
            QTimer.singleShot(0, lambda: project.setDirty(False))

    def _say(self, text):
        self.label.setText(text)
        self.label.setVisible(bool(text))

    def show(self, on):
        project = QgsProject.instance()
        present = project.mapLayer(self.layer_id) if self.layer_id else None
        if present is None:  # one the project already holds (saved with it): not a second one
            present = next(iter(helper_layers(project, "overview")), None)
        self._say("")
        if not on:
            if present is not None:
                project.removeMapLayer(present.id())
            self.layer_id = None
            return
        if present is None:
            uri, provider = self.source()
            with inputs_left_alone():  # the library's Plan IGN, only read
                present = QgsRasterLayer(uri, tr("Overview: Plan IGN v2"), provider)
            if not present.isValid():
                self._say(tr("The overview basemap cannot be opened ({}): untick it, or download Plan IGN "
                             "v2 into the library.").format(uri if provider == "gdal" else redact_url(uri)))
                return
            present.setCustomProperty(HELPER_ROLE, "overview")
            project.addMapLayer(present, False)
            project.layerTreeRoot().addLayer(present)  # at the bottom: under everything else
        present.setLegend(BasemapLegend())  # one legend line: its colour bands mean nothing to a reader
        self.layer_id = present.id()
        if present.providerType() == "wms":
            self._check_server(present.id())

    def _check_server(self, layer_id):
        """Ask the overview's server for one tile, in a task: QGIS draws a basemap whose server does not answer
        as a blank, and says nothing; the dock says it under the box."""
        cancel_task(self.server_check)
        template = overview_url(settings.value(settings.SOURCE))

        def failed(reason):
            if self.layer_id == layer_id:  # still the one shown
                self._say(tr("The overview basemap cannot be drawn: {} does not answer ({}). Check the "
                             "network, or download Plan IGN v2 into the library to see it offline.").format(
                    redact_url(template.split("?")[0]), reason))

        self.server_check = run_function(tr("Overview basemap"), lambda task: fetch_first_tile(template),
                                         lambda value: None, failed)

    def cleanup(self):
        """Its server check cancelled; a restore still waiting for QGIS's start does nothing."""
        self._cleaned = True
        cancel_task(self.server_check)
