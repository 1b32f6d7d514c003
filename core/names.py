"""One check for every name a server sends that becomes a file or folder name on the user's disk (sprite names,
the download service's editions, files and archive stems): the same rules on every system, as the plugin runs on
Windows, macOS and Linux. Imports neither qgis nor PyQt."""

from .messages import Message

# Names Windows gives to devices, whatever their case and extension: `nul.json` or `NUL.7z` is no file there.
WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {"com{}".format(n) for n in range(1, 10)} | {
    "lpt{}".format(n) for n in range(1, 10)}
# Characters Windows refuses in a file name (besides the separators, ':' and control characters).
WINDOWS_FORBIDDEN = '<>"|*?'
# Most disks take 255 characters in a name; what the plugin adds (`.part`, `.lock-owner`, `.partial`) must fit.
MAX_NAME_LENGTH = 200


def file_name_problem(name, max_length=MAX_NAME_LENGTH):
    """Why `name`, sent by a server, cannot be one file's name inside our folder on Windows, macOS or Linux (a
    Message), or None: not a str, empty, `.` or `..`, a separator (a slash or a backslash), a drive letter or
    `:`, one of < > " | * ? (Windows refuses them), NUL or another control character, a device name of Windows,
    a trailing dot or space (Windows drops them), longer than `max_length`."""
    if not isinstance(name, str) or name in ("", ".", ".."):
        return Message("'{}' is no file name", name)
    if "/" in name or "\\" in name:
        return Message("a '/' or '\\' would make it a path")
    if ":" in name:
        return Message("a ':' is a drive letter or a stream on Windows")
    if any(character in WINDOWS_FORBIDDEN for character in name):
        return Message("Windows refuses the characters {} in a file name", " ".join(WINDOWS_FORBIDDEN))
    if any(ord(character) < 32 or character == "\x7f" for character in name):
        return Message("it holds a control character")
    if name.split(".")[0].strip().lower() in WINDOWS_DEVICES:
        return Message("Windows keeps that name for a device")
    if name[-1] in ". ":
        return Message("Windows drops a trailing dot or space")
    if len(name) > max_length:
        return Message("{} characters, over {}", len(name), max_length)
    return None


def is_plain_name(name):
    """True for a name that is one file's name on every system (file_name_problem finds nothing)."""
    return file_name_problem(name) is None
