"""What every tab of the dock shares: its form, the dock's area picker and library folder, a runner over the form's
progress bar, log and Cancel button, the settings it remembers, and cleaning up at unload.

A page is `class XPage(Page, FORM_CLASS)`, its form loaded from `x_page.ui` in its own module; the form has
`progressBar`, `logView` and `cancelButton`, and RUN_BUTTONS names the buttons that start a run (disabled while
one runs). What a page reads, runs and shows is its own.
"""

from qgis.PyQt.QtWidgets import QWidget

from . import settings
from .runner import PageRunner


class Page(QWidget):
    RUN_BUTTONS = ()

    def __init__(self, dock, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.dock = dock
        self.area_picker = dock.area_picker
        self.iface = iface
        self.runner = PageRunner(iface, self.progressBar, self.logView, self.cancelButton,
                                 tuple(getattr(self, name) for name in self.RUN_BUTTONS))

    @staticmethod
    def remember(**widgets):
        """Restore each widget from its settings key (the keyword), then keep the setting in step with it;
        give the widgets their defaults first."""
        for key, widget in widgets.items():
            settings.remember(widget, key)

    def library_folder(self):
        return self.dock.library_folder()

    def log(self, text, error=False):
        self.runner.log(text, error)

    def start(self, text, error=False):
        """Nothing runs: the log started afresh (the last run's lines and progress cleared) with `text`, why."""
        self.runner.start_fresh()
        self.log(text, error)

    def cleanup(self):
        """At unload: the run in progress is cancelled (pages with tasks of their own cancel them too)."""
        self.runner.cancel()
