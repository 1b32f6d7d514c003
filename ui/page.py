"""What every tab of the dock shares: its form, the dock's area picker and library folder, a runner over the form's
progress bar, log and Cancel button, the settings it remembers, and cleaning up at unload.

A page is `class XPage(Page, FORM_CLASS)`, its form loaded from `x_page.ui` in its own module; the form has
`progressBar`, `logView` and `cancelButton`, and RUN_BUTTONS names the buttons that start a run (disabled while
one runs). What a page reads, runs and shows is its own.
"""

from qgis.PyQt.QtWidgets import QWidget

from . import settings
from .runner import PageRunner


class LibraryFolder:
    """The dock's library folder as the pages see it: `path()` (the default library when the box is empty), and
    `changed`, the signal of another folder chosen."""

    def __init__(self, widget, default):
        self.widget = widget
        self.default = default
        self.changed = widget.fileChanged

    def path(self):
        return self.widget.filePath().strip() or self.default


class Page(QWidget):
    RUN_BUTTONS = ()

    def __init__(self, area_picker, library, iface, parent=None):
        """`area_picker`: the dock's; `library`: its LibraryFolder."""
        super().__init__(parent)
        self.setupUi(self)
        self.area_picker = area_picker
        self.library = library
        self.iface = iface
        self.runner = PageRunner(iface, self.progressBar, self.logView, self.cancelButton,
                                 tuple(getattr(self, name) for name in self.RUN_BUTTONS))

    @staticmethod
    def remember(widgets):
        """Restore each widget of `widgets` ({settings key: widget}) from its setting, then keep the setting in
        step with it; give the widgets their defaults first."""
        for key, widget in widgets.items():
            settings.remember(widget, key)

    def library_folder(self):
        return self.library.path()

    def log(self, text, error=False):
        self.runner.log(text, error)

    def start(self, text, error=False):
        """Nothing runs: the log started afresh (the last run's lines and progress cleared) with `text`, why."""
        self.runner.start_fresh()
        self.log(text, error)

    def cleanup(self):
        """At unload: the run in progress is cancelled (pages with tasks of their own cancel them too)."""
        self.runner.cancel()
