import threading
import time

import pytest

from core import http
from core.tiles import bodies
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
    assert fragment in bodies.tile_body_problem(body, content_type, expected, length)


def test_good_bodies_pass():
    png, jpeg = png_tile((5, 6, 7)), jpeg_tile((5, 6, 7))
    assert bodies.tile_body_problem(png, "image/png", "image/png", str(len(png))) is None
    assert bodies.tile_body_problem(jpeg, "image/jpeg; charset=binary", "image/jpg", None) is None
    padded = png + b"\x00" * 300  # some servers pad PNGs with NULs after IEND
    assert bodies.tile_body_problem(padded, "image/png", "image/png", None) is None
    assert "truncated PNG" in bodies.tile_body_problem(png[:-12] + b"\x00" * 12, "image/png", "image/png", None)


@pytest.mark.serial
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
    from http.server import BaseHTTPRequestHandler

    from tests.support.loopback import serving

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append(self.headers.get("User-Agent"))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    with serving(Handler) as server:
        url = server.origin + "/"
        plain = http.SessionPool()
        plain.get(url)
        contact = http.SessionPool({"User-Agent": http.user_agent("me@example.org\r\nX-Evil: 1")})
        contact.get(url)
        plain.close()
        contact.close()
    assert seen[0] == http.USER_AGENT and seen[0].startswith("IGN-Offline/")
    assert seen[1].startswith("IGN-Offline/") and seen[1].endswith("; contact: me@example.org X-Evil: 1)")


# -- the wire's limits, against tests/support/hostile_http.py ------------------------------------

def hostile(**knobs):
    from tests.support.hostile_http import HostileServer

    return HostileServer(**knobs)


def tile_url(server, mode, extension=".png"):
    return server.template(mode, extension).format(z=3, x=4, y=5)


def test_a_drip_fed_body_ends_at_the_deadline_not_at_a_read_timeout():
    with hostile(drip_interval=0.2) as server:
        pool = http.TilePool()
        start = time.monotonic()
        with pytest.raises(http.DeadlineExceeded, match="no complete answer within 1 s"):
            pool.get(tile_url(server, "drip"), deadline=1.0)  # each byte comes well within the read timeout
        assert 0.9 <= time.monotonic() - start < 2.0
        pool.close()


def test_a_gzip_bomb_stays_small_in_memory():
    import tracemalloc

    with hostile(bomb_size=256 * 2 ** 20) as server:
        bomb = server.bomb()
        assert len(bomb) < 2 ** 20  # 256 MB of zeros in a few hundred KB
        pool = http.TilePool()
        tracemalloc.start()
        try:
            with pytest.raises(http.BodyTooLarge, match="^tile larger than 2 MB$"):
                pool.get(tile_url(server, "bomb"), max_bytes=2 * 2 ** 20)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            pool.close()
        assert peak < 8 * 2 ** 20
        assert all(h.get("Accept-Encoding") == "identity" for h in server.headers_of("bomb"))


def test_a_gzipped_tile_is_decoded_to_its_bytes():
    with hostile() as server:
        pool = http.TilePool()
        response = pool.get(tile_url(server, "gzip"))
        pool.close()
    assert response.content == server.tile
    assert bodies.tile_body_problem(response.content, "image/png", "image/png", None) is None


@pytest.mark.parametrize("mode", ["huge", "hugestream"])
def test_a_2_gb_body_is_refused_at_the_cap(mode):
    import tracemalloc

    with hostile() as server:
        pool = http.TilePool()
        tracemalloc.start()
        start = time.monotonic()
        try:
            with pytest.raises(http.BodyTooLarge, match="tile larger than 4 MB"):
                pool.get(tile_url(server, mode), max_bytes=4 * 2 ** 20)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            pool.close()
    assert peak < 12 * 2 ** 20 and time.monotonic() - start < 5


def test_capabilities_too_large_or_too_slow_say_so():
    from core.errors import InputError
    from core.sources.prepare import fetch_capabilities

    with hostile(drip_interval=0.1) as server:
        with pytest.raises(InputError, match=r"^http://x/wmts sent capabilities larger than 64 MB: check that SOURCE"):
            fetch_capabilities(server.base + "/hugecaps/wmts", "http://x/wmts")
        start = time.monotonic()
        with pytest.raises(InputError, match=r"The capabilities of http://x/wmts did not arrive within 1 s"):
            fetch_capabilities(server.base + "/dripcaps/wmts", "http://x/wmts", deadline=1.0)
        assert time.monotonic() - start < 2.0


def test_connections_are_kept_alive_after_a_whole_body():
    with hostile() as server:
        pool = http.TilePool(connections=1)
        bodies = [pool.get(tile_url(server, "ok")).content for _ in range(20)]
        pool.close()
    assert bodies == [server.tile] * 20
    assert len(set(server.ports)) == 1  # one connection carried the 20 requests


SECRET_HEADERS = {"Authorization": "Bearer t0ken", "apikey": "k3y", "X-Api-Key": "k4y"}


@pytest.mark.parametrize("client", ["tiles", "capabilities"])
def test_credentials_never_follow_a_redirect_to_another_origin(client):
    with hostile() as second, hostile(redirect_to=None) as first:
        first.redirect_to = second.base + "/ok"  # another port: another origin
        url = tile_url(first, "redirect")
        asked = dict(SECRET_HEADERS, **{"If-None-Match": '"v1"'})
        if client == "tiles":
            pool = http.TilePool({"X-Pool-Key": "p00l"})
            response = pool.get(url, headers=asked)
        else:
            pool = http.SessionPool({"X-Pool-Key": "p00l"})
            response = pool.fetch(url, headers=dict(asked, Authorization="Basic dTpw"), what="capabilities")
        pool.close()
    assert response.status_code == 200 and response.content == second.tile
    received_first, = first.headers_of("redirect")
    assert {"apikey", "X-Api-Key", "X-Pool-Key", "Authorization"} <= set(received_first)
    received_second, = second.headers_of("ok")
    assert not {"apikey", "X-Api-Key", "X-Pool-Key", "Authorization"} & set(received_second)
    assert received_second["If-None-Match"] == '"v1"' and received_second["User-Agent"].startswith("IGN-Offline/")
    assert received_second["Accept-Encoding"] == "identity"


def test_a_redirect_on_the_same_origin_keeps_the_credentials():
    with hostile() as server:
        server.redirect_to = server.base + "/ok"
        pool = http.TilePool()
        response = pool.get(tile_url(server, "redirect"), headers=SECRET_HEADERS)
        pool.close()
    assert response.content == server.tile
    received, = server.headers_of("ok")
    assert received["apikey"] == "k3y" and received["Authorization"] == "Bearer t0ken"


def test_a_redirect_loop_ends():
    with hostile() as server:
        server.redirect_to = server.base + "/redirect"
        pool = http.TilePool()
        response = pool.get(tile_url(server, "redirect"))
        pool.close()
    assert response.status_code == 302 and len(server.headers_of("redirect")) == http.MAX_REDIRECTS + 1


@pytest.mark.serial
def test_nul_padding_is_checked_at_c_speed():
    png = png_tile((5, 6, 7))
    padded = png + bytes(15 * 2 ** 20)
    start = time.monotonic()
    assert bodies.tile_body_problem(padded, "image/png", "image/png", None) is None
    assert "truncated PNG" in bodies.tile_body_problem(png[:-1] + bytes(15 * 2 ** 20), "image/png", "image/png", None)
    assert "truncated PNG" in bodies.tile_body_problem(png + b"x" + bytes(100), "image/png", "image/png", None)
    assert time.monotonic() - start < 0.5  # a Python loop over 30 MB of NULs takes seconds


def test_a_server_drip_feeding_its_headers_cannot_hold_the_capabilities():
    from core.errors import InputError
    from core.sources.prepare import fetch_capabilities

    with hostile(drip_interval=0.2) as server:
        start = time.monotonic()
        with pytest.raises(InputError, match=r"did not arrive within 1 s"):
            fetch_capabilities(server.base + "/driphead/wmts", "http://x/wmts", deadline=1.0)
        assert time.monotonic() - start < 3.0


def test_a_key_in_the_query_does_not_follow_a_redirect_to_another_origin():
    """A server that moves keeps the query string in its Location: our key must stay home, its own
    parameters go on."""
    with hostile() as second, hostile() as first:
        first.redirect_to = second.base + "/ok"
        pool = http.TilePool()
        response = pool.get(tile_url(first, "redirect") + "?apikey=k3y&style=normal")
        same = http.TilePool()
        first.redirect_to = first.base + "/ok"  # the same origin: the key is its own
        same.get(tile_url(first, "redirect") + "?apikey=k3y")
        pool.close()
        same.close()
    assert response.status_code == 200 and response.content == second.tile
    (redirected,) = [path for path, _ in second.seen]
    assert "k3y" not in redirected and "style=normal" in redirected
    assert any("apikey=k3y" in path for path, _ in first.seen if path.startswith("/ok/"))
