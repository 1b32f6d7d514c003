"""A small copy of the Grand Est open-data FTP tree, with real georeferenced tiles.

Both naming styles are there: `OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015` with a
`catalog/` index, `ORTHO_IRC_0M20_JP2_E100_L93_D68_2015` without, and an MNS
product of ZIP packages (TIF + TFW + HDR + grf). Tiles are 1 km, 10 m pixels,
named by their north-west corner in km; lossless JPEG 2000 made by GDAL.
Decoys: metadata files, names that do not parse, tiles away from the area.
"""

import os
import zipfile

from osgeo import gdal, ogr, osr

PIXEL = 10.0          # metres: 100 × 100 pixels make a 1 km tile
PIXELS = 100

RVB = "OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015"
IRC = "ORTHO_IRC_0M20_JP2_E100_L93_D68_2015"
MNS = "OHR_MNS_0M20_TIF_LAMB93_D57-2015"
HISTO = "BDOHISTO_NB_67_0M50_1950_LACC48"

# North-west corners (km) of the 3 × 3 RVB grid around Strasbourg.
RVB_CORNERS = [(x, y) for y in (6842, 6841, 6840) for x in (1045, 1046, 1047)]
IRC_CORNERS = [(x, y) for y in (6780, 6779) for x in (1020, 1021)]
MNS_CORNERS = [(x, y) for y in (6900, 6899) for x in (930, 931)]

# EPSG:2154 extent (xmin, xmax, ymin, ymax) overlapping 4 RVB tiles: x 1045-1046, north-west y 6841-6842.
RVB_AREA = (1045500.0, 1046500.0, 6840500.0, 6841500.0)
RVB_AREA_TILES = ["67-2015-1045-6842-LA93-0M20-E100.jp2", "67-2015-1046-6842-LA93-0M20-E100.jp2",
                  "67-2015-1045-6841-LA93-0M20-E100.jp2", "67-2015-1046-6841-LA93-0M20-E100.jp2"]


def rvb_name(x, y):
    return "67-2015-{:04d}-{:04d}-LA93-0M20-E100.jp2".format(x, y)


def irc_name(x, y):
    return "68-2015-{:04d}-{:04d}-LA93-0M20-E100.jp2".format(x, y)


def mns_stem(x, y):
    return "57-2015-{:04d}-{:04d}-LA93-0M20".format(x, y)


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    return srs


def _pixels(x_km, y_km, bands):
    """A small image whose values depend on the tile, so every tile's bytes differ."""
    mem = gdal.GetDriverByName("MEM").Create("", PIXELS, PIXELS, bands, gdal.GDT_Byte)
    mem.SetGeoTransform((x_km * 1000.0, PIXEL, 0.0, y_km * 1000.0, 0.0, -PIXEL))
    mem.SetProjection(_srs().ExportToWkt())
    for band in range(1, bands + 1):
        data = bytes(((x_km * 7 + y_km * 13 + band * 31 + i * 3 + (i // PIXELS) * 5) % 251)
                     for i in range(PIXELS * PIXELS))
        mem.GetRasterBand(band).WriteRaster(0, 0, PIXELS, PIXELS, data)
    return mem


def write_jp2(path, x_km, y_km):
    """A lossless JPEG 2000 tile whose north-west corner is (x_km, y_km) in Lambert-93."""
    gdal.GetDriverByName("JP2OpenJPEG").CreateCopy(
        path, _pixels(x_km, y_km, 3), options=["REVERSIBLE=YES", "QUALITY=100", "GMLJP2=NO"])
    _drop_aux(path)


def write_mns_zip(path, x_km, y_km):
    """An MNS package: float TIF (no CRS inside) + TFW world file + HDR + grf, zipped."""
    stem = os.path.splitext(os.path.basename(path))[0]
    folder = os.path.join(os.path.dirname(path), ".build-" + stem)
    os.makedirs(folder)
    tif = os.path.join(folder, stem + ".tif")
    mem = gdal.GetDriverByName("MEM").Create("", PIXELS, PIXELS, 1, gdal.GDT_Float32)
    mem.SetGeoTransform((x_km * 1000.0, PIXEL, 0.0, y_km * 1000.0, 0.0, -PIXEL))
    mem.GetRasterBand(1).Fill(150.0 + x_km % 10 + (y_km % 10) / 10.0)
    gdal.GetDriverByName("GTiff").CreateCopy(tif, mem, options=["TFW=YES", "PROFILE=BASELINE"])
    _drop_aux(tif)
    with open(os.path.join(folder, stem + ".hdr"), "w") as handle:
        handle.write("ncols {0}\nnrows {0}\ncellsize {1}\n".format(PIXELS, PIXEL))
    with open(os.path.join(folder, stem + ".grf"), "w") as handle:
        handle.write("RGF93 / Lambert-93\n")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(os.listdir(folder)):
            archive.write(os.path.join(folder, name), name)
            os.remove(os.path.join(folder, name))
    os.rmdir(folder)


def write_index(path, tiles):
    """A `dalles` shapefile like CIGAL's: one polygon per tile, its name in `location`."""
    driver = ogr.GetDriverByName("ESRI Shapefile")
    source = driver.CreateDataSource(path)
    layer = source.CreateLayer("dalles", _srs(), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("location", ogr.OFTString))
    for number, (name, (x, y)) in enumerate(tiles, start=1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", number)
        feature.SetField("location", "./data/" + name)
        x0, y1 = x * 1000.0, y * 1000.0
        ring = "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y1 - 1000, x0 + 1000, y1)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(ring))
        layer.CreateFeature(feature)
    source = None  # noqa: F841 (closing writes the files)


def _drop_aux(path):
    for extra in (path + ".aux.xml",):
        if os.path.exists(extra):
            os.remove(extra)


def _product(root, name, with_catalog=False):
    folder = os.path.join(root, "open_data", name)
    for part in ("data", "metadata") + (("catalog",) if with_catalog else ()):
        os.makedirs(os.path.join(folder, part), exist_ok=True)
    with open(os.path.join(folder, "metadata", name + ".xml"), "w") as handle:
        handle.write("<metadata><title>{}</title></metadata>\n".format(name))
    return folder


def make_tree(root):
    """Fill `root` with the tree; returns {product name: product path on the server}."""
    rvb = _product(root, RVB, with_catalog=True)
    for x, y in RVB_CORNERS:
        write_jp2(os.path.join(rvb, "data", rvb_name(x, y)), x, y)
    write_index(os.path.join(rvb, "catalog", "dalles.shp"), [(rvb_name(x, y), (x, y)) for x, y in RVB_CORNERS])
    with open(os.path.join(rvb, "data", "lisez-moi.txt"), "w") as handle:
        handle.write("Orthophotographie 2015, Licence Ouverte\n")
    write_jp2(os.path.join(rvb, "data", "dalle_sans_coordonnees.jp2"), 1045, 6842)

    irc = _product(root, IRC)
    for x, y in IRC_CORNERS:
        write_jp2(os.path.join(irc, "data", irc_name(x, y)), x, y)

    mns = _product(root, MNS)
    for x, y in MNS_CORNERS:
        write_mns_zip(os.path.join(mns, "data", mns_stem(x, y) + ".zip"), x, y)

    os.makedirs(os.path.join(root, "open_data", "documentation"))
    with open(os.path.join(root, "open_data", "documentation", "guide.pdf"), "wb") as handle:
        handle.write(b"%PDF-1.4\n")
    with open(os.path.join(root, "LISEZMOI.txt"), "w") as handle:
        handle.write("Serveur de test IGN Offline\n")
    return {name: "/open_data/" + name for name in (RVB, IRC, MNS)}
