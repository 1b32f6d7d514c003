"""7z extraction speed and memory: core.archives.sevenzip_extract against Debian's `7z x` on the same archive.

A generated archive of a few hundred MB like a département's data (an ASC-like grid that packs some forty times,
GeoPackage-like pages that pack about four times, some random bytes), made once by 7-Zip in three shapes: solid
LZMA2 (7-Zip's default), LZMA2 in several blocks (made with two threads: 7-Zip then decodes it with two), and
split into 50 MB volumes. Ratio = 7z x time / our time (goal ≥ 0.5), each side timed as the best of RUNS runs,
alternated, so that the noise of a shared 2-CPU machine (one run 0.48, the next 1.19) does not decide the ratio.
The peak memory of our extraction is read in a child process (VmHWM): the largest of the runs.
"""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

from tests.support import sevenzip_archives as samples

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = 3
SHAPES = {
    "solid LZMA2, one thread": ["-mmt=1"],
    "LZMA2 in blocks, two threads": ["-mmt=2"],
    "50 MB volumes": ["-mmt=1", "-v50m"],
}

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from core.archives.sevenzip_extract import extract_archive
start = time.perf_counter()
extract_archive({archive!r}, {out!r})
elapsed = time.perf_counter() - start
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0].split()[1]
print(elapsed, peak)
"""


def source(folder):
    samples.compressible_file(os.path.join(folder, "RGEALTI_grid.asc"), 200)
    rng = random.Random(11)
    with open(os.path.join(folder, "BDTOPO.gpkg"), "wb") as out:  # pages of records: words over noise
        words = [b"%-12s" % rng.choice([b"route", b"chemin", b"batiment", b"riviere"]) for _ in range(256)]
        for _ in range(80):
            out.write(rng.randbytes(250_000) + b"".join(rng.choices(words, k=66_000))[:798_576])
    with open(os.path.join(folder, "random.bin"), "wb") as out:
        out.write(os.urandom(20 << 20))
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


def seven_zip_x(archive, out):
    start = time.perf_counter()
    samples.run("x", "-bd", "-y", "-o" + out, archive)
    return time.perf_counter() - start


def ours(archive, out):
    if not os.path.exists("/proc/self/status"):
        from core.archives.sevenzip_extract import extract_archive
        start = time.perf_counter()
        extract_archive(archive, out)
        return time.perf_counter() - start, float("nan")
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=ROOT, archive=archive, out=out)],
                          capture_output=True, text=True, check=True)
    elapsed, peak = done.stdout.split()
    return float(elapsed), int(peak) / 1024


def best_of(first, folder):
    """(best 7z x time, best time of ours, our largest peak in MB) over RUNS alternated runs, each into a fresh
    folder removed after it (the disk holds one extraction at a time)."""
    references, times, peaks = [], [], []
    for run in range(RUNS):
        out = os.path.join(folder, "ref{}".format(run))
        references.append(seven_zip_x(first, out))
        shutil.rmtree(out)
        out = os.path.join(folder, "ours{}".format(run))
        elapsed, peak = ours(first, out)
        shutil.rmtree(out)
        times.append(elapsed)
        peaks.append(peak)
    return min(references), min(times), max(peaks)


def main():
    if samples.tool() is None:
        print("extract: skipped (neither 7zz nor 7z on PATH)")
        return
    with tempfile.TemporaryDirectory() as folder:
        data = os.path.join(folder, "data")
        os.mkdir(data)
        size = source(data)
        for shape, switches in SHAPES.items():
            archives = os.path.join(folder, "archives")
            os.makedirs(archives, exist_ok=True)
            archive = os.path.join(archives, "BDTOPO.7z")
            samples.make_archive(archive, data, "-mx1", "-md=16m", *switches)
            first = archive + ".001" if "-v50m" in switches else archive
            packed = sum(os.path.getsize(os.path.join(archives, name)) for name in os.listdir(archives))
            reference, measured, peak = best_of(first, folder)
            print("extract, {}: {:.0f} MB from {:.0f} MB in {:.2f} s ({:.0f} MB/s); 7z x {:.2f} s; ratio {:.2f} "
                  "(goal >= 0.5); peak memory {:.0f} MB".format(
                      shape, size / 1e6, packed / 1e6, measured, size / 1e6 / measured, reference,
                      reference / measured, peak))
            for name in os.listdir(folder):
                if name != "data":
                    shutil.rmtree(os.path.join(folder, name))
