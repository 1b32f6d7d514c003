"""Sync of a field folder: every MBTiles of an offline project folder (make_project_offline's basemaps/, or any
copy made by export_tiles) updated in place from the library by patches (core.field.patching,
core.mbtiles.patches), so that a phone's project moves the changed tiles, not the whole maps.

Each file: its patch is made under a temporary name beside it (on the device's own disk, never in the library),
applied in one transaction (its before-hash checked, the patched tiles read back; the whole copy hashed with
`verify`), then removed. A file that cannot be updated this way (no export scope, its library file gone, its tiles
not what its agg_tiles_hash says) is refused with its reason and left untouched; a file already current moves
nothing."""

import contextlib
import heapq
import os
import re
from dataclasses import dataclass, field

from .. import mbtiles, storage
from ..errors import Cancelled, IgnOfflineError, InputError
from ..mbtiles.hashes import HASH_KEYS
from ..messages import Message
from . import patching

UPDATED, CURRENT, REFUSED = "updated", "current", "refused"
PATCH_SUFFIX = ".sync-patch"  # the temporary patch beside a copy: `<copy>.sync-patch` (+ make_patch's `.part`)


@dataclass
class Outcome:
    """What the sync did to one file: UPDATED, CURRENT or REFUSED (`reason`: a Message), the bytes its patch
    moved (0 unless updated) and the file's size once synced (what a full copy would move)."""

    path: str
    state: str
    reason: Message = None
    patch_bytes: int = 0
    file_bytes: int = 0
    tiles: int = 0


@dataclass
class Summary:
    outcomes: list = field(default_factory=list)

    def of(self, state):
        return [outcome for outcome in self.outcomes if outcome.state == state]

    @property
    def bytes_moved(self):
        return sum(outcome.patch_bytes for outcome in self.outcomes)

    @property
    def full_copy_bytes(self):
        """The bytes copying the files kept in step (updated or current) whole would have moved."""
        return sum(outcome.file_bytes for outcome in self.outcomes if outcome.state != REFUSED)


def copies_in(folder):
    """The MBTiles files of `folder` and its subfolders (sorted), our temporary files left out."""
    if not os.path.isdir(folder):
        raise InputError("The FOLDER '{}' does not exist: give the offline project's folder (the one holding "
                         "basemaps/).", folder)
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(os.path.join(root, name) for name in names
                     if name.lower().endswith(".mbtiles") and not name.startswith("."))
    return sorted(found)


def library_source(path, scope, library=None):
    """The library file a copy was exported from: its name in `library` when given (a library moved keeps its
    files' names), else the path the copy recorded; InputError when it is gone."""
    recorded = scope.source
    if not recorded:
        raise InputError("'{}' does not name the library file it was made from: make it again from the library.",
                         path)
    source = os.path.join(library, os.path.basename(recorded)) if library else recorded
    if not os.path.isfile(source):
        raise InputError("its library file {} is gone: download that layer into the library again (or give the "
                         "LIBRARY it is in), or copy a fresh export.", source)
    if storage.same_file(source, path):
        raise InputError("'{}' is a library file itself, not a copy: the sync never writes into the library.", path)
    return source


def check_copy(path, library=None):
    """(the copy's library file, its scope) for a copy a patch can update; IgnOfflineError (the reason) else."""
    scope, _ = patching.check_base(path)
    return library_source(path, scope, library), scope


def sync_file(path, library=None, progress=None, is_cancelled=None, verify=False):
    """Update one copy in place from its library file; its Outcome. Raises Cancelled when the user stops (the
    file untouched: the patch is applied in one transaction, or not at all). `verify`: hash the whole result
    (mbtiles.apply_patch), else the patched tiles are read back."""
    try:
        source, _ = check_copy(path, library)
        storage.check_writable_folder(os.path.dirname(os.path.abspath(path)))
        temporary = path + PATCH_SUFFIX
        try:
            made = patching.make_patch(source, path, temporary, progress, is_cancelled)
            if not made.stats.tiles and not made.stats.metadata_changed:
                return Outcome(path, CURRENT, file_bytes=os.path.getsize(path))
            if is_cancelled and is_cancelled():
                raise Cancelled()
            mbtiles.apply_patch(temporary, path, verify=verify)
        finally:
            _remove(temporary)
    except IgnOfflineError as exc:
        return Outcome(path, REFUSED, exc.message, file_bytes=_size(path))
    return Outcome(path, UPDATED, patch_bytes=made.patch_bytes, file_bytes=os.path.getsize(path),
                   tiles=made.stats.tiles)


def sync_folder(folder, library=None, progress=None, is_cancelled=None, log=None, verify=False):
    """Every MBTiles of `folder` synced in turn (sync_file); a Summary. `log(Message)` says each file's outcome;
    a cancel stops before the next file (the files done are kept done)."""
    if library and storage.is_within(folder, library) and not _within_exports(folder, library):
        raise InputError("The FOLDER '{}' is inside the LIBRARY '{}': the sync updates copies, never the library's "
                         "own files. Give the offline project's folder.", folder, library)
    paths = copies_in(folder)
    summary = Summary()
    for index, path in enumerate(paths):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        share = (lambda f, i=index: progress((i + f) / len(paths))) if progress else None
        outcome = sync_file(path, library, share, is_cancelled, verify)
        summary.outcomes.append(outcome)
        if log:
            log(said(outcome, folder))
    if progress:
        progress(1.0)
    return summary


def said(outcome, folder=None):
    """One line for a file's outcome."""
    name = os.path.relpath(outcome.path, folder) if folder else os.path.basename(outcome.path)
    if outcome.state == UPDATED:
        return Message("{}: updated, {:,} tiles, {} moved (the file is {}).", name, outcome.tiles,
                       storage.human_size(outcome.patch_bytes), storage.human_size(outcome.file_bytes))
    if outcome.state == CURRENT:
        return Message("{}: already current, nothing moved.", name)
    return Message("{}: refused, left untouched — {}", name, outcome.reason)


@dataclass
class CopyState:
    """What updating a copy would take, measured without writing anything: its patch's tiles and bytes, or why
    no patch can update it."""

    path: str
    tiles: int = 0
    patch_bytes: int = 0
    reason: Message = None
    source: str = None  # the library file its patch is made from


class _NoPatch:
    """Where diff_tiles writes when only the patch's size is wanted: nowhere."""

    def executemany(self, *_):
        pass


def measure_copy(path, library=None, is_cancelled=None):
    """The CopyState of one copy: the tiles and bytes its patch would hold (both files read once, nothing
    written)."""
    try:
        source, scope = check_copy(path, library)
        with mbtiles.read_guard(source), mbtiles.MBTilesReader(source) as reader, \
                mbtiles.MBTilesReader(path) as copy:
            stored = mbtiles.stored_hash(copy.connection())
            try:
                stats = mbtiles.diff_tiles(reader.connection(), copy.connection(), _NoPatch(), scope,
                                           is_cancelled=is_cancelled)
            except mbtiles.PatchCancelled:
                raise Cancelled() from None
        if stored and stored != stats.before:
            raise mbtiles.PatchError("'{}' no longer holds what its agg_tiles_hash says: it changed since it was "
                                     "written. Copy a fresh export to the device.", path)
    except IgnOfflineError as exc:
        return CopyState(path, reason=exc.message)
    return CopyState(path, stats.tiles, stats.patch_bytes, source=source)


def measure_folder(folder, library=None, is_cancelled=None):
    """CopyStates of every MBTiles of `folder` ([] when the folder is not there)."""
    if not os.path.isdir(folder):
        return []
    states = []
    for path in copies_in(folder):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        states.append(measure_copy(path, library, is_cancelled))
    return states


def _within_exports(folder, library):
    return storage.is_within(folder, os.path.join(library, "exports"))


def _size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _remove(temporary):
    for suffix in ("", ".part", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(temporary + suffix)


# -- the device copies the dock knows -----------------------------------------------------------------------

EXPORTS = "exports"
PATCHES = "patches"  # <library>/exports/patches/: the patches written for copies to carry


@dataclass
class DeviceCopy:
    """A copy the dock shows: an export under <library>/exports/ (`folder` False) or an offline project folder;
    when it was last written (`modified`, seconds since the epoch; None: not there), whether it can be updated in
    place (`reachable`: there and writable) and the CopyStates of its MBTiles."""

    path: str
    folder: bool
    modified: float = None
    reachable: bool = False
    states: list = field(default_factory=list)

    @property
    def patch_bytes(self):
        return sum(state.patch_bytes for state in self.states)

    @property
    def tiles(self):
        return sum(state.tiles for state in self.states)

    @property
    def refused(self):
        return [state for state in self.states if state.reason is not None]


def patches_folder(library):
    return os.path.join(library, EXPORTS, PATCHES)


def exported_copies(library):
    """The MBTiles exports under <library>/exports/ (the patches written there left out), sorted."""
    folder = os.path.join(library, EXPORTS)
    if not os.path.isdir(folder):
        return []
    return [path for path in copies_in(folder) if not storage.is_within(path, patches_folder(library))]


def reachable(path):
    """True when `path` is there and a patch can be applied in place: the file (or folder) and the folder holding
    it (SQLite's journal, the temporary patch) writable."""
    where = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    return os.path.exists(path) and os.access(path, os.W_OK) and os.access(where, os.W_OK)


def survey(library, folders=(), is_cancelled=None):
    """DeviceCopies of the library's exports and of the offline `folders`, each with the size of its patch
    (measure_copy: read, nothing written)."""
    found = [(path, False) for path in exported_copies(library)] if library else []
    found += [(folder, True) for folder in folders]
    copies = []
    for path, is_folder in found:
        if is_cancelled and is_cancelled():
            raise Cancelled()
        copy = DeviceCopy(path, is_folder)
        if os.path.exists(path):
            copy.reachable = reachable(path)
            copy.states = (measure_folder(path, library, is_cancelled) if is_folder
                           else [measure_copy(path, library, is_cancelled)])
            copy.modified = max([os.path.getmtime(state.path) for state in copy.states] or
                                [os.path.getmtime(path)])
        copies.append(copy)
    return copies


def _stem(path, folder=None):
    stem = os.path.splitext(os.path.basename(path))[0]
    if folder:
        stem = "{}_{}".format(os.path.basename(os.path.normpath(folder)), stem)
    return stem


PATCH_EXTENSION = ".patch.mbtiles"
# prune_patches keeps a chain up to the copy's size and this much more: a patch file is some 20 kB of SQLite pages
# before its first tile, so a small copy's few patches always outweigh it and would never form a chain.
PRUNE_MARGIN = 1 << 20
_CHAIN_LINK = re.compile(r"\.([0-9a-f]{8})-([0-9a-f]{8})" + re.escape(PATCH_EXTENSION), re.IGNORECASE)


def making_name(library, path, folder=None):
    """Where make_patch writes the patch of the copy `path` (of the offline `folder`, if any) before keep_patch
    names it: <library>/exports/patches/[<folder>_]<name>.making.patch.mbtiles (never a patch kept for a device)."""
    return os.path.join(patches_folder(library), _stem(path, folder) + ".making" + PATCH_EXTENSION)


def chain_name(library, path, before, after, folder=None):
    """The name a patch kept for devices takes: <library>/exports/patches/[<folder>_]<name>.<before8>-<after8>
    .patch.mbtiles, by the hashes it goes from and to, so that a later patch never replaces it: a phone left at an
    older state applies the links from its own hash on, in order."""
    return os.path.join(patches_folder(library), "{}.{}-{}{}".format(_stem(path, folder), before[:8].lower(),
                                                                      after[:8].lower(), PATCH_EXTENSION))


def keep_patch(made, library, path, folder=None):
    """The patch `made` (at making_name) kept under its chain_name, the name returned; None when it changes
    nothing (the copy is current): then it is removed, no patch kept for devices replaced and nothing to apply."""
    metadata = mbtiles.read_patch(made)
    before, after = metadata.get(mbtiles.BEFORE_APPLY, ""), metadata.get(mbtiles.AFTER_APPLY, "")
    if not before or not after:
        raise mbtiles.PatchError("'{}' carries no agg_tiles_hash_before_apply/after_apply: make it again with "
                                 "make_patch.", made)
    if before == after and set(metadata) <= set(HASH_KEYS):
        _remove(made)
        return None
    kept = chain_name(library, path, before, after, folder)
    os.replace(made, kept)  # the same two hashes: the same change (the patch made again), never another link
    return kept


def link_of(patch):
    """(before8, after8) of a patch kept under its chain_name; None for another name."""
    link = re.search(_CHAIN_LINK.pattern + "$", os.path.basename(patch), re.IGNORECASE)
    return (link.group(1).lower(), link.group(2).lower()) if link else None


def remove_patch(made):
    """A patch left by a make_patch that failed or was cancelled (and its temporary files), removed."""
    _remove(made)


def _kept_links(library, path, folder=None):
    """[(before8, after8, patch)] of every patch kept for the copy `path`, by name."""
    stem = _stem(path, folder)
    folder_path = patches_folder(library)
    found = []
    for name in sorted(os.listdir(folder_path)) if os.path.isdir(folder_path) else []:
        link = _CHAIN_LINK.fullmatch(name[len(stem):]) if name.startswith(stem) else None
        if link:
            found.append((link.group(1).lower(), link.group(2).lower(), os.path.join(folder_path, name)))
    return found


def patch_chain(library, path, end, folder=None):
    """The patches kept for the copy `path` that lead, link after link, to the hash `end` (the copy's now), oldest
    first: what a device's copy applies in order (from the link starting at its own hash)."""
    links = {}
    for before, after, patch in _kept_links(library, path, folder):
        links.setdefault(after, (before, patch))
    chain, at, seen = [], end[:8].lower(), set()
    while at in links and at not in seen:
        seen.add(at)
        at, name = links[at]
        chain.insert(0, name)
    return chain


def prune_patches(library, path, kept, folder=None):
    """Remove the patches kept for the copy `path` that no device is better off applying, never `kept` (the patch
    just kept, applied next); their paths, the farthest from now first. A device at a link's before-hash reaches the
    copy's hash now (`kept`'s after-hash) by that link and the fewest bytes of links after it: where that adds up to
    more than the copy itself and PRUNE_MARGIN, copying the copy whole moves less, and the link goes. Without this
    the patches of an export grew with every update, for good.

    Only links that lead to the copy's hash now are weighed: links that lead elsewhere are left (a history the copy
    left when exported again whole, or another copy's under the same name: two phones' folders of one name). A copy
    that is not there (a device unplugged) is not weighed: nothing is removed."""
    if not os.path.isfile(path):
        return []
    end = link_of(kept)[1]
    links = _kept_links(library, path, folder)
    sizes = {patch: os.path.getsize(patch) for _, _, patch in links}
    into = {}
    for before, after, patch in links:
        into.setdefault(after, []).append((before, patch))
    reach, waiting = {end: 0}, [(0, end)]  # the fewest bytes from a state to `end` (Dijkstra, links reversed)
    while waiting:
        bytes_from, state = heapq.heappop(waiting)
        if bytes_from > reach[state]:
            continue
        for before, patch in into.get(state, ()):
            total = bytes_from + sizes[patch]
            if total < reach.get(before, total + 1):
                reach[before] = total
                heapq.heappush(waiting, (total, before))
    limit = os.path.getsize(path) + PRUNE_MARGIN
    costs = [(sizes[patch] + reach[after], patch) for _, after, patch in links if after in reach and patch != kept]
    useless = sorted((cost for cost in costs if cost[0] > limit), reverse=True)
    for _, patch in useless:
        _remove(patch)
    return [patch for _, patch in useless]
