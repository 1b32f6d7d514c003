"""MBTiles 1.3 files: writing (deduplicated, batched, WAL) and reading.

Layout: identical tile bodies (sea, blank land) are stored once, as in
mbutil's "compressed" layout: `images` holds each distinct body, `map` points
each (zoom, column, TMS row) at one, and the `tiles` view required by the
spec joins them, so GDAL and QGIS read the file like any other MBTiles.

Rows are TMS (origin bottom-left) on disk; every public method here speaks
XYZ and converts with tiles.flip_y.
"""

import contextlib
import errno
import hashlib
import json
import math
import os
import sqlite3
import time
from dataclasses import dataclass

from . import storage
from .errors import MBTilesError
from .messages import Message
from .tiles.grid import flip_y

SQLITE_MAGIC = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS images (tile_id TEXT PRIMARY KEY, tile_data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS map (
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,
    tile_id TEXT NOT NULL,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
-- Per-tile download journal (extra tables are allowed by the spec): what was
-- fetched when, with its validators, and what the server said was empty or
-- failed. Rows are TMS like `map`.
CREATE TABLE IF NOT EXISTS tile_journal (
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'empty', 'failed')),
    fetched_at REAL NOT NULL,
    etag TEXT,
    last_modified TEXT,
    error TEXT,
    PRIMARY KEY (zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS tiles AS
    SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
           map.tile_row AS tile_row, images.tile_data AS tile_data
    FROM map JOIN images ON images.tile_id = map.tile_id;
"""

# Fields of the MBTiles 1.3 `metadata` table that IGN Offline always writes.
METADATA_FIELDS = (
    "name", "format", "bounds", "center", "minzoom", "maxzoom",
    "attribution", "description", "type", "version",
)
FORMATS_BY_MIME = {"image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg", "image/webp": "webp",
                   # Mapbox vector tiles (MBTiles 1.3 `format=pbf`; see core.vector.mvt for how they are stored)
                   "application/x-protobuf": "pbf", "application/vnd.mapbox-vector-tile": "pbf",
                   "application/x-mvt": "pbf", "mvt": "pbf"}


def format_from_mime(mime):
    """'image/jpeg' -> 'jpg', as MBTiles wants; already-short names pass through."""
    mime = (mime or "").split(";")[0].strip().lower()
    if mime in FORMATS_BY_MIME.values():
        return mime
    if mime == "jpeg":
        return "jpg"
    try:
        return FORMATS_BY_MIME[mime]
    except KeyError:
        raise MBTilesError("Tile format '{}' cannot be stored in MBTiles (png, jpg, webp or pbf).", mime)


def build_metadata(name, tile_format, bbox, zoom_min, zoom_max, attribution="", description="",
                   layer_type="baselayer", version="1.0", vector_layers=None):
    """The MBTiles 1.3 metadata of a tile set covering `bbox` (lon/lat); a vector tile set (format pbf) also
    has `json`, its `vector_layers` as the source describes them (MBTiles 1.3 requires it)."""
    west, south, east, north = bbox
    center_zoom = (zoom_min + zoom_max) // 2
    values = {
        "name": name,
        "format": format_from_mime(tile_format),
        "bounds": "{:.6f},{:.6f},{:.6f},{:.6f}".format(west, south, east, north),
        "center": "{:.6f},{:.6f},{}".format((west + east) / 2, (south + north) / 2, center_zoom),
        "minzoom": str(zoom_min),
        "maxzoom": str(zoom_max),
        "attribution": attribution,
        "description": description,
        "type": layer_type,
        "version": version,
    }
    if vector_layers is not None:
        values["json"] = vector_json(vector_layers)
    return values


def vector_json(vector_layers):
    """The `json` metadata value of a vector tile set: {"vector_layers": [...]} (MBTiles 1.3)."""
    return json.dumps({"vector_layers": vector_layers}, ensure_ascii=False, separators=(",", ":"))


def union_bounds(first, second):
    """MBTiles `bounds` strings (or 4-tuples) -> the bounds string covering both."""
    a = [float(v) for v in first.split(",")] if isinstance(first, str) else list(first)
    b = [float(v) for v in second.split(",")] if isinstance(second, str) else list(second)
    return "{:.6f},{:.6f},{:.6f},{:.6f}".format(min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


# The metadata key marking a file made of tiles recovered from the QGIS cache (its layer titled "… (recovered from
# the cache)", told from the library's file of the same layer).
RECOVERED_KEY = "ign_offline:recovered"


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


def metadata_problems(metadata):
    """What a metadata dict lacks or gets wrong against MBTiles 1.3 (empty list if none)."""
    problems = []
    for field in METADATA_FIELDS:
        if field not in metadata:
            problems.append(Message("missing '{}'", field))
    fmt = metadata.get("format")
    if fmt is not None and fmt not in ("png", "jpg", "webp", "pbf") and "/" not in fmt:
        problems.append(Message("format '{}' is neither png, jpg, webp, pbf nor a media type", fmt))
    zooms = {}
    for field in ("minzoom", "maxzoom"):
        if field in metadata:
            try:
                zooms[field] = int(metadata[field])
            except ValueError:
                problems.append(Message("{} '{}' is not an integer", field, metadata[field]))
    if len(zooms) == 2 and zooms["minzoom"] > zooms["maxzoom"]:
        problems.append("minzoom is greater than maxzoom")
    if "bounds" in metadata:
        try:
            west, south, east, north = (float(v) for v in metadata["bounds"].split(","))
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                problems.append(Message("bounds '{}' are not a WGS84 box", metadata["bounds"]))
        except ValueError:
            problems.append(Message("bounds '{}' are not four numbers", metadata["bounds"]))
    if "center" in metadata:
        parts = metadata["center"].split(",")
        if len(parts) != 3 or not all(_is_number(p) for p in parts):
            problems.append(Message("center '{}' is not lon,lat,zoom", metadata["center"]))
    if metadata.get("type") not in (None, "overlay", "baselayer"):
        problems.append(Message("type '{}' is neither overlay nor baselayer", metadata["type"]))
    return problems


def _is_number(text):
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def tile_id(data):
    """Content key of a tile body in the `images` table."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def inspect(path):
    """'missing', 'empty' or 'ours' (written by IGN Offline); raises for anything else.

    Looks at the bytes before any SQLite call so that a foreign file is never
    modified, not even by SQLite creating its own journal.
    """
    if not os.path.exists(path):
        return "missing"
    if os.path.isdir(path):
        raise MBTilesError("'{}' is a folder, not an MBTiles file: give a file name.", path)
    with open(path, "rb") as stream:
        head = stream.read(len(SQLITE_MAGIC))
    if not head:
        return "empty"
    if head != SQLITE_MAGIC:
        raise MBTilesError(
            "'{}' exists and is not an MBTiles file: IGN Offline leaves it untouched. "
            "Choose another output file.", path)
    try:
        connection = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise MBTilesError("'{}' is a damaged SQLite file ({}).", path, exc) from exc
    if {"metadata", "images", "map", "tiles"} <= names:
        return "ours"
    if not names:
        return "empty"
    raise MBTilesError(
        "'{}' already holds other data (not written by IGN Offline): it is left untouched. "
        "Choose another output file.", path)


class DiskFull(MBTilesError):
    """The disk holding an MBTiles file is full: what was committed is kept, the run can resume."""


def is_disk_full(exc):
    """True for SQLite's SQLITE_FULL ("database or disk is full") and the OS's ENOSPC."""
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    return code == 13 if code is not None else "is full" in str(exc)


def disk_full_message(path, stored):
    return (Message("The disk holding {} is full: {:,} tiles are stored; free space and run again to resume.",
        os.path.dirname(os.path.abspath(path)), stored))


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


@dataclass(frozen=True)
class JournalEntry:
    status: str
    fetched_at: float
    etag: str = None
    last_modified: str = None
    error: str = None


def uri_path(path):
    return os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")


class MBTilesWriter:
    """Adds tiles to a new or IGN Offline-made MBTiles file.

    Tiles are buffered and written `batch_size` at a time in one transaction,
    straight into the main file (rollback journal): a crash loses at most the
    current batch and never corrupts the file, and after any ending the file
    alone can be copied to a field device. A crash loses at most `max_delay`
    seconds of results. One writer per file, used from one thread; the file's
    lock (core.storage.output_lock) is held from open to close, so a second
    writer, in this process or another, is refused (OutputInUse). A full
    disk raises DiskFull once, with what is stored.

    `batch_bytes` also flushes once that many body bytes wait: memory stays
    bounded whatever the tiles' size.
    """

    def __init__(self, path, batch_size=500, max_delay=1.0, journal_mode="DELETE", batch_bytes=None,
                 purpose=Message("writing tiles")):
        self.path = path
        self.batch_size = batch_size
        self.batch_bytes = batch_bytes
        self.max_delay = max_delay
        self._db = None
        self._full = None    # the DiskFull raised, once the disk is full: nothing more is written
        # The file is ours for the writer's life: taken before its identity is read (reentrant, so a run that
        # already holds it opens its writer freely).
        self._hold = storage.output_lock(path, purpose)
        self._hold.__enter__()
        try:
            self._open(journal_mode)
        except BaseException:
            self._let_go()
            raise

    def _open(self, journal_mode):
        self.state = inspect(self.path)
        storage.check_writable_folder(os.path.dirname(os.path.abspath(self.path)))
        # By URI, so that read-only ATTACHes (merges) work on this connection too. A reader (QGIS drawing the
        # file) may hold it a moment: wait for it rather than fail a commit.
        self._db = sqlite3.connect("file:" + uri_path(self.path), uri=True, isolation_level=None,
                                   check_same_thread=False, timeout=30)
        try:
            # A rollback journal (DELETE), not WAL: every commit lands in the main file, so whatever ends the
            # run (cancel, error, a full disk where no checkpoint could complete) the file alone, copied without
            # side files, holds every committed tile. Appended pages are not journalled, and commits are batched
            # (bench/bench_mbtiles_write.py: no slower than WAL). WAL remains for callers that ask for it.
            self._db.execute("PRAGMA journal_mode={}".format("WAL" if journal_mode == "WAL" else "DELETE"))
            self._db.execute("PRAGMA synchronous=NORMAL")
            # WAL only: checkpoint every 64 MB rather than every 4 MB (tile bodies are large and come in bulk).
            self._db.execute("PRAGMA wal_autocheckpoint=16384")
            self._db.executescript(SCHEMA)
        except sqlite3.OperationalError as exc:
            self._raise_if_full(exc)
            raise
        self._tiles = []     # (zoom, x, tms_row, data)
        self._journal = []   # (zoom, x, tms_row, status, fetched_at, etag, last_modified, error)
        self._bytes = 0      # body bytes in self._tiles
        self._last_flush = time.monotonic()
        self._replaced = False

    def _let_go(self):
        """Close the connection (if any) and release the file's lock."""
        try:
            if self._db is not None:
                self._db.close()
                self._db = None
        finally:
            hold, self._hold = self._hold, None
            if hold is not None:
                hold.__exit__(None, None, None)

    @contextlib.contextmanager
    def _transaction(self):
        """One write transaction. On a full disk SQLite has already rolled it back: no second ROLLBACK (its
        "no transaction is active" would hide the cause), and one DiskFull naming the disk instead."""
        if self._full is not None:
            raise self._full
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            self._raise_if_full(exc)
            raise

    def _raise_if_full(self, exc):
        if is_disk_full(exc):
            self._full = DiskFull(disk_full_message(self.path, self._stored()))
            raise self._full from None

    def _stored(self):
        try:
            return self._db.execute("SELECT COUNT(*) FROM map").fetchone()[0]
        except sqlite3.Error:
            return 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def metadata(self):
        return dict(self._db.execute("SELECT name, value FROM metadata"))

    def connection(self):
        """The SQLite connection, for bulk SQL (merges); flushes what is buffered first."""
        self.flush()
        return self._db

    def update_metadata(self, values):
        """Insert or replace metadata fields (strings)."""
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)",
                           [(k, str(v)) for k, v in values.items()])

    def write_tile(self, zoom, x, y, data):
        """Queue the body of XYZ tile (zoom, x, y); replaces any tile already there."""
        data = bytes(data)
        self._tiles.append((zoom, x, flip_y(zoom, y), data, None))
        self._bytes += len(data)
        self._maybe_flush()

    def record(self, zoom, x, y, status, data=None, etag=None, last_modified=None, error=None,
               fetched_at=None, data_id=None):
        """Queue a download result for XYZ tile (zoom, x, y) and, if `data`, its body.

        The body and its journal row are committed in the same transaction, so
        the journal never says 'done' for a tile the file does not hold.
        `data_id`: tile_id(data), when the caller computed it in another thread.
        """
        row = flip_y(zoom, y)
        if data is not None:
            data = bytes(data)
            self._tiles.append((zoom, x, row, data, data_id))
            self._bytes += len(data)
        self._journal.append((zoom, x, row, status, fetched_at or time.time(), etag, last_modified, error))
        self._maybe_flush()

    def _maybe_flush(self):
        if (len(self._tiles) + len(self._journal) >= self.batch_size
                or (self.batch_bytes and self._bytes >= self.batch_bytes)
                or time.monotonic() - self._last_flush >= self.max_delay):
            self.flush()

    def journal_column(self, zoom, x, y_min, y_max):
        """{XYZ y: JournalEntry} for the journalled tiles of one column between two XYZ rows."""
        low, high = sorted((flip_y(zoom, y_min), flip_y(zoom, y_max)))
        return {
            flip_y(zoom, row): JournalEntry(status, fetched_at, etag, last_modified, error)
            for row, status, fetched_at, etag, last_modified, error in self._db.execute(
                "SELECT tile_row, status, fetched_at, etag, last_modified, error FROM tile_journal "
                "WHERE zoom_level = ? AND tile_column = ? AND tile_row BETWEEN ? AND ?",
                (zoom, x, low, high))
        }

    def journal(self):
        """{(zoom, x, XYZ y): JournalEntry} for every journalled tile: one query for a whole merge."""
        return {
            (zoom, x, flip_y(zoom, row)): JournalEntry(status, fetched_at, etag, last_modified, error)
            for zoom, x, row, status, fetched_at, etag, last_modified, error in self._db.execute(
                "SELECT zoom_level, tile_column, tile_row, status, fetched_at, etag, last_modified, error "
                "FROM tile_journal")
        }

    def journal_counts(self):
        return dict(self._db.execute("SELECT status, COUNT(*) FROM tile_journal GROUP BY status"))

    def flush(self):
        self._last_flush = time.monotonic()
        if self._full is not None:  # already said: what is queued cannot be stored (the journal refetches it)
            self._tiles, self._journal, self._bytes = [], [], 0
            return
        if not self._tiles and not self._journal:
            return
        images = {}
        rows = []
        for zoom, x, row, data, key in self._tiles:
            key = key or tile_id(data)
            images[key] = data
            rows.append((zoom, x, row, key))
        with self._transaction() as db:
            db.executemany("INSERT OR IGNORE INTO images (tile_id, tile_data) VALUES (?, ?)", images.items())
            before = db.total_changes
            db.executemany(
                "INSERT OR IGNORE INTO map (zoom_level, tile_column, tile_row, tile_id) VALUES (?, ?, ?, ?)",
                rows)
            if db.total_changes - before < len(rows):
                # Some positions were taken: replace them (rare: refresh or merge).
                db.executemany(
                    "UPDATE map SET tile_id = ? WHERE zoom_level = ? AND tile_column = ? "
                    "AND tile_row = ? AND tile_id <> ?",
                    [(key, z, x, row, key) for z, x, row, key in rows])
                self._replaced = True
            db.executemany(
                "INSERT OR REPLACE INTO tile_journal (zoom_level, tile_column, tile_row, status, "
                "fetched_at, etag, last_modified, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                self._journal)
        self._tiles = []
        self._journal = []
        self._bytes = 0

    def zoom_levels(self):
        return [row[0] for row in self._db.execute("SELECT DISTINCT zoom_level FROM map ORDER BY 1")]

    def close(self):
        """Flush, set min/maxzoom to what the file holds, leave WAL mode (if used) and release the file.

        On a full disk the DiskFull is raised once: by the flush that met it, or here."""
        if self._db is None:
            self._let_go()
            return
        try:
            if self._full is None:
                self.flush()
                zooms = self.zoom_levels()
                if zooms:
                    self.update_metadata({"minzoom": zooms[0], "maxzoom": zooms[-1]})
                if self._replaced:
                    with self._transaction() as db:
                        db.execute("DELETE FROM images WHERE tile_id NOT IN (SELECT tile_id FROM map)")
            try:
                self._db.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.OperationalError:
                pass  # another connection (a QGIS layer) still reads it: stay in WAL
        finally:
            self._let_go()


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


# -- damaged or foreign inputs -------------------------------------------------------------------------------

def damaged(path, reason):
    """The one-line MBTilesError for an input SQLite cannot read."""
    return MBTilesError("'{}' is damaged ({}): it cannot be read. Copy it again from a good copy, or download "
                        "it again.", path, reason)


@contextlib.contextmanager
def read_guard(path):
    """An SQLite error met while reading `path` becomes one line naming the file, never a traceback. A full disk
    is no damage of `path` (whose reading writes nothing): SQLite's temporary files (sorts) filled their disk."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise MBTilesError("A disk filled up while '{}' was read: the file is sound, but SQLite found no room "
                               "for its temporary files (in the system's temporary folder). Free some space, then "
                               "run again.", path) from None
        raise damaged(path, exc) from None


def looks_like_mbtiles(path):
    """True for a file to read as MBTiles: named .mbtiles, or an SQLite file with `tiles` and `metadata`
    (a GeoPackage, also SQLite, has no `metadata` table). Never raises."""
    if path.lower().endswith(".mbtiles"):
        return True
    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as stream:
            if stream.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        connection = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError):
        return False
    return {"tiles", "metadata"} <= names


def check_readable(path, thorough=False):
    """Refuse, in one line naming the file, an MBTiles input that cannot be read: missing, empty, not SQLite,
    damaged or without tiles. Only reads.

    `thorough` also checks the structure of every page (PRAGMA quick_check, one read of the whole file): for
    runs about to read every tile, so that damage deep in the file is said before anything is written.
    """
    if os.path.isdir(path):
        raise MBTilesError("'{}' is a folder, not an MBTiles file.", path)
    if not os.path.isfile(path):  # a FIFO is never opened: reading it would wait forever
        raise MBTilesError("'{}' {}: give an MBTiles file.",
            path, "is not a regular file" if os.path.exists(path) else "does not exist")
    with open(path, "rb") as stream:
        head = stream.read(100)  # the SQLite header
    if not head:
        raise MBTilesError("'{}' is not a readable MBTiles file: it is empty (0 bytes); copy it again.", path)
    if not head.startswith(SQLITE_MAGIC):
        raise MBTilesError("'{}' is not a readable MBTiles file: it is not an SQLite database; give a .mbtiles "
                           "file.", path)
    if len(head) < 100:
        raise damaged(path, "cut short within its header")
    with read_guard(path):
        connection = sqlite3.connect("file:{}?mode=ro".format(uri_path(path)), uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "tiles" not in names:
                raise MBTilesError("'{}' is not a readable MBTiles file: it holds no tiles table.", path)
            connection.execute("SELECT * FROM tiles LIMIT 1").fetchall()
            if "metadata" in names:
                connection.execute("SELECT name, value FROM metadata").fetchall()
            if thorough:
                problems = [row[0] for row in connection.execute("PRAGMA quick_check(1)")]
                if problems != ["ok"]:
                    said = " ".join(" ".join(problems).replace("*** in database main ***", "").split())
                    raise damaged(path, said[:160] or "malformed")
        finally:
            connection.close()
