"""Sync of a field folder (core.field.folder_sync): every MBTiles of an offline project folder updated in place
from the library by patches, with real files: a library refreshed with one tile in five changed, a basemap made as
make_project_offline makes it from the library (core.field.offline_copy), an export copy beside it."""

import os
import shutil
import sqlite3

import pytest

from core import mbtiles
from core.field import exports, folder_sync, offline_copy, patching
from core.library import merge
from core.tiles import grid
from tests.support.field_copies import area_ranges, body, make_library, refresh, tiles_of

CARCASSONNE = (2.00, 43.00, 2.60, 43.40)
AREA = (2.10, 43.05, 2.50, 43.35)


def basemap_from_library(source, path, low, high):
    """A basemap as make_project_offline's fill_basemap makes it when the library holds every tile: the area's
    tiles copied from the library file, its scope recorded."""
    ranges = area_ranges(AREA, low, high)
    with mbtiles.MBTilesReader(source) as reader:
        ident = merge.identity(reader.metadata())
    assert merge.copy_area(source, path, ranges, ident, {"name": "Plan IGN v2", "format": "png"})
    with mbtiles.MBTilesWriter(path):
        pass  # a complete close stores agg_tiles_hash, as the download that follows does
    offline_copy.record_scope(path, mbtiles.scope_metadata(source, "mbtiles", low, high, ranges,
                                                           exports.ranges_bbox(ranges)))
    return path


@pytest.fixture()
def field(tmp_path):
    """(library folder, library file, its tiles, the offline folder with basemaps/plan.mbtiles (made from the
    library) and basemaps/plan-export.mbtiles (an export))."""
    library = tmp_path / "library"
    library.mkdir()
    bodies = {(t.z, t.x, t.y): body(t.z, t.x, t.y) for t in grid.iter_tiles(CARCASSONNE, 10, 13)}
    source = make_library(str(library / "PLAN.mbtiles"), bodies, CARCASSONNE)
    basemaps = tmp_path / "offline" / "basemaps"
    basemaps.mkdir(parents=True)
    basemap_from_library(source, str(basemaps / "plan.mbtiles"), 11, 13)
    exports.export(source, str(basemaps / "plan-export.mbtiles"), "mbtiles", 12, 13, area_ranges(AREA, 12, 13))
    return str(library), source, bodies, str(tmp_path / "offline")


def snapshot(folder):
    return {name: open(os.path.join(folder, "basemaps", name), "rb").read()
            for name in sorted(os.listdir(os.path.join(folder, "basemaps")))}


def test_a_refresh_is_synced_by_patches_to_the_tiles_of_a_fresh_export(field, tmp_path):
    library, source, bodies, folder = field
    changed = refresh(source, bodies)
    summary = folder_sync.sync_folder(folder, library)
    assert [o.state for o in summary.outcomes] == [folder_sync.UPDATED] * 2, [o.reason for o in summary.outcomes]
    fresh = str(tmp_path / "fresh")
    os.makedirs(fresh)
    for name, (low, high) in (("plan.mbtiles", (11, 13)), ("plan-export.mbtiles", (12, 13))):
        (part,) = exports.export(source, os.path.join(fresh, name), "mbtiles", low, high, area_ranges(AREA, low, high))
        synced = os.path.join(folder, "basemaps", name)
        assert [tuple(r[:3]) + (bytes(r[3]),) for r in tiles_of(synced)] == \
            [tuple(r[:3]) + (bytes(r[3]),) for r in tiles_of(part.path)]
        with mbtiles.MBTilesReader(synced) as reader:
            assert reader.metadata()["agg_tiles_hash"] == mbtiles.agg_tiles_hash(reader.connection())
    # The bytes moved are those of the patches, about the changed tiles' bytes; a full copy is the files' sizes.
    in_copies = sum(len(data) for (z, x, y), data in changed.items()
                    for low, high in ((11, 13), (12, 13)) if low <= z <= high and
                    any(r.zoom == z and r.x_min <= x <= r.x_max and r.y_min <= y <= r.y_max
                        for r in area_ranges(AREA, low, high)))
    assert in_copies <= summary.bytes_moved <= 1.2 * in_copies + 2 * 64 * 1024
    sizes = sum(os.path.getsize(os.path.join(folder, "basemaps", name)) for name in snapshot(folder))
    assert summary.full_copy_bytes == sizes > 2 * summary.bytes_moved
    assert not [name for name in os.listdir(os.path.join(folder, "basemaps")) if not name.endswith(".mbtiles")]
    # A second sync: every file already current, nothing moved, nothing written.
    before = snapshot(folder)
    again = folder_sync.sync_folder(folder, library)
    assert [o.state for o in again.outcomes] == [folder_sync.CURRENT] * 2
    assert again.bytes_moved == 0 and snapshot(folder) == before


def test_each_copy_is_hashed_whole_only_with_verify(field, monkeypatch):
    """By default a synced copy's patched tiles are read back (the time of the patch); `verify` hashes each whole
    result as well (and would refuse a copy changed behind its hash)."""
    from core.mbtiles import patches

    library, source, bodies, folder = field
    hashed = []
    real = patches.agg_tiles_hash
    monkeypatch.setattr(patches, "agg_tiles_hash", lambda db, *a: hashed.append(db) or real(db, *a))
    refresh(source, bodies, every=4)
    trusted = folder_sync.sync_folder(folder, library)
    assert [o.state for o in trusted.outcomes] == [folder_sync.UPDATED] * 2 and hashed == []
    refresh(source, bodies, every=3)
    checked = folder_sync.sync_folder(folder, library, verify=True)
    assert [o.state for o in checked.outcomes] == [folder_sync.UPDATED] * 2 and len(hashed) == 2


def test_the_size_of_a_copys_patch_is_measured_without_writing(field):
    library, source, bodies, folder = field
    before = snapshot(folder)
    assert [(s.tiles, s.reason) for s in folder_sync.measure_folder(folder, library)] == [(0, None), (0, None)]
    changed = refresh(source, bodies)
    states = folder_sync.measure_folder(folder, library)
    assert all(s.tiles and s.reason is None for s in states)
    assert all(0 < s.patch_bytes <= sum(len(d) for d in changed.values()) for s in states)
    assert snapshot(folder) == before
    summary = folder_sync.sync_folder(folder, library)
    assert [o.tiles for o in summary.outcomes] == [s.tiles for s in states]


def test_a_copy_whose_hash_differs_or_whose_source_is_gone_is_refused_untouched(field, tmp_path):
    library, source, bodies, folder = field
    refresh(source, bodies)
    plan = os.path.join(folder, "basemaps", "plan.mbtiles")
    with mbtiles.MBTilesReader(plan) as reader:
        z, x, row, _ = reader.connection().execute("SELECT * FROM tiles LIMIT 1").fetchone()
    with sqlite3.connect(plan) as db:  # a tile changed on the device behind the hash's back
        db.execute("UPDATE images SET tile_data = ? WHERE tile_id = (SELECT tile_id FROM map WHERE zoom_level = ? "
                   "AND tile_column = ? AND tile_row = ?)", (b"edited on the phone", z, x, row))
    db.close()
    before = snapshot(folder)
    summary = folder_sync.sync_folder(folder, library)
    refused, updated = summary.of(folder_sync.REFUSED), summary.of(folder_sync.UPDATED)
    assert [os.path.basename(o.path) for o in refused] == ["plan.mbtiles"]
    assert "agg_tiles_hash" in refused[0].reason and refused[0].patch_bytes == 0
    assert snapshot(folder)["plan.mbtiles"] == before["plan.mbtiles"]
    assert [os.path.basename(o.path) for o in updated] == ["plan-export.mbtiles"]
    assert summary.full_copy_bytes == os.path.getsize(updated[0].path)
    assert folder_sync.measure_copy(plan, library).reason is not None
    # The library's file gone: refused with its reason, nothing written.
    shutil.move(source, str(tmp_path / "elsewhere.mbtiles"))
    before = snapshot(folder)
    gone = folder_sync.sync_folder(folder, library)
    assert [o.state for o in gone.outcomes] == [folder_sync.REFUSED] * 2
    assert all("is gone" in o.reason for o in gone.outcomes)
    assert snapshot(folder) == before and gone.bytes_moved == 0


def test_a_folder_in_the_library_or_a_file_without_scope(field, tmp_path):
    library, source, _, folder = field
    with pytest.raises(Exception, match="inside the LIBRARY"):
        folder_sync.sync_folder(library, library)
    stray = os.path.join(folder, "basemaps", "stray.mbtiles")
    shutil.copy(source, stray)  # a library file copied as it is: no export scope
    outcome = folder_sync.sync_file(stray, library)
    assert outcome.state == folder_sync.REFUSED and "export_zooms" in outcome.reason


def test_patches_kept_for_devices_form_a_chain_never_overwritten(field, tmp_path):
    """make_patch then keep_patch, as the Field page's Update does for an export: a patch that changes nothing is
    dropped (the kept one untouched); each change is kept under its before-after hashes; the chain, applied in
    order to a phone's copy left at the first export, gives the export's tiles."""
    library, source, bodies, folder = field
    export = os.path.join(library, "exports", "plan.mbtiles")
    os.makedirs(os.path.join(library, "exports", "patches"))
    exports.export(source, export, "mbtiles", 12, 13, area_ranges(AREA, 12, 13))
    phone = str(tmp_path / "phone.mbtiles")
    shutil.copy(export, phone)

    def update():
        made = folder_sync.making_name(library, export)
        patching.make_patch(source, export, made)
        kept = folder_sync.keep_patch(made, library, export)
        if kept:
            mbtiles.apply_patch(kept, export)
        assert not os.path.exists(made)
        return kept

    patches = folder_sync.patches_folder(library)
    assert update() is None and os.listdir(patches) == []  # current: nothing written
    refresh(source, bodies, every=3)
    first = update()
    before = mbtiles.stored_hash(sqlite3.connect(phone))
    assert os.path.basename(first) == "plan.{}-{}.patch.mbtiles".format(
        before[:8].lower(), mbtiles.stored_hash(sqlite3.connect(export))[:8].lower())
    kept = open(first, "rb").read()
    assert update() is None and os.listdir(patches) == [os.path.basename(first)]
    assert open(first, "rb").read() == kept
    refresh(source, {key: data for index, (key, data) in enumerate(sorted(bodies.items())) if index % 7 == 1},
            every=1)
    second = update()
    chain = folder_sync.patch_chain(library, export, folder_sync.link_of(second)[1])
    assert chain == [first, second]
    for patch in chain:
        mbtiles.apply_patch(patch, phone)
    assert tiles_of(phone) == tiles_of(export)


def test_patches_no_device_is_better_off_applying_are_removed(field, tmp_path, monkeypatch):
    """Updates that each change half the tiles: once the chain from a link on adds up to more bytes than the copy,
    that link and the older ones go (a fresh copy moves less), the newest never; the chain left still takes a
    device at its first link to the export's tiles."""
    monkeypatch.setattr(folder_sync, "PRUNE_MARGIN", 0)  # this copy is small: its patches alone show the rule
    library, source, bodies, _ = field
    export = os.path.join(library, "exports", "plan.mbtiles")
    os.makedirs(os.path.join(library, "exports", "patches"))
    exports.export(source, export, "mbtiles", 12, 13, area_ranges(AREA, 12, 13))
    states = {mbtiles.stored_hash(sqlite3.connect(export))[:8].lower(): str(tmp_path / "state0.mbtiles")}
    shutil.copy(export, states[next(iter(states))])
    removed_all, keys = [], sorted(bodies)

    def update(version):
        with mbtiles.MBTilesWriter(source) as writer:
            for index, key in enumerate(keys):
                if index % 2 == version % 2:
                    writer.write_tile(*key, body(*key, version=version))
        made = folder_sync.making_name(library, export)
        patching.make_patch(source, export, made)
        kept = folder_sync.keep_patch(made, library, export)
        chain_before = folder_sync.patch_chain(library, export, folder_sync.link_of(kept)[1])
        kept_copy = str(tmp_path / "before.mbtiles")  # the copy's size when the chain was pruned
        shutil.copy(export, kept_copy)
        removed = folder_sync.prune_patches(library, export, kept)
        mbtiles.apply_patch(kept, export)
        states[folder_sync.link_of(kept)[1]] = str(tmp_path / "state{}.mbtiles".format(version))
        shutil.copy(export, states[folder_sync.link_of(kept)[1]])
        chain = folder_sync.patch_chain(library, export, folder_sync.link_of(kept)[1])
        assert os.path.exists(kept) and chain[-1] == kept
        assert chain == chain_before[len(removed):] and removed == chain_before[:len(removed)]  # the oldest go
        assert len(chain) == 1 or sum(os.path.getsize(p) for p in chain) <= os.path.getsize(kept_copy)
        removed_all.extend(removed)
        return chain

    for version in range(1, 6):
        chain = update(version)
    assert removed_all and len(chain) >= 1
    phone = str(tmp_path / "phone.mbtiles")  # a device at the oldest link kept: the chain takes it to now
    shutil.copy(states[folder_sync.link_of(chain[0])[0]], phone)
    for patch in chain:
        mbtiles.apply_patch(patch, phone)
    assert tiles_of(phone) == tiles_of(export)



def empty_files(*paths, size=1000):
    for path in paths:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(b"\0" * size)


def test_the_patch_just_kept_survives_a_library_back_at_an_earlier_state(tmp_path, monkeypatch):
    """H0 -> H1 -> H2, then the library back at H1 (a change undone): the Update keeps H2 -> H1. It stays, and so
    does every link that reaches H1 within the copy's size (found by a second reader: one link per hash was
    followed, and the patch just kept, needed by a phone at H2 and applied next, was removed)."""
    monkeypatch.setattr(folder_sync, "PRUNE_MARGIN", 0)
    library = str(tmp_path / "library")
    base = os.path.join(library, "exports", "plan.mbtiles")
    h0, h1, h2, h3 = "00000000", "11111111", "22222222", "33333333"
    links = {(b, a): folder_sync.chain_name(library, base, b, a) for b, a in ((h0, h1), (h1, h2), (h2, h1), (h3, h0))}
    empty_files(*links.values())
    empty_files(base, size=1500)
    removed = folder_sync.prune_patches(library, base, links[(h2, h1)])
    # H3 -> H0 -> H1 is 2,000 bytes, more than the copy; H1 -> H2 leads from H1 back to H1: no device needs it
    assert sorted(removed) == sorted([links[(h3, h0)], links[(h1, h2)]])
    assert os.path.exists(links[(h2, h1)]) and os.path.exists(links[(h0, h1)])


def test_pruning_a_copy_leaves_the_patches_of_another_copy_of_the_same_name_alone(tmp_path):
    """Two offline folders of one name (two phones' copies of one project) share their patches' names: pruning
    phone A's weighs only the links that lead to A's hash; B's are left (second reader)."""
    library = str(tmp_path / "library")
    phone_a, phone_b = str(tmp_path / "phoneA" / "projet"), str(tmp_path / "phoneB" / "projet")
    base_a = os.path.join(phone_a, "basemaps", "plan.mbtiles")
    base_b = os.path.join(phone_b, "basemaps", "plan.mbtiles")
    kept_a = folder_sync.chain_name(library, base_a, "a0" * 4, "a1" * 4, phone_a)
    kept_b = folder_sync.chain_name(library, base_b, "b0" * 4, "b1" * 4, phone_b)
    empty_files(base_a, base_b, kept_a, kept_b)
    assert folder_sync.prune_patches(library, base_a, kept_a, phone_a) == [] and os.path.exists(kept_b)


def test_pruning_when_the_copy_is_gone_removes_nothing(tmp_path):
    """The device unplugged between make_patch and the prune: its size is unknown, not 0 (second reader)."""
    library = str(tmp_path / "library")
    base = str(tmp_path / "device" / "plan.mbtiles")  # not there (any more)
    hashes = ["{:08x}".format(n) for n in range(4)]
    chain = [folder_sync.chain_name(library, base, b, a) for b, a in zip(hashes, hashes[1:])]
    empty_files(*chain, size=700 << 10)
    assert folder_sync.prune_patches(library, base, chain[-1]) == [] and all(map(os.path.exists, chain))

