"""Damaged and foreign inputs through qgis_process (issue 19): a non-zero exit with one line naming the file,
never an abort or a traceback, nothing half-written; a foreign MBTiles exported as it is."""

import os
import shutil

from core import mbtiles
from tests.qgis.conftest import make_process
from tests.support.damaged_files import damaged_copies, foreign_file, library_file


def refused(completed, path):
    """The run failed cleanly and said, on one line, what is wrong with `path`."""
    said = completed.stdout + completed.stderr
    assert completed.returncode not in (0, -6, 134) and "Aborted" not in said, said[-2000:]  # 134: make's -6
    assert "Traceback" not in said, said[-3000:]
    lines = said.splitlines()
    assert any(str(path) in line and ("damaged" in line or "not a readable MBTiles" in line) for line in lines), \
        said[-2000:]


def test_damaged_files_are_refused_by_export_load_and_merge(tmp_path):
    good = tmp_path / "good.mbtiles"
    library_file(good, zoom_max=14, noise=3000)
    damaged = damaged_copies(good, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    refused(make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + str(damaged["garbled"]),
                         "FORMAT=mbtiles", "OUTPUT=" + str(out / "x.mbtiles")), damaged["garbled"])
    refused(make_process("run", "ign_offline:load_mbtiles", "--", "INPUT=" + str(damaged["text"])), damaged["text"])
    refused(make_process("run", "ign_offline:merge_mbtiles", "--", "INPUTS=" + str(good),
                         "INPUTS=" + str(damaged["cut"]), "OUTPUT=" + str(out / "merged.mbtiles"), "LOAD=false"),
            damaged["cut"])
    assert os.listdir(out) == []


def test_inventory_goes_on_past_a_damaged_file_and_fails_only_when_all_are(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    good = library / "plan.mbtiles"
    library_file(good, zoom_max=10)
    bad = damaged_copies(good, tmp_path)["garbled"]
    shutil.move(str(bad), str(library / "garbled.mbtiles"))
    report = tmp_path / "report.html"
    completed = make_process("run", "ign_offline:inventory", "--", "FOLDER=" + str(library),
                             "OUTPUT=" + str(tmp_path / "coverage.gpkg"), "REPORT=" + str(report))
    said = completed.stdout + completed.stderr
    assert completed.returncode == 0 and "Traceback" not in said, said[-2000:]
    assert "FILES:\t1" in completed.stdout and "garbled.mbtiles' is damaged" in said
    assert "garbled.mbtiles: " in report.read_text(encoding="utf-8")
    os.remove(good)
    completed = make_process("run", "ign_offline:inventory", "--", "FOLDER=" + str(library),
                             "OUTPUT=" + str(tmp_path / "coverage2.gpkg"))
    said = completed.stdout + completed.stderr
    assert completed.returncode != 0 and "Traceback" not in said and "None of the 1 .mbtiles" in said, said[-2000:]


def test_a_foreign_png_mbtiles_is_exported_as_it_is_without_gdal_errors(tmp_path):
    source = tmp_path / "other.mbtiles"
    bodies = foreign_file(source)
    output = tmp_path / "copy.mbtiles"
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + str(source), "FORMAT=mbtiles",
                             "OUTPUT=" + str(output))
    said = completed.stdout + completed.stderr
    assert completed.returncode == 0 and "ERROR" not in said and "re-encoded (JPEG" not in said, said[-2000:]
    with mbtiles.MBTilesReader(str(output)) as reader:
        metadata = reader.metadata()
        assert {(z, x, y): data for z, x, y, data in reader.iter_tiles()} == bodies
    assert (metadata["format"], metadata["minzoom"], metadata["maxzoom"]) == ("png", "8", "10")


def test_a_deep_plan_and_an_unwritable_recovery_folder_are_one_message(tmp_path):
    plan = tmp_path / "deep.json"
    plan.write_text("[" * 100_000 + "]" * 100_000)
    completed = make_process("run", "ign_offline:run_plan", "--", "PLAN=" + str(plan),
                             "LIBRARY=" + str(tmp_path / "library"), "ESTIMATE_ONLY=true")
    said = completed.stdout + completed.stderr
    assert completed.returncode != 0 and "Traceback" not in said and "more than 64 deep" in said, said[-2000:]

    cache = tmp_path / "cache"
    (cache / "data8").mkdir(parents=True)
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    targets = {blocker / "recovered": "is a file"}  # a folder that cannot be made, even by root
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # root writes into a read-only folder
        locked = tmp_path / "locked"
        locked.mkdir()
        os.chmod(locked, 0o555)
        targets[locked] = "is not writable"
    for target, fragment in targets.items():
        completed = make_process("run", "ign_offline:recover_cache", "--", "CACHE_DIR=" + str(cache),
                                 "OUTPUT_FOLDER=" + str(target), "LOAD=false")
        said = completed.stdout + completed.stderr
        assert completed.returncode != 0 and "Traceback" not in said and fragment in said, said[-2000:]
    assert os.listdir(cache) == ["data8"] and not os.listdir(cache / "data8")  # the cache is only read
