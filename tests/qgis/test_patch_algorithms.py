"""make_patch and apply_patch through qgis_process (issue 32): a device's copy made by export_tiles, one tile in
five of the library refreshed, the patch made and applied, a second apply refused with the copy unchanged."""

import hashlib
import os
import shutil

from core import mbtiles
from core.tiles import grid
from tests.qgis.conftest import make_process
from tests.support.images import png_tile

LIBRARY = (2.20, 43.10, 2.50, 43.30)
EXTENT = "EXTENT=2.30,2.40,43.18,43.25 [EPSG:4326]"


def run(*args):
    completed = make_process("run", *args)
    return completed, completed.stdout + completed.stderr


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def tiles_of(path):
    with mbtiles.MBTilesReader(path) as reader:
        return reader.connection().execute("SELECT * FROM tiles ORDER BY 1, 2, 3").fetchall()


def test_make_and_apply_a_patch_through_qgis_process(tmp_path):
    source = str(tmp_path / "plan.mbtiles")
    keys = [(t.z, t.x, t.y) for t in grid.iter_tiles(LIBRARY, 11, 15)]
    with mbtiles.MBTilesWriter(source) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", LIBRARY, 11, 15, "© IGN"))
        for z, x, y in keys:
            writer.record(z, x, y, "done", png_tile((x % 200, y % 200, z)))
    copy = str(tmp_path / "device" / "plan.mbtiles")
    completed, said = run("ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=mbtiles", "OUTPUT=" + copy,
                          "ZOOM_MIN=13", "ZOOM_MAX=15", EXTENT)
    assert completed.returncode == 0, said[-2000:]
    with mbtiles.MBTilesWriter(source) as writer:  # the refresh: one tile in five changed
        for z, x, y in keys[::5]:
            writer.record(z, x, y, "done", png_tile((x % 200, y % 200, z + 100)))
    fresh = str(tmp_path / "fresh" / "plan.mbtiles")
    completed, said = run("ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=mbtiles", "OUTPUT=" + fresh,
                          "ZOOM_MIN=13", "ZOOM_MAX=15", EXTENT)
    assert completed.returncode == 0, said[-2000:]

    patch = str(tmp_path / "plan.patch.mbtiles")
    completed, said = run("ign_offline:make_patch", "--", "INPUT=" + source, "BASE=" + copy, "OUTPUT=" + patch)
    assert completed.returncode == 0, said[-2000:]
    changed = {row[:3] for row in tiles_of(fresh)} & {
        (z, x, grid.flip_y(z, y)) for z, x, y in keys[::5]}
    assert changed and {row[:3] for row in tiles_of(patch)} == changed
    assert "CHANGED:\t{}".format(len(changed)) in completed.stdout and "NEW:\t0" in completed.stdout

    twin = str(tmp_path / "phone" / "plan.mbtiles")  # the same copy on another device: applied with VERIFY
    os.makedirs(os.path.dirname(twin))
    shutil.copyfile(copy, twin)
    completed, said = run("ign_offline:apply_patch", "--", "PATCH=" + patch, "TARGET=" + copy)
    assert completed.returncode == 0 and "the patched tiles read back as written" in said, said[-2000:]
    assert tiles_of(copy) == tiles_of(fresh)
    completed, said = run("ign_offline:apply_patch", "--", "PATCH=" + patch, "TARGET=" + twin, "VERIFY=true")
    assert completed.returncode == 0 and "read back" not in said, said[-2000:]
    assert tiles_of(twin) == tiles_of(fresh)
    with mbtiles.MBTilesReader(fresh) as reader:
        assert "AGG_TILES_HASH:\t" + reader.metadata()["agg_tiles_hash"] in completed.stdout

    before = digest(copy)
    completed, said = run("ign_offline:apply_patch", "--", "PATCH=" + patch, "TARGET=" + copy)
    assert completed.returncode != 0 and "not the copy" in said and "Traceback" not in said, said[-2000:]
    assert digest(copy) == before
