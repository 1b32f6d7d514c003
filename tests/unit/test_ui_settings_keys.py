"""Issue 31: the keys the dock remembers are written once, in ui/settings.py, and are the keys a user's settings
file already holds (a renamed key would forget the user's choices). Read from the sources: no QGIS needed."""

import ast
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The keys under ign_offline/dock/ before issue 31, as users' settings files hold them.
KEYS = {"library", "page", "area", "west", "south", "east", "north", "zoom_min", "zoom_max", "drawn", "areas",
        "overview", "source", "concurrency", "max_rate", "account", "layers", "ftp_host", "ftp_port",
        "ftp_connections", "datasets_service", "datasets_products", "datasets_keep_archives", "datasets_clip",
        "datasets_load", "datasets_hillshade", "datasets_slope", "datasets_contours", "datasets_contour_interval",
        "cache", "plan", "field_target", "field_all", "field_cap_mb", "field_format", "field_cap", "field_files",
        "area_layer",  # issue 30
        "auto_refresh", "field_folders", "field_verify"}  # issue 32
CALLS = {"value", "store", "json_value", "store_json", "remember"}


def settings_keys():
    tree = ast.parse(open(os.path.join(ROOT, "ui", "settings.py"), encoding="utf-8").read())
    keys = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].__class__ is ast.Tuple:
            names = [target.id for target in node.targets[0].elts]
            keys.update(zip(names, (value.value for value in node.value.elts)))
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.targets[0].id != "PREFIX":
            keys[node.targets[0].id] = node.value.value
    return keys


def test_the_settings_module_holds_the_same_keys_once():
    keys = settings_keys()
    assert set(keys.values()) == KEYS
    assert len(keys) == len(KEYS)  # no key under two names


def test_ui_names_its_keys_through_the_settings_module():
    """No key written as a literal where the dock reads or keeps a setting: `settings.X` names it."""
    literal = []
    folder = os.path.join(ROOT, "ui")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py") or name == "settings.py":
            continue
        tree = ast.parse(open(os.path.join(folder, name), encoding="utf-8").read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in CALLS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value in KEYS:
                        literal.append("{}:{} {!r}".format(name, node.lineno, arg.value))
                    if isinstance(arg, ast.Dict) and node.func.attr == "remember":  # {key: widget}; a stored
                        # value's own fields (store_json's dict) are no settings keys
                        literal += ["{}:{} {!r}".format(name, node.lineno, key.value) for key in arg.keys
                                    if isinstance(key, ast.Constant)]
                literal += ["{}:{} {}=".format(name, node.lineno, kw.arg) for kw in node.keywords if kw.arg in KEYS]
    assert not literal, literal
