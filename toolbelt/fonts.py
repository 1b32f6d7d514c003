"""The fonts IGN's vector styles ask for, bundled with the plugin and registered with Qt while it is loaded.

IGN's styles write their labels in Source Sans Pro ("Source Sans Pro Regular", "… Bold", "… Italic",
"… Semibold"). QGIS 3.22's style converter looks the family and style up in QFontDatabase and warns, then
falls back to a default font, when they are not there. The plugin ships the SIL Open Font License package
font-source-sans-pro (in ext_libs/) and registers its TrueType files as application fonts: nothing is
installed on the system, and unload removes them.
"""

import glob
import importlib.util
import os

from qgis.PyQt.QtGui import QFontDatabase

PACKAGE = "font_source_sans_pro"

_registered = []  # QFontDatabase ids of the fonts this plugin added


def font_files():
    """The bundled TrueType files (empty when the package is missing)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = os.path.join(list(spec.submodule_search_locations)[0], "files")
    return sorted(glob.glob(os.path.join(folder, "*.ttf")))


def licence_file():
    files = font_files()
    return os.path.join(os.path.dirname(files[0]), "LICENSE.txt") if files else None


def register_fonts():
    """Register the bundled fonts once (a second call does nothing); the number of font files registered."""
    if not _registered:
        for path in font_files():
            font_id = QFontDatabase.addApplicationFont(path)
            if font_id >= 0:
                _registered.append(font_id)
    return len(_registered)


def unregister_fonts():
    while _registered:
        QFontDatabase.removeApplicationFont(_registered.pop())
