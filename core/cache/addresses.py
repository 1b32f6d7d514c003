"""Which tile a cached URL asked for — only when that is certain.

A URL such as `/13/4149/5188.png` looks like XYZ, but a QGIS XYZ layer made
with `{-y}` (the usual way to add a TMS endpoint of MapProxy, GeoWebCache or
TileCache) asks for the same shape of URL with rows counted from the bottom.
Storing such a tile at the XYZ address puts it at the wrong place. So an
address is given only from knowledge:

- KVP GetTile on a matrix set named like IGN's `PM`/`PM_a_b` or an OGC
  well-known Web Mercator set, or on any set that cached capabilities
  describe as Web Mercator (matrix identifiers mapped to zooms as published);
- RESTful tiles matching a ResourceURL template of cached capabilities;
- paths matching a URL template QGIS itself uses (its XYZ connections, the
  layers of open or recent projects), which keeps the `{-y}`;
- the Géoplateforme's TMS paths and the OpenStreetMap tile servers, which
  are documented as rows from the top;
- the user's explicit word that unknown XYZ-looking paths have rows from the top.

Anything else is skipped with a truthful reason.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from ..http import redact_url
from ..messages import Message
from ..sources import wmts
from ..sources.url_templates import RestTemplate, XyzTemplate
from ..tiles.grid import MAX_ZOOM
from ..vector import mvt

PM_MATRIX_SET = re.compile(r"^(PM(_\d+_\d+)?|GoogleMapsCompatible|WebMercatorQuad)$", re.IGNORECASE)
IGN_HOSTS = re.compile(r"(^|\.)(geopf\.fr|ign\.fr)$")
TMS_PATH = re.compile(
    r"/tms/1\.0\.0/(?P<layer>[^/]+)/(?P<z>\d+)/(?P<x>\d+)/(?P<y>\d+)\.(?P<ext>png|jpe?g|webp|pbf|mvt)$", re.IGNORECASE)
XYZ_PATH = re.compile(r"^(?P<prefix>.*?)/(?P<z>\d+)/(?P<x>\d+)/(?P<y>\d+)(@2x)?\.(?P<ext>png|jpe?g|webp|pbf|mvt)$",
                      re.IGNORECASE)
# A layer's TileJSON beside its tiles (the Géoplateforme TMS: …/tms/1.0.0/{Layer}/metadata.json).
METADATA_PATH = re.compile(r"^(?P<folder>.*)/metadata\.json$", re.IGNORECASE)
MIME_BY_EXTENSION = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
                     "pbf": mvt.MIME, "mvt": mvt.MIME}
# Servers documented as XYZ (rows from the top): the OpenStreetMap Foundation's.
DOCUMENTED_XYZ = ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                  "http://tile.openstreetmap.org/{z}/{x}/{y}.png",
                  "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
                  "http://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")

NOT_A_TILE = "not a tile request (capabilities, WMS, other)"
ROW_ORDER_UNKNOWN = ("row order unknown (an XYZ-looking path that no QGIS XYZ connection, project layer or cached "
                     "capabilities describe; a {-y} TMS layer would be stored upside down)")
NOT_WEB_MERCATOR = "matrix set not Web Mercator"


@dataclass(frozen=True)
class TileSetKey:
    host: str
    layer: str
    style: str
    matrix_set: str
    format: str          # media type, e.g. image/png
    source: str          # the endpoint or template, without secrets

    def file_stem(self):
        stem = self.layer if self.style.lower() in ("", "normal", "default") else "{}_{}".format(
            self.layer, self.style)
        return "".join(c if c.isalnum() or c in "._-" else "_" for c in stem)


@dataclass(frozen=True)
class Unknown:
    """Why a URL gets no tile address; `later` when cached capabilities read later may still tell."""

    reason: str
    later: bool = False


class AddressBook:
    """What is known about the tile URLs of a cache; `locate` answers per URL."""

    def __init__(self, xyz_templates=(), assume_top_origin=False):
        self.assume_top_origin = assume_top_origin
        self.templates = []
        for template in tuple(xyz_templates) + DOCUMENTED_XYZ:
            self.add_template(template)
        self.kvp_sets = {}    # (host, matrix set) -> {matrix id: zoom}, or None: not Web Mercator
        self.wmts_capabilities = []  # capabilities URLs of the WMTS layers QGIS knows (read by read_capabilities)
        self.rest = []        # (RestTemplate, layer, style, format, {matrix set: {matrix id: zoom} or None})
        self.titles = {}      # (host, layer identifier) -> the layer's title in the capabilities
        self.attributions = {}  # host -> who serves it, from the capabilities (provider, else service title)
        self.tile_metadata = {}  # (host, folder of the tiles) -> a cached metadata.json (vector tiles)

    def describe(self, key):
        """(title, attribution) of a tile set's layer as its server's capabilities (or its cached metadata.json)
        give them ('' when unknown)."""
        document = self.vector_metadata(key) or {}
        return (self.titles.get((key.host, key.layer), "") or str(document.get("name") or ""),
                self.attributions.get(key.host, "") or str(document.get("attribution") or ""))

    def add_tile_metadata(self, url, data):
        """Learn a cached `…/{Layer}/metadata.json` (TileJSON) listing vector layers; False if it is not one."""
        match = METADATA_PATH.match(urlsplit(url).path)
        try:
            document = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            return False
        if not match or not isinstance(document, dict) or not isinstance(document.get("vector_layers"), list):
            return False
        self.tile_metadata[(_host(url), match["folder"])] = document
        return True

    def vector_metadata(self, key):
        """The cached metadata.json of a tile set (the folder its tiles are in), or None."""
        path = urlsplit(key.source).path
        # a template's tiles are in the folder before its first placeholder; the TMS's under {root}/{Layer}
        folder = path.split("/{", 1)[0] if "{" in path else "{}/{}".format(path.rstrip("/"), key.layer)
        return self.tile_metadata.get((key.host, folder))

    def add_template(self, template):
        template = (template or "").strip()
        if template and template not in {t.template for t in self.templates}:
            self.templates.append(XyzTemplate(template))

    def add_capabilities(self, url, data):
        """Learn the matrix sets and ResourceURLs of a cached capabilities document; False if it is not one."""
        try:
            capabilities = wmts.parse_capabilities(data)
        except Exception:  # a damaged or foreign document teaches nothing
            return False
        sets = {name: s.web_mercator_zooms() for name, s in capabilities.tile_matrix_sets.items()}
        by_id = {name: ({matrix: zoom for zoom, matrix in zooms.items()} if zooms else None)
                 for name, zooms in sets.items()}
        hosts = {_host(url)}
        if capabilities.get_tile_kvp:
            hosts.add(_host(capabilities.get_tile_kvp))
        for host in hosts:
            for name, matrices in by_id.items():
                known = self.kvp_sets.get((host, name), matrices)
                # Two documents of one host describing a set differently: neither is trusted.
                self.kvp_sets[(host, name)] = matrices if known == matrices else None
        for host in hosts:
            self.attributions[host] = capabilities.attribution() or capabilities.title
            self.titles.update({(host, layer.identifier): layer.title for layer in capabilities.layers.values()
                                if layer.title})
        for layer in capabilities.layers.values():
            for tile_format, template in layer.resource_urls.items():
                self.rest.append((RestTemplate(template), layer.identifier, layer.default_style, tile_format,
                                  {name: by_id.get(name) for name in layer.links}))
        return True

    def locate(self, url, content_type=""):
        """(TileSetKey, z, x, y) of a cached tile URL, or Unknown(reason)."""
        parts = urlsplit(url)
        query = {k.upper(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
        if query.get("REQUEST", "").lower() == "gettile":
            found = self._kvp(parts, query, content_type)
        else:
            found = self._rest(url) or self._path(url, parts, content_type)
        if isinstance(found, Unknown):
            return found
        key, z, x, y = found
        if not (0 <= z <= MAX_ZOOM and 0 <= x < 2 ** z and 0 <= y < 2 ** z) or not key.layer:
            return Unknown(NOT_A_TILE)
        return found

    def _kvp(self, parts, query, content_type):
        host = parts.netloc.rsplit("@", 1)[-1].lower()
        matrix_set, matrix = query.get("TILEMATRIXSET", ""), query.get("TILEMATRIX", "")
        try:
            x, y = int(query["TILECOL"]), int(query["TILEROW"])
        except (KeyError, ValueError):
            return Unknown(NOT_A_TILE)
        if (host, matrix_set) in self.kvp_sets:
            matrices = self.kvp_sets[(host, matrix_set)]
            if matrices is None:
                return Unknown(Message("{} ('{}')", NOT_WEB_MERCATOR, matrix_set))
            if matrix not in matrices:
                return Unknown(Message("matrix '{}' is not in the set '{}' of the cached capabilities",
                    matrix, matrix_set))
            z = matrices[matrix]
        elif PM_MATRIX_SET.match(matrix_set):
            try:
                z = int(matrix.rsplit(":", 1)[-1])
            except ValueError:
                return Unknown(NOT_A_TILE)
        else:
            return Unknown(Message("matrix set '{}' unknown (no cached capabilities describe it)", matrix_set),
                           later=True)
        base = urlunsplit((parts.scheme, host, parts.path, "", ""))
        fmt = (query.get("FORMAT") or content_type).lower()
        return TileSetKey(host, query.get("LAYER", ""), query.get("STYLE", ""), matrix_set, fmt, base), z, x, y

    def _rest(self, url):
        for template, layer, style, tile_format, sets in self.rest:
            found = template.match(url)
            if found is None:
                continue
            matrix_set = found.get("tilematrixset", next(iter(sets), ""))
            matrices = sets.get(matrix_set)
            if not matrices:
                return Unknown(Message("{} ('{}')", NOT_WEB_MERCATOR, matrix_set))
            if found.get("tilematrix") not in matrices:
                return Unknown(Message("matrix '{}' is not in the set '{}' of the cached capabilities",
                    found.get("tilematrix"), matrix_set))
            key = TileSetKey(_host(url), layer, found.get("style", style), matrix_set, tile_format,
                             redact_url(template.template))
            return key, matrices[found["tilematrix"]], int(found["tilecol"]), int(found["tilerow"])
        return None

    def _path(self, url, parts, content_type):
        host = parts.netloc.rsplit("@", 1)[-1].lower()
        fmt = _path_format(parts.path, content_type)
        for template in self.templates:
            found = template.match(url)
            if found:
                return (TileSetKey(host, _xyz_layer(host, parts.path, template.template), "",
                                   "XYZ" if template.top_origin else "TMS", fmt, redact_url(template.template)),
                        *found)
        match = TMS_PATH.search(parts.path)
        if match and IGN_HOSTS.search(parts.hostname or ""):
            fmt = MIME_BY_EXTENSION[match["ext"].lower()]
            # vector tiles: the service root, as a download from it names its source (one file for both)
            end = match.start() + len("/tms/1.0.0") if mvt.is_vector_format(fmt) else match.start()
            base = urlunsplit((parts.scheme, host, parts.path[:end], "", ""))
            key = TileSetKey(host, match["layer"], "", "PM", fmt, base)
            return key, int(match["z"]), int(match["x"]), int(match["y"])
        match = XYZ_PATH.match(parts.path)
        if not match:
            return Unknown(NOT_A_TILE)
        if not self.assume_top_origin:
            return Unknown(ROW_ORDER_UNKNOWN, later=True)
        template = redact_url(urlunsplit(parts._replace(path=match["prefix"] + "/{z}/{x}/{y}." + match["ext"],
                                                        query="", fragment="")))
        key = TileSetKey(host, (host + match["prefix"]).rstrip("/"), "", "XYZ",
                         MIME_BY_EXTENSION[match["ext"].lower()], template)
        return key, int(match["z"]), int(match["x"]), int(match["y"])


def _host(url):
    return urlsplit(url).netloc.rsplit("@", 1)[-1].lower()


def _path_format(path, content_type):
    extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    found = MIME_BY_EXTENSION.get(extension) or (content_type or "image/png").split(";")[0].strip().lower()
    return mvt.MIME if mvt.is_vector_format(found) else found  # one set whatever name the server gives them


def _xyz_layer(host, path, template):
    """A readable layer name: the host and the path before the template's first placeholder."""
    prefix = urlsplit(template.replace("{", "%7B", 1)).path.split("%7B", 1)[0]
    common = path[:len(prefix)] if path.startswith(prefix) else ""
    return (host + common).rstrip("/")


def is_tile_metadata_url(url):
    """A layer's metadata.json (TileJSON), which may list the vector layers of the tiles beside it."""
    return METADATA_PATH.match(urlsplit(url).path) is not None


def is_capabilities_url(url):
    """A cached WMTS capabilities document: GetCapabilities, or a RESTful …Capabilities.xml."""
    parts = urlsplit(url)
    query = {k.upper(): v.lower() for k, v in parse_qsl(parts.query)}
    return query.get("REQUEST") == "getcapabilities" or parts.path.lower().endswith("capabilities.xml")


def _datasource_fields(source):
    return dict(parse_qsl(source or "", keep_blank_values=True))


def template_of_datasource(source):
    """The URL template of a QGIS XYZ layer's data source ('type=xyz&url=…'), else None."""
    fields = _datasource_fields(source)
    if fields.get("type") != "xyz" or not fields.get("url"):
        return None
    return fields["url"]


def capabilities_of_datasource(source):
    """The capabilities URL of a QGIS WMTS layer's data source ('tileMatrixSet=…&url=…'), else None."""
    fields = _datasource_fields(source)
    if not fields.get("tileMatrixSet") or not fields.get("url"):
        return None
    return wmts.capabilities_url(fields["url"])


DATASOURCE = re.compile(r"<datasource>([^<]*)</datasource>")


def datasources_in_project_file(path):
    """The layer data sources of a .qgs/.qgz project, read without changing it ([] if unreadable)."""
    import html
    import zipfile

    try:
        if path.lower().endswith(".qgz"):
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".qgs")]
                text = archive.read(names[0]).decode("utf-8", "replace") if names else ""
        else:
            with open(path, encoding="utf-8", errors="replace") as stream:
                text = stream.read()
    except (OSError, zipfile.BadZipFile, KeyError):
        return []
    return [html.unescape(source) for source in DATASOURCE.findall(text)]


def read_capabilities(book, urls, timeout=(5, 15)):
    """Add to `book` the capabilities at `urls` (the WMTS layers QGIS knows), when their servers answer.

    Some servers' capabilities never reach QGIS's cache (MapProxy answers with a Vary header, which
    Qt does not cache). Returns the URLs that could not be read (offline, moved).
    """
    import requests

    from ..http import SessionPool

    missed = []
    pool = SessionPool()
    try:
        for url in urls:
            try:
                response = pool.get(url, timeout=timeout)
                if response.status_code != 200 or not book.add_capabilities(url, response.content):
                    missed.append(url)
            except requests.RequestException:
                missed.append(url)
    finally:
        pool.close()
    return missed
