"""One worker process of the shared-budget tests: `threads` threads take slots for one host from the budget at
REDIS_URL (the environment, as a real worker reads it) until `until` (a time.time()), then print one JSON line:
the time.time() of every slot taken and what the budget said.

    python -m tests.support.budget_worker HOST RATE THREADS UNTIL WORKERS RECONNECT
"""

import json
import sys
import threading
import time


def take_slots(limiter, threads, until):
    """time.time() of each slot `threads` threads took from `limiter` until `until`."""
    taken, lock, stop = [], threading.Lock(), threading.Event()

    def work():
        while time.time() < until:
            if limiter.acquire(stop):
                with lock:
                    taken.append(time.time())

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sorted(taken)


def main(host, rate, threads, until, workers, reconnect):
    from core import budget, http

    said = []
    shared = budget.configure(workers=int(workers), say=said.append)
    shared.reconnect = float(reconnect)
    limiter = http.limiter_for(host, "tiles")
    limiter.join(float(rate))
    taken = take_slots(limiter, int(threads), float(until))
    budget.release()
    print(json.dumps({"taken": taken, "said": [str(message) for message in said]}))


if __name__ == "__main__":
    main(*sys.argv[1:])
