"""Text shown to people, written one way everywhere: durations and accent-free matching."""

import unicodedata

# The formats of `duration`, in English; the dock passes them translated.
DURATION_UNITS = ("{} h {:02d} min", "{} min", "{} s")


def duration(seconds, units=DURATION_UNITS):
    """'2 h 05 min', '12 min', '40 s'; '?' when unknown. `units`: the hours, minutes and seconds formats."""
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    hours_format, minutes_format, seconds_format = units
    if seconds >= 3600:
        return hours_format.format(seconds // 3600, seconds % 3600 // 60)
    if seconds >= 60:
        return minutes_format.format(int(round(seconds / 60.0)))
    return seconds_format.format(seconds)


def limit_duration(seconds):
    """A limit as it was set, never rounded: '2 minutes' for whole minutes from 2 on, else '90 s'."""
    if seconds >= 120 and seconds % 60 == 0:
        return "{:.0f} minutes".format(seconds / 60)
    return "{:.0f} s".format(seconds)


def fold_accents(text):
    """`text` without its accents (NFKD, combining marks dropped): 'Pyrénées' → 'Pyrenees'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
