"""The web export (TARGET=web: the PMTiles archive and its viewer folder) against copying the file.

Bound: copying the source MBTiles (~100 MB of tiles) with shutil.copyfile, then syncing the copy to the disk as the
export syncs its archive before naming it (a copy still in the page cache is not yet written). Ratio = the export's
time / the copy's time, the best of three runs each (the machine is shared); issue 29 asks for at most 2.
"""

import os
import shutil
import tempfile
import time

from core import mbtiles
from core.field import exports, web

TILES = 4_000
BODY = 25_000  # bytes: 100 MB of tiles, each unique (no deduplication shortcut)
BBOX = (2.30, 43.18, 2.40, 43.25)


def source_file(folder):
    path = os.path.join(folder, "plan.mbtiles")
    base = os.urandom(BODY)
    side = 64  # 64 x 63 tiles at zoom 16
    with mbtiles.MBTilesWriter(path, batch_size=1000) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN", "png", BBOX, 16, 16, "ROK4 Team"))
        for i in range(TILES):
            writer.write_tile(16, 33_000 + i % side, 23_000 + i // side, i.to_bytes(4, "big") + base[4:])
    return path


def durable_copy(source, target):
    shutil.copyfile(source, target)
    with open(target, "rb+") as stream:
        os.fsync(stream.fileno())


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def export_web(source, folder):
    os.makedirs(folder)
    archive = web.archive_path(folder)
    exports.export(source, archive, "pmtiles")
    web.write_viewer(folder, archive, source, "Plan IGN", "© IGN", False)


def main():
    with tempfile.TemporaryDirectory() as folder:
        source = source_file(folder)
        size = os.path.getsize(source)
        copy = min(timed(lambda n=n: durable_copy(source, os.path.join(folder, "copy{}.mbtiles".format(n))))
                   for n in range(3))
        try:
            web.check_libraries()
        except Exception as exc:  # a checkout before `make setup`
            print("web export: skipped ({})".format(exc))
            return
        export = min(timed(lambda n=n: export_web(source, os.path.join(folder, "web{}".format(n))))
                     for n in range(3))
    print("web export of {:.0f} MB of tiles: {:.2f} s; bound (copying the file, synced) {:.2f} s; ratio {:.2f} "
          "(issue 29: at most 2)".format(size / 1e6, export, copy, export / copy))
