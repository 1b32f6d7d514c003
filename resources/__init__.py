"""Files shipped with the plugin: icon, Processing help texts."""

import os

from qgis.PyQt.QtGui import QIcon

FOLDER = os.path.dirname(__file__)


def resource_path(*parts):
    return os.path.join(FOLDER, *parts)


def icon(name):
    return QIcon(resource_path(name))


def help_text(algorithm_name):
    """The help of an algorithm, from resources/help/<name>.md ('' if none)."""
    try:
        with open(resource_path("help", algorithm_name + ".md"), encoding="utf-8") as stream:
            return stream.read()
    except FileNotFoundError:
        return ""
