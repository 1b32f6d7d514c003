"""Exceptions raised by the core library.

Algorithms turn them into QgsProcessingException; their message is shown to
the user as is, so it must say what is wrong and how to fix it.
"""


class IgnOfflineError(Exception):
    """Base class of every error the core raises on purpose."""


class InputError(IgnOfflineError, ValueError):
    """A parameter given by the user is not acceptable."""


class MBTilesError(IgnOfflineError):
    """An MBTiles file cannot be opened, written or read as asked."""
