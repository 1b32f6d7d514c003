"""Vector datasets (BD TOPO GeoPackage, Parcellaire Express shapefiles or GeoPackage): the tables worth loading,
in drawing order, and a copy cut to an area. GDAL/OGR only, no qgis.
"""

import os

from osgeo import gdal, ogr

from ..errors import Cancelled, IgnOfflineError, InputError
from ..storage import refuse_output_among_inputs
from .clipping import area_geometry, srs_of

# Drawing order, bottom first. BD TOPO 3.x has 57 tables; these are what a map of the area needs. cours_d_eau and
# plan_d_eau repeat troncon_hydrographique and surface_hydrographique as named wholes: not drawn twice.
USEFUL_TABLES = {
    "BDTOPO": ("zone_de_vegetation", "surface_hydrographique", "commune", "batiment", "troncon_hydrographique",
               "troncon_de_voie_ferree", "troncon_de_route", "zone_d_habitation", "lieu_dit_non_habite"),
    # Parcellaire Express: LOCALISANT repeats the parcels' numbers (labelled on the parcels), SUBDIVISION_FISC is
    # a tax detail; neither helps reading the map.
    "PARCELLAIRE-EXPRESS": ("commune", "feuille", "parcelle", "batiment"),
}


def open_vectors(path):
    """The OGR data source of a GeoPackage or a folder of shapefiles; InputError saying what is wrong otherwise."""
    try:
        source = ogr.Open(path)
    except RuntimeError:
        source = None
    if source is None:
        raise InputError("'{}' is not a vector dataset GDAL can read: give the GeoPackage or the folder of "
                         "shapefiles of the product.", path)
    return source


def layer_names(path):
    """The names of the layers of `path` (a GeoPackage, or a folder of shapefiles)."""
    source = open_vectors(path)
    return [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]


def useful_layers(product, gpkg):
    """The tables of `product` (a service resource id: "BDTOPO", "PARCELLAIRE-EXPRESS") worth loading that `gpkg`
    holds, bottom first, named as in the file (Parcellaire Express writes them in capitals)."""
    present = {name.lower(): name for name in layer_names(gpkg)}
    return [present[table] for table in USEFUL_TABLES.get(product, ()) if table in present]


def clip_geopackage(src, dst, area, layers=None, progress=None, is_cancelled=None):
    """A GeoPackage at `dst` holding the `layers` of `src` (default: all) cut to `area` (a core.tiles.areas.Area),
    each layer cut in its own CRS; written under a `.part` name and renamed when complete. Returns `dst`."""
    refuse_output_among_inputs(dst, [src], "The clipped GeoPackage")
    source = open_vectors(src)
    names = list(layers) if layers is not None else layer_names(src)
    missing = [name for name in names if source.GetLayerByName(name) is None]
    if missing:
        raise InputError("'{}' has no layer {}: its layers are {}.", os.path.basename(src), ", ".join(missing),
                         ", ".join(layer_names(src)))
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    stem, extension = os.path.splitext(dst)
    part = stem + ".part" + (extension or ".gpkg")
    _remove(part)
    try:
        for index, name in enumerate(names):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            layer = source.GetLayerByName(name)
            srs = layer.GetSpatialRef()
            cut = area_geometry(area, srs_of(srs.ExportToWkt() if srs is not None else None))
            options = gdal.VectorTranslateOptions(
                options=["-clipsrc", cut.ExportToWkt()], format="GPKG", layers=[name], layerName=name.lower(),
                geometryType="PROMOTE_TO_MULTI", accessMode="update" if index else None,
                callback=_callback(progress, index, len(names), is_cancelled))
            _translate(part, src, options, name, is_cancelled)
            if progress is not None:
                progress((index + 1) * 1000, len(names) * 1000)
        if not names:
            raise InputError("'{}' holds no layer to clip.", os.path.basename(src))
    except BaseException:
        _remove(part)
        raise
    os.replace(part, dst)
    return dst


def _translate(part, src, options, name, is_cancelled):
    try:
        result = gdal.VectorTranslate(part, src, options=options)
    except RuntimeError as exc:
        result, reason = None, str(exc)
    else:
        reason = gdal.GetLastErrorMsg()
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
    if result is None:
        raise IgnOfflineError("GDAL could not clip the layer {} of {} ({}).", name, os.path.basename(src),
                              reason or "unknown error")
    result = None  # noqa: F841 (closing writes the layer)


def _callback(progress, index, count, is_cancelled):
    def report(complete, message=None, data=None):
        if progress is not None:
            progress(int((index + max(0.0, min(1.0, complete))) * 1000), count * 1000)
        return 0 if is_cancelled is not None and is_cancelled() else 1
    return report


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
