"""Library files written before the MD5 keys (bodies keyed by BLAKE2b-128, lower-case hex), used after the upgrade:
a body fetched again is no change and is not stored twice; found by a second reader (review r5)."""

import contextlib
import hashlib
import sqlite3

import pytest

from core import mbtiles
from core.download import engine
from core.download.engine import DownloadOptions
from core.download.job import download_to_mbtiles
from core.mbtiles import writer as writer_module
from core.sources.prepare import prepare_source
from core.tiles import areas, grid
from tests.support.images import png_tile
from tests.support.wmts_server import StandInWmts

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
CARCASSONNE = areas.PRESETS["carcassonne"]


def blake2b_id(data):
    """tile_id as the versions before the MD5 keys computed it."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@contextlib.contextmanager
def as_before_the_upgrade(monkeypatch):
    """Inside the block, files are written as the previous versions wrote them (BLAKE2b keys)."""
    with monkeypatch.context() as patcher:
        patcher.setattr(writer_module, "tile_id", blake2b_id)
        patcher.setattr(engine, "tile_id", blake2b_id)
        yield


def fast(**overrides):
    return DownloadOptions(**dict(dict(concurrency=4, max_rate=0, backoff_base=0.02), **overrides))


@pytest.fixture()
def server():
    with StandInWmts() as stand_in:
        yield stand_in


def test_a_refresh_of_an_older_library_finds_nothing_changed_when_nothing_changed(server, tmp_path, monkeypatch):
    """Every body served again in full (no validators kept): all unchanged, none stored again, nothing logged."""
    output = str(tmp_path / "plan.mbtiles")
    everything = sorted((t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE.bbox, 12, 13))
    with as_before_the_upgrade(monkeypatch):
        first = download_to_mbtiles(prepare_source(server.url, PLAN), CARCASSONNE, 12, 13, output, fast())
    assert first.changes.new == len(everything)
    with sqlite3.connect(output) as db:
        db.execute("UPDATE tile_journal SET etag = NULL, last_modified = NULL")
        keys = sorted(db.execute("SELECT tile_id FROM images"))
    db.close()
    stats = download_to_mbtiles(prepare_source(server.url, PLAN), CARCASSONNE, 12, 13, output, fast(refresh_days=0))
    assert len(server.log.tiles(200)) >= 2 * len(everything)  # every body fetched again, the same bytes
    assert (stats.changes.changed, stats.changes.unchanged) == (0, len(everything))
    with sqlite3.connect(output) as db:
        assert sorted(db.execute("SELECT tile_id FROM images")) == keys  # kept as they were
        assert db.execute("SELECT COUNT(*) FROM ign_offline_link_tiles").fetchone()[0] == 0
    db.close()
    with mbtiles.MBTilesReader(output) as reader:
        assert reader.metadata()["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())


def test_identical_bodies_stay_stored_once_in_an_older_library(tmp_path, monkeypatch):
    path = str(tmp_path / "lib.mbtiles")
    # (an off-white whose old key starts with a letter: a library of more than a few bodies holds such keys, how
    # an older file is told at a glance; see mbtiles.has_old_keys)
    blank, blue = png_tile((250, 250, 250)), png_tile((0, 0, 255))
    with as_before_the_upgrade(monkeypatch):
        with mbtiles.MBTilesWriter(path) as writer:
            writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", (2.0, 43.0, 2.6, 43.4),
                                                          10, 14))
            writer.record(10, 1, 1, "done", blank)
            writer.record(10, 1, 2, "done", blank)
    with mbtiles.MBTilesWriter(path) as writer:
        writer.record(10, 1, 1, "done", blank)  # fetched again: the same body
        writer.record(10, 1, 2, "done", blue)   # a real change: stored under its MD5 key
        writer.record(10, 1, 2, "done", blank)  # ... and back within the batch: the last write wins
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM images").fetchone()[0] == 2  # the blank, once more as the last
    db.close()
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.tile(10, 1, 1) == blank and reader.tile(10, 1, 2) == blank


def test_a_removal_of_a_tile_recorded_done_in_the_same_batch_leaves_no_done_journal_row(tmp_path):
    """record()'s promise: the journal never says 'done' for a tile the file does not hold."""
    path = str(tmp_path / "j.mbtiles")
    with mbtiles.MBTilesWriter(path, batch_size=100) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", (2.0, 43.0, 2.6, 43.4), 10, 14))
        writer.record(10, 1, 2, "done", png_tile((0, 0, 255)))
        assert writer.remove_tile(10, 1, 2)
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.tile(10, 1, 2) is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT status FROM tile_journal").fetchall() == []
    db.close()


def basemap_size(folder, monkeypatch, old_keys):
    """A basemap copied (copy_area) from a library of 12-16 kB bodies, BLAKE2b-keyed if `old_keys`: its bytes."""
    import os
    import random

    from core.library import merge
    from tests.support.field_copies import area_ranges, make_library

    folder.mkdir()
    rnd, source = random.Random(3), str(folder / "PLAN.mbtiles")
    ranges = area_ranges((2.10, 43.05, 2.50, 43.35), 11, 13)
    bodies = {(r.zoom, x, y): rnd.randbytes(rnd.randint(12000, 16000))
              for r in ranges for x in range(r.x_min, r.x_max + 1) for y in range(r.y_min, r.y_max + 1)}
    with monkeypatch.context() as patcher:
        if old_keys:
            patcher.setattr(writer_module, "tile_id", blake2b_id)
        make_library(source, bodies, (2.00, 43.00, 2.60, 43.40))
    with mbtiles.MBTilesReader(source) as reader:
        ident = merge.identity(reader.metadata())
    basemap = str(folder / "basemap.mbtiles")
    assert merge.copy_area(source, basemap, ranges, ident, {"name": "Plan IGN v2", "format": "png"})
    return os.path.getsize(basemap)


def test_a_basemap_keyed_anew_from_an_older_library_is_not_twice_the_size(tmp_path, monkeypatch):
    """Second reader: the new bodies were all written before the old ones were removed (4.5 MB against 2.3 MB)."""
    new_size = basemap_size(tmp_path / "new", monkeypatch, old_keys=False)
    old_size = basemap_size(tmp_path / "old", monkeypatch, old_keys=True)
    assert old_size <= 1.1 * new_size, (old_size, new_size)
