"""Real 7z archives made by Debian's 7-Zip (`7zz`, else `7z`) from files the tests write, and damaged or hostile
copies of them. The plugin never runs 7-Zip: these archives check its own reader (core/archives/sevenzip.py)."""

import os
import random
import shutil
import subprocess
import zlib

import pytest

# Every method and shape the reader decodes, as 7-Zip's switches (the default is LZMA2, solid).
METHODS = {
    "lzma2": [],
    "lzma": ["-m0=LZMA"],
    "bzip2": ["-m0=BZip2"],
    "deflate": ["-m0=Deflate"],
    "copy": ["-m0=Copy"],
    "bcj-lzma2": ["-mf=BCJ"],
    "bcj-lzma": ["-m0=BCJ", "-m1=LZMA"],
    "arm": ["-mf=ARM"], "armt": ["-mf=ARMT"], "ppc": ["-mf=PPC"], "sparc": ["-mf=SPARC"], "ia64": ["-mf=IA64"],
    "delta-lzma2": ["-mf=Delta:4"],
    "delta-bzip2": ["-m0=Delta:2", "-m1=BZip2"],
    "non-solid": ["-ms=off"],
    "several-folders": ["-ms=2m", "-mmt=2"],
    "plain-header": ["-mhc=off"],
}


def tool():
    """The 7-Zip command on PATH, or None."""
    return shutil.which("7zz") or shutil.which("7z")


def need_tool():
    found = tool()
    if found is None:
        pytest.skip("neither 7zz nor 7z is on PATH (make setup installs Debian's 7zip)")
    return found


def run(*arguments, cwd=None):
    subprocess.run([need_tool(), *arguments], cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, timeout=300)


def write_geopackage(path):
    from osgeo import ogr, osr

    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("troncon_de_route", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    rng = random.Random(7)
    for index in range(300):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("nom", "Route n°{}".format(index))
        x, y = 570000 + rng.random() * 10000, 6270000 + rng.random() * 10000
        feature.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING ({} {}, {} {})".format(x, y, x + 50, y + 30)))
        layer.CreateFeature(feature)
    source = None


def asc_grid(rows, columns, seed=1):
    """An ESRI ASCII grid like RGE ALTI's tiles: a header and heights with two decimals."""
    rng = random.Random(seed)
    lines = ["ncols {}".format(columns), "nrows {}".format(rows), "xllcorner 570000.0", "yllcorner 6270000.0",
             "cellsize 5.0", "NODATA_value -99999.00"]
    height = 200.0
    for _ in range(rows):
        row = []
        for _ in range(columns):
            height += rng.uniform(-0.5, 0.5)
            row.append("{:.2f}".format(height))
        lines.append(" ".join(row))
    return ("\n".join(lines) + "\n").encode()


def sample_tree(folder, random_bytes=1500_000):
    """The files the archives hold: a GeoPackage, an ASC grid, random and compressible bytes, an empty file, an
    empty directory, a unicode name, nested folders."""
    os.makedirs(os.path.join(folder, "1_DONNEES_LIVRAISON", "dalles", "été"), exist_ok=True)
    os.makedirs(os.path.join(folder, "vide"), exist_ok=True)
    write_geopackage(os.path.join(folder, "1_DONNEES_LIVRAISON", "BDTOPO.gpkg"))
    with open(os.path.join(folder, "1_DONNEES_LIVRAISON", "dalles", "RGEALTI_0570_6275.asc"), "wb") as out:
        out.write(asc_grid(60, 200))
    with open(os.path.join(folder, "1_DONNEES_LIVRAISON", "dalles", "été", "Lézignan ü.txt"), "wb") as out:
        out.write("Données ✓\n".encode() * 100)
    with open(os.path.join(folder, "random.bin"), "wb") as out:
        out.write(random.Random(3).randbytes(random_bytes))
    with open(os.path.join(folder, "zeros_and_text.bin"), "wb") as out:
        out.write(bytes(200_000) + b"IGN " * 50_000)
    open(os.path.join(folder, "vide.txt"), "wb").close()
    return folder


def make_archive(archive, source, *switches):
    """`7z a` of everything in `source` (relative names), with `switches`."""
    run("a", "-bd", "-y", *switches, os.path.abspath(archive), ".", cwd=source)
    return archive


def reference(archive, out):
    """What Debian's 7-Zip extracts from `archive` (its first volume), into `out`."""
    run("x", "-bd", "-y", "-o" + os.path.abspath(out), os.path.abspath(archive))
    return out


def tree(folder):
    """{relative path: bytes, or None for a directory}: a whole extraction, compared in one assert."""
    found = {}
    for parent, folders, files in os.walk(folder):
        for name in folders:
            found[os.path.relpath(os.path.join(parent, name), folder)] = None
        for name in files:
            path = os.path.join(parent, name)
            with open(path, "rb") as source:
                found[os.path.relpath(path, folder)] = zlib.crc32(source.read()), os.path.getsize(path)
    return found


def flip_byte(path, offset):
    with open(path, "r+b") as archive:
        archive.seek(offset)
        value = archive.read(1)[0]
        archive.seek(offset)
        archive.write(bytes((value ^ 0xFF,)))


def truncate(path, size):
    with open(path, "r+b") as archive:
        archive.truncate(size)


def hostile(folder, kind):
    """A real 7z made by 7-Zip that holds a member named with '..' ("dots"), an absolute name ("absolute") or a
    symbolic link to /etc/passwd ("link"). Returns its path."""
    work = os.path.join(folder, "hostile-" + kind)
    os.makedirs(os.path.join(work, "inner"))
    archive = os.path.join(folder, kind + ".7z")
    with open(os.path.join(work, "evil.txt"), "w") as out:
        out.write("evil")
    if kind == "dots":  # -spf keeps the path as given
        run("a", "-bd", "-spf", archive, os.path.join("..", "evil.txt"), cwd=os.path.join(work, "inner"))
    elif kind == "absolute":
        run("a", "-bd", "-spf", archive, os.path.join(os.path.abspath(work), "evil.txt"))
    else:
        os.symlink("/etc/passwd", os.path.join(work, "inner", "passwd"))
        run("a", "-bd", "-snl", archive, "evil.txt", os.path.join("inner", "passwd"), cwd=work)
    return archive


def compressible_file(path, megabytes, seed=5):
    """`megabytes` MB that compress some forty times, quickly: every MB is 20 kB of random bytes and a 64 kB run
    of grid heights repeated, so that no archive of it looks like a bomb and 7-Zip makes it in seconds."""
    rng = random.Random(seed)
    heights = " ".join("{:.2f}".format(200 + rng.random() * 50) for _ in range(11000)).encode()[:65536]
    text = heights * 16
    with open(path, "wb") as out:
        for _ in range(megabytes):
            out.write(rng.randbytes(20_000))
            out.write(text[:1_048_576 - 20_000])
    return path
