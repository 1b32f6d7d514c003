"""The writers of the tile formats an export makes from an MBTiles (MBTiles, OsmAnd's SQLite, GeoPackage,
PMTiles): each writes one file of a part; `add` its tiles, then `close(bounds, zooms)`."""

import contextlib
import gzip
import hashlib
import json
import os
import sqlite3

import mercantile

from .. import mbtiles
from ..errors import InputError
from ..library.inventory import vector_layers
from ..tiles.coverage import ORIGIN
from ..tiles.grid import flip_y

PAGE = 4096
VECTOR = "pbf"      # the MBTiles format of Mapbox vector tiles
GZIP = b"\x1f\x8b"


class Bounds:
    def __init__(self):
        self.by_zoom = {}

    def add(self, z, x, y):
        box = self.by_zoom.setdefault(z, [x, x, y, y])
        box[0], box[1], box[2], box[3] = min(box[0], x), max(box[1], x), min(box[2], y), max(box[3], y)

    def lonlat(self):
        west = south = 180.0
        east = north = -180.0
        for z, (x0, x1, y0, y1) in self.by_zoom.items():
            upper_left, lower_right = mercantile.bounds(x0, y0, z), mercantile.bounds(x1, y1, z)
            west, north = min(west, upper_left.west), max(north, upper_left.north)
            east, south = max(east, lower_right.east), min(south, lower_right.south)
        return west, south, east, north


class Writer:
    """One output file of a format; `add` tiles, then `close(bounds, zooms)`."""

    def __init__(self, path, tile_format, metadata):
        self.path = path
        self.format = tile_format
        self.metadata = metadata
        self.db = sqlite3.connect(path, isolation_level=None)
        try:
            self.db.execute("PRAGMA page_size={}".format(PAGE))
            self.db.execute("PRAGMA journal_mode=DELETE")
            self.create()  # executescript commits: the schema first, then one transaction for the tiles
            self.db.execute("BEGIN")
        except BaseException:
            self.abort()  # closed, so that the failed run can delete it (Windows refuses an open file)
            raise
        self.rows = []

    @classmethod
    def open(cls, path, tile_format, metadata, zoom_max):
        """The file of one part, made for tiles up to `zoom_max`."""
        return cls(path, tile_format, metadata)

    def add(self, z, x, y, data):
        self.rows.append(self.row(z, x, y, data))
        if len(self.rows) >= 500:
            self.flush()

    def flush(self):
        if self.rows:
            self.db.executemany(self.insert, self.rows)
            self.rows = []

    def close(self, bounds, zooms):
        self.flush()
        self.finish(bounds, zooms)
        self.db.execute("COMMIT")
        self.db.close()

    def abort(self):
        """Close the file unfinished, so that it can be deleted (Windows refuses an open file)."""
        self.db.close()


class MBTilesWriter(Writer):
    insert = "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)"

    def create(self):
        self.db.executescript(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
            "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
            "CREATE UNIQUE INDEX name ON metadata (name);")

    def row(self, z, x, y, data):
        return z, x, flip_y(z, y), data

    def finish(self, bounds, zooms):
        values = export_metadata(self.metadata, self.format, bounds, zooms)
        # Written last, in the transaction of the tiles: the file is named only once complete, hash included.
        values[mbtiles.AGG_TILES_HASH] = mbtiles.agg_tiles_hash(self.db)
        self.db.executemany("INSERT INTO metadata (name, value) VALUES (?, ?)", values.items())


def export_metadata(metadata, tile_format, bounds, zooms):
    """The metadata of an exported MBTiles (but its agg_tiles_hash): MBTiles 1.3's from the source's `metadata`,
    what the export covers (bounds, zooms), and the export's scope (mbtiles.SCOPE_KEYS: what a patch of the copy
    needs to rebuild it, core.mbtiles.scopes)."""
    vector = tile_format == VECTOR
    values = mbtiles.build_metadata(metadata.get("name", ""), "png" if vector else tile_format, bounds,
                                    zooms[0], zooms[-1], metadata.get("attribution", ""),
                                    metadata.get("description", ""), metadata.get("type", "baselayer"))
    if vector:  # MBTiles 1.3 for vector tiles: format pbf and the `json` listing the layers (QField reads them)
        values.update(format=VECTOR, json=metadata.get("json") or '{"vector_layers": []}')
    values.update({key: metadata[key] for key in mbtiles.SCOPE_KEYS if metadata.get(key) is not None})
    return values


class OsmAndWriter(Writer):
    insert = "INSERT INTO tiles (x, y, z, s, image) VALUES (?, ?, ?, 0, ?)"

    def __init__(self, path, tile_format, metadata, big_planet):
        self.big_planet = big_planet
        super().__init__(path, tile_format, metadata)

    @classmethod
    def open(cls, path, tile_format, metadata, zoom_max):
        return cls(path, tile_format, metadata, big_planet=zoom_max <= 17)

    def create(self):
        self.db.executescript(
            "CREATE TABLE tiles (x INTEGER, y INTEGER, z INTEGER, s INTEGER, image BLOB, PRIMARY KEY (x, y, z, s));"
            "CREATE TABLE info (minzoom INTEGER, maxzoom INTEGER, url TEXT, tilenumbering TEXT, inverted_y INTEGER, "
            "ellipsoid INTEGER, timecolumn TEXT, tilesize INTEGER);"
            "CREATE TABLE android_metadata (locale TEXT);"
            "INSERT INTO android_metadata VALUES ('en_US');")

    def zoom(self, z):
        return 17 - z if self.big_planet else z

    def row(self, z, x, y, data):
        return x, y, self.zoom(z), data

    def finish(self, bounds, zooms):
        low, high = sorted((self.zoom(zooms[0]), self.zoom(zooms[-1])))  # inverted too, with BigPlanet
        self.db.execute("INSERT INTO info VALUES (?, ?, '', ?, 0, 0, 'no', 256)",
                        (low, high, "BigPlanet" if self.big_planet else ""))


SRS_3857 = ('PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,'
            '298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Mercator_1SP"],'
            'PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],'
            'PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","3857"]]')
SRS_4326 = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],'
            'UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]')


class GeoPackageWriter(Writer):
    """GeoPackage 1.2 tiles: the tile matrix set is the whole Web Mercator square, so XYZ numbers are kept."""

    insert = "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)"

    def create(self):
        self.db.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        self.db.execute("PRAGMA user_version = 10200")
        self.db.executescript(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization "
            "TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);"
            "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier "
            "TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT "
            "(strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, "
            "srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
            "CREATE TABLE gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, "
            "min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL);"
            "CREATE TABLE gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, matrix_width "
            "INTEGER NOT NULL, matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, tile_height INTEGER NOT "
            "NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL, CONSTRAINT pk_ttm PRIMARY KEY "
            "(table_name, zoom_level));"
            "CREATE TABLE tiles (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level INTEGER NOT NULL, tile_column "
            "INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL, UNIQUE (zoom_level, tile_column, "
            "tile_row));")
        self.db.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", ""),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", ""),
            ("WGS 84 geodetic", 4326, "EPSG", 4326, SRS_4326, ""),
            ("WGS 84 / Pseudo-Mercator", 3857, "EPSG", 3857, SRS_3857, "")])
        self.db.execute("INSERT INTO gpkg_tile_matrix_set VALUES ('tiles', 3857, ?, ?, ?, ?)",
                        (-ORIGIN, -ORIGIN, ORIGIN, ORIGIN))

    def row(self, z, x, y, data):
        return z, x, y, data

    def finish(self, bounds, zooms):
        for z in range(zooms[0], zooms[-1] + 1):
            size = 2 * ORIGIN / (256 * 2 ** z)
            self.db.execute("INSERT INTO gpkg_tile_matrix VALUES ('tiles', ?, ?, ?, 256, 256, ?, ?)",
                            (z, 2 ** z, 2 ** z, size, size))
        west, south, east, north = bounds
        (x0, y0), (x1, y1) = mercantile.xy(west, south), mercantile.xy(east, north)
        self.db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, "
                        "max_x, max_y, srs_id) VALUES ('tiles', 'tiles', ?, ?, ?, ?, ?, ?, 3857)",
                        (self.metadata.get("name") or "tiles", self.metadata.get("attribution", ""), x0, y0, x1, y1))


DEDUPLICATED_BYTES = 16 * 1024
WRITE_BUFFER = 1 << 20


def tile_id_of(z, x, y):
    """The PMTiles tile id of (z, x, y): the tiles of the lower zooms, then the tile's place on the zoom's Hilbert
    curve. pmtiles.tile.zxy_to_tileid's arithmetic with its rotation inlined (a function call per bit was half of
    its time); equal to it (tests/unit/test_web_export.py)."""
    acc = ((1 << (z * 2)) - 1) // 3
    a = z - 1
    while a >= 0:
        s = 1 << a
        rx = s & x
        ry = s & y
        acc += ((3 * rx) ^ ry) << a
        if not ry:
            if rx:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        a -= 1
    return acc


class PMTilesWriter:
    """A PMTiles v3 archive: tiles as they are, deduplicated, in one file, written in one pass.

    The `pmtiles` package's own Writer keeps the tiles in a temporary file and copies them after the directories at
    the end: every byte written twice. The specification lets every section but the header and the root directory
    (within the first 16 kB) sit anywhere, so the tiles are written straight into the archive after a 16 kB space,
    then the metadata and leaf directories after them, and the header and root directory last, into that space; the
    package serializes them (its directories, header and tile ids)."""

    TILE_TYPES = {"pbf": 1, "png": 2, "jpg": 3, "webp": 4}  # pmtiles.tile.TileType (1: MVT)
    ROOT_SPACE = 16384  # the header and root directory: what latency-optimized readers fetch first
    HEADER = 127

    def __init__(self, path, tile_format, metadata):
        try:
            from pmtiles.tile import Entry, zxy_to_tileid  # only the web target needs it
        except ImportError as exc:
            raise InputError("The pmtiles package is missing: reinstall the plugin (it ships it), or pip install "
                             "pmtiles.") from exc

        self.checked_tile_id = zxy_to_tileid  # the package's, for tile numbers out of range (it raises)
        self.entry = Entry
        self.path = path
        self.format = tile_format
        self.metadata = metadata
        self.file = open(path, "wb", buffering=WRITE_BUFFER)  # tiles of 20-60 kB: one system call a megabyte
        try:
            self.file.write(bytes(self.ROOT_SPACE))
        except BaseException:
            self.file.close()
            raise
        self.entries = []        # pmtiles.tile.Entry, in the order written
        self.offsets = {}        # digest of a small tile's bytes -> its offset in the tile data: each stored once
        self.offset = 0          # bytes of tile data written
        self.addressed = 0
        self.contents = 0        # tiles stored (each repeated one once)
        self.clustered = True    # tile ids ascending, so the data in their order
        self.gzipped = False  # vector tiles stored gzipped (as GDAL and most MBTiles hold them): said in the header

    @classmethod
    def open(cls, path, tile_format, metadata, zoom_max):
        return cls(path, tile_format, metadata)

    def add(self, z, x, y, data):
        Entry = self.entry  # noqa: N806 (the package's class)
        self.gzipped = self.gzipped or data[:2] == GZIP
        tile_id = tile_id_of(z, x, y) if 0 <= x < 1 << z and 0 <= y < 1 << z and z < 32 else \
            self.checked_tile_id(z, x, y)
        entries = self.entries
        if entries and tile_id < entries[-1].tile_id:
            self.clustered = False
        # Tiles that repeat (sea, empty land, one colour) are small; a large one is stored without hashing its bytes.
        # A 128-bit digest, not Python's 64-bit hash(): two different tiles must never share their bytes.
        key = hashlib.blake2b(data, digest_size=16).digest() if len(data) <= DEDUPLICATED_BYTES else None
        found = self.offsets.get(key) if key else None
        if found is None:
            self.file.write(data)
            entries.append(Entry(tile_id, self.offset, len(data), 1))
            if key:
                self.offsets[key] = self.offset
            self.offset += len(data)
            self.contents += 1
        elif entries and tile_id == entries[-1].tile_id + entries[-1].run_length and entries[-1].offset == found:
            entries[-1].run_length += 1  # a run of the same tile (sea, empty land): one entry
        else:
            entries.append(Entry(tile_id, found, len(data), 1))
        self.addressed += 1

    def close(self, bounds, zooms):
        from pmtiles.tile import Compression, TileType, serialize_header, tileid_to_zxy
        from pmtiles.writer import optimize_directories

        west, south, east, north = bounds
        entries = sorted(self.entries, key=lambda entry: entry.tile_id)
        root, leaves, _ = optimize_directories(entries, self.ROOT_SPACE - self.HEADER)
        metadata = {key: self.metadata.get(key, "") for key in ("name", "attribution", "description")}
        metadata.update(format=self.format, type="baselayer")
        if self.format == VECTOR:  # MapLibre styles name these source layers
            metadata["vector_layers"] = vector_layers(self.metadata)
        packed = gzip.compress(json.dumps(metadata).encode(), mtime=0)
        data_end = self.ROOT_SPACE + self.offset
        header = {"root_offset": self.HEADER, "root_length": len(root),
                  "tile_data_offset": self.ROOT_SPACE, "tile_data_length": self.offset,
                  "metadata_offset": data_end, "metadata_length": len(packed),
                  "leaf_directory_offset": data_end + len(packed), "leaf_directory_length": len(leaves),
                  "addressed_tiles_count": self.addressed, "tile_entries_count": len(entries),
                  "tile_contents_count": self.contents, "clustered": self.clustered,
                  "internal_compression": Compression.GZIP,
                  "tile_compression": Compression.GZIP if self.gzipped else Compression.NONE,
                  "tile_type": TileType(self.TILE_TYPES.get(self.format, 0)),
                  "min_zoom": tileid_to_zxy(entries[0].tile_id)[0], "max_zoom": tileid_to_zxy(entries[-1].tile_id)[0],
                  "min_lon_e7": int(west * 1e7), "min_lat_e7": int(south * 1e7), "max_lon_e7": int(east * 1e7),
                  "max_lat_e7": int(north * 1e7), "center_zoom": zooms[0],
                  "center_lon_e7": int((west + east) / 2 * 1e7), "center_lat_e7": int((south + north) / 2 * 1e7)}
        try:
            self.file.write(packed)
            self.file.write(leaves)
            self.file.seek(0)
            self.file.write(serialize_header(header))
            self.file.write(root)
            self.file.flush()
            os.fsync(self.file.fileno())  # a full disk met by the last writes is met here, not after the rename
        finally:
            self.abort()

    def abort(self):
        """Close the file, whatever is left unwritten (a full disk refuses the buffer's last bytes)."""
        with contextlib.suppress(OSError):
            self.file.close()


def decode_osmand(path):
    """{(zoom, x, y): image} of an OsmAnd/Locus SQLiteDB, read by what its `info` table declares."""
    db = sqlite3.connect("file:{}?mode=ro".format(mbtiles.uri_path(path)), uri=True)
    try:
        minzoom, maxzoom, numbering, inverted = db.execute(
            "SELECT minzoom, maxzoom, tilenumbering, inverted_y FROM info").fetchone()
        big_planet = (numbering or "").lower() == "bigplanet"
        tiles = {}
        for x, y, z, image in db.execute("SELECT x, y, z, image FROM tiles"):
            zoom = 17 - z if big_planet else z
            tiles[(zoom, x, flip_y(zoom, y) if inverted else y)] = bytes(image)
        zooms = sorted((17 - minzoom, 17 - maxzoom) if big_planet else (minzoom, maxzoom))
        return tiles, zooms
    finally:
        db.close()
