"""Safe extraction of downloaded ZIP packages (MNS tiles: TIF + TFW + HDR + grf).

The whole archive is checked before anything is written: absolute paths,
'..', links and absurd sizes refuse it. Each member is written under a
temporary name and renamed, so a file under its final name is complete.
"""

import os
import stat
import zipfile

from .errors import IgnOfflineError

MAX_MEMBER_BYTES = 8 * 1000 ** 3    # an MNS tile is tens of MB; 8 GB is not a tile
MAX_RATIO = 1000                    # raster data does not compress a thousand times


class ArchiveError(IgnOfflineError):
    """A ZIP package is damaged or unsafe to extract."""


def check_member(info):
    """Why the member cannot be extracted, or None."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    if ".." in name.split("/"):
        return "'..' in its path"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symbolic link"
    if info.file_size > MAX_MEMBER_BYTES:
        return "{} bytes once extracted".format(info.file_size)
    if info.file_size > 10 ** 8 and info.file_size > MAX_RATIO * max(1, info.compress_size):
        return "compressed {} times".format(info.file_size // max(1, info.compress_size))
    return None


def extract(zip_path, folder):
    """Extract `zip_path` into `folder`; returns the paths of its files. Members already there are kept."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError("{} is not a readable ZIP ({}).".format(os.path.basename(zip_path), exc)) from exc
    with archive:
        members = archive.infolist()
        for info in members:
            problem = check_member(info)
            if problem is not None:
                raise ArchiveError("{} was not extracted: its member '{}' is refused ({}).".format(
                    os.path.basename(zip_path), info.filename, problem))
        paths = []
        root = os.path.realpath(folder)
        for info in members:
            target = os.path.realpath(os.path.join(root, *info.filename.replace("\\", "/").split("/")))
            if not target.startswith(root + os.sep):  # belt and braces after check_member
                raise ArchiveError("{}: '{}' would land outside {}.".format(zip_path, info.filename, folder))
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            paths.append(target)
            if os.path.isfile(target) and os.path.getsize(target) == info.file_size:
                continue
            part = target + ".part"
            try:
                with archive.open(info) as source, open(part, "wb") as out:
                    while True:
                        block = source.read(1 << 20)
                        if not block:
                            break
                        out.write(block)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                _remove(part)
                raise ArchiveError("{} is damaged at '{}' ({}): delete it and run again to fetch it anew.".format(
                    os.path.basename(zip_path), info.filename, exc)) from exc
            os.replace(part, target)
        return paths


def uncompressed_size(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        return sum(info.file_size for info in archive.infolist())


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
