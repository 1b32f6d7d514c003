"""Small base class shared by every IGN Offline algorithm.

Subclasses declare NAME/DISPLAY_NAME/GROUP, add their parameters, turn them
into plain Python values in `parse` and do the work in `run`. `parse` runs in
checkParameterValues too, so bad input is refused, with the same message, by
the toolbox dialog, processing.run and qgis_process before anything starts.
"""

import os
from contextlib import contextmanager

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingUtils

from ..core.errors import IgnOfflineError
from ..i18n import marked, reason, say, tr
from ..resources import help_text, icon
from ..toolbelt.layers import load_mbtiles
from ..toolbelt.sidecars import inputs_left_alone

GROUPS = {
    "tiles": marked("Tiles"),
    "library": marked("Offline library"),
    "field": marked("Field (offline projects, exports)"),
    "ftp": marked("Orthophotos and surface model (FTP)"),
    "datasets": marked("Whole datasets (BD TOPO, RGE ALTI, BD ORTHO, cadastre)"),
    "load": marked("Load"),
}


@contextmanager
def user_errors():
    """Show core errors as the algorithm's error message, in the user's language."""
    try:
        yield
    except IgnOfflineError as exc:
        raise QgsProcessingException(say(exc.message)) from exc


def enum_values(algorithm, parameters):
    """`parameters` with each enum value in the form its parameter declares, given either way: by the number
    qgis_process's help lists, or by the name. QGIS itself accepts only one of the two."""
    fixed = dict(parameters)
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterEnum) or definition.allowMultiple():
            continue
        value, options = fixed.get(definition.name()), definition.options()
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is None:
            continue
        if definition.usesStaticStrings() and text.isdigit() and int(text) < len(options):
            fixed[definition.name()] = options[int(text)]
        elif not definition.usesStaticStrings() and text in options:
            fixed[definition.name()] = options.index(text)
    return fixed


class IgnOfflineAlgorithm(QgsProcessingAlgorithm):
    NAME = ""
    DISPLAY_NAME = ""
    GROUP = "tiles"
    # Who runs this instance, when not the toolbox, qgis_process or a script ({}): the dock sets {"FIELDS": "dock"}
    # so that messages name its own fields, not the parameters (ui.background.AlgorithmRun). The copy QGIS runs
    # is made by createInstance, which keeps it.
    configuration = {}

    def tr(self, text):
        return tr(text)

    @staticmethod
    def say(template, *args):
        """A sentence in the user's language and locale: `self.say("{:,} tiles written", n)` ("1 943 tuiles…");
        or a core Message as it is."""
        return say(template, *args)

    def log_to(self, feedback):
        """The `log` to give core: each line (a Message) said in the user's language in the log of `feedback`."""
        return lambda message: feedback.pushInfo(self.say(message))

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr(self.DISPLAY_NAME)

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP

    def group(self):
        return self.tr(GROUPS[self.GROUP])

    def icon(self):
        return icon("icon.svg")

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return help_text(self.NAME)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        made = type(self)()
        made.configuration = dict(self.configuration)
        return made

    def lasting_output(self, parameters, name, context, folder=False):
        """The path of output `name`, refused when it is a temporary one: QGIS deletes those on exit, and with
        them hours of downloads."""
        value = parameters.get(name)
        text = value if isinstance(value, str) else ""
        path = (self.parameterAsString(parameters, name, context) if folder
                else self.parameterAsFileOutput(parameters, name, context))
        temporary = os.path.realpath(QgsProcessingUtils.tempFolder())
        if text == "TEMPORARY_OUTPUT" or os.path.realpath(path or "").startswith(temporary + os.sep):
            raise QgsProcessingException(self.say(
                "{}: a temporary {} is deleted when QGIS closes; choose a {} of your own.",
                self.parameterDefinition(name).description(), self.tr("folder") if folder else self.tr("file"),
                self.tr("folder") if folder else self.tr("file")))
        return path

    def parse(self, parameters, context, feedback=None):
        """Parameters -> arguments of `process`; raises QgsProcessingException on bad input."""
        return None

    def process(self, args, context, feedback):
        raise NotImplementedError

    def load_results(self, context, feedback, paths):
        """Add the MBTiles `paths` to the project of `context` (for postProcessAlgorithm: the GUI thread)."""
        project = context.project()
        if project is None:
            return
        for path in paths:
            try:
                load_mbtiles(project, path)
            except ValueError as exc:
                feedback.reportError(reason(exc))

    def check_without_parsing(self, parameters, context):
        """Processing's own checks of `parameters` (types, mandatory ones), not `parse`: what the dock checks on the
        GUI thread before a run. Its `parse` (reading a polygon layer, counting its tiles: seconds for a France-sized
        layer) is the run's own, in its task (processAlgorithm), and refuses the same input with the same words."""
        return super().checkParameterValues(enum_values(self, parameters), context)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        parameters = enum_values(self, parameters)
        ok, message = self.check_without_parsing(parameters, context)
        if not ok:
            return ok, message
        try:
            with user_errors(), inputs_left_alone():
                self.parse(parameters, context)
        except QgsProcessingException as exc:
            return False, str(exc)
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        with user_errors():
            with inputs_left_alone():  # a raster INPUT the checks did not load is loaded here (RasterInput)
                args = self.parse(enum_values(self, parameters), context, feedback)
            return self.process(args, context, feedback)
