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


def free_bytes(path):
    return shutil.disk_usage(output_folder(path)).free


def human_size(size):
    for unit in ("B", "kB", "MB", "GB"):
        if abs(size) < 1000 or unit == "GB":
            return "{:.0f} {}".format(size, unit) if unit == "B" else "{:.1f} {}".format(size, unit)
        size /= 1000.0
