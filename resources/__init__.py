"""Files shipped with the plugin: icon, Processing help texts."""

import os

from qgis.PyQt.QtGui import QIcon

FOLDER = os.path.dirname(__file__)


def resource_path(*parts):
    return os.path.join(FOLDER, *parts)


def icon(name):
    return QIcon(resource_path(name))


def help_text(algorithm_name, language=None):
    """The help of an algorithm: resources/help/<language>/<name>.md in the user's language when there is one,
    else resources/help/<name>.md (English); '' if none."""
    from ..i18n import qgis_language

    language = language or qgis_language()
    for path in (resource_path("help", language, algorithm_name + ".md"),
                 resource_path("help", algorithm_name + ".md")):
        try:
            with open(path, encoding="utf-8") as stream:
                return stream.read()
        except FileNotFoundError:
            continue
    return ""
