"""Writing MBTiles: tiles deduplicated, batched in transactions, with a per-tile download journal.

Rows are TMS (origin bottom-left) on disk; every public method here speaks XYZ and converts with tiles.flip_y."""

import collections
import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass

from .. import storage
from ..messages import Message
from ..tiles.grid import flip_y
from . import changes
from .files import (
    SCHEMA,
    DiskFull,
    disk_full_message,
    has_old_keys,
    holds_same_body,
    inspect,
    is_disk_full,
    tile_id,
    uri_path,
)
from .hashes import AGG_TILES_HASH, HASH_KEYS, agg_tiles_hash, stored_hash


@dataclass(frozen=True)
class JournalEntry:
    status: str
    fetched_at: float
    etag: str = None
    last_modified: str = None
    error: str = None

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

    `agg_tiles_hash` (core.mbtiles.hashes) is removed when the writer opens and
    written again by a close that ends a complete write: a run killed, failed or
    cut short (`cut_short`) leaves no hash rather than a wrong one.
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
            self._db.executescript(SCHEMA + changes.SCHEMA)
            # A write from a stored hash records which tiles it changes (core.mbtiles.changes): patches then need
            # only those. What is about to change is no longer what the hash says: gone until a complete write ends.
            self._link = changes.open_link(self._db, stored_hash(self._db))
            # Written before the MD5 keys (BLAKE2b ones, lower-case): a body fetched again is kept as it is, not
            # stored a second time under its MD5 key nor logged as a change.
            self._old_keys = has_old_keys(self._db)
            self._db.execute("DELETE FROM metadata WHERE name = ?", (AGG_TILES_HASH,))
        except sqlite3.OperationalError as exc:
            self._raise_if_full(exc)
            raise
        self._tiles = []     # (zoom, x, tms_row, data)
        self._journal = []   # (zoom, x, tms_row, status, fetched_at, etag, last_modified, error)
        self._bytes = 0      # body bytes in self._tiles
        # {(zoom, x, tms_row): None} of tiles the server no longer has. A batch's calls keep their order: a write
        # after a removal of the same tile cancels it, a removal drops that tile's queued writes.
        self._removed = {}
        self._last_flush = time.monotonic()
        self._replaced = False
        self._complete = True

    def cut_short(self):
        """The run stops before its end (cancelled): close() stores no agg_tiles_hash."""
        self._complete = False

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

    def __exit__(self, kind, *exc):
        if kind is not None:  # a failure: the file is kept as far as it got, without a hash
            self._complete = False
        self.close()

    def metadata(self):
        return dict(self._db.execute("SELECT name, value FROM metadata"))

    def connection(self):
        """The SQLite connection, for bulk SQL (merges); flushes what is buffered first. What it writes is not
        logged: this write leaves no link (core.mbtiles.changes)."""
        self.flush()
        changes.drop_link(self._db, self._link)
        self._link = None
        return self._db

    def reading_connection(self):
        """The SQLite connection for queries only (what was queued is flushed first): the write keeps its link.
        Write through `connection()`."""
        self.flush()
        return self._db

    def update_metadata(self, values):
        """Insert or replace metadata fields (strings). The hash keys are the writer's alone (a complete close
        stores agg_tiles_hash): a value given, such as an input's copied by a merge, is left out — kept, it said
        the file held that input alone, and the change log (core.mbtiles.changes) built on it."""
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)",
                           [(k, str(v)) for k, v in values.items() if k not in HASH_KEYS])

    def write_tile(self, zoom, x, y, data):
        """Queue the body of XYZ tile (zoom, x, y); replaces any tile already there."""
        data = bytes(data)
        row = flip_y(zoom, y)
        if self._removed:
            self._removed.pop((zoom, x, row), None)
        self._tiles.append((zoom, x, row, data, None))
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
            if self._removed:
                self._removed.pop((zoom, x, row), None)
            self._tiles.append((zoom, x, row, data, data_id))
            self._bytes += len(data)
        self._journal.append((zoom, x, row, status, fetched_at or time.time(), etag, last_modified, error))
        self._maybe_flush()

    def tile_key(self, zoom, x, y):
        """The content key (tile_id) of the stored XYZ tile (zoom, x, y), None when the file holds none (what is
        queued and not flushed yet is not seen: a run asks for a tile once)."""
        return self._held(self._db, (zoom, x, flip_y(zoom, y)))

    def remove_tile(self, zoom, x, y):
        """Queue the removal of XYZ tile (zoom, x, y) (the server says there is nothing there now); whether the
        file held it (or a write of it was queued). Committed with the next batch, its unused body dropped at
        close."""
        key = (zoom, x, flip_y(zoom, y))
        queued = [tile for tile in self._tiles if tile[:3] == key]
        if queued:  # written earlier in this batch: that write is undone, not stored then deleted, and the
            # journal does not say 'done' for a tile the file will not hold
            self._tiles = [tile for tile in self._tiles if tile[:3] != key]
            self._bytes -= sum(len(tile[3]) for tile in queued)
            self._journal = [entry for entry in self._journal if entry[:3] != key or entry[3] != "done"]
        if self.tile_key(zoom, x, y) is None:
            return bool(queued)
        self._removed[key] = None
        self._maybe_flush()
        return True

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
            self._tiles, self._journal, self._bytes, self._removed = [], [], 0, {}
            return
        if not self._tiles and not self._journal and not self._removed:
            return
        images = {}
        rows = []
        # The key each position holds, looked up once for the change log and an older file's bodies fetched again
        # (this writer alone writes the file: core.storage.output_lock).
        held = ({tile[:3]: self._held(self._db, tile[:3]) for tile in self._tiles}
                if self._link is not None or self._old_keys else {})
        # (A tile written twice in the batch is written as asked: the last write wins, whatever the file held.)
        writes = collections.Counter(tile[:3] for tile in self._tiles) if self._old_keys else None
        for zoom, x, row, data, key in self._tiles:
            if writes and writes[(zoom, x, row)] == 1 and holds_same_body(held[(zoom, x, row)], data):
                continue
            key = key or tile_id(data)
            images[key] = data
            rows.append((zoom, x, row, key))
        with self._transaction() as db:
            if self._link is not None:  # the tiles this batch really changes: new, replaced by others, removed
                changes.log_tiles(db, self._link, [row[:3] for row in rows if held[row[:3]] != row[3]]
                                  + [key for key in self._removed if self._held(db, key) is not None])
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
            if self._removed:
                db.executemany("DELETE FROM map WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                               list(self._removed))
                self._replaced = True
            db.executemany(
                "INSERT OR REPLACE INTO tile_journal (zoom_level, tile_column, tile_row, status, "
                "fetched_at, etag, last_modified, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                self._journal)
        self._tiles = []
        self._journal = []
        self._bytes = 0
        self._removed = {}

    @staticmethod
    def _held(db, key):
        found = db.execute("SELECT tile_id FROM map WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                           key).fetchone()
        return found[0] if found else None

    def zoom_levels(self):
        return [row[0] for row in self._db.execute("SELECT DISTINCT zoom_level FROM map ORDER BY 1")]

    def close(self):
        """Flush, set min/maxzoom to what the file holds, its agg_tiles_hash after a complete write, leave WAL mode
        (if used) and release the file.

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
                if self._complete:
                    value = agg_tiles_hash(self._db)
                    with self._transaction() as db:
                        db.execute("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)",
                                   (AGG_TILES_HASH, value))
                        changes.close_link(db, self._link, value)
                else:
                    changes.drop_link(self._db, self._link)
            try:
                self._db.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.OperationalError:
                pass  # another connection (a QGIS layer) still reads it: stay in WAL
        finally:
            self._let_go()
