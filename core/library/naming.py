"""How the library names a layer's file: `<folder>/<LAYER>.mbtiles`, the layer made safe for any file system.

One rule for the plans, the downloads, the dock's defaults and the offline projects' basemaps, so a layer
fetched one way is found, resumed and reused by the others.
"""

import os

EXTENSION = ".mbtiles"


def safe_name(layer):
    """`layer` with every character but letters, digits, '.', '_' and '-' made '_'."""
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in layer)


def file_name(layer):
    """`<LAYER>.mbtiles`: the file name of `layer` in a library."""
    return safe_name(layer) + EXTENSION


def library_file(folder, layer):
    """The library's file for `layer`: `<folder>/<LAYER>.mbtiles`."""
    return os.path.join(folder, file_name(layer))
