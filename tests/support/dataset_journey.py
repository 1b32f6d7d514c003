"""What the dock's datasets journey (tests/qgis/test_desktop_datasets.py) and its screenshot
(tests/support/take_screenshots.py) serve: the three products the page ticks by default, for the two départements
the Toulouse preset meets in tests/support/dataset_catalogue.py, as real 7z archives."""

import os
import shutil

from tests.support import dataset_catalogue, dataset_samples
from tests.support.download_service import StandInEdition, StandInFile
from tests.support.sevenzip_archives import make_archive


def parcellaire_edition(work, zone):
    """Parcellaire Express of `zone`: one 7z of the sample shapefiles, laid out as IGN delivers them."""
    name = "PARCELLAIRE-EXPRESS_1-1__SHP_LAMB93_{}_2025-04-01".format(zone)
    source = os.path.join(work, "src-" + name)
    dataset_samples.parcellaire_shapefiles(os.path.join(
        source, "PARCELLAIRE-EXPRESS", "1_DONNEES_LIVRAISON_2025-04-00001", "PEPCI_1-1_SHP_LAMB93_" + zone))
    archive = make_archive(os.path.join(work, name + ".7z"), source)
    shutil.rmtree(source)
    box = dataset_catalogue.lonlat_box(570000.0, 6278000.0, 573000.0, 6280000.0)
    return StandInEdition(name, zone, dataset_catalogue.LABELS[zone], "SHP", "2025-04-01", box,
                          [StandInFile(os.path.basename(archive), path=archive)])


def catalogue(work):
    """The three products ticked by default for D031 and D081, which the Toulouse preset meets (RGE ALTI of D031 in
    several volumes; of D011 too, which it does not meet)."""
    found = dataset_catalogue.rgealti_catalogue(work)
    found["BDTOPO"] = [dataset_catalogue.bdtopo_edition(work, zone) for zone in ("D031", "D081")]
    found["PARCELLAIRE-EXPRESS"] = [parcellaire_edition(work, zone) for zone in ("D031", "D081")]
    return found
