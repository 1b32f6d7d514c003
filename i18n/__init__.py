"""French and English: every string a person reads goes through `tr()` here, or through the `.ui` files.

`make i18n` gathers them into `ign_offline_fr.ts` (translations are kept; new strings come in untranslated);
`lrelease` compiles the `.ts` files into the `.qm` files QGIS reads (`make setup`, `make package`).
`install()` is called by `classFactory`, so the dock, the messages, the Processing algorithms and `qgis_process`
speak the language QGIS is set to.
"""

import os
import re
from string import Formatter

# One context for the plugin's Python strings (the .ui files use their form's class name).
CONTEXT = "IgnOffline"
FOLDER = os.path.dirname(os.path.abspath(__file__))
PREFIX = "ign_offline_"

_installed = []
# A number's format spec: its fill, alignment and width (kept), then grouping, precision and type (the locale's).
NUMBER_SPEC = re.compile(r"((?:.?[<>=^])?\d*)")


def tr(text):
    """`text` in the user's language (the English itself when there is no translation)."""
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text)


def say(message, *args):
    """A core `Message` (or a template and its arguments) in the user's language and locale: the template
    translated, counts and decimals with the locale's separators ("1 943", "80,6"), sizes in its units ("80,6 Mo"),
    Message arguments said in turn, the plural form chosen by the language's rule. A plain str is translated."""
    from ..core.messages import Degrees, Message, Size

    if args:
        message = Message(message, *args)
    if isinstance(message, Size):
        return size(message.bytes)
    if isinstance(message, Degrees):  # its number in the locale ("1,45° E")
        return tr(message.template).format(number(abs(message.value), message.decimals))
    if not isinstance(message, Message):
        return tr(message) if message else message
    template = message.template
    if message.forms is not None:
        count, one, other = message.forms
        template = one if _singular(count) else other
    template = tr(template)
    if not message.args:
        return template
    try:
        return _fill(template, message.args)
    except (IndexError, KeyError, ValueError):  # a translation that does not match its template: the English
        return str(message)


def reason(exc):
    """What an exception says, in the user's language when it carries a core Message (core's errors do)."""
    from ..core.messages import Message

    text = exc.args[0] if exc.args else ""
    return say(text) if isinstance(text, Message) else str(exc)


def number(value, decimals=0):
    """`value` written in the user's locale: '1 943', '80,6' (French); '1,943', '80.6' (English)."""
    locale = _locale()
    if decimals == 0 and float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", decimals)


def _short_number(value):
    """Python's "{:g}" in the user's locale: no grouping (an extent's "600000, 6200000" stays four numbers)."""
    from qgis.PyQt.QtCore import QLocale

    locale = _locale()
    locale.setNumberOptions(locale.numberOptions() | QLocale.OmitGroupSeparator)
    return locale.toString(float(value), "g", 6)


def size(value):
    """A number of bytes in the user's units: '80,6 Mo' (French), '80.6 MB' (English)."""
    from ..core.messages import SIZE_UNITS, scale

    amount, unit = scale(value)
    units = SIZE_UNITS_BY_LANGUAGE.get(qgis_language(), SIZE_UNITS)
    return "{} {}".format(number(amount, 0 if unit == SIZE_UNITS[0] else 1), units[SIZE_UNITS.index(unit)])


SIZE_UNITS_BY_LANGUAGE = {"fr": ("o", "ko", "Mo", "Go", "To", "Po")}


def _singular(count):
    # French: "0 tuile", "1 tuile"; English: "0 tiles", "1 tile".
    return abs(count) < 2 if qgis_language() == "fr" else count == 1


def _locale():
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QLocale

    name = QgsApplication.locale() or ""
    # The "C" locale (LANG=C, CI) has no grouping: English is what a person reads there.
    plain = name.split(".")[0].split("_")[0].lower() in ("", "c", "posix")
    return QLocale("en_US" if plain else name)


def _fill(template, args):
    """str.format, but counts (`{:,}`, `{:,d}`), decimals (`{:.1f}`) and Message/Size arguments in the locale."""
    from ..core.messages import Message, Size

    pieces, automatic = [], 0
    for literal, field, spec, conversion in Formatter().parse(template):
        pieces.append(literal)
        if field is None:
            continue
        if field == "":
            value, automatic = args[automatic], automatic + 1
        else:
            value = args[int(field)]  # a named field raises ValueError: the English is said instead
        if conversion == "r":
            value = repr(value)
        elif isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
            value = say(value.args[0])  # a core error given as the reason of another sentence
        elif isinstance(value, (Message, Size)):
            value = say(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and spec == "g":
            # "{:g}": as short as it can be, with the locale's decimal mark ("0,5", "7,25")
            value, spec = _short_number(value), ""
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and spec and (
                "," in spec or spec.endswith("f")):
            decimals = int(spec.split(".")[1].rstrip("f")) if "." in spec else 0
            # the alignment and width ({:>12,}) apply to the number as the locale writes it
            value, spec = number(value, decimals), NUMBER_SPEC.match(spec).group(1)
        pieces.append(format(value, spec))
    return "".join(pieces)


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
