"""sync_field_folder through qgis_process (issue 32): an offline project folder made by make_project_offline from
the library, the library refreshed (one tile in five changed), the folder's basemap made from the library updated
in place to the library's tiles by a patch; the basemap partly downloaded is refused untouched with its reason."""

import hashlib
import re

from core import mbtiles
from core.tiles import grid
from tests.qgis.conftest import make_process
from tests.qgis.test_make_project_offline import CARCASSONNE, PLAN, field_project
from tests.support.images import png_tile
from tests.support.wmts_server import StandInWmts


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def tiles_of(path):
    with mbtiles.MBTilesReader(path) as reader:
        return [(z, x, y, bytes(d)) for z, x, y, d in reader.connection().execute(
            "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles ORDER BY 1, 2, 3")]


def number(name, stdout):
    found = re.search(r"^{}:\s*([0-9.]+)".format(name), stdout, re.M)
    assert found, stdout[-2000:]
    return float(found.group(1))


def test_sync_a_folder_made_by_make_project_offline(tmp_path, provider):
    import processing

    source, library, offline = tmp_path / "source", tmp_path / "library", tmp_path / "offline"
    source.mkdir()
    library.mkdir()
    in_library = str(library / (PLAN + ".mbtiles"))
    with StandInWmts() as server:
        path = field_project(server, source)
        processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 13,
            "OUTPUT": in_library, "MAX_RATE": 0, "LOAD": False})
        processing.run("ign_offline:make_project_offline", {
            "PROJECT": path, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 13, "LIBRARY": str(library),
            "OUTPUT_FOLDER": str(offline), "MAX_RATE": 0})
    plan = str(offline / "basemaps" / "Plan_IGN_v2.mbtiles")
    ortho = str(offline / "basemaps" / "Photographies_aériennes.mbtiles")
    keys = [(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 13)]
    with mbtiles.MBTilesWriter(in_library) as writer:  # the refresh: one tile in five changed
        for z, x, y in keys[::5]:
            writer.record(z, x, y, "done", png_tile((x % 200, y % 200, z + 100)))
    library_before, ortho_before = digest(in_library), digest(ortho)

    completed = make_process("run", "ign_offline:sync_field_folder", "--", "FOLDER=" + str(offline),
                             "LIBRARY=" + str(library))
    said = completed.stdout + completed.stderr
    assert completed.returncode == 0 and "Traceback" not in said, said[-3000:]
    assert tiles_of(plan) == tiles_of(in_library)  # the area at z10-13: the library's tiles, as a fresh export
    assert digest(in_library) == library_before and digest(ortho) == ortho_before
    assert re.search(r"^REFUSED:\s*\S*Photographies_aériennes\.mbtiles: .*export_zooms", completed.stdout, re.M), said
    moved, full = number("BYTES_MOVED", completed.stdout), number("FULL_COPY_BYTES", completed.stdout)
    changed = sum(len(png_tile((x % 200, y % 200, z + 100))) for z, x, y in keys[::5])
    assert changed <= moved <= 1.2 * changed + 64 * 1024 and full > moved
    assert "1 updated, 0 already current, 1 refused" in said

    plan_after = digest(plan)
    completed = make_process("run", "ign_offline:sync_field_folder", "--", "FOLDER=" + str(offline))
    said = completed.stdout + completed.stderr
    assert completed.returncode == 0, said[-3000:]
    assert number("BYTES_MOVED", completed.stdout) == 0 and digest(plan) == plan_after
    assert "0 updated, 1 already current, 1 refused" in said
