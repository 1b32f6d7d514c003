"""Download throughput against the latency bound, and memory against job size.

The stand-in WMTS runs in its own process with an injected latency L. The
round trip RT of one tile request is measured in the same run with the
barest client there is (http.client, one kept-alive connection, one request
after the other, same tiles): RT = L plus what the server and the network
stack cost. With C parallel requests no downloader can beat C / RT tiles per
second, so the ratio to that bound says how much the engine itself costs
(target >= 0.9); the ratio to C / L (the server's cost counted against us)
is printed too.
The same for vector tiles: the stand-in TMS (real Mapbox vector tiles, gzip,
every body checked by core.vector.mvt before it is stored), LAYER=PLAN.IGN.
Memory: peak RSS of a 10k-tile and a 100k-tile job, each in a fresh process
(target: flat, i.e. about the same).
"""

import os
import subprocess
import sys
import tempfile
import time

from core.download.engine import DownloadOptions
from core.download.job import download_to_mbtiles
from core.sources.prepare import prepare_source
from core.tiles import areas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LATENCY = 0.020
PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
VECTOR = "PLAN.IGN"  # the vector tiles of the stand-in TMS


def start_server(latency, script="serve_wmts.py", *extra):
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "support", script),
                                "--latency", str(latency), *extra], stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def round_trip(url, count=300, layer=PLAN):
    """Seconds per GetTile request, sequential on one kept-alive connection, with nothing but http.client."""
    import http.client
    from urllib.parse import urlsplit

    source = prepare_source(url, layer).source
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    tiles = [(16, 33000 + i % 40, 23900 + i // 40) for i in range(count)]
    try:
        start = time.perf_counter()
        for z, x, y in tiles:
            target = urlsplit(source.tile_url(z, x, y))
            connection.request("GET", target.path + ("?" + target.query if target.query else ""))
            response = connection.getresponse()
            response.read()
            assert response.status == 200
        return (time.perf_counter() - start) / count
    finally:
        connection.close()


def throughput(url, concurrency, folder, layer=PLAN):
    prepared = prepare_source(url, layer)
    area = areas.PRESETS["toulouse"]
    zooms = (15, 16) if concurrency <= 4 else (16, 17)
    output = os.path.join(folder, "{}-c{}.mbtiles".format(layer, concurrency))
    start = time.perf_counter()
    stats = download_to_mbtiles(prepared, area, *zooms, output, DownloadOptions(concurrency=concurrency, max_rate=0))
    elapsed = time.perf_counter() - start
    assert stats.failed == 0
    return stats.downloaded, stats.downloaded / elapsed


# VmHWM, not getrusage: ru_maxrss survives exec, so it would report the parent's size.
MEMORY_JOB = """
import sys
sys.path.insert(0, {root!r})
from core.tiles import areas
from core.download.engine import DownloadOptions
from core.download.job import download_to_mbtiles
from core.sources.prepare import prepare_source
prepared = prepare_source({url!r}, {layer!r})
area = areas.bbox_area(*{bbox!r})
stats = download_to_mbtiles(prepared, area, {zoom}, {zoom}, {output!r}, DownloadOptions(concurrency=8, max_rate=0))
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0].split()[1]
print(stats.downloaded, peak)
"""


def peak_rss(url, bbox, zoom, folder):
    output = os.path.join(folder, "mem{}.mbtiles".format(zoom))
    code = MEMORY_JOB.format(root=ROOT, url=url, layer=PLAN, bbox=bbox, zoom=zoom, output=output)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    tiles_done, kilobytes = (int(v) for v in done.stdout.split())
    return tiles_done, kilobytes / 1024


def main():
    server, url = start_server(LATENCY)
    try:
        with tempfile.TemporaryDirectory() as folder:
            trip = round_trip(url)
            for concurrency in (4, 8):
                count, rate = throughput(url, concurrency, folder)
                bound = concurrency / trip
                print("download, concurrency {}, latency {:.0f} ms (round trip {:.1f} ms): {:,} tiles at {:,.0f} "
                      "tiles/s; bound {:,.0f} tiles/s; ratio {:.2f} (against concurrency/latency: {:.2f})".format(
                          concurrency, LATENCY * 1000, trip * 1000, count, rate, bound, rate / bound,
                          rate * LATENCY / concurrency))
    finally:
        server.terminate()
        server.wait()
    server, url = start_server(LATENCY, "serve_tms.py", "--everywhere")
    try:
        with tempfile.TemporaryDirectory() as folder:
            trip = round_trip(url, layer=VECTOR)
            for concurrency in (4, 8):
                count, rate = throughput(url, concurrency, folder, VECTOR)
                bound = concurrency / trip
                print("vector download ({}), concurrency {}, latency {:.0f} ms (round trip {:.1f} ms): {:,} tiles "
                      "at {:,.0f} tiles/s; bound {:,.0f} tiles/s; ratio {:.2f}".format(
                          VECTOR, concurrency, LATENCY * 1000, trip * 1000, count, rate, bound, rate / bound))
    finally:
        server.terminate()
        server.wait()
    server, url = start_server(0.0)
    try:
        with tempfile.TemporaryDirectory() as folder:
            bbox = (-0.33, 42.33, 3.0, 45.05)
            small = peak_rss(url, (1.0, 43.0, 1.6, 43.6), 15, folder)
            large = peak_rss(url, bbox, 15, folder)
        print("memory: {:,} tiles peak RSS {:.0f} MB; {:,} tiles peak RSS {:.0f} MB; ratio {:.2f} "
              "for {:.0f}x the tiles".format(small[0], small[1], large[0], large[1], large[1] / small[1],
                                            large[0] / small[0]))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
