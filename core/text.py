"""Text shown to people, written one way everywhere: durations and accent-free matching."""

import unicodedata

from .messages import Message

# The formats of `duration`, in English (a caller may pass its own).
DURATION_UNITS = ("{} h {:02d} min", "{} min", "{} s")


def duration(seconds, units=None):
    """'2 h 05 min', '12 min', '40 s' ('?' when unknown): a Message, which i18n.say translates; or written with
    `units`, the hours, minutes and seconds formats, when given."""
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if units is not None:
        return (units[0].format(hours, minutes) if seconds >= 3600 else
                units[1].format(int(round(seconds / 60.0))) if seconds >= 60 else units[2].format(seconds))
    if seconds >= 3600:
        return Message("{} h {:02d} min", hours, minutes)
    if seconds >= 60:
        return Message("{} min", int(round(seconds / 60.0)))
    return Message("{} s", seconds)


def limit_duration(seconds):
    """A limit as it was set, never rounded: '2 minutes' for whole minutes from 2 on, else '90 s' (a Message)."""
    if seconds >= 120 and seconds % 60 == 0:
        return Message("{:.0f} minutes", seconds / 60)
    return Message("{:.0f} s", seconds)


def fold_accents(text):
    """`text` without its accents (NFKD, combining marks dropped): 'Pyrénées' → 'Pyrenees'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
