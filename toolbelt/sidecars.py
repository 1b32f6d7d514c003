"""GDAL's `.aux.xml` sidecars kept away from the user's files.

QGIS loads a raster named by a parameter as a layer (Processing's own check does it, qgis_process before the
algorithm even starts), and a raster layer computes its statistics for its renderer: GDAL then writes them into a
`.aux.xml` beside the file when the layer goes. A DEM's folder is the user's, only ever read."""

import contextlib


@contextlib.contextmanager
def inputs_left_alone():
    """Datasets opened in this thread meanwhile write no `.aux.xml` (GDAL_PAM_ENABLED=NO for this thread alone, for
    the time it takes to read the parameters: the outputs keep GDAL's sidecars where a format needs one)."""
    from osgeo import gdal

    before = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", before)
