"""The shared politeness budget (core.budget over core.resp) against a real redis-server on loopback: one rate per
host across threads and processes, a 429 pausing every worker, a lost Redis said once and replaced by a share of
the rate, never by no cap; the password kept out of every word said."""

import json
import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from core import budget, http
from core.errors import InputError
from core.resp import RedisClient, RedisUnavailable, parse_url
from tests.support.budget_worker import take_slots
from tests.support.rates import in_window, most_in_one_second
from tests.support.redis_server import REDIS_SERVER, RedisServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOST = "tiles.example.test"

pytestmark = pytest.mark.skipif(not os.path.exists(REDIS_SERVER), reason="redis-server: run `make setup`")


@pytest.fixture
def redis():
    with RedisServer() as server:
        yield server


@pytest.fixture(autouse=True)
def no_budget_left(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    yield
    budget.release()


def start_workers(url, count, rate, threads, until, workers, reconnect=10.0):
    env = dict(os.environ, REDIS_URL=url, PYTHONPATH=ROOT)
    return [subprocess.Popen([sys.executable, "-m", "tests.support.budget_worker", HOST, str(rate), str(threads),
                              repr(until), str(workers), str(reconnect)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(count)]


def results(processes):
    found = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        found.append(json.loads(out.strip().splitlines()[-1]))
    return found


# -- the address and the client --------------------------------------------------------------------------------

def test_addresses_are_read_and_said_without_their_password():
    address = parse_url("rediss://worker:p%40ss@redis.internal:6380/2")
    assert (address.host, address.port, address.db, address.tls) == ("redis.internal", 6380, 2, True)
    assert (address.username, address.password) == ("worker", "p@ss")
    for said in (str(address), repr(address), address.safe):
        assert "p@ss" not in said and "worker" not in said
    assert parse_url("redis://127.0.0.1").port == 6379


@pytest.mark.parametrize("url", ["http://:hunter2@127.0.0.1:6379", "redis://:hunter2@/0",
                                 "redis://:hunter2@host:99999", "redis://:hunter2@host/zero"])
def test_a_wrong_address_is_refused_without_its_password(url):
    with pytest.raises(InputError, match="REDIS_URL") as caught:
        parse_url(url)
    assert "hunter2" not in str(caught.value)
    assert all("hunter2" not in str(arg) for arg in caught.value.message.args)


def test_the_client_authenticates_selects_and_runs_scripts_again_after_a_flush():
    with RedisServer(password="se:cret") as server:
        client = RedisClient(parse_url("redis://:se%3Acret@127.0.0.1:{}/3".format(server.port)))
        assert client.ping()
        assert client.call("SET", "k", "v") == "OK"
        assert client.call("CLIENT", "INFO").decode().split(" db=")[1].startswith("3 ")
        script = "return {tonumber(ARGV[1]) + 1, KEYS[1]}"
        assert client.script(script, ["a"], [41]) == [42, b"a"]
        client.call("SCRIPT", "FLUSH")  # a restarted Redis has forgotten every script: EVAL sends it again
        assert client.script(script, ["b"], [1]) == [2, b"b"]
        wrong = RedisClient(parse_url("redis://:nope@127.0.0.1:{}/0".format(server.port)))
        with pytest.raises(RedisUnavailable) as caught:
            wrong.ping()
        assert "nope" not in str(caught.value)


def test_a_script_reply_of_the_wrong_shape_drops_the_connection_and_the_next_call_is_in_step(redis):
    client = RedisClient(parse_url(redis.url))
    for source in ("return {1, 2, 3}", "return 'x'", "return {1, redis.error_reply('no')}", "return {1, -1}"):
        with pytest.raises(RedisUnavailable) as caught:
            client.script(source, ["a"], [], check=budget._took)
        assert caught.value.args[0].template == "not a Redis reply"
        assert client.ping()
        assert client.script("return {1, 250000}", ["a"], [], check=budget._took) == [1, 250000]


def test_a_silent_server_is_given_up_within_the_deadline():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts (the kernel does), never answers
    try:
        client = RedisClient(parse_url("redis://127.0.0.1:{}".format(listener.getsockname()[1])), reply_timeout=0.5)
        start = time.monotonic()
        with pytest.raises(RedisUnavailable, match="no answer in time"):
            client.ping()
        assert time.monotonic() - start < 1.5
    finally:
        listener.close()


def test_without_redis_url_each_process_paces_itself():
    assert budget.configure() is None
    assert isinstance(http.limiter_for(HOST, "tiles"), http.HostLimiter)


def test_with_redis_url_every_limiter_is_shared(redis, monkeypatch):
    monkeypatch.setenv("REDIS_URL", redis.url)
    shared = budget.configure(workers=3)
    limiter = http.limiter_for(HOST.upper(), "tiles")
    assert isinstance(limiter, budget.SharedLimiter) and limiter is http.limiter_for(HOST, "tiles")
    assert http.limiter_for(HOST, "download") is not limiter  # the download service has its own limit
    assert shared.workers == 3
    budget.release()
    assert isinstance(http.limiter_for(HOST, "tiles"), http.HostLimiter)


# -- the rate --------------------------------------------------------------------------------------------------

@pytest.mark.serial
def test_threads_and_processes_share_one_rate(redis):
    rate, seconds = 20.0, 4.0
    start = time.time() + 2.0  # the processes start (imports) before the window opens
    until = start + seconds
    processes = start_workers(redis.url, 3, rate, 4, until, workers=4)
    budget.configure(redis.url, workers=4)
    limiter = http.limiter_for(HOST, "tiles")
    limiter.join(rate)
    mine = take_slots(limiter, 4, until)
    found = results(processes)
    every = sorted(mine + [t for worker in found for t in worker["taken"]])
    assert all(worker["taken"] for worker in found), "every process took slots"
    # steady state: from when all have taken a first slot (a loaded machine may start one late) to the end (the
    # last reserved slots fall a little past `until`)
    opened = max([start, mine[0]] + [worker["taken"][0] for worker in found])
    assert until - opened >= 3.0
    counted = in_window(every, opened, until)
    assert abs(counted - rate * (until - opened)) <= 0.05 * rate * (until - opened), counted
    assert most_in_one_second([t for t in every if t >= start]) <= rate + 1


@pytest.mark.serial
def test_a_pause_holds_every_worker(redis):
    rate = 20.0
    begin = time.time() + 1.5
    until = begin + 3.5
    processes = start_workers(redis.url, 2, rate, 3, until, workers=3)
    budget.configure(redis.url, workers=3)
    limiter = http.limiter_for(HOST, "tiles")
    limiter.join(rate)
    time.sleep(max(0.0, begin + 1.0 - time.time()))
    paused_at = time.time()
    limiter.pause(1.5)  # what a 429 with Retry-After: 1.5 does
    found = results(processes)
    others = sorted(t for worker in found for t in worker["taken"])
    # slots reserved before the pause (at most HORIZON ahead) may still go; then none until it ends
    assert in_window(others, paused_at + budget.HORIZON + 0.05, paused_at + 1.45) == 0
    assert in_window(others, paused_at + 1.6, until) > 0, "the others go on after the pause"
    assert in_window(others, begin, paused_at) > 0


@pytest.mark.serial
def test_a_lost_redis_is_said_once_and_each_worker_keeps_its_share(redis):
    rate, workers = 30.0, 3
    begin = time.time() + 1.5
    lost, back, until = begin + 1.5, begin + 4.0, begin + 6.5
    processes = start_workers(redis.url, workers, rate, 3, until, workers=workers, reconnect=1.0)
    time.sleep(max(0.0, lost - time.time()))
    redis.kill()
    time.sleep(max(0.0, back - time.time()))
    restarted = RedisServer(port=redis.port).start()
    try:
        found = results(processes)
    finally:
        restarted.stop()
    for worker in found:
        taken = worker["taken"]
        alone = in_window(taken, lost + 0.5, back)  # on its own: 1/workers of the rate, never more
        expected = rate / workers * (back - lost - 0.5)
        assert alone <= expected + 2 and alone >= 0.9 * expected, (alone, expected)
        said = [s for s in worker["said"] if "cannot be reached" in s]
        assert len(said) == 1, worker["said"]
        assert "1/3 of each host's rate" in said[0] and "127.0.0.1:{}".format(redis.port) in said[0]
        assert any("answers again" in s for s in worker["said"]), worker["said"]
    every = sorted(t for worker in found for t in worker["taken"])
    # Across the two switches (slots reserved before the loss beside the first ones alone, and back), the issue's
    # bound: the rate within 5 % (once in four runs a second held 32 at 30, never more).
    assert most_in_one_second(every) <= rate * 1.05 + 1
    # back on the shared budget: all together at the rate again
    shared = in_window(every, back + 1.5, until)
    assert abs(shared - rate * (until - back - 1.5)) <= 0.05 * rate * (until - back - 1.5) + 1, shared


def test_a_worker_starting_without_redis_says_so_and_paces_its_share():
    said = []
    dead = "redis://:topsecret@127.0.0.1:{}/0".format(RedisServer().port)  # nothing listens there
    budget.configure(dead, workers=4, say=said.append)
    limiter = http.limiter_for(HOST, "tiles")
    limiter.join(20.0)
    stop = threading.Event()
    start = time.monotonic()
    for _ in range(6):
        assert limiter.acquire(stop)
    assert time.monotonic() - start >= 5 * 4 / 20.0 * 0.95  # 5 intervals at 20/4 = 5 requests/s
    assert len(said) == 1 and "connection refused" in said[0] and "topsecret" not in said[0]
    assert said[0].template.startswith("The shared request budget")
