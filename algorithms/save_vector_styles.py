"""ign_offline:save_vector_styles — save the Mapbox GL styles of a vector MBTiles beside it, for offline use."""

import os

from qgis.core import (
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.errors import InputError
from ..core.mbtiles import MBTilesReader, check_readable, read_guard
from ..core.messages import plural
from ..core.sources.accounts import key_of_source
from ..core.vector import mvt, styles
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import UrlText, add_authcfg_parameter, credentials_from_parameters, explained


class SaveVectorStyles(IgnOfflineAlgorithm):
    NAME = "save_vector_styles"
    DISPLAY_NAME = marked("Save vector tile styles")
    GROUP = "library"

    INPUT, STYLES, SOURCE, LAYER = "INPUT", "STYLES", "SOURCE", "LAYER"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Vector MBTiles"), extension="mbtiles"))
        self.addParameter(explained(QgsProcessingParameterString(
            self.STYLES, self.tr("Styles to save"), optional=True),
            self.tr("Separated by commas; empty: every style IGN publishes for the layer.")))
        self.addParameter(explained(UrlText(
            self.SOURCE, self.tr("TMS service"), optional=True),
            self.tr("Empty: the file's own, else the Géoplateforme.")))
        self.addParameter(explained(QgsProcessingParameterString(
            self.LAYER, self.tr("Layer"), optional=True),
            self.tr("Empty: the file's own, e.g. PLAN.IGN.")))
        add_authcfg_parameter(self)
        self.addOutput(QgsProcessingOutputNumber("SAVED", self.tr("Styles saved")))
        self.addOutput(QgsProcessingOutputFolder("OUTPUT", self.tr("Styles folder")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", self.tr("Styles not saved")))
        self.addOutput(QgsProcessingOutputString("NOT_SAVED", self.tr("Which styles were not saved, and why")))

    def parse(self, parameters, context, feedback=None):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.isfile(path):
            raise InputError("'{}' does not exist: give a vector .mbtiles file.", path)
        check_readable(path)
        with read_guard(path), MBTilesReader(path) as reader:
            metadata = reader.metadata()
        if not mvt.is_vector(metadata):
            raise InputError("'{}' holds image tiles ({}), not vector tiles: styles are for vector MBTiles.",
                             path, metadata.get("format") or "?")
        layer = (self.parameterAsString(parameters, self.LAYER, context) or "").strip() or \
            metadata.get("ign_offline:layer") or os.path.splitext(os.path.basename(path))[0]
        source = (self.parameterAsString(parameters, self.SOURCE, context) or "").strip() or \
            metadata.get("ign_offline:source") or styles.SERVICE_ROOT
        text = self.parameterAsString(parameters, self.STYLES, context) or ""
        names = [name.strip() for name in text.replace(";", ",").split(",") if name.strip()]
        # A key in SOURCE's query (a private TMS) is sent as the account's: on that host only, never in a file.
        source, credentials = key_of_source(source, credentials_from_parameters(self, parameters, context))
        return path, layer, source, names or None, credentials

    def process(self, args, context, feedback):
        path, layer, source, names, credentials = args
        # Each style on its own: one the server lacks (or sends broken) leaves the others saved.
        result = styles.save_each_style(path, layer, names, service_root=source, credentials=credentials,
                                        log=self.log_to(feedback))
        problem = result.problem()
        if not result.saved and problem is not None:
            raise InputError(problem)  # nothing to draw with: a failure of this run (the tiles are untouched)
        feedback.pushInfo(self.say(plural(len(result.saved), "{:,} style saved in {}.", "{:,} styles saved in {}.",
                                          len(result.saved), styles.styles_folder(path))))
        if problem is not None:
            feedback.pushWarning(self.say(problem))
        return {"SAVED": len(result.saved), "OUTPUT": styles.styles_folder(path), "FAILED": len(result.failed),
                "NOT_SAVED": self.say(problem) if problem is not None else ""}
