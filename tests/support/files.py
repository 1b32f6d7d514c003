"""File helpers for tests."""

import hashlib
import os


def tree_digest(folder):
    """One hash of every file's path, size, mtime and bytes below `folder`: proves it was only read."""
    digest = hashlib.sha256()
    for root, dirs, names in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            stat = os.stat(path)
            digest.update(path.encode())
            digest.update(str((stat.st_size, stat.st_mtime_ns)).encode())
            with open(path, "rb") as stream:
                digest.update(stream.read())
    return digest.hexdigest()
