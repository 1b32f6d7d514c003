"""Vector MBTiles downstream in QGIS (issue 22, part V3): loaded as vector tile layers with their saved style,
listed by the inventory, exported for QField, the web and raster-only apps, taken offline from a project."""

import functools
import http.server
import os

import pytest
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QSize

from core.field import projects, writers
from tests.support import vector_samples
from tests.support.loopback import serving


@pytest.fixture()
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    gdal_file = vector_samples.gdal_vector_mbtiles(str(tmp_path / "gdal.mbtiles"), str(tmp_path))
    path = vector_samples.ours(gdal_file, str(folder / "PLAN.IGN.mbtiles"))
    vector_samples.write_style(path)
    return folder, path, gdal_file


def rendered_colours(layer, bbox=vector_samples.BBOX, size=256):
    """Distinct colours of the layer rendered over `bbox` (EPSG:3857, `size` px square)."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    crs = QgsCoordinateReferenceSystem("EPSG:3857")
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(size, size))
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
    settings.setExtent(transform.transformBoundingBox(QgsRectangle(*bbox)))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    return {image.pixel(x, y) for x in range(0, size, 4) for y in range(0, size, 4)}


def test_load_mbtiles_opens_a_vector_file_as_a_vector_tile_layer_with_its_saved_style(provider, project, library):
    from ign_offline.toolbelt.layers import load_mbtiles

    _, path, _ = library
    layer = load_mbtiles(project, path)
    assert isinstance(layer, QgsVectorTileLayer) and layer.isValid()
    from ign_offline.toolbelt.vector_tiles import current_style

    # one loader since V2 (toolbelt.vector_tiles): the style is converted with its sprite, not named in the source
    assert "type=mbtiles" in layer.source() and current_style(layer) == "standard"
    styles = layer.renderer().styles()
    assert {style.styleName() for style in styles} >= {"park", "road"}  # the saved style, not QGIS's default
    colours = rendered_colours(layer)
    assert len(colours) > 2  # background, park and road drawn
    assert load_mbtiles(project, path) is None  # already there: redrawn, not added twice


def test_the_inventory_algorithm_says_vector_and_its_layers(processing, library, tmp_path):
    folder, _, _ = library
    result = processing.run("ign_offline:inventory", {"FOLDER": str(folder), "OUTPUT": "memory:"})
    features = list(result["OUTPUT"].getFeatures())
    assert features and {(f["kind"], f["vector_layers"], f["format"]) for f in features} == {
        ("vector", "roads", "pbf")}


def test_export_for_qfield_copies_the_vector_tiles_and_gdal_lists_the_layers(processing, library, tmp_path):
    _, path, _ = library
    output = str(tmp_path / "qfield.mbtiles")
    processing.run("ign_offline:export_tiles", {"INPUT": path, "TARGET": "qfield", "OUTPUT": output})
    dataset = gdal.OpenEx(output, gdal.OF_VECTOR)
    assert dataset is not None and dataset.GetLayerByName("roads") is not None
    layer = QgsVectorTileLayer("type=mbtiles&url=" + output, "copy")
    assert layer.isValid()


def test_export_for_osmand_renders_the_styled_layer_into_pictures(processing, library, tmp_path):
    _, path, _ = library
    output = str(tmp_path / "osmand.sqlitedb")
    result = processing.run("ign_offline:export_tiles", {"INPUT": path, "TARGET": "osmand", "OUTPUT": output,
                                                         "ZOOM_MIN": 12, "ZOOM_MAX": 13})
    assert result["FILES"] == 1 and not os.path.exists(output + ".render.mbtiles")
    decoded, zooms = writers.decode_osmand(output)
    assert zooms == [12, 13] and decoded
    colours = set()
    for index, image in enumerate(decoded.values()):
        name = "/vsimem/tile{}.png".format(index)
        gdal.FileFromMemBuffer(name, image)
        tile = gdal.Open(name)
        assert tile is not None and tile.RasterXSize == 256  # a picture GDAL opens
        colours.update(tuple(tile.GetRasterBand(b).ReadAsArray().ravel()[::97]) for b in (1,))
        tile = None
        gdal.Unlink(name)
    assert len(colours) > 1  # drawn, not blank


@pytest.mark.parametrize("target, name", [("alpinequest", "alpine.mbtiles"), ("avenza", "avenza.tif")])
def test_export_for_alpinequest_and_avenza_is_a_raster_gdal_opens(processing, library, tmp_path, target, name):
    _, path, _ = library
    output = str(tmp_path / name)
    processing.run("ign_offline:export_tiles", {"INPUT": path, "TARGET": target, "OUTPUT": output,
                                                "ZOOM_MIN": 11, "ZOOM_MAX": 12})
    assert sorted(os.listdir(tmp_path)) == sorted(["gdal.mbtiles", "library", "roads.geojson", name])
    dataset = gdal.Open(output)
    assert dataset is not None and dataset.RasterCount >= 3
    band = dataset.GetRasterBand(1).ReadAsArray()
    assert band.max() != band.min()


def test_a_vector_file_never_goes_into_a_picture_format_as_it_is(processing, library, tmp_path):
    from qgis.core import QgsProcessingException

    _, path, _ = library
    with pytest.raises(QgsProcessingException, match="FORMAT cog is for rasters"):
        processing.run("ign_offline:export_tiles", {"INPUT": path, "FORMAT": "cog",
                                                    "OUTPUT": str(tmp_path / "x.tif")})
    assert not (tmp_path / "x.tif").exists()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.path.endswith(".pbf"):
            self.send_header("Content-Encoding", "gzip")  # GDAL's tiles are gzipped, as a TMS serves them
        super().end_headers()

    def guess_type(self, path):
        return "application/x-protobuf" if str(path).endswith(".pbf") else super().guess_type(path)


@pytest.fixture()
def tms(library, tmp_path):
    """A loopback stand-in of …/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf serving the GDAL-made tiles."""
    _, _, gdal_file = library
    root = tmp_path / "www"
    vector_samples.xyz_folder(gdal_file, str(root / "tms" / "1.0.0" / "PLAN.IGN"))
    with serving(functools.partial(QuietHandler, directory=str(root))) as server:
        yield server, server.origin + "/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"


def test_a_project_with_an_online_vector_tile_layer_goes_offline_and_draws_without_network(
        processing, library, tms, tmp_path):
    folder, _, _ = library
    server, template = tms
    online = QgsVectorTileLayer("type=xyz&url={}&zmin=10&zmax=14".format(template), "Plan IGN vecteur")
    assert online.isValid()
    online.loadDefaultStyle()
    online.setOpacity(0.8)  # a project setting that must survive
    renderer_styles = [s.styleName() for s in online.renderer().styles()]
    assert len(rendered_colours(online)) > 1  # the stand-in serves drawable tiles
    project = QgsProject()
    project.addMapLayer(online)
    project_path = str(tmp_path / "project" / "field.qgz")
    os.makedirs(os.path.dirname(project_path))
    assert project.write(project_path)
    output = str(tmp_path / "offline")
    result = processing.run("ign_offline:make_project_offline", {
        "PROJECT": project_path, "EXTENT": "{},{},{},{} [EPSG:4326]".format(2.30, 2.36, 48.84, 48.88),
        "ZOOM_MIN": 10, "ZOOM_MAX": 16, "OUTPUT_FOLDER": output, "LIBRARY": str(folder)})
    assert "taken from the library" in result["REPORT"]
    server.stop()  # no network from here on
    copy = QgsProject()
    assert copy.read(result["PROJECT_OFFLINE"])
    (layer,) = copy.mapLayers().values()
    assert layer.isValid() and layer.providerType() == "vectortile"
    assert "http" not in layer.source() and os.path.isfile(layer.source().split("url=")[1].split("&")[0])
    assert [s.styleName() for s in layer.renderer().styles()] == renderer_styles
    assert layer.opacity() == pytest.approx(0.8)
    assert len(rendered_colours(layer)) > 1
    read = projects.read_project(result["PROJECT_OFFLINE"])
    assert all("http" not in item.source for item in read.layers)
    assert [item.kind for item in read.layers] == [projects.FILE]  # a local vector MBTiles now
    assert read.layers[0].path.startswith(os.path.join(output, "basemaps"))


def test_an_online_vector_tile_layer_the_library_lacks_is_downloaded(processing, tms, tmp_path):
    """Part V5 changed this: the layer was left out with a note; it is now downloaded. This stand-in serves no
    metadata.json: the template is taken as XYZ and the vector layers are read from the tiles."""
    server, template = tms
    online = QgsVectorTileLayer("type=xyz&url={}&zmin=10&zmax=14".format(template), "Plan")
    project = QgsProject()
    project.addMapLayer(online)
    project_path = str(tmp_path / "p" / "p.qgs")
    os.makedirs(os.path.dirname(project_path))
    assert project.write(project_path)
    empty = tmp_path / "empty_library"
    empty.mkdir()
    result = processing.run("ign_offline:make_project_offline", {
        "PROJECT": project_path, "EXTENT": "2.30,2.36,48.84,48.88 [EPSG:4326]", "ZOOM_MIN": 10,
        "ZOOM_MAX": 12, "OUTPUT_FOLDER": str(tmp_path / "out"), "LIBRARY": str(empty)})
    assert "metadata.json could not be read" not in result["REPORT"]  # said in the log, not the report
    assert "vector tiles at zoom 10-12" in result["REPORT"]
    server.stop()
    copy = QgsProject()
    assert copy.read(result["PROJECT_OFFLINE"])
    (layer,) = copy.mapLayers().values()
    assert layer.isValid() and layer.providerType() == "vectortile"
    assert len(rendered_colours(layer)) > 1
    dataset = gdal.OpenEx(str(tmp_path / "out" / "basemaps" / "Plan.mbtiles"), gdal.OF_VECTOR)
    assert [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())] == ["roads"]
