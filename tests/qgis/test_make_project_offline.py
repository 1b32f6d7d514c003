"""make_project_offline (issue 11): a project's WMTS basemaps become MBTiles in a folder that travels."""

import re
import shutil
import zipfile

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, QVariant

from core import mbtiles
from core.tiles import grid as tiles
from tests.qgis.conftest import make_process
from tests.support.files import tree_digest
from tests.support.wmts_server import StandInWmts

PLAN, ORTHO = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "ORTHOIMAGERY.ORTHOPHOTOS"
CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def wmts_layer(server, identifier, fmt, name):
    uri = ("crs=EPSG:3857&dpiMode=7&format={}&layers={}&styles=normal&tileMatrixSet=PM_0_{}"
           "&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(
        fmt, identifier, 19 if identifier == PLAN else 21, server.url)
    layer = QgsRasterLayer(uri, name, "wms")
    assert layer.isValid(), name
    return layer


def points_geopackage(path):
    memory = QgsVectorLayer("Point?crs=EPSG:4326", "points", "memory")
    memory.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    memory.updateFields()
    features = []
    for i, (lon, lat) in enumerate([(2.33, 43.21), (2.35, 43.22), (2.37, 43.20)]):
        feature = QgsFeature(memory.fields())
        feature.setAttributes(["cave {}".format(i)])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "points"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(memory, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.NoError
    return str(path)


def field_project(server, folder):
    """A project with two Géoplateforme basemaps in a group "Fonds IGN" and a GeoPackage of points."""
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    root = project.layerTreeRoot()
    points = QgsVectorLayer(points_geopackage(folder / "grottes.gpkg") + "|layername=points", "Grottes", "ogr")
    assert points.isValid()
    project.addMapLayer(points)
    group = root.addGroup("Fonds IGN")
    ortho = wmts_layer(server, ORTHO, "image/jpeg", "Photographies aériennes")
    plan = wmts_layer(server, PLAN, "image/png", "Plan IGN v2")
    for layer in (plan, ortho):
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    ortho.renderer().setOpacity(0.6)
    root.findLayer(ortho.id()).setItemVisibilityChecked(False)
    path = str(folder / "terrain.qgz")
    assert project.write(path)
    return path


def tree_of(project):
    out = []
    for node in project.layerTreeRoot().findLayers():
        parent = node.parent().name() if node.parent() is not project.layerTreeRoot() else ""
        out.append((parent, node.layer().name(), node.itemVisibilityChecked()))
    return out


def test_a_project_travels_offline(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    offline = tmp_path / "offline"
    with StandInWmts() as server:
        path = field_project(server, source)
        before = tree_digest(source)
        original = QgsProject()
        assert original.read(path)
        expected_tree = tree_of(original)
        completed = make_process("run", "ign_offline:make_project_offline", "--", "PROJECT=" + path,
                                 "AREA=carcassonne", "ZOOM_MIN=10", "ZOOM_MAX=13", "OUTPUT_FOLDER=" + str(offline),
                                 "MAX_RATE=0")
        assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
        served = {fmt: {t: server.tile_body(fmt, *t) for t in
                        [(z, t.x, t.y) for z in range(10, 14) for t in tiles.iter_tiles(CARCASSONNE, z, z)]}
                  for fmt in ("image/png", "image/jpeg")}
    assert tree_digest(source) == before  # the original project and its files are only read
    assert "Plan IGN v2:" in completed.stdout and "Grottes: copied" in completed.stdout
    moved = tmp_path / "elsewhere" / "terrain"
    shutil.move(str(offline), str(moved))  # server gone, folder moved
    project = QgsProject()
    assert project.read(str(moved / "terrain.qgz"))
    assert tree_of(project) == expected_tree
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert all(layer.isValid() for layer in layers.values())
    assert not any("http" in layer.source() for layer in layers.values())
    assert layers["Grottes"].featureCount() == 3
    assert layers["Photographies aériennes"].renderer().opacity() == pytest.approx(0.6)
    for name, fmt in (("Plan IGN v2", "image/png"), ("Photographies aériennes", "image/jpeg")):
        layer = layers[name]
        assert layer.providerType() == "gdal" and layer.source().startswith(str(moved / "basemaps"))
        with mbtiles.MBTilesReader(layer.source()) as reader:
            assert {(z, x, y): d for z, x, y, d in reader.iter_tiles()} == served[fmt]
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        settings.setOutputSize(QSize(256, 256))
        settings.setExtent(QgsRectangle(256035, 5339411, 267166, 5350102))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        painted = sum(1 for x in range(0, 256, 16) for y in range(0, 256, 16) if image.pixelColor(x, y).alpha() > 0)
        assert painted == 256, name


def test_bad_input_is_refused_and_nothing_is_written(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    with StandInWmts() as server:
        path = field_project(server, source)
    before = tree_digest(tmp_path)
    for args, fragment in (
            (["PROJECT=" + str(tmp_path / "missing.qgz"), "OUTPUT_FOLDER=" + str(tmp_path / "out")], "does not exist"),
            (["PROJECT=" + path, "OUTPUT_FOLDER=" + str(source)], "would overwrite the project")):
        completed = make_process("run", "ign_offline:make_project_offline", "--", "AREA=carcassonne", *args)
        said = completed.stdout + completed.stderr
        assert completed.returncode != 0 and fragment in said and "Traceback" not in said, said[-1500:]
    assert tree_digest(tmp_path) == before


def test_tiles_the_library_holds_are_not_fetched_again(tmp_path, provider):
    import processing

    source = tmp_path / "source"
    source.mkdir()
    library = tmp_path / "library"
    library.mkdir()
    with StandInWmts() as server:
        path = field_project(server, source)
        processing.run("ign_offline:download_tiles", {
            "SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 11,
            "OUTPUT": str(library / (PLAN + ".mbtiles")), "MAX_RATE": 0, "LOAD": False})
        in_library = {(e[2], e[3], e[4]) for e in server.log.entries if e[1] == PLAN}
        server.log.clear()
        processing.run("ign_offline:make_project_offline", {
            "PROJECT": path, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 13, "LIBRARY": str(library),
            "OUTPUT_FOLDER": str(tmp_path / "offline"), "MAX_RATE": 0})
        fetched = {(e[2], e[3], e[4]) for e in server.log.entries if e[1] == PLAN}
        expected = {(z, t.x, t.y) for z in range(10, 14) for t in tiles.iter_tiles(CARCASSONNE, z, z)}
        body = {t: server.tile_body("image/png", *t) for t in expected}
    assert in_library and not fetched & in_library and fetched | in_library == expected
    with mbtiles.MBTilesReader(str(tmp_path / "offline" / "basemaps" / "Plan_IGN_v2.mbtiles")) as reader:
        assert {(z, x, y): d for z, x, y, d in reader.iter_tiles()} == body


def painted_pixels(layer, size=128):
    """How many pixels QGIS paints for `layer` alone over Carcassonne (EPSG:3857)."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(size, size))
    settings.setExtent(QgsRectangle(256035, 5339411, 267166, 5350102))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    return sum(1 for x in range(size) for y in range(size) if image.pixelColor(x, y).alpha() > 0)


def polygon_layer(name, provider_uri="Polygon?crs=EPSG:4326", provider="memory"):
    layer = QgsVectorLayer(provider_uri, name, provider)
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(2.32, 43.19, 2.38, 43.24)))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


def test_a_project_with_the_plugins_layers_opens_offline_with_no_network(tmp_path, provider, project):
    """Issue 21: the overview basemap (XYZ of the stand-in), the area outline (the plugin's helper GeoPackage), a
    polygon file, a memory layer, a WMTS layer and a WMS layer; made offline, then opened with the server stopped."""
    import processing

    from ign_offline.toolbelt.helper_layers import store_helper_layer
    from ign_offline.ui.overview import overview_xyz

    source, library, offline = tmp_path / "source", tmp_path / "library", tmp_path / "offline"
    source.mkdir()
    with StandInWmts() as server:
        processing.run("ign_offline:download_tiles", {  # the library holds Plan IGN at zooms 10-11
            "SOURCE": server.url, "LAYER": PLAN, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 11,
            "OUTPUT": str(library / (PLAN + ".mbtiles")), "MAX_RATE": 0, "LOAD": False})
        server.log.clear()
        overview = QgsRasterLayer(overview_xyz(server.url), "Overview: Plan IGN v2", "wms")
        outline = store_helper_layer(project, polygon_layer("Area: Carcassonne"), str(library), "outline_carcassonne",
                                     "outline")
        mine = polygon_layer("Sketch")  # the user's own memory layer
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        assert QgsVectorFileWriter.writeAsVectorFormatV3(
            polygon_layer("tmp"), str(source / "zones.gpkg"), project.transformContext(), options)[0] == 0
        zones = QgsVectorLayer(str(source / "zones.gpkg"), "Zones", "ogr")
        wms = QgsRasterLayer("crs=EPSG:3857&format=image/png&layers=x&styles&url=" + server.url, "Radar", "wms")
        layers = [overview, outline, mine, zones, wmts_layer(server, ORTHO, "image/jpeg", "Photographies")]
        assert all(layer.isValid() for layer in layers)
        names = sorted(layer.name() for layer in layers)
        project.addMapLayers(layers + [wms])
        path = str(source / "terrain.qgz")
        assert project.write(path)
        said = []

        class Said(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802 (QGIS API name)
                said.append(info)  # what the log shows

        feedback = Said()
        result = processing.run("ign_offline:make_project_offline", {
            "PROJECT": path, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 12, "LIBRARY": str(library),
            "OUTPUT_FOLDER": str(offline), "MAX_RATE": 0}, feedback=feedback)
        fetched_plan = {(e[2], e[3], e[4]) for e in server.log.entries if e[1] == PLAN}
    assert fetched_plan and all(z == 12 for z, _, _ in fetched_plan)  # the overview's z10-11 from the library
    # one line for the overview, the library's share in it (not a line of its own before it)
    overview_lines = [line for line in said if line.startswith("Overview: Plan IGN v2:")]
    assert len(overview_lines) == 1 and "from the library" in overview_lines[0], said
    assert "Radar: left out of the offline project" in result["REPORT"]
    project.clear()  # the server is stopped: nothing of the copy may need it
    copy = QgsProject()
    assert copy.read(result["PROJECT_OFFLINE"])
    opened = {layer.name(): layer for layer in copy.mapLayers().values()}
    assert sorted(opened) == names  # the WMS layer left out
    for name, layer in opened.items():
        assert layer.isValid(), name
        assert painted_pixels(layer) > 0, name
    assert opened["Sketch"].providerType() == "ogr" and "layers.gpkg" in opened["Sketch"].source()
    assert opened["Sketch"].featureCount() == 1
    assert opened["Overview: Plan IGN v2"].providerType() == "gdal"
    with zipfile.ZipFile(result["PROJECT_OFFLINE"]) as archive:
        xml = archive.read("terrain.qgs").decode()
    sources = re.findall(r"<datasource>(.*?)</datasource>", xml) + re.findall(r' source="([^"]*)"', xml)
    assert sources and not [s for s in sources if re.search(r"https?:|https?%3A", s, re.IGNORECASE)]


def test_the_reasons_are_french_and_said_once(french, tmp_path, provider, project):
    """In French: what becomes of each layer, in French, each said once in the log; KEEP_ONLINE keeps a WMS layer."""
    import processing
    from qgis.core import QgsProcessingFeedback

    class Said(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802 (QGIS API name)
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802 (QGIS API name)
            self.lines.append(warning)

    wms = QgsRasterLayer("crs=EPSG:3857&format=image/png&layers=x&styles&url=http://127.0.0.1:9/wms", "Radar",
                         "wms")
    project.addMapLayers([wms, polygon_layer("Croquis")])
    path = str(tmp_path / "terrain.qgs")
    assert project.write(path)
    runs = {}
    for keep in (False, True):
        said = Said()
        runs[keep] = processing.run("ign_offline:make_project_offline", {
            "PROJECT": path, "AREA": "carcassonne", "ZOOM_MIN": 10, "ZOOM_MAX": 10, "KEEP_ONLINE": keep,
            "OUTPUT_FOLDER": str(tmp_path / "copy{}".format(int(keep)))}, feedback=said)["REPORT"], said.lines
    report, lines = runs[False]
    assert ("Radar : laissée hors du projet hors ligne — une couche WMS (des images calculées, pas des tuiles) : elle "
            "a besoin du réseau") in report
    assert "Croquis : couche temporaire écrite → layers.gpkg (1 entité)" in report
    ours = [line for line in lines if not line.startswith("Results")]  # processing.run's own dump of the outputs
    assert sum("Radar" in line for line in ours) == 1 and sum("Croquis" in line for line in ours) == 1, ours
    report, _ = runs[True]
    assert "Radar : gardée en ligne, comme demandé — une couche WMS" in report
    kept = QgsProject()
    assert kept.read(str(tmp_path / "copy1" / "terrain.qgs"))
    assert sorted(layer.name() for layer in kept.mapLayers().values()) == ["Croquis", "Radar"]
