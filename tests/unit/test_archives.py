"""ZIP limits: every member's ratio and the total are checked, the disk must hold the total, and a full disk
is reported as a full disk, never as a damaged package."""

import os
import struct
import zipfile

import pytest

from core.archives import unpacking, zip_extract


def _zeros_zip(path, members, size):
    """A real bomb: `members` members of `size` zero bytes, deflated (about 1,000 times smaller each)."""
    block = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(members):
            with archive.open("tile_{:02d}.tif".format(index), "w", force_zip64=True) as out:
                for _ in range(size >> 20):
                    out.write(block)


def test_a_zip_of_many_members_each_under_100_mb_compressed_a_thousand_times_is_refused(tmp_path):
    package = str(tmp_path / "mns.zip")
    _zeros_zip(package, 3, 95 << 20)  # the shape of the 3.7 MB ZIP of 40 × 95 MB members
    assert os.path.getsize(package) < (95 << 20) * 3 // 500
    target = tmp_path / "extracted"
    with pytest.raises(zip_extract.ArchiveError, match="compressed 1[0-9]{3} times"):
        zip_extract.extract(package, str(target))
    assert not target.exists()


def _overlapping_zip(path, copies):
    """A non-recursive zip bomb: one deflated member (about 500 times smaller than itself, under the per-member
    limit) listed `copies` times in the central directory, every entry pointing at the same bytes."""
    body = bytes(range(256)) * 64 + bytes(1 << 20)  # some variety, then zeros
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.tif", body)
    data = open(path, "rb").read()
    eocd = data.rindex(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", data[eocd + 12:eocd + 20])
    entry = data[cd_offset:cd_offset + cd_size]
    entries = b"".join(entry.replace(b"a.tif", "{}.tif".format(chr(97 + i)).encode()) for i in range(copies))
    tail = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, copies, copies, len(entries), cd_offset, 0)
    with open(path, "wb") as out:
        out.write(data[:cd_offset] + entries + tail)
    return len(body)


def test_members_sharing_their_compressed_bytes_are_refused_by_the_total(tmp_path):
    package = str(tmp_path / "overlap.zip")
    size = _overlapping_zip(package, 20)
    with zipfile.ZipFile(package) as archive:
        members = archive.infolist()
    assert len(members) == 20 and all(zip_extract.check_member(info) is None for info in members)
    target = tmp_path / "extracted"
    with pytest.raises(zip_extract.ArchiveError, match="its members add up to 21.3 MB from a") as raised:
        zip_extract.extract(package, str(target))
    assert "{:.1f} MB".format(20 * size / 1e6) in str(raised.value)
    assert not target.exists()


def test_a_total_larger_than_the_free_space_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    package = str(tmp_path / "big.zip")
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as archive:
        for index in range(3):
            archive.writestr("tile_{}.tif".format(index), os.urandom(2 << 20))
    # The disk's free space is the one thing not made real here: 6 MB of members against 5 MB free.
    monkeypatch.setattr(unpacking, "free_bytes", lambda path: 5 * 10 ** 6)  # shared by every extraction
    target = tmp_path / "extracted"
    with pytest.raises(zip_extract.ArchiveError) as raised:
        zip_extract.extract(package, str(target))
    message = str(raised.value)
    assert "not enough space on the disk holding" in message and "6.3 MB needed, 5.0 MB free" in message
    assert "damaged" not in message
    assert not target.exists() or not list(target.rglob("*"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux) for a real ENOSPC")
def test_a_full_disk_during_extraction_says_disk_full_and_leaves_no_partial_member(tmp_path):
    package = str(tmp_path / "tile.zip")
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("tile.tfw", "10\n0\n0\n-10\n930005\n6899995\n")
        archive.writestr("tile.tif", os.urandom(1 << 20))
    target = tmp_path / "extracted"
    target.mkdir()
    os.symlink("/dev/full", str(target / "tile.tif.part"))  # the kernel answers ENOSPC to every write there
    with pytest.raises(zip_extract.ArchiveError) as raised:
        zip_extract.extract(package, str(target))
    message = str(raised.value)
    assert "disk holding" in message and "is full" in message and "tile.tif" in message
    assert "damaged" not in message and "delete it" not in message
    assert sorted(os.listdir(str(target))) == ["tile.tfw"]  # the complete member stays, no .part


def test_every_member_is_ratio_checked_however_small():
    dense = zipfile.ZipInfo("tile.tif")
    dense.file_size, dense.compress_size = 5 * 10 ** 7, 10 ** 4
    assert zip_extract.check_member(dense) == "compressed 5000 times"
    fine = zipfile.ZipInfo("tile.hdr")
    fine.file_size, fine.compress_size = 400, 120
    assert zip_extract.check_member(fine) is None
