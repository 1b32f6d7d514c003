"""export_tiles through qgis_process (issue 11): formats for field apps, splits, bad input."""

import os

from core import mbtiles
from core.field import exports
from core.tiles import grid as tiles
from tests.qgis.conftest import make_process
from tests.support.files import tree_digest
from tests.support.images import png_tile

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)


def library_file(folder):
    path = str(folder / "plan.mbtiles")
    bodies = {(t.z, t.x, t.y): png_tile((t.x % 200, t.y % 200, 99)) for t in tiles.iter_tiles(CARCASSONNE, 8, 13)}
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", CARCASSONNE, 8, 13, "© IGN"))
        for (z, x, y), data in bodies.items():
            writer.record(z, x, y, "done", data)
    return path, bodies


def test_osmand_and_geopackage_through_qgis_process(tmp_path):
    source, bodies = library_file(tmp_path)
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=osmand",
                             "OUTPUT=" + str(tmp_path / "plan.sqlitedb"), "ZOOM_MIN=10", "ZOOM_MAX=12")
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    decoded, zooms = exports.decode_osmand(str(tmp_path / "plan.sqlitedb"))
    assert decoded == {k: v for k, v in bodies.items() if 10 <= k[0] <= 12} and zooms == [10, 12]
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "FORMAT=gpkg",
                             "OUTPUT=" + str(tmp_path / "plan.gpkg"))
    assert completed.returncode == 0 and "never re-encoded" in completed.stdout


def test_bad_exports_say_why_and_write_nothing(tmp_path):
    source, _ = library_file(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = tree_digest(tmp_path)
    for args, fragment in (
            (["FORMAT=kmz"], "kmz"),
            (["FORMAT=mbtiles", "MAX_FILE_MB=0.01"], "smaller than one file of one tile"),
            (["FORMAT=mbtiles", "ZOOM_MIN=16", "ZOOM_MAX=18"], "holds no tile"),
            (["FORMAT=cog"], "FORMAT cog is for rasters")):
        completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source,
                                 "OUTPUT=" + str(out / "x.mbtiles"), *args)
        said = completed.stdout + completed.stderr
        assert completed.returncode != 0 and fragment in said and "Traceback" not in said, said[-1500:]
    assert tree_digest(tmp_path) == before
    assert os.listdir(out) == []


def test_with_no_output_the_file_lands_in_the_library_exports_and_opens_in_gdal(tmp_path, provider):
    """Issue 21: no OUTPUT is the library's exports/<target>/ folder (never a temporary file QGIS deletes)."""
    import processing
    from osgeo import gdal
    from qgis.core import QgsProcessingException, QgsProcessingOutputLayerDefinition

    source, bodies = library_file(tmp_path)
    library = tmp_path / "library"
    library.mkdir()
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "osmand", "ZOOM_MIN": 9,
                                                         "ZOOM_MAX": 12, "LIBRARY": str(library)})
    expected = library / "exports" / "osmand" / "Plan_IGN_v2_z9-12.sqlitedb"
    assert result["OUTPUT"] == str(expected) and result["FILES"] == 1
    decoded, zooms = exports.decode_osmand(str(expected))
    assert decoded == {k: v for k, v in bodies.items() if 9 <= k[0] <= 12}
    assert gdal.OpenEx(str(expected)) is not None  # GDAL's SQLite driver opens it (as OsmAnd would)
    # QField, as a GeoPackage (its second format); GDAL reads it as a raster.
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "qfield", "LIBRARY": str(library),
                                                         "FORMAT": "gpkg", "ZOOM_MAX": 11})
    gpkg = library / "exports" / "qfield" / "Plan_IGN_v2_z8-11.gpkg"
    assert result["OUTPUT"] == str(gpkg)
    opened = gdal.OpenEx(str(gpkg), gdal.OF_RASTER)
    assert opened is not None and opened.GetDriver().ShortName == "GPKG"
    # The dialog's "skip output" (a definition with no path) is no OUTPUT too.
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "alpinequest", "ZOOM_MIN": 8,
                                                         "ZOOM_MAX": 8, "LIBRARY": str(library),
                                                         "OUTPUT": QgsProcessingOutputLayerDefinition("")})
    assert result["OUTPUT"] == str(library / "exports" / "alpinequest" / "Plan_IGN_v2_z8-8.mbtiles")
    # A temporary OUTPUT is refused: QGIS deletes it on exit.
    try:
        processing.run("ign_offline:export_tiles", {"INPUT": source, "OUTPUT": "TEMPORARY_OUTPUT"})
        refused = ""
    except QgsProcessingException as exc:
        refused = str(exc)
    assert "deleted when QGIS closes" in refused


def test_an_output_extension_is_added_when_missing_and_a_wrong_one_refused(tmp_path, provider):
    import processing
    from osgeo import gdal
    from qgis.core import QgsProcessingException

    source, _ = library_file(tmp_path)
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "FORMAT": "gpkg",
                                                         "OUTPUT": str(tmp_path / "plan")})
    assert result["OUTPUT"] == str(tmp_path / "plan.gpkg") and gdal.OpenEx(result["OUTPUT"]) is not None
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "qfield",
                                                         "OUTPUT": str(tmp_path / "OUTPUT.file")})
    assert result["OUTPUT"] == str(tmp_path / "OUTPUT.file.mbtiles")
    try:
        processing.run("ign_offline:export_tiles", {"INPUT": source, "FORMAT": "gpkg",
                                                    "OUTPUT": str(tmp_path / "x.tif")})
        refused = ""
    except QgsProcessingException as exc:
        refused = str(exc)
    assert "names a GeoTIFF file but FORMAT gpkg writes GeoPackage" in refused and "x.gpkg" in refused
    assert not (tmp_path / "x.tif").exists() and not (tmp_path / "x.gpkg").exists()


def test_qgis_process_with_no_output_writes_into_the_library(tmp_path):
    source, _ = library_file(tmp_path)
    library = tmp_path / "library"
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "TARGET=osmand",
                             "LIBRARY=" + str(library), "ZOOM_MIN=10", "ZOOM_MAX=11")
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    written = library / "exports" / "osmand" / "Plan_IGN_v2_z10-11.sqlitedb"
    assert written.is_file() and str(written) in completed.stdout
    assert exports.decode_osmand(str(written))[1] == [10, 11]
    # The web target through qgis_process (the system's Python): the bundled pmtiles package writes it.
    completed = make_process("run", "ign_offline:export_tiles", "--", "INPUT=" + source, "TARGET=web",
                             "LIBRARY=" + str(library))
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    from pmtiles.reader import MmapSource, Reader

    with open(library / "exports" / "web" / "Plan_IGN_v2_z8-13.pmtiles", "rb") as stream:
        header = Reader(MmapSource(stream)).header()
    assert (header["min_zoom"], header["max_zoom"]) == (8, 13)
