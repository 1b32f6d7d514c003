"""`make demo`: the plugin's whole job end to end, offline, in a headless QGIS, on the project's stand-ins.

Raster tiles (WMTS) estimated, downloaded, resumed; QGIS's own cache recovered; vector Plan IGN with a style;
a dataset (RGE ALTI 5 m) with its hillshade; orthophotos and MNS from FTP; an offline copy of the project and a
phone export. Everything it writes goes under .build/demo (git ignores .build), nothing else in the checkout:
GDAL writes no .aux.xml sidecar (GDAL_PAM_ENABLED=NO) and the working directory is .build/demo. It ends with the
project files to open in QGIS.
"""

import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, ".build", "demo")
LIBRARY = os.path.join(OUT, "library")
sys.path[:0] = [ROOT, os.path.join(ROOT, ".build", "plugins"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No GDAL sidecar anywhere (a layer QGIS names "… - zoom_level=11" got one in the working directory), and the
# working directory is the demo's own: set before GDAL and QGIS load.
os.environ["GDAL_PAM_ENABLED"] = "NO"
os.makedirs(OUT, exist_ok=True)
os.chdir(OUT)

from qgis.core import QgsApplication, QgsProject  # noqa: E402

WMTS_LAYER = "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
# Montgiscard, south-east of Toulouse: where the stand-in download service's RGE ALTI tiles lie (Lambert 93).
DATASET_EXTENT = "570300,572700,6278300,6279700 [EPSG:2154]"


def start_qgis():
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import ign_offline

    plugin = ign_offline.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def wmts_uri(server):
    return ("crs=EPSG:3857&dpiMode=7&format=image/png&layers={}&styles=normal"
            "&tileMatrixSet=PM_0_19&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(WMTS_LAYER, server.url)


def render_through_qgis_cache(server, cache_dir):
    """Show the stand-in's Plan IGN layer in a headless map render, with QGIS caching into `cache_dir`."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsMapRendererSequentialJob,
        QgsMapSettings,
        QgsNetworkAccessManager,
        QgsRasterLayer,
        QgsRectangle,
        QgsSettings,
    )
    from qgis.PyQt.QtCore import QSize

    shutil.rmtree(cache_dir, ignore_errors=True)
    settings_store = QgsSettings()
    previous = settings_store.value("cache/directory", "")
    settings_store.setValue("cache/directory", cache_dir)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    layer = QgsRasterLayer(wmts_uri(server), "Plan IGN (online)", "wms")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(768, 768))
    settings.setExtent(QgsRectangle(252000, 5335000, 271000, 5354000))
    server.log.clear()
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    settings_store.setValue("cache/directory", previous)  # leave the settings as they were
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    return len(server.log.tiles(200))


def demo_wmts(processing, server):
    """Steps 1-4: estimate, download (a flaky tile retried), run again, recover QGIS's cache. The MBTiles path."""
    from core.tiles import areas
    from core.tiles import grid as tiles

    output = os.path.join(LIBRARY, WMTS_LAYER + ".mbtiles")
    source = {"SOURCE": server.url, "LAYER": WMTS_LAYER}

    step("1. Estimate: Carcassonne, zoom 8-14, sampling a few real tiles")
    result = processing.run("ign_offline:estimate_tiles", dict(
        source, AREA="carcassonne", ZOOM_MIN=8, ZOOM_MAX=14, OUTPUT=output))
    for zoom, count in json.loads(result["COUNTS"]).items():
        print("  zoom {:>2}: {:>6} tiles".format(zoom, count))
    print("  total {} tiles, about {:.0f} kB, {:.0f} s; {:.1f} GB free".format(
        result["TOTAL"], result["EXPECTED_BYTES"] / 1e3, result["ETA_SECONDS"], result["FREE_BYTES"] / 1e9))

    step("2. Download into {}".format(os.path.relpath(output, ROOT)))
    first = next(tiles.iter_tiles(areas.PRESETS["carcassonne"].bbox, 14, 14))
    flaky = (first.z, first.x, first.y)
    server.fault(flaky, "503", "truncate")  # retried, never stored broken
    result = processing.run("ign_offline:download_tiles", dict(
        source, AREA="carcassonne", ZOOM_MIN=8, ZOOM_MAX=14, OUTPUT=output))
    print("  downloaded {TILES_DOWNLOADED}, already there {TILES_SKIPPED}, empty {TILES_EMPTY}, "
          "failed {TILES_FAILED}".format(**result))
    print("  tile {}/{}/{} answered: {}".format(*flaky, [e[5] for e in server.log.entries if e[2:5] == flaky]))

    step("3. Run it again: nothing is fetched twice")
    server.log.clear()
    result = processing.run("ign_offline:download_tiles", dict(
        source, AREA="carcassonne", ZOOM_MIN=8, ZOOM_MAX=14, OUTPUT=output, LOAD=False))
    print("  downloaded {TILES_DOWNLOADED}, already there {TILES_SKIPPED}; requests to the server: {n}".format(
        n=len(server.log.entries), **result))

    step("4. Recover what QGIS itself cached while showing the layer")
    cached = render_through_qgis_cache(server, os.path.join(OUT, "qgis-cache"))
    print("  QGIS fetched {} tiles into its cache".format(cached))
    result = processing.run("ign_offline:recover_cache", {
        "CACHE_DIR": os.path.join(OUT, "qgis-cache"), "OUTPUT_FOLDER": os.path.join(OUT, "from-cache")})
    print("  scanned {FILES_SCANNED} cache files, recovered {TILES_RECOVERED} tiles into {MBTILES}".format(
        **result))
    return output


def demo_vector(processing):
    """Vector Plan IGN from the stand-in TMS, its styles saved beside the file, drawn offline with one."""
    from tests.support.tms_server import StandInTms

    output = os.path.join(LIBRARY, "PLAN.IGN.mbtiles")
    with StandInTms(styles=("standard", "gris")) as server:
        print("  stand-in Géoplateforme TMS: {}".format(server.root))
        result = processing.run("ign_offline:download_tiles", {
            "SOURCE": server.root, "LAYER": "PLAN.IGN", "AREA": "toulouse", "ZOOM_MIN": 8, "ZOOM_MAX": 12,
            "OUTPUT": output, "MAX_RATE": 0, "LOAD": False})
        print("  downloaded {TILES_DOWNLOADED} vector tiles (.pbf, byte for byte), empty {TILES_EMPTY}, "
              "failed {TILES_FAILED}".format(**result))
        result = processing.run("ign_offline:save_vector_styles", {
            "INPUT": output, "SOURCE": server.root, "STYLES": "standard, gris"})
        print("  {SAVED} styles saved in {folder}".format(folder=os.path.relpath(result["OUTPUT"], ROOT), **result))
    # the server is gone: the file and its styles are all there is
    result = processing.run("ign_offline:load_mbtiles", {"INPUT": output, "STYLE": "gris"})
    print("  loaded offline with the style 'gris': {} layer".format(result["LOADED"]))


def demo_dataset(processing):
    """RGE ALTI 5 m of two départements from the stand-in download service (real 7z archives), clipped to the
    area, with its hillshade."""
    from tests.support import dataset_catalogue
    from tests.support.download_service import StandInDownloadService

    archives = os.path.join(OUT, "download-service")
    shutil.rmtree(archives, ignore_errors=True)
    with StandInDownloadService(dataset_catalogue.rgealti_catalogue(archives)) as server:
        print("  stand-in download service: {}".format(server.root))
        result = processing.run("ign_offline:download_dataset", {
            "EXTENT": DATASET_EXTENT, "PRODUCTS": [1], "SERVICE": server.root, "LIBRARY": LIBRARY,
            "AREA_TITLE": "Montgiscard", "HILLSHADE": True, "SLOPE": False, "CONTOUR_INTERVAL": 0, "LOAD": True})
    print("  {} files downloaded ({} bytes), 7z extracted and checked".format(
        result["FILES_DOWNLOADED"], result["BYTES_DOWNLOADED"]))
    for zone in json.loads(result["ZONES"]):
        print("  {product} {zone}: {status}".format(**zone))
    for made in json.loads(result["OUTPUTS"]):
        print("  made {}".format(os.path.relpath(made, ROOT)))


def demo_ftp(processing):
    """list_ftp_products then download_ftp against a real FTP server (pyftpdlib) on 127.0.0.1."""
    from tests.support import ftp_tree
    from tests.support.ftp_server import TestFtpServer

    root, out = os.path.join(OUT, "ftp-server"), os.path.join(OUT, "from-ftp")
    shutil.rmtree(root, ignore_errors=True)
    ftp_tree.make_tree(root)
    with TestFtpServer(root) as server:
        print("  FTP server: ftp://127.0.0.1:{} (anonymous)".format(server.port))
        result = processing.run("ign_offline:list_ftp_products", {
            "HOST": "127.0.0.1", "PORT": server.port, "OUTPUT": "memory:"})
        for row in result["OUTPUT"].getFeatures():
            print("  {path}: {option} {resolution} {format} {crs} D{departement} {year}, {tiles} tiles".format(
                **{name: row[name] for name in row.fields().names()}))
        extent = "{},{},{},{} [EPSG:2154]".format(*ftp_tree.RVB_AREA)
        server.state.cut_after[ftp_tree.RVB_AREA_TILES[0]] = 4000  # a dropped transfer: resumed with REST
        for product in (ftp_tree.RVB, ftp_tree.MNS):
            area = extent if product == ftp_tree.RVB else "930100,931900,6898100,6899900 [EPSG:2154]"
            result = processing.run("ign_offline:download_ftp", {
                "HOST": "127.0.0.1", "PORT": server.port, "PRODUCT": "/open_data/" + product, "EXTENT": area,
                "OUTPUT_FOLDER": out})
            print("  {}: downloaded {} files ({} bytes), {} already there, {} failed; mosaic {}".format(
                product, result["FILES_DOWNLOADED"], result["BYTES"], result["FILES_SKIPPED"],
                result["FILES_FAILED"], os.path.relpath(result["VRT"], ROOT)))
        cut = server.state.retrievals(ftp_tree.RVB_AREA_TILES[0])
        print("  {} was cut after {} bytes, then resumed at byte {}".format(
            ftp_tree.RVB_AREA_TILES[0], cut[0].bytes, cut[-1].offset))
    print("  against the real server (Alsace, 2015 orthophotos):\n"
          "    make process ARGS='run ign_offline:list_ftp_products -- OUTPUT=products.csv'\n"
          "    make process ARGS='run ign_offline:download_ftp -- PRODUCT=/open_data/<a path from the list> "
          "EXTENT=\"7.70,7.80,48.55,48.60 [EPSG:4326]\" OUTPUT_FOLDER=ortho'")


def demo_offline_copy(processing, project, server, project_path):
    """The project, with Plan IGN online (the stand-in WMTS), copied for the field: the online layer becomes an
    MBTiles of Carcassonne (from the library first), every file is copied beside the copy."""
    from qgis.core import QgsRasterLayer

    online = QgsRasterLayer(wmts_uri(server), "Plan IGN (online)", "wms")
    project.addMapLayer(online)
    project.write(project_path)
    offline = os.path.join(OUT, "offline")
    shutil.rmtree(offline, ignore_errors=True)
    server.log.clear()
    result = processing.run("ign_offline:make_project_offline", {
        "PROJECT": project_path, "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 14, "LIBRARY": LIBRARY,
        "OUTPUT_FOLDER": offline, "MAX_RATE": 0})
    for line in result["REPORT"].splitlines():
        print("  " + line)
    print("  tiles asked of the server for the copy: {} (the library had them)".format(len(server.log.tiles(200))))
    # The stand-in's port dies with the demo: demo.qgz keeps only what is on disk.
    project.removeMapLayer(online.id())
    project.write(project_path)
    return result["PROJECT_OFFLINE"]


def demo_phone_export(processing, mbtiles_path):
    """The library's Plan IGN of Carcassonne as OsmAnd opens it, into <library>/exports/osmand/."""
    result = processing.run("ign_offline:export_tiles", {
        "INPUT": mbtiles_path, "TARGET": "osmand", "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 14,
        "LIBRARY": LIBRARY})
    for path in result["OUTPUTS"].splitlines():
        print("  {} ({:.0f} kB): copy it to the phone's OsmAnd/tiles/ folder".format(
            os.path.relpath(path, ROOT), os.path.getsize(path) / 1e3))


def step(title):
    print("\n== {} ==".format(title))


def main():
    import processing

    from tests.support.wmts_server import StandInWmts

    # A fresh demo each time (the stand-ins' ports change from run to run), all of it under .build/demo.
    for stale in ("library", "from-cache", "from-ftp", "offline"):
        shutil.rmtree(os.path.join(OUT, stale), ignore_errors=True)
    os.makedirs(LIBRARY)
    app, plugin = start_qgis()
    project = QgsProject.instance()
    project.clear()
    project_path = os.path.join(OUT, "demo.qgz")

    with StandInWmts(latency=0.01) as server:
        print("Stand-in Géoplateforme WMTS: {}".format(server.url))
        plan_ign = demo_wmts(processing, server)

        step("5. Vector Plan IGN (Toulouse, zoom 8-12) with its styles, drawn offline")
        demo_vector(processing)

        step("6. A whole dataset: RGE ALTI 5 m around Montgiscard, with its hillshade")
        demo_dataset(processing)

        step("7. Orthophotos and MNS from an FTP server laid out like odgeo.grandest.fr")
        demo_ftp(processing)

        step("8. In the project")
        for layer in project.mapLayers().values():
            print("  layer '{}' ({})".format(layer.name(), layer.crs().authid()))
        project.write(project_path)
        print("  project saved: {}".format(os.path.relpath(project_path, ROOT)))

        step("9. An offline copy of the project, for a laptop or QField")
        offline_project = demo_offline_copy(processing, project, server, project_path)

    step("10. A phone export: Plan IGN of Carcassonne for OsmAnd")
    demo_phone_export(processing, plan_ign)

    print("\nThe same from a shell, against the real service:\n"
          "  make process ARGS='run ign_offline:download_tiles -- LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2 "
          "AREA=carcassonne ZOOM_MIN=8 ZOOM_MAX=14 OUTPUT=carcassonne.mbtiles'")
    print("\nOpen in QGIS:\n  {}  (everything above)\n  {}  (its offline copy: no network needed)".format(
        project_path, offline_project))
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main()
