"""A whole WMTS/XYZ → MBTiles job: resolve the layer, check the output, download, describe.

Shared by the `download_tiles` and `estimate_tiles` algorithms; no QGIS here.
"""

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests

from .. import mbtiles, storage
from ..errors import InputError, MBTilesError
from ..sources import policies, wmts
from ..sources.accounts import AuthError, Credentials
from ..sources.http import (
    CAPABILITIES_DEADLINE,
    BodyTooLarge,
    DeadlineExceeded,
    SessionPool,
    redact_text,
    redact_url,
    unreachable_reason,
)
from ..sources.url_templates import is_xyz_template
from ..tiles import coverage
from ..tiles import grid as tiles
from .engine import Downloader, DownloadFailed, DownloadOptions, TileRequest

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
    secrets: tuple = ()
    encoding: str = "XYZ"     # XYZ, KVP or RESTful: how tiles are asked for
    credentials: object = None  # core.accounts.Credentials of a private source, bound to its origin
    notes: list = field(default_factory=list)  # to log once when the tiles are fetched

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
                         "{{z}}/{{x}}/{{y}} (or {{-y}} for TMS rows).".format(endpoint))
    if credentials is not None:
        credentials = credentials.for_source(endpoint)
    secrets = credentials.secrets if credentials is not None else ()
    public_url = redact_url(wmts.endpoint_of(endpoint))
    host = urlsplit(endpoint).hostname or endpoint
    if is_xyz_template(endpoint):
        from_server = not tile_format and wmts.format_in_template(endpoint) is None
        tile_format = tile_format or wmts.format_from_template(endpoint)
        _check_format(tile_format)
        name = layer or template_name(endpoint)
        return PreparedSource(wmts.XyzSource(endpoint, tile_format, from_server), public_url, name, "", tile_format,
                              name,
                              list(range(tiles.MIN_ZOOM, tiles.MAX_ZOOM + 1)), {},
                              policies.attribution_for(endpoint, host), secrets, "XYZ", credentials)
    if "{" in endpoint:
        raise InputError("SOURCE '{}' looks like a URL template but lacks {{z}}, {{x}} and {{y}} (or {{-y}}, or "
                         "{{q}}): give an XYZ template, or a WMTS endpoint without placeholders.".format(public_url))
    if not layer:
        raise InputError("Give the LAYER to download, e.g. GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2 (the capabilities "
                         "of {} list them).".format(public_url))
    capabilities = fetch_capabilities(endpoint, public_url, secrets, timeout, credentials)
    secrets = credentials.secrets if credentials is not None else ()  # tokens obtained meanwhile
    found = capabilities.layer(layer)
    style = style or found.default_style
    if found.styles and style not in found.styles:
        raise InputError("Layer '{}' has no style '{}'; it has: {}.".format(layer, style, ", ".join(found.styles)))
    tile_format = tile_format or (found.formats[0] if found.formats else "image/png")
    if found.formats and tile_format not in found.formats:
        raise InputError("Layer '{}' is not served as '{}'; it is served as: {}.".format(
            layer, tile_format, ", ".join(found.formats)))
    _check_format(tile_format)
    grid = capabilities.grid(found)
    source, encoding = _tile_requests(endpoint, capabilities, found, style, tile_format, grid)
    attribution = policies.attribution_for(endpoint, capabilities.attribution() or host)
    prepared = PreparedSource(source, public_url, found.identifier, style, tile_format,
                              found.title or found.identifier, grid.zooms, grid.limits, attribution, secrets,
                              encoding, credentials)
    tiles_url = prepared.sample_tile_url()
    if policies.policy_for(tiles_url) is not policies.policy_for(endpoint):  # e.g. OpenStreetMap's terms
        prepared.attribution = policies.attribution_for(tiles_url, attribution)
    if credentials is not None and not credentials.applies_to(tiles_url):
        prepared.notes.append("Tiles of {} come from {}: fetched without your account.".format(
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
                "and no KVP GetTile address.".format(redact_url(endpoint), layer.identifier, tile_format))
        endpoint = capabilities.get_tile_kvp
    return wmts.WmtsSource(endpoint, layer.identifier, style, tile_format, grid.tile_matrix_set, grid.matrices,
                           dict(layer.dimensions)), "KVP"


def fetch_capabilities(keyed_source, public_url, secrets=(), timeout=(10, 30), credentials=None,
                       deadline=CAPABILITIES_DEADLINE):
    """The capabilities of a WMTS given as an endpoint or as the document's URL (the SOURCE: the credentials,
    if any, are for it).

    The document is read whole within `deadline` seconds and 64 MB (http.MAX_CAPABILITIES_BYTES).
    """
    pool = SessionPool()
    try:
        keyed_source, headers = _with_credentials(keyed_source, credentials)  # a wrong password stops here
        response = pool.fetch(wmts.capabilities_url(keyed_source), headers=headers, timeout=timeout,
                              deadline=deadline)
        if response.status_code == 401 and credentials is not None and credentials.renew(headers):
            keyed_source, headers = _with_credentials(keyed_source, credentials)
            response = pool.fetch(wmts.capabilities_url(keyed_source), headers=headers, timeout=timeout,
                                  deadline=deadline)
    except DeadlineExceeded:
        raise InputError("The capabilities of {} did not arrive within {:.0f} s: the server is stalled or too "
                         "slow; try again later. Nothing was stored.".format(public_url, deadline)) from None
    except BodyTooLarge as exc:
        raise InputError("{} sent {}: check that SOURCE is a WMTS endpoint. Nothing was stored.".format(
            public_url, exc)) from None
    except requests.RequestException as exc:
        raise InputError(redact_text("Cannot reach {} ({}): check the address and the network; nothing was "
                                     "stored.".format(public_url, unreachable_reason(exc)), secrets)) from None
    finally:
        pool.close()
    if response.status_code in (401, 403):
        which = " the authentication configuration '{}' was refused".format(credentials.name) if (
            credentials is not None and credentials.name) else (
            " this endpoint needs a valid API key or account (AUTHCFG)")
        raise AuthError("{} answered {} {}:{}. Nothing was downloaded.".format(
            public_url, response.status_code, response.reason, which))
    if response.status_code != 200:
        raise InputError("{} answered {} {} to GetCapabilities.".format(
            public_url, response.status_code, response.reason))
    return wmts.parse_capabilities(response.content)


def _with_credentials(source, credentials):
    """(url, headers or None) of a request to the SOURCE itself, the server the credentials were given for."""
    if credentials is None:
        return source, None
    return credentials.for_source(source).apply(source)


def clamp_zooms(prepared, zoom_min, zoom_max):
    """The requested zooms the layer has; (zoom_min, zoom_max, note or None)."""
    tiles.check_zoom_range(zoom_min, zoom_max)
    available = [z for z in prepared.zooms if zoom_min <= z <= zoom_max]
    if not available:
        raise InputError("Layer '{}' has zoom levels {}-{} only; you asked {}-{}.".format(
            prepared.layer, prepared.zooms[0], prepared.zooms[-1], zoom_min, zoom_max))
    low, high = available[0], available[-1]
    note = None
    if (low, high) != (zoom_min, zoom_max):
        note = "Layer '{}' has zoom levels {}-{}: downloading {}-{} instead of {}-{}.".format(
            prepared.layer, prepared.zooms[0], prepared.zooms[-1], low, high, zoom_min, zoom_max)
    return low, high, note


def tile_ranges(prepared, area, zoom_min, zoom_max):
    """The area's tile ranges (its box, or its polygons' columns), clipped to the layer's TileMatrixLimits;
    (ranges, tiles outside)."""
    tiles.check_zoom_range(zoom_min, zoom_max)
    ranges, outside = [], 0
    for tile_range in (r for zoom in range(zoom_min, zoom_max + 1) for r in coverage.area_ranges(area, zoom)):
        clipped = wmts.clip_to_limits(tile_range, prepared.limits.get(tile_range.zoom))
        outside += tile_range.count - (clipped.count if clipped else 0)
        if clipped is not None:
            ranges.append(clipped)
    return ranges, outside


def check_output(path, prepared):
    """Refuse an output that holds something else; never touches it. Returns the file's state."""
    if not path:
        raise InputError("Give the OUTPUT .mbtiles file.")
    state = mbtiles.inspect(path)
    if state == "ours":
        with mbtiles.MBTilesReader(path) as reader:
            existing = reader.metadata()
        mine = prepared.identity()
        if any(existing.get(k) != v for k, v in mine.items()):
            raise MBTilesError(
                "'{}' already holds {} ({}) from {}: it is left untouched. Choose another output file to "
                "download {} from {}.".format(
                    path, existing.get("ign_offline:layer", "other tiles"), existing.get("ign_offline:style", "?"),
                    existing.get("ign_offline:source", "another source"), prepared.layer, prepared.public_url))
    return state


def metadata_for(prepared, area, zoom_min, zoom_max):
    values = mbtiles.build_metadata(
        prepared.title, prepared.format, area.bbox, zoom_min, zoom_max,
        attribution=prepared.attribution, description=prepared.title)
    values.update(prepared.identity())
    return values


def apply_policy(prepared, ranges, options, log=None):
    """Refuse a job the usage policy forbids, of the SOURCE's server and of the one serving the tiles (the
    capabilities may place them elsewhere); keep the pace within both ceilings (before any tile request)."""
    urls = [prepared.public_url]
    if policies.policy_for(prepared.sample_tile_url()) is not policies.policy_for(prepared.public_url):
        urls.append(prepared.sample_tile_url())
    for url in urls:
        policies.check_job(url, sum(r.count for r in ranges), max((r.zoom for r in ranges), default=0))
        options.concurrency, options.max_rate, note = policies.effective_pace(
            url, options.concurrency, options.max_rate)
        if note and log:
            log(note)


def download_to_mbtiles(prepared, area, zoom_min, zoom_max, output, options=None, progress=None,
                        is_cancelled=None, log=None, ranges=None, total=None):
    """Download the area into `output` (created, resumed or extended); returns DownloadStats.

    `ranges` (already clipped to the layer) replaces the area's own, e.g. a plan's
    union of areas per zoom; `area` then only gives the file's bounds. `total`:
    the tiles that are this job's when options.tile_filter keeps only some.
    Raises DownloadFailed when the host cannot be reached or every tile
    requested failed; a file this call created is then removed if it holds no tile.
    """
    # The file is this run's until it ends: a second run on it (any layer, any process) is refused here, before
    # its identity is read, so the identity check and the metadata write below cannot interleave with another's.
    if not output:
        raise InputError("Give the OUTPUT .mbtiles file.")
    with storage.output_lock(output, "download of {} from {}".format(prepared.layer, prepared.public_url)):
        return _download_locked(prepared, area, zoom_min, zoom_max, output, options, progress, is_cancelled, log,
                                ranges, total)


def _download_locked(prepared, area, zoom_min, zoom_max, output, options, progress, is_cancelled, log, ranges,
                     total):
    log = log or (lambda message: None)
    _take_stored_format(output, prepared)
    state = check_output(output, prepared)
    outside = 0
    if ranges is None:
        ranges, outside = tile_ranges(prepared, area, zoom_min, zoom_max)
    options = options or DownloadOptions()
    options.credentials = options.credentials or prepared.credentials
    apply_policy(prepared, ranges, options, log)
    for note in prepared.notes:
        log(note)
    if outside:
        log("{} tiles lie outside the layer's coverage (TileMatrixLimits): not requested.".format(outside))
    options.secrets = tuple(options.secrets) + prepared.secrets
    try:
        with mbtiles.MBTilesWriter(output) as store:
            previous = store.metadata()
            metadata = metadata_for(prepared, area, zoom_min, zoom_max)
            if previous.get("bounds"):  # extending a file: the bounds grow to cover both areas
                metadata["bounds"] = mbtiles.union_bounds(previous["bounds"], metadata["bounds"])
            store.update_metadata(metadata)
            downloader = Downloader(prepared.source, store, options, log)
            downloader.on_format = lambda mime: _found_format(prepared, store, mime)
            stats = downloader.run(ranges, progress, is_cancelled, total)
            stats.empty += outside
            stats.total += outside
        requested = stats.downloaded + stats.not_modified + stats.empty - outside + stats.failed
        if stats.failed and stats.failed == requested and not stats.cancelled:
            reasons = "; ".join("{:,} × {}".format(n, e) for e, n in stats.errors.most_common(3))
            raise DownloadFailed(redact_text(
                "Every tile requested failed ({:,} of {:,}: {}). Nothing new was stored; check the source, then "
                "run again.".format(stats.failed, requested, reasons), options.secrets))
    except DownloadFailed:
        if state in ("missing", "empty"):
            mbtiles.remove_if_no_tiles(output)
        raise
    return stats


def _take_stored_format(path, prepared):
    """A source whose format comes from the server resumes a file with the format its tiles have."""
    if not getattr(prepared.source, "format_from_server", False) or mbtiles.inspect(path) != "ours":
        return
    with mbtiles.MBTilesReader(path) as reader:
        stored = reader.metadata().get("ign_offline:format") if any(reader.count_by_zoom().values()) else None
    if stored:
        prepared.format = prepared.source.format = stored
        prepared.source.format_from_server = False


def _found_format(prepared, store, mime):
    """The first tile fixed the format: the file says so before that tile is stored."""
    prepared.format = prepared.source.format = mime
    store.update_metadata({"format": mbtiles.format_from_mime(mime), "ign_offline:format": mime})


def default_output_name(layer, area_key):
    """A file name a person recognises: LAYER_area.mbtiles."""
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in layer)
    return "{}_{}.mbtiles".format(safe, area_key)


@dataclass
class Sample:
    tiles: int             # tiles fetched
    mean_bytes: float      # per tile of the zoom, empty tiles counting 0
    mean_seconds: float    # per request


def _spread(tile_range, count):
    """Up to `count` distinct tiles spread over a range: centre first, then corners."""
    xs = (tile_range.x_min + tile_range.x_max) // 2, tile_range.x_min, tile_range.x_max
    ys = (tile_range.y_min + tile_range.y_max) // 2, tile_range.y_max, tile_range.y_min
    picks = []
    for xy in zip(xs, ys):
        if xy not in picks:
            picks.append(xy)
    return picks[:count]


def sample_tiles(prepared, ranges, per_zoom=3, options=None, is_cancelled=None):
    """Fetch a few real tiles per zoom (stored nowhere): {zoom: Sample}."""
    options = options or DownloadOptions()
    options.secrets = tuple(options.secrets) + prepared.secrets
    options.credentials = options.credentials or prepared.credentials
    downloader = Downloader(prepared.source, None, options)
    downloader.limiter.join(options.max_rate)
    samples = {}
    try:
        for tile_range in ranges:
            sizes, seconds = [], []
            for x, y in _spread(tile_range, per_zoom):
                if is_cancelled and is_cancelled():
                    return samples
                start = time.monotonic()
                result = downloader.fetch(TileRequest(tile_range.zoom, x, y))
                if result is not None and result.status == "unreachable":
                    raise downloader.unreachable(result)
                if result is None or result.status not in ("done", "empty"):
                    continue
                seconds.append(time.monotonic() - start)
                sizes.append(len(result.data) if result.status == "done" else 0)
            if sizes:
                samples[tile_range.zoom] = Sample(len(sizes), sum(sizes) / len(sizes), sum(seconds) / len(seconds))
    finally:
        downloader.limiter.leave(options.max_rate)
        downloader.pool.close()
    return samples


def expected_size_and_time(ranges, samples, options):
    """(bytes, seconds) expected for the whole job, from the samples (None where unknown)."""
    if not samples:
        return None, None
    fallback = sum(s.mean_bytes for s in samples.values()) / len(samples)
    size = sum(r.count * (samples[r.zoom].mean_bytes if r.zoom in samples else fallback) for r in ranges)
    latency = sum(s.mean_seconds for s in samples.values()) / len(samples)
    rate = max(1, options.concurrency) / max(latency, 1e-3)
    if options.max_rate:
        rate = min(rate, options.max_rate)
    return size, sum(r.count for r in ranges) / rate
