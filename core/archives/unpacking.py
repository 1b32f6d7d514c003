"""Checks shared by every archive extraction (ZIP packages of the FTP, 7z datasets of the download service).

An archive is checked whole before anything is written: names that would land outside the destination (absolute
paths, drive letters, '..'), sizes and ratios no honest archive has, and a total the destination disk cannot hold.
"""

import errno
import os

from ..messages import Message
from ..storage import free_bytes, human_size

MAX_RATIO = 1000  # rasters, grids and GeoPackages do not compress a thousand times


def unsafe_name(name):
    """Why the member name `name` would land outside the destination, or None."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return Message("absolute path")
    if ".." in name.split("/"):
        return Message("'..' in its path")
    return None


def too_compressed(size, packed):
    """Why `size` bytes unpacked from `packed` ones is not honest data, or None."""
    if size > MAX_RATIO * max(1, packed):
        return Message("compressed {} times", size // max(1, packed))
    return None


def target_path(root, name):
    """Where the member `name` lands under the real path `root` (links already on the disk resolved)."""
    return os.path.realpath(os.path.join(root, *name.replace("\\", "/").split("/")))


def is_inside(root, target):
    return target.startswith(root.rstrip(os.sep) + os.sep)


def check_space(needed, root, archive_path, error_class):
    """Refuse before writing anything when the `needed` bytes do not fit on the disk holding `root`."""
    free = free_bytes(root)
    if needed > free:
        raise error_class("{} was not extracted: not enough space on the disk holding {}: {} needed, {} free. "
                          "Free some space or choose another folder, then run again.",
                          os.path.basename(archive_path), root, human_size(needed), human_size(free))


def is_disk_full(exc):
    return getattr(exc, "errno", None) in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def remove_quietly(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
