"""The standard-library 7z reader against real archives made by Debian's 7-Zip: every method extracts
byte-identical to `7z x`; damaged, incomplete and unsupported archives are one clear message."""

import os
import random
import re
import shutil
import struct
import zlib

import pytest

from core.archives import sevenzip
from core.archives import sevenzip_decode as methods
from core.archives.sevenzip_extract import extract_archive
from tests.support import sevenzip_archives as samples


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    samples.need_tool()
    return samples.sample_tree(str(tmp_path_factory.mktemp("source")))


@pytest.mark.parametrize("method", sorted(samples.METHODS))
def test_every_method_extracts_byte_identical_to_7z_x(source, tmp_path, method):
    archive = samples.make_archive(str(tmp_path / "a.7z"), source, *samples.METHODS[method])
    expected = samples.tree(samples.reference(archive, tmp_path / "7z"))
    extract_archive(archive, str(tmp_path / "ours"))
    assert samples.tree(str(tmp_path / "ours")) == expected
    assert expected["vide.txt"] == (0, 0) and expected["vide"] is None
    assert os.path.join("1_DONNEES_LIVRAISON", "dalles", "été", "Lézignan ü.txt") in expected


def test_the_methods_are_the_ones_asked(source, tmp_path):
    """The parametrised archives really use each coder (7-Zip could silently pick another)."""
    seen = {}
    for method in ("lzma", "bzip2", "deflate", "copy", "bcj-lzma2", "delta-bzip2", "arm", "non-solid"):
        archive = samples.make_archive(str(tmp_path / (method + ".7z")), source, *samples.METHODS[method])
        with sevenzip.SevenZip(archive) as opened:
            seen[method] = ({c.method for f in opened.folders for c in f.coders}, len(opened.folders))
    assert seen["lzma"][0] == {methods.LZMA1} and seen["bzip2"][0] == {methods.BZIP2}
    assert seen["deflate"][0] == {methods.DEFLATE} and seen["copy"][0] == {methods.COPY}
    assert seen["bcj-lzma2"][0] == {methods.LZMA2, b"\x03\x03\x01\x03"}
    assert seen["delta-bzip2"][0] == {methods.DELTA, methods.BZIP2}
    assert seen["arm"][0] == {methods.LZMA2, b"\x03\x03\x05\x01"}
    assert seen["non-solid"][1] == 5  # one folder per file with data


def test_a_multi_volume_archive_reads_as_one(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v200k")  # LZMA2 cut across volumes
    volumes = sorted(os.listdir(tmp_path))
    assert volumes[:3] == ["v.7z.001", "v.7z.002", "v.7z.003"] and len(volumes) > 5
    first = str(tmp_path / "v.7z.001")
    expected = samples.tree(samples.reference(first, tmp_path / "7z"))
    assert extract_archive(first, str(tmp_path / "ours"))
    assert samples.tree(str(tmp_path / "ours")) == expected


def test_a_missing_volume_is_named(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v300k", "-m0=Copy")
    last = sorted(name for name in os.listdir(tmp_path) if name.startswith("v.7z."))[-1]
    os.remove(tmp_path / last)
    with pytest.raises(sevenzip.ArchiveError) as raised:
        sevenzip.SevenZip(str(tmp_path / "v.7z.001"))
    assert str(raised.value) == ("v.7z.001 is incomplete: its volume {} is missing. Download it (all the volumes "
                                 "must be side by side in one folder), then run again.".format(last))


def test_a_volume_missing_in_the_middle_is_named(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v300k", "-m0=Copy")
    os.remove(tmp_path / "v.7z.002")
    with pytest.raises(sevenzip.ArchiveError, match=r"its volume v\.7z\.002 is missing"):
        sevenzip.SevenZip(str(tmp_path / "v.7z.001"))


def test_a_truncated_archive_is_damaged(source, tmp_path):
    archive = samples.make_archive(str(tmp_path / "a.7z"), source)
    samples.truncate(archive, os.path.getsize(archive) // 2)
    with pytest.raises(sevenzip.DamagedArchiveError) as raised:
        sevenzip.SevenZip(archive)
    assert str(raised.value) == ("a.7z is damaged: it ends before its header (truncated). "
                                 "Delete it and download it again.")


def test_a_flipped_byte_in_the_data_fails_the_crc_of_its_file(source, tmp_path):
    archive = samples.make_archive(str(tmp_path / "a.7z"), source, "-m0=Copy")
    samples.flip_byte(archive, 32 + 10)  # inside the first file's stored bytes
    with sevenzip.SevenZip(archive) as opened:
        first = opened.folder_entries(0)[0].name
        with pytest.raises(sevenzip.DamagedArchiveError) as raised:
            opened.extract_folder(0, lambda entry: None)
    assert str(raised.value) == ("a.7z is damaged: '{}' fails its CRC check. Delete it and download it again."
                                 .format(first))


def test_a_flipped_byte_in_the_header_fails_its_crc(source, tmp_path):
    archive = samples.make_archive(str(tmp_path / "a.7z"), source)
    samples.flip_byte(archive, os.path.getsize(archive) - 5)
    with pytest.raises(sevenzip.DamagedArchiveError, match="its header fails its CRC"):
        sevenzip.SevenZip(archive)


def test_not_a_7z_archive(tmp_path):
    path = tmp_path / "x.7z"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(sevenzip.DamagedArchiveError, match="x.7z is damaged: it is not a 7z archive"):
        sevenzip.SevenZip(str(path))


def _hand_made(path, header):
    """An archive of signature, start header and `header` only (what 7-Zip would never write)."""
    start = struct.pack("<QQI", 0, len(header), zlib.crc32(header))
    path.write_bytes(sevenzip.SIGNATURE + b"\x00\x04" + struct.pack("<I", zlib.crc32(start)) + start + header)
    return str(path)


def test_an_absurd_count_is_refused_before_anything_is_allocated(tmp_path):
    # kHeader, kMainStreamsInfo, kPackInfo, pack position 0, then 2**56 packed streams in an 11-byte header
    archive = _hand_made(tmp_path / "absurd.7z", bytes((1, 4, 6, 0, 0xFF)) + (1 << 56).to_bytes(8, "little"))
    with pytest.raises(sevenzip.DamagedArchiveError, match="its header announces 72057594037927936 items"):
        sevenzip.SevenZip(archive)


def test_an_empty_archive_has_no_entries(tmp_path):
    with sevenzip.SevenZip(_hand_made(tmp_path / "empty.7z", b"")) as opened:
        assert opened.entries == [] and opened.folders == []


@pytest.mark.parametrize("switches, method", [
    (["-psecret"], "AES-256 (a password-protected archive)"),
    (["-psecret", "-mhe=on"], "AES-256 (a password-protected archive)"),
    (["-m0=PPMd"], "PPMd"),
    (["-mf=ARM64"], "ARM64"),
    (["-m0=BCJ2", "-m1=LZMA", "-m2=LZMA", "-m3=LZMA", "-mb0:1", "-mb0s1:2", "-mb0s2:3"], "BCJ2"),
])
def test_an_unsupported_method_is_named_with_what_to_do(source, tmp_path, switches, method):
    archive = samples.make_archive(str(tmp_path / "u.7z"), source, *switches)
    with pytest.raises(sevenzip.UnsupportedArchiveError) as raised:
        extract_archive(archive, str(tmp_path / "out"))
    assert str(raised.value) == ("u.7z uses its compression method {}, which IGN Offline cannot extract: extract "
                                 "it with 7-Zip (www.7-zip.org) instead.".format(method))
    assert not (tmp_path / "out").exists()


def test_entries_say_directories_empty_files_sizes_times_and_links(tmp_path):
    work = tmp_path / "w"
    (work / "d").mkdir(parents=True)
    (work / "d" / "f.txt").write_bytes(b"12345")
    (work / "e.txt").write_bytes(b"")
    os.symlink("d/f.txt", work / "l")
    os.utime(work / "d" / "f.txt", (1600000000, 1600000000))
    archive = samples.make_archive(str(tmp_path / "a.7z"), str(work), "-snl")
    with sevenzip.SevenZip(archive) as opened:
        found = {e.name: (e.is_directory, e.has_stream, e.size, e.is_link) for e in opened.entries}
        times = {e.name: e.mtime for e in opened.entries}
    assert found == {"d": (True, False, 0, False), "d/f.txt": (False, True, 5, False),
                     "e.txt": (False, False, 0, False), "l": (False, True, 7, True)}
    assert times["d/f.txt"] == pytest.approx(1600000000, abs=1)


@pytest.fixture
def blocks(tmp_path, monkeypatch):
    """An LZMA2 folder in blocks (7-Zip with two threads), cut in pieces of at least 256 kB, decoded by 2 threads."""
    samples.need_tool()
    monkeypatch.setattr(sevenzip, "MIN_PIECE", 256 << 10)
    monkeypatch.setattr(sevenzip, "THREADS", 2)
    source = tmp_path / "src"
    samples.sample_tree(str(source))
    samples.compressible_file(str(source / "grid.asc"), 6)
    archive = samples.make_archive(str(tmp_path / "b.7z"), str(source), "-mx1", "-md=256k", "-mmt=2")
    with sevenzip.SevenZip(archive) as opened:
        folder = opened.folders[0]
        pieces = sevenzip.lzma2_split.pieces(opened._read_at, folder.pack_offset, folder.pack_sizes[0], 256 << 10)
    assert len(opened.folders) == 1 and len(pieces) >= 4
    return archive


def test_lzma2_blocks_decoded_in_threads_are_byte_identical(blocks, tmp_path):
    expected = samples.tree(samples.reference(blocks, tmp_path / "7z"))
    written = []
    extract_archive(blocks, str(tmp_path / "ours"), progress=lambda done, total: written.append((done, total)))
    assert samples.tree(str(tmp_path / "ours")) == expected
    assert written[-1][0] == written[-1][1] == sum(size for _, size in (v for v in expected.values() if v))


def test_a_flipped_byte_in_a_later_block_fails_the_crc(blocks, tmp_path):
    samples.flip_byte(blocks, os.path.getsize(blocks) * 3 // 4)
    with pytest.raises(sevenzip.DamagedArchiveError, match="^b.7z is damaged: "):
        extract_archive(blocks, str(tmp_path / "ours"))
    assert not (tmp_path / "ours").exists()


# -- issue 28: volumes out of place or mixed are said as such, naming the volume -------------------------------------

def volumes_of(folder, stem="v.7z"):
    return sorted(name for name in os.listdir(folder) if name.startswith(stem + "."))


def swap(folder, first, second):
    a, b = os.path.join(folder, first), os.path.join(folder, second)
    os.rename(a, a + ".swap")
    os.rename(b, a)
    os.rename(a + ".swap", b)


MIXED = ("the edition is incomplete or its volumes are mixed (from another edition, or in the wrong order). Delete "
         "all its volumes (v.7z.001 to {}) and download them again.")


def test_the_second_volume_served_as_the_first_is_named_not_called_damaged(source, tmp_path):
    """The service (or a mirror) served .002's bytes under the name .001: the archive does not start; not
    ".001 is damaged… delete it" (fetching .001 again gives the same), but which volume and why."""
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v300k")
    names = volumes_of(tmp_path)
    shutil.copyfile(str(tmp_path / "v.7z.002"), str(tmp_path / "v.7z.001"))
    with pytest.raises(sevenzip.MixedVolumesError) as raised:
        sevenzip.SevenZip(str(tmp_path / "v.7z.001"))
    assert raised.value.volume == "v.7z.001"
    assert str(raised.value) == ("v.7z.001 cannot be read: it is not a 7z archive. Its volume v.7z.001 is wrong (it "
                                 "does not start a 7z archive): " + MIXED.format(names[-1]))


def test_swapped_first_volumes_say_which_starts_the_archive(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v300k")
    names = volumes_of(tmp_path)
    swap(str(tmp_path), "v.7z.001", "v.7z.002")
    with pytest.raises(sevenzip.MixedVolumesError) as raised:
        extract_archive(str(tmp_path / "v.7z.001"), str(tmp_path / "out"))
    assert raised.value.volume == "v.7z.001" and "is damaged" not in str(raised.value)
    assert str(raised.value) == ("v.7z.001 cannot be read: it is not a 7z archive. Its volume v.7z.001 is wrong (it "
                                 "does not start the archive; v.7z.002 does): " + MIXED.format(names[-1]))
    assert not os.path.exists(str(tmp_path / "out")) or os.listdir(str(tmp_path / "out")) == []


def test_the_last_volume_in_the_middle_is_named_by_its_size(source, tmp_path):
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v300k")
    names = volumes_of(tmp_path)
    swap(str(tmp_path), "v.7z.002", names[-1])
    with pytest.raises(sevenzip.MixedVolumesError) as raised:
        extract_archive(str(tmp_path / "v.7z.001"), str(tmp_path / "out"))
    assert raised.value.volume == "v.7z.002"
    assert re.fullmatch(r"v\.7z\.001 cannot be read: .*\. Its volume v\.7z\.002 is wrong \(it is [\d.]+ kB where the "
                        r"volumes before it are 307\.2 kB: only the last one may be smaller\): " + re.escape(
                            MIXED.format(names[-1])), str(raised.value)), str(raised.value)


def test_a_volume_of_another_edition_names_the_volumes_holding_the_failing_data(source, tmp_path):
    """Same sizes, so nothing tells the volume apart before decoding: the data fails, and the message says the
    volumes holding it and that the edition is mixed, not that one volume is damaged."""
    samples.make_archive(str(tmp_path / "v.7z"), source, "-v300k", "-m0=Copy")
    other = tmp_path / "other"
    other.mkdir()
    changed = tmp_path / "changed"
    shutil.copytree(source, str(changed))
    with open(str(changed / "random.bin"), "r+b") as stream:  # a newer edition: other bytes, same size
        stream.write(b"\xff" * 300_000)
    samples.make_archive(str(other / "v.7z"), str(changed), "-v300k", "-m0=Copy")
    names = volumes_of(tmp_path)
    shutil.copyfile(str(other / "v.7z.002"), str(tmp_path / "v.7z.002"))
    with pytest.raises(sevenzip.MixedVolumesError) as raised:
        extract_archive(str(tmp_path / "v.7z.001"), str(tmp_path / "out"))
    assert raised.value.volume is None
    assert re.fullmatch(r"v\.7z\.001 cannot be read: 'random\.bin' fails its CRC check\. The failing data lies in its "
                        r"volumes v\.7z\.0\d\d to v\.7z\.0\d\d: the edition is incomplete or its volumes are mixed "
                        r"\(from another edition, or in the wrong order\), or one of them is damaged\. Delete all "
                        r"its volumes \(v\.7z\.001 to " + re.escape(names[-1]) + r"\) and download them again\.",
                        str(raised.value)), str(raised.value)


def test_the_volumes_holding_bytes_are_found_by_their_sizes():
    sizes = [100, 100, 100, 40]
    assert sevenzip._holding(sizes, (0, 32)) == (0, 0)
    assert sevenzip._holding(sizes, (150, 250)) == (1, 2)
    assert sevenzip._holding(sizes, (300, 340)) == (3, 3)
    assert sevenzip._holding(sizes, (99, 101)) == (0, 1)
    assert sevenzip._holding(sizes, None) == (0, 3)


def test_decoding_that_fails_names_the_volumes_up_to_where_it_stopped(tmp_path):
    """Volumes of one size swapped in the middle of a compressed archive: decoding stops soon after the first
    wrong byte, so the volumes after it are not blamed (v.7z.001 to v.7z.004 of 9, not all nine)."""
    samples.need_tool()
    source = tmp_path / "source"
    source.mkdir()
    (source / "grid.bin").write_bytes(random.Random(3).randbytes(8 << 20))
    samples.make_archive(str(tmp_path / "v.7z"), str(source), "-v1m")
    names = volumes_of(tmp_path)
    assert len(names) == 9
    swap(str(tmp_path), "v.7z.003", "v.7z.004")
    with pytest.raises(sevenzip.MixedVolumesError) as raised:
        extract_archive(str(tmp_path / "v.7z.001"), str(tmp_path / "out"))
    assert str(raised.value) == (
        "v.7z.001 cannot be read: its compressed data is corrupt. The failing data lies in its volumes v.7z.001 to "
        "v.7z.004: the edition is incomplete or its volumes are mixed (from another edition, or in the wrong order), "
        "or one of them is damaged. Delete all its volumes (v.7z.001 to v.7z.009) and download them again.")
