"""ign_offline:load_mbtiles — add MBTiles files to the project, in a group."""

import os

from qgis.core import (
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.errors import IgnOfflineError, InputError, MBTilesError
from ..core.mbtiles import MBTilesReader, check_readable, read_guard
from ..core.messages import plural
from ..core.vector.mvt import is_vector
from ..core.vector.styles import check_saved, saved_styles
from ..i18n import marked, reason
from ..toolbelt.layer_tree import GROUP_NAME, mbtiles_title
from ..toolbelt.layers import load_mbtiles
from ..toolbelt.vector_tiles import find_loaded, load_vector_mbtiles
from .base import IgnOfflineAlgorithm
from .parameters import explained


class LoadMBTiles(IgnOfflineAlgorithm):
    NAME = "load_mbtiles"
    DISPLAY_NAME = marked("Load MBTiles")
    GROUP = "load"

    INPUT = "INPUT"
    STYLE = "STYLE"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Folder of .mbtiles files, or one MBTiles file"),
            # Folder behaviour accepts a file path as well; File behaviour refuses folders.
            behavior=QgsProcessingParameterFile.Folder))
        self.addParameter(explained(QgsProcessingParameterString(
            self.STYLE, self.tr("Style of vector MBTiles"), optional=True),
            self.tr("Among those saved beside it (empty: the first, 'standard' for Plan IGN).")))
        self.addOutput(QgsProcessingOutputNumber("LOADED", self.tr("Layers added")))
        self.addOutput(QgsProcessingOutputMultipleLayers("OUTPUT_LAYERS", self.tr("Layers")))

    def parse(self, parameters, context, feedback=None):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.exists(path):
            raise InputError("'{}' does not exist: give an .mbtiles file or a folder holding some.", path)
        if os.path.isdir(path):
            files = sorted(os.path.join(path, n) for n in os.listdir(path) if n.lower().endswith(".mbtiles"))
            if not files:
                raise InputError("The folder '{}' holds no .mbtiles file.", path)
            return files, self._style(parameters, context)
        check_readable(path, thorough=True)  # one file: a damaged one is refused before anything starts
        style = self._style(parameters, context)
        with read_guard(path), MBTilesReader(path) as reader:
            vector = is_vector(reader.metadata())
        if style and vector:
            check_saved(path, style)
        return [path], style

    def _style(self, parameters, context):
        return (self.parameterAsString(parameters, self.STYLE, context) or "").strip() or None

    def process(self, args, context, feedback):
        files, self._style_name = args
        self._to_load = []
        for path in files:
            try:
                check_readable(path, thorough=True)  # GDAL is never handed a damaged file
                with read_guard(path), MBTilesReader(path) as reader:
                    metadata = reader.metadata()
                    title = mbtiles_title(path, metadata)
                    tiles = sum(reader.count_by_zoom().values())
            except MBTilesError as exc:
                if len(files) == 1:
                    raise
                feedback.reportError(self.say("Skipped: {}", exc))
                continue
            feedback.pushInfo(self.say("{}: {} ({:,} tiles)", os.path.basename(path), title, tiles))
            vector = is_vector(metadata)
            if vector:
                feedback.pushInfo(self.say("Vector tiles; saved styles: {}.", ", ".join(saved_styles(path))
                                           or self.tr("none (QGIS's default look)")))
            self._to_load.append((path, title, vector))
        if not self._to_load:
            raise MBTilesError("None of the {} .mbtiles files of '{}' can be read (each one is named "
                               "above).", len(files), os.path.dirname(files[0]))
        return {"LOADED": 0, "OUTPUT_LAYERS": []}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API name)
        # Runs on the main thread: the only safe place to touch the project.
        project = context.project()
        if project is None:
            feedback.pushInfo(self.tr("No project to load the layers into."))
            return {"LOADED": 0, "OUTPUT_LAYERS": []}
        added = []
        for path, title, vector in self._to_load:
            try:
                if vector:
                    # In a folder, a file without the asked style takes its first one.
                    style = self._style_name if self._style_name in saved_styles(path) else None
                    present = find_loaded(project, path)  # then only restyled
                    layer = load_vector_mbtiles(project, path, style, title, feedback)
                    layer = None if present is not None else layer
                else:
                    layer = load_mbtiles(project, path, title)
            except IgnOfflineError as exc:
                feedback.reportError(self.say(exc.message))
                continue
            except ValueError as exc:
                feedback.reportError(reason(exc))
                continue
            if layer is None:
                feedback.pushInfo(self.say("{} is already in the project.", title))
            else:
                added.append(layer.id())
        feedback.pushInfo(self.say(plural(len(added), "{:,} layer added to the group '{}'.",
                                          "{:,} layers added to the group '{}'.", len(added), GROUP_NAME)))
        return {"LOADED": len(added), "OUTPUT_LAYERS": added}
