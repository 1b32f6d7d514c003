"""Patches of a device's copy (issue 32) against their bounds, measured in the same run.

A library MBTiles of random bodies (about 1 GB, as the issue says; BENCH_PATCH_MB sets it), its device copy made by
export_tiles (whole: make_patch then reads the library's change log), then 1 % of the library's tiles changed (a
refresh). Lines:
- the patch's bytes against 1.2 × the changed tiles' bytes + 64 kB;
- make_patch's time against 10 % of a full export's time (the export, with its page check and agg_tiles_hash);
- apply_patch's time (its default, as martin's apply-patch: the copy's stored hash trusted, the patched tiles read
  back; on three twins of the copy, the median) against 10 % of copying the copy (shutil.copyfile, synced; the
  median of 3); then with VERIFY=true, which hashes the whole result before it commits: an MD5 over every tile,
  which no bound of 10 % of a copy can hold (printed for what it costs, with the check's own time);
- peak RSS of each step (each run in a process of its own) against the same process's before it: memory flat;
- agg_tiles_hash's own speed (the cost a completed write now pays once).
"""

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from core import mbtiles

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BODY = 40_000
MEGABYTES = int(os.environ.get("BENCH_PATCH_MB", "1000"))  # the 1 GB copy (about 5 GB in /tmp meanwhile)
CHANGED = 0.01
BBOX = (2.0, 43.0, 2.6, 43.4)

STEP = """
import json, os, sys, time
sys.path.insert(0, {root!r})
from core import mbtiles
from core.field import exports, patching
args = json.loads(sys.argv[1])
def peak():  # VmHWM, not getrusage: ru_maxrss survives exec (it would report the parent's size)
    return int([l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1])
before = peak()
start = time.perf_counter()
step = args["step"]
if step == "export":
    exports.export(args["source"], args["output"], "mbtiles")
elif step == "make":
    patching.make_patch(args["source"], args["base"], args["output"])
elif step == "apply":
    mbtiles.apply_patch(args["patch"], args["target"], verify=args["verify"])
elif step == "hash":
    with mbtiles.MBTilesReader(args["target"]) as reader:
        mbtiles.agg_tiles_hash(reader.connection())
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "before_kb": before, "peak_kb": peak()}}))
"""


def step(**args):
    completed = subprocess.run([sys.executable, "-c", STEP.format(root=ROOT), json.dumps(args)],
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def library(path, count):
    """`count` tiles of random bodies at zooms 12-15 over BBOX, each unique."""
    keys = []
    zoom = 12
    while len(keys) < count:
        keys += [(t.z, t.x, t.y) for t in _tiles(zoom)]
        zoom += 1
    keys = keys[:count]
    with mbtiles.MBTilesWriter(path, batch_size=1000) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN", "png", BBOX, 12, zoom - 1, "© IGN"))
        for z, x, y in keys:
            writer.write_tile(z, x, y, os.urandom(BODY))
    return keys


def _tiles(zoom):
    from core.tiles import grid

    return grid.iter_tiles(BBOX, zoom, zoom)


def durable_copy(source, target):
    start = time.perf_counter()
    shutil.copyfile(source, target)
    with open(target, "rb+") as stream:
        os.fsync(stream.fileno())
    return time.perf_counter() - start


def line(what, value, bound, unit="s"):
    verdict = "pass" if value <= bound else "FAIL"
    return "{}: {:.2f} {}; bound {:.2f} {}; ratio {:.2f}: {}".format(what, value, unit, bound, unit,
                                                                   value / bound if bound else 0, verdict)


def main():
    count = MEGABYTES * 1_000_000 // BODY
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "plan.mbtiles")
        keys = library(source, count)
        copy = os.path.join(folder, "device", "plan.mbtiles")
        os.makedirs(os.path.dirname(copy))
        exported = step(step="export", source=source, output=copy)
        size = os.path.getsize(copy)
        rng = random.Random(32)
        changed = rng.sample(keys, max(1, int(len(keys) * CHANGED)))
        start = time.perf_counter()
        with mbtiles.MBTilesWriter(source, batch_size=1000) as writer:
            for z, x, y in changed:
                writer.write_tile(z, x, y, os.urandom(BODY))
        refresh = time.perf_counter() - start
        changed_bytes = len(changed) * BODY
        patch = os.path.join(folder, "plan.patch.mbtiles")
        made = step(step="make", source=source, base=copy, output=patch)
        patch_bytes = os.path.getsize(patch)
        # Three durable copies (the bound: their median), which are then three twins of the device's copy for the
        # default apply, timed three times too: a step of some 25 ms varies as much as it lasts.
        twins = [os.path.join(folder, "copy{}.mbtiles".format(n)) for n in range(3)]
        copied = statistics.median(durable_copy(copy, twin) for twin in twins)
        applied = step(step="apply", patch=patch, target=copy, verify=True)
        runs = [step(step="apply", patch=patch, target=twin, verify=False) for twin in twins]
        trusted = sorted(runs, key=lambda run: run["seconds"])[1]  # the median run
        verified = step(step="hash", target=copy)
    print("device copy of {:.0f} MB ({:,} tiles), {:,} tiles changed ({:.1f} MB)".format(
        size / 1e6, len(keys), len(changed), changed_bytes / 1e6))
    print(line("patch size", patch_bytes / 1e6, (1.2 * changed_bytes + 65536) / 1e6, "MB"))
    print(line("make_patch vs 10 % of a full export ({:.2f} s)".format(exported["seconds"]), made["seconds"],
               0.1 * exported["seconds"]))
    print(line("apply_patch (the default, as martin's: stored hash trusted, patched tiles read back; median of 3) "
               "vs 10 % of copying the file ({:.2f} s, median of 3)".format(copied), trusted["seconds"], 0.1 * copied))
    print("apply_patch VERIFY=true (the whole result hashed): {:.2f} s, {:.2f} of a copy's time, of which the "
          "after-hash check {:.2f} s (an MD5 of every tile; no 10 % bound can hold it)".format(
              applied["seconds"], applied["seconds"] / copied, verified["seconds"]))
    for name, run in (("export", exported), ("make_patch", made), ("apply_patch", trusted),
                      ("apply_patch VERIFY=true", applied)):
        grown = (run["peak_kb"] - run["before_kb"]) / 1024
        print(line("{} peak RSS growth over its start-up (peak {:.0f} MB; flat: at most 64 MB for a {:.0f} MB "
                   "file)".format(name, run["peak_kb"] / 1024, size / 1e6), grown, 64, "MB"))
    print("agg_tiles_hash: {:.0f} MB/s ({:.2f} s for the copy); the 1 % refresh with it: {:.2f} s".format(
        size / 1e6 / verified["seconds"], verified["seconds"], refresh))


if __name__ == "__main__":
    main()
