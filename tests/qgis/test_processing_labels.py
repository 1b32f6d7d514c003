"""Issue 30, point 4: Processing's own dialog (the toolbox) shows every parameter label whole, in English and in
French. QGIS 3.22's labels do not wrap: a long one stretches the parameter panel, and the rest of it is only reached
by scrolling sideways. Each algorithm is opened in processing's AlgorithmDialog at its default size, and every
label (a check box's text for a boolean) must fit the panel's visible width; the detail a short label leaves out is
in the parameter's help, which the dialog shows as the label's tooltip."""

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QPoint, QTranslator
from qgis.PyQt.QtWidgets import QApplication, QScrollArea

# QGIS's own French catalogue: the French desktop writes " [optionnel]" after an optional parameter's label.
QGIS_FRENCH = "/usr/share/qgis/i18n/qgis_fr.qm"

# What the long labels said and the short ones leave to the help (in English): the tooltip of the parameter's label
# must still show it. In French, each of these parameters shows its own help, translated.
DETAILS = {
    "AREA": ["toulouse, pyrenees, montpellier, carcassonne"],
    "AREA_LAYER": ["Any CRS", "only the tiles meeting its polygons"],
    "SOURCE": ["WMTS endpoint", "vector tile service (https://data.geopf.fr/tms/1.0.0)", "{z}/{x}/{y}",
               ".pbf for vector tiles"],
    "LAYER": ["From the capabilities", "PLAN.IGN, PCI, BDTOPO, ISOHYPSE", "optional for an XYZ template"],
    "STYLE": ["the layer's own"],
    "FORMAT": ["the layer's own"],
    "AUTHCFG": ["QGIS authentication database"],
    "API_KEY": ["Never written anywhere"],
    "MAX_RATE": ["per second to the server", "0 = no cap"],
    "REFRESH_DAYS": ["older than this many days", "empty = never"],
    "ALLOW_LARGE": ["Over "],
    "USER": ["Empty: anonymous"],
}
# Per algorithm, where the same name means another thing.
ALGORITHM_DETAILS = {
    ("download_dataset", "LIBRARY"): ["datasets/ folder"],
    ("download_dataset", "KEEP_ARCHIVES"): ["after extraction"],
    ("download_dataset", "CLIP"): ["whole départements"],
    ("download_dataset", "CONTOUR_INTERVAL"): ["in metres", "0 = no contours"],
    ("download_ftp", "AUTHCFG"): ["QGIS authentication database (Basic method)"],
    ("list_ftp_products", "AUTHCFG"): ["QGIS authentication database (Basic method)"],
    ("download_ftp", "PRODUCT"): ["list_ftp_products"],
    ("download_ftp", "OUTPUT_FOLDER"): ["One sub-folder per product"],
    ("download_tiles", "OUTPUT"): ["{LAYER} stands for the layer", "resumed or extended"],
    ("estimate_tiles", "OUTPUT"): ["free disk space"],
    ("export_tiles", "INPUT"): ["VRT, GeoTIFF, JPEG 2000", "re-encode"],
    ("export_tiles", "TARGET"): ["qfield: QField", "osmand: OsmAnd", "locus: Locus Map", "alpinequest: AlpineQuest",
                                 "avenza: Avenza Maps (GeoTIFF)", "web: Web page (PMTiles, MapLibre)"],
    ("export_tiles", "FORMAT"): ["mbtiles: QField", "osmand: OsmAnd and Locus", "gpkg: GeoPackage", "cog: ",
                                 "pmtiles: ", "geotiff: "],
    ("export_tiles", "OUTPUT"): ["Empty:", "the layer, the area and the zooms", "exports/"],
    ("export_tiles", "LIBRARY"): ["exports/ folder when OUTPUT is empty"],
    ("export_tiles", "MAX_FILE_MB"): ["Split into files", "2000 for apps, 4000 for FAT32", "target's cap, 0: none"],
    ("inventory", "FOLDER"): [".mbtiles files"],
    ("inventory", "PLAN"): ["how complete each entry is"],
    ("inventory", "OUTPUT"): ["One feature per file and zoom"],
    ("list_datasets", "LIBRARY"): ["what is new, updated or up to date"],
    ("list_datasets", "OUTPUT"): ["editions"],
    ("load_mbtiles", "STYLE"): ["saved beside it", "'standard' for Plan IGN"],
    ("make_project_offline", "PROJECT"): ["the current project, saved"],
    ("make_project_offline", "OUTPUT_FOLDER"): ["basemaps/ and data/"],
    ("make_project_offline", "LIBRARY"): ["take tiles from first"],
    ("make_project_offline", "KEEP_ONLINE"): ["cannot be taken offline (WMS, databases…)"],
    ("merge_mbtiles", "INPUTS"): ["the shards' files"],
    ("merge_mbtiles", "OUTPUT"): ["New, or one of the same layer to add to"],
    ("recover_cache", "CACHE_DIR"): ["holding data8/", "this QGIS's"],
    ("recover_cache", "OUTPUT_FOLDER"): ["One per tile set"],
    ("recover_cache", "LAYER"): ["identifier contains"],
    ("recover_cache", "ASSUME_XYZ"): ["does not describe as XYZ rows (top origin)", "not a TMS"],
    ("relief", "INPUT"): ["raster layer or file"],
    ("relief", "CONTOUR_INTERVAL"): ["in metres", "0 = no contours"],
    ("relief", "LOAD"): ["Above the basemaps"],
    ("relief", "ALLOW_LARGE"): ["2 billion pixels of the DEM"],
    ("run_plan", "PLAN"): ["layer, area, zoom_min, zoom_max"],
    ("run_plan", "LIBRARY"): ["One .mbtiles file per layer"],
    ("run_plan", "REFRESH_DAYS"): ["older than this many days", "empty = never; 0 = all"],
    ("run_plan", "SHARD"): ["i/n (e.g. 2/3)", "empty = everything"],
    ("run_plan", "ESTIMATE_ONLY"): ["Tiles, size and time per layer and zoom"],
    ("save_vector_styles", "STYLES"): ["Separated by commas", "every style IGN publishes"],
    ("save_vector_styles", "SOURCE"): ["the file's own, else the Géoplateforme"],
    ("save_vector_styles", "LAYER"): ["the file's own, e.g. PLAN.IGN"],
}
ALLOW_LARGE_JOBS = "10 million tiles, or more than the free disk space"


def details_of(algorithm, parameter):
    found = ALGORITHM_DETAILS.get((algorithm.name(), parameter.name()), DETAILS.get(parameter.name(), []))
    if parameter.name() == "ALLOW_LARGE" and algorithm.name() != "relief":
        found = found + [ALLOW_LARGE_JOBS]
    return found


class DialogIface:
    """What processing's ParametersPanel asks of `qgis.utils.iface` (pytest-qgis's stand-in has no browser
    model): the canvas, a browser model and no active layer."""

    def __init__(self, canvas):
        from qgis.gui import QgsBrowserGuiModel

        self.canvas = canvas
        self.model = QgsBrowserGuiModel()

    def mapCanvas(self):  # noqa: N802 (QGIS API name)
        return self.canvas

    def browserModel(self):  # noqa: N802 (QGIS API name)
        return self.model

    def activeLayer(self):  # noqa: N802 (QGIS API name)
        return None


@pytest.fixture()
def qgis_french(french):
    """The plugin's French and QGIS's own (its " [optionnel]"), as a French desktop shows the dialog."""
    translator = QTranslator()
    assert translator.load(QGIS_FRENCH), QGIS_FRENCH
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(params=["en", "fr"])
def language(request, monkeypatch, qgis_canvas, provider):
    monkeypatch.setattr("processing.gui.ParametersPanel.iface", DialogIface(qgis_canvas))
    if request.param == "fr":
        request.getfixturevalue("qgis_french")
    return request.param


def shown_labels(algorithm_id):
    """(parameter, label widget, room it has, width it needs) for each parameter of the algorithm's dialog at its
    default size, the advanced ones unfolded; and the panel's scroll area."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.gui import QgsCollapsibleGroupBoxBasic

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    dialog = AlgorithmDialog(algorithm, False, None)
    dialog.show()
    for group in dialog.mainWidget().findChildren(QgsCollapsibleGroupBoxBasic):
        group.setCollapsed(False)
    QApplication.processEvents()
    panel = dialog.mainWidget()
    scroll = panel.findChild(QScrollArea)
    content, viewport = scroll.widget(), scroll.viewport().width()
    left = content.layout().contentsMargins().left()
    found = []
    for name, wrapper in panel.wrappers.items():
        label = wrapper.wrappedLabel() or wrapper.wrappedWidget()  # a boolean's label is its check box
        x = label.mapTo(content, QPoint(0, 0)).x()
        found.append((algorithm.parameterDefinition(name), label, viewport - left - x, label.sizeHint().width()))
    return dialog, found, scroll


def test_every_label_fits_the_dialog(language, provider):
    cut = []
    for algorithm in provider.algorithms():
        dialog, labels, scroll = shown_labels(algorithm.id())
        try:
            for parameter, label, room, needed in labels:
                if needed > room:
                    cut.append("{}:{}: {!r} needs {} px, has {}".format(
                        algorithm.name(), parameter.name(), label.text(), needed, room))
            # Nothing reached only by scrolling sideways. Not in French: QGIS's own check box under a layer
            # output, "Ouvrir le fichier en sortie après l'exécution de l'algorithme", is wider than the panel.
            if language == "en" and scroll.horizontalScrollBar().maximum() > 0:
                cut.append("{}: the panel scrolls sideways".format(algorithm.name()))
        finally:
            dialog.close()
            dialog.deleteLater()
    assert not cut, "{} labels cut ({}):\n".format(len(cut), language) + "\n".join(cut)


def test_a_short_label_keeps_its_detail_in_its_tooltip(language, provider):
    missing, checked = [], 0
    for algorithm in provider.algorithms():
        dialog, labels, _ = shown_labels(algorithm.id())
        try:
            for parameter, label, _, _ in labels:
                details = details_of(algorithm, parameter)
                if not details:
                    continue
                checked += 1
                tip = label.toolTip()
                if not parameter.help() or parameter.help() not in tip:
                    missing.append("{}:{}: its help is not in the tooltip {!r}".format(
                        algorithm.name(), parameter.name(), tip))
                if language == "en":
                    missing += ["{}:{}: {!r} not in the tooltip {!r}".format(
                        algorithm.name(), parameter.name(), detail, tip) for detail in details if detail not in tip]
        finally:
            dialog.close()
            dialog.deleteLater()
    assert checked >= 70
    assert not missing, "\n".join(missing)
