"""The library's refresh at QGIS start: only with the user's consent (the "My library" page's check box,
settings.AUTO_REFRESH, off unless switched on), never in the way of the start.

A moment after the plugin's initGui, a task reads the library's plan and its record of refreshes (local files:
no network) and says which entries are due (core.library.refresh); when one is, the library page runs them in the
background (run_plan ONLY_DUE, in the task manager like its own runs) and the message bar says what changed. With
the consent off nothing is read and nothing is asked of any server.
"""

import os

from qgis.PyQt.QtCore import QTimer

from ..core.library import plans, refresh
from ..i18n import say, tr
from . import settings
from .background import cancel_task, run_function

START_DELAY_MS = 5000  # after QGIS has drawn its window and opened its project: the start comes first


def due_in(plan_path, library):
    """The entries of the plan at `plan_path` due in `library` (none without a plan); reads files only."""
    if not os.path.isfile(plan_path):
        return []
    return refresh.due_entries(plans.load_plan(plan_path, lenient=True), library)


class StartupRefresh:
    def __init__(self, dock, delay_ms=None):
        self.dock = dock
        self.delay_ms = START_DELAY_MS if delay_ms is None else delay_ms
        self.timer = None
        self.task = None
        self.due = None        # what the check found ([Due]), once it has run
        self.started = False   # whether it started a refresh

    @staticmethod
    def consented():
        return settings.flag(settings.AUTO_REFRESH)

    def start(self):
        """Schedule the check (nothing at all without the consent); returns whether it is scheduled."""
        if not self.consented():
            return False
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.delay_ms)
        return True

    def check(self):
        if self.dock is None or not self.consented():  # unloaded, or switched off meanwhile
            return
        page = self.dock.library_page
        plan_path, library = page.plan_path(), page.library_folder()
        self.task = run_function(tr("IGN Offline: is the library due for a refresh?"),
                                 lambda task: due_in(plan_path, library), self._checked, self._unreadable)

    def _checked(self, due):
        self.due = due or []
        if self.dock is None:  # unloaded meanwhile
            return
        if self.due and self.consented():
            page = self.dock.library_page
            self.started = page.refresh_due()
            if not self.started:
                page.log(tr("The library is due for a refresh, but the page is busy: run Refresh when it is done."))

    def _unreadable(self, message):
        """A plan that cannot be read: said in the page's log, not in the way of the start."""
        self.due = []
        if self.dock is not None:
            self.dock.library_page.log(say("The library's refresh at start did not run: {}", message), error=True)

    def stop(self):
        """At unload: the check not made yet, or still reading, is dropped (a refresh running is the page's)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        cancel_task(self.task)
        self.task = None
        self.dock = None

