"""Exceptions raised by the core library.

Algorithms turn them into QgsProcessingException; their message is shown to
the user as is, so it must say what is wrong and how to fix it. Raise them
with a template and its arguments, `InputError("'{}' does not exist.", path)`:
the message is then a `core.messages.Message`, which the plugin translates.
"""

from .messages import Message


def templated(message, args):
    """The Message of an error raised as `XError(template, *args)` (or with a Message, kept as it is)."""
    if args or not isinstance(message, Message):
        return Message(str(message), *args)
    return message


class IgnOfflineError(Exception):
    """Base class of every error the core raises on purpose."""

    def __init__(self, message="", *args):
        super().__init__(templated(message, args))

    @property
    def message(self):
        """The Message (str(exc) is its English text)."""
        return self.args[0]


class InputError(IgnOfflineError, ValueError):
    """A parameter given by the user is not acceptable."""


class MBTilesError(IgnOfflineError):
    """An MBTiles file cannot be opened, written or read as asked."""


class Cancelled(Exception):
    """The user cancelled: stop now, keep .part files for the next run (every download, extraction and derivation
    of the plugin raises this one class)."""
