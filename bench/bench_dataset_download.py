"""Dataset download throughput against an injected bandwidth limit, and memory against file size.

The stand-in download service runs in its own process (tests/support/serve_download_service.py) with a
bandwidth limit B per transfer; core.datasets.transfer.download fetches a generated ~50 MB file from it (the
listing first: files' feed, MD5, length). The ratio throughput / B says what the client itself costs
(target >= 0.9). Memory: peak RSS growth of a fresh process downloading 16 MB and 96 MB with no limit
(target: flat, i.e. about the same).
"""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 20 * 10 ** 6    # bytes per second
SIZE = 50 * 10 ** 6
NAME = "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2020-10-14"


def generate(path, size):
    with open(path, "wb") as out:
        for done in range(0, size, 2 ** 20):
            out.write(os.urandom(min(2 ** 20, size - done)))


def start_server(folder, files, bandwidth=0):
    catalogue = {"RGEALTI": [{"name": NAME, "zone": "D031", "format": "ASC", "date": "2020-10-14",
                              "bbox": [1, 43, 2, 44], "files": [{"name": os.path.basename(p), "path": p}
                                                                for p in files]}]}
    path = os.path.join(folder, "catalogue.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(catalogue, out)
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "support", "serve_download_service.py"),
                                path, "--bandwidth", str(bandwidth)], stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


# VmHWM, not getrusage: ru_maxrss survives exec, so it would report the parent's size.
JOB = """
import sys, time
sys.path.insert(0, {root!r})
from core.datasets.service import DownloadService
from core.datasets.transfer import download
def peak():
    return int([l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1])
with DownloadService({url!r}) as service:
    remote = [f for f in service.files("RGEALTI", {name!r}) if f.name == {file!r}][0]
    before = peak()
    start = time.perf_counter()
    download(service, remote, {out!r})
    print(time.perf_counter() - start, remote.size, before, peak())
"""


def run_job(url, file_name, out):
    code = JOB.format(root=ROOT, url=url, name=NAME, file=file_name, out=out)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, size, before, after = done.stdout.split()
    return float(seconds), int(size), int(before) / 1024, int(after) / 1024


def main():
    with tempfile.TemporaryDirectory() as folder:
        big = os.path.join(folder, NAME + ".7z")
        generate(big, SIZE)
        server, url = start_server(folder, [big], LIMIT)
        try:
            seconds, size, before, after = run_job(url, os.path.basename(big), os.path.join(folder, "out"))
        finally:
            server.terminate()
            server.wait()
        rate = size / seconds
        print("dataset download, {:.0f} MB at a {:.0f} MB/s limit: {:.1f} s, {:.1f} MB/s; ratio {:.2f}; peak RSS "
              "{:.0f} MB → {:.0f} MB".format(size / 1e6, LIMIT / 1e6, seconds, rate / 1e6, rate / LIMIT, before,
                                             after))
        os.remove(big)
        small, large = (os.path.join(folder, "{}.7z.{:03d}".format(NAME, n)) for n in (1, 2))
        generate(small, 16 * 2 ** 20)
        generate(large, 96 * 2 ** 20)
        server, url = start_server(folder, [small, large])
        try:
            growth = [run_job(url, os.path.basename(p), os.path.join(folder, "mem")) for p in (small, large)]
        finally:
            server.terminate()
            server.wait()
        print("memory: 16 MB file +{:.1f} MB peak RSS; 96 MB file +{:.1f} MB peak RSS (flat if about equal)".format(
            growth[0][3] - growth[0][2], growth[1][3] - growth[1][2]))


if __name__ == "__main__":
    main()
