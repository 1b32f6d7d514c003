"""TARGET=web: a folder that shows the exported tiles in a browser, offline, from any static web server with Range.

    <folder>/index.html          the page: MapLibre GL JS on the archive, opened on its bounds
    <folder>/<folder>.pmtiles    the tiles (exports.export, format pmtiles)
    <folder>/styles/<style>.json the saved styles of a vector MBTiles (a raster's: one raster style), each vector
                                 source `pmtiles://<archive>` and the sprite `sprite/<name>`, both relative to the
                                 style file (index.html makes them absolute: MapLibre refuses a relative sprite)
    <folder>/styles/sprite/      the sprites those styles name
    <folder>/fonts/              the bundled fonts the styles' labels name (Source Sans Pro, SIL OFL) with their
                                 licence: MapLibre draws the labels with them (a style with no `glyphs` URL has
                                 its glyphs drawn by the browser), so no glyph server is needed
    <folder>/lib/                maplibre-gl and pmtiles (their npm builds, fetched by `make setup`, shipped in
                                 the plugin's web_libs/) with their licences: no CDN, the field has no network
    <folder>/serve.py            a static server with Range (Python's http.server has none), and README.txt

Everything the page loads is in the folder: a source that is neither the archive nor inline data (a raster of
another host in IGN's styles) is dropped with the layers drawing it.
"""

import errno
import html
import importlib.util
import json
import os
import shutil
import urllib.parse

from .. import storage
from ..errors import IgnOfflineError, InputError
from ..messages import Message, os_reason
from ..vector import styles as saved
from .exports import disk_full

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WEB_LIBS = os.path.join(ROOT, "web_libs")  # filled by `make setup`, shipped by `make package`
RESOURCES = os.path.join(ROOT, "resources", "web")
# What the page loads from lib/, and the licences that go with them.
LIBRARY_FILES = ("maplibre-gl.js", "maplibre-gl.css", "maplibre-gl-LICENSE.txt", "pmtiles.js",
                 "pmtiles-LICENSE.txt")
FONT_PACKAGE = "font_source_sans_pro"
# The bundled fonts' file names by the style the saved styles spell (styles.BUNDLED_STYLES).
FONT_FILES = {"Regular": "Regular", "Italic": "It", "Semibold": "Semibold", "Semibold Italic": "SemiboldIt",
              "Bold": "Bold", "Bold Italic": "BoldIt", "Light": "Light", "Light Italic": "LightIt",
              "ExtraLight": "ExtraLight", "ExtraLight Italic": "ExtraLightIt", "Black": "Black",
              "Black Italic": "BlackIt"}
STYLES = "styles"
# Written last into a complete export: only a folder holding it (and nothing but what an export writes) is
# replaced by a new export, so that a user's own index.html is never taken for ours.
MARKER = ".ign-offline-web"
MARKER_TEXT = "A web map written by IGN Offline: a new export into this folder replaces it whole.\n"
WRITTEN = ("index.html", "README.txt", "serve.py", "lib", STYLES, "fonts", MARKER)
README = """This folder is a map for a web browser, made by IGN Offline: it works with no Internet access.

A web page cannot read files from the disk: serve this folder with any web server that honours byte ranges
(HTTP Range: the map reads its archive in pieces), then open the address it gives in a browser.

    python3 serve.py                 (Python 3, any system; then open http://127.0.0.1:8000/)
    npx http-server -p 8000          (Node.js)

Python's own `python3 -m http.server` does NOT honour ranges: the map would stay empty with it. nginx, Apache,
Caddy or any static host (your intranet, a phone app serving a folder) work as they are.

---

Ce dossier est une carte pour navigateur web, faite par IGN Offline : elle fonctionne sans accès à Internet.

Une page web ne peut pas lire de fichiers sur le disque : servez ce dossier avec un serveur web qui accepte les
requêtes partielles (HTTP Range : la carte lit son archive par morceaux), puis ouvrez dans un navigateur
l'adresse qu'il donne.

    python3 serve.py                 (Python 3, tout système ; puis ouvrez http://127.0.0.1:8000/)
    npx http-server -p 8000          (Node.js)

Le serveur propre à Python, `python3 -m http.server`, n'accepte PAS les requêtes partielles : la carte resterait
vide. nginx, Apache, Caddy ou tout hébergement statique conviennent tels quels.

---

Credits / crédits : {attribution}. maplibre-gl (lib/maplibre-gl-LICENSE.txt), pmtiles (lib/pmtiles-LICENSE.txt),
Source Sans Pro (fonts/LICENSE.txt, SIL Open Font License).
"""


def viewer_folder(output):
    """The folder of the web export asked as `output` (`…/map.pmtiles` or `…/map`): `…/map`."""
    stem, extension = os.path.splitext(output)
    return stem if extension.lower() == ".pmtiles" else output


def archive_path(folder):
    """The archive inside the viewer `folder`: `<folder>/<folder's name>.pmtiles`."""
    return os.path.join(folder, os.path.basename(os.path.normpath(folder)) + ".pmtiles")


def check_folder(folder):
    """Refuse a viewer folder that is a file, or a folder holding other things than an earlier export of ours (a
    library, a project folder, a site of the user's: OUTPUT named like it): a new export replaces the folder whole.
    Ours is proved by the marker a complete export writes last, and nothing in the folder but what it writes."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise InputError("The web export goes into the folder '{}', but a file has that name: choose another "
                         "OUTPUT.", folder)
    if not os.path.isdir(folder) or not os.listdir(folder):
        return
    ours = set(WRITTEN) | {os.path.basename(archive_path(folder))}
    if not os.path.isfile(os.path.join(folder, MARKER)) or not set(os.listdir(folder)) <= ours:
        raise InputError("The web export goes into the folder '{}', which already holds other files: choose a new "
                         "OUTPUT (the folder is named like it, without .pmtiles).", folder)


class Staged:
    """The export written into a hidden folder beside `folder` (same disk), which replaces `folder` only once
    complete (`commit()`): a failure or a cancel leaves no half-written folder, and an earlier export stays whole
    until the new one is ready. Use `with Staged(folder) as stage:`; `stage.path` is where to write."""

    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        parent, name = os.path.split(os.path.normpath(self.folder))
        self.path = os.path.join(parent, ".{}.partial".format(name))
        self.archive = os.path.join(self.path, os.path.basename(archive_path(self.folder)))
        self.committed = False

    def __enter__(self):
        shutil.rmtree(self.path, ignore_errors=True)  # left by a run killed before it could clean up
        os.makedirs(self.path)
        return self

    def commit(self):
        """Put the complete export in place of `folder` (an earlier export, checked by check_folder, removed)."""
        storage.write_atomically(os.path.join(self.path, MARKER), MARKER_TEXT)
        old = None
        if os.path.isdir(self.folder):
            old = self.path[:-len(".partial")] + ".old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(self.folder, old)
        os.replace(self.path, self.folder)
        self.committed = True
        if old:
            shutil.rmtree(old, ignore_errors=True)

    def __exit__(self, *exc):
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)


def check_libraries():
    """Refuse, before anything is written, an install without the page's JavaScript (a checkout before `make
    setup`, a plugin zip built without it)."""
    missing = [name for name in LIBRARY_FILES if not os.path.isfile(os.path.join(WEB_LIBS, name))]
    if missing:
        raise InputError("The web viewer's JavaScript is missing from the plugin ({} in {}): reinstall the plugin, "
                         "or run 'make setup' in a checkout. Or export FORMAT pmtiles alone.", ", ".join(missing),
                         WEB_LIBS)


def write_viewer(folder, archive, source, title, attribution, vector, warn=None):
    """Write the page and what it loads into `folder`, beside `archive` (a PMTiles written there): the saved styles
    of the vector MBTiles `source` (none saved: a plain style of its layers), or a raster style. The index.html
    path is returned. A saved style that cannot be read (damaged, its sprite missing) is left out, said to `warn`
    (a Message), as QGIS's loading does. A folder that cannot be written is said in one line (a full disk as
    such)."""
    try:
        return _write_viewer(folder, archive, source, title, attribution, vector, warn or (lambda message: None))
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise disk_full(os.path.join(folder, "index.html")) from None
        raise IgnOfflineError("'{}' cannot be written ({}): choose another folder, then run again.", folder,
                              os_reason(exc)) from None


def _write_viewer(folder, archive, source, title, attribution, vector, warn):
    check_libraries()
    header = _archive_header(archive)
    bounds = [header["min_lon_e7"] / 1e7, header["min_lat_e7"] / 1e7, header["max_lon_e7"] / 1e7,
              header["max_lat_e7"] / 1e7]
    name = os.path.basename(archive)
    _copy_into(folder, "lib", [os.path.join(WEB_LIBS, n) for n in LIBRARY_FILES])
    os.makedirs(os.path.join(folder, STYLES), exist_ok=True)
    if vector:
        styles = _vector_styles(folder, source, name, attribution, warn)
    else:
        styles = [_write_style(folder, "tiles", raster_style(name, attribution))]
    fonts = _copy_fonts(folder, styles)
    shutil.copyfile(os.path.join(RESOURCES, "serve.py"), os.path.join(folder, "serve.py"))
    storage.write_atomically(os.path.join(folder, "README.txt"), README.format(attribution=attribution or "-"))
    config = {"title": title, "bounds": bounds, "maxzoom": 22 if vector else min(header["max_zoom"] + 2, 22),
              "styles": [{"name": style_name,
                          "file": "{}/{}.json".format(STYLES, urllib.parse.quote(style_name, safe=""))}
                         for style_name, _ in styles],
              "fonts": [{"family": family, "italic": "Italic" in family} for family, _ in fonts]}
    page = _page(title, config, fonts)
    index = os.path.join(folder, "index.html")
    storage.write_atomically(index, page)
    return index


def _archive_header(archive):
    from pmtiles.reader import MmapSource, Reader

    with open(archive, "rb") as stream:
        return Reader(MmapSource(stream)).header()


def _copy_into(folder, sub, paths):
    target = os.path.join(folder, sub)
    os.makedirs(target, exist_ok=True)
    for path in paths:
        shutil.copyfile(path, os.path.join(target, os.path.basename(path)))


def _vector_styles(folder, source, archive_name, attribution, warn):
    """[(name, style)] written into styles/: the saved styles of `source` for the web, each with its sprite; one
    that cannot be read is said to `warn` and left out (the others still make the page)."""
    written = []
    for style_name in saved.saved_styles(source) if source else []:
        style_file = saved.style_path(source, style_name)
        try:
            document = web_style(saved.read_style(style_file), archive_name, attribution)
            sprite = saved.local_sprite(style_file)  # checked: sprite/<a file name>, its files present
        except InputError as exc:
            warn(Message("The style '{}' is left out of the web page: {}", style_name, exc.message))
            continue
        if sprite is None:
            document.pop("sprite", None)
        else:
            base = os.path.splitext(sprite[1])[0]
            _copy_sprite(os.path.join(folder, STYLES, saved.SPRITE_FOLDER), base)
            # Its name in a URL: a `#` or `%` percent-encoded (the files keep the name).
            document["sprite"] = saved.SPRITE_FOLDER + "/" + urllib.parse.quote(os.path.basename(base), safe="")
        written.append(_write_style(folder, style_name, document))
    if not written:
        written.append(_write_style(folder, "layers", plain_style(source, archive_name, attribution)))
    return written


def _copy_sprite(target, base):
    """The sprite `base` + .json/.png (and @2x) copied into `target`. A screen of more than one pixel per CSS pixel
    (phones, tablets) makes MapLibre ask for @2x: when the server had none, the plain sprite is given under that
    name (its icons keep their size, their own pixelRatio being 1), rather than a failed request and no icons."""
    os.makedirs(target, exist_ok=True)
    name = os.path.basename(base)
    for suffix in saved.SPRITE_FILES:
        found = base + suffix if os.path.isfile(base + suffix) else base + suffix.replace("@2x", "")
        shutil.copyfile(found, os.path.join(target, name + suffix))


def _write_style(folder, style_name, document):
    path = os.path.join(folder, STYLES, style_name + ".json")
    storage.write_atomically(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    return style_name, document


def web_style(style, archive_name, attribution):
    """A saved style as the page draws it: each vector source reads the archive (`pmtiles://<archive_name>`,
    relative to the style file, which sits one folder below it), inline GeoJSON kept; any other source (another
    host's raster, a relief) dropped with the layers that draw it, so that nothing is asked of the network. No
    glyph URL: the browser draws the labels with the bundled fonts."""
    document = dict(style)
    sources = {}
    for source_name, source in (style.get("sources") or {}).items():
        if not isinstance(source, dict):
            continue
        if source.get("type") == "vector":
            kept = {k: v for k, v in source.items() if k not in ("url", "tiles", "attribution")}
            sources[source_name] = dict(kept, url=archive_url(archive_name), attribution=attribution)
        elif source.get("type") == "geojson" and isinstance(source.get("data"), dict):
            sources[source_name] = source
    document["sources"] = sources
    document["layers"] = [layer for layer in style.get("layers", []) if isinstance(layer, dict) and (
        layer.get("type") == "background" or layer.get("source") in sources)]
    document.pop("glyphs", None)
    return document


def archive_url(archive_name):
    """`pmtiles://../<archive_name>`, the name percent-encoded: a `#`, `?` or `%` in an export's name would
    otherwise end or garble the address (the page resolves it against the style's own)."""
    return "pmtiles://../" + urllib.parse.quote(archive_name, safe="")


def raster_style(archive_name, attribution):
    """The style of a raster archive: its tiles, nothing else."""
    return {"version": 8, "name": "tiles",
            "sources": {"tiles": {"type": "raster", "url": archive_url(archive_name), "tileSize": 256,
                                  "attribution": attribution}},
            "layers": [{"id": "tiles", "type": "raster", "source": "tiles"}]}


def plain_style(source, archive_name, attribution):
    """A style for vector tiles with no saved style: each layer the file lists, its areas, lines and points."""
    from ..library.inventory import vector_layers
    from ..mbtiles import MBTilesReader

    with MBTilesReader(source) as reader:
        layer_ids = [layer.get("id") for layer in vector_layers(reader.metadata()) if isinstance(layer, dict)]
    layers = [{"id": "background", "type": "background", "paint": {"background-color": "#f8f4f0"}}]
    for layer_id in filter(None, layer_ids):
        common = {"source": "tiles", "source-layer": layer_id}
        layers += [
            dict(common, id=layer_id + "-areas", type="fill", filter=["==", ["geometry-type"], "Polygon"],
                 paint={"fill-color": "#c8d8c0", "fill-outline-color": "#8a9a80"}),
            dict(common, id=layer_id + "-lines", type="line", filter=["==", ["geometry-type"], "LineString"],
                 paint={"line-color": "#806050", "line-width": 1}),
            dict(common, id=layer_id + "-points", type="circle", filter=["==", ["geometry-type"], "Point"],
                 paint={"circle-color": "#404040", "circle-radius": 2})]
    return {"version": 8, "name": "layers",
            "sources": {"tiles": {"type": "vector", "url": archive_url(archive_name),
                                  "attribution": attribution}},
            "layers": layers}


def _copy_fonts(folder, styles):
    """[(family, file name)] of the bundled fonts the styles' labels name, copied into fonts/ with their licence."""
    package = importlib.util.find_spec(FONT_PACKAGE)
    files = os.path.join(list(package.submodule_search_locations)[0], "files") if package else ""
    fonts = []
    for family in sorted(set().union(*(saved.font_names(style) for _, style in styles))):
        style = family[len(saved.BUNDLED_FAMILY) + 1:] if family.startswith(saved.BUNDLED_FAMILY + " ") else ""
        file_name = "SourceSansPro-{}.ttf".format(FONT_FILES[style]) if style in FONT_FILES else ""
        if file_name and os.path.isfile(os.path.join(files, file_name)):
            fonts.append((family, file_name))
    if fonts:
        _copy_into(folder, "fonts", [os.path.join(files, name) for _, name in fonts] +
                   [os.path.join(files, "LICENSE.txt")])
    return fonts


def _page(title, config, fonts):
    """index.html: the template with the title, the fonts' @font-face rules and the configuration."""
    with open(os.path.join(RESOURCES, "viewer.html"), encoding="utf-8") as stream:
        template = stream.read()
    # Each face answers every weight (MapLibre asks for the one a font's name suggests): no faux bold on a Bold.
    faces = "\n".join('@font-face {{ font-family: {}; src: url("fonts/{}"); font-weight: 1 1000; font-style: {}; }}'
                      .format(json.dumps(family), file_name, "italic" if "Italic" in family else "normal")
                      for family, file_name in fonts)
    # In a <script> element "</" ends it and "<!--" changes how it is read: no <, > or & stays as it is (JSON's
    # \u escapes read back the same), nor the line separators old JavaScript engines refuse in a string.
    data = json.dumps(config, ensure_ascii=False)
    for character in "<>&\u2028\u2029":
        data = data.replace(character, "\\u{:04x}".format(ord(character)))
    return template.replace("{{TITLE}}", html.escape(title)).replace("{{FONT_FACES}}", faces).replace(
        "{{CONFIG}}", data)
