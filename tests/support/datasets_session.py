"""Run inside the real QGIS desktop (`qgis --code`): the "IGN datasets" page, by clicks — the Toulouse preset,
the products ticked by default, List, Download — against the stand-in download service (started here, serving real
7z archives of tests/support/dataset_catalogue.py, which the Toulouse preset meets in D031 and D081), and writes
what the user saw to IGN_OFFLINE_SESSION=datasets:OUT.json (tests/qgis/test_desktop_datasets.py). Ends QGIS when
done (os._exit)."""

import json
import os
import sys
import traceback

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface

MODE, _, TARGET = os.environ.get("IGN_OFFLINE_SESSION", "datasets:/dev/stdout").partition(":")
ROOT = os.environ.get("IGN_OFFLINE_ROOT", "")


def table(page):
    return [[page.datasetsTable.item(row, column).text() for column in range(page.datasetsTable.columnCount())]
            for row in range(page.datasetsTable.rowCount())]


def layer_tree(node, depth=0):
    """["group: BD TOPO …", "  layer: Routes", …] as the Layers panel shows it."""
    from qgis.core import QgsLayerTreeGroup

    lines = []
    for child in node.children():
        if isinstance(child, QgsLayerTreeGroup):
            lines.append("  " * depth + "group: " + child.name())
            lines.extend(layer_tree(child, depth + 1))
        else:
            layer = child.layer()
            lines.append("  " * depth + "layer: {} ({})".format(child.name(), "valid" if layer is not None
                                                                  and layer.isValid() else "invalid"))
    return lines


def step(text):
    """What the session has reached, beside OUT.json: a session that hangs says where."""
    with open(TARGET + ".steps", "a", encoding="utf-8") as out:
        out.write(text + "\n")


def parcellaire_edition(work, zone):
    """Parcellaire Express of `zone`: one 7z of the sample shapefiles, laid out as IGN delivers them."""
    import shutil

    from tests.support import dataset_catalogue, dataset_samples
    from tests.support.download_service import StandInEdition, StandInFile
    from tests.support.sevenzip_archives import make_archive

    name = "PARCELLAIRE-EXPRESS_1-1__SHP_LAMB93_{}_2025-04-01".format(zone)
    source = os.path.join(work, "src-" + name)
    dataset_samples.parcellaire_shapefiles(os.path.join(
        source, "PARCELLAIRE-EXPRESS", "1_DONNEES_LIVRAISON_2025-04-00001", "PEPCI_1-1_SHP_LAMB93_" + zone))
    archive = make_archive(os.path.join(work, name + ".7z"), source)
    shutil.rmtree(source)
    box = dataset_catalogue.lonlat_box(570000.0, 6278000.0, 573000.0, 6280000.0)
    return StandInEdition(name, zone, dataset_catalogue.LABELS[zone], "SHP", "2025-04-01", box,
                          [StandInFile(os.path.basename(archive), path=archive)])


def catalogue(work):
    """The three products ticked by default, for D031 and D081 (RGE ALTI of D031 in two volumes; D011 too, which
    the Toulouse preset does not meet)."""
    from tests.support import dataset_catalogue

    found = dataset_catalogue.rgealti_catalogue(work)
    found["BDTOPO"] = [dataset_catalogue.bdtopo_edition(work, zone) for zone in ("D031", "D081")]
    found["PARCELLAIRE-EXPRESS"] = [parcellaire_edition(work, zone) for zone in ("D031", "D081")]
    return found


def datasets():
    sys.path.insert(0, ROOT)
    from qgis.core import QgsProject

    from tests.support.download_service import StandInDownloadService
    from tests.support.qt_wait import wait_for

    home = os.environ["HOME"]
    dock = iface.mainWindow().findChild(QDockWidget, "IgnOfflineDock")
    dock.show()
    library = os.path.join(home, "IGN Offline")
    served = catalogue(os.path.join(home, "catalogue"))
    step("catalogue made")
    page = dock.datasets_page
    with StandInDownloadService(served) as service:
        dock.libraryDir.setFilePath(library)
        dock.pages.setCurrentWidget(page)
        dock.area_picker.select_area("toulouse")
        page.serviceEdit.setText(service.root)
        seen = {"tab": dock.pages.tabText(dock.pages.indexOf(page)), "list_button": page.listButton.text(),
                "ticked": [page.check(choice).text() for choice in page.ticked()],
                "download_enabled_before": page.downloadButton.isEnabled()}
        page.listButton.click()
        wait_for(lambda: not page.runner.busy, timeout=120)
        step("listed: " + page.logView.toPlainText())
        seen.update(table=table(page), total=page.totalLabel.text(), list_log=page.logView.toPlainText(),
                    download_enabled=page.downloadButton.isEnabled())
        page.runner.opened = lambda folder: True  # no file manager under Xvfb
        page.downloadButton.click()
        wait_for(lambda: not page.runner.busy, timeout=400)
        step("downloaded: " + page.logView.toPlainText())
        seen.update(log=page.logView.toPlainText(), after=table(page),
                    downloads=[path for path, _ in service.downloads()])
    iface.mapCanvas().refreshAllLayers()
    wait_for(lambda: False, timeout=2)
    step("drawn")
    seen["layers"] = layer_tree(QgsProject.instance().layerTreeRoot())
    seen["files"] = sorted(os.path.relpath(os.path.join(folder, name), library)
                           for folder, _, names in os.walk(os.path.join(library, "datasets")) for name in names)
    with open(TARGET, "w", encoding="utf-8") as out:
        json.dump(seen, out, ensure_ascii=False, indent=1)


def run():
    try:
        {"datasets": datasets}[MODE]()
        code = 0
    except Exception:  # the test reads stderr: say what broke
        traceback.print_exc()
        code = 1
    sys.stderr.flush()
    os._exit(code)


QTimer.singleShot(1000, run)
