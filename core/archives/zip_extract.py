"""Safe extraction of downloaded ZIP packages (MNS tiles: TIF + TFW + HDR + grf).

The whole archive is checked before anything is written: absolute paths,
'..', links and absurd sizes or ratios (of every member and of the whole)
refuse it, and so does a total that the destination disk cannot hold. Each
member is written under a temporary name and renamed, so a file under its
final name is complete.
"""

import os
import stat
import zipfile
import zlib

from ..errors import IgnOfflineError
from ..messages import Message, os_reason
from ..storage import human_size
from .unpacking import MAX_RATIO, is_disk_full, remove_quietly, target_path, too_compressed, unsafe_name
from .unpacking import check_space as check_space_for

MAX_MEMBER_BYTES = 8 * 1000 ** 3    # an MNS tile is tens of MB; 8 GB is not a tile


class ArchiveError(IgnOfflineError):
    """A ZIP package is damaged or unsafe to extract."""


def check_member(info):
    """Why the member cannot be extracted, or None."""
    unsafe = unsafe_name(info.filename)
    if unsafe is not None:
        return unsafe
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symbolic link"
    if info.file_size > MAX_MEMBER_BYTES:
        return Message("{} bytes once extracted", info.file_size)
    return too_compressed(info.file_size, info.compress_size)  # every member: 40 × 95 MB bombs add up


def check_total(zip_path, members):
    """Why the archive as a whole cannot be extracted, or None. Members may share their compressed
    bytes (overlapping entries): only the file's real size bounds what it can honestly hold."""
    total = sum(info.file_size for info in members)
    size = os.path.getsize(zip_path)
    if total > MAX_RATIO * max(1, size):
        return Message("its members add up to {} from a {} file", human_size(total), human_size(size))
    return None


def check_space(members, root, zip_path):
    """Refuse before writing anything when the members still to extract do not fit on the disk."""
    needed = sum(info.file_size for info in members if not _complete(_target(root, info), info))
    check_space_for(needed, root, zip_path, ArchiveError)


def extract(zip_path, folder):
    """Extract `zip_path` into `folder`; returns the paths of its files. Members already there are kept."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError("{} is not a readable ZIP ({}).", os.path.basename(zip_path), exc) from exc
    with archive:
        members = archive.infolist()
        for info in members:
            problem = check_member(info)
            if problem is not None:
                raise ArchiveError("{} was not extracted: its member '{}' is refused ({}).",
                    os.path.basename(zip_path), info.filename, problem)
        problem = check_total(zip_path, members)
        if problem is not None:
            raise ArchiveError("{} was not extracted: {}; it is not an honest package.",
                os.path.basename(zip_path), problem)
        paths = []
        root = os.path.realpath(folder)
        check_space([info for info in members if not info.is_dir()], root, zip_path)
        for info in members:
            target = _target(root, info)
            if not target.startswith(root + os.sep):  # belt and braces after check_member
                raise ArchiveError("{}: '{}' would land outside {}.", zip_path, info.filename, folder)
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            paths.append(target)
            if _complete(target, info):
                continue
            part = target + ".part"
            try:
                with archive.open(info) as source, open(part, "wb") as out:
                    while True:
                        block = source.read(1 << 20)
                        if not block:
                            break
                        out.write(block)
            except OSError as exc:
                _remove(part)
                if is_disk_full(exc):
                    raise ArchiveError("The disk holding {} is full while extracting {} from {}: free some space "
                                       "(the package itself is fine) and run again.",
                                           root, info.filename, os.path.basename(zip_path)) from exc
                raise ArchiveError("{} cannot be extracted into {} ({}): check that folder, then run again.",
                    os.path.basename(zip_path), root, os_reason(exc)) from exc
            except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
                _remove(part)
                raise ArchiveError("{} is damaged at '{}' ({}): delete it and run again to fetch it anew.",
                    os.path.basename(zip_path), info.filename, exc) from exc
            os.replace(part, target)
        return paths


def _target(root, info):
    return target_path(root, info.filename)


def _complete(target, info):
    """A member extracted by an earlier run: kept as it is."""
    return os.path.isfile(target) and os.path.getsize(target) == info.file_size


def uncompressed_size(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        return sum(info.file_size for info in archive.infolist())


_remove = remove_quietly
