"""What the shared politeness budget (core.budget, Redis on loopback) costs each request, at 20 requests/s.

Four threads take slots for one host at 20 requests/s for 5 s from a real redis-server. The cost of a request is
the time spent talking to Redis for it (every script call it needed, the ones answered "not yet" included) and the
process CPU it used, against the bound of 1 ms per request (target ratio < 1). The rate reached is said too.
"""

import threading
import time

from core import budget, http
from tests.support.redis_server import RedisServer

RATE = 20.0
SECONDS = 5.0
THREADS = 4
BOUND = 0.001  # seconds per request


def main():
    with RedisServer() as redis:
        shared = budget.configure(redis.url, workers=1)
        spent, calls, lock = [0.0], [0], threading.Lock()
        take = shared.take

        def timed_take(*args):
            start = time.perf_counter()
            try:
                return take(*args)
            finally:
                with lock:
                    spent[0] += time.perf_counter() - start
                    calls[0] += 1

        shared.take = timed_take
        limiter = http.limiter_for("bench.example.test", "tiles")
        limiter.join(RATE)
        stop, taken = threading.Event(), []
        end = time.monotonic() + SECONDS

        def work():
            while time.monotonic() < end:
                if limiter.acquire(stop):
                    with lock:
                        taken.append(time.monotonic())

        cpu, wall = time.process_time(), time.monotonic()
        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        budget.release()
    count = len(taken)
    per_request, cpu_per_request = spent[0] / count, cpu / count
    rate = (count - 1) / (max(taken) - min(taken))
    print("shared budget, {} threads at {:g} requests/s for {:g} s: {} requests at {:.2f}/s, {:.1f} Redis calls each; "
          "Redis time {:.3f} ms and CPU {:.3f} ms per request; bound {:.0f} ms; ratio {:.2f} (Redis) {:.2f} (CPU)"
          .format(THREADS, RATE, SECONDS, count, rate, calls[0] / count, per_request * 1000, cpu_per_request * 1000,
                  BOUND * 1000, per_request / BOUND, cpu_per_request / BOUND))


if __name__ == "__main__":
    main()
