"""The question before a very large download: how many tiles, about how many bytes, and the room left on the disk."""

from qgis.PyQt.QtWidgets import QMessageBox

from ..core import storage
from ..core.messages import Size
from ..core.tiles import areas
from ..i18n import say, tr


def confirm_large_job(widget, tiles, where, exact=True, tile_bytes=None):
    """The extra parameters a job of `tiles` tiles written at `where` runs with: {} when it is not very large,
    ALLOW_LARGE when the user says to go ahead, None when they decline (nothing starts). `exact` False: `tiles` is
    what the job has at least (core.tiles.coverage.total stops counting past the large-job limit). `tile_bytes`: the
    mean tile size measured in the layers' files, when they hold tiles already."""
    free = storage.free_bytes(where)
    if not areas.is_large(tiles, free, tile_bytes):
        return {}
    count, about, each = areas.job_size(tiles, exact, tile_bytes)
    question = say("This is a very large download: {}, {} ({}), and the disk holding {} has {} free. Start it all the "
                   "same?", count, about, each, storage.output_folder(where), Size(free))
    answer = QMessageBox.question(widget, tr("A very large download"), question,
                                  QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return {"ALLOW_LARGE": True} if answer == QMessageBox.Yes else None
