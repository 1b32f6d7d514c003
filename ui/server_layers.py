"""What the Géoplateforme layers tab knows of its servers before and after reading them: the servers offered, the
layers users want most (raster, and the vector ones of the TMS service on the same host), and the reading of a
server's layers (in a task, within a deadline someone waits for); the list's lines and what a typed text names."""

import time

from ..core.errors import IgnOfflineError, InputError
from ..core.http import redact_url
from ..core.sources.prepare import fetch_capabilities, fetch_tms_service
from ..core.text import fold_accents
from ..core.vector import styles as vector_styles
from ..core.vector import tms
from ..i18n import marked, tr

# No OpenStreetMap tile server here: its usage policy forbids bulk downloads (core.policies).
SOURCES = (
    "https://data.geopf.fr/wmts",
    "https://data.geopf.fr/private/wmts",
)
# The layers field users want most, first in the list, with titles a person reads.
USUAL_LAYERS = (
    ("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", marked("Plan IGN v2 (the IGN base map)")),
    ("GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR", marked("SCAN 25 Touristique, the 1:25 000 map (account needed)")),
    ("ORTHOIMAGERY.ORTHOPHOTOS", marked("Aerial photographs (orthophotos)")),
    ("CADASTRALPARCELS.PARCELLAIRE_EXPRESS", marked("Cadastral parcels")),
)
# The vector tile layers of the TMS service on the same host (core.vector.tms), listed beside the raster ones.
USUAL_VECTOR_LAYERS = (
    ("PLAN.IGN", marked("Plan IGN, vector tiles (sharp to zoom 19, nine styles)")),
    ("PCI", marked("Cadastre, vector tiles (parcels with their numbers)")),
    ("BDTOPO", marked("BD TOPO, vector tiles")),
    ("ISOHYPSE", marked("Contour lines, vector tiles")),
)
USUAL_VECTOR_HOSTS = ("data.geopf.fr",)  # where those layers are known to be, before the server is read
# The dock's reads of a service (its layers): someone waits for them, so a stalled server is given up within 10 s
# with its reason (a download's own reads, in its task, wait longer).
READ_DEADLINE = 8.0


def vector_text(identifier, title):
    """A vector layer's line in the list: its title, identifier and the styles IGN publishes for it."""
    names = vector_styles.KNOWN_STYLES.get(identifier)
    if names:
        return tr("{} — {} (vector tiles; styles: {})").format(title, identifier, ", ".join(names))
    return tr("{} — {} (vector tiles)").format(title, identifier)


def read_server(endpoint, credentials, deadline=READ_DEADLINE):
    """(WMTS capabilities or None, TMS service or None, [vector TileMapEntry]) of the server field (network: in a
    task). A WMTS address: its capabilities, and the vector layers of the TMS on its host when it has one (a
    host without one lists raster layers only); the TMS service itself: its vector layers. All within about
    `deadline` seconds: someone waits for the list."""
    ends = time.monotonic() + deadline

    def vector_layers(root):
        left = max(1.0, ends - time.monotonic())
        return [e for e in fetch_tms_service(root, timeout=(min(5.0, left), left), credentials=credentials,
                                             deadline=left) if e.is_vector]

    root = tms.service_of(endpoint)
    if tms.is_tms_source(endpoint):
        return None, root, vector_layers(root)
    capabilities = read_capabilities(endpoint, credentials, deadline)
    try:
        vector = vector_layers(root) if root else []
    except IgnOfflineError:
        vector = []  # no TMS there: the WMTS's layers are what the server has
    return capabilities, root, vector


def typed_text(identifier):
    """A typed identifier's line: not known to be the server's until the server is read or the download asks it
    (said as such: the server may not have been reached)."""
    return tr("{} (typed, not checked yet: the download checks it with the server)").format(identifier)


def folded(text):
    return fold_accents(text.lower())


def layer_identifier(shown, items):
    """The layer identifier for the text `shown`, given the list's (text, identifier) items.

    An item's own text gives its identifier; a typed "Title — IDENTIFIER"
    gives the part after the dash; anything else typed is taken as an
    identifier as it is (the algorithm checks it against the capabilities).
    """
    shown = (shown or "").strip()
    for text, identifier in items:
        if identifier and (text.strip() == shown or identifier.lower() == shown.lower()):
            return identifier
    return shown.rsplit(" — ", 1)[-1].strip()


def read_capabilities(endpoint, credentials, deadline=READ_DEADLINE):
    """The server's capabilities, for "Read layers", within `deadline` seconds: when the server cannot be reached,
    one sentence saying so (core's names the address in its reason too, and says nothing was stored: true of a
    download only)."""
    try:
        return fetch_capabilities(endpoint, redact_url(endpoint), timeout=(min(5.0, deadline), deadline),
                                  credentials=credentials, deadline=deadline)
    except InputError as exc:
        said = exc.args[0] if exc.args else None
        if getattr(said, "template", "").startswith("Cannot reach {} ({})") and len(said.args) == 2:
            raise InputError("The layers of {} cannot be read: {}. Check the address and the network.",
                             *said.args) from None
        raise
