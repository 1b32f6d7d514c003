"""The Field page's device copies (issue 32): the library's exports and the offline folders remembered, each with
its age and the size of its patch measured in the background; Update applies the patch in place, or writes it into
the library's exports/patches folder when the copy cannot be written."""

import hashlib
import os

from qgis.PyQt.QtWidgets import QApplication

from core import mbtiles
from core.field import exports
from core.tiles import coverage
from core.tiles import grid as tiles
from core.tiles.areas import Area
from tests.qgis.test_field_page import CARCASSONNE, library_with_two_layers
from tests.support.images import png_tile
from tests.support.qt_wait import wait_for

PLAN = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def ranges(low, high):
    area = Area("area", "area", 2.33, 43.19, 2.37, 43.23)
    return [r for z in range(low, high + 1) for r in coverage.area_ranges(area, z)]


def tiles_of(path):
    with mbtiles.MBTilesReader(path) as reader:
        return [(z, x, y, bytes(d)) for z, x, y, d in reader.connection().execute(
            "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles ORDER BY 1, 2, 3")]


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def measured(page, count):
    assert wait_for(lambda: page.copies_task is None and page.copiesList.count() == count), page.copyLabel.text()
    return {os.path.basename(os.path.normpath(c.path)): page.copiesList.item(i).text()
            for i, c in enumerate(page.copies)}


def choose(page, name):
    row = next(i for i, c in enumerate(page.copies) if os.path.basename(os.path.normpath(c.path)) == name)
    page.copiesList.setCurrentRow(row)
    return page.copies[row]


def test_device_copies_listed_with_their_patch_and_updated(dock, provider, tmp_path):
    from ign_offline.ui import settings

    library = tmp_path / "library"
    library_with_two_layers(library)
    source = str(library / (PLAN + ".mbtiles"))
    export = str(library / "exports" / "qfield" / "plan.mbtiles")
    os.makedirs(os.path.dirname(export))
    exports.export(source, export, "mbtiles", 10, 12, ranges(10, 12))
    offline = tmp_path / "chantier"
    (offline / "basemaps").mkdir(parents=True)
    exports.export(source, str(offline / "basemaps" / "plan.mbtiles"), "mbtiles", 11, 13, ranges(11, 13))
    settings.remember_field_folder(str(offline))
    page = dock.field_page
    dock.libraryDir.setFilePath(str(library))
    texts = measured(page, 2)
    assert texts == {"plan.mbtiles": "plan.mbtiles — written today, up to date",
                     "chantier": "chantier{} — written today, up to date".format(os.sep)}, texts

    keys = [(t.z, t.x, t.y) for t in tiles.iter_tiles(CARCASSONNE, 10, 13)]
    with mbtiles.MBTilesWriter(source) as writer:  # the refresh: one tile in two changed
        for z, x, y in keys[::2]:
            writer.record(z, x, y, "done", png_tile((x % 200, y % 200, 99)))
    library_before = digest(source)
    page.measureButton.click()
    texts = measured(page, 2)
    states = {os.path.basename(os.path.normpath(c.path)): c for c in page.copies}
    for name, copy in states.items():
        assert copy.tiles and "patch {} ({:,} tile".format(mbtiles_size(copy.patch_bytes), copy.tiles) in \
            texts[name], texts

    # The offline folder, reachable: synced in place by the page's runner.
    choose(page, "chantier")
    page.updateButton.click()
    assert page.runner.busy or page.copies_task is not None
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    fresh = str(tmp_path / "fresh.mbtiles")
    exports.export(source, fresh, "mbtiles", 11, 13, ranges(11, 13))
    assert tiles_of(str(offline / "basemaps" / "plan.mbtiles")) == tiles_of(fresh)
    assert "moved by patches, where a full copy would move" in page.logView.toPlainText()
    texts = measured(page, 2)
    assert texts["chantier"].endswith("up to date") and "patch" in texts["plan.mbtiles"]

    # The export, as a copy that cannot be written (a read-only card: root writes anywhere here, so the page is
    # told so): its patch is written into exports/patches, the copy untouched.
    copy = choose(page, "plan.mbtiles")
    copy.reachable = False
    export_before = digest(export)
    page.updateButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    (patch,) = [str(library / "exports" / "patches" / name) for name in os.listdir(library / "exports" / "patches")]
    assert digest(export) == export_before
    assert "cannot be written here: 1 patch written into" in page.logView.toPlainText(), page.logView.toPlainText()
    # Carried and applied elsewhere (a phone's copy of the export), it gives a fresh export's tiles.
    phone = str(tmp_path / "phone.mbtiles")
    with open(export, "rb") as original, open(phone, "wb") as copied:
        copied.write(original.read())
    mbtiles.apply_patch(patch, phone)
    exports.export(source, str(tmp_path / "fresh-export.mbtiles"), "mbtiles", 10, 12, ranges(10, 12))
    assert tiles_of(phone) == tiles_of(str(tmp_path / "fresh-export.mbtiles"))

    # Reachable: updated in place, its patch kept for the phone's copy; the list says it is up to date.
    measured(page, 2)
    choose(page, "plan.mbtiles")
    page.updateButton.click()
    assert wait_for(lambda: not page.runner.busy, timeout=60)
    assert tiles_of(export) == tiles_of(str(tmp_path / "fresh-export.mbtiles"))
    assert "updated in place" in page.logView.toPlainText()
    texts = measured(page, 2)
    assert all(text.endswith("up to date") for text in texts.values()), texts
    assert digest(source) == library_before  # the library's file only read
    # the same change (H0 to H1) as the patch carried: kept under the same name, never a second link
    assert os.listdir(library / "exports" / "patches") == [os.path.basename(patch)]


def metadata_of(path):
    with mbtiles.MBTilesReader(path) as reader:
        return dict(reader.connection().execute("SELECT name, value FROM metadata"))


def refreshed(source, keys, colour):
    with mbtiles.MBTilesWriter(source) as writer:
        for z, x, y in keys:
            writer.record(z, x, y, "done", png_tile((x % 200, y % 200, colour)))


def update(page):
    choose(page, "plan.mbtiles")
    page.updateButton.click()
    assert wait_for(lambda: not page.runner.busy and page.copies_task is None, timeout=60)
    return page.logView.toPlainText()


def an_export_on_the_field_page(dock, tmp_path):
    """(library file, its export under <library>/exports/, the patches folder, the Field page listing the export,
    the library's tile keys)."""
    library = tmp_path / "library"
    library_with_two_layers(library)
    source = str(library / (PLAN + ".mbtiles"))
    export = str(library / "exports" / "plan.mbtiles")
    os.makedirs(os.path.dirname(export))
    exports.export(source, export, "mbtiles", 10, 12, ranges(10, 12))
    page = dock.field_page
    dock.libraryDir.setFilePath(str(library))
    measured(page, 1)
    return source, export, library / "exports" / "patches", page, [
        (t.z, t.x, t.y) for t in tiles.iter_tiles(CARCASSONNE, 10, 12)]


def refreshed_then_updated(page, source, keys, colour):
    refreshed(source, keys, colour)
    page.measureButton.click()
    measured(page, 1)
    return update(page)


def test_updates_of_an_export_keep_a_chain_of_patches_for_the_phone(dock, provider, tmp_path):
    """Update twice, refresh, Update: the second Update writes nothing (the first patch kept), the third a second
    link; the phone's copy, left at the first export, applies both in order and holds the export's tiles."""
    source, export, patches, page, keys = an_export_on_the_field_page(dock, tmp_path)
    phone = str(tmp_path / "phone" / "plan.mbtiles")
    os.makedirs(os.path.dirname(phone))
    with open(export, "rb") as original, open(phone, "wb") as copied:
        copied.write(original.read())

    said = refreshed_then_updated(page, source, keys[::2], 99)
    (first,) = os.listdir(patches)
    assert first.startswith("plan.") and first.endswith(".patch.mbtiles") and first in said, said
    assert "apply in order" in said, said
    kept = digest(str(patches / first))

    said = update(page)  # clicked again: the export is current, nothing written, the phone's patch kept
    assert "already current: no patch written" in said, said
    assert os.listdir(patches) == [first] and digest(str(patches / first)) == kept

    said = refreshed_then_updated(page, source, keys[1::3], 42)
    (second,) = set(os.listdir(patches)) - {first}
    assert "{}, then {}".format(first, second) in said, said
    assert digest(str(patches / first)) == kept

    for name in (first, second):  # the phone, still at the first export, applies the chain in order
        mbtiles.apply_patch(str(patches / name), phone)
    assert tiles_of(phone) == tiles_of(export) and metadata_of(phone) == metadata_of(export)
    fresh = str(tmp_path / "fresh.mbtiles")
    exports.export(source, fresh, "mbtiles", 10, 12, ranges(10, 12))
    assert tiles_of(phone) == tiles_of(fresh)


def test_an_update_removes_the_patches_no_device_is_better_off_applying(dock, provider, tmp_path, monkeypatch):
    """Without the margin kept for small copies, two patches of half the tiles outweigh this copy: the Update
    keeps the newest, removes the older one and says so in the page's log."""
    from ign_offline.core.field import folder_sync

    monkeypatch.setattr(folder_sync, "PRUNE_MARGIN", 0)
    source, export, patches, page, keys = an_export_on_the_field_page(dock, tmp_path)
    refreshed_then_updated(page, source, keys[::2], 99)
    (first,) = os.listdir(patches)
    said = refreshed_then_updated(page, source, keys[1::2], 42)
    assert "1 older patch of plan.mbtiles removed" in said, said
    (second,) = os.listdir(patches)
    assert second != first and second in said


def test_the_whole_copy_is_checked_only_when_asked(dock, provider, tmp_path):
    """Update applies as martin does (the patched tiles read back); with *Check the whole copy after an update*
    ticked, the whole copy is hashed and the log does not say that its rest was left unread."""
    source, export, patches, page, keys = an_export_on_the_field_page(dock, tmp_path)
    assert not page.verifyCheck.isChecked()  # off by default
    said = refreshed_then_updated(page, source, keys[::2], 99)
    assert "the rest of the copy was not read" in said, said
    page.verifyCheck.setChecked(True)
    said = refreshed_then_updated(page, source, keys[1::2], 42)
    assert "updated in place" in said and "the rest of the copy was not read" not in said, said
    page.verifyCheck.setChecked(False)


def mbtiles_size(size):
    from ign_offline.core.messages import Size
    from ign_offline.i18n import say

    return say(Size(size))


def test_the_copies_fit_the_narrow_dock(dock, tmp_path):
    page = dock.field_page
    dock.resize(400, 900)
    dock.pages.setCurrentWidget(page)
    QApplication.processEvents()
    for button in (page.updateButton, page.addFolderButton, page.measureButton):
        assert button.width() >= button.minimumSizeHint().width()
    chosen = []
    page.choose_folder = lambda: chosen.append(True) or str(tmp_path)
    page.addFolderButton.click()
    measured(page, 1)
    assert chosen and page.copies[0].path == str(tmp_path) and "no MBTiles" in page.copiesList.item(0).text()
