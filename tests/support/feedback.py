"""A Processing feedback that keeps every line an algorithm says (info, warnings, errors), as the toolbox log and
the dock's panel show them."""

from qgis.core import QgsProcessingFeedback


class Recording(QgsProcessingFeedback):
    """`lines`: what was said, in order; `cancel_after_progress` cancels the run at its first progress."""

    def __init__(self, cancel_after_progress=False):
        super().__init__()
        self.lines = []
        if cancel_after_progress:
            self.progressChanged.connect(lambda percent: percent > 0 and self.cancel())

    def pushInfo(self, text):  # noqa: N802 (QGIS API name)
        self.lines.append(text)
        super().pushInfo(text)

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        self.lines.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatal=False):  # noqa: N802 (QGIS API name)
        self.lines.append(text)
        super().reportError(text, fatal)
