"""`make demo`: the plugin's algorithms end to end, offline, in a headless QGIS.

Prints what each step produced and leaves a project, .build/demo/demo.qgz,
that opens in QGIS with the results loaded.
"""

import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, ".build", "demo")
sys.path[:0] = [ROOT, os.path.join(ROOT, ".build", "plugins"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsProject  # noqa: E402


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
    uri = ("crs=EPSG:3857&dpiMode=7&format=image/png&layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&styles=normal"
           "&tileMatrixSet=PM_0_19&url={}?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities").format(server.url)
    layer = QgsRasterLayer(uri, "Plan IGN (online)", "wms")
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


def demo_ftp(processing):
    """list_ftp_products then download_ftp against a real FTP server (pyftpdlib) on 127.0.0.1."""
    from tests.support import ftp_tree
    from tests.support.ftp_server import TestFtpServer

    root, out = os.path.join(OUT, "ftp-server"), os.path.join(OUT, "from-ftp")
    for folder in (root, out):
        shutil.rmtree(folder, ignore_errors=True)
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


def step(title):
    print("\n== {} ==".format(title))


def main():
    import processing

    from tests.support.wmts_server import StandInWmts

    os.makedirs(OUT, exist_ok=True)
    app, plugin = start_qgis()
    project = QgsProject.instance()
    project.clear()
    output = os.path.join(OUT, "carcassonne_plan.mbtiles")
    for stale in (output, output + "-wal", output + "-shm"):
        if os.path.exists(stale):
            os.remove(stale)

    with StandInWmts(latency=0.01) as server:
        print("Stand-in Géoplateforme WMTS: {}".format(server.url))
        source = {"SOURCE": server.url, "LAYER": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"}

        step("1. Estimate: Carcassonne, zoom 8-14, sampling a few real tiles")
        result = processing.run("ign_offline:estimate_tiles", dict(
            source, AREA="carcassonne", ZOOM_MIN=8, ZOOM_MAX=14, OUTPUT=output))
        for zoom, count in json.loads(result["COUNTS"]).items():
            print("  zoom {:>2}: {:>6} tiles".format(zoom, count))
        print("  total {} tiles, about {:.0f} kB, {:.0f} s; {:.1f} GB free".format(
            result["TOTAL"], result["EXPECTED_BYTES"] / 1e3, result["ETA_SECONDS"], result["FREE_BYTES"] / 1e9))

        step("2. Download into {}".format(output))
        from core.tiles import areas
        from core.tiles import grid as tiles

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
        shutil.rmtree(os.path.join(OUT, "from-cache"), ignore_errors=True)  # the stand-in's port changes each run
        result = processing.run("ign_offline:recover_cache", {
            "CACHE_DIR": os.path.join(OUT, "qgis-cache"), "OUTPUT_FOLDER": os.path.join(OUT, "from-cache")})
        print("  scanned {FILES_SCANNED} cache files, recovered {TILES_RECOVERED} tiles into {MBTILES}".format(
            **result))

    step("5. Orthophotos and MNS from an FTP server laid out like odgeo.grandest.fr")
    demo_ftp(processing)

    step("6. In the project")
    for layer in project.mapLayers().values():
        print("  layer '{}' ({}), extent {}".format(layer.name(), layer.crs().authid(), layer.extent().toString(0)))
    project_path = os.path.join(OUT, "demo.qgz")
    project.write(project_path)
    print("  project saved: {} (open it in QGIS)".format(project_path))

    print("\nThe same from a shell, against the real service:\n"
          "  make process ARGS='run ign_offline:download_tiles -- LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2 "
          "AREA=carcassonne ZOOM_MIN=8 ZOOM_MAX=14 OUTPUT=carcassonne.mbtiles'")
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main()
