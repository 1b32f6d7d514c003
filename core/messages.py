"""Sentences a person reads, kept translatable while core stays free of Qt.

Core speaks English, but through `Message`: a str (logs, tests and exceptions read it exactly as before) that also
keeps its template and arguments. The plugin's `i18n.say()` translates the template with Qt and fills the arguments
in the user's locale: a count written `{:,}` gets the locale's grouping ("1 943"), a decimal `{:.1f}` its decimal
mark ("80,6"), a `Size` its units ("80,6 Mo"), an argument that is itself a Message is said in turn, and `plural()`
picks the form by the language's rule (French: 0 and 1 take the singular). Other arguments (paths, names, years,
ports, zooms) are written as they are.

    raise InputError("ZOOM_MIN {} is greater than ZOOM_MAX {}: swap them.", low, high)
    log(plural(n, "{:,} tile intersects the area", "{:,} tiles intersect the area", n))
    log(Message("{} written ({})", name, human_size(size)))

`make translations` gathers the literal first argument of `Message(...)`, `plural(...)` (both forms) and of the
core's error classes, so each template is translated once, wherever it is raised or logged.
"""

SIZE_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")


class Message(str):
    """`template.format(*args)` as a str, remembering `template` and `args` for translation."""

    def __new__(cls, template, *args):
        made = super().__new__(cls, template.format(*args) if args else template)
        made.template = template
        made.args = args
        made.forms = None  # plural(): (count, one, other)
        return made

    def __reduce__(self):  # copies and pickles keep the template (str's would drop it)
        return _rebuild, (self.template, self.args, self.forms)


def _rebuild(template, args, forms):
    made = Message(template, *args)
    made.forms = forms
    return made


def plural(count, one, other, *args):
    """`one` or `other` filled with `args` (English rule: one for exactly 1); `i18n.say` picks again by the user's
    language. Give the count among `args` where the sentence shows it."""
    made = Message(one if count == 1 else other, *args)
    made.forms = (count, one, other)
    return made


def scale(size, units=SIZE_UNITS):
    """(number, unit): `size` bytes in the largest of `units` (steps of 1000) under 1000, the last one at most
    (the world at zoom 18 is petabytes: said as such)."""
    for unit in units[:-1]:
        if abs(size) < 1000:
            return size, unit
        size /= 1000.0
    return size, units[-1]


def english_size(size):
    """'80.6 MB', '512 B', '3.2 PB' (decimal units, as disks and servers count)."""
    number, unit = scale(size)
    return "{:.0f} {}".format(number, unit) if unit == SIZE_UNITS[0] else "{:.1f} {}".format(number, unit)


class Size(str):
    """A number of bytes, read as '80.6 MB'; `i18n.say` writes it in the user's units ('80,6 Mo')."""

    def __new__(cls, size):
        made = super().__new__(cls, english_size(size))
        made.bytes = size
        return made

    def __reduce__(self):
        return Size, (self.bytes,)


# A longitude or latitude as a person reads it: "1.45° E", "42.75° N" (French "1,45° E"; west is "O" there).
HEMISPHERES = {"E": Message("{}° E"), "W": Message("{}° W"), "N": Message("{}° N"), "S": Message("{}° S")}


class Degrees(Message):
    """A longitude (`axis` "lon") or latitude ("lat") in degrees, with its hemisphere and no more decimals than it
    has (up to 5: a metre): '1.45° E'. `i18n.say` writes its number in the user's locale ('1,45° E')."""

    def __new__(cls, value, axis):
        value = float(value)
        letter = ("E" if value >= 0 else "W") if axis == "lon" else ("N" if value >= 0 else "S")
        text = "{:.5f}".format(abs(value)).rstrip("0").rstrip(".")
        made = super().__new__(cls, HEMISPHERES[letter].template, text)
        made.value, made.axis = value, axis
        made.decimals = len(text.split(".")[1]) if "." in text else 0
        return made

    def __reduce__(self):
        return Degrees, (self.value, self.axis)


def lonlat_box(west, south, east, north):
    """A lon/lat box as a person reads it: '1.45° E – 1.65° E, 42.75° N – 42.85° N' (French: '1,45° E – 1,65° E ;
    42,75° N – 42,85° N', the comma being its decimal mark)."""
    return Message("{} – {}, {} – {}", Degrees(west, "lon"), Degrees(east, "lon"), Degrees(south, "lat"),
                   Degrees(north, "lat"))


# Why an OSError happened, by errno name (Messages: `make translations` gathers them).
OS_REASONS = {
    "ECONNREFUSED": Message("the connection was refused"),
    "EROFS": Message("the file system is read-only"),
    "EACCES": Message("permission denied"),
    "EPERM": Message("permission denied"),
    "ENOSPC": Message("no space left on the disk"),
    "ENOENT": Message("no such file or folder"),
    "ETIMEDOUT": Message("no answer in time"),
    "EHOSTUNREACH": Message("the machine cannot be reached"),
    "ENETUNREACH": Message("the network cannot be reached"),
    "ECONNRESET": Message("the connection was cut"),
}


def os_reason(exc):
    """Why an OSError happened, as a translatable Message for the common errno values ("the connection was
    refused"); else the OS's own text (strerror, or the exception's text)."""
    import errno

    name = errno.errorcode.get(getattr(exc, "errno", None) or 0)
    if name in OS_REASONS:
        return OS_REASONS[name]
    return Message(str(getattr(exc, "strerror", None) or exc).strip())
