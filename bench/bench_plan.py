"""A library plan of two layers against the latency bound, as run_plan runs it.

The stand-in WMTS answers each request after L = 20 ms; its round trip RT is
measured in the same run by the barest client (bench_download.round_trip).
The plan's total concurrency C = 8 is shared by its two layers, so no run can
beat C / RT tiles per second (target ratio >= 0.9).
"""

import json
import os
import tempfile
import time

from bench.bench_download import round_trip, start_server
from core.download.engine import DownloadOptions
from core.library import plans
from core.library.jobs import prepare_jobs, run_jobs

LATENCY = 0.020
CONCURRENCY = 8


def main():
    server, url = start_server(LATENCY)
    try:
        trip = round_trip(url)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "plan.json")
            with open(path, "w") as stream:
                json.dump({"source": url, "entries": [
                    {"layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "area": "toulouse", "zoom_min": 8, "zoom_max": 16},
                    {"layer": "ORTHOIMAGERY.ORTHOPHOTOS", "area": "toulouse", "zoom_min": 8, "zoom_max": 16}]},
                    stream)
            library = os.path.join(folder, "library")
            os.mkdir(library)
            jobs = prepare_jobs(plans.load_plan(path), library)
            start = time.perf_counter()
            results = run_jobs(jobs, DownloadOptions(concurrency=CONCURRENCY, max_rate=0))
            elapsed = time.perf_counter() - start
            count = sum(r.stats.downloaded for r in results)
            assert all(r.stats.failed == 0 for r in results)
    finally:
        server.terminate()
        server.wait()
    rate, bound = count / elapsed, CONCURRENCY / trip
    print("run_plan, 2 layers, concurrency {}, latency {:.0f} ms (round trip {:.1f} ms): {:,} tiles at {:,.0f} "
          "tiles/s; bound {:,.0f} tiles/s; ratio {:.2f} (against concurrency/latency: {:.2f})".format(
              CONCURRENCY, LATENCY * 1000, trip * 1000, count, rate, bound, rate / bound,
              rate * LATENCY / CONCURRENCY))


if __name__ == "__main__":
    main()
