"""maplibre/martin's `mbtiles` tool, its checks and its in-place apply-patch step by step as its source runs them,
for files the plugin writes. The tool itself cannot be built here (its Rust crates are out of reach), so these are
its own SQL statements and decisions, read from mbtiles/src at martin's main branch:

- validation.rs `detect_type` (schemas/*.rs: normalized, flat-with-hash, flat, cache) and
  `check_for_uniqueness_constraint`; `validate`: SQLite's integrity check, `check_tiles_type_validity`,
  `check_each_tile_hash`, `check_agg_tiles_hashes` (`calc_agg_tiles_hash`);
- patcher.rs `apply_patch`: `examine_diff` of both files, `validate_diff_info` (the patch's two hashes),
  `assert_hashes` (the base's own hash, no patch keys), the before-hash guard, then its INSERT OR REPLACE,
  DELETE and metadata SQL (martin stores the patch's after-hash without hashing the result).

`md5_hex` and `md5_concat_hex` are sqlite-hashes' functions (upper-case hex; NULL arguments skipped, NULL for
no rows). SQLite 3.40 has no ORDER BY inside an aggregate's arguments (3.44+): the rows come ordered from a
subquery instead."""

import sqlite3

from core.mbtiles.hashes import new_digest


class MartinError(Exception):
    """What martin's tool would stop with (its MbtError's name)."""


def _md5_hex(*values):
    digest = new_digest()
    for value in values:
        if value is None:
            continue
        digest.update(value.encode("utf-8") if isinstance(value, str) else bytes(value))
    return digest.hexdigest().upper()


class _Md5ConcatHex:
    def __init__(self):
        self.digest, self.rows = new_digest(), 0

    def step(self, *values):
        self.rows += 1
        for value in values:
            if value is not None:
                self.digest.update(value.encode("utf-8") if isinstance(value, str) else bytes(value))

    def finalize(self):
        return self.digest.hexdigest().upper() if self.rows else None


def connect(path, read_only=False):
    db = sqlite3.connect("file:{}{}".format(path, "?mode=ro" if read_only else ""), uri=True, isolation_level=None)
    db.create_function("md5_hex", -1, _md5_hex)
    db.create_aggregate("md5_concat_hex", -1, _Md5ConcatHex)
    return db


def _one(db, sql, *args):
    return db.execute(sql, args).fetchone()[0]


def _columns_match(db, table, wanted):
    """martin's pragma_table_info test: exactly these (name, type test) columns, in any order."""
    tests = " OR ".join("(name = '{}' AND type {})".format(name, test) for name, test in wanted)
    return _one(db, "SELECT COUNT(*) = {} FROM pragma_table_info('{}') WHERE {}".format(len(wanted), table, tests))


def _is_table(db, *names):
    marks = ", ".join("?" * len(names))
    return _one(db, "SELECT COUNT(*) = ? FROM sqlite_master WHERE name IN ({}) AND type = 'table'".format(marks),
                len(names), *names)


INT, BLOB, TEXT = "LIKE '%INT%'", "= 'BLOB'", "= 'TEXT'"
KEY = (("zoom_level", INT), ("tile_column", INT), ("tile_row", INT))


def detect_type(db):
    """'normalized' (map + images, hash ids), 'dedup-id', 'flat-with-hash', 'flat' or 'cache', as martin detects
    it, then its uniqueness check on the type's tile table; MartinError for a file it cannot use."""
    if (_is_table(db, "map", "images") and _columns_match(db, "map", KEY + (("tile_id", TEXT),))
            and _columns_match(db, "images", (("tile_id", TEXT), ("tile_data", BLOB)))):
        kind, table = "normalized", "map"
    elif (_is_table(db, "tiles_shallow", "tiles_data")
          and _columns_match(db, "tiles_shallow", KEY + (("tile_data_id", INT),))
          and _columns_match(db, "tiles_data", (("tile_data_id", INT), ("tile_data", BLOB)))):
        kind, table = "dedup-id", "tiles_shallow"
    elif _is_table(db, "tiles_with_hash") and _columns_match(db, "tiles_with_hash", KEY + (("tile_data", BLOB),
                                                                                           ("tile_hash", TEXT))):
        kind, table = "flat-with-hash", "tiles_with_hash"
    elif _is_table(db, "tiles") and _columns_match(db, "tiles", KEY + (("tile_data", BLOB),)):
        kind, table = "flat", "tiles"
    elif _is_table(db, "tile_cache"):
        kind, table = "cache", "tile_cache"
    else:
        raise MartinError("InvalidDataFormat")
    for (index,) in db.execute("SELECT name FROM pragma_index_list(?) WHERE [unique] = 1", (table,)).fetchall():
        columns = {row[0] for row in db.execute("SELECT DISTINCT name FROM pragma_index_info(?)", (index,))}
        if columns == {"zoom_level", "tile_column", "tile_row"}:
            return kind
    raise MartinError("NoUniquenessConstraint")


def has_hash_view(db):
    return _columns_match(db, "tiles_with_hash", KEY + (("tile_data", BLOB), ("tile_hash", TEXT)))


def metadata_value(db, name):
    row = db.execute("SELECT value FROM metadata WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def calc_agg_tiles_hash(db):
    return _one(db, "SELECT coalesce(md5_concat_hex(z, x, y, tile_data), md5_hex('')) FROM ("
                    "SELECT cast(zoom_level AS text) AS z, cast(tile_column AS text) AS x, cast(tile_row AS text) "
                    "AS y, tile_data FROM tiles ORDER BY zoom_level, tile_column, tile_row)")


def validate(path):
    """`mbtiles validate FILE` (integrity check quick, --agg-hash verify): the verified hash, or MartinError."""
    db = connect(path, read_only=True)
    try:
        if [row[0] for row in db.execute("PRAGMA quick_check")] != ["ok"]:
            raise MartinError("FailedIntegrityCheck")
        if db.execute("SELECT 1 FROM tiles WHERE FALSE OR typeof(zoom_level) != 'integer' OR zoom_level < 0 OR "
                      "zoom_level > 30 OR typeof(tile_column) != 'integer' OR tile_column < 0 OR tile_column >= "
                      "(1 << zoom_level) OR typeof(tile_row) != 'integer' OR tile_row < 0 OR tile_row >= "
                      "(1 << zoom_level) OR (typeof(tile_data) != 'blob' AND typeof(tile_data) != 'null') "
                      "LIMIT 1").fetchone():
            raise MartinError("InvalidTileIndex")
        kind = detect_type(db)
        if kind == "flat-with-hash":
            wrong = db.execute("SELECT 1 FROM tiles_with_hash WHERE upper(tile_hash) != md5_hex(tile_data) "
                               "LIMIT 1").fetchone()
        elif kind == "normalized":
            wrong = db.execute("SELECT 1 FROM map m WHERE m.tile_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                               "images d WHERE d.tile_id = m.tile_id) LIMIT 1").fetchone()
            if wrong:
                raise MartinError("MissingTileReference")
            wrong = db.execute("SELECT 1 FROM images d WHERE upper(CAST(d.tile_id AS TEXT)) != md5_hex(d.tile_data) "
                               "LIMIT 1").fetchone()
        else:
            wrong = None
        if wrong:
            raise MartinError("IncorrectTileHash")
        stored = metadata_value(db, "agg_tiles_hash")
        if stored is None:
            raise MartinError("AggHashValueNotFound")
        computed = calc_agg_tiles_hash(db)
        if stored != computed:
            raise MartinError("AggHashMismatch")
        return computed
    finally:
        db.close()


def _examine_diff(db):
    return (detect_type(db), metadata_value(db, "agg_tiles_hash"), metadata_value(db, "agg_tiles_hash_before_apply"),
            metadata_value(db, "agg_tiles_hash_after_apply"),
            any(_columns_match(db, table, KEY + (("patch_data", BLOB), ("tile_xxh3_64_hash", INT)))
                for table in ("bsdiffraw", "bsdiffrawgz")))


def apply_patch(base, patch, force=False):
    """`mbtiles apply-patch BASE PATCH [--force]`, in place."""
    db = connect(patch, read_only=True)
    try:
        patch_type, _, before, after, binary = _examine_diff(db)
    finally:
        db.close()
    if binary:
        raise MartinError("UnsupportedPatchType")
    if not after and not force:
        raise MartinError("PatchFileHasNoHashes")
    if not before and not force:
        raise MartinError("PatchFileHasNoBeforeHash")
    db = connect(base)
    try:
        base_type, base_hash, base_before, base_after, _ = _examine_diff(db)
        if base_type == "cache":
            raise MartinError("UnsupportedCopyOperation")
        if base_hash is None and not force:
            raise MartinError("CannotDiffFileWithoutHash")
        if base_hash is not None and (base_before or base_after) and not force:
            raise MartinError("DiffingDiffFile")
        if not force and base_hash and before and base_hash != before:
            raise MartinError("AggHashMismatchWithDiff")
        db.execute("ATTACH DATABASE ? AS patchDb", ("file:{}?mode=ro".format(patch),))
        if base_type == "flat":
            select_from = "SELECT zoom_level, tile_column, tile_row, tile_data FROM patchDb.tiles"
            main, inserts = "tiles", ["INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) "
                                      + select_from]
        elif base_type == "normalized":
            if patch_type in ("flat", "cache"):
                select_from = ("SELECT zoom_level, tile_column, tile_row, tile_data, md5_hex(tile_data) as hash "
                               "FROM patchDb.tiles")
            else:
                raise MartinError("this port covers flat patches (make_patch's) only")
            main = "map"
            inserts = ["INSERT OR REPLACE INTO map (zoom_level, tile_column, tile_row, tile_id) SELECT zoom_level, "
                       "tile_column, tile_row, hash as tile_id FROM ({})".format(select_from),
                       "INSERT OR REPLACE INTO images (tile_id, tile_data) SELECT hash as tile_id, tile_data FROM "
                       "({})".format(select_from)]
        else:
            raise MartinError("this port covers flat and normalized bases only")
        db.execute("BEGIN")  # sqlx runs each statement in autocommit; one transaction here changes nothing seen
        for insert in inserts:
            db.execute(insert + " WHERE tile_data NOTNULL")
        db.execute("DELETE FROM {} WHERE (zoom_level, tile_column, tile_row) IN (SELECT zoom_level, tile_column, "
                   "tile_row FROM ({} WHERE tile_data ISNULL))".format(main, select_from))
        if base_type == "normalized":
            db.execute("DELETE FROM images WHERE NOT EXISTS (SELECT 1 FROM map WHERE map.tile_id = images.tile_id)")
        db.execute("INSERT OR REPLACE INTO metadata (name, value) SELECT IIF(name = 'agg_tiles_hash_after_apply', "
                   "'agg_tiles_hash', name) as name, value FROM patchDb.metadata WHERE name NOTNULL AND name NOT IN "
                   "('agg_tiles_hash', 'agg_tiles_hash_before_apply')")
        db.execute("DELETE FROM metadata WHERE name IN (SELECT name FROM patchDb.metadata WHERE value ISNULL)")
        db.execute("COMMIT")
        db.execute("DETACH DATABASE patchDb")
    finally:
        db.close()
