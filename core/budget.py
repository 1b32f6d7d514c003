"""One politeness budget per host, shared by every worker of a job (threads, processes, machines) through Redis.

Without it each process paces itself (core.http.HostLimiter), so three machines at 20 requests per second are 60
against one host. With REDIS_URL, every request first takes its slot from Redis: one atomic Lua script (GCRA: one
key per host and policy holding the theoretical arrival time, on the Redis server's clock) reserves the next slot
no further than HORIZON ahead and says how long to wait for it. A 429's Retry-After is stored as the host's
pause-until, which every worker's next slot waits for. The keys of one host share a hash tag (a Redis Cluster node
holds them together) and expire a minute after their last use.

A worker that loses Redis says so once and goes on with 1/workers of each host's rate (SHARD's n, or WORKERS),
never more; it tries Redis again every RECONNECT seconds and says when it is back.
"""

import os
import random
import threading
import time

from . import http
from .messages import Message
from .resp import RedisClient, RedisReplyError, RedisUnavailable, cause, parse_url

ENVIRONMENT = "REDIS_URL"
PREFIX = "ign-offline"
HORIZON = 0.2      # seconds: how far ahead a slot may be reserved (what a 429 cannot hold back once reserved)
RECONNECT = 10.0   # seconds between two attempts to reach a lost Redis

# KEYS: the host+policy's theoretical arrival time, the host's pause-until (µs on the server's clock).
# ARGV: the emission interval, the horizon (µs). Returns {1, µs to wait for the reserved slot} or {0, µs to wait
# before asking again}. Numbers are written with %.0f: Lua's tostring keeps 14 digits, a µs clock has 16.
TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local interval = tonumber(ARGV[1])
local horizon = tonumber(ARGV[2])
local slot = math.max(tat, now, paused)
if slot - now > horizon then
  return {0, slot - now - horizon}
end
local nxt = slot + interval
redis.call('SET', KEYS[1], string.format('%.0f', nxt), 'PX', math.floor((nxt - now) / 1000) + 60000)
return {1, slot - now}
"""

# KEYS: the host's pause-until. ARGV: the pause (µs). A later pause-until is kept.
PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local till = now + tonumber(ARGV[1])
if till > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.0f', till), 'PX', math.floor(tonumber(ARGV[1]) / 1000) + 60000)
end
return 1
"""


def keys(host, policy):
    """(slot key, pause key) of a host and policy: one hash tag, the host."""
    tag = "{}:{{{}}}".format(PREFIX, host.lower())
    return "{}:{}:tat".format(tag, policy), "{}:pause".format(tag)


# Slots are spaced on Redis's clock, requests leave on each worker's: a little under the rate, so that the jitter
# between the two (scheduling on a busy machine) never puts one request more than the rate into a second.
PACING = 0.97


class SharedBudget:
    """The budget at one Redis address, for `workers` workers (the fallback share); `say` hears its notices."""

    def __init__(self, address, workers=1, say=None, client=None, horizon=HORIZON, reconnect=RECONNECT):
        self.address = address
        self.workers = max(1, int(workers or 1))
        self.say = say or (lambda message: None)
        self.client = client or RedisClient(address)
        self.horizon, self.reconnect = horizon, reconnect
        self._lock = threading.Lock()
        self._limiters = {}
        self._lost_at = None       # monotonic time of the last failure while lost
        self._back_at = None       # monotonic time Redis answered again after a loss
        self.losses = 0            # how many times it was lost: a limiter starts its fallback afresh on each
        self._trying = False

    def limiter(self, host_key, policy):
        with self._lock:
            key = (host_key.lower(), policy)
            made = self._limiters.get(key)
            if made is None:
                made = self._limiters[key] = SharedLimiter(self, key[0], policy)
            return made

    @property
    def lost(self):
        return self._lost_at is not None

    def check(self):
        """Whether Redis answers now (a worker starting while it is down says so, as one losing it)."""
        try:
            self.client.ping()
        except (RedisUnavailable, RedisReplyError) as exc:
            self._lose(exc)
            return False
        return True

    def take(self, host, policy, rate):
        """(reserved, seconds): a slot reserved in `seconds`, or none yet (ask again in `seconds`).
        RedisUnavailable when Redis cannot be reached: the caller falls back."""
        interval = int(1e6 / (rate * PACING)) if rate else 0
        try:
            reserved, micros = self.client.script(TAKE, keys(host, policy), (interval, int(self.horizon * 1e6)),
                                                  check=_took)
        except RedisReplyError as exc:  # a server refusing scripts is as good as none
            raise RedisUnavailable(cause(exc)) from None
        return bool(reserved), micros / 1e6

    def pause(self, host, seconds):
        """Hold every worker's requests to `host` for `seconds`; False when Redis cannot be reached."""
        if not self.usable():
            return False
        try:
            self.client.script(PAUSE, keys(host, "")[1:], (int(seconds * 1e6),), check=lambda reply: reply == 1)
        except (RedisUnavailable, RedisReplyError) as exc:
            self._lose(exc)
            return False
        return True

    def usable(self):
        """Whether to ask Redis: yes unless lost, then once every `reconnect` seconds (one thread at a time)."""
        if self._lost_at is None:
            return True
        with self._lock:
            if self._trying or time.monotonic() - self._lost_at < self.reconnect:
                return False
            self._trying = True
        try:
            self.client.ping()
        except (RedisUnavailable, RedisReplyError):
            with self._lock:
                self._lost_at = time.monotonic()
            return False
        finally:
            self._trying = False
        with self._lock:
            self._lost_at = None
            self._back_at = time.monotonic()
        self.say(Message("The shared request budget (Redis at {}) answers again: this worker takes its requests "
                         "from it again.", self.address.safe))
        return True

    def returning(self):
        """Whether Redis answered again less than `reconnect` seconds ago (plus the horizon): the other workers
        may not have found it yet, and go on with their share meanwhile, so this one keeps to its own as well."""
        back = self._back_at
        return back is not None and time.monotonic() - back < self.reconnect + self.horizon

    def failed(self, exc):
        """A call to Redis failed (RedisUnavailable): fall back, said once."""
        self._lose(exc)

    def _lose(self, exc):
        with self._lock:
            first = self._lost_at is None
            self._lost_at = time.monotonic()
            self._back_at = None
            self.losses += first
        if first:
            cause = exc.args[0] if exc.args else type(exc).__name__
            self.say(Message("The shared request budget (Redis at {}) cannot be reached ({}): this worker goes on "
                             "alone with 1/{} of each host's rate, and tries Redis again every {:.0f} s.",
                             self.address.safe, cause, self.workers, self.reconnect))

    def close(self):
        self.client.close()


# The longest wait TAKE may ask (µs): a day, far beyond any Retry-After we store, short of what a wait accepts.
LONGEST_WAIT = 86400 * 10**6


def _took(reply):
    """Whether `reply` has TAKE's shape: {0 or 1, µs to wait}."""
    return (isinstance(reply, list) and len(reply) == 2 and all(type(item) is int for item in reply)
            and reply[0] in (0, 1) and 0 <= reply[1] <= LONGEST_WAIT)


class SharedLimiter:
    """http.HostLimiter's interface (join, leave, rate, pause, acquire) over a SharedBudget for one host and
    policy; its fallback is a HostLimiter at 1/workers of the rate."""

    def __init__(self, budget, host, policy):
        self.budget, self.host, self.policy = budget, host, policy
        # Alone, each worker paces its share on its own clock: their drifts add up, so the share keeps the shared
        # path's margin (PACING) and the workers together stay under the rate in any one second.
        self.fallback = http.HostLimiter(share=budget.workers / PACING)
        self._losses = 0

    def join(self, rate):
        self.fallback.join(rate)

    def leave(self, rate):
        self.fallback.leave(rate)

    @property
    def rate(self):
        """The rate asked by the jobs using the host in this process (their lowest), for all workers together."""
        return self.fallback.asked_rate

    def pause(self, seconds):
        self.fallback.pause(seconds)  # this process waits too, Redis or not
        self.budget.pause(self.host, seconds)

    def acquire(self, stop_event):
        """Wait for this request's slot in the shared budget; False if `stop_event` was set meanwhile."""
        gated = False
        while not stop_event.is_set():
            if not self.budget.usable():
                return self._alone(stop_event)
            if not gated and self.budget.returning():
                # Back from a loss: this worker's share first, the shared slot (the send time) last.
                gated = True
                if not self.fallback.acquire(stop_event):
                    return False
                continue
            rate = self.rate
            try:
                reserved, seconds = self.budget.take(self.host, self.policy, rate)
            except RedisUnavailable as exc:
                self.budget.failed(exc)
                continue
            if reserved:
                return not stop_event.wait(seconds) if seconds > 0 else not stop_event.is_set()
            # Beyond the horizon: ask again when it gets there, spread a little so waiters do not all ask at once.
            if stop_event.wait(seconds + random.uniform(0, 1.0 / rate if rate else 0.01)):
                return False
        return False

    def _alone(self, stop_event):
        """A slot at this worker's share of the rate. Slots reserved in Redis before it was lost run up to the
        horizon ahead: the first one alone comes after them, and one interval later, never beside them."""
        losses = self.budget.losses
        if losses != self._losses:
            self._losses = losses
            rate = self.fallback.rate
            self.fallback.pause(self.budget.horizon + (1.0 / rate if rate else 0.0))
        return self.fallback.acquire(stop_event)


_lock = threading.Lock()
_active = None


def configure(url=None, workers=1, say=None):
    """Take every host's requests from the budget at `url` (else the environment's REDIS_URL) for `workers`
    workers; none of them: each process paces itself (the SharedBudget in use, or None). InputError for an URL
    that is not a Redis address (said without its password)."""
    global _active
    url = (url or os.environ.get(ENVIRONMENT) or "").strip()
    budget = SharedBudget(parse_url(url), workers, say) if url else None
    with _lock:
        previous, _active = _active, budget
    http.use_shared_budget(budget)
    if previous is not None:
        previous.close()
    if budget is not None:
        budget.check()
    return budget


def release():
    """Back to each process pacing itself (the end of a run that configured a budget)."""
    global _active
    with _lock:
        previous, _active = _active, None
    http.use_shared_budget(None)
    if previous is not None:
        previous.close()


def active():
    return _active
