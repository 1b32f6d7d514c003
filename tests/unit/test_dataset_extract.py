"""extract_archive on real 7z archives: hostile members refused before anything is written, free space checked
first, and a damaged archive or a cancel leaves nothing half-extracted (files complete before the run stay)."""

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from core.archives import sevenzip, unpacking
from core.archives.sevenzip_extract import ArchiveError, extract_archive, remove_archive
from tests.support import sevenzip_archives as samples

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    samples.need_tool()
    return samples.sample_tree(str(tmp_path_factory.mktemp("source")))


@pytest.fixture(scope="module")
def archive(source, tmp_path_factory):
    return samples.make_archive(str(tmp_path_factory.mktemp("archive") / "BDTOPO.7z"), source)


def listing(folder):
    return sorted(os.path.relpath(os.path.join(parent, name), folder)
                  for parent, folders, files in os.walk(folder) for name in folders + files)


@pytest.mark.parametrize("kind, member, reason", [
    ("dots", "../evil.txt", "'..' in its path"),
    ("absolute", None, "absolute path"),
    ("link", "inner/passwd", "a symbolic link"),
])
def test_hostile_members_are_refused_before_anything_is_written(tmp_path, kind, member, reason):
    samples.need_tool()
    archive = samples.hostile(str(tmp_path), kind)
    member = member or os.path.join(str(tmp_path), "hostile-absolute", "evil.txt")
    target = tmp_path / "library" / "data"
    with pytest.raises(ArchiveError) as raised:
        extract_archive(archive, str(target))
    assert str(raised.value) == "{}.7z was not extracted: its member '{}' is refused ({}).".format(kind, member,
                                                                                                   reason)
    assert not (tmp_path / "library").exists()


def test_a_link_already_in_the_folder_does_not_lead_outside(archive, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = tmp_path / "data"
    target.mkdir()
    os.symlink(str(outside), str(target / "1_DONNEES_LIVRAISON"))
    with pytest.raises(ArchiveError, match="is refused \\(it would land outside"):
        extract_archive(archive, str(target))
    assert os.listdir(outside) == []


def test_more_than_the_free_space_is_refused_before_anything_is_written(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(unpacking, "free_bytes", lambda path: 1_000_000)  # the one thing not made real
    with pytest.raises(ArchiveError) as raised:
        extract_archive(archive, str(tmp_path / "data"))
    assert str(raised.value).startswith("BDTOPO.7z was not extracted: not enough space on the disk holding ")
    assert "MB needed, 1.0 MB free. Free some space or choose another folder, then run again." in str(raised.value)
    assert not (tmp_path / "data").exists()


def test_extraction_reports_its_bytes_and_returns_the_files(archive, source, tmp_path):
    seen = []
    paths = extract_archive(archive, str(tmp_path / "data"), progress=lambda done, total: seen.append((done, total)))
    total = sum(os.path.getsize(os.path.join(p, n)) for p, _, names in os.walk(source) for n in names)
    assert seen[-1] == (total, total) and seen == sorted(seen)
    assert sorted(paths) == sorted(os.path.join(str(tmp_path / "data"), name) for name in listing(source)
                                   if os.path.isfile(os.path.join(source, name)))
    assert samples.tree(str(tmp_path / "data")) == samples.tree(source)


def test_a_second_run_writes_only_what_is_missing(archive, source, tmp_path):
    target = str(tmp_path / "data")
    extract_archive(archive, target)
    kept = os.path.join(target, "1_DONNEES_LIVRAISON", "BDTOPO.gpkg")
    before = os.stat(kept).st_ino, os.stat(kept).st_mtime_ns
    os.remove(os.path.join(target, "random.bin"))
    seen = []
    extract_archive(archive, target, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1_500_000, 1_500_000)
    assert (os.stat(kept).st_ino, os.stat(kept).st_mtime_ns) == before
    assert samples.tree(target) == samples.tree(source)


def test_a_damaged_archive_leaves_nothing_half_extracted(source, tmp_path):
    archive = samples.make_archive(str(tmp_path / "BDTOPO.7z"), source, "-m0=Copy")
    samples.flip_byte(archive, os.path.getsize(archive) // 2)  # inside the stored data
    target = tmp_path / "library" / "data"
    with pytest.raises(ArchiveError) as raised:
        extract_archive(archive, str(target))
    message = str(raised.value)
    assert message.startswith("BDTOPO.7z is damaged: '") and message.endswith(
        "' fails its CRC check. Delete it and download it again.")
    assert not (tmp_path / "library").exists()


def test_corrupt_compressed_data_is_one_clear_message(source, tmp_path):
    archive = samples.make_archive(str(tmp_path / "BDTOPO.7z"), source, "-m0=LZMA2")
    samples.flip_byte(archive, 40)
    target = tmp_path / "data"
    target.mkdir()
    (target / "mine.txt").write_text("kept")
    with pytest.raises(sevenzip.DamagedArchiveError, match="^BDTOPO.7z is damaged: .* Delete it and "
                                                                    "download it again.$"):
        extract_archive(archive, str(target))
    assert listing(target) == ["mine.txt"]


def test_cancel_removes_what_the_run_wrote_and_keeps_what_was_complete(archive, source, tmp_path):
    target = str(tmp_path / "data")
    extract_archive(archive, target)
    os.remove(os.path.join(target, "random.bin"))
    os.remove(os.path.join(target, "zeros_and_text.bin"))
    before = samples.tree(target)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # after the first chunk

    threads = threading.active_count()
    with pytest.raises(ArchiveError) as raised:
        extract_archive(archive, target, is_cancelled=cancelled)
    assert threading.active_count() == threads  # the decoding thread stopped with the run
    assert str(raised.value) == ("The extraction of BDTOPO.7z was cancelled: nothing half-extracted was left in "
                                 "{}.".format(os.path.realpath(target)))
    assert samples.tree(target) == before and not any(name.endswith(".part") for name in listing(target))


def test_a_missing_volume_leaves_nothing(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v200k")
    os.remove(tmp_path / "v.7z.003")
    with pytest.raises(ArchiveError, match="its volume v.7z.003 is missing"):
        extract_archive(str(tmp_path / "v.7z.001"), str(tmp_path / "data"))
    assert not (tmp_path / "data").exists()


def test_remove_archive_deletes_every_volume_and_their_parts(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v200k")
    volumes = sorted(name for name in os.listdir(tmp_path) if name.startswith("v.7z."))
    os.rename(tmp_path / volumes[-1], tmp_path / (volumes[-1] + ".part"))  # the last one still downloading
    (tmp_path / "other.7z.001").write_bytes(b"not ours")
    removed = remove_archive(str(tmp_path / "v.7z.001"))
    assert sorted(os.path.basename(p) for p in removed) == sorted(volumes[:-1] + [volumes[-1] + ".part"])
    assert os.listdir(tmp_path) == ["other.7z.001"]


# VmHWM, not getrusage: ru_maxrss survives exec (and a vfork shares the parent's), so it can hide the child's growth.
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="the peak RSS is read from Linux's /proc")
def test_memory_stays_flat_on_a_200_mb_archive(tmp_path):
    samples.need_tool()
    data = tmp_path / "src"
    data.mkdir()
    samples.compressible_file(str(data / "grid.asc"), 200)
    archive = samples.make_archive(str(tmp_path / "big.7z"), str(data), "-mx1", "-md=16m")  # 7-Zip's default dictionary
    os.remove(data / "grid.asc")
    child = textwrap.dedent("""
        import os, sys
        from core.archives.sevenzip_extract import extract_archive
        def peak():
            return int([line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0].split()[1])
        before = peak()
        paths = extract_archive(sys.argv[1], sys.argv[2])
        print(peak() - before, sum(os.path.getsize(p) for p in paths))
    """)
    result = subprocess.run([sys.executable, "-c", child, archive, str(tmp_path / "out")], cwd=ROOT, check=True,
                            capture_output=True, text=True, timeout=120)
    growth_kb, written = map(int, result.stdout.split())
    assert written == 200 * 1_048_576
    # two threads (7-Zip wrote LZMA2 blocks) × a 16 MB dictionary, and chunks of 1 MB: whatever the archive's size
    assert growth_kb < 60_000, "peak RSS grew by {} kB extracting 200 MB".format(growth_kb)


def test_lzma2_blocks_decoded_in_threads_cancel_and_leave_nothing(tmp_path, monkeypatch):
    samples.need_tool()
    monkeypatch.setattr(sevenzip, "MIN_PIECE", 256 << 10)
    monkeypatch.setattr(sevenzip, "THREADS", 2)
    (tmp_path / "src").mkdir()
    samples.compressible_file(str(tmp_path / "src" / "grid.asc"), 6)
    archive = samples.make_archive(str(tmp_path / "b.7z"), str(tmp_path / "src"), "-mx1", "-md=256k", "-mmt=2")
    calls = []
    with pytest.raises(ArchiveError, match="cancelled"):
        extract_archive(archive, str(tmp_path / "out"), is_cancelled=lambda: calls.append(1) or True)
    assert calls and not (tmp_path / "out").exists()


def test_a_7z_bomb_is_refused_before_anything_is_written(tmp_path):
    samples.need_tool()
    bomb = str(tmp_path / "bomb.7z")
    subprocess.run([samples.tool(), "a", "-bd", "-sizeros.bin", "-mx1", bomb], input=bytes(300_000_000), check=True,
                   stdout=subprocess.DEVNULL, timeout=120)
    assert os.path.getsize(bomb) < 300_000  # 300 MB of zeros, packed over a thousand times
    with pytest.raises(ArchiveError) as raised:
        extract_archive(bomb, str(tmp_path / "out"))
    assert str(raised.value).startswith("bomb.7z was not extracted: its members add up to 300.0 MB from a ")
    assert str(raised.value).endswith("; it is not an honest package.") and not (tmp_path / "out").exists()


@pytest.mark.parametrize("name, reason", [
    ("C:/Windows/evil.dll", "absolute path"), ("c:evil", "absolute path"), ("\\\\server\\share\\x", "absolute path"),
    ("a\\..\\..\\b", "'..' in its path"), ("/etc/passwd", "absolute path"), ("ok/name.txt", None),
])
def test_names_from_any_system_are_judged_alike(name, reason):
    assert unpacking.unsafe_name(name) == reason


def test_a_file_in_the_way_of_a_folder_is_one_clear_message(archive, tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    (target / "1_DONNEES_LIVRAISON").write_text("a file where the archive has a folder")
    with pytest.raises(ArchiveError) as raised:
        extract_archive(archive, str(target))
    assert str(raised.value).startswith("BDTOPO.7z cannot be extracted into {} (".format(os.path.realpath(target)))
    assert str(raised.value).endswith("): check that folder, then run again.")
    assert listing(target) == ["1_DONNEES_LIVRAISON"]


def test_a_cancel_stops_the_decoder_running_ahead(tmp_path):
    samples.need_tool()
    (tmp_path / "src").mkdir()
    samples.compressible_file(str(tmp_path / "src" / "grid.asc"), 12)  # one block over 4 MB: decoded ahead
    archive = samples.make_archive(str(tmp_path / "s.7z"), str(tmp_path / "src"), "-mx1", "-mmt=1")
    calls, threads = [], threading.active_count()
    with pytest.raises(ArchiveError, match="cancelled"):
        extract_archive(archive, str(tmp_path / "out"), is_cancelled=lambda: calls.append(1) or len(calls) > 2)
    assert threading.active_count() == threads and not (tmp_path / "out").exists()
