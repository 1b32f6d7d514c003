"""core.datasets.transfer: files of the stand-in download service by HTTP Range, resumed, MD5 checked."""

import errno
import hashlib
import os
import socket
import subprocess
import sys
import time

import pytest

from core.datasets.service import DownloadService, RemoteFile
from core.datasets.transfer import TransferError, download
from core.errors import Cancelled
from core.http import SessionPool
from core.messages import os_reason
from tests.support.download_service import StandInDownloadService, StandInEdition, StandInFile
from tests.support.hostile_http import HostileServer

NAME = "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2020-10-14"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.urandom(3 * 2 ** 20 + 12345)


def stand_in(data=DATA, md5=None, **knobs):
    edition = StandInEdition(NAME, "D031", "D031 Haute-Garonne", "ASC", "2020-10-14", (1.0, 43.0, 2.0, 44.0),
                             [StandInFile(NAME + ".7z", data, md5=md5)])
    return StandInDownloadService({"RGEALTI": [edition]}, **knobs)


def listed(service):
    return service.files("RGEALTI", NAME)[0]


def test_a_transfer_cut_three_times_resumes_by_range_and_ends_byte_identical(tmp_path):
    seen = []
    with stand_in() as server, DownloadService(server.root) as service:
        server.cut(700_000, times=3)
        path = download(service, listed(service), str(tmp_path), progress=lambda done, total: seen.append(done))
        ranges = [ranged for _, ranged in server.downloads()]
    assert open(path, "rb").read() == DATA and os.path.basename(path) == NAME + ".7z"
    assert ranges == [None, "bytes=700000-", "bytes=1400000-", "bytes=2100000-"]
    assert os.listdir(tmp_path) == [NAME + ".7z"]
    assert seen[-1] == len(DATA) and seen == sorted(seen)


def test_server_errors_are_retried_then_the_file_ends_byte_identical(tmp_path):
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        server.fail(2, status=502)
        path = download(service, remote, str(tmp_path))
        attempts = server.downloads()
    assert open(path, "rb").read() == DATA and len(attempts) == 3


def test_a_wrong_md5_is_one_clear_message_and_no_file(tmp_path):
    with stand_in(md5="0" * 32) as server, DownloadService(server.root) as service, \
            pytest.raises(TransferError) as error:
        download(service, listed(service), str(tmp_path))
    assert "MD5" in str(error.value) and "damaged in transit" in str(error.value) and "run again" in str(error.value)
    assert os.listdir(tmp_path) == []


def test_cancel_mid_download_leaves_a_part_the_next_run_resumes(tmp_path):
    with stand_in(bandwidth=2 * 2 ** 20) as server, DownloadService(server.root) as service:
        remote = listed(service)
        got = []
        with pytest.raises(Cancelled):
            download(service, remote, str(tmp_path), progress=lambda done, total: got.append(done),
                     is_cancelled=lambda: bool(got) and got[-1] > 500_000)
        part = tmp_path / (NAME + ".7z.part")
        kept = part.stat().st_size
        assert 500_000 < kept < len(DATA) and not (tmp_path / (NAME + ".7z")).exists()
        assert part.read_bytes() == DATA[:kept]
        server.bandwidth = 0
        path = download(service, remote, str(tmp_path))
        ranges = [ranged for _, ranged in server.downloads()]
    assert open(path, "rb").read() == DATA
    assert ranges == [None, "bytes={}-".format(kept)]


def test_a_verified_file_in_place_sends_no_request(tmp_path):
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        download(service, remote, str(tmp_path))
        download(service, remote, str(tmp_path))
        assert len(server.downloads()) == 1


def test_a_complete_part_is_checked_without_a_download(tmp_path):
    (tmp_path / (NAME + ".7z.part")).write_bytes(DATA)
    with stand_in() as server, DownloadService(server.root) as service:
        path = download(service, listed(service), str(tmp_path))
        assert server.downloads() == []
    assert hashlib.md5(open(path, "rb").read()).hexdigest() == hashlib.md5(DATA).hexdigest()


def test_a_server_ignoring_range_restarts_from_zero(tmp_path):
    (tmp_path / (NAME + ".7z.part")).write_bytes(b"x" * 1000)  # not the file's beginning: a 200 replaces it
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        server.ignore_range = True
        path = download(service, remote, str(tmp_path))
    assert open(path, "rb").read() == DATA


def test_no_more_bytes_than_the_listing_announced(tmp_path):
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        short = RemoteFile(remote.name, remote.url, 1000, remote.md5)
        with pytest.raises(TransferError, match="sends {} bytes .* where its listing said 1000".format(len(DATA))):
            download(service, short, str(tmp_path))
        assert server.downloads()
    assert not (tmp_path / (NAME + ".7z")).exists()


@pytest.mark.parametrize("name", ["../evil.7z", "a/b.7z", "a\\b.7z", "C:evil.7z", "..", ""])
def test_a_file_name_that_is_a_path_is_refused(tmp_path, name):
    folder = tmp_path / "inside"
    with pytest.raises(TransferError, match="not a plain file name"):
        download(None, RemoteFile(name, "http://127.0.0.1:9/x", 10, None), str(folder))
    assert list(tmp_path.iterdir()) == []


def test_a_drip_feeding_server_is_stopped_with_the_part_kept(tmp_path):
    with stand_in(bandwidth=4000) as server, DownloadService(server.root) as service:
        remote = listed(service)
        start = time.monotonic()
        with pytest.raises(TransferError, match="sent only .* the part received is kept|The part received is kept"):
            download(service, remote, str(tmp_path), stall=1.0, stall_bytes=64 * 1024)
        assert time.monotonic() - start < 4.0
    assert (tmp_path / (NAME + ".7z.part")).stat().st_size > 0


def test_not_enough_free_space_is_said_before_any_byte(tmp_path, monkeypatch):
    import core.datasets.transfer as transfer

    monkeypatch.setattr(transfer, "free_bytes", lambda folder: 1000)
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        with pytest.raises(TransferError, match="Not enough free space"):
            download(service, remote, str(tmp_path))
        assert server.downloads() == []


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak RSS read from /proc (Linux)")
def test_memory_stays_flat_for_a_large_file(tmp_path):
    """64 MB through a subprocess whose peak RSS must not grow by the file's size."""
    big = tmp_path / "big.bin"
    with open(big, "wb") as out:
        for _ in range(64):
            out.write(os.urandom(2 ** 20))
    code = MEMORY.format(root=ROOT, path=str(big), out=str(tmp_path / "out"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    before, after = (int(v) for v in done.stdout.split())
    assert after - before < 24 * 1024, (before, after)  # kB; the file is 64 MB


MEMORY = """
import os, sys
sys.path.insert(0, {root!r})
from core.datasets.service import DownloadService
from core.datasets.transfer import download
from core.http import SessionPool
from tests.support.download_service import StandInDownloadService, StandInEdition, StandInFile
from tests.support.hostile_http import HostileServer
def peak():
    return int([l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1])
name = "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2020-10-14"
edition = StandInEdition(name, "D031", "D031", "ASC", "2020-10-14", (1, 43, 2, 44),
                         [StandInFile(name + ".7z", path={path!r})])
with StandInDownloadService({{"RGEALTI": [edition]}}) as server, DownloadService(server.root) as service:
    remote = service.files("RGEALTI", name)[0]
    before = peak()
    download(service, remote, {out!r})
    print(before, peak())
"""


def test_a_redirect_to_another_host_carries_no_user_header(tmp_path):
    with stand_in() as server, DownloadService(server.root) as service, \
            HostileServer(redirect_to=server.origin) as hostile:
        remote = listed(service)
        moved = RemoteFile(remote.name, remote.url.replace(server.origin, hostile.base + "/redirect"), remote.size,
                           remote.md5)
        pool = SessionPool(headers={"apikey": "s3cret"})
        path = download(pool, moved, str(tmp_path))
        pool.close()
        assert hostile.headers_of("redirect")[0].get("apikey") == "s3cret"
        assert [h.get("apikey") for h in server.headers_seen[-1:]] == [None]
    assert open(path, "rb").read() == DATA


def test_a_redirect_to_another_scheme_is_refused(tmp_path):
    with HostileServer(redirect_to="file:///etc") as hostile, \
            pytest.raises(TransferError, match="not http\\(s\\): refused"):
        download(SessionPool(), RemoteFile("x.7z", hostile.base + "/redirect/passwd", 10, None), str(tmp_path))
    assert os.listdir(tmp_path) == []


def test_a_429_on_a_download_pauses_then_resumes(tmp_path):
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        server.throttle(1, retry_after="1")
        start = time.monotonic()
        path = download(service, remote, str(tmp_path))
        elapsed = time.monotonic() - start
        assert len(server.downloads()) == 2
    assert 1.0 <= elapsed < 4.0 and open(path, "rb").read() == DATA


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full: a device whose writes fail with ENOSPC")
def test_a_disk_that_fills_during_a_transfer_is_one_message_not_a_traceback(tmp_path):
    """The kernel's own ENOSPC (the .part is /dev/full): a TransferError naming the disk, nothing retried."""
    os.symlink("/dev/full", str(tmp_path / (NAME + ".7z.part")))
    with stand_in() as server, DownloadService(server.root) as service:
        with pytest.raises(TransferError) as error:
            download(service, listed(service), str(tmp_path))
        assert len(server.downloads()) == 1  # a full disk is not the network's fault: not retried
    said = str(error.value)
    assert "cannot be written" in said and "free some space" in said and "resume" in said
    assert error.value.message.args[2] == os_reason(OSError(errno.ENOSPC, "x"))  # "the disk is full", translated
    assert not os.path.exists(tmp_path / (NAME + ".7z"))


def test_the_free_space_refused_says_the_margin_it_keeps(tmp_path, monkeypatch):
    import core.datasets.transfer as transfer

    monkeypatch.setattr(transfer, "free_bytes", lambda folder: len(DATA) + 1000)  # the file fits, not the margin
    with stand_in() as server, DownloadService(server.root) as service:
        with pytest.raises(TransferError) as error:
            download(service, listed(service), str(tmp_path))
    needed, left, margin, free = (size.bytes for size in error.value.message.args[2:6])
    assert needed == len(DATA) + transfer.SPACE_MARGIN > free and left == len(DATA) and margin == transfer.SPACE_MARGIN


class LongerThanItIs(StandInFile):
    """The listing (and Content-Length) announce 5,000 bytes more than the file has."""

    @property
    def size(self):
        return len(self.data) + 5000


def lying(md5=None):
    edition = StandInEdition(NAME, "D031", "D031 Haute-Garonne", "ASC", "2020-10-14", (1.0, 43.0, 2.0, 44.0),
                             [LongerThanItIs(NAME + ".7z", DATA, md5=md5)])
    return StandInDownloadService({"RGEALTI": [edition]})


def test_a_listing_announcing_too_long_a_file_is_believed_over_http_when_the_md5_matches(tmp_path):
    """gpf_dl:length is the listing's claim: HTTP's honest Content-Length is shorter and what arrives has the
    listed MD5, so the file is whole (a note says the listing was wrong)."""
    edition = StandInEdition(NAME, "D031", "D031 Haute-Garonne", "ASC", "2020-10-14", (1.0, 43.0, 2.0, 44.0),
                             [StandInFile(NAME + ".7z", DATA, length=len(DATA) + 5000)])
    notes = []
    with StandInDownloadService({"RGEALTI": [edition]}) as server, DownloadService(server.root) as service:
        remote = listed(service)
        assert remote.size == len(DATA) + 5000
        path = download(service, remote, str(tmp_path), timeout=(2, 1), log=notes.append)
        assert len(server.downloads()) == 1
    assert open(path, "rb").read() == DATA and len(notes) == 1
    assert "announced {} bytes".format(len(DATA) + 5000) in str(notes[0]) and "listed MD5" in str(notes[0])


def test_a_body_shorter_than_its_content_length_is_never_taken_whole_even_with_the_listed_md5(tmp_path):
    """HTTP's Content-Length is enforced: the body ends 5,000 bytes short of it (and of the listing) although what
    came has the listed MD5: resumed by Range, then given up with the part kept; no file under the final name."""
    notes = []
    with lying(md5=hashlib.md5(DATA).hexdigest()) as server, DownloadService(server.root) as service:
        with pytest.raises(TransferError) as error:
            download(service, listed(service), str(tmp_path), timeout=(2, 0.5), retry_seconds=2.0, log=notes.append)
        ranges = [ranged for _, ranged in server.downloads()]
    assert ranges[0] is None and ranges[1:] and set(ranges[1:]) == {"bytes={}-".format(len(DATA))}
    assert "announced {} bytes and sent {}".format(len(DATA) + 5000, len(DATA)) in str(error.value)
    assert not (tmp_path / (NAME + ".7z")).exists() and (tmp_path / (NAME + ".7z.part")).read_bytes() == DATA
    assert notes == []


def test_a_200_cut_short_of_its_content_length_is_resumed_without_a_listed_length_or_md5(tmp_path):
    """Nothing but HTTP's Content-Length to go by: a body cut short of it is resumed, never taken as the file."""
    with stand_in() as server, DownloadService(server.root) as service:
        remote = listed(service)
        bare = RemoteFile(remote.name, remote.url, None, None)
        server.cut(1_000_000, times=1)
        path = download(service, bare, str(tmp_path))
        ranges = [ranged for _, ranged in server.downloads()]
    assert ranges == [None, "bytes=1000000-"] and open(path, "rb").read() == DATA


def test_a_length_announced_too_long_with_another_md5_says_both_lengths_within_the_retry_bound(tmp_path):
    with lying(md5="0" * 32) as server, DownloadService(server.root) as service:
        start = time.monotonic()
        with pytest.raises(TransferError) as error:
            download(service, listed(service), str(tmp_path), timeout=(2, 0.5), retry_seconds=2.0)
        assert time.monotonic() - start < 8.0
    said = str(error.value)
    assert "announced {} bytes and sent {}".format(len(DATA) + 5000, len(DATA)) in said and "kept" in said


def test_a_server_that_accepts_and_never_answers_is_said_so(tmp_path):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    url = "http://127.0.0.1:{}/download/x.7z".format(silent.getsockname()[1])
    pool = SessionPool()
    try:
        start = time.monotonic()
        with pytest.raises(TransferError) as error:
            download(pool, RemoteFile("x.7z", url, 10, "0" * 32), str(tmp_path), timeout=(2, 1), retry_seconds=2.0)
        assert time.monotonic() - start < 8.0
    finally:
        pool.close()
        silent.close()
    assert "the server accepted the connection but did not answer within 1 s" in str(error.value)
