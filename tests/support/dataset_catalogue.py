"""A small catalogue for the stand-in download service (tests/support/download_service.py): BD TOPO, RGE ALTI 5 m
and Parcellaire Express editions of a few départements, each one real 7z archive (made by Debian's `7zz`, tests
only) laid out as IGN's are (`<edition>/<PRODUCT>/1_DONNEES_LIVRAISON_…/…`), holding the small datasets of
tests/support/dataset_samples.py (Lambert-93 570-573 km × 6277-6280 km, in Toulouse, whatever the département: the
content is not what the dock tests look at).

The editions' lon/lat boxes decide which ones an area meets (the stand-in meets boxes): SAMPLE_AREA (and the
Toulouse preset) meet Haute-Garonne (D031) and Tarn (D081) as given here, not Ariège (D009)."""

import os
import shutil
import subprocess

from tests.support import dataset_samples
from tests.support.download_service import StandInEdition, StandInFile

# Inside the sample data's box (Lambert-93 570-573 km × 6278-6280 km), in lon/lat.
SAMPLE_AREA = (1.395, 43.592, 1.425, 43.605)
# Boxes made up so that the sample area straddles the border of D031 and D081 (as an area on a real border does).
ZONES = {
    "D031": ("Haute-Garonne", (0.44, 42.69, 1.41, 43.92)),
    "D081": ("Tarn", (1.40, 43.38, 2.94, 44.21)),
    "D009": ("Ariège", (0.83, 42.57, 2.18, 43.32)),
}
EDITIONS = {
    # resource: (edition name with {zone}, format, date)
    "BDTOPO": ("BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_{zone}_2026-06-15", "GPKG", "2026-06-15"),
    "RGEALTI": ("RGEALTI_2-0_5M_ASC_LAMB93-IGN69_{zone}_2020-10-14", "ASC", "2020-10-14"),
    "PARCELLAIRE-EXPRESS": ("PARCELLAIRE-EXPRESS_1-1__SHP_LAMB93_{zone}_2025-04-01", "SHP", "2025-04-01"),
}


def seven_zip():
    found = shutil.which("7zz") or shutil.which("7z")
    if found is None:
        raise RuntimeError("Debian's 7zip is missing (apt-get install 7zip): the tests make real 7z archives")
    return found


def _content(resource, edition, zone, folder):
    """The edition's files as IGN lays them out, under `folder/<edition>`."""
    delivery = os.path.join(folder, edition, resource, "1_DONNEES_LIVRAISON_2026-06-00123")
    if resource == "BDTOPO":
        inner = os.path.join(delivery, "BDT_3-5_GPKG_LAMB93_{}-ED2026-06-15".format(zone))
        os.makedirs(inner)
        dataset_samples.bdtopo_gpkg(os.path.join(inner, "BDT_3-5_GPKG_LAMB93_{}-ED2026-06-15.gpkg".format(zone)))
    elif resource == "RGEALTI":
        dataset_samples.rgealti_tiles(os.path.join(delivery, "RGEALTI_MNT_5M_ASC_LAMB93_IGN69_{}".format(zone)))
    else:
        dataset_samples.parcellaire_shapefiles(os.path.join(delivery, "PARCELLAIRE-EXPRESS_1-1__SHP_LAMB93_{}"
                                                            .format(zone)))


def archive(resource, zone, folder):
    """One edition of `resource` for `zone`, as a StandInEdition whose one file is a real .7z in `folder`."""
    template, form, date = EDITIONS[resource]
    name = template.format(zone=zone)
    staging = os.path.join(folder, "staging", name)
    _content(resource, name, zone, staging)
    path = os.path.join(folder, name + ".7z")
    subprocess.run([seven_zip(), "a", "-t7z", "-mx=1", "-bd", "-bso0", path, name], cwd=staging, check=True,
                   timeout=120)
    shutil.rmtree(staging)
    title, bbox = ZONES[zone]
    return StandInEdition(name, zone, "{} {}".format(zone, title), form, date, bbox,
                          [StandInFile(name + ".7z", path=path)])


def catalogue(folder, resources=("BDTOPO", "RGEALTI"), zones=("D031", "D081", "D009")):
    """{resource: [StandInEdition]} for the stand-in, its archives written into `folder`."""
    os.makedirs(folder, exist_ok=True)
    return {resource: [archive(resource, zone, folder) for zone in zones] for resource in resources}
