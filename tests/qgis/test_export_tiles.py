"""export_tiles through qgis_process (issue 11): formats for field apps, splits, bad input."""

import os

from core import mbtiles
from core.field import exports
from core.tiles import grid as tiles
from tests.qgis.conftest import make_process
from tests.support.files import tree_digest
from tests.support.images import png_tile

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def library_file(folder):
    path = str(folder / "plan.mbtiles")
    bodies = {(t.z, t.x, t.y): png_tile((t.x % 200, t.y % 200, 99)) for t in tiles.iter_tiles(CARCASSONNE, 8, 13)}
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", CARCASSONNE, 8, 13, "© IGN"))
        for (z, x, y), data in bodies.items():
            writer.record(z, x, y, "done", data)
    return path, bodies


def test_osmand_and_geopackage_through_qgis_process(tmp_path):
    source, bodies = library_file(tmp_path)
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=osmand",
                             "OUTPUT=" + str(tmp_path / "plan.sqlitedb"), "ZOOM_MIN=10", "ZOOM_MAX=12")
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    decoded, zooms = exports.decode_osmand(str(tmp_path / "plan.sqlitedb"))
    assert decoded == {k: v for k, v in bodies.items() if 10 <= k[0] <= 12} and zooms == [10, 12]
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=gpkg",
                             "OUTPUT=" + str(tmp_path / "plan.gpkg"))
    assert completed.returncode == 0 and "never re-encoded" in completed.stdout


def test_bad_exports_say_why_and_write_nothing(tmp_path):
    source, _ = library_file(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = tree_digest(tmp_path)
    for args, fragment in (
            (["FORMAT=kmz"], "kmz"),
            (["FORMAT=mbtiles", "MAX_FILE_MB=0.01"], "smaller than one file of one tile"),
            (["FORMAT=mbtiles", "ZOOM_MIN=16", "ZOOM_MAX=18"], "holds no tile"),
            (["FORMAT=cog"], "FORMAT cog is for rasters")):
        completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source,
                                 "OUTPUT=" + str(out / "x.mbtiles"), *args)
        said = completed.stdout + completed.stderr
        assert completed.returncode != 0 and fragment in said and "Traceback" not in said, said[-1500:]
    assert tree_digest(tmp_path) == before
    assert os.listdir(out) == []
