"""Damaged and foreign inputs (issue 19, item 9 and 11): one line naming the file, nothing half-written left.

Every damaged file here is made from a real MBTiles (or cache) in tmp_path: cut short, pages overwritten with
garbage, a text file or an empty file under the name .mbtiles, a FIFO and links in the cache.
"""

import os
import shutil
import sqlite3
import threading

import pytest

from core import mbtiles
from core.cache import qtcache
from core.cache import recovery as cache_recovery
from core.cache import scan as cache_scan
from core.errors import InputError, MBTilesError
from core.field import exports
from core.library import inventory, merge, plans
from core.tiles import areas, coverage
from tests.support.damaged_files import PAGE, damaged_copies, foreign_file, garble, library_file
from tests.support.images import png_tile
from tests.support.qt_cache_writer import write_entry


@pytest.fixture()
def good(tmp_path):
    path = tmp_path / "good.mbtiles"
    library_file(path, zoom_max=14, noise=3000)
    return path


def one_line(exc, path):
    message = str(exc)
    assert "\n" not in message and str(path) in message and "Traceback" not in message, message
    return message


def test_each_kind_of_damage_is_said_in_one_line_naming_the_file(good, tmp_path):
    mbtiles.check_readable(str(good), thorough=True)
    expected = {"cut": "damaged", "garbled": "damaged", "header": "damaged", "text": "not an SQLite database",
                "empty": "empty"}
    for kind, path in damaged_copies(good, tmp_path).items():
        with pytest.raises(MBTilesError) as caught:
            mbtiles.check_readable(str(path), thorough=True)
        assert expected[kind] in one_line(caught.value, path), kind


def test_export_refuses_a_damaged_source_by_name_and_writes_nothing(good, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for kind, path in damaged_copies(good, tmp_path).items():
        with pytest.raises(MBTilesError) as caught:
            exports.export(str(path), str(out / "x.mbtiles"), "mbtiles")
        one_line(caught.value, path)
    assert os.listdir(out) == []


def test_a_pmtiles_export_reading_a_damaged_source_says_so_and_keeps_nothing(good, tmp_path):
    """The web export's PMTiles skips the separate check of every page (issue 29's bench): the damage is met while
    the tiles are read, said by name in one line, and the archive begun is removed."""
    out = tmp_path / "out"
    out.mkdir()
    for kind, path in damaged_copies(good, tmp_path).items():
        with pytest.raises(MBTilesError) as caught:
            exports.export(str(path), str(out / "x.pmtiles"), "pmtiles")
        one_line(caught.value, path)
    assert os.listdir(out) == []


def test_an_export_that_meets_damage_midway_leaves_no_part(good, tmp_path):
    """The source is damaged while the export reads it (a disk failing, a copy overwritten): the parts
    already written are removed and the error names the source."""
    source = tmp_path / "source.mbtiles"
    count = len(library_file(source, zoom_max=17, noise=1000))
    assert count > 1000  # progress is said every 500 tiles
    out = tmp_path / "out"
    out.mkdir()
    size = os.path.getsize(source)

    def damage(fraction):
        garble(source, size // PAGE // 3, size // PAGE - size // PAGE // 3)

    with pytest.raises(MBTilesError) as caught:
        exports.export(str(source), str(out / "x.sqlitedb"), "osmand", max_file_mb=0.5, progress=damage)
    one_line(caught.value, source)
    assert os.listdir(out) == []


def test_a_foreign_mbtiles_is_exported_byte_for_byte_with_its_true_zooms(tmp_path):
    source = tmp_path / "other.mbtiles"
    bodies = foreign_file(source)
    (part,) = exports.export(str(source), str(tmp_path / "copy.mbtiles"), "mbtiles")
    assert (part.zoom_min, part.zoom_max) == (8, 10)
    with mbtiles.MBTilesReader(part.path) as reader:
        metadata = reader.metadata()
        copied = {(z, x, y): data for z, x, y, data in reader.iter_tiles()}
    assert copied == bodies  # the PNG bytes, not re-encoded
    assert (metadata["format"], metadata["minzoom"], metadata["maxzoom"]) == ("png", "8", "10")
    assert mbtiles.looks_like_mbtiles(str(source)) and not mbtiles.looks_like_mbtiles(str(tmp_path / "none.tif"))


def test_a_foreign_file_without_format_metadata_is_read_from_its_tiles(tmp_path):
    source = tmp_path / "other.db"
    foreign_file(source)
    with sqlite3.connect(str(source)) as db:
        db.execute("DELETE FROM metadata WHERE name = 'format'")
    assert mbtiles.looks_like_mbtiles(str(source))  # tiles and metadata tables: not a GeoPackage
    (part,) = exports.export(str(source), str(tmp_path / "copy.gpkg"), "gpkg")
    assert part.tiles == 3


def test_merge_refuses_a_damaged_input_before_writing(good, tmp_path):
    out = tmp_path / "merged.mbtiles"
    for kind, path in damaged_copies(good, tmp_path).items():
        with pytest.raises(MBTilesError) as caught:
            merge.merge([str(good), str(path)], str(out))
        one_line(caught.value, path)
        assert not out.exists(), kind


def test_a_merge_failing_midway_removes_the_output_it_created_and_spares_an_existing_one(good, tmp_path):
    second = tmp_path / "second.mbtiles"
    size = os.path.getsize(good)

    def damage_second(fraction):  # after the first input: the second one is damaged under the merge
        if fraction < 1:
            garble(second, 1, size // PAGE - 2)

    shutil.copy(good, second)
    created = tmp_path / "new.mbtiles"
    with pytest.raises(MBTilesError) as caught:
        merge.merge([str(good), str(second)], str(created), progress=damage_second)
    assert "removed" in one_line(caught.value, second)
    assert not [name for name in os.listdir(tmp_path) if name.startswith("new.mbtiles")]

    shutil.copy(good, second)
    existing = tmp_path / "existing.mbtiles"
    kept = library_file(existing, zoom_max=10)
    with pytest.raises(MBTilesError) as caught:
        merge.merge([str(good), str(second)], str(existing), progress=damage_second)
    assert "keeps" in one_line(caught.value, second)
    with mbtiles.MBTilesReader(str(existing)) as reader:
        held = {(z, x, y) for z, x, y, _ in reader.iter_tiles()}
    assert set(kept) <= held


def test_a_damaged_library_file_is_not_used_by_make_project_offline(good, tmp_path):
    """copy_area (the library's tiles copied into an offline project) passes a damaged file by: fetched instead."""
    with mbtiles.MBTilesReader(str(good)) as reader:
        metadata = reader.metadata()
    ranges = [r for z in range(8, 15) for r in coverage.area_ranges(areas.PRESETS["carcassonne"], z)]
    out = tmp_path / "project.mbtiles"
    for kind, path in damaged_copies(good, tmp_path).items():
        assert merge.copy_area(str(path), str(out), ranges, merge.identity(metadata), metadata) == 0, kind
        assert not out.exists()
    assert merge.copy_area(str(good), str(out), ranges, merge.identity(metadata), metadata) > 0


def test_inventory_reports_the_good_files_and_lists_the_bad_ones(good, tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    damaged = damaged_copies(good, library)
    shutil.copy(good, library / "plan.mbtiles")
    foreign_file(library / "other.mbtiles")
    rows, unreadable = inventory.inventory_folder(str(library))
    assert {row.file for row in rows} == {"plan.mbtiles", "other.mbtiles"}
    assert sorted(unreadable) == sorted(str(path) for path in damaged.values())
    for path, reason in unreadable.items():
        one_line(reason, path)
    assert sum(row.tiles for row in rows if row.file == "other.mbtiles") == 3
    page = inventory.html_report(str(library), rows, unreadable)
    assert "Files that cannot be read" in page
    for path in damaged.values():
        assert "<li class='low'>{}: ".format(path.name) in page


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_inventory_never_opens_a_fifo_or_a_folder_named_mbtiles(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    library_file(library / "plan.mbtiles", zoom_max=9)
    os.mkfifo(str(library / "fifo.mbtiles"))
    (library / "folder.mbtiles").mkdir()
    rows, unreadable = bounded(lambda: inventory.inventory_folder(str(library)))
    assert {row.file for row in rows} == {"plan.mbtiles"}
    assert "not a regular file" in unreadable[str(library / "fifo.mbtiles")]
    assert "is a folder" in unreadable[str(library / "folder.mbtiles")]


def test_a_plan_nested_too_deep_or_too_large_is_refused_in_one_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="more than 64 deep"):
        plans.load_plan(str(deep))
    objects = '{"entries": ' * 5000 + "1" + "}" * 5000
    with pytest.raises(InputError, match="more than 64 deep"):
        plans.parse_plan(objects)
    large = tmp_path / "large.json"
    large.write_text('{"entries": [], "pad": "' + "x" * plans.MAX_PLAN_BYTES + '"}')
    with pytest.raises(InputError, match="larger than 16 MB"):
        plans.load_plan(str(large))
    # brackets inside strings do not count; a real GeoJSON area nests well within the bound
    plan = plans.parse_plan('{"source": "https://x/wmts", "entries": [{"layer": "A[[[[{{{{", "zoom_min": 8, '
                            '"zoom_max": 9, "area": {"type": "MultiPolygon", "coordinates": [[[[2.3, 43.18], '
                            '[2.4, 43.18], [2.4, 43.25], [2.3, 43.18]]]]}}]}')
    assert plan.entries[0].layer == "A[[[[{{{{"


def wmts_url(z, x, y):
    return ("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=PLAN&STYLE=normal"
            "&FORMAT=image/png&TILEMATRIXSET=PM_0_19&TILEMATRIX={}&TILEROW={}&TILECOL={}").format(z, y, x)


def bounded(function, seconds=30):
    """`function()` in a thread; fails (rather than hanging the suite) if it has not returned in `seconds`."""
    result = {}

    def run():
        try:
            result["value"] = function()
        except Exception as exc:  # raised again in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked for {} s".format(seconds)
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_recovery_skips_fifos_and_links_and_never_leaves_the_cache(tmp_path):
    cache = tmp_path / "cache"
    body = png_tile((10, 20, 30))
    write_entry(str(cache), wmts_url(12, 2073, 1500), body)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = write_entry(str(outside), wmts_url(12, 2074, 1500), png_tile((1, 1, 1)))  # a valid entry, elsewhere
    bucket = cache / "data8" / "7"
    bucket.mkdir(parents=True, exist_ok=True)
    os.mkfifo(str(bucket / "blocking.d"))
    os.symlink(secret, str(bucket / "link_out.d"))
    os.symlink(os.path.dirname(secret), str(bucket / "folder_out"))
    out = tmp_path / "out"
    out.mkdir()
    scan, stats = bounded(lambda: cache_recovery.scan_and_recover(str(cache), str(out)))
    assert stats.tiles == 1 and scan.skipped[qtcache.NOT_REGULAR] == 3  # the FIFO, the file link, the folder link
    with mbtiles.MBTilesReader(str(out / "PLAN.mbtiles")) as reader:
        assert {(z, x, y) for z, x, y, _ in reader.iter_tiles()} == {(12, 2073, 1500)}
    scan = bounded(lambda: cache_scan.scan_cache(str(cache)))
    assert scan.skipped[qtcache.NOT_REGULAR] == 3 and len(next(iter(scan.sets.values())).tiles) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_cache_file_swapped_for_a_fifo_or_a_link_after_the_scan_is_not_opened(tmp_path):
    entry = write_entry(str(tmp_path / "cache"), wmts_url(12, 2073, 1500), png_tile((10, 20, 30)))
    os.remove(entry)
    os.mkfifo(entry)
    with pytest.raises(qtcache.CacheFormatError, match="not a regular file"):
        bounded(lambda: qtcache.read_entry(entry))
    os.remove(entry)
    os.symlink(write_entry(str(tmp_path / "elsewhere"), wmts_url(12, 1, 1), png_tile((1, 1, 1))), entry)
    with pytest.raises(qtcache.CacheFormatError, match="not a regular file"):
        qtcache.read_entry(entry)

