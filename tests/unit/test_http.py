import threading
import time

import pytest

from core import http
from tests.support.images import jpeg_tile, png_tile


def test_secrets_are_removed_from_urls():
    url = "https://u:pw@data.geopf.fr/private/wmts?SERVICE=WMTS&apikey=s3cr3t&LAYER=X&Token=abc"
    redacted = http.redact_url(url)
    assert "s3cr3t" not in redacted and "abc" not in redacted and "pw" not in redacted
    assert redacted == "https://data.geopf.fr/private/wmts?SERVICE=WMTS&LAYER=X"


def test_retry_after_forms():
    assert http.retry_after_seconds("7") == 7
    assert http.retry_after_seconds(None) == 5
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    assert 25 <= http.retry_after_seconds(future) <= 31
    assert http.retry_after_seconds("soon") == 5


def test_backoff_grows_with_jitter():
    assert all(0 <= http.backoff_delay(1) <= 0.5 for _ in range(50))
    assert max(http.backoff_delay(6) for _ in range(200)) > 2
    assert all(http.backoff_delay(30) <= 30 for _ in range(50))


@pytest.mark.parametrize("body, content_type, expected, length, fragment", [
    (b"<html>Maintenance</html>", "text/html", "image/png", None, "not an image"),
    (png_tile((1, 2, 3))[:-40], "image/png", "image/png", None, "truncated PNG"),
    (png_tile((1, 2, 3)), "image/png", "image/png", "99999", "truncated body"),
    (jpeg_tile((1, 2, 3))[:-50], "image/jpeg", "image/jpeg", None, "truncated JPEG"),
    (png_tile((1, 2, 3)), "image/png", "image/jpeg", None, "image/png received where image/jpeg was asked"),
    (png_tile((1, 2, 3)), "image/jpeg", "image/png", None, "content type image/jpeg but the bytes are image/png"),
    (b"", "image/png", "image/png", None, "empty body"),
])
def test_bad_bodies_are_named(body, content_type, expected, length, fragment):
    assert fragment in http.tile_body_problem(body, content_type, expected, length)


def test_good_bodies_pass():
    png, jpeg = png_tile((5, 6, 7)), jpeg_tile((5, 6, 7))
    assert http.tile_body_problem(png, "image/png", "image/png", str(len(png))) is None
    assert http.tile_body_problem(jpeg, "image/jpeg; charset=binary", "image/jpg", None) is None
    padded = png + b"\x00" * 300  # some servers pad PNGs with NULs after IEND
    assert http.tile_body_problem(padded, "image/png", "image/png", None) is None
    assert "truncated PNG" in http.tile_body_problem(png[:-12] + b"\x00" * 12, "image/png", "image/png", None)


def test_limiter_paces_and_pauses():
    limiter = http.HostLimiter()
    limiter.join(50)
    stop = threading.Event()
    start = time.monotonic()
    for _ in range(26):
        assert limiter.acquire(stop)
    assert time.monotonic() - start >= 0.49  # 25 intervals of 20 ms
    limiter.pause(0.3)
    start = time.monotonic()
    assert limiter.acquire(stop)
    assert time.monotonic() - start >= 0.29
    stop.set()
    limiter.pause(10)
    start = time.monotonic()
    assert not limiter.acquire(stop)  # a stop is never kept waiting
    assert time.monotonic() - start < 0.1


def test_the_lowest_rate_of_the_jobs_sharing_a_host_wins():
    limiter = http.HostLimiter()
    limiter.join(20)
    limiter.join(5)
    assert limiter.rate == 5
    limiter.leave(5)
    assert limiter.rate == 20
    limiter.join(0)
    assert limiter.rate == 20


def test_the_user_agent_names_the_plugin_and_the_users_contact():
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append(self.headers.get("User-Agent"))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = "http://127.0.0.1:{}/".format(server.server_address[1])
        plain = http.SessionPool()
        plain.get(url)
        contact = http.SessionPool({"User-Agent": http.user_agent("me@example.org\r\nX-Evil: 1")})
        contact.get(url)
        plain.close()
        contact.close()
    finally:
        server.shutdown()
        server.server_close()
    assert seen[0] == http.USER_AGENT and seen[0].startswith("IGN-Offline/")
    assert seen[1].startswith("IGN-Offline/") and seen[1].endswith("; contact: me@example.org X-Evil: 1)")
