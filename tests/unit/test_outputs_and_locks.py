"""Outputs are never inputs, one run per output file, and a full disk: issue 19 items 1, 3 and 7 (core)."""

import hashlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading

import pytest

from core import mbtiles, storage
from core.errors import InputError
from core.field import exports
from core.library import merge
from core.storage import OutputInUse
from core.tiles import areas
from tests.support.sample_mbtiles import write_sample

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DISK_FULL = re.compile(r"^The disk holding (.+) is full: ([\d,]+) tiles are stored; free space and run again to "
                       r"resume\.$")


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


@pytest.fixture()
def library_file(tmp_path):
    path = str(tmp_path / "library.mbtiles")
    write_sample(path, areas.PRESETS["carcassonne"], 8, 11, "Plan")
    return path


def spellings(tmp_path, path):
    """Other names of the same file: ./relative, a symlink, a hard link."""
    link = str(tmp_path / "link.mbtiles")
    os.symlink(path, link)
    hard = str(tmp_path / "hard.mbtiles")
    os.link(path, hard)
    return [os.path.join(".", os.path.relpath(path)), link, hard, path]


# -- outputs are never inputs --------------------------------------------------------------------------------------

def test_same_file_is_by_inode_not_by_name(tmp_path, library_file, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for other in spellings(tmp_path, library_file):
        assert storage.same_file(other, library_file), other
    assert not storage.same_file(str(tmp_path / "new.mbtiles"), library_file)  # a new file is no input
    shutil.copy(library_file, str(tmp_path / "copy.mbtiles"))
    assert not storage.same_file(str(tmp_path / "copy.mbtiles"), library_file)  # same bytes, another file


def test_export_refuses_its_input_as_output_and_leaves_it_unchanged(tmp_path, library_file, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = digest(library_file)
    for output in spellings(tmp_path, library_file):
        for kind in ("mbtiles", "osmand", "gpkg"):
            with pytest.raises(InputError, match="is the same file as the input"):
                exports.export(library_file, output, kind, 8, 10)
    assert digest(library_file) == before
    assert sorted(os.listdir(tmp_path)) == ["hard.mbtiles", "library.mbtiles", "link.mbtiles"]


def test_export_refuses_a_part_named_like_its_input(tmp_path):
    # Split in parts <stem>_<n>_z<a>-<b>: an input of that very name would be replaced by a part. (A cap that
    # leaves one file keeps the name asked for, issue 21: the cap holds one tile per part here.)
    source = str(tmp_path / "out_01_z8-8.mbtiles")
    write_sample(source, areas.PRESETS["carcassonne"], 8, 9, "Plan")
    before = digest(source)
    with pytest.raises(InputError, match="The part .* is the same file as the input"):
        exports.export(source, str(tmp_path / "out.mbtiles"), "mbtiles", 8, 9,
                       max_file_mb=(exports.FIXED_BYTES + exports.tile_cost(5000)) / 1e6)
    assert digest(source) == before
    assert sorted(os.listdir(tmp_path)) == ["out_01_z8-8.mbtiles"]


def test_merge_refuses_an_input_under_another_name(tmp_path, library_file, monkeypatch):
    monkeypatch.chdir(tmp_path)
    other = str(tmp_path / "other.mbtiles")
    write_sample(other, areas.PRESETS["carcassonne"], 12, 12, "Plan")
    before = digest(library_file), digest(other)
    for output in spellings(tmp_path, library_file):
        with pytest.raises(InputError, match="is the same file as the input"):
            merge.merge([other, library_file], output)
    assert (digest(library_file), digest(other)) == before


# -- one run per output file ---------------------------------------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys
    from core import storage
    with storage.output_lock(sys.argv[1], "download of ORTHOIMAGERY.ORTHOPHOTOS"):
        print("held", flush=True)
        sys.stdin.read()
""")


def holder(path):
    process = subprocess.Popen([sys.executable, "-c", HOLDER, path], cwd=ROOT, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_run_is_refused_with_who_holds_the_file_and_a_crash_frees_it(tmp_path, library_file):
    before = digest(library_file)
    process = holder(library_file)
    try:
        # Any spelling of the file meets the same lock (symlinks are resolved).
        link = str(tmp_path / "link.mbtiles")
        os.symlink(library_file, link)
        for path in (library_file, link):
            with pytest.raises(OutputInUse) as refused:
                mbtiles.MBTilesWriter(path)
            message = str(refused.value)
            assert "is being written by another run" in message
            assert "download of ORTHOIMAGERY.ORTHOPHOTOS" in message and "process {}".format(process.pid) in message
        with pytest.raises(OutputInUse):
            merge.merge([library_file], str(tmp_path / "link.mbtiles"))
        other = str(tmp_path / "src" / "other.mbtiles")
        os.makedirs(os.path.dirname(other))
        write_sample(other, areas.PRESETS["carcassonne"], 8, 8, "Other")
        with pytest.raises(OutputInUse):
            exports.export(other, link, "mbtiles")
    finally:
        os.kill(process.pid, signal.SIGKILL)  # a crash: the OS frees the lock, no clean-up ran
        process.wait()
    assert digest(library_file) == before
    with mbtiles.MBTilesWriter(library_file) as writer:  # the stale sidecars do not block
        assert writer.metadata()["name"] == "Plan"
    assert sorted(os.listdir(tmp_path)) == ["library.mbtiles", "link.mbtiles", "src"]  # nothing left after a normal end


def test_the_lock_is_reentrant_in_its_thread_only(tmp_path):
    path = str(tmp_path / "out.mbtiles")
    errors = []
    with storage.output_lock(path, "download_tiles of PLAN"):
        with mbtiles.MBTilesWriter(path) as writer:  # the run that holds it opens its writer
            writer.write_tile(3, 1, 1, b"\x89PNG tile")
        thread = threading.Thread(target=lambda: errors.append(_try_writer(path)))
        thread.start()
        thread.join()
        assert os.path.exists(path + ".lock")
    assert len(errors) == 1 and "download_tiles of PLAN" in errors[0]
    assert sorted(os.listdir(tmp_path)) == ["out.mbtiles"]


def _try_writer(path):
    try:
        mbtiles.MBTilesWriter(path).close()
    except OutputInUse as exc:
        return str(exc)
    return "not refused"


def test_a_missing_folder_is_not_made_by_the_lock(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        mbtiles.MBTilesWriter(str(tmp_path / "missing" / "out.mbtiles"))
    assert os.listdir(tmp_path) == []


# -- disk full -------------------------------------------------------------------------------------------------------

def count_tiles(path):
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute("SELECT COUNT(*) FROM tiles").fetchone()[0]
    finally:
        db.close()


def test_a_full_database_is_one_message_and_the_main_file_alone_holds_what_was_stored(tmp_path):
    path = str(tmp_path / "full.mbtiles")
    writer = mbtiles.MBTilesWriter(path, batch_size=10)
    db = writer.connection()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute("PRAGMA max_page_count = {}".format(pages + 120))  # room for ~4 batches of 10 tiles of 10 kB
    written = 0
    with pytest.raises(mbtiles.DiskFull) as full:
        for x in range(10000):
            writer.write_tile(12, x, 0, os.urandom(10_000))
            written += 1
    error = full.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    stored = int(DISK_FULL.match(str(error)).group(2).replace(",", ""))
    assert 0 < stored < written and stored % 10 == 0  # whole batches only
    writer.close()  # says nothing more, and frees the file
    assert not os.path.exists(path + "-journal") and not os.path.exists(path + "-wal")
    alone = str(tmp_path / "copy" / "alone.mbtiles")
    os.makedirs(os.path.dirname(alone))
    shutil.copy(path, alone)  # the main file only, as to a phone
    assert count_tiles(alone) == stored
    assert sorted(os.listdir(tmp_path)) == ["copy", "full.mbtiles"]


def test_every_ending_leaves_the_tiles_in_the_main_file(tmp_path):
    path = str(tmp_path / "cut.mbtiles")
    writer = mbtiles.MBTilesWriter(path, batch_size=5)
    for x in range(12):
        writer.write_tile(12, x, 0, b"tile %d" % x)
    # Mid-run (10 committed, 2 queued), as a kill would leave it: no -wal holds anything of it.
    assert not os.path.exists(path + "-wal")
    shutil.copy(path, str(tmp_path / "mid.copy"))
    assert count_tiles(str(tmp_path / "mid.copy")) == 10
    writer.close()
    shutil.copy(path, str(tmp_path / "end.copy"))
    assert count_tiles(str(tmp_path / "end.copy")) == 12


TMPFS_DOWNLOAD = textwrap.dedent("""
    import json, shutil, sys
    from core.download.job import download_to_mbtiles
    from core.sources.prepare import prepare_source
    from core.tiles import areas
    from core.download.engine import DownloadOptions
    from core.errors import IgnOfflineError
    url, folder, copy = sys.argv[1:4]
    out = folder + "/plan.mbtiles"
    prepared = prepare_source(url, "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    try:
        download_to_mbtiles(prepared, areas.PRESETS["carcassonne"], 10, 16, out,
                                           DownloadOptions(max_rate=0))
        message = None
    except IgnOfflineError as exc:
        message = str(exc)
    shutil.copy(out, copy)  # the main file alone, out of the full disk
    print(json.dumps({"message": message, "files": sorted(__import__("os").listdir(folder))}))
""")


def test_a_really_full_disk_during_a_download(tmp_path):
    from tests.support.wmts_server import StandInWmts

    if not shutil.which("unshare") or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True)
    if probe.returncode:
        pytest.skip("cannot make a private mount namespace here: " + probe.stderr.decode(errors="replace"))
    folder = tmp_path / "small-disk"
    folder.mkdir()
    copy = str(tmp_path / "alone.mbtiles")
    with StandInWmts() as server:
        script = 'mount -t tmpfs -o size=384k tmpfs "$1" && exec "$2" -c "$3" "$4" "$1" "$5"'
        completed = subprocess.run(
            ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(folder), sys.executable,
             TMPFS_DOWNLOAD, server.url, copy], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "Traceback" not in completed.stderr and "rollback" not in completed.stderr, completed.stderr[-3000:]
    import json

    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    match = DISK_FULL.match(outcome["message"] or "")
    assert match, outcome
    assert match.group(1) == str(folder)
    stored = int(match.group(2).replace(",", ""))
    assert stored > 0
    assert outcome["files"] == ["plan.mbtiles"]  # no -wal, -journal or lock left on the full disk
    assert count_tiles(copy) == stored
    assert os.listdir(folder) == []  # the tmpfs went with its namespace: nothing was written to the real disk


def test_sizes_read_well_from_bytes_to_petabytes():
    assert storage.human_size(999) == "999 B"
    assert storage.human_size(20_000) == "20.0 kB"
    assert storage.human_size(1.5e12) == "1.5 TB"
    assert storage.human_size(68.7e9 * 20_000) == "1.4 PB"  # the world at zoom 18 at 20 kB a tile


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_link_planted_as_the_lock_file_is_refused_and_its_target_untouched(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    output = tmp_path / "out.mbtiles"
    os.symlink(victim, str(output) + ".lock")
    with pytest.raises(InputError, match="is not a lock file of IGN Offline \\(a link\\)"):
        with storage.output_lock(str(output)):
            pass
    assert victim.read_text() == "precious" and not output.exists()
