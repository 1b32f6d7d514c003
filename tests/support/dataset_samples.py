"""Small real datasets shaped like IGN's, written by GDAL into a test's folder: RGE ALTI ASC tiles (Lambert-93,
no .prj, nodata -99999), a BD TOPO GeoPackage with BD TOPO 3.x's table and column names, Parcellaire Express
shapefiles, and BD ORTHO tiles named like IGN's (JPEG 2000 when GDAL has a JP2 driver, else GeoTIFF named the same).

They all sit around X 570–573 km, Y 6277–6280 km (Lambert-93), east of Toulouse.
"""

import array
import math
import os

from osgeo import gdal, ogr, osr

from core.tiles.areas import Area

X0_KM, Y0_KM = 570, 6280          # top-left corner of the first tile, as IGN's names give it
DEM_PIXEL = 5.0                   # RGE ALTI 5 m
DEM_TILE_PIXELS = 200             # 1 km tiles (IGN's 5 m tiles are 5 km: smaller keeps tests fast)
NODATA = -99999.0
ORTHO_PIXEL = 10.0                # 1 km ortho tiles of 100 px (IGN's are 5000 px at 0.20 m)


def lambert93():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def elevation(x, y):
    """Hills and a valley, in metres, at Lambert-93 (x, y): enough relief for shading, slopes and contours."""
    return (250.0 + 60.0 * math.sin(x / 400.0) * math.cos(y / 530.0) + 0.02 * (x - X0_KM * 1000)
            + 25.0 * math.sin((x + y) / 170.0))


def dem_tile_name(x_km, y_km):
    return "RGEALTI_FXX_{:04d}_{:04d}_MNT_LAMB93_IGN69.asc".format(x_km, y_km)


def write_asc(path, x_km, y_km, pixels=DEM_TILE_PIXELS, pixel=DEM_PIXEL, holes=True):
    """One ASC tile whose top-left corner is (x_km, y_km) km, written as IGN writes them (no .prj): its path."""
    memory = gdal.GetDriverByName("MEM").Create("", pixels, pixels, 1, gdal.GDT_Float32)
    left, top = x_km * 1000.0, y_km * 1000.0
    memory.SetGeoTransform((left, pixel, 0.0, top, 0.0, -pixel))
    band = memory.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    rows = []
    for row in range(pixels):
        y = top - (row + 0.5) * pixel
        rows.append([elevation(left + (column + 0.5) * pixel, y) for column in range(pixels)])
    if holes:  # a few missing values, as at a coast or a border
        for row in range(3):
            rows[row][:3] = [NODATA] * 3
    data = array.array("f", [value for line in rows for value in line]).tobytes()
    band.WriteRaster(0, 0, pixels, pixels, data)
    gdal.GetDriverByName("AAIGrid").CreateCopy(path, memory, options=["DECIMAL_PRECISION=2"])
    for sidecar in (path + ".aux.xml", os.path.splitext(path)[0] + ".prj"):
        if os.path.exists(sidecar):
            os.remove(sidecar)
    return path


def rgealti_tiles(folder, columns=3, rows=2):
    """`columns` × `rows` ASC tiles of 1 km side by side from (X0_KM, Y0_KM): their paths."""
    os.makedirs(folder, exist_ok=True)
    return [write_asc(os.path.join(folder, dem_tile_name(X0_KM + c, Y0_KM - r)), X0_KM + c, Y0_KM - r)
            for r in range(rows) for c in range(columns)]


def lambert_area(xmin, ymin, xmax, ymax, title="Test area"):
    """The lon/lat Area whose box holds the Lambert-93 box given, shrunk a little (an area inside it)."""
    to_lonlat = osr.CoordinateTransformation(lambert93(), _wgs84())
    corners = [to_lonlat.TransformPoint(x, y)[:2] for x in (xmin, xmax) for y in (ymin, ymax)]
    west, east = max(c[0] for c in corners[:2]), min(c[0] for c in corners[2:])
    south, north = max(c[1] for c in corners[0::2]), min(c[1] for c in corners[1::2])
    return Area("test", title, west, south, east, north)


def _wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


# -- BD TOPO ------------------------------------------------------------------------------------------------------

def _box(x0, y0, x1, y1):
    return "MULTIPOLYGON((({0} {1},{2} {1},{2} {3},{0} {3},{0} {1})))".format(x0, y0, x1, y1)


def _line(*points):
    return "MULTILINESTRING(({}))".format(",".join("{} {}".format(x, y) for x, y in points))


X, Y = X0_KM * 1000.0, (Y0_KM - 2) * 1000.0  # the bottom-left of the sample area (3 km × 2 km)

BDTOPO = {
    # table: (geometry type, {column: OGR type}, [(values, WKT)])
    "zone_de_vegetation": (ogr.wkbMultiPolygon, {"nature": ogr.OFTString}, [
        ({"nature": "Forêt fermée de feuillus"}, _box(X + 100, Y + 1200, X + 1400, Y + 1900))]),
    "surface_hydrographique": (ogr.wkbMultiPolygon, {"nature": ogr.OFTString, "nom_1": ogr.OFTString}, [
        ({"nature": "Plan d'eau", "nom_1": "Lac de la Thésauque"}, _box(X + 2000, Y + 1300, X + 2700, Y + 1800))]),
    "plan_d_eau": (ogr.wkbMultiPolygon, {"nature": ogr.OFTString, "toponyme": ogr.OFTString}, [
        ({"nature": "Lac", "toponyme": "Lac de la Thésauque"}, _box(X + 2000, Y + 1300, X + 2700, Y + 1800))]),
    "commune": (ogr.wkbMultiPolygon, {"nom_officiel": ogr.OFTString, "code_insee": ogr.OFTString}, [
        ({"nom_officiel": "Montgiscard", "code_insee": "31381"}, _box(X + 10, Y + 10, X + 2990, Y + 1990))]),
    "batiment": (ogr.wkbMultiPolygon, {"nature": ogr.OFTString, "usage_1": ogr.OFTString,
                                       "hauteur": ogr.OFTReal}, [
        ({"nature": "Indifférenciée", "usage_1": "Résidentiel", "hauteur": 7.5},
         _box(X + 500 + 40 * i, Y + 500, X + 530 + 40 * i, Y + 530)) for i in range(8)]),
    "troncon_hydrographique": (ogr.wkbMultiLineString, {"nature": ogr.OFTString, "cpx_toponyme_de_cours_d_eau":
                                                        ogr.OFTString}, [
        ({"nature": "Ecoulement naturel", "cpx_toponyme_de_cours_d_eau": "L'Hers-Mort"},
         _line((X, Y + 1000), (X + 1500, Y + 1100), (X + 3000, Y + 900)))]),
    "cours_d_eau": (ogr.wkbMultiLineString, {"toponyme": ogr.OFTString}, [
        ({"toponyme": "L'Hers-Mort"}, _line((X, Y + 1000), (X + 1500, Y + 1100), (X + 3000, Y + 900)))]),
    "troncon_de_voie_ferree": (ogr.wkbMultiLineString, {"nature": ogr.OFTString}, [
        ({"nature": "Voie ferrée principale"}, _line((X, Y + 300), (X + 3000, Y + 350)))]),
    "troncon_de_route": (ogr.wkbMultiLineString, {"nature": ogr.OFTString, "importance": ogr.OFTString,
                                                  "nom_1_gauche": ogr.OFTString, "cpx_toponyme_route_nommee":
                                                  ogr.OFTString, "cpx_numero": ogr.OFTString}, [
        ({"nature": "Type autoroutier", "importance": "1", "cpx_numero": "A61"},
         _line((X, Y + 700), (X + 3000, Y + 750))),
        ({"nature": "Route à 1 chaussée", "importance": "3", "nom_1_gauche": "Route de Toulouse"},
         _line((X + 1500, Y), (X + 1500, Y + 2000))),
        ({"nature": "Route à 1 chaussée", "importance": "5", "nom_1_gauche": "Chemin des Vignes"},
         _line((X + 300, Y + 100), (X + 900, Y + 1500))),
        ({"nature": "Sentier", "importance": "6"}, _line((X + 2200, Y + 100), (X + 2900, Y + 1200)))]),
    "zone_d_habitation": (ogr.wkbMultiPolygon, {"nature": ogr.OFTString, "toponyme": ogr.OFTString,
                                                "importance": ogr.OFTString}, [
        ({"nature": "Lieu-dit habité", "toponyme": "Montgiscard", "importance": "4"},
         _box(X + 400, Y + 400, X + 900, Y + 650))]),
    "lieu_dit_non_habite": (ogr.wkbPoint, {"nature": ogr.OFTString, "toponyme": ogr.OFTString}, [
        ({"nature": "Lieu-dit non habité", "toponyme": "En Sicard"}, "POINT({} {})".format(X + 2400, Y + 600))]),
}


def write_layers(source, tables, srs):
    for table, (geometry_type, columns, rows) in tables.items():
        layer = source.CreateLayer(table, srs, geometry_type)
        for column, kind in columns.items():
            layer.CreateField(ogr.FieldDefn(column, kind))
        for values, wkt in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for column, value in values.items():
                feature.SetField(column, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)


def bdtopo_gpkg(path):
    """A BD TOPO GeoPackage (a few features per table, Lambert-93): its path."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    write_layers(source, BDTOPO, lambert93())
    source = None
    return path


# -- Parcellaire Express ------------------------------------------------------------------------------------------

PARCELLAIRE = {
    "COMMUNE": (ogr.wkbPolygon, {"NOM_COM": ogr.OFTString, "CODE_INSEE": ogr.OFTString}, [
        ({"NOM_COM": "Montgiscard", "CODE_INSEE": "31381"}, _box(X, Y, X + 3000, Y + 2000))]),
    "FEUILLE": (ogr.wkbPolygon, {"SECTION": ogr.OFTString, "FEUILLE": ogr.OFTInteger}, [
        ({"SECTION": "AB", "FEUILLE": 1}, _box(X, Y, X + 1500, Y + 2000))]),
    "PARCELLE": (ogr.wkbPolygon, {"IDU": ogr.OFTString, "NUMERO": ogr.OFTString, "SECTION": ogr.OFTString,
                                  "CONTENANCE": ogr.OFTInteger}, [
        ({"IDU": "31381000AB{:04d}".format(i + 1), "NUMERO": "{:04d}".format(i + 1), "SECTION": "AB",
          "CONTENANCE": 40000}, _box(X + 200 * i, Y, X + 200 * (i + 1), Y + 200)) for i in range(10)]),
    "SUBDIVISION_FISC": (ogr.wkbPolygon, {"LETTRE": ogr.OFTString}, [
        ({"LETTRE": "a"}, _box(X, Y, X + 100, Y + 100))]),
    "BATIMENT": (ogr.wkbPolygon, {"TYPE": ogr.OFTString}, [
        ({"TYPE": "01"}, _box(X + 50 + 200 * i, Y + 50, X + 120 + 200 * i, Y + 120)) for i in range(10)]),
    "LOCALISANT": (ogr.wkbPoint, {"IDU": ogr.OFTString}, [
        ({"IDU": "31381000AB0001"}, "POINT({} {})".format(X + 100, Y + 100))]),
}


def parcellaire_shapefiles(folder):
    """Parcellaire Express as IGN ships it: one shapefile per table (upper-case names) in `folder`: its path."""
    os.makedirs(folder, exist_ok=True)
    driver = ogr.GetDriverByName("ESRI Shapefile")
    for table, spec in PARCELLAIRE.items():
        source = driver.CreateDataSource(os.path.join(folder, table + ".shp"))
        write_layers(source, {table: spec}, lambert93())
        source = None
    return folder


# -- BD ORTHO -----------------------------------------------------------------------------------------------------

def ortho_extension():
    """'.jp2' when GDAL can write JPEG 2000 here, else '.tif' (the same names otherwise)."""
    return ".jp2" if gdal.GetDriverByName("JP2OpenJPEG") is not None else ".tif"


def ortho_tile_name(x_km, y_km, extension=None):
    return "31-2025-{:04d}-{:04d}-LA93-0M20-E080{}".format(x_km, y_km, extension or ortho_extension())


def bdortho_tiles(folder, columns=3, rows=2, georeferenced=True):
    """`columns` × `rows` RGB tiles of 1 km named like BD ORTHO's (top-left corner in km): their paths."""
    os.makedirs(folder, exist_ok=True)
    extension = ortho_extension()
    driver = gdal.GetDriverByName("JP2OpenJPEG" if extension == ".jp2" else "GTiff")
    size = int(1000 / ORTHO_PIXEL)
    paths = []
    for r in range(rows):
        for c in range(columns):
            x_km, y_km = X0_KM + c, Y0_KM - r
            memory = gdal.GetDriverByName("MEM").Create("", size, size, 3, gdal.GDT_Byte)
            if georeferenced:
                memory.SetGeoTransform((x_km * 1000.0, ORTHO_PIXEL, 0.0, y_km * 1000.0, 0.0, -ORTHO_PIXEL))
                memory.SetProjection(lambert93().ExportToWkt())
            for band, value in zip((1, 2, 3), (60 + 40 * c, 120, 60 + 80 * r)):
                memory.GetRasterBand(band).Fill(value)
            path = os.path.join(folder, ortho_tile_name(x_km, y_km, extension))
            driver.CreateCopy(path, memory, options=["QUALITY=100", "REVERSIBLE=YES"] if extension == ".jp2"
                              else [])
            if os.path.exists(path + ".aux.xml"):
                os.remove(path + ".aux.xml")
            paths.append(path)
    return paths
