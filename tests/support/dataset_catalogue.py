"""Catalogues of the stand-in download service made of real 7z archives (Debian's 7-Zip) of real sample data
(tests/support/dataset_samples.py): RGE ALTI 5 m for two neighbouring départements, D031 (as a two-volume 7z)
and D081 (one 7z), plus D011 further south that a test area does not meet; BD TOPO for D031.

    X 570–572 km (D031) | 572–573 km (D081), Y 6278–6280 km (Lambert-93); D011 around X 650 km, Y 6230 km.
"""

import os
import shutil

from osgeo import osr

from tests.support import dataset_samples as samples
from tests.support.download_service import StandInEdition, StandInFile
from tests.support.sevenzip_archives import make_archive

RGEALTI_DATE = "2020-10-14"
BDTOPO_DATE = "2026-06-15"
LABELS = {"D031": "D031 Haute-Garonne", "D081": "D081 Tarn", "D011": "D011 Aude"}
# zone -> (tile columns (km), tile rows (km)) of its RGE ALTI tiles
RGEALTI_TILES = {"D031": ((570, 571), (6280, 6279)), "D081": ((572,), (6280, 6279)), "D011": ((650,), (6230,))}


def rgealti_name(zone, date=RGEALTI_DATE):
    return "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_{}_{}".format(zone, date)


def lonlat_ring(xmin, ymin, xmax, ymax):
    """A Lambert-93 box as a closed lon/lat ring [(lon, lat), …]."""
    to_lonlat = osr.CoordinateTransformation(samples.lambert93(), samples._wgs84())
    corners = [(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)]
    return [tuple(round(v, 7) for v in to_lonlat.TransformPoint(x, y)[:2]) for x, y in corners]


def lonlat_box(xmin, ymin, xmax, ymax):
    """The lon/lat box (west, south, east, north) holding a Lambert-93 box."""
    to_lonlat = osr.CoordinateTransformation(samples.lambert93(), samples._wgs84())
    corners = [to_lonlat.TransformPoint(x, y)[:2] for x in (xmin, xmax) for y in (ymin, ymax)]
    return (min(c[0] for c in corners), min(c[1] for c in corners), max(c[0] for c in corners),
            max(c[1] for c in corners))


def two_departement_area(title="Two départements"):
    """An Area (lon/lat) inside the RGE ALTI tiles of D031 and D081, meeting both, far from D011."""
    return samples.lambert_area(570300.0, 6278300.0, 572700.0, 6279700.0, title)


def rgealti_archive(work, zone, date=RGEALTI_DATE, volumes=False, changed=False):
    """A 7z (or its volumes) of `zone`'s ASC tiles laid out as IGN delivers them: [paths]."""
    name = rgealti_name(zone, date)
    source = os.path.join(work, "src-" + name)
    tiles = os.path.join(source, "RGEALTI", "1_DONNEES_LIVRAISON_2021-01-00001",
                         "RGEALTI_MNT_5M_ASC_LAMB93_IGN69_{}".format(zone))
    os.makedirs(tiles, exist_ok=True)
    columns, rows = RGEALTI_TILES[zone]
    for x_km in columns:
        for y_km in rows:
            path = samples.write_asc(os.path.join(tiles, samples.dem_tile_name(x_km, y_km)), x_km, y_km)
            if changed:  # another edition: the same grid, its text changed
                with open(path, "a") as stream:
                    stream.write("\n")
    archive = os.path.join(work, name + ".7z")
    make_archive(archive, source, *(["-v60k"] if volumes else []))
    shutil.rmtree(source)
    if volumes:
        return sorted(os.path.join(work, n) for n in os.listdir(work) if n.startswith(name + ".7z."))
    return [archive]


def rgealti_edition(work, zone, date=RGEALTI_DATE, volumes=False, changed=False):
    columns, rows = RGEALTI_TILES[zone]
    box = lonlat_box(min(columns) * 1000.0, (min(rows) - 1) * 1000.0, (max(columns) + 1) * 1000.0,
                     max(rows) * 1000.0)
    paths = rgealti_archive(work, zone, date, volumes, changed)
    return StandInEdition(rgealti_name(zone, date), zone, LABELS[zone], "ASC", date, box,
                          [StandInFile(os.path.basename(p), path=p) for p in paths])


def renamed_edition(work, edition, date):
    """`edition` published again under `date`: its files byte for byte, under the new edition's names."""
    name = edition.name.replace(edition.date, date)
    files = []
    for remote in edition.files:
        path = os.path.join(work, remote.name.replace(edition.date, date))
        shutil.copyfile(remote.path, path)
        files.append(StandInFile(os.path.basename(path), path=path))
    return StandInEdition(name, edition.zone, edition.zone_label, edition.format, date, edition.bbox, files)


def rgealti_catalogue(work):
    """{"RGEALTI": [D031 in two volumes, D081, D011]}."""
    os.makedirs(work, exist_ok=True)
    return {"RGEALTI": [rgealti_edition(work, "D031", volumes=True), rgealti_edition(work, "D081"),
                        rgealti_edition(work, "D011")]}


def packed_edition(work, name, zone, form, date, write, box=None):
    """An edition of one 7z holding what `write(folder)` writes in a folder as IGN's deliveries nest it."""
    source = os.path.join(work, "src-" + name)
    folder = os.path.join(source, name.split("_")[0], "1_DONNEES_LIVRAISON_00001", name + "_DATA")
    os.makedirs(folder, exist_ok=True)
    write(folder)
    archive = make_archive(os.path.join(work, name + ".7z"), source)
    shutil.rmtree(source)
    box = box or lonlat_box(570000.0, 6278000.0, 573000.0, 6280000.0)
    return StandInEdition(name, zone, LABELS[zone], form, date, box,
                          [StandInFile(os.path.basename(archive), path=archive)])


def bdtopo_edition(work, zone="D031"):
    """BD TOPO of `zone`: one 7z holding the sample GeoPackage."""
    return packed_edition(work, "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_{}_{}".format(zone, BDTOPO_DATE), zone, "GPKG",
                          BDTOPO_DATE, lambda folder: samples.bdtopo_gpkg(
                              os.path.join(folder, "BDT_3-5_GPKG_LAMB93_{}-ED2026-06-15.gpkg".format(zone))))


def parcellaire_edition(work, zone="D031"):
    """Parcellaire Express of `zone`: one 7z holding its shapefiles."""
    return packed_edition(work, "PARCELLAIRE-EXPRESS_1-1__SHP_LAMB93_{}_2025-04-01".format(zone), zone, "SHP",
                          "2025-04-01", lambda folder: samples.parcellaire_shapefiles(os.path.join(folder, "PEPCI")))


def bdortho_edition(work, zone="D031"):
    """BD ORTHO of `zone`: one 7z holding 3 × 2 tiles of 1 km."""
    return packed_edition(work, "BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_{}_2025-01-01".format(zone), zone,
                          "JP2-E080", "2025-01-01",
                          lambda folder: samples.bdortho_tiles(os.path.join(folder, "dalles")))
