"""Fixtures of the unit tier (no QGIS)."""

import pytest

from core.datasets.service import DownloadService
from tests.support import dataset_catalogue as catalogue
from tests.support.download_service import StandInDownloadService


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """(folder, catalogue): the RGE ALTI catalogue (D031 in two volumes, D081, D011), made once a module: real 7z
    archives of ASC tiles. Read only: each stand-in below publishes copies of its lists."""
    work = str(tmp_path_factory.mktemp("catalogue"))
    return work, catalogue.rgealti_catalogue(work)


@pytest.fixture()
def stand_in_service(published):
    """The stand-in download service publishing that catalogue. One a test, not a module: tests publish, withdraw,
    fail and count its downloads (it starts in milliseconds; the archives are made once, above)."""
    with StandInDownloadService({k: list(v) for k, v in published[1].items()}) as server:
        yield server


@pytest.fixture()
def stand_in(stand_in_service):
    """(server, client): that stand-in, and the plugin's client of it."""
    with DownloadService(root=stand_in_service.root) as client:
        yield stand_in_service, client
