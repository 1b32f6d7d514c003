"""Processing provider `ign_offline`."""

from qgis.core import QgsProcessingProvider

from ..i18n import tr
from ..resources import icon
from .apply_patch import ApplyPatch
from .download_dataset import DownloadDataset
from .download_ftp import DownloadFtp
from .download_tiles import DownloadTiles
from .estimate_tiles import EstimateTiles
from .export_tiles import ExportTiles
from .inventory import Inventory
from .list_datasets import ListDatasets
from .list_ftp_products import ListFtpProducts
from .load_mbtiles import LoadMBTiles
from .make_patch import MakePatch
from .make_project_offline import MakeProjectOffline
from .merge_mbtiles import MergeMBTiles
from .recover_cache import RecoverCache
from .relief import Relief
from .run_plan import RunPlan
from .save_vector_styles import SaveVectorStyles
from .sync_field_folder import SyncFieldFolder

ALGORITHMS = (EstimateTiles, DownloadTiles, RecoverCache, RunPlan, MergeMBTiles, Inventory, MakeProjectOffline,
              ExportTiles, MakePatch, ApplyPatch, SyncFieldFolder, ListFtpProducts, DownloadFtp, LoadMBTiles,
              SaveVectorStyles, Relief, ListDatasets, DownloadDataset)


class IgnOfflineProvider(QgsProcessingProvider):
    def id(self):
        return "ign_offline"

    def name(self):
        # The panel's title, in the user's language too: a toolbox search for the panel's name finds the algorithms.
        return tr("IGN Offline")

    def longName(self):  # noqa: N802 (QGIS API name)
        return self.name()

    def icon(self):
        return icon("icon.svg")

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
