"""agg_tiles_hash as maplibre/martin computes it, and patches of a device's copy in martin's whole-tile format.

martin's published values come from its mbtiles/tests/copy.rs (TILES_V1, TILES_V2 and their diff, whose
snapshots tests/snapshots/copy__databases@flat__*.snap hold the hashes), rebuilt here row by row with real SQLite."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from core import mbtiles
from core.errors import InputError
from core.field import exports, patching
from core.mbtiles import patches
from core.tiles import grid
from tests.support.field_copies import area_ranges, body, make_library, refresh, tiles_of

# martin's mbtiles/tests/copy.rs, TILES_V1 / TILES_V2 (z, x, TMS row, body), and the diff its `mbtiles diff` made
# (snapshot copy__databases@flat__dif.snap: NULL = deleted).
TILES_V1 = [(3, 6, 7, b"root"), (5, 0, 0, b"same"), (5, 0, 1, b""), (5, 1, 1, b"edit-v1"), (5, 1, 2, b""),
            (5, 1, 3, b"non-empty"), (5, 2, 2, b"remove"), (5, 2, 3, b""), (6, 0, 3, b"same"), (6, 1, 4, b"edit-v1"),
            (6, 0, 5, b"1-keep-1-rm"), (6, 2, 6, b"1-keep-1-rm")]
TILES_V2 = [(3, 6, 7, b"root"), (5, 0, 0, b"same"), (5, 0, 1, b""), (5, 1, 1, b"edit-v2"), (5, 1, 2, b"not-empty"),
            (5, 1, 3, b""), (6, 0, 3, b"same"), (6, 1, 4, b"edit-v2a"), (6, 0, 5, b"1-keep-1-rm"), (5, 3, 7, b"new"),
            (5, 3, 8, b"new")]
DIF = [(5, 1, 1, b"edit-v2"), (5, 1, 2, b"not-empty"), (5, 1, 3, b""), (5, 2, 2, None), (5, 2, 3, None),
       (5, 3, 7, b"new"), (5, 3, 8, b"new"), (6, 1, 4, b"edit-v2a"), (6, 2, 6, None)]
MARTIN = {"empty": "D41D8CD98F00B204E9800998ECF8427E", "v1": "9ED9178D7025276336C783C2B54D6258",
          "v2": "3BCDEE3F52407FF1315629298CB99133", "dif": "B86122579EDCDD4C51F3910894FCC1A1"}
CARCASSONNE = (2.30, 43.18, 2.40, 43.25)
AREA = (2.33, 43.20, 2.37, 43.23)


def flat_file(path, rows, metadata=()):
    """An MBTiles as martin's init-flat.sql makes it, rows inserted in martin's test order."""
    db = sqlite3.connect(str(path))
    db.executescript("CREATE TABLE metadata (name TEXT NOT NULL PRIMARY KEY, value TEXT);"
                     "CREATE TABLE tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER "
                     "NOT NULL, tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row));")
    db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO metadata VALUES (?, ?)", list(metadata))
    db.commit()
    return db


@pytest.mark.parametrize("name, rows", [("empty", []), ("v1", TILES_V1), ("v2", TILES_V2), ("dif", DIF)])
def test_agg_tiles_hash_equals_martins_published_values(tmp_path, name, rows):
    db = flat_file(tmp_path / "flat.mbtiles", rows)
    assert mbtiles.agg_tiles_hash(db) == MARTIN[name]
    db.close()


def test_agg_tiles_hash_of_our_deduplicated_layout_equals_the_flat_ones(tmp_path):
    path = str(tmp_path / "ours.mbtiles")
    with mbtiles.MBTilesWriter(path) as writer:
        for z, x, row, data in TILES_V1:
            writer.write_tile(z, x, grid.flip_y(z, row), data)
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.metadata()["agg_tiles_hash"] == MARTIN["v1"]
        assert mbtiles.agg_tiles_hash(reader.connection()) == MARTIN["v1"]


def test_martins_own_diff_applies_to_both_layouts(tmp_path):
    """martin's v1 → v2 diff, with its hashes, applied by apply_patch: v2's tiles and hash, metadata keys
    changed, added and removed (NULL) as martin's snapshot says."""
    patch = flat_file(tmp_path / "dif.mbtiles", DIF, [
        ("agg_tiles_hash", MARTIN["dif"]), ("agg_tiles_hash_after_apply", MARTIN["v2"]),
        ("agg_tiles_hash_before_apply", MARTIN["v1"]), ("md-edit", "value - v2"), ("md-new", "value - new"),
        ("md-remove", None)])
    patch.close()
    v1_metadata = [("agg_tiles_hash", MARTIN["v1"]), ("md-same", "value - same"), ("md-edit", "value - v1"),
                   ("md-remove", "value - remove")]
    flat_file(tmp_path / "flat.mbtiles", TILES_V1, v1_metadata).close()
    ours = str(tmp_path / "ours.mbtiles")
    with mbtiles.MBTilesWriter(ours) as writer:
        for z, x, row, data in TILES_V1:
            writer.write_tile(z, x, grid.flip_y(z, row), data)
        writer.update_metadata(dict(v1_metadata[1:]))
    for target in (str(tmp_path / "flat.mbtiles"), ours):
        stats = mbtiles.apply_patch(str(tmp_path / "dif.mbtiles"), target)
        assert (stats.written, stats.deleted, stats.after) == (6, 3, MARTIN["v2"])
        with mbtiles.MBTilesReader(target) as reader:
            rows = reader.connection().execute("SELECT * FROM tiles ORDER BY 1, 2, 3").fetchall()
            metadata = reader.metadata()
        assert rows == sorted(TILES_V2)
        assert {k: metadata.get(k) for k in ("md-same", "md-edit", "md-new", "md-remove", "agg_tiles_hash")} == {
            "md-same": "value - same", "md-edit": "value - v2", "md-new": "value - new", "md-remove": None,
            "agg_tiles_hash": MARTIN["v2"]}
    with sqlite3.connect(ours) as db:  # the replaced and deleted bodies are gone
        assert db.execute("SELECT COUNT(*) FROM images").fetchone()[0] == len({d for *_, d in TILES_V2})


def test_a_cancelled_or_failed_write_leaves_no_hash(tmp_path):
    path = str(tmp_path / "lib.mbtiles")
    with mbtiles.MBTilesWriter(path) as writer:
        writer.write_tile(3, 1, 1, b"a")
    with mbtiles.MBTilesWriter(path) as writer:
        writer.write_tile(3, 1, 2, b"b")
        writer.cut_short()
    with mbtiles.MBTilesReader(path) as reader:
        assert "agg_tiles_hash" not in reader.metadata()
    with pytest.raises(RuntimeError), mbtiles.MBTilesWriter(path) as writer:
        writer.write_tile(3, 1, 3, b"c")
        raise RuntimeError("failed midway")
    with mbtiles.MBTilesReader(path) as reader:
        assert "agg_tiles_hash" not in reader.metadata()
    with mbtiles.MBTilesWriter(path):
        pass
    with mbtiles.MBTilesReader(path) as reader:
        assert reader.metadata()["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())


# -- a library file, a device's copy, a refresh -------------------------------------------------------------


@pytest.fixture()
def field(tmp_path):
    """(library file, its tiles, device copy exported with an area and zooms 11-13, the copy's ranges)."""
    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 14)}
    source = make_library(str(tmp_path / "plan.mbtiles"), bodies, CARCASSONNE)
    ranges = area_ranges(AREA, 11, 13)
    os.makedirs(str(tmp_path / "device"))
    (part,) = exports.export(source, str(tmp_path / "device" / "plan.mbtiles"), "mbtiles", 11, 13, ranges)
    return source, bodies, part.path, ranges


def in_scope(key, ranges):
    z, x, y = key
    return any(r.zoom == z and r.x_min <= x <= r.x_max and r.y_min <= y <= r.y_max for r in ranges)


def test_the_export_records_its_scope_and_hash(field):
    source, _, copy, ranges = field
    with mbtiles.MBTilesReader(copy) as reader:
        metadata = reader.metadata()
        assert metadata["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())
    assert metadata["ign_offline:export_source"] == os.path.abspath(source)
    assert metadata["ign_offline:export_zooms"] == "11-13"
    assert metadata["ign_offline:export_format"] == "mbtiles"
    scope = mbtiles.read_scope(copy, metadata)
    assert mbtiles.scope_ranges(scope) is not None
    assert [float(v) for v in metadata["ign_offline:export_bbox"].split(",")] == pytest.approx(
        exports.ranges_bbox(ranges), abs=1e-6)
    held = {(z, x, grid.flip_y(z, row)) for z, x, row, _ in tiles_of(copy)}
    assert held and all(in_scope(key, ranges) for key in held)
    assert all(scope.contains(z, x, grid.flip_y(z, y)) for z, x, y in held)


def test_one_tile_in_five_changed_gives_a_patch_of_exactly_those_tiles(field, tmp_path):
    source, bodies, copy, ranges = field
    changed = refresh(source, bodies)
    made = patching.make_patch(source, copy, str(tmp_path / "plan.patch.mbtiles"))
    expected = {key for key in changed if in_scope(key, ranges) and 11 <= key[0] <= 13}
    assert expected
    patch_rows = tiles_of(made.path)
    assert {(z, x, grid.flip_y(z, row)) for z, x, row, _ in patch_rows} == expected
    assert all(bytes(data) == changed[(z, x, grid.flip_y(z, row))] for z, x, row, data in patch_rows)
    assert (made.stats.changed, made.stats.new, made.stats.deleted) == (len(expected), 0, 0)
    with mbtiles.MBTilesReader(made.path) as reader:
        metadata = reader.metadata()
        assert metadata["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())
    with mbtiles.MBTilesReader(copy) as reader:
        assert metadata["agg_tiles_hash_before_apply"] == reader.metadata()["agg_tiles_hash"]

    fresh = str(tmp_path / "fresh" / "plan.mbtiles")
    os.makedirs(os.path.dirname(fresh))
    exports.export(source, fresh, "mbtiles", 11, 13, ranges)
    with mbtiles.MBTilesReader(fresh) as reader:
        fresh_metadata = reader.metadata()
    assert metadata["agg_tiles_hash_after_apply"] == fresh_metadata["agg_tiles_hash"]

    stats = mbtiles.apply_patch(made.path, copy)
    assert stats.after == fresh_metadata["agg_tiles_hash"]
    assert tiles_of(copy) == tiles_of(fresh)  # byte for byte the tiles of a fresh export
    with mbtiles.MBTilesReader(copy) as reader:
        assert reader.metadata() == fresh_metadata

    # A second apply is refused, the copy unchanged.
    before = open(copy, "rb").read()
    with pytest.raises(mbtiles.PatchError, match="not the copy"):
        mbtiles.apply_patch(made.path, copy)
    assert open(copy, "rb").read() == before


def test_new_and_deleted_tiles_and_tiles_outside_the_scope(field, tmp_path):
    source, bodies, copy, ranges = field
    inside = sorted(key for key in bodies if 11 <= key[0] <= 13 and in_scope(key, ranges))
    gone, added_outside = inside[3], (12, 0, 0)
    with sqlite3.connect(source) as db:  # a tile of the area removed from the library
        db.execute("DELETE FROM map WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                   (gone[0], gone[1], grid.flip_y(gone[0], gone[2])))
    with mbtiles.MBTilesWriter(source) as writer:  # outside the area: not the copy's business
        writer.record(*added_outside, "done", b"elsewhere")
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    assert (made.stats.new, made.stats.changed, made.stats.deleted) == (0, 0, 1)
    assert tiles_of(made.path) == [(gone[0], gone[1], grid.flip_y(gone[0], gone[2]), None)]
    mbtiles.apply_patch(made.path, copy)
    assert (gone[0], gone[1], grid.flip_y(gone[0], gone[2])) not in {row[:3] for row in tiles_of(copy)}


def test_without_verify_the_patch_applies_as_martin_does_in_the_time_of_the_patch(field, tmp_path, monkeypatch):
    """VERIFY off (the default): the same copy and hash as a verified apply (deleted and changed tiles too), with
    no tile of the copy hashed; a second apply still refused; a forced apply to another copy still hashed whole."""
    source, bodies, copy, ranges = field
    twin = str(tmp_path / "twin" / "plan.mbtiles")
    os.makedirs(os.path.dirname(twin))
    shutil.copyfile(copy, twin)
    inside = sorted(key for key in bodies if 11 <= key[0] <= 13 and in_scope(key, ranges))
    with sqlite3.connect(source) as db:  # one tile of the area gone from the library, some changed
        db.execute("DELETE FROM map WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                   (inside[1][0], inside[1][1], grid.flip_y(inside[1][0], inside[1][2])))
    db.close()
    refresh(source, bodies, every=2)
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    assert made.stats.deleted == 1 and made.stats.changed
    verified = mbtiles.apply_patch(made.path, twin, verify=True)
    hashed = []
    real = patches.agg_tiles_hash
    monkeypatch.setattr(patches, "agg_tiles_hash", lambda *a, **k: hashed.append(a) or real(*a, **k))
    trusted = mbtiles.apply_patch(made.path, copy)  # the default
    assert hashed == [] and not trusted.verified and verified.verified
    assert trusted.after == verified.after and tiles_of(copy) == tiles_of(twin)
    with mbtiles.MBTilesReader(copy) as reader:
        assert reader.metadata()["agg_tiles_hash"] == verified.after == real(reader.connection())
    with pytest.raises(mbtiles.PatchError, match="not the copy"):
        mbtiles.apply_patch(made.path, copy, verify=False)
    other = str(tmp_path / "other" / "plan.mbtiles")
    os.makedirs(os.path.dirname(other))
    exports.export(source, other, "mbtiles", 11, 12, ranges)
    forced = mbtiles.apply_patch(made.path, other, force=True, verify=False)
    assert forced.verified and len(hashed) == 1  # not the copy it was made for: its true hash, computed


def test_without_verify_a_tile_that_does_not_read_back_rolls_the_apply_back(field, tmp_path):
    source, bodies, copy, _ = field
    refresh(source, bodies)
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    with sqlite3.connect(copy) as db:  # a write that does not take as written (a card, a driver): a trigger
        db.execute("CREATE TRIGGER lost AFTER INSERT ON tiles BEGIN UPDATE tiles SET tile_data = x'00' WHERE "
                   "rowid = new.rowid; END")
    db.close()
    before = tiles_of(copy)
    with pytest.raises(mbtiles.PatchError, match="did not read back as the patch wrote it"):
        mbtiles.apply_patch(made.path, copy, verify=False)
    assert tiles_of(copy) == before


def test_a_patch_to_the_wrong_base_is_refused(field, tmp_path):
    source, bodies, copy, ranges = field
    other = str(tmp_path / "other" / "plan.mbtiles")
    os.makedirs(os.path.dirname(other))
    exports.export(source, other, "mbtiles", 11, 12, ranges)  # another copy: other zooms
    refresh(source, bodies)
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    before = open(other, "rb").read()
    with pytest.raises(mbtiles.PatchError, match="not the copy"):
        mbtiles.apply_patch(made.path, other)
    assert open(other, "rb").read() == before
    forced = mbtiles.apply_patch(made.path, other, force=True)  # FORCE: applied, its true hash stored
    assert forced.forced
    with mbtiles.MBTilesReader(other) as reader:
        assert reader.metadata()["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())


@pytest.mark.parametrize("body", [4000000000, "text", 1.5])
def test_a_patch_whose_tile_is_no_bytes_is_refused_with_the_copy_untouched(field, tmp_path, body):
    """A damaged or hostile patch: an INTEGER tile_data would be taken as that many zero bytes (gigabytes from one
    row), TEXT or REAL is no tile. Refused by name before anything is written, even with FORCE."""
    source, bodies, copy, ranges = field
    refresh(source, bodies)
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    db = sqlite3.connect(made.path)
    db.execute("UPDATE tiles SET tile_data = ? WHERE rowid = (SELECT MIN(rowid) FROM tiles)", (body,))
    db.commit()
    db.close()
    before = open(copy, "rb").read()
    with pytest.raises(mbtiles.PatchError, match="is damaged: its tile .* is not a tile"):
        mbtiles.apply_patch(made.path, copy, force=True)
    assert open(copy, "rb").read() == before


def test_other_formats_and_parts_that_do_not_say_their_share_are_refused_by_name(field, tmp_path):
    source, _, _, ranges = field
    osmand = str(tmp_path / "o" / "plan.sqlitedb")
    os.makedirs(os.path.dirname(osmand))
    exports.export(source, osmand, "osmand", 11, 13, ranges)
    with pytest.raises(InputError, match="OsmAnd/Locus SQLiteDB"):
        patching.make_patch(source, osmand, str(tmp_path / "p.mbtiles"))
    parts = exports.export(source, str(tmp_path / "o" / "split.mbtiles"), "mbtiles", 11, 13, None, max_file_mb=0.12)
    assert len(parts) > 1
    with sqlite3.connect(parts[1].path) as db:  # a part as an older version wrote it: its number alone
        db.execute("DELETE FROM metadata WHERE name IN (?, ?)", (mbtiles.SCOPE_PART_FROM, mbtiles.SCOPE_PART_TO))
    db.close()
    with pytest.raises(InputError, match="part 2 of an export split by size made by an older version"):
        patching.make_patch(source, parts[1].path, str(tmp_path / "p.mbtiles"))
    assert not os.path.exists(str(tmp_path / "p.mbtiles"))


@pytest.mark.parametrize("area", [True, False])
def test_unchanged_parts_of_a_split_export_get_empty_patches(field, tmp_path, area):
    """With an area or without (the whole file, `all`): the parts' shares meet mid-zoom, and no part's patch takes
    the next part's tiles as new ones."""
    source = field[0]
    ranges = area_ranges((2.31, 43.19, 2.39, 43.24), 12, 14) if area else None
    os.makedirs(str(tmp_path / "phone"))
    parts = exports.export(source, str(tmp_path / "phone" / "plan.mbtiles"), "mbtiles", 12, 14, ranges,
                           max_file_mb=0.149 if area else 0.2)
    assert len(parts) >= 3
    zooms = [(part.zoom_min, part.zoom_max) for part in parts]
    assert any(a[1] == b[0] for a, b in zip(zooms, zooms[1:]))  # two parts share a zoom: the case that matters
    for number, part in enumerate(parts):
        made = patching.make_patch(source, part.path, str(tmp_path / "q{}.mbtiles".format(number)))
        assert (made.stats.tiles, made.stats.metadata_changed) == (0, []), (number, made.stats)


def test_each_part_of_a_split_export_is_patched_to_its_own_share(field, tmp_path):
    """A phone's copy split by size (FAT32, apps' 2 GB): each part records its share of the scope (from its first
    tile to the next part's), its patch holds the changed tiles of that share alone, and the patched parts together
    hold what a fresh export holds, each tile in one part."""
    source, bodies, _, _ = field
    ranges = area_ranges((2.31, 43.19, 2.39, 43.24), 12, 14)  # some 40 tiles; about 12 a part
    os.makedirs(str(tmp_path / "phone"))
    parts = exports.export(source, str(tmp_path / "phone" / "plan.mbtiles"), "mbtiles", 12, 14, ranges,
                           max_file_mb=0.149)
    assert len(parts) >= 3
    shares = []
    for part in parts:
        with mbtiles.MBTilesReader(part.path) as reader:
            shares.append(mbtiles.read_scope(part.path, reader.metadata()))
    assert shares[0].key_from is None and shares[-1].key_to is None
    assert all(a.key_to == b.key_from for a, b in zip(shares, shares[1:]))  # shares meet: none lost, none twice
    changed = refresh(source, bodies, every=3)
    in_area = {key for key in changed if 12 <= key[0] <= 14 and in_scope(key, ranges)}
    patched = 0
    for number, (part, share) in enumerate(zip(parts, shares)):
        own = {(z, x, y) for z, x, y in in_area if share.contains(z, x, grid.flip_y(z, y))}
        assert own  # each part has tiles of the refresh: each patch is tried on something
        made = patching.make_patch(source, part.path, str(tmp_path / "p{}.mbtiles".format(number)))
        assert (made.stats.changed, made.stats.new, made.stats.deleted) == (len(own), 0, 0)
        stats = mbtiles.apply_patch(made.path, part.path)
        assert stats.written == len(own)
        with pytest.raises(mbtiles.PatchError, match="is not the copy"):  # applied: a second time refused
            mbtiles.apply_patch(made.path, part.path)
        patched += len(own)
    assert patched == len(in_area)
    fresh = exports.export(source, str(tmp_path / "fresh.mbtiles"), "mbtiles", 12, 14, ranges)[0].path
    assert sorted(row for part in parts for row in tiles_of(part.path)) == tiles_of(fresh)


APPLY = """
import sys
sys.path.insert(0, {root!r})
from core import mbtiles
mbtiles.apply_patch(sys.argv[1], sys.argv[2])
"""


def test_kill_9_during_apply_leaves_the_old_or_the_new_copy(tmp_path):
    """A real process applying a patch to a large-ish copy, killed with SIGKILL at several moments: the copy
    opens afterwards, sound, and holds either the old tiles (old hash) or the new ones (the patch's after-hash)."""
    rows = [(12, x, y, os.urandom(20000)) for x in range(60) for y in range(60)]
    base = tmp_path / "base.mbtiles"
    db = flat_file(base, rows)
    db.execute("INSERT INTO metadata VALUES ('agg_tiles_hash', ?)", (mbtiles.agg_tiles_hash(db),))
    db.commit()
    old = mbtiles.agg_tiles_hash(db)
    db.close()
    changed = [(z, x, y, os.urandom(20000)) for z, x, y, _ in rows[::5]]
    new_rows = sorted({row[:3]: row for row in rows + changed}.values())
    with sqlite3.connect(":memory:") as memory:
        memory.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
        memory.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", new_rows)
        new = mbtiles.agg_tiles_hash(memory)
    flat_file(tmp_path / "patch.mbtiles", changed, [("agg_tiles_hash_before_apply", old),
                                                    ("agg_tiles_hash_after_apply", new)]).close()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    seen, hot = set(), False
    for delay in (0.05, 0.15, 0.3, 0.5, 0.8):
        target = tmp_path / "copy-{}.mbtiles".format(delay)
        target.write_bytes(base.read_bytes())
        process = subprocess.Popen([sys.executable, "-c", APPLY.format(root=root), str(tmp_path / "patch.mbtiles"),
                                    str(target)])
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        hot |= os.path.exists(str(target) + "-journal")  # killed inside the transaction
        with mbtiles.MBTilesReader(str(target)) as reader:  # rolls a hot journal back
            db = reader.connection()
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored, computed = reader.metadata().get("agg_tiles_hash"), mbtiles.agg_tiles_hash(db)
        assert stored == computed and computed in (old, new)
        seen.add(computed)
    assert hot and old in seen  # at least one kill landed mid-apply (the others may have found it done)


# -- the library's change log: patches of a whole copy in the time of the changes ---------------------------------


@pytest.fixture()
def whole(tmp_path):
    """(library file, its tiles, a copy exported whole at the zooms it holds, 10-14: the library's very tiles, so its
    hash is the library's)."""
    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 14)}
    source = make_library(str(tmp_path / "plan.mbtiles"), bodies, CARCASSONNE)
    os.makedirs(str(tmp_path / "device"))
    (part,) = exports.export(source, str(tmp_path / "device" / "plan.mbtiles"), "mbtiles", 10, 14)
    with mbtiles.MBTilesReader(source) as library, mbtiles.MBTilesReader(part.path) as copy:
        assert mbtiles.stored_hash(copy.connection()) == mbtiles.stored_hash(library.connection())
    return source, bodies, part.path


def tms(key):
    return key[0], key[1], grid.flip_y(key[0], key[2])


def test_a_whole_copy_is_patched_from_the_librarys_change_log(whole, tmp_path, monkeypatch):
    """Two refreshes (tiles changed, one removed, one new, one rewritten with the same bytes): the patch holds
    exactly the tiles that differ, read from the change log alone (no comparison of every tile), and applied it
    gives byte for byte a fresh export, its hash the library's."""
    source, bodies, copy = whole
    first = refresh(source, bodies, every=5)
    keys = sorted(bodies)
    second = {key: body(*key, version=3) for key in keys[1::6]}
    gone, same, new = keys[8], keys[9], (14, 8200, 5900)
    assert not {gone, same} & (set(first) | set(second)) and new not in bodies
    with mbtiles.MBTilesWriter(source) as writer:
        assert writer.remove_tile(*gone)
        writer.write_tile(*same, bodies[same])  # the same bytes again: no change
        writer.write_tile(*new, body(*new, version=2))
    with mbtiles.MBTilesWriter(source) as writer:
        for key, data in second.items():
            writer.write_tile(*key, data)
    changed = (set(first) | set(second)) - {gone}
    with mbtiles.MBTilesReader(source) as library, mbtiles.MBTilesReader(copy) as device:
        db = library.connection()
        links = mbtiles.chain(db, mbtiles.stored_hash(device.connection()), mbtiles.stored_hash(db))
        assert len(links) == 3  # one per write; a write's same bytes are no change
        assert set(mbtiles.changed_keys(db, links)) == {tms(key) for key in changed | {gone, new}}
    monkeypatch.setattr(mbtiles, "diff_tiles", lambda *a, **k: pytest.fail("compared every tile"))
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    assert (made.stats.new, made.stats.changed, made.stats.deleted) == (1, len(changed), 1)
    assert {row[:3] for row in tiles_of(made.path)} == {tms(key) for key in changed | {gone, new}}
    fresh = exports.export(source, str(tmp_path / "fresh.mbtiles"), "mbtiles", 10, 14)[0].path
    with mbtiles.MBTilesReader(fresh) as reader:
        fresh_metadata = reader.metadata()
    with mbtiles.MBTilesReader(made.path) as reader:
        assert reader.metadata()["agg_tiles_hash_after_apply"] == fresh_metadata["agg_tiles_hash"]
    assert mbtiles.apply_patch(made.path, copy).after == fresh_metadata["agg_tiles_hash"]  # checked whole
    assert tiles_of(copy) == tiles_of(fresh)
    with mbtiles.MBTilesReader(copy) as reader:
        assert reader.metadata() == fresh_metadata


def test_the_change_log_is_not_followed_past_a_write_it_did_not_see(whole, tmp_path, monkeypatch):
    """A write by raw SQL (a merge), a write cut short, or a change outside the copy's scope (a new zoom): the
    patch is made by comparing every tile, and is right."""
    source, bodies, copy = whole
    compared = []
    real = mbtiles.diff_tiles
    monkeypatch.setattr(mbtiles, "diff_tiles", lambda *a, **k: compared.append(1) or real(*a, **k))
    keys = sorted(bodies)

    def patched_copy_is_fresh(name):
        target = str(tmp_path / name / "plan.mbtiles")
        os.makedirs(os.path.dirname(target))
        shutil.copyfile(copy, target)
        made = patching.make_patch(source, target, str(tmp_path / (name + ".patch.mbtiles")))
        mbtiles.apply_patch(made.path, target)
        fresh = exports.export(source, str(tmp_path / (name + ".fresh.mbtiles")), "mbtiles", 10, 14)[0].path
        assert tiles_of(target) == tiles_of(fresh)
        return made

    with mbtiles.MBTilesWriter(source) as writer:  # a merge's bulk SQL
        writer.write_tile(*keys[0], body(*keys[0], version=4))
        writer.connection().execute("UPDATE images SET tile_data = x'89504e47' WHERE tile_id = (SELECT tile_id "
                                    "FROM map WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?)",
                                    tms(keys[1]))
    patched_copy_is_fresh("merged")
    assert compared == [1]
    with mbtiles.MBTilesWriter(source) as writer:  # from the hash the merge left: followed again
        writer.write_tile(*keys[2], body(*keys[2], version=5))
    with mbtiles.MBTilesWriter(source) as writer:  # cut short: no hash, and the next write starts from none
        writer.write_tile(*keys[3], body(*keys[3], version=5))
        writer.cut_short()
    with mbtiles.MBTilesWriter(source) as writer:
        writer.write_tile(*keys[4], body(*keys[4], version=5))
    patched_copy_is_fresh("cut")
    assert compared == [1, 1]
    with mbtiles.MBTilesWriter(source) as writer:  # a tile at zoom 15: outside the copy's zooms 10-14
        writer.write_tile(15, 16400, 11800, b"z15")
    made = patched_copy_is_fresh("zoom15")
    assert compared == [1, 1, 1] and made.stats.new == 0


def test_a_cancelled_merge_leaves_no_borrowed_hash_for_the_change_log_to_build_on(tmp_path):
    """A merge copied its first input's metadata, agg_tiles_hash included, and a merge cut short kept it: the file
    said it held input a alone while it held a and b; a copy of a then looked current (an empty patch, verified),
    and the next refresh's link started from that hash. The writer alone stores the hash keys now."""
    from core.library import merge

    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 13)}
    keys = sorted(bodies)
    a = make_library(str(tmp_path / "a.mbtiles"), bodies, CARCASSONNE)
    b = make_library(str(tmp_path / "b.mbtiles"), {key: body(*key, version=7) for key in keys[::3]}, CARCASSONNE)
    c = make_library(str(tmp_path / "c.mbtiles"), {keys[0]: body(*keys[0], version=8)}, CARCASSONNE)
    os.makedirs(str(tmp_path / "device"))
    copy = exports.export(a, str(tmp_path / "device" / "plan.mbtiles"), "mbtiles", 10, 14)[0].path
    output = str(tmp_path / "ab.mbtiles")
    calls = []
    merge.merge([a, b, c], output, is_cancelled=lambda: calls.append(1) or len(calls) > 2)  # stopped before c
    with mbtiles.MBTilesReader(output) as reader:
        assert mbtiles.stored_hash(reader.connection()) is None
    for version in (None, 9):  # as it is, then after a refresh of one tile
        if version:
            with mbtiles.MBTilesWriter(output) as writer:
                writer.write_tile(*keys[1], body(*keys[1], version=version))
        target = str(tmp_path / "v{}.mbtiles".format(version))
        shutil.copyfile(copy, target)
        made = patching.make_patch(output, target, str(tmp_path / "p{}.mbtiles".format(version)))
        mbtiles.apply_patch(made.path, target, verify=False)
        fresh = exports.export(output, str(tmp_path / "f{}.mbtiles".format(version)), "mbtiles", 10, 14)[0].path
        assert tiles_of(target) == tiles_of(fresh)


def test_a_write_while_the_patch_is_made_from_the_log_is_not_half_in_it(whole, tmp_path, monkeypatch):
    """Another task's refresh commits between the reading of the chain and of the tiles: the patch is made by
    comparing every tile instead, and the copy patched is a true state of the library."""
    source, bodies, copy = whole
    keys = sorted(bodies)
    with mbtiles.MBTilesWriter(source) as writer:
        writer.write_tile(*keys[1], body(*keys[1], version=2))
    real = mbtiles.chain

    def chain_then_a_refresh_commits(db, start, end):
        found = real(db, start, end)
        with mbtiles.MBTilesWriter(source) as writer:  # still running: its tiles committed, no hash yet
            writer.write_tile(*keys[1], body(*keys[1], version=3))
            writer.write_tile(*keys[2], body(*keys[2], version=3))
            writer.write_tile(15, 16400, 11800, b"z15")  # outside the copy's zooms: not in its bounds either
            writer.flush()
            writer.cut_short()
        return found

    monkeypatch.setattr(mbtiles, "chain", chain_then_a_refresh_commits)
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    monkeypatch.setattr(mbtiles, "chain", real)
    mbtiles.apply_patch(made.path, copy, verify=False)
    with mbtiles.MBTilesReader(copy) as reader:
        assert mbtiles.agg_tiles_hash(reader.connection()) == mbtiles.stored_hash(reader.connection())
        metadata = reader.metadata()
    fresh = exports.export(source, str(tmp_path / "fresh.mbtiles"), "mbtiles", 10, 14)[0].path
    with mbtiles.MBTilesReader(fresh) as reader:
        assert {k: metadata.get(k) for k in ("bounds", "minzoom", "maxzoom")} == {
            k: reader.metadata().get(k) for k in ("bounds", "minzoom", "maxzoom")}


def test_a_whole_copy_changed_on_the_device_behind_its_hash_is_refused_by_the_checked_apply(whole, tmp_path):
    """From the log, make_patch trusts the copy's stored hash (as martin's tools do); the apply's check of the whole
    copy (VERIFY) finds the copy changed, says so, and writes nothing."""
    source, bodies, copy = whole
    keys = sorted(bodies)
    with sqlite3.connect(copy) as db:  # a tile damaged on the card, its stored hash left as it was
        db.execute("UPDATE tiles SET tile_data = x'00' WHERE rowid = (SELECT MIN(rowid) FROM tiles)")
    db.close()
    with mbtiles.MBTilesWriter(source) as writer:
        writer.write_tile(*keys[5], body(*keys[5], version=9))
    made = patching.make_patch(source, copy, str(tmp_path / "p.mbtiles"))
    before = open(copy, "rb").read()
    with pytest.raises(mbtiles.PatchError, match="changed on the device since it was written"):
        mbtiles.apply_patch(made.path, copy, verify=True)
    assert open(copy, "rb").read() == before


def test_the_change_log_keeps_no_more_changed_tiles_than_the_file_holds(tmp_path, monkeypatch):
    """Refreshes that change every tile, again and again: the log keeps the newest links only, within as many
    changed tiles as the file holds (past that a patch from it reads as much as comparing every tile)."""
    from core.mbtiles import changes

    monkeypatch.setattr(changes, "MIN_LOGGED", 10)
    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 12)}
    source = make_library(str(tmp_path / "plan.mbtiles"), bodies, CARCASSONNE)
    for version in range(1, 6):
        with mbtiles.MBTilesWriter(source) as writer:
            for key in bodies:
                writer.write_tile(*key, body(*key, version=version))
    with sqlite3.connect(source) as db:
        links = db.execute("SELECT tiles FROM ign_offline_links ORDER BY id").fetchall()
        logged = db.execute("SELECT COUNT(*) FROM ign_offline_link_tiles").fetchone()[0]
    db.close()
    assert links == [(len(bodies),)] and logged == len(bodies)  # the newest link alone: one file's worth
