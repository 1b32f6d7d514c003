"""GDAL's `.aux.xml` sidecars kept away from files QGIS only reads.

A raster layer computes its statistics for its renderer, and GDAL writes them into a `.aux.xml` beside the file when
the layer goes: beside a user's DEM named by a parameter (Processing's own check loads it as a layer, qgis_process
before the algorithm even starts), or among the library's files when the results are loaded (toolbelt.datasets). A
DEM's folder is the user's, only ever read; the library holds what the plugin wrote, nothing else."""

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
