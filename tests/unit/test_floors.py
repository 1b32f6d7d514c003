"""core/'s floors, read from every import statement (ast: module-level and inside functions alike).

A module imports only from its own floor or the floors below. An import written inside a function counts like
any other: it once hid a circle (datasets.sync ↔ datasets.derived ↔ library.plans), and must not hide one again.
Within one floor, no two files may import each other in a loop either.
"""

import textwrap

from tests.unit.test_layering import PLUGIN, ROOT, imported, modules_of

# From the ground up: a module name (core/<name>.py or the folder core/<name>/) and its floor.
FLOORS = (
    ("errors", "messages", "text", "names", "storage", "naming", "http", "resp", "budget", "rasters"),
    ("tiles", "archives", "mbtiles", "vector"),
    ("sources", "ftp"),
    ("download", "cache", "datasets"),
    ("library",),
    ("field",),
)
FLOOR = {room: number for number, rooms in enumerate(FLOORS) for room in rooms}


def room_of(module):
    """'datasets' for ign_offline.core.datasets.sync, 'errors' for ign_offline.core.errors; None for core itself
    or what is not core."""
    parts = module.split(".")
    return parts[2] if parts[:2] == [PLUGIN, "core"] and len(parts) > 2 else None


def core_imports(root):
    """{module: [core modules it imports]} of every module of core/ under `root`."""
    found = {}
    for module, path in modules_of(root, "core"):
        found[module] = [m for m in imported(root, path, module) if room_of(m) is not None]
    return found


def climbing(root):
    """['a imports b (floor i → j)'] for every import from core/ to a higher floor, or to a room no floor names."""
    found = []
    for module, targets in core_imports(root).items():
        room = room_of(module)
        if room is None:
            continue
        for target in targets:
            up = room_of(target)
            if room not in FLOOR or up not in FLOOR or FLOOR[up] > FLOOR[room]:
                found.append("{} imports {} (floor {} → {})".format(module, target, FLOOR.get(room),
                                                                   FLOOR.get(up)))
    return found


def circles(root):
    """Every loop of imports among core's modules, as a list of module names (one per loop found)."""
    graph = core_imports(root)
    graph = {m: [t for t in targets if t in graph and t != m] for m, targets in graph.items()}
    found, state = [], {}

    def visit(module, path):
        state[module] = "open"
        for target in graph[module]:
            if state.get(target) == "open":
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_every_core_room_has_a_floor():
    rooms = {room_of(module) for module, _ in modules_of(ROOT, "core")} - {None}
    assert rooms - set(FLOOR) == set()


def test_core_never_imports_a_higher_floor():
    assert climbing(ROOT) == []


def test_core_has_no_circle():
    assert circles(ROOT) == []


def write_tree(root, files):
    for name, text in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_a_function_level_import_that_climbs_is_caught(tmp_path):
    write_tree(tmp_path, {
        "core/__init__.py": "",
        "core/errors.py": "",
        "core/datasets/__init__.py": "",
        "core/datasets/sync.py": "from ..errors import *\n",
        "core/library/__init__.py": "",
        "core/library/plans.py": "from ..datasets import sync\n",
    })
    assert climbing(str(tmp_path)) == []
    write_tree(tmp_path, {"core/datasets/sync.py": """\
        def area_file_name(title):
            from ..library.plans import area_file_name
            return area_file_name(title)
        """})
    assert climbing(str(tmp_path)) == [
        "ign_offline.core.datasets.sync imports ign_offline.core.library.plans (floor 3 → 4)"]
    assert circles(str(tmp_path)) == [["ign_offline.core.datasets.sync", "ign_offline.core.library.plans",
                                       "ign_offline.core.datasets.sync"]]


def test_a_circle_within_one_floor_is_caught(tmp_path):
    write_tree(tmp_path, {
        "core/__init__.py": "",
        "core/datasets/__init__.py": "",
        "core/datasets/sync.py": "from . import derived\n",
        "core/datasets/derived.py": "def slug():\n    from .sync import area_slug\n",
    })
    assert climbing(str(tmp_path)) == []
    assert circles(str(tmp_path)) == [["ign_offline.core.datasets.derived", "ign_offline.core.datasets.sync",
                                       "ign_offline.core.datasets.derived"]]


def test_a_room_without_a_floor_is_refused(tmp_path):
    write_tree(tmp_path, {"core/__init__.py": "", "core/gadgets.py": "from . import errors\n",
                          "core/errors.py": ""})
    assert climbing(str(tmp_path)) == ["ign_offline.core.gadgets imports ign_offline.core.errors (floor None → 0)"]
