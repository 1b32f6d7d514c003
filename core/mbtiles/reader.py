"""Reading MBTiles (ours or another tool's), read-only; rows are TMS on disk, XYZ here."""

import os
import sqlite3

from ..errors import MBTilesError
from ..tiles.grid import flip_y
from .files import inspect, uri_path


class MBTilesReader:
    """Read-only access to any MBTiles file (ours or another tool's)."""

    def __init__(self, path):
        if not os.path.isfile(path):
            raise MBTilesError("'{}' does not exist.", path)
        self.path = path
        try:
            try:
                self._db = self._open_read_only(path)
            except sqlite3.OperationalError as exc:
                # A writer killed mid-transaction leaves a hot journal (or a WAL) that a read-only connection may
                # not roll back: SQLite's own recovery, by a connection that may write, then read-only again.
                if "readonly" not in str(exc) or not any(os.path.exists(path + s) for s in ("-journal", "-wal")):
                    raise
                recovering = sqlite3.connect(path)
                try:
                    recovering.execute("SELECT 1 FROM tiles LIMIT 1").fetchall()
                finally:
                    recovering.close()
                self._db = self._open_read_only(path)
        except sqlite3.DatabaseError as exc:
            raise MBTilesError("'{}' is not a readable MBTiles file ({}).", path, exc) from exc

    @staticmethod
    def _open_read_only(path):
        db = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            db.execute("SELECT 1 FROM tiles LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._db.close()

    def metadata(self):
        try:
            return dict(self._db.execute("SELECT name, value FROM metadata"))
        except sqlite3.DatabaseError:
            return {}

    def tile(self, zoom, x, y):
        """Body of XYZ tile (zoom, x, y), or None."""
        row = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (zoom, x, flip_y(zoom, y))).fetchone()
        return None if row is None else bytes(row[0])

    def count_by_zoom(self):
        return dict(self._db.execute(
            "SELECT zoom_level, COUNT(*) FROM tiles GROUP BY zoom_level ORDER BY zoom_level"))

    def connection(self):
        """The read-only SQLite connection, for queries of the inventory."""
        return self._db

    def mean_size_by_zoom(self):
        """{zoom: mean tile size in bytes} of the tiles held."""
        return {zoom: size for zoom, size in self._db.execute(
            "SELECT zoom_level, AVG(LENGTH(tile_data)) FROM tiles GROUP BY zoom_level")}

    def journal_count_in(self, ranges, zoom, statuses=("done", "empty")):
        """Tiles of `ranges` at `zoom` the journal holds with one of `statuses` (one query per range)."""
        if not self.has_journal():
            return 0
        marks = ",".join("?" * len(statuses))
        total = 0
        for r in ranges:
            if r.zoom != zoom:
                continue
            # TMS rows on disk: XYZ rows y_min..y_max are flip(y_max)..flip(y_min)
            total += self._db.execute(
                "SELECT COUNT(*) FROM tile_journal WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? "
                "AND tile_row BETWEEN ? AND ? AND status IN ({})".format(marks),
                (zoom, r.x_min, r.x_max, flip_y(zoom, r.y_max), flip_y(zoom, r.y_min)) + tuple(statuses)).fetchone()[0]
        return total

    def has_journal(self):
        return self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'tile_journal'").fetchone() is not None

    def iter_tiles(self):
        """(zoom, x, y, data) in XYZ for every tile."""
        for zoom, column, row, data in self._db.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles"):
            yield zoom, column, flip_y(zoom, row), bytes(data)

def holds_only(path, bbox, tolerance=1e-5):
    """True when the MBTiles `path` is missing, or its `bounds` lie within `bbox` (lon/lat): a file this area's
    download would create or resume, so named after the area; False for one extended beyond it (another area's
    tiles too), or whose bounds cannot be read."""
    if not os.path.exists(path):
        return True
    try:
        with MBTilesReader(path) as reader:
            bounds = [float(v) for v in reader.metadata().get("bounds", "").split(",")]
    except (MBTilesError, ValueError):
        return False
    west, south, east, north = bbox
    return len(bounds) == 4 and bounds[0] >= west - tolerance and bounds[1] >= south - tolerance and \
        bounds[2] <= east + tolerance and bounds[3] <= north + tolerance

def remove_if_no_tiles(path):
    """Delete an MBTiles file of ours (and its SQLite side files) that holds no tile; True if removed.

    For a file a failed run created: nothing would be lost, and an empty file
    would only be loaded, or mistaken for a download, later.
    """
    try:
        if inspect(path) != "ours":
            return False
        with MBTilesReader(path) as reader:
            if reader.count_by_zoom():
                return False
    except MBTilesError:
        return False
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return True
