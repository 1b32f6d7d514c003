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
    patch = str(library / "exports" / "patches" / "plan.patch.mbtiles")
    assert os.path.isfile(patch) and digest(export) == export_before
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
    assert sorted(os.listdir(library / "exports" / "patches")) == ["plan.patch.mbtiles"]


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
