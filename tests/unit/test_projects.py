"""core.projects: a QGIS project's layers classified and re-pointed as XML; the original only read."""

import zipfile
from urllib.parse import urlencode

from core.field import projects
from tests.support.files import tree_digest

QGS = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="" version="3.22.16-Białowieża">
 <layer-tree-group>
  <layer-tree-group name="Fonds IGN" checked="Qt::Checked" expanded="1">
   <layer-tree-layer id="plan_1" name="Plan IGN v2" providerKey="wms" source="{plan}" checked="Qt::Checked"/>
   <layer-tree-layer id="osm_2" name="OSM" providerKey="wms" source="{xyz}" checked="Qt::Unchecked"/>
  </layer-tree-group>
  <layer-tree-layer id="pts_3" name="Grottes" providerKey="ogr" source="./grottes.gpkg|layername=points"/>
  <layer-tree-layer id="pg_4" name="Parcelles" providerKey="postgres" source="dbname='x' table=y"/>
  <layer-tree-layer id="wms_5" name="WMS" providerKey="wms" source="{wms}"/>
 </layer-tree-group>
 <projectlayers>
  <maplayer type="raster"><id>plan_1</id><datasource>{plan}</datasource><layername>Plan IGN v2</layername>
   <provider>wms</provider>
   <pipe><rasterrenderer type="singlebandcolordata" opacity="0.6" band="1" alphaBand="-1"/></pipe>
  </maplayer>
  <maplayer type="raster"><id>osm_2</id><datasource>{xyz}</datasource><layername>OSM</layername><provider>wms</provider>
   <pipe><rasterrenderer type="singlebandcolordata" opacity="1" band="1" alphaBand="-1"/></pipe></maplayer>
  <maplayer type="vector"><id>pts_3</id><datasource>./grottes.gpkg|layername=points</datasource>
   <layername>Grottes</layername><provider>ogr</provider></maplayer>
  <maplayer type="vector"><id>pg_4</id><datasource>dbname='x' table=y</datasource><layername>Parcelles</layername>
   <provider>postgres</provider></maplayer>
  <maplayer type="raster"><id>wms_5</id><datasource>{wms}</datasource><layername>WMS</layername><provider>wms</provider>
  </maplayer>
 </projectlayers>
</qgis>
"""
PLAN = ("crs=EPSG:3857&amp;format=image/png&amp;layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&amp;styles=normal&amp;"
        "tileMatrixSet=PM_0_19&amp;url=https://data.geopf.fr/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities")
XYZ = "type=xyz&amp;url=https://tiles.example.org/%7Bz%7D/%7Bx%7D/%7B-y%7D.png&amp;zmax=19&amp;zmin=0"
WMS = "crs=EPSG:2154&amp;format=image/png&amp;layers=x&amp;styles&amp;url=https://example.org/wms"


def make(tmp_path, name="terrain.qgz"):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "grottes.gpkg").write_bytes(b"not really a geopackage, but a file")
    text = QGS.format(plan=PLAN, xyz=XYZ, wms=WMS)
    path = folder / name
    if name.endswith(".qgz"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("terrain.qgs", text)
            archive.writestr("terrain.qgd", b"aux")
    else:
        path.write_text(text)
    return str(path)


def test_layers_are_classified(tmp_path):
    project = projects.read_project(make(tmp_path))
    kinds = {layer.name: layer.kind for layer in project.layers}
    assert kinds == {"Plan IGN v2": "tile", "OSM": "tile", "Grottes": "file", "Parcelles": "other", "WMS": "other"}
    plan = project.layers[0].tile_source
    assert plan == {"endpoint": "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
                    "layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "style": "normal", "tile_format": "image/png"}
    assert project.layers[1].tile_source["endpoint"] == "https://tiles.example.org/{z}/{x}/{-y}.png"
    assert project.layers[2].path.endswith("project/grottes.gpkg") and project.layers[2].suffix == "|layername=points"


def test_the_copy_is_re_pointed_with_relative_paths_and_the_original_untouched(tmp_path):
    for name in ("terrain.qgz", "terrain.qgs"):
        folder = tmp_path / name
        folder.mkdir()
        path = make(folder, name)
        before = tree_digest(folder / "project")
        project = projects.read_project(path)
        offline = projects.clone(project)
        out = folder / "offline"
        out.mkdir()
        source = projects.copy_file_layer(project.layers[2], str(out / "data"))
        projects.repoint(offline, "pts_3", source, "ogr")
        projects.repoint(offline, "plan_1", "./basemaps/Plan_IGN_v2.mbtiles", "gdal", 4)
        written = projects.write_project(offline, str(out))
        assert tree_digest(folder / "project") == before
        copy = projects.read_project(written)
        by_id = {layer.id: layer for layer in copy.layers}
        assert by_id["plan_1"].provider == "gdal" and by_id["plan_1"].source == "./basemaps/Plan_IGN_v2.mbtiles"
        assert by_id["pts_3"].source == "./data/grottes.gpkg|layername=points" and by_id["pts_3"].kind == "file"
        assert by_id["pg_4"].source == "dbname='x' table=y"  # left as it is
        renderer = copy.tree.getroot().find(".//maplayer[id='plan_1']/pipe/rasterrenderer")
        assert renderer.get("type") == "multibandcolor" and renderer.get("opacity") == "0.6"
        assert renderer.get("alphaBand") == "4"
        node = copy.tree.getroot().find(".//layer-tree-layer[@id='plan_1']")
        assert node.get("providerKey") == "gdal" and node.get("source") == "./basemaps/Plan_IGN_v2.mbtiles"
        assert copy.tree.getroot().findtext("properties/Paths/Absolute") == "false"
        if name.endswith(".qgz"):
            with zipfile.ZipFile(written) as archive:
                assert archive.read("terrain.qgd") == b"aux"
        assert projects.read_project(path).layers[0].provider == "wms"  # the original still online


def test_an_output_that_would_overwrite_the_project_is_refused(tmp_path):
    import pytest

    from core.errors import InputError

    project = projects.read_project(make(tmp_path))
    with pytest.raises(InputError, match="would overwrite the project"):
        projects.check_output_folder(project, project.folder)
    projects.check_output_folder(project, str(tmp_path / "elsewhere"))


def test_the_account_goes_to_private_layers_on_its_own_server_only():
    def tile(layer_id, url, authcfg=""):
        source = urlencode({"crs": "EPSG:3857", "format": "image/png", "layers": "X", "styles": "normal",
                            "tileMatrixSet": "PM", "url": url, **({"authcfg": authcfg} if authcfg else {})})
        return projects.classify(layer_id, layer_id, "wms", source, "/tmp")

    private = tile("scan", "https://data.geopf.fr/private/wmts")
    public = tile("plan", "https://data.geopf.fr/wmts")
    hostile = tile("evil", "https://evil.example/private/wmts")
    own = tile("own", "https://data.geopf.fr/private/wmts?SERVICE=WMTS", authcfg="abc1234")
    assert projects.account_layers([private, public, own]) == ({"scan", "own"}, None)
    layers = [private, public, hostile, own]
    assert projects.account_layers(layers, "https://data.geopf.fr:443") == ({"scan", "own"}, None)
    chosen, note = projects.account_layers(layers)
    assert chosen == set() and "several servers (data.geopf.fr:443, evil.example:443)" in note
    assert projects.account_layers([public], "") == (set(), None)


def test_memory_layers_and_the_overviews_get_tile_template_are_classified(tmp_path):
    memory = projects.classify("m", "Sketch", "memory", "Polygon?crs=EPSG:4326&uid={x}", str(tmp_path))
    assert memory.kind == projects.MEMORY
    overview = projects.classify("o", "Overview", "wms", urlencode({"type": "xyz", "url": (
        "http://127.0.0.1:8711/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
        "&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILECOL={x}&TILEROW={y}")}), str(tmp_path))
    assert overview.kind == projects.TILE and overview.tile_source == {
        "endpoint": "http://127.0.0.1:8711/wmts", "layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "style": "normal",
        "tile_format": "image/png"}  # the WMTS layer: the library's file of that layer is used first
    assert projects.memory_table(memory, {"sketch"}) == "sketch_2"


def test_a_layer_left_out_leaves_no_trace(tmp_path):
    project = projects.read_project(make(tmp_path))
    offline = projects.clone(project)
    projects.leave_out(offline, "wms_5")
    (tmp_path / "out").mkdir()
    written = projects.write_project(offline, str(tmp_path / "out"))
    text = zipfile.ZipFile(written).read("terrain.qgs").decode()
    assert "wms_5" not in text and "https://example.org/wms" not in text and "pg_4" in text
    assert [layer.id for layer in projects.read_project(written).layers] == ["plan_1", "osm_2", "pts_3", "pg_4"]
