"""`make demo`: the plugin's algorithms end to end, offline, in a headless QGIS.

Prints what each step produced and leaves a project, .build/demo/demo.qgz,
that opens in QGIS with the results loaded.
"""

import json
import os
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


def step(title):
    print("\n== {} ==".format(title))


def main():
    import processing

    from core import areas
    from tests.support.sample_mbtiles import write_sample

    os.makedirs(OUT, exist_ok=True)
    app, plugin = start_qgis()
    project = QgsProject.instance()

    step("1. Estimate: Carcassonne, zoom 8-16")
    result = processing.run("ign_offline:estimate_tiles", {
        "AREA": "carcassonne", "ZOOM_MIN": 8, "ZOOM_MAX": 16, "OUTPUT": os.path.join(OUT, "carcassonne.mbtiles")})
    for zoom, count in json.loads(result["COUNTS"]).items():
        print("  zoom {:>2}: {:>6} tiles".format(zoom, count))
    print("  total {} tiles; {:.1f} GB free at {}".format(result["TOTAL"], result["FREE_BYTES"] / 1e9, OUT))

    step("2. Write a small MBTiles (synthetic tiles, Carcassonne zoom 10-13)")
    sample = os.path.join(OUT, "carcassonne_sample.mbtiles")
    if os.path.exists(sample):
        os.remove(sample)
    placed = write_sample(sample, areas.PRESETS["carcassonne"], 10, 13, "Carcassonne sample")
    print("  {} ({} tiles, {:.0f} kB)".format(sample, len(placed), os.path.getsize(sample) / 1e3))

    step("3. Load it into a project")
    project.clear()
    result = processing.run("ign_offline:load_mbtiles", {"INPUT": OUT})
    for layer_id in result["OUTPUT_LAYERS"]:
        layer = project.mapLayer(layer_id)
        print("  layer '{}' ({}), extent {}".format(layer.name(), layer.crs().authid(), layer.extent().toString(0)))
    project_path = os.path.join(OUT, "demo.qgz")
    project.write(project_path)
    print("  project saved: {} (open it in QGIS)".format(project_path))

    print("\nThe same from a shell:\n"
          "  make process ARGS='run ign_offline:estimate_tiles -- AREA=carcassonne ZOOM_MIN=8 ZOOM_MAX=16'\n"
          "  make process ARGS='run ign_offline:load_mbtiles -- INPUT={}'".format(OUT))
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main()
