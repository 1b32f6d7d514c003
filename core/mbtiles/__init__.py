"""MBTiles 1.3 files, as IGN Offline writes and reads them; the house's one way in (`from ..core import mbtiles`).

files     the schema, what a file on disk is (ours, foreign, damaged), one-line errors
metadata  the `metadata` table's values and their checks
writer    MBTilesWriter: deduplicated, batched, journaled writes
reader    MBTilesReader: read-only access to any MBTiles
hashes    agg_tiles_hash, as maplibre/martin's `mbtiles` tool computes it
patches   whole-tile patches in martin's format (diff_tiles, apply_patch) and an export's scope
"""

from .changes import chain, changed_keys
from .files import (
                    SCHEMA,
                    SQLITE_MAGIC,
                    DiskFull,
                    check_readable,
                    damaged,
                    disk_full_message,
                    holds_same_body,
                    inspect,
                    is_disk_full,
                    looks_like_mbtiles,
                    read_guard,
                    rekey_old_tiles,
                    tile_id,
                    uri_path,
)
from .hashes import AFTER_APPLY, AGG_TILES_HASH, BEFORE_APPLY, EMPTY_HASH, agg_tiles_hash, store_hash, stored_hash
from .metadata import (
                    FORMATS_BY_MIME,
                    METADATA_FIELDS,
                    RECOVERED_KEY,
                    build_metadata,
                    format_from_mime,
                    metadata_problems,
                    union_bounds,
                    vector_json,
)
from .patches import (
                    ApplyStats,
                    PatchCancelled,
                    PatchStats,
                    apply_patch,
                    diff_by_links,
                    diff_tiles,
                    foreign_format,
                    layout,
                    metadata_changes,
                    new_patch_file,
                    read_patch,
                    write_patch_metadata,
)
from .reader import MBTilesReader, holds_only, remove_if_no_tiles
from .scopes import (
                    SCOPE_KEYS,
                    SCOPE_PART,
                    SCOPE_PART_FROM,
                    SCOPE_PART_TO,
                    PatchError,
                    Scope,
                    key_text,
                    read_scope,
                    scope_metadata,
                    scope_ranges,
)
from .writer import JournalEntry, MBTilesWriter

__all__ = [
    "SCHEMA", "SQLITE_MAGIC", "DiskFull", "check_readable", "damaged", "disk_full_message", "holds_same_body",
    "inspect", "is_disk_full", "looks_like_mbtiles", "read_guard", "rekey_old_tiles", "tile_id", "uri_path",
    "FORMATS_BY_MIME", "METADATA_FIELDS", "RECOVERED_KEY", "build_metadata", "format_from_mime",
    "metadata_problems", "union_bounds", "vector_json",
    "MBTilesReader", "holds_only", "remove_if_no_tiles",
    "JournalEntry", "MBTilesWriter",
    "chain", "changed_keys",
    "AFTER_APPLY", "AGG_TILES_HASH", "BEFORE_APPLY", "EMPTY_HASH", "agg_tiles_hash", "store_hash", "stored_hash",
    "SCOPE_KEYS", "SCOPE_PART", "SCOPE_PART_FROM", "SCOPE_PART_TO", "ApplyStats", "PatchCancelled", "PatchError",
    "PatchStats", "Scope", "apply_patch", "diff_by_links", "diff_tiles", "foreign_format", "key_text", "layout",
    "metadata_changes", "new_patch_file", "read_patch", "read_scope", "scope_metadata", "scope_ranges",
    "write_patch_metadata",
]
