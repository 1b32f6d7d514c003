"""Real, small image tiles made with GDAL (no QGIS needed)."""

import uuid

from osgeo import gdal

gdal.UseExceptions()


def image_tile(rgb, driver="PNG", size=256, options=()):
    """Bytes of a size x size image filled with the colour `rgb`, encoded by GDAL."""
    mem = gdal.GetDriverByName("MEM").Create("", size, size, 3, gdal.GDT_Byte)
    for band, value in enumerate(rgb, start=1):
        mem.GetRasterBand(band).Fill(value)
    path = "/vsimem/{}.{}".format(uuid.uuid4().hex, driver.lower())
    gdal.GetDriverByName(driver).CreateCopy(path, mem, options=list(options))
    try:
        handle = gdal.VSIFOpenL(path, "rb")
        gdal.VSIFSeekL(handle, 0, 2)
        length = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        data = gdal.VSIFReadL(1, length, handle)
        gdal.VSIFCloseL(handle)
    finally:
        gdal.Unlink(path)
    return bytes(data)


def png_tile(rgb):
    return image_tile(rgb, "PNG")


def jpeg_tile(rgb):
    return image_tile(rgb, "JPEG")
