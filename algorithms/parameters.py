"""The Processing parameter blocks the algorithms share, and their reading into plain values.

Areas (AREA, EXTENT, AREA_LAYER) and zooms, the large-job confirmation (ALLOW_LARGE), the tile source (SOURCE,
LAYER, STYLE, FORMAT, AUTHCFG, API_KEY) and pace (CONCURRENCY, MAX_RATE), the FTP server (HOST, PORT, USER,
AUTHCFG). The QGIS work behind them (areas from features, auth configurations) is in toolbelt/.
"""

import contextlib
import dataclasses

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsSettings,
)

from ..core import storage
from ..core.datasets.catalogue import CHOICES, SERVICE_ROOT
from ..core.download.engine import DownloadOptions
from ..core.download.estimate import measured_tile_bytes
from ..core.errors import InputError
from ..core.ftp.client import DEFAULT_HOST, DOCK_FIELDS, PARAMETER_FIELDS, FtpServer, check_host
from ..core.http import redact_url, user_agent
from ..core.messages import Message
from ..core.sources import policies
from ..core.sources.accounts import Credentials
from ..core.tiles import areas
from ..core.tiles import grid as tiles
from ..toolbelt.areas import WGS84, area_from_features, check_polygons, extent_area
from ..toolbelt.auth import credentials_of, load_config, login_of
from ..toolbelt.sidecars import inputs_left_alone

AREA = "AREA"
EXTENT = "EXTENT"
AREA_LAYER = "AREA_LAYER"
ALLOW_LARGE = "ALLOW_LARGE"
ZOOM_MIN = "ZOOM_MIN"
ZOOM_MAX = "ZOOM_MAX"
AUTHCFG = "AUTHCFG"
AREA_TITLE = "AREA_TITLE"
DEFAULT_SOURCE = "https://data.geopf.fr/wmts"
CONTACT_SETTING = "ign_offline/contact"


def explained(parameter, text):
    """`parameter` with `text` (translated) as its help. QGIS 3.22's toolbox does not wrap a label: a long one
    widens the parameter panel past the dialog, its end reached only by scrolling sideways. So labels stay short
    and their detail goes here, which the dialog shows as the label's tooltip."""
    parameter.setHelp(text)
    return parameter


KEPT_OUT = "***"  # what Processing writes out for a secret


def _same_as(made, parameter):
    """`made`, a new parameter of `parameter`'s Python class, given its flags and help: what a clone() of ours
    returns (QGIS copies parameters; a copy of QGIS's own class would lose the override)."""
    made.setFlags(parameter.flags())
    made.setHelp(parameter.help())
    return made


class _Text(QgsProcessingParameterString):
    def clone(self):
        return _same_as(type(self)(self.name(), self.description(), self.defaultValue(), self.multiLine()), self)


class SecretText(_Text):
    """A secret typed as a string (API_KEY): *** wherever QGIS writes a value out as Python — the toolbox's log
    ("Input parameters", which users copy into bug reports), Processing's history, a model, a script."""

    def valueAsPythonString(self, value, context):  # noqa: N802 (QGIS API name)
        if isinstance(value, str) and value.strip():
            return repr(KEPT_OUT)
        return super().valueAsPythonString(value, context)


class UrlText(_Text):
    """A URL (SOURCE, SERVICE, HOST, REDIS_URL): written out without its secret query parameters (?apikey=…) and
    its user:password@, as SecretText."""

    def valueAsPythonString(self, value, context):  # noqa: N802 (QGIS API name)
        if isinstance(value, str) and "://" in value:
            value = redact_url(value)
        return super().valueAsPythonString(value, context)


class RasterInput(QgsProcessingParameterRasterLayer):
    """A raster layer or file parameter whose check, when it loads a file as a layer, leaves no `.aux.xml` beside
    the file (toolbelt.sidecars). qgis_process runs this check itself, before the algorithm is called."""

    def checkValueIsAcceptable(self, value, context=None):  # noqa: N802 (QGIS API name)
        with inputs_left_alone():
            return super().checkValueIsAcceptable(value, context)

    def clone(self):
        return _same_as(RasterInput(self.name(), self.description(), self.defaultValue()), self)


# Areas and zooms

def add_area_parameters(algorithm, polygon_layer=False):
    algorithm.addParameter(explained(QgsProcessingParameterString(
        AREA, algorithm.tr("Preset area"), defaultValue="", optional=True),
        algorithm.say("One of: {}.", ", ".join(areas.PRESETS))))
    algorithm.addParameter(QgsProcessingParameterExtent(
        EXTENT, algorithm.tr("…or an extent (any CRS)"), optional=True))
    if polygon_layer:
        algorithm.addParameter(explained(QgsProcessingParameterFeatureSource(
            AREA_LAYER, algorithm.tr("…or a polygon layer"), [QgsProcessing.TypeVectorPolygon], optional=True),
            algorithm.tr("Any CRS; only the tiles meeting its polygons are taken.")))
    # What the dock calls the area ("Typed area"), so that the log names it as the layer it loads does: hidden.
    title = QgsProcessingParameterString(AREA_TITLE, algorithm.tr("Title of the area"), optional=True)
    title.setFlags(title.flags() | QgsProcessingParameterDefinition.FlagHidden)
    algorithm.addParameter(title)


def add_zoom_parameters(algorithm, zoom_min=8, zoom_max=16):
    # No min/max on the parameters themselves: core.tiles.check_zoom_range
    # says what is wrong more clearly than the generic Processing message.
    algorithm.addParameter(QgsProcessingParameterNumber(
        ZOOM_MIN, algorithm.tr("Minimum zoom (0-22)"),
        type=QgsProcessingParameterNumber.Integer, defaultValue=zoom_min))
    algorithm.addParameter(QgsProcessingParameterNumber(
        ZOOM_MAX, algorithm.tr("Maximum zoom (0-22)"),
        type=QgsProcessingParameterNumber.Integer, defaultValue=zoom_max))


def _given(parameters, name):
    value = parameters.get(name)
    return value is not None and str(value).strip() != ""


def area_from_parameters(algorithm, parameters, context, feedback=None):
    """The core Area named by AREA, drawn by EXTENT (converted to lon/lat) or made of AREA_LAYER's polygons; titled
    AREA_TITLE when given (the dock's name for it), else as core titles it (translated where said)."""
    area = _area_from_parameters(algorithm, parameters, context, feedback)
    title = parameters.get(AREA_TITLE)
    if title and str(title).strip() and area.key not in areas.PRESETS:
        area = dataclasses.replace(area, title=str(title).strip())
    return area


def _area_from_parameters(algorithm, parameters, context, feedback=None):
    given = [name for name in (AREA, EXTENT, AREA_LAYER) if _given(parameters, name)]
    if len(given) > 1:
        raise InputError("Give one area only: {} were all given.", " and ".join(given))
    if given == [AREA]:
        return areas.preset(algorithm.parameterAsString(parameters, AREA, context))
    if given == [AREA_LAYER]:
        return polygon_layer_area(algorithm, parameters, context)
    if not given:
        raise InputError("Give an AREA ({}), an EXTENT or an AREA_LAYER of polygons.", ", ".join(areas.PRESETS))
    rect = algorithm.parameterAsExtent(parameters, EXTENT, context)
    crs = algorithm.parameterAsExtentCrs(parameters, EXTENT, context)
    check_typed_order(parameters.get(EXTENT), crs)
    if rect.isNull() or rect.isEmpty():
        raise InputError("The extent is empty: give an extent with a width and a height.")
    if not crs.isValid():
        crs = QgsCoordinateReferenceSystem(WGS84)
        if feedback is not None:
            feedback.pushInfo(algorithm.tr("The extent has no CRS: read as longitude/latitude (EPSG:4326)."))
    return extent_area(rect, crs, context.transformContext())


def check_typed_order(value, crs):
    """A typed extent (xmin,xmax,ymin,ymax) in the wrong order is refused: QGIS would swap it silently."""
    numbers = areas.typed_extent(value) if isinstance(value, str) else None
    if numbers is not None:
        areas.check_extent_order(*numbers, geographic=crs.isGeographic() or not crs.isValid())


def polygon_layer_area(algorithm, parameters, context):
    """An Area made of the polygons of AREA_LAYER (all features, or the selected ones when asked),
    densified in the layer's CRS then projected to Web Mercator."""
    source = algorithm.parameterAsSource(parameters, AREA_LAYER, context)
    if source is None:
        raise InputError("The AREA_LAYER cannot be read: give a polygon layer or file (GeoPackage, GeoJSON, "
                         "Shapefile…).")
    check_polygons(source.wkbType(), source.sourceName() or "AREA_LAYER")
    return area_from_features(source.getFeatures(), source.sourceCrs(), context.transformContext(),
                              source.sourceName() or Message("polygons"))


def extent_from_parameters(algorithm, parameters, context, feedback=None):
    """AREA or EXTENT as given, checked: (QgsRectangle, its QgsCoordinateReferenceSystem), for an algorithm that
    works in a CRS it learns later (an FTP product's): an EXTENT keeps its own CRS, so that it goes straight to
    that one (toolbelt.areas.area_in_crs), a preset is in lon/lat."""
    area = area_from_parameters(algorithm, parameters, context, feedback)  # refuses bad input, by the same rules
    if _given(parameters, EXTENT):
        return (algorithm.parameterAsExtent(parameters, EXTENT, context),
                algorithm.parameterAsExtentCrs(parameters, EXTENT, context))
    return QgsRectangle(*area.bbox), QgsCoordinateReferenceSystem(WGS84)


def zooms_from_parameters(algorithm, parameters, context):
    zoom_min = algorithm.parameterAsInt(parameters, ZOOM_MIN, context)
    zoom_max = algorithm.parameterAsInt(parameters, ZOOM_MAX, context)
    tiles.check_zoom_range(zoom_min, zoom_max)
    return zoom_min, zoom_max


# Large jobs

def add_large_job_parameter(algorithm):
    parameter = explained(QgsProcessingParameterBoolean(
        ALLOW_LARGE, algorithm.tr("Go ahead with a very large job"), defaultValue=False),
        algorithm.tr("Over 10 million tiles, or more than the free disk space."))
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(parameter)


def check_large_job(algorithm, parameters, context, tally, where):
    """Refuse, before anything starts, a job too large to be meant, unless ALLOW_LARGE says so. `tally`: its
    (tiles, exact) as core.tiles.coverage.area_total gives them with the large-job limit, or (tiles, exact,
    tile_bytes) when it weighs its layers itself (counted only when asked: confirmed, nothing is counted here), or a
    number of tiles already counted."""
    if algorithm.parameterAsBool(parameters, ALLOW_LARGE, context):
        return
    counted = tally(areas.LARGE_JOB_TILES) if callable(tally) else (tally, True)
    tiles, exact = counted[:2]
    # a layer's file already holds tiles: they say what the next ones weigh better than a typical tile (a tally
    # of several layers weighs them itself: core.library.jobs.planned_weight)
    tile_bytes = counted[2] if len(counted) > 2 else measured_tile_bytes([where])
    problem = areas.large_job(tiles, storage.free_bytes(where), storage.output_folder(where), exact=exact,
                              tile_bytes=tile_bytes)
    if problem is not None:
        raise InputError("{} Reduce the area or the zooms, or confirm with ALLOW_LARGE=true.", problem)


def allows_large(algorithm, parameters, context):
    """Whether ALLOW_LARGE confirms a very large job."""
    return algorithm.parameterAsBool(parameters, ALLOW_LARGE, context)


def check_large_download(allowed, zone_plans, where):
    """Refuse, before anything is fetched, datasets (core.datasets.sync ZonePlans) too large to be meant (tens of
    GB of BD ORTHO), unless `allowed` (ALLOW_LARGE: allows_large) says so; larger than the free space is refused
    first, confirmed or not, and never told to confirm (no confirmation makes the disk larger)."""
    from ..core.datasets.sync import check_space, large_download

    check_space(zone_plans, where)
    if allowed:
        return
    problem = large_download(zone_plans, storage.free_bytes(where), storage.output_folder(where))
    if problem is not None:
        raise InputError("{} Reduce the area or the products, or confirm with ALLOW_LARGE=true.", problem)


# Whole datasets of the download service

DATASET_PRODUCTS = "PRODUCTS"
# The PRODUCTS options are core.datasets.catalogue.CHOICES, in its order (the dock and saved runs refer to them by
# number).
DEFAULT_DATASETS = [index for index, choice in enumerate(CHOICES) if choice.ticked]


def add_dataset_parameters(algorithm):
    """PRODUCTS (several) and SERVICE, the download service's address."""
    algorithm.addParameter(QgsProcessingParameterEnum(
        DATASET_PRODUCTS, algorithm.tr("Datasets"), [algorithm.tr(str(choice.option)) for choice in CHOICES],
        allowMultiple=True, defaultValue=DEFAULT_DATASETS))
    algorithm.addParameter(UrlText(
        "SERVICE", algorithm.tr("Download service"), defaultValue=SERVICE_ROOT))


def datasets_from_parameters(algorithm, parameters, context):
    """([(product, variant)] chosen, the service's root URL), checked."""
    chosen = algorithm.parameterAsEnums(parameters, DATASET_PRODUCTS, context)
    if not chosen:
        raise InputError("Choose at least one dataset in PRODUCTS.")
    root = (algorithm.parameterAsString(parameters, "SERVICE", context) or "").strip().rstrip("/")
    if not root.lower().startswith(("http://", "https://")):
        raise InputError("SERVICE '{}' is not a web address: give the download service's, e.g. {}.", root,
                         SERVICE_ROOT)
    return [(CHOICES[index].product, CHOICES[index].variant) for index in sorted(set(chosen))], root


def service_for(root):
    """The download-service client for `root` (one place, so the algorithms and run_plan make it alike); close it
    (a `with` block) to give its share of the host's rate back."""
    from ..core.datasets.service import DownloadService

    return DownloadService(root=root)


def list_for_area(algorithm, service, choices, area, library, feedback):
    """[ZonePlan] of every chosen (product, variant) for `area`, each said on one line in the log; those listed
    before a cancel."""
    from ..core.datasets.sync import describe, plan_sync
    from ..core.errors import Cancelled

    found = []
    for product, variant in choices:
        try:
            zone_plans = plan_sync(service, product, variant, area, library, feedback.isCanceled,
                                        algorithm.log_to(feedback))
        except Cancelled:
            break
        for zone_plan in zone_plans:
            feedback.pushInfo(algorithm.say(describe(zone_plan)))
        found.extend(zone_plans)
    return found


# Accounts: an AUTHCFG id names a configuration of the QGIS authentication database, never a secret
# (Processing keeps every run's parameters in its history).

def add_authcfg_parameter(algorithm):
    algorithm.addParameter(explained(QgsProcessingParameterAuthConfig(
        AUTHCFG, algorithm.tr("Account or API key"), optional=True),
        algorithm.tr("Stored in the QGIS authentication database (private layers: Basic with the key, or "
                     "OAuth2).")))


def _auth_config(algorithm, parameters, context):
    """The QgsAuthMethodConfig named by AUTHCFG, or None when none is given."""
    authcfg = (algorithm.parameterAsString(parameters, AUTHCFG, context) or "").strip()
    return load_config(authcfg) if authcfg else None


def credentials_from_parameters(algorithm, parameters, context, open_browser=None):
    """core.accounts.Credentials from AUTHCFG (or the API_KEY parameter), or None for a public source."""
    config = _auth_config(algorithm, parameters, context)
    if config is None:
        key = (algorithm.parameterAsString(parameters, "API_KEY", context) or "").strip()
        return Credentials(name="API_KEY", api_key=key) if key else None
    return credentials_of(config, open_browser)


def login_from_parameters(algorithm, parameters, context):
    """(user, password) for a server: USER, and the password of a Basic AUTHCFG ('' and '': anonymous)."""
    user = (algorithm.parameterAsString(parameters, "USER", context) or "").strip()
    config = _auth_config(algorithm, parameters, context)
    return (user, "") if config is None else login_of(config, user)


# Tile sources and pace

def add_source_parameters(algorithm, for_download=True):
    """SOURCE, LAYER, STYLE, FORMAT, AUTHCFG, API_KEY: shared with estimate_tiles (where all are optional)."""
    optional = not for_download
    algorithm.addParameter(explained(UrlText(
        "SOURCE", algorithm.tr("Tile service"), defaultValue=None if optional else DEFAULT_SOURCE,
        optional=optional),
        algorithm.tr("A WMTS endpoint, a vector tile service (https://data.geopf.fr/tms/1.0.0), or an XYZ URL "
                     "template with {z}/{x}/{y} (.pbf for vector tiles).")))
    # No default layer: a run must never download a layer the user did not name.
    algorithm.addParameter(explained(QgsProcessingParameterString(
        "LAYER", algorithm.tr("Layer identifier"), optional=True),
        algorithm.tr("From the capabilities, or a vector tile layer: PLAN.IGN, PCI, BDTOPO, ISOHYPSE…; optional "
                     "for an XYZ template.")))
    for name in ("STYLE", "FORMAT"):
        algorithm.addParameter(explained(QgsProcessingParameterString(
            name, algorithm.tr("Layer style") if name == "STYLE" else algorithm.tr("Tile format"), optional=True),
            algorithm.tr("Default: the layer's own.")))
    add_authcfg_parameter(algorithm)
    algorithm.addParameter(explained(SecretText(
        "API_KEY", algorithm.tr("…or the API key itself"), optional=True),
        algorithm.tr("Never written anywhere.")))


def source_from_parameters(algorithm, parameters, context):
    """Arguments of core.sources.prepare.prepare_source; no network (that happens in `process`)."""
    def text(name):
        return (algorithm.parameterAsString(parameters, name, context) or "").strip() or None

    return dict(endpoint=text("SOURCE"), layer=text("LAYER"), style=text("STYLE"), tile_format=text("FORMAT"),
                credentials=credentials_from_parameters(algorithm, parameters, context))


def check_usage_policy(source, total, zoom_max):
    """Refuse, before anything runs, a job of `total` tiles the server's usage policy forbids (no network)."""
    if source["endpoint"]:
        policies.check_job(source["endpoint"], total, zoom_max)


def add_pace_parameters(algorithm):
    algorithm.addParameter(QgsProcessingParameterNumber(
        "CONCURRENCY", algorithm.tr("Parallel requests"), type=QgsProcessingParameterNumber.Integer,
        defaultValue=4, minValue=1, maxValue=16))
    algorithm.addParameter(explained(QgsProcessingParameterNumber(
        "MAX_RATE", algorithm.tr("Requests per second, at most"), type=QgsProcessingParameterNumber.Double,
        defaultValue=20.0, minValue=0.0),
        algorithm.tr("Maximum requests per second to the server (0 = no cap).")))


def options_from_parameters(algorithm, parameters, context):
    """Pace from the parameters; the User-Agent names the plugin and the user's contact (a setting), if any."""
    contact = QgsSettings().value(CONTACT_SETTING, "") or ""
    return DownloadOptions(concurrency=algorithm.parameterAsInt(parameters, "CONCURRENCY", context),
                           max_rate=algorithm.parameterAsDouble(parameters, "MAX_RATE", context),
                           headers={"User-Agent": user_agent(contact)})


# One politeness budget shared by every worker of a job (core.budget)

REDIS_URL = "REDIS_URL"
WORKERS = "WORKERS"


def add_shared_budget_parameters(algorithm):
    """REDIS_URL and WORKERS (advanced): the Redis holding every worker's requests per second to each host."""
    url = explained(UrlText(REDIS_URL, algorithm.tr("Shared budget (Redis URL)"), optional=True),
                    algorithm.tr("Shared request budget: Redis of every worker of the job (redis://host:6379/0; "
                                 "empty: the REDIS_URL environment variable, else this process alone). No password "
                                 "here: put it in the environment's REDIS_URL."))
    workers = explained(QgsProcessingParameterNumber(
        WORKERS, algorithm.tr("Workers sharing it"), type=QgsProcessingParameterNumber.Integer, defaultValue=0,
        minValue=0), algorithm.tr("Workers sharing that budget (each keeps its share if Redis is lost; 0 = SHARD's n, "
                                  "else 1)."))
    for parameter in (url, workers):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        algorithm.addParameter(parameter)


def shared_budget_from_parameters(algorithm, parameters, context, shard=None):
    """(Redis URL or None for the environment's, workers), checked: a password is refused in the parameter
    (Processing keeps every run's parameters in its history), never repeated in the message."""
    from ..core.resp import parse_url, redact_url

    url = (algorithm.parameterAsString(parameters, REDIS_URL, context) or "").strip() or None
    if url and parse_url(url).password:
        raise InputError("REDIS_URL '{}' holds a password: Processing would keep it in its history. Give the "
                         "address without it and set the whole REDIS_URL in the environment instead.",
                         redact_url(url))
    workers = algorithm.parameterAsInt(parameters, WORKERS, context) if _given(parameters, WORKERS) else 0
    return url, workers or (shard[1] if shard else 1)


@contextlib.contextmanager
def shared_budget(algorithm, settings, feedback):
    """Every request of the block from the shared budget of `settings` (shared_budget_from_parameters), said in
    the log; none configured (no URL, no REDIS_URL): each process paces itself, as without it."""
    from ..core import budget

    url, workers = settings
    made = budget.configure(url, workers, say=lambda message: feedback.pushWarning(algorithm.say(message)))
    if made is not None:
        feedback.pushInfo(algorithm.say("Requests per second to each host taken from the shared budget in Redis "
                                        "at {} (this worker's share if it is lost: 1/{}).", made.address.safe,
                                        workers))
    try:
        yield made
    finally:
        budget.release()


# FTP servers

def add_server_parameters(algorithm):
    algorithm.addParameter(UrlText(
        "HOST", algorithm.tr("FTP server"), defaultValue=DEFAULT_HOST))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "PORT", algorithm.tr("Server port"), type=QgsProcessingParameterNumber.Integer, defaultValue=21))
    algorithm.addParameter(explained(QgsProcessingParameterString(
        "USER", algorithm.tr("User name"), optional=True),
        algorithm.tr("Empty: anonymous.")))
    algorithm.addParameter(explained(QgsProcessingParameterAuthConfig(
        AUTHCFG, algorithm.tr("Password"), optional=True),
        algorithm.tr("Stored in the QGIS authentication database (Basic method).")))


def server_from_parameters(algorithm, parameters, context):
    """The FtpServer of HOST, PORT and the login; its messages name the dock's fields when the dock runs it
    (configuration FIELDS "dock": IgnOfflineAlgorithm.configuration)."""
    names = DOCK_FIELDS if algorithm.configuration.get("FIELDS") == "dock" else PARAMETER_FIELDS
    port = algorithm.parameterAsInt(parameters, "PORT", context)
    host = check_host(algorithm.parameterAsString(parameters, "HOST", context), port, names)  # before the login
    user, password = login_from_parameters(algorithm, parameters, context)
    return FtpServer(host, port, user, password, fields=names[2], listing=names[3])
