"""core.resp and core.budget against a hostile server on loopback (it answers AUTH with +OK, then what the test
chose): every odd reply is a lost Redis said with a short translated cause, the connection dropped so the next call
starts clean, never a Python error failing every tile; one deadline for a whole reply."""

import errno
import glob
import json
import math
import os
import socket
import ssl
import threading
import time

import pytest

from core import budget
from core.messages import Message
from core.resp import RedisClient, RedisUnavailable, cause, parse_url

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOOD = b"*2\r\n:1\r\n:0\r\n"  # TAKE's reply: a slot reserved, no wait


class HostileRedis:
    """Answers the first connection's command with `first` (bytes, or a list of (bytes, delay) to drip), every
    later connection's with GOOD; AUTH gets +OK."""

    def __init__(self, first):
        self.first, self.connections = first, 0
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn, self.connections == 1), daemon=True).start()

    def _handle(self, conn, first):
        try:
            with conn:
                while True:
                    command = conn.recv(65536)
                    if not command:
                        return
                    if b"AUTH" in command:
                        conn.sendall(b"+OK\r\n")
                    elif not first:
                        conn.sendall(GOOD)
                    elif isinstance(self.first, list):
                        for part, delay in self.first:
                            conn.sendall(part)
                            time.sleep(delay)
                    else:
                        conn.sendall(self.first)
        except OSError:
            pass

    def close(self):
        self.listener.close()


@pytest.fixture
def hostile():
    made = []

    def start(first):
        made.append(HostileRedis(first))
        return made[-1]
    yield start
    for server in made:
        server.close()


def shared(server, **kw):
    return budget.SharedBudget(parse_url("redis://:s3cretPW@127.0.0.1:{}/0".format(server.port)), workers=3,
                               client=None, **kw)


HOSTILE = {
    "huge bulk string": b"$9000000000\r\n",
    "huge length": b"$" + b"9" * 5000 + b"\r\n",
    "huge array": b"*2000000000\r\n",
    "deep arrays": b"*1\r\n" * 5000 + b":1\r\n",
    "not RESP": b"hello world\r\n",
    "a simple string": b"+OK\r\n",
    "an integer": b":5\r\n",
    "nil": b"$-1\r\n",
    "three items": b"*3\r\n:1\r\n:1\r\n:1\r\n",
    "strings": b"*2\r\n$1\r\n1\r\n$3\r\nabc\r\n",
    "a negative wait": b"*2\r\n:1\r\n:-5\r\n",
    "an error inside": b"*2\r\n-ERR no\r\n:0\r\n",
}


@pytest.mark.parametrize("reply", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_reply_is_a_lost_redis_and_the_next_call_starts_clean(hostile, reply):
    server = hostile(reply)
    budget_ = shared(server)
    start = time.monotonic()
    with pytest.raises(RedisUnavailable) as caught:
        budget_.take("tiles.example.test", "tiles", 20)
    assert time.monotonic() - start < 1.0
    said = caught.value.args[0]
    assert isinstance(said, Message) and said.template == "not a Redis reply"
    # the connection was dropped: the next call is a new one, answered in step
    assert budget_.take("tiles.example.test", "tiles", 20) == (True, 0.0)
    assert server.connections == 2
    budget_.close()


def test_a_worker_facing_a_hostile_redis_falls_back_and_says_why(hostile):
    server = hostile(b"*1\r\n" * 5000 + b":1\r\n")
    said = []
    budget_ = budget.SharedBudget(parse_url("redis://:s3cretPW@127.0.0.1:{}/0".format(server.port)), workers=3,
                                  say=said.append)
    limiter = budget_.limiter("tiles.example.test", "tiles")
    limiter.join(20)
    assert limiter.acquire(threading.Event())
    assert len(said) == 1 and "not a Redis reply" in str(said[0]) and "s3cretPW" not in str(said[0])
    budget_.close()


def test_a_dripped_reply_is_given_up_at_one_deadline_for_the_whole_reply(hostile):
    server = hostile([(bytes([byte]), 0.25) for byte in GOOD])  # each read in time, the whole reply 3 s
    client = RedisClient(parse_url("redis://127.0.0.1:{}".format(server.port)), reply_timeout=1.0)
    start = time.monotonic()
    with pytest.raises(RedisUnavailable) as caught:
        client.script(budget.TAKE, ["a", "b"], [1, 1])
    assert time.monotonic() - start < 1.5
    assert caught.value.args[0].template == "no answer in time"
    client.close()


def translated():
    found = {}
    for path in glob.glob(os.path.join(ROOT, "i18n", "pending", "fr", "*.json")):
        with open(path, encoding="utf-8") as handle:
            found.update(json.load(handle))
    return found


@pytest.mark.parametrize("exc", [
    socket.timeout(), ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
    ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), BrokenPipeError(errno.EPIPE, "Broken pipe"),
    socket.gaierror(socket.EAI_NONAME, "Name or service not known"), ssl.SSLError(1, "[SSL] wrong version number"),
    OSError(errno.EHOSTUNREACH, "No route to host"), OSError(errno.ENETUNREACH, "Network is unreachable"),
    ValueError("Exceeds the limit (4300 digits) for integer string conversion"),
])
def test_every_cause_is_one_of_a_few_translated_messages(exc):
    said = cause(exc)
    assert isinstance(said, Message) and not said.args
    assert said.template in translated(), said.template
    assert str(exc.args[-1] if exc.args else "x") not in said.template


def test_a_refused_address_and_a_huge_number_are_said_in_our_words(hostile):
    server = hostile(b"$" + b"9" * 5000 + b"\r\n")
    client = RedisClient(parse_url("redis://127.0.0.1:{}".format(server.port)))
    with pytest.raises(RedisUnavailable) as caught:
        client.ping()
    assert caught.value.args[0].template == "not a Redis reply"
    # A port bound but not listening refuses connections, and stays ours meanwhile (a closed server's port may be
    # taken again by a test running beside this one).
    refusing = socket.socket()
    refusing.bind(("127.0.0.1", 0))
    try:
        with pytest.raises(RedisUnavailable) as caught:
            RedisClient(parse_url("redis://127.0.0.1:{}".format(refusing.getsockname()[1]))).ping()
    finally:
        refusing.close()
    assert caught.value.args[0].template == "connection refused"


@pytest.mark.serial  # it times the workers' pace
def test_alone_the_workers_together_keep_under_the_rate():
    """Three workers cut off from Redis, each pacing its share on its own: together at most PACING of the rate
    (a share of exactly rate/n lets their drifts add up past the rate in a second)."""
    dead = socket.socket()
    dead.bind(("127.0.0.1", 0))  # bound, never listening: connections refused, the port ours until the end
    port = dead.getsockname()[1]
    rate, workers, seconds = 20.0, 3, 2.9  # 19 slots each in 2.9 s at 20 × 0.97 / 3, 20 at 20 / 3
    stamps, lock = [], threading.Lock()
    stop = threading.Event()

    def worker():
        limiter = budget.SharedBudget(parse_url("redis://127.0.0.1:{}".format(port)), workers=workers,
                                      reconnect=60).limiter("tiles.example.test", "tiles")
        limiter.join(rate)
        while limiter.acquire(stop):
            with lock:
                stamps.append(time.monotonic())
    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    time.sleep(seconds + 0.5)
    stop.set()
    for thread in threads:
        thread.join()
    dead.close()
    first = min(stamps)
    assert first - start < 0.5
    counted = sum(1 for t in stamps if first <= t < first + seconds)
    # each worker: one slot at once, then one every workers / (rate × PACING) seconds
    assert counted <= workers * math.ceil(seconds * rate * budget.PACING / workers), counted
    assert counted >= 0.9 * rate * budget.PACING * seconds, counted
