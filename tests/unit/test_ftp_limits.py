"""FTP transfers end even when the server drip-feeds them: the idle timeout is reset by every chunk, the
progress rule is not."""

import os
import time

from core.ftp import client as ftp
from tests.support.ftp_server import TestFtpServer


def test_a_drip_fed_transfer_is_stopped_with_a_message_and_resumes_later(tmp_path):
    root = tmp_path / "srv"
    root.mkdir()
    payload = os.urandom(300 * 1024)
    (root / "tile.jp2").write_bytes(payload)
    local = str(tmp_path / "out" / "tile.jp2")
    os.makedirs(os.path.dirname(local))
    with TestFtpServer(str(root)) as running:
        running.state.write_limit = 1024  # about 500 bytes a second, a chunk every 2 s: never idle for 10 s
        server = ftp.FtpServer("127.0.0.1", running.port, timeout=10, rate_window=3.0, min_bytes=16 * 1024)
        transfer = ftp.Transfer("/tile.jp2", local, len(payload))
        started = time.monotonic()
        stats = ftp.Fetcher(server, connections=1).run([transfer])
        elapsed = time.monotonic() - started
        reason = stats.failed["/tile.jp2"]
        assert "sent only" in reason and "run again later to resume" in reason and "in 3 s" in reason
        assert elapsed < 8, elapsed  # one window, no retries of a drip
        assert not os.path.exists(local)
        kept = os.path.getsize(local + ftp.PART_SUFFIX)
        assert 0 < kept < 16 * 1024

        running.state.write_limit = 0  # the server recovers: the next run resumes where the drip stopped
        stats = ftp.Fetcher(server, connections=1).run([transfer])
        assert not stats.failed and stats.downloaded == [local]
        assert open(local, "rb").read() == payload
        assert running.state.retrievals("tile.jp2")[-1].offset == kept


def test_a_slow_but_steady_transfer_is_not_stopped(tmp_path):
    root = tmp_path / "srv"
    root.mkdir()
    payload = os.urandom(96 * 1024)
    (root / "tile.jp2").write_bytes(payload)
    local = str(tmp_path / "tile.jp2")
    with TestFtpServer(str(root)) as running:
        running.state.write_limit = 32 * 1024  # 32 kB bursts every 2 s or so: slow, yet over the 8 kB in 3 s asked
        server = ftp.FtpServer("127.0.0.1", running.port, timeout=10, rate_window=3.0, min_bytes=8 * 1024)
        stats = ftp.Fetcher(server, connections=1).run([ftp.Transfer("/tile.jp2", local, len(payload))])
    assert not stats.failed and open(local, "rb").read() == payload


def test_the_default_rule_stops_less_than_16_kb_a_minute():
    server = ftp.FtpServer()
    assert (server.rate_window, server.min_bytes) == (60.0, 16 * 1024)
