"""A tile source made ready to download: the layer, style and format checked against the capabilities
(WMTS), the layer's metadata.json (the Géoplateforme TMS of vector tiles, core.vector.tms) or the template
(XYZ, raster or `.pbf` vector tiles), the GetTile encoding chosen, the account bound to the SOURCE.

Used by the download job, the estimate and the plans; no QGIS here.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests

from .. import mbtiles, naming
from ..errors import InputError, MBTilesError
from ..http import (
    CAPABILITIES_DEADLINE,
    BodyTooLarge,
    DeadlineExceeded,
    SessionPool,
    redact,
    redact_url,
    unreachable_reason,
)
from ..messages import Message
from ..tiles import grid as tiles
from ..vector import mvt, tms
from . import policies, wmts
from .accounts import AuthError, Credentials, key_of_source
from .url_templates import is_xyz_template

IDENTITY_KEYS = ("ign_offline:source", "ign_offline:layer", "ign_offline:style", "ign_offline:format")


@dataclass
class PreparedSource:
    """A tile source ready to download, with what the MBTiles metadata needs."""

    source: object            # wmts.WmtsSource, wmts.RestSource or wmts.XyzSource (URLs without secrets)
    public_url: str           # the endpoint with no secret: for logs and metadata
    layer: str
    style: str
    format: str
    title: str
    zooms: list
    limits: dict
    attribution: str
    encoding: str = "XYZ"     # XYZ, KVP or RESTful: how tiles are asked for
    # The account of a private source (core.sources.accounts.Credentials, bound to its origin): its one carrier
    # from here to the download and the estimate, which apply it per request and redact with it.
    credentials: object = None
    notes: list = field(default_factory=list)  # to log once when the tiles are fetched
    vector_layers: list = None  # a vector source's layers (the MBTiles `json`); None for raster tiles
    bounds: tuple = None        # the layer's own lon/lat bounds, when the source gives them

    @property
    def is_vector(self):
        return mvt.is_vector_format(self.format)

    def identity(self):
        return dict(zip(IDENTITY_KEYS, (self.public_url, self.layer, self.style, self.format)))

    def sample_tile_url(self):
        """A tile's URL (no secret): where the tiles come from, which may not be the SOURCE's host."""
        return self.source.tile_url(self.zooms[0] if self.zooms else 0, 0, 0)


def _check_format(tile_format):
    try:
        return mbtiles.format_from_mime(tile_format)  # refuses formats MBTiles cannot hold
    except MBTilesError as exc:
        raise InputError(str(exc)) from exc


def layer_name(endpoint, layer=None):
    """The name a job's file takes before any network: LAYER, else the TMS layer the SOURCE names, else the
    template's name (a WMTS needs LAYER)."""
    if layer:
        return layer
    named = tms.split_source(endpoint or "")
    if named and named[1]:
        return named[1]
    return template_name(endpoint or "")


def template_name(template):
    """A readable name for an XYZ template: its host and the path before the first placeholder."""
    parts = urlsplit(template)
    path = parts.path.split("{", 1)[0].strip("/")
    return "/".join(p for p in (parts.hostname or parts.netloc, path) if p)


def prepare_source(endpoint, layer=None, style=None, tile_format=None, api_key=None, timeout=(10, 30),
                   credentials=None):
    """Read the capabilities (WMTS) or the template (XYZ) and check layer, style and format.

    `credentials` (core.accounts.Credentials) for private layers: an API key, HTTP Basic, OAuth2 or custom
    headers (`api_key` alone is a key). They are bound to the origin of `endpoint` and sent nowhere else.
    A wrong password or a revoked key is refused here, before any file exists.
    """
    if credentials is None and api_key:
        credentials = Credentials(api_key=api_key)
    endpoint = (endpoint or "").strip()
    if not endpoint.lower().startswith(("http://", "https://")):
        raise InputError("SOURCE '{}' is not an http(s) URL: give a WMTS endpoint such as "
                         "https://data.geopf.fr/wmts, its capabilities document, or an XYZ template with "
                         "{{z}}/{{x}}/{{y}} (or {{-y}} for TMS rows).", endpoint)
    tms_source = tms.split_source(endpoint)
    if tms_source is not None:
        # A key in a TMS SOURCE's query is sent as an account's, on its host only (the WMTS keeps its URL as is).
        endpoint, credentials = key_of_source(endpoint, credentials)
        tms_source = tms.split_source(endpoint)
    if credentials is not None:
        credentials = credentials.for_source(endpoint)
    if tms_source is not None:
        return _prepare_tms(*tms_source, layer, tile_format, timeout, credentials)
    public_url = redact_url(wmts.endpoint_of(endpoint))
    host = urlsplit(endpoint).hostname or endpoint
    if is_xyz_template(endpoint):
        from_server = not tile_format and wmts.format_in_template(endpoint) is None
        tile_format = tile_format or wmts.format_from_template(endpoint)
        if mvt.is_vector_format(tile_format):
            tile_format = mvt.MIME  # FORMAT=pbf or a .pbf/.mvt template: one name for vector tiles
        _check_format(tile_format)
        name = layer or template_name(endpoint)
        # A template says nothing of its vector layers: the job reads them from the tiles it stores.
        return PreparedSource(wmts.XyzSource(endpoint, tile_format, from_server), public_url, name, "", tile_format,
                              name,
                              list(range(tiles.MIN_ZOOM, tiles.MAX_ZOOM + 1)), {},
                              policies.attribution_for(endpoint, host), "XYZ", credentials,
                              vector_layers=[] if mvt.is_vector_format(tile_format) else None)
    if "{" in endpoint:
        raise InputError("SOURCE '{}' looks like a URL template but lacks {{z}}, {{x}} and {{y}} (or {{-y}}, or "
                         "{{q}}): give an XYZ template, or a WMTS endpoint without placeholders.", public_url)
    if not layer:
        raise InputError("Give the LAYER to download, e.g. GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2 (the capabilities "
                         "of {} list them).", public_url)
    capabilities = fetch_capabilities(endpoint, public_url, timeout, credentials)
    found = capabilities.layer(layer)
    style = style or found.default_style
    if found.styles and style not in found.styles:
        raise InputError("Layer '{}' has no style '{}'; it has: {}.", layer, style, ", ".join(found.styles))
    tile_format = tile_format or (found.formats[0] if found.formats else "image/png")
    if found.formats and tile_format not in found.formats:
        raise InputError("Layer '{}' is not served as '{}'; it is served as: {}.",
            layer, tile_format, ", ".join(found.formats))
    _check_format(tile_format)
    grid = capabilities.grid(found)
    source, encoding = _tile_requests(endpoint, capabilities, found, style, tile_format, grid)
    attribution = policies.attribution_for(endpoint, capabilities.attribution() or host)
    prepared = PreparedSource(source, public_url, found.identifier, style, tile_format,
                              naming.display_title(found.identifier, found.title), grid.zooms, grid.limits,
                              attribution, encoding, credentials)
    tiles_url = prepared.sample_tile_url()
    if policies.policy_for(tiles_url) is not policies.policy_for(endpoint):  # e.g. OpenStreetMap's terms
        prepared.attribution = policies.attribution_for(tiles_url, attribution)
    if credentials is not None and not credentials.applies_to(tiles_url):
        prepared.notes.append(Message("Tiles of {} come from {}: fetched without your account.",
            found.identifier, urlsplit(tiles_url).netloc or tiles_url))
    return prepared


def _tile_requests(endpoint, capabilities, layer, style, tile_format, grid):
    """(source, encoding): GetTile the way the capabilities say.

    Given an endpoint, KVP at that endpoint (what the user typed) unless the
    service declares RESTful GetTile only. Given the capabilities document, its
    ResourceURL templates, else its KVP GetTile href. No secret goes into these
    URLs: the credentials are applied per request, on the SOURCE's host only.
    """
    template = layer.resource_urls.get(tile_format)
    document = wmts.is_capabilities_document(endpoint)
    rest_only = capabilities.get_tile_rest and not capabilities.get_tile_kvp
    if template and (document or rest_only):
        return wmts.RestSource(template, tile_format, style, grid.tile_matrix_set, grid.matrices,
                               dict(layer.dimensions)), "RESTful"
    if document:
        if not capabilities.get_tile_kvp:
            raise InputError(
                "The capabilities at {} give no way to request tiles of layer '{}' as {}: no ResourceURL template "
                "and no KVP GetTile address.", redact_url(endpoint), layer.identifier, tile_format)
        endpoint = capabilities.get_tile_kvp
    return wmts.WmtsSource(endpoint, layer.identifier, style, tile_format, grid.tile_matrix_set, grid.matrices,
                           dict(layer.dimensions)), "KVP"


def fetch_capabilities(source, public_url, timeout=(10, 30), credentials=None, deadline=CAPABILITIES_DEADLINE):
    """The capabilities of a WMTS given as an endpoint or as the document's URL (the SOURCE: the credentials,
    if any, are for it and applied here; messages are redacted with them).

    The document is read whole within `deadline` seconds and 64 MB (http.MAX_CAPABILITIES_BYTES).
    """
    response = _get_document(
        lambda url: wmts.capabilities_url(url), source, public_url, timeout, credentials, deadline,
        Message("The capabilities of {} did not arrive within {:.0f} s: the server is stalled or too slow; try "
                "again later. Nothing was stored.", public_url, deadline),
        "{} sent {}: check that SOURCE is a WMTS endpoint. Nothing was stored.")
    if response.status_code != 200:
        raise InputError("{} answered {} {} to GetCapabilities.",
            public_url, response.status_code, response.reason)
    return wmts.parse_capabilities(response.content)


def _get_document(url_of, source, public_url, timeout, credentials, deadline, late, too_large):
    """A service document (capabilities, TMS service, metadata.json) read whole within `deadline` seconds and
    64 MB, at `url_of(source with the credentials applied)`; refuses 401/403 with the account named.

    `late`: the message when the deadline passes; `too_large`: a template of (public_url, what was sent).
    """
    pool = SessionPool()
    try:
        # The document's own URL first, then the account on it: a key in the query goes after the whole path.
        url, headers = _with_credentials(source, url_of(source), credentials)  # a wrong password stops here
        response = pool.fetch(url, headers=headers, timeout=timeout, deadline=deadline)
        if response.status_code == 401 and credentials is not None and credentials.renew(headers):
            url, headers = _with_credentials(source, url_of(source), credentials)
            response = pool.fetch(url, headers=headers, timeout=timeout, deadline=deadline)
    except DeadlineExceeded:
        raise InputError(late) from None
    except BodyTooLarge as exc:
        raise InputError(too_large, public_url, exc) from None
    except requests.RequestException as exc:
        raise InputError(redact(Message("Cannot reach {} ({}): check the address and the network; nothing was "
                                "stored.", public_url, unreachable_reason(exc)), credentials)) from None
    finally:
        pool.close()
    if response.status_code in (401, 403):
        which = Message(" the authentication configuration '{}' was refused", credentials.name) if (
            credentials is not None and credentials.name) else (
            " this endpoint needs a valid API key or account (AUTHCFG)")
        raise AuthError("{} answered {} {}:{}. Nothing was downloaded.",
            public_url, response.status_code, response.reason, which)
    return response


# -- vector tiles: the Géoplateforme TMS service ----------------------------------------------------------------

def _prepare_tms(root, named, layer, tile_format, timeout, credentials):
    """A vector layer of the TMS service: its metadata.json gives zooms, bounds, vector layers, attribution."""
    if named and layer and named != layer:
        raise InputError("SOURCE names the TMS layer '{}' but LAYER is '{}': give the layer once (SOURCE {} "
                         "and LAYER {}).", named, layer, root, named)
    layer = named or layer
    public_root = redact_url(root)
    if not layer:
        names = [e.identifier for e in fetch_tms_service(root, timeout, credentials) if e.is_vector]
        raise InputError("Give the LAYER to download from the TMS service {}; its vector tile layers are: {}.",
            public_root, ", ".join(names) or "none")
    if tile_format and not mvt.is_vector_format(tile_format):
        raise InputError("The TMS service {} is read for its vector tiles (pbf) only; FORMAT '{}' cannot be "
                         "asked (raster layers come from the WMTS, https://data.geopf.fr/wmts).",
            public_root, tile_format)
    response = _get_document(
        lambda url: tms.metadata_url(url, layer), root, public_root, timeout, credentials, CAPABILITIES_DEADLINE,
        Message("The metadata of layer '{}' at {} did not arrive within {:.0f} s: the server is stalled or too "
                "slow; try again later. Nothing was stored.", layer, public_root, CAPABILITIES_DEADLINE),
        "{} sent {}: check that SOURCE is the TMS service. Nothing was stored.")
    if response.status_code == 404:
        raise tms.unknown_layer(layer, fetch_tms_service(root, timeout, credentials), public_root)
    if response.status_code != 200:
        raise InputError("{} answered {} {} to the metadata of layer '{}'.",
            public_root, response.status_code, response.reason, layer)
    meta = tms.parse_metadata(response.content, layer)
    template = meta.tiles if is_xyz_template(meta.tiles) else tms.tile_template(root, layer)
    limits = {zoom: wmts.Limits(y_min, y_max, x_min, x_max)
              for zoom, (x_min, x_max, y_min, y_max) in meta.limits().items()}
    host = urlsplit(root).hostname or root
    prepared = PreparedSource(
        wmts.XyzSource(template, mvt.MIME), public_root, layer, "", mvt.MIME, meta.title,
        list(range(meta.minzoom, meta.maxzoom + 1)), limits,
        policies.attribution_for(root, meta.attribution or host), "XYZ", credentials,
        vector_layers=meta.vector_layers, bounds=meta.bounds)
    tiles_url = prepared.sample_tile_url()
    if credentials is not None and not credentials.applies_to(tiles_url):
        prepared.notes.append(Message("Tiles of {} come from {}: fetched without your account.",
            layer, urlsplit(tiles_url).netloc or tiles_url))
    return prepared


def fetch_tms_service(root, timeout=(10, 30), credentials=None, deadline=CAPABILITIES_DEADLINE):
    """The TileMaps of a TMS service document (every one; TileMapEntry.is_vector tells the vector ones), read
    whole within `deadline` seconds."""
    root, credentials = key_of_source(root, credentials)
    public_root = redact_url(root)
    response = _get_document(
        lambda url: url, root, public_root, timeout, credentials, deadline,
        Message("The TMS service document of {} did not arrive within {:.0f} s: the server is stalled or too "
                "slow; try again later. Nothing was stored.", public_root, deadline),
        "{} sent {}: check that SOURCE is the TMS service. Nothing was stored.")
    if response.status_code != 200:
        raise InputError("{} answered {} {} to the TMS service document.",
            public_root, response.status_code, response.reason)
    return tms.parse_service(response.content)


def _with_credentials(source, url, credentials):
    """(url, headers or None) of a request to `url`, a document of the SOURCE, the server the credentials were
    given for (a document the SOURCE's server places on another host gets nothing)."""
    if credentials is None:
        return url, None
    return credentials.for_source(source).apply(url)
