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
import tempfile
from urllib.parse import urljoin, urlsplit

import requests

from .. import names
from ..errors import InputError
from ..messages import Message
from ..sources.accounts import redact
from ..sources.http import PNG_SIGNATURE, BodyTooLarge, DeadlineExceeded, SessionPool, redact_url, unreachable_reason
from .tms import style_url  # noqa: F401 (one place for IGN's layout of styles; also used by callers here)

SERVICE_ROOT = "https://data.geopf.fr/tms/1.0.0"
STYLES_SUFFIX = ".styles"
SPRITE_FOLDER = "sprite"
SPRITE_FILES = (".json", ".png", "@2x.json", "@2x.png")
REQUIRED_SPRITE_FILES = (".json", ".png")  # @2x is for screens that have it: a style draws without
STYLE_DEADLINE = 60.0
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
    names = set()

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, str) and " " in value:  # a font name, not an operator like "literal"
            names.add(value)

    for layer in style.get("layers", []):
        walk((layer.get("layout") or {}).get("text-font", []))
    return names


def draws_nothing_of(style, metadata):
    """Whether the Mapbox GL `style` asks for none of the vector layers the MBTiles `metadata` list (its `json`
    vector_layers): a style made for other data, which would draw an empty map. False when either is unknown."""
    try:
        listed = {layer.get("id") for layer in json.loads(metadata.get("json") or "{}").get("vector_layers", [])}
    except (ValueError, AttributeError):
        return False
    asked = {layer.get("source-layer") for layer in style.get("layers", []) if layer.get("source-layer")}
    return bool(listed and asked) and not asked & listed


# Rewriting

def localised(style, mbtiles_name, sprite_name):
    """A copy of the Mapbox GL `style` drawing from the MBTiles `mbtiles_name` (a sibling of the styles folder)
    with the sprite `sprite/<sprite_name>` (None: no sprite), no glyph URL and the bundled font names."""
    local = dict(style)
    local["sources"] = {
        name: _local_source(source, mbtiles_name) if (source or {}).get("type") == "vector" else source
        for name, source in (style.get("sources") or {}).items()}
    local.pop("glyphs", None)
    if sprite_name:
        local["sprite"] = posixpath.join(SPRITE_FOLDER, sprite_name)
    else:
        local.pop("sprite", None)
    layers = []
    for layer in style.get("layers", []):
        layout = layer.get("layout")
        if isinstance(layout, dict) and "text-font" in layout:
            layer = dict(layer, layout=dict(layout, **{"text-font": _with_fonts(layout["text-font"])}))
        layers.append(layer)
    local["layers"] = layers
    return local


def _local_source(source, mbtiles_name):
    kept = {k: v for k, v in source.items() if k not in ("url", "tiles")}
    return dict(kept, url="mbtiles://../" + mbtiles_name)


def local_sprite(style_file):
    """(definitions dict, image path) of the saved sprite of the saved style `style_file`; None when it has none.
    Raises InputError when the style names a sprite whose files are missing or unreadable, or one that is not
    `sprite/<a file name>` (a style edited, or saved by a version that did not check the name): nothing outside
    the styles folder is read."""
    with open(style_file, encoding="utf-8") as stream:
        style = json.load(stream)
    sprite = style.get("sprite")
    if not sprite or not isinstance(sprite, str):
        return None
    folder, _, name = sprite.partition("/")
    problem = Message("not in {}/", SPRITE_FOLDER) if folder != SPRITE_FOLDER else file_name_problem(name)
    if problem is not None:
        raise InputError("The style '{}' names its sprite '{}', which is not a sprite it saved ({}): save the "
                         "styles again.", style_file, sprite, problem)
    base = os.path.join(os.path.dirname(style_file), SPRITE_FOLDER, name)
    try:
        with open(base + ".json", encoding="utf-8") as stream:
            definitions = json.load(stream)
    except (OSError, ValueError) as exc:
        raise InputError("The sprite of the style '{}' cannot be read ({}): save the styles again.",
                         style_file, exc) from None
    if not os.path.isfile(base + ".png"):
        raise InputError("The sprite image '{}' is missing: save the styles again.", base + ".png")
    return definitions, base + ".png"


def read_style(style_file):
    """The saved style `style_file` as a dict; InputError, in one line, when it is not a Mapbox GL style."""
    try:
        with open(style_file, encoding="utf-8") as stream:
            style = json.load(stream)
    except OSError as exc:
        raise InputError("The style '{}' cannot be read ({}).", style_file, exc.strerror or exc) from None
    except ValueError:
        raise InputError("The style '{}' is not JSON: save the styles again.", style_file) from None
    _check_style(style, style_file)
    return style


def _check_style(style, where):
    if not isinstance(style, dict) or not isinstance(style.get("layers"), list):
        raise InputError("{} is not a Mapbox GL style (no 'layers' list): check the style name.", where)


# Saving

def save_styles(mbtiles_path, layer, styles=None, service_root=SERVICE_ROOT, credentials=None, log=None,
                deadline=STYLE_DEADLINE):
    """Fetch `styles` of `layer` (None: default_styles) from the server of the TMS `service_root` with their
    sprites, and save them localised into styles_folder(mbtiles_path). Returns the saved styles' paths.

    `credentials` (core.sources.accounts.Credentials, or None) are those of `service_root`: the style and
    sprite URLs on its origin get them, others none. Raises InputError, in one line, on the first failure;
    the styles saved before it stay.
    """
    log = log or (lambda message: None)
    bound = credentials.for_source(service_root) if credentials is not None else None
    folder = styles_folder(mbtiles_path)
    pool = SessionPool()
    saved, sprites = [], {}
    try:
        for style in styles or default_styles(layer):
            url = style_url(service_root, layer, style)
            document = _fetch_json(pool, url, bound, deadline, Message("the style '{}' of {}", style, layer))
            _check_style(document, redact_url(url))
            sprite_name = None
            if isinstance(document.get("sprite"), str) and document["sprite"]:
                sprite_url = urljoin(url, document["sprite"])
                if sprite_url not in sprites:
                    sprites[sprite_url] = _save_sprite(pool, sprite_url, bound, folder, deadline, log, url)
                sprite_name = sprites[sprite_url]
            local = localised(document, os.path.basename(mbtiles_path), sprite_name)
            path = os.path.join(folder, style + ".json")
            _write(path, json.dumps(local, ensure_ascii=False, indent=1).encode("utf-8"))
            log(Message("Style '{}' saved: {}", style, path))
            saved.append(path)
    finally:
        pool.close()
    return saved


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
    name before anything is fetched or written)."""
    name = sprite_name(sprite_url, style_url or sprite_url)
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
        if suffix.endswith(".json"):
            _parse_json(body, sprite_url + suffix)
        _write(os.path.join(folder, SPRITE_FOLDER, name + suffix), body)
    return name


def _fetch_json(pool, url, credentials, deadline, what):
    return _parse_json(_fetch(pool, url, credentials, deadline, what), url)


def _parse_json(body, url):
    try:
        return json.loads(body.decode("utf-8-sig"))
    except ValueError:
        raise InputError("{} did not send JSON (an error page?): check the address; nothing more was saved.",
                         redact_url(url)) from None


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
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
