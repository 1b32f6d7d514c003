"""Checks on where files will be written."""

import os
import shutil
import tempfile

from .errors import InputError


def check_writable_folder(folder):
    """Raise InputError unless `folder` exists and can be written to."""
    folder = os.path.abspath(folder or ".")
    if not os.path.isdir(folder):
        raise InputError("The folder '{}' does not exist: create it or choose another.".format(folder))
    # Try it rather than trust os.access, which says yes to root, on read-only
    # mounts it has not noticed, and ignores ACLs. O_TMPFILE: nothing is left.
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".ign_offline_probe_"):
            pass
    except OSError as exc:
        raise InputError("The folder '{}' is not writable ({}): choose a folder you can write to.".format(
            folder, exc.strerror)) from exc
    return folder


def output_folder(path):
    """The folder a planned output lives in: `path` itself if it is a folder."""
    return path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))


def check_output_file(path):
    """Raise InputError unless the file `path` can be written: its folder is writable, or missing (the library
    the first time) with a writable parent, in which the run makes it."""
    folder = output_folder(path)
    check_writable_folder(folder if os.path.isdir(folder) else os.path.dirname(folder))


def free_bytes(path):
    """Free space where `path` goes (its nearest existing folder: a library not made yet lives on its parent's disk)."""
    folder = os.path.abspath(output_folder(path))
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return shutil.disk_usage(folder).free


def human_size(size):
    for unit in ("B", "kB", "MB", "GB"):
        if abs(size) < 1000 or unit == "GB":
            return "{:.0f} {}".format(size, unit) if unit == "B" else "{:.1f} {}".format(size, unit)
        size /= 1000.0
