"""ign_offline:estimate_tiles — how many tiles an area and zoom band hold, and (with a SOURCE) what they weigh:
sampled per zoom, IGN's published averages for vector tiles where nothing could be sampled."""

import json

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
)

from ..core import storage
from ..core.download.estimate import expected_size_and_time, sample_tiles
from ..core.download.job import apply_policy, clamp_zooms, clipped_ranges
from ..core.messages import lonlat_box, plural
from ..core.sources.prepare import prepare_source
from ..core.text import duration
from ..core.tiles import areas, coverage
from ..core.vector import tms
from ..i18n import marked
from .base import IgnOfflineAlgorithm
from .parameters import (
    add_area_parameters,
    add_pace_parameters,
    add_source_parameters,
    add_zoom_parameters,
    area_from_parameters,
    check_usage_policy,
    explained,
    options_from_parameters,
    source_from_parameters,
    zooms_from_parameters,
)


class EstimateTiles(IgnOfflineAlgorithm):
    NAME = "estimate_tiles"
    DISPLAY_NAME = marked("Estimate tiles")
    GROUP = "tiles"

    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_area_parameters(self, polygon_layer=True)
        add_zoom_parameters(self)
        self.addParameter(explained(QgsProcessingParameterFile(
            self.OUTPUT, self.tr("Planned .mbtiles file"),
            # No fileFilter: Processing would refuse a path to a file not yet named .mbtiles.
            behavior=QgsProcessingParameterFile.File, optional=True),
            self.tr("The free disk space there is reported.")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL", self.tr("Total number of tiles")))
        self.addOutput(QgsProcessingOutputString("COUNTS", self.tr("Tiles per zoom (JSON)")))
        add_source_parameters(self, for_download=False)
        add_pace_parameters(self)
        self.addOutput(QgsProcessingOutputNumber("FREE_BYTES", self.tr("Free disk space at OUTPUT")))
        self.addOutput(QgsProcessingOutputNumber("EXPECTED_BYTES", self.tr("Expected size (sampled)")))
        self.addOutput(QgsProcessingOutputNumber("ETA_SECONDS", self.tr("Expected download time (sampled)")))

    def parse(self, parameters, context, feedback=None):
        area = area_from_parameters(self, parameters, context, feedback)
        zoom_min, zoom_max = zooms_from_parameters(self, parameters, context)
        output = self.parameterAsFile(parameters, self.OUTPUT, context)
        if output:
            storage.check_output_file(output)
        source = source_from_parameters(self, parameters, context)
        # This runs on the GUI thread too (checkParameterValues): a polygon's tiles are counted only as far as the
        # policy needs (past the large-job limit, more than any policy allows); each zoom's count is the task's.
        check_usage_policy(source, coverage.area_total(area, zoom_min, zoom_max, areas.LARGE_JOB_TILES)[0], zoom_max)
        options = options_from_parameters(self, parameters, context)
        return area, zoom_min, zoom_max, output, source, options

    def process(self, args, context, feedback):
        area, zoom_min, zoom_max, output, source, options = args
        counts = coverage.area_counts(area, zoom_min, zoom_max)
        total = sum(counts.values())
        feedback.pushInfo(self.say("Area: {} ({})", area.title, lonlat_box(*area.bbox)))
        for zoom, count in counts.items():
            feedback.pushInfo(self.say(plural(count, "zoom {:>2}: {:>12,} tile", "zoom {:>2}: {:>12,} tiles", zoom,
                                              count)))
        feedback.pushInfo(self.say(plural(total, "total:   {:>12,} tile", "total:   {:>12,} tiles", total)))
        results = {"TOTAL": total, "COUNTS": json.dumps({str(z): n for z, n in counts.items()})}
        if output:
            free = storage.free_bytes(output)
            feedback.pushInfo(self.say("Free disk space at {}: {}",
                storage.output_folder(output), storage.human_size(free)))
            results["FREE_BYTES"] = free
        if source["endpoint"]:
            results.update(self.sample(source, options, area, zoom_min, zoom_max, output, feedback))
        return results

    def sample(self, source, options, area, zoom_min, zoom_max, output, feedback):
        """Expected size and time from a few real tiles per zoom (network: runs in the task)."""
        prepared = prepare_source(**source)
        low, high, note = clamp_zooms(prepared, zoom_min, zoom_max)
        if note:
            feedback.pushWarning(self.say(note))
        ranges, _ = clipped_ranges(prepared, area, low, high)
        apply_policy(prepared, ranges, options, self.log_to(feedback))
        samples = sample_tiles(prepared, ranges, options=options, is_cancelled=feedback.isCanceled)
        for zoom, sample in sorted(samples.items()):
            feedback.pushInfo(self.say(plural(
                sample.tiles, "zoom {:>2}: {} per tile ({:,} tile sampled, {:.0f} ms)",
                "zoom {:>2}: {} per tile ({:,} tiles sampled, {:.0f} ms each)",
                zoom, storage.human_size(sample.mean_bytes), sample.tiles, sample.mean_seconds * 1000)))
        # Vector tiles: where nothing could be sampled, IGN's published average per zoom.
        fallback = tms.average_tile_bytes if prepared.is_vector else None
        for zoom in sorted({r.zoom for r in ranges} - set(samples)) if fallback else ():
            feedback.pushInfo(self.say("zoom {:>2}: {} per tile (IGN's published average: nothing sampled)",
                zoom, storage.human_size(fallback(zoom))))
        size, seconds = expected_size_and_time(ranges, samples, options, fallback)
        if size is None:
            feedback.reportError(self.tr("No tile could be sampled: size and time unknown."))
            return {}
        if seconds is None:
            feedback.pushInfo(self.say("Expected: {} (IGN's published averages); time unknown: no tile could be "
                                       "sampled.", storage.human_size(size)))
            return {"EXPECTED_BYTES": size}
        if options.max_rate:
            feedback.pushInfo(self.say(plural(
                options.concurrency, "Expected: {} in about {} ({:,} request at a time, at most {:g} per second).",
                "Expected: {} in about {} ({:,} parallel requests, at most {:g} per second).",
                storage.human_size(size), duration(seconds), options.concurrency, options.max_rate)))
        else:
            feedback.pushInfo(self.say(plural(
                options.concurrency, "Expected: {} in about {} ({:,} request at a time, no rate limit).",
                "Expected: {} in about {} ({:,} parallel requests, no rate limit).",
                storage.human_size(size), duration(seconds), options.concurrency)))
        if output and size > storage.free_bytes(output):
            feedback.reportError(self.say("Not enough free space at {}: {} needed, {} free.",
                storage.output_folder(output), storage.human_size(size),
                storage.human_size(storage.free_bytes(output))))
        return {"EXPECTED_BYTES": size, "ETA_SECONDS": seconds}
