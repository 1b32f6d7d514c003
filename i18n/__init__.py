"""French and English: every string a person reads goes through `tr()` here, or through the `.ui` files.

`make i18n` gathers them into `ign_offline_fr.ts` (translations are kept; new strings come in untranslated);
`lrelease` compiles the `.ts` files into the `.qm` files QGIS reads (`make setup`, `make package`).
`install()` is called by `classFactory`, so the dock, the messages, the Processing algorithms and `qgis_process`
speak the language QGIS is set to.
"""

import os

# One context for the plugin's Python strings (the .ui files use their form's class name).
CONTEXT = "IgnOffline"
FOLDER = os.path.dirname(os.path.abspath(__file__))
PREFIX = "ign_offline_"

_installed = []


def tr(text):
    """`text` in the user's language (the English itself when there is no translation)."""
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text)


def marked(text):
    """Marks a string for translation where it is defined (core titles, tables); `tr()` translates it where shown."""
    return text


def qgis_language():
    """The two-letter language QGIS uses ('fr', 'en'…): its locale setting, else the system's."""
    from qgis.core import QgsApplication

    return (QgsApplication.locale() or "en")[:2].lower()


def install(language=None):
    """Install the translator of `language` (default: QGIS's); returns whether there was one to install."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    remove()
    language = language or qgis_language()
    path = os.path.join(FOLDER, PREFIX + language + ".qm")
    if language == "en" or not os.path.isfile(path):
        return False
    translator = QTranslator()
    if not translator.load(path):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)  # kept alive: Qt does not own it
    return True


def remove():
    from qgis.PyQt.QtCore import QCoreApplication

    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
