"""The plugin's layers, read from the import statements (ast: nothing is imported, no QGIS needed).

plugin → ui → (by algorithm id only) algorithms → toolbelt → core. The dock reaches the algorithms through
ui/background.py by id, so ui/ and algorithms/ never import each other; algorithms share their parameter blocks
through algorithms/parameters.py, never through another algorithm; toolbelt/ serves both and imports neither.
"""

import ast
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGIN = "ign_offline"
PACKAGES = ("ui", "algorithms", "toolbelt")
# What an algorithm module may import from its own package: no algorithm is a library for another.
SHARED_ALGORITHM_MODULES = {"base", "parameters"}
# The provider lists every algorithm: it imports them all by design.
ALGORITHM_IMPORTERS = {"provider"}


def is_module(root, target):
    """Whether the dotted plugin name `target` is a module or package of the plugin under `root`."""
    parts = target.split(".")
    if parts[0] != PLUGIN:
        return False
    path = os.path.join(root, *parts[1:])
    return os.path.isfile(path + ".py") or os.path.isfile(os.path.join(path, "__init__.py"))


def imported(root, path, module):
    """The modules `module` (e.g. ign_offline.ui.dock, read from `path`) imports, relative imports resolved.

    `from x import y` names x.y when y is a module of the plugin (`from . import dock`), else x.
    """
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read(), path)
    is_package = os.path.basename(path) == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join((here[:len(here) - node.level + 1] if node.level else []) + (
                node.module.split(".") if node.module else []))
            for alias in node.names:
                inner = base + "." + alias.name
                names.add(inner if is_module(root, inner) else base)
    return sorted(names)


def modules_of(root, package):
    """(module name, path) of every .py of `package` under `root`, sub-folders included."""
    found = []
    for folder, dirs, files in os.walk(os.path.join(root, package)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        parts = os.path.relpath(folder, root).split(os.sep)
        for name in sorted(files):
            if name.endswith(".py"):
                tail = [] if name == "__init__.py" else [name[:-3]]
                found.append((".".join([PLUGIN] + parts + tail), os.path.join(folder, name)))
    return found


def violations(root):
    """Every import that breaks a layering rule, as 'module imports target (why)'."""
    broken = []
    forbidden = {"ui": {"algorithms"}, "algorithms": {"ui"}, "toolbelt": {"ui", "algorithms"}}
    for package in PACKAGES:
        for module, path in modules_of(root, package):
            own = module.split(".")[2] if module.count(".") >= 2 else None
            for target in imported(root, path, module):
                parts = target.split(".")
                if parts[0] != PLUGIN or len(parts) < 2:
                    continue
                if parts[1] in forbidden[package]:
                    broken.append("{} imports {} ({}/ must not import {}/)".format(module, target, package, parts[1]))
                elif (package == "algorithms" and parts[1] == "algorithms" and len(parts) >= 3
                      and own not in ALGORITHM_IMPORTERS and parts[2] not in SHARED_ALGORITHM_MODULES | {own}):
                    broken.append("{} imports {} (an algorithm imports another; share it through "
                                  "algorithms/parameters.py or toolbelt/)".format(module, target))
    return broken


def test_the_plugin_keeps_its_layers():
    assert violations(ROOT) == []


def test_every_package_is_read():
    found = {module for package in PACKAGES for module, _ in modules_of(ROOT, package)}
    assert {"ign_offline.ui.dock", "ign_offline.algorithms.download_tiles", "ign_offline.algorithms.parameters",
            "ign_offline.toolbelt.layers", "ign_offline.toolbelt.auth"} <= found
    download = os.path.join(ROOT, "algorithms", "download_tiles.py")
    assert {"ign_offline.algorithms.base", "ign_offline.algorithms.parameters", "ign_offline.toolbelt.layers",
            "ign_offline.core.mbtiles"} <= set(imported(ROOT, download, "ign_offline.algorithms.download_tiles"))


def write(root, path, text):
    full = os.path.join(root, *path.split("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as handle:
        handle.write(text)


def test_each_rule_is_caught(tmp_path):
    """A small plugin breaking each rule once: every break is named, and what is allowed is not."""
    root = str(tmp_path)
    for package in PACKAGES:
        write(root, package + "/__init__.py", "")
    write(root, "algorithms/base.py", "from ..toolbelt import layers\n")
    write(root, "algorithms/parameters.py", "from ..toolbelt.auth import credentials_of\n")
    write(root, "algorithms/provider.py", "from .one import One\nfrom .two import Two\n")
    write(root, "algorithms/one.py", "from .base import Base\nfrom .parameters import AREA\nfrom . import two\n")
    write(root, "algorithms/two.py", "from .one import helper\n\n\ndef late():\n    from ..ui.dock import Dock\n")
    write(root, "ui/dock.py", "from ..toolbelt.layers import load_mbtiles\nfrom ..algorithms import parameters\n")
    write(root, "ui/page.py", "import ign_offline.algorithms.one\n")
    write(root, "toolbelt/layers.py", "from ..core import mbtiles\n")
    write(root, "ui/settings.py", "")
    write(root, "toolbelt/auth.py", "from ..ui import settings\n")
    found = violations(root)
    assert len(found) == 6, found
    for expected in ("ign_offline.algorithms.one imports ign_offline.algorithms.two ",
                     "ign_offline.algorithms.two imports ign_offline.algorithms.one ",
                     "ign_offline.algorithms.two imports ign_offline.ui.dock (algorithms/ must not import ui/)",
                     "ign_offline.ui.dock imports ign_offline.algorithms.parameters (ui/ must not import algorithms/)",
                     "ign_offline.ui.page imports ign_offline.algorithms.one (ui/",
                     "ign_offline.toolbelt.auth imports ign_offline.ui.settings (toolbelt/ must not import ui/)"):
        assert any(line.startswith(expected) for line in found), (expected, found)
