"""Safe extraction of the download service's 7z archives (one file or `.7z.001`, `.7z.002`…).

The whole archive is checked before anything is written (names, links, sizes and ratios, free space: the checks
of core.archives.unpacking, shared with the FTP's ZIP packages). Each file is then decoded by chunks to
`<name>.part`; the parts are renamed to their names only once every file of the archive has passed its CRC check.
On a damaged archive, a full disk or a cancel, every part this run wrote and every folder it made are removed:
files already there before the run are left as they were, and nothing half-extracted is left.
"""

import os

from ..errors import Cancelled
from ..messages import Message, os_reason
from ..storage import human_size
from .sevenzip import ArchiveError, SevenZip, volume_paths
from .unpacking import check_space, is_disk_full, is_inside, remove_quietly, target_path, too_compressed, unsafe_name

__all__ = ["ArchiveError", "extract_archive", "remove_archive"]

MAX_MEMBER_BYTES = 64 * 1000 ** 3   # a département's GeoPackage is a few GB; 64 GB is no member of IGN's
PART = ".part"


def extract_archive(first_volume_path, folder, progress=None, is_cancelled=None):
    """Extract the 7z archive (its first volume for a multi-part one) into `folder`; returns the paths of its
    files. Files already extracted (same size and time) are kept and not written again. `progress(done, total)` in
    bytes written; `is_cancelled()` stops the run, leaving nothing of it. Raises ArchiveError."""
    try:
        archive = SevenZip(first_volume_path)
    except OSError as exc:
        raise ArchiveError("{} cannot be read ({}): check the file, then run again.",
                           os.path.basename(first_volume_path), os_reason(exc)) from exc
    with archive:
        root = os.path.realpath(folder)
        targets = checked_targets(archive, root)
        todo = [entry for entry in archive.entries if not entry.is_directory and not complete(targets[entry], entry)]
        check_space(sum(entry.size for entry in todo), root, first_volume_path, ArchiveError)
        run = Run(archive.name, root, sum(entry.size for entry in todo), progress)
        try:
            run.extract(archive, targets, set(todo), is_cancelled)
        except BaseException:
            run.undo()
            raise
    return [targets[entry] for entry in archive.entries if not entry.is_directory]


def checked_targets(archive, root):
    """{entry: its path under `root`}, once every entry has been found safe; else ArchiveError naming the first
    refused one (nothing written yet)."""
    targets = {}
    for entry in archive.entries:
        problem = entry_problem(entry)
        target = target_path(root, entry.name)
        if problem is None and not is_inside(root, target):
            problem = Message("it would land outside {}", root)
        if problem is not None:
            raise ArchiveError("{} was not extracted: its member '{}' is refused ({}).",
                               archive.name, entry.name, problem)
        targets[entry] = target
    # No ratio per folder: a sea tile of RGE ALTI is all NODATA and packs thousands of times, honestly. What makes
    # a bomb harmless here is that the decoder never yields more than the sizes the header declares, and those are
    # bounded below, added up against the free space, and held to an honest ratio for the archive as a whole.
    total = sum(entry.size for entry in archive.entries)
    if too_compressed(total, archive.size) is not None:
        raise ArchiveError("{} was not extracted: {}; it is not an honest package.", archive.name,
                           Message("its members add up to {} from a {} file", human_size(total),
                                   human_size(archive.size)))
    return targets


def entry_problem(entry):
    """Why one entry cannot be extracted, or None."""
    unsafe = unsafe_name(entry.name)
    if unsafe is not None:
        return unsafe
    if not entry.name.strip("/\\"):
        return Message("an empty name")
    if entry.is_link:
        return Message("a symbolic link")
    if entry.size > MAX_MEMBER_BYTES:
        return Message("{} bytes once extracted", entry.size)
    return None


def complete(target, entry):
    """A file extracted by an earlier run: same size and, when the archive says it, same modification time."""
    if not os.path.isfile(target) or os.path.getsize(target) != entry.size:
        return False
    return entry.mtime is None or abs(os.path.getmtime(target) - entry.mtime) < 2


class Run:
    """What one extraction writes, so that a failure can remove all of it and only it."""

    def __init__(self, name, root, total, progress):
        self.name, self.root, self.total, self.progress = name, root, total, progress
        self.done = 0
        self.parts = []        # (part path, final path, entry), in order
        self.renamed = []      # final paths written by this run
        self.made = []         # folders this run made, parents first

    def extract(self, archive, targets, todo, is_cancelled):
        try:
            self.make_folder(self.root)
            for entry in archive.entries:
                if entry.is_directory:
                    self.make_folder(targets[entry])
            for index in range(len(archive.folders)):
                if any(entry in todo for entry in archive.folder_entries(index)):
                    archive.extract_folder(index, self.part_path(targets, todo), self.written, is_cancelled)
            for entry in archive.entries:  # empty files: no stream to decode
                if entry in todo and not entry.has_stream:
                    open(self.part(targets[entry], entry), "wb").close()
            self.commit()
        except Cancelled:
            raise ArchiveError("The extraction of {} was cancelled: nothing half-extracted was left in {}.",
                               self.name, self.root) from None
        except OSError as exc:
            raise self.write_error(exc) from exc

    def write_error(self, exc):
        if is_disk_full(exc):
            return ArchiveError("The disk holding {} is full while extracting {}: free some space (the archive "
                                "itself is fine) and run again.", self.root, self.name)
        return ArchiveError("{} cannot be extracted into {} ({}): check that folder, then run again.",
                            self.name, self.root, os_reason(exc))

    def make_folder(self, path):
        """Make `path` and its missing parents (the chosen folder itself, the first time), remembering them."""
        missing = []
        while not os.path.isdir(path) and os.path.dirname(path) != path:
            missing.append(path)
            path = os.path.dirname(path)
        for folder in reversed(missing):
            os.mkdir(folder)
            self.made.append(folder)

    def part_path(self, targets, todo):
        """For SevenZip.extract_folder: the part to write for the files to extract, None for the others."""
        def part_for(entry):
            return self.part(targets[entry], entry) if entry in todo else None
        return part_for

    def part(self, target, entry):
        """The temporary name `target` is written under (its folder made), remembered for commit or undo."""
        self.make_folder(os.path.dirname(target))
        self.parts.append((target + PART, target, entry))
        return target + PART

    def written(self, count):
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)

    def commit(self):
        """Every file passed its CRC: the parts take their names."""
        for part, target, entry in self.parts:
            os.replace(part, target)
            self.renamed.append(target)
            if entry.mtime is not None:
                os.utime(target, (entry.mtime, entry.mtime))

    def undo(self):
        """Remove what this run wrote (the reader closed its files first: Windows cannot remove an open file)."""
        for part, _, _ in self.parts:
            remove_quietly(part)
        for target in self.renamed:
            remove_quietly(target)
        for folder in reversed(self.made):
            try:
                os.rmdir(folder)
            except OSError:  # not empty: something else put a file there meanwhile
                pass


def remove_archive(first_volume_path):
    """Delete the archive: every volume of a multi-part one, and the `.part` of a volume still downloading.
    Returns the paths removed."""
    removed = []
    for path in volume_paths(first_volume_path, with_parts=True):
        for candidate in (path, path + PART):
            if os.path.isfile(candidate):
                os.remove(candidate)
                removed.append(candidate)
    return removed
