"""Mapbox GL styles of a vector MBTiles, saved beside it so that it draws with no network.

A vector MBTiles `<library>/<LAYER>.mbtiles` keeps its styles in `<library>/<LAYER>.styles/`:

    <style>.json            the style, its vector source pointing at the MBTiles, its sprite at sprite/<name>,
                            its glyph URL removed (QGIS draws text with Qt fonts, not glyph PBFs)
    sprite/<name>.json      the sprite's definitions, and its image .png; @2x.json/@2x.png when served

Paths inside a saved style are relative to its own file, so a library copied to another disk or machine keeps
its styles. Font names are written as the fonts the plugin bundles spell them (see `font_name`), so that QGIS
finds them. The network is read within a deadline and a size cap, the credentials only sent to the origin they
were given for.
"""

import json
import os
import posixpath
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

import requests

from .. import mbtiles, names, naming, storage
from ..errors import IgnOfflineError, InputError, MBTilesError
from ..http import BodyTooLarge, DeadlineExceeded, SessionPool, redact, redact_url, unreachable_reason
from ..messages import Message, plural
from ..tiles.bodies import PNG_SIGNATURE
from . import documents, mvt
from .tms import style_url  # noqa: F401 (one place for IGN's layout of styles; also used by callers here)

SERVICE_ROOT = "https://data.geopf.fr/tms/1.0.0"
STYLES_SUFFIX = ".styles"
SPRITE_FOLDER = "sprite"
SPRITE_FILES = (".json", ".png", "@2x.json", "@2x.png")
REQUIRED_SPRITE_FILES = (".json", ".png")  # @2x is for screens that have it: a style draws without
STYLE_DEADLINE = 60.0
WINDOWS_FORBIDDEN = names.WINDOWS_FORBIDDEN
# A sprite image is decoded whole by QGIS (4 bytes a pixel): IGN's are under 1 Mpx; a header declaring more than
# this is refused before anything decodes it (20000 x 20000 px would be 1.6 GB of memory).
MAX_SPRITE_PIXELS = 4096 * 4096
MAX_SPRITE_NAME = 120  # IGN's are a word or two (PlanIgn); a longer name is no sprite's, and paths stay short
WINDOWS_DEVICES = names.WINDOWS_DEVICES
MAX_STYLE_BYTES = 16 * 2 ** 20

# The styles IGN publishes for each layer (the first is the default).
KNOWN_STYLES = {
    "PLAN.IGN": ("standard", "classique", "accentue", "attenue", "gris", "epure", "sans_toponymes", "toponymes",
                 "transparent"),
    "PCI": ("pci", "noir_et_blanc"),
    "BDTOPO": ("classique", "bati", "hydrographie", "routier", "bati_date", "bati_etages"),
    # The style files as served (IGN's documentation calls them multicolore and monochrome).
    "ISOHYPSE": ("isohypse_multicolore", "isohypse_monochrome_marron", "isohypse_monochrome_orange"),
    "ADMIN_EXPRESS": ("adminexpress",),
    "OCSGE": ("ocsge_couverture", "ocsge_usage", "ocsge_occupation"),
}

# The fonts the plugin bundles (font-source-sans-pro, SIL OFL): their family and the styles Qt names.
BUNDLED_FAMILY = "Source Sans Pro"
BUNDLED_STYLES = ("Regular", "Italic", "Semibold", "Semibold Italic", "Bold", "Bold Italic", "Light",
                  "Light Italic", "ExtraLight", "ExtraLight Italic", "Black", "Black Italic")
_STYLE_ALIASES = {"it": "Italic", "semibold it": "Semibold Italic", "bold it": "Bold Italic", "medium": "Semibold",
                  "demibold": "Semibold", "extra light": "ExtraLight", "heavy": "Black", "normal": "Regular"}


def styles_folder(mbtiles_path):
    """`<library>/<LAYER>.styles`: where the styles of the vector MBTiles `<library>/<LAYER>.mbtiles` live."""
    return os.path.splitext(mbtiles_path)[0] + STYLES_SUFFIX


def default_styles(layer):
    """The styles to save for `layer` when none are named: all IGN publishes for it, else "standard"."""
    return KNOWN_STYLES.get(layer, ("standard",))


def saved_styles(mbtiles_path):
    """The names of the styles saved for the MBTiles, the layer's default first (IGN's order), then by name."""
    folder = styles_folder(mbtiles_path)
    if not os.path.isdir(folder):
        return []
    names = [n[:-len(".json")] for n in os.listdir(folder) if n.endswith(".json") and not n.startswith(".")]
    rank = {}
    for styles in KNOWN_STYLES.values():
        for index, name in enumerate(styles):
            rank[name] = min(index, rank.get(name, index))
    return sorted(names, key=lambda name: (name != "standard", rank.get(name, len(rank)), name))


def style_path(mbtiles_path, style):
    return os.path.join(styles_folder(mbtiles_path), style + ".json")


def check_saved(mbtiles_path, style):
    """Refuse, in one line listing what there is, a `style` that is not saved for the MBTiles."""
    names = saved_styles(mbtiles_path)
    if style in names:
        return
    if not names:
        raise InputError("No style is saved for {}: save its styles with 'Save vector tile styles'.",
                         os.path.basename(mbtiles_path))
    raise InputError("The style '{}' is not saved for {}: saved styles: {}. Save it with 'Save vector tile "
                     "styles'.", style, os.path.basename(mbtiles_path), ", ".join(names))


# Fonts

def font_name(name):
    """`name` as the bundled fonts spell it ("Source Sans Pro SemiBold" → "Source Sans Pro Semibold"), so the
    converter's family/style split finds it; other fonts unchanged."""
    if not isinstance(name, str):
        return name
    for family in (BUNDLED_FAMILY, "Source Sans 3", "SourceSansPro"):
        if name.lower().startswith(family.lower()):
            rest = " ".join(name[len(family):].replace("-", " ").split()).lower()
            if not rest:
                return BUNDLED_FAMILY + " Regular"
            by_key = {style.lower().replace(" ", ""): style for style in BUNDLED_STYLES}
            style = _STYLE_ALIASES.get(rest) or by_key.get(rest.replace(" ", ""))
            return "{} {}".format(BUNDLED_FAMILY, style) if style else name
    return name


def _with_fonts(value):
    """A `text-font` value (a list of names, zoom stops or an expression) with each font name mapped."""
    if isinstance(value, list):
        return [_with_fonts(item) for item in value]
    if isinstance(value, dict):
        return {key: _with_fonts(item) for key, item in value.items()}
    return font_name(value)


def font_names(style):
    """Every font name the symbol layers of `style` ask for (a set)."""
    fonts = set()

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, str) and " " in value:  # a font name, not an operator like "literal"
            fonts.add(value)

    for layer in style.get("layers", []):
        walk((layer.get("layout") or {}).get("text-font", []))
    return fonts


def draws_nothing_of(style, metadata):
    """Whether the Mapbox GL `style` asks for none of the vector layers the MBTiles `metadata` list (its `json`
    vector_layers): a style made for other data, which would draw an empty map. False when either is unknown."""
    try:
        listed = {layer.get("id") for layer in json.loads(metadata.get("json") or "{}").get("vector_layers", [])}
    except (ValueError, AttributeError, TypeError, RecursionError):
        return False
    asked = {layer.get("source-layer") for layer in style.get("layers", []) if layer.get("source-layer")}
    return bool(listed and asked) and not asked & listed


# Rewriting

TMS_MARK = "/tms/1.0.0/"  # the Géoplateforme's tiles and TileJSON: …/tms/1.0.0/{Layer}/…


def source_layer(source):
    """The layer a style's source reads, from its address: `X` of …/tms/1.0.0/X/{z}/{x}/{y}.pbf or
    …/tms/1.0.0/X/metadata.json, the LAYER of a WMTS request; None when its address names none (or it has
    no address)."""
    for address in [source.get("url")] + list(source.get("tiles") or []):
        if not isinstance(address, str) or not address:
            continue
        parts = urlsplit(address)
        path = unquote(parts.path)
        if TMS_MARK in path + "/":
            name = (path + "/").split(TMS_MARK, 1)[1].split("/")[0]
            if name and "{" not in name:
                return name
        query = {k.upper(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
        if query.get("LAYER") and "{" not in query["LAYER"]:
            return query["LAYER"]
    return None


def _online(source):
    """Whether a source needs the network: an address in its url, tiles, urls or data (inline GeoJSON does not)."""
    addresses = [source.get("url"), source.get("data")] + list(source.get("tiles") or []) + list(
        source.get("urls") or [])
    return any(isinstance(a, str) and a for a in addresses)


def _library_match(folder, name, vector):
    """The file name of the library's MBTiles of layer `name` beside the styles folder, when there is one of the
    right kind (vector tiles for a vector source, images for the others); else None."""
    if not folder or not name:
        return None
    path = naming.library_file(folder, name)
    if not os.path.isfile(path):
        return None
    try:
        with mbtiles.MBTilesReader(path) as reader:
            is_vector = mvt.is_vector(reader.metadata())
    except (MBTilesError, OSError):
        return None
    return os.path.basename(path) if is_vector == vector else None


def offline_sources(style, mbtiles_name, layer=None, folder=None):
    """({name: source}, [dropped source names]) of a style drawn offline: the vector source holding `layer`
    points at `mbtiles_name` (a source naming no layer is taken for it when none names it); a source of another
    layer points at that layer's own file of the library `folder` when there is one, else it is dropped (an
    online source would fetch tiles in the field, or draw nothing); sources with no address are kept."""
    sources = style.get("sources") or {}
    named = {name: source_layer(source) for name, source in sources.items()}
    vector = [name for name, source in sources.items() if source.get("type") == "vector"]
    mine = [name for name in vector if layer and named[name] == layer]
    if not mine:
        mine = [name for name in vector if named[name] is None][:1]
    kept, dropped = {}, []
    for name, source in sources.items():
        if name in mine:
            kept[name] = _local_source(source, mbtiles_name)
        elif not _online(source):
            kept[name] = source
        else:
            local = _library_match(folder, named[name], source.get("type") == "vector")
            if local is not None and local != mbtiles_name:
                kept[name] = _local_source(source, local)
            else:
                dropped.append(name)
    return kept, dropped


def localised(style, mbtiles_name, sprite_name, layer=None, folder=None):
    """A copy of the Mapbox GL `style` drawing from the MBTiles `mbtiles_name` (a sibling of the styles folder)
    with the sprite `sprite/<sprite_name>` (None: no sprite), no glyph URL and the bundled font names. Its sources
    are those of offline_sources (`layer`: the layer the MBTiles holds; `folder`: the library, for the files of
    other layers); the layers drawing a dropped source go with it."""
    local = dict(style)
    local["sources"], dropped = offline_sources(style, mbtiles_name, layer, folder)
    local.pop("glyphs", None)
    if sprite_name:
        local["sprite"] = posixpath.join(SPRITE_FOLDER, sprite_name)
    else:
        local.pop("sprite", None)
    layers = []
    for layer_style in style.get("layers", []):
        if layer_style.get("source") in dropped:
            continue
        layout = layer_style.get("layout")
        if isinstance(layout, dict) and "text-font" in layout:
            layer_style = dict(layer_style, layout=dict(layout, **{"text-font": _with_fonts(layout["text-font"])}))
        layers.append(layer_style)
    local["layers"] = layers
    return local


MBTILES_PREFIX = "mbtiles://../"  # a saved style's source: a file beside its styles folder


def _local_source(source, mbtiles_name):
    kept = {k: v for k, v in source.items() if k not in ("url", "tiles", "urls")}
    return dict(kept, url=MBTILES_PREFIX + mbtiles_name)


def local_sprite(style_file):
    """(definitions dict, image path) of the saved sprite of the saved style `style_file`; None when it has none.
    Raises InputError when the style names a sprite whose files are missing, unreadable or not a sprite's, or one
    that is not `sprite/<a file name>` (a style edited, or saved by a version that did not check the name):
    nothing outside the styles folder is read."""
    style = read_style(style_file)
    sprite = style.get("sprite")
    if not sprite or not isinstance(sprite, str):
        return None
    folder, _, name = sprite.partition("/")
    problem = Message("not in {}/", SPRITE_FOLDER) if folder != SPRITE_FOLDER else file_name_problem(name)
    if problem is not None:
        raise InputError("The style '{}' names its sprite '{}', which is not a sprite it saved ({}): save the "
                         "styles again.", style_file, sprite, problem)
    base = os.path.join(os.path.dirname(style_file), SPRITE_FOLDER, name)
    what = Message("The sprite '{}'", base + ".json")
    try:
        definitions = documents.load(_read_file(base + ".json", what), what, documents.SAVED)
    except OSError as exc:
        raise InputError("The sprite of the style '{}' cannot be read ({}): save the styles again.",
                         style_file, exc.strerror or exc) from None
    problem = documents.sprite_problem(definitions)
    if problem is not None:
        raise InputError("{} is not a sprite's definitions ({}): save the styles again.", what, problem)
    if not os.path.isfile(base + ".png"):
        raise InputError("The sprite image '{}' is missing: save the styles again.", base + ".png")
    try:
        with open(base + ".png", "rb") as stream:
            problem = png_size_problem(stream.read(PNG_HEADER_BYTES))
    except OSError as exc:
        raise InputError("The sprite of the style '{}' cannot be read ({}): save the styles again.",
                         style_file, exc.strerror or exc) from None
    if problem is not None:
        raise InputError("The sprite image '{}' is refused ({}): save the styles again.", base + ".png", problem)
    return definitions, base + ".png"


PNG_HEADER_BYTES = 24  # the signature, then the IHDR chunk's length, type, width and height


def png_size_problem(head):
    """Why the PNG starting with `head` is no sprite image to decode (a Message), or None: not a PNG, or a width
    and height (read from its header, nothing decoded) over MAX_SPRITE_PIXELS or documents.MAX_SPRITE_SIDE."""
    if not head.startswith(PNG_SIGNATURE) or len(head) < PNG_HEADER_BYTES or head[12:16] != b"IHDR":
        return Message("it is not a PNG image")
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if max(width, height) > documents.MAX_SPRITE_SIDE or width * height > MAX_SPRITE_PIXELS:
        return Message("{} x {} pixels, over {:,} pixels", width, height, MAX_SPRITE_PIXELS)
    return None


def _read_file(path, what):
    """The bytes of a saved document, MAX_STYLE_BYTES at most (an edited file may be anything)."""
    if os.path.getsize(path) > MAX_STYLE_BYTES:
        raise InputError("{} is larger than {} MB: it is no style the plugin saved; save the styles again.", what,
                         MAX_STYLE_BYTES // 2 ** 20)
    with open(path, "rb") as stream:
        return stream.read()


def read_style(style_file):
    """The saved style `style_file` as a dict; InputError, in one line, when it is not a Mapbox GL style."""
    what = Message("The style '{}'", style_file)
    try:
        style = documents.load(_read_file(style_file, what), what, documents.SAVED)
    except OSError as exc:
        raise InputError("The style '{}' cannot be read ({}).", style_file, exc.strerror or exc) from None
    _check_style(style, style_file)
    return style


def _check_style(style, where):
    problem = documents.style_problem(style)
    if problem is not None:
        raise InputError("{} is not a Mapbox GL style ({}): check the style name, or save the styles again.",
                         where, problem)


# Saving

MAX_REASONS = 3  # styles not saved whose reasons are all said in one sentence (each is in the log)


@dataclass
class SavedStyles:
    """What a save of a layer's styles did: each style is saved or not on its own."""

    layer: str
    saved: list = field(default_factory=list)    # the saved styles' paths, in the order asked
    failed: list = field(default_factory=list)   # (style, Message: why it was not saved)

    @property
    def names(self):
        return [os.path.splitext(os.path.basename(path))[0] for path in self.saved]

    def problem(self):
        """One Message naming every style not saved and why, or None when all were saved."""
        if not self.failed:
            return None
        if len(self.failed) > MAX_REASONS:  # a bar of nine reasons is read by no one: the names, the first why
            first, why = self.failed[0]
            details = Message("{}; {}: {}", ", ".join(style for style, _ in self.failed), first, why)
        else:
            details = None
            for style, why in self.failed:
                one = Message("{} ({})", style, why)
                details = one if details is None else Message("{}; {}", details, one)
        return plural(len(self.failed), "{} style of {} not saved: {}", "{} styles of {} not saved: {}",
                      len(self.failed), self.layer, details)


def save_each_style(mbtiles_path, layer, styles=None, service_root=SERVICE_ROOT, credentials=None, log=None,
                    deadline=STYLE_DEADLINE):
    """Fetch `styles` of `layer` (None: default_styles) from the server of the TMS `service_root` with their
    sprites, and save them localised into styles_folder(mbtiles_path), each on its own: a style the server lacks,
    or sends broken, is not saved and the others are (a SavedStyles says which and why).

    `credentials` (core.sources.accounts.Credentials, or None) are those of `service_root`: the style and
    sprite URLs on its origin get them, others none.
    """
    log = log or (lambda message: None)
    bound = credentials.for_source(service_root) if credentials is not None else None
    folder = styles_folder(mbtiles_path)
    result = SavedStyles(layer)
    pool = SessionPool()
    sprites = {}  # sprite URL → its saved name, or the InputError that stopped it (fetched once for all styles)
    try:
        for style in list(dict.fromkeys(styles or default_styles(layer))):
            try:
                path, dropped = _save_style(pool, mbtiles_path, layer, style, service_root, bound, folder,
                                            deadline, log, sprites)
            except IgnOfflineError as exc:
                result.failed.append((style, exc.message))
                log(Message("Style '{}' not saved: {}", style, exc.message))
                continue
            if dropped:
                log(Message("Style '{}': its sources {} are not in the library and were left out (they would need "
                            "the network).", style, ", ".join(dropped)))
            log(Message("Style '{}' saved: {}", style, path))
            result.saved.append(path)
    finally:
        pool.close()
    return result


def save_styles(mbtiles_path, layer, styles=None, service_root=SERVICE_ROOT, credentials=None, log=None,
                deadline=STYLE_DEADLINE):
    """save_each_style, for callers that want all or an error: the saved styles' paths; InputError, in one line
    naming each style not saved, when any was not (the others are saved all the same)."""
    result = save_each_style(mbtiles_path, layer, styles, service_root, credentials, log, deadline)
    if len(result.failed) == 1:
        raise InputError(result.failed[0][1])  # its own sentence names the style
    if result.failed:
        raise InputError(result.problem())
    return result.saved


def _save_style(pool, mbtiles_path, layer, style, service_root, credentials, folder, deadline, log, sprites):
    """Fetch, check and save one style (its sprite once per run); (its path, the sources left out)."""
    problem = file_name_problem(style)
    if problem is not None:
        raise InputError("'{}' cannot be a style's file name ({}): give the style's name as IGN publishes it.",
                         style, problem)
    url = style_url(service_root, layer, style)
    what = Message("the style '{}' of {}", style, layer)
    document = documents.load(_fetch(pool, url, credentials, deadline, what),
                              Message("The style {} ({})", redact_url(url), what))
    _check_style(document, redact_url(url))
    sprite_name = None
    if isinstance(document.get("sprite"), str) and document["sprite"]:
        sprite_url = urljoin(url, document["sprite"])
        if sprite_url not in sprites:
            try:
                sprites[sprite_url] = _save_sprite(pool, sprite_url, credentials, folder, deadline, log, url)
            except IgnOfflineError as exc:
                sprites[sprite_url] = exc
        if isinstance(sprites[sprite_url], IgnOfflineError):
            raise sprites[sprite_url]
        sprite_name = sprites[sprite_url]
    name = os.path.basename(mbtiles_path)
    local = localised(document, name, sprite_name, layer, os.path.dirname(os.path.abspath(mbtiles_path)))
    dropped = sorted(set(document.get("sources") or {}) - set(local["sources"]))
    path = os.path.join(folder, style + ".json")
    _write(path, json.dumps(local, ensure_ascii=False, indent=1).encode("utf-8"))
    return path, dropped


def sprite_name(sprite_url, style_url):
    """The file name the sprite at `sprite_url` (named by the style at `style_url`) is saved under: the last part
    of its path ('sprite' when it has none). InputError when it cannot be a plain file name on every system: the
    server chose it, and it becomes a path in the library."""
    name = posixpath.basename(urlsplit(sprite_url).path) or "sprite"
    problem = file_name_problem(name)
    if problem is not None:
        raise InputError("The style {} names its sprite '{}', which cannot be a file name ({}): nothing was saved "
                         "from it. Check the style's address: a sprite is named plainly (PlanIgn).",
                         redact_url(style_url), name, problem)
    return name


def file_name_problem(name):
    """Why `name` cannot be a sprite's file name (core.names, the one check of server names; shorter here)."""
    return names.file_name_problem(name, MAX_SPRITE_NAME)


def _save_sprite(pool, sprite_url, credentials, folder, deadline, log, style_url=""):
    """Fetch the four files of the sprite at `sprite_url` into `folder/sprite/`; its name (checked as a file
    name before anything is fetched). Every file is checked before any is written: a sprite is saved whole."""
    name = sprite_name(sprite_url, style_url or sprite_url)
    bodies = {}
    for suffix in SPRITE_FILES:
        what = Message("the sprite file {}", name + suffix)
        body = _fetch(pool, sprite_url + suffix, credentials, deadline, what,
                      missing_ok=suffix not in REQUIRED_SPRITE_FILES)
        if body is None:
            log(Message("The sprite {} has no {} (high-resolution screens use the normal one).", name, suffix))
            continue
        if suffix.endswith(".png") and not body.startswith(PNG_SIGNATURE):
            raise InputError("{} sent something else than a PNG image for {}: nothing more was saved.",
                             redact_url(sprite_url + suffix), what)
        problem = png_size_problem(body) if suffix.endswith(".png") else None
        if problem is not None:
            raise InputError("{} sent a sprite image that is refused for {} ({}): nothing more was saved.",
                             redact_url(sprite_url + suffix), what, problem)
        if suffix.endswith(".json"):
            said = Message("The sprite file {}", redact_url(sprite_url + suffix))
            problem = documents.sprite_problem(documents.load(body, said))
            if problem is not None:
                raise InputError("{} is not a sprite's definitions ({}): nothing more was saved.", said, problem)
        bodies[suffix] = body
    for suffix, body in bodies.items():
        _write(os.path.join(folder, SPRITE_FOLDER, name + suffix), body)
    return name


def _fetch(pool, url, credentials, deadline, what, missing_ok=False):
    """The body of `url`, read within `deadline` seconds and MAX_STYLE_BYTES; None when `missing_ok` and the
    server has no such file."""
    request_url, headers = credentials.apply(url) if credentials is not None else (url, {})
    public = redact_url(url)
    try:
        response = pool.fetch(request_url, headers=headers, deadline=deadline, max_bytes=MAX_STYLE_BYTES,
                              what=what)
    except DeadlineExceeded:
        raise InputError("{} did not arrive within {:.0f} s from {}: try again later.", what, deadline,
                         public) from None
    except BodyTooLarge as exc:
        raise InputError("{} sent {}: check the address.", public, exc) from None
    except requests.RequestException as exc:
        raise InputError(redact(Message("Cannot reach {} ({}): check the address and the network.", public,
                                        unreachable_reason(exc)), credentials)) from None
    if response.status_code == 404 and missing_ok:
        return None
    if response.status_code != 200:
        raise InputError("{} answered {} {} for {}: check the layer and style names (and the account for a "
                         "private layer).", public, response.status_code, response.reason, what)
    return response.content


def _write(path, data):
    """Write `data` to `path` whole or not at all (a temporary file renamed), creating its folder."""
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temporary = storage.temporary_beside(folder)  # readable as the umask allows (mkstemp's are 0600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


# Copying (an offline project takes the styles with its file)

def copy_styles(mbtiles_path, target_path):
    """The styles saved for `mbtiles_path` copied beside its copy `target_path` (styles_folder(target_path)), so
    that the copy switches among them offline: its sprite as it is, each style with its sources re-pointed — the
    MBTiles at the copy, another file of the library kept only when it is beside the copy too, else dropped with
    its layers (the copy never reaches back to the library or the network). A style that cannot be read is left
    out. (copied style names, [(style, Message why not)])."""
    names = saved_styles(mbtiles_path)
    if not names:
        return [], []
    sprite_from = os.path.join(styles_folder(mbtiles_path), SPRITE_FOLDER)
    if os.path.isdir(sprite_from):
        for name in sorted(os.listdir(sprite_from)):
            if file_name_problem(name) is None and os.path.isfile(os.path.join(sprite_from, name)) and \
                    not name.startswith("."):
                with open(os.path.join(sprite_from, name), "rb") as stream:
                    _write(os.path.join(styles_folder(target_path), SPRITE_FOLDER, name), stream.read())
    copied, failed = [], []
    for name in names:
        try:
            style = read_style(style_path(mbtiles_path, name))
        except InputError as exc:
            failed.append((name, exc.message))
            continue
        moved = _relocated(style, os.path.basename(mbtiles_path), target_path)
        _write(style_path(target_path, name), json.dumps(moved, ensure_ascii=False, indent=1).encode("utf-8"))
        copied.append(name)
    return copied, failed


def _relocated(style, old_name, target_path):
    """A saved style whose sources read `old_name` re-pointed at `target_path`'s file; a source of another file
    not beside `target_path`, or online, dropped with its layers."""
    new_name, folder = os.path.basename(target_path), os.path.dirname(os.path.abspath(target_path))
    sources, dropped = {}, set()
    for name, source in (style.get("sources") or {}).items():
        url = source.get("url")
        if isinstance(url, str) and url.startswith(MBTILES_PREFIX):
            file = url[len(MBTILES_PREFIX):]
            if file == old_name:
                sources[name] = dict(source, url=MBTILES_PREFIX + new_name)
                continue
            if file_name_problem(file) is None and os.path.isfile(os.path.join(folder, file)):
                sources[name] = source
                continue
        elif not _online(source):
            sources[name] = source
            continue
        dropped.add(name)
    layers = [layer for layer in style["layers"] if layer.get("source") not in dropped]
    return dict(style, sources=sources, layers=layers)
