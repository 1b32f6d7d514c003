"""An offline library: a plan's layers in one folder, one `<LAYER>.mbtiles` each, filled and kept fresh.

`prepare_jobs` reads each layer's capabilities and works out its tiles (per
zoom, the union of the plan's areas, clipped to the layer; only this
machine's part when sharded); `estimate` says what that means in tiles, bytes
and time without fetching a tile; `run_jobs` downloads the layers at once,
sharing CONCURRENCY between them and one rate cap per host, each into its
file, resumable after any kill (the files' journals say what is done).
"""

import dataclasses
import os
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .. import mbtiles, naming, storage
from ..download.engine import DownloadOptions
from ..download.estimate import weighed_tile_bytes
from ..download.job import apply_policy, check_output, clamp_zooms, clipped_ranges, download_to_mbtiles
from ..errors import IgnOfflineError, InputError
from ..messages import Message
from ..sources.accounts import origin_of
from ..sources.prepare import prepare_source
from ..vector import styles, tms
from . import plans

# Where everything goes unless the user says otherwise: one folder a person finds again.
DEFAULT_LIBRARY = os.path.join(os.path.expanduser("~"), "IGN Offline")
# In an output path, replaced by the layer's file name: a default that follows the layer picked.
LAYER_PLACEHOLDER = "{LAYER}"
DEFAULT_OUTPUT = os.path.join(DEFAULT_LIBRARY, LAYER_PLACEHOLDER + naming.EXTENSION)


def output_for(path, layer):
    """`path` with {LAYER} replaced by the layer's file name (what a Processing default names)."""
    return path.replace(LAYER_PLACEHOLDER, naming.safe_name(layer)) if path else path


# Tile sizes assumed when the library holds no tile of a layer yet (typical Géoplateforme tiles).
ASSUMED_BYTES = {"image/png": 20000, "image/jpeg": 18000, "image/webp": 15000}


@dataclass
class JobPlan:
    job: plans.LayerJob
    prepared: object              # core.sources.prepare.PreparedSource
    output: str
    ranges: list                  # TileRanges, clipped to the layer
    counts: dict                  # zoom -> tiles of this job (this shard's)
    notes: list = field(default_factory=list)
    refresh_cutoff: object = None  # the engine's per-tile refresh cutoff of its entries due (core.library.refresh)

    @property
    def total(self):
        return sum(self.counts.values())


def shard_filter(shard):
    """The tile_filter of shard (i, n), or None when not sharded."""
    if shard is None:
        return None
    index, total = shard
    return lambda zoom, x, y: plans.shard_of(zoom, x, y, total) == index - 1


def _count(ranges, keep):
    counts = {}
    for tile_range in ranges:
        if keep is None:
            number = tile_range.count
        else:
            number = sum(1 for x in range(tile_range.x_min, tile_range.x_max + 1)
                         for y in range(tile_range.y_min, tile_range.y_max + 1) if keep(tile_range.zoom, x, y))
        counts[tile_range.zoom] = counts.get(tile_range.zoom, 0) + number
    return counts


def account_origin(plan):
    """The origin the plan's account is for: its top-level source's, else the one server all its entries name.
    Entries on several servers with no top-level source: refused, since which one the account is for is unsaid."""
    if plan.source:
        return origin_of(plan.source)
    origins = sorted({origin_of(job.source) for job in plan.jobs()})
    if len(origins) > 1:
        raise InputError("Plan '{}': its entries name several servers ({}) and an account (AUTHCFG) is given: add "
                         "a top-level \"source\" naming the server the account is for.",
                             plan.path, ", ".join(urlsplit(o).netloc for o in origins))
    return origins[0] if origins else ""


def prepare_jobs(plan, library, credentials=None, shard=None, is_cancelled=None, failed=None):
    """One JobPlan per layer of the plan (reads each source's capabilities: network). `failed`: a list that
    takes (LayerJob, IgnOfflineError) of a layer whose source cannot be read (its capabilities or metadata
    missing, broken, hostile), the others prepared all the same; None: the first such error is raised."""
    keep = shard_filter(shard)
    prepared_jobs = []
    origin = account_origin(plan) if credentials is not None else ""
    for job in plan.jobs():
        if is_cancelled and is_cancelled():
            break
        try:
            prepared_jobs.append(_prepare_job(job, library, credentials, origin, keep))
        except IgnOfflineError as exc:
            if failed is None:
                raise
            failed.append((job, exc))
        except DOCUMENT_FAULTS as exc:  # a server's document broken in a way no check foresaw: this entry only
            error = InputError("Layer '{}': what its server sent cannot be read ({}): check the entry's source, or "
                               "try again later.", job.layer, _fault_kind(exc))
            if failed is None:
                raise error from exc
            failed.append((job, error))
    return prepared_jobs


# What parsing a server's documents can raise beyond the checks (a number out of range, a malformed value, a
# nesting too deep): one failed entry. Programming errors (TypeError, KeyError, AttributeError) still surface.
DOCUMENT_FAULTS = (ValueError, ArithmeticError, RecursionError)


def _fault_kind(exc):
    if isinstance(exc, ArithmeticError):
        return Message("a number out of range")
    if isinstance(exc, RecursionError):
        return Message("nested too deep")
    return Message("a malformed value")


def _prepare_job(job, library, credentials, origin, keep):
    """The JobPlan of one layer (network: its source's capabilities or metadata)."""
    # The account goes to the plan's own server only, never to another host an entry names (an XYZ
    # template of a third party, another WMTS).
    mine = origin_of(job.source) == origin
    prepared = prepare_source(job.source, job.layer, job.style, job.format,
                              credentials=credentials if mine else None)
    notes = []
    low, high, note = clamp_zooms(prepared, job.zoom_min, job.zoom_max)
    if note:
        notes.append(note)
    ranges = []
    for zoom in range(low, high + 1):
        area = job.area_at(zoom)
        if area is not None:
            ranges.extend(clipped_ranges(prepared, area, zoom, zoom)[0])
    output = os.path.join(library, job.file_name)
    check_output(output, prepared)  # a file of another layer or source: refused, untouched
    return JobPlan(job, prepared, output, ranges, _count(ranges, keep), notes)


def planned_weight(plan, library, limit, shard=None):
    """(tiles, exact, tile_bytes) of the plan's tile entries as the large-job question weighs them, with no
    request: each layer's tiles (plans.planned_tiles, counted only until surely past `limit`) at the mean size its
    file in `library` measured, the others at a typical tile's (estimate.weighed_tile_bytes; None: none measured)."""
    tiles, exact, files = 0, True, []
    for job in plan.jobs():
        if tiles > limit:  # surely past the limit: the other layers are not counted
            exact = False
            break
        count, counted = plans.planned_tiles(dataclasses.replace(plan, entries=job.entries), limit - tiles, shard)
        tiles, exact = tiles + count, exact and counted
        files.append((os.path.join(library, job.file_name), count))
    return tiles, exact, weighed_tile_bytes(files)


def assumed_bytes(prepared, zoom):
    """The size of a tile not measured yet: IGN's published average at `zoom` for vector tiles (they vary from
    6 to 65 kB by zoom), else the typical raster tile of the format."""
    if prepared.is_vector:
        return tms.average_tile_bytes(zoom)
    return ASSUMED_BYTES.get(prepared.format, 20000)


def job_styles(job):
    """The styles an entry names for a vector layer ("standard" or "standard, gris"); None: every style IGN
    publishes for the layer."""
    names = [name.strip() for name in (job.style or "").replace(";", ",").split(",") if name.strip()]
    return names or None


def save_job_styles(results, log=None):
    """After a run: the styles of each layer downloaded from a TMS service saved beside its file (core.vector.styles,
    from the service's host), each style on its own; {output: core.vector.styles.SavedStyles}. A style that cannot
    be fetched is named in the result, the others and the tiles stay: it can be saved again later
    (save_vector_styles)."""
    log = log or (lambda message: None)
    saved = {}
    for result in results:
        item = result.item
        tms_source = tms.split_source(item.job.source)
        if tms_source is None or result.error or not os.path.exists(item.output):
            continue  # an XYZ .pbf template publishes no style
        saved[item.output] = styles.save_each_style(item.output, item.job.layer, job_styles(item.job),
                                                    service_root=tms_source[0],
                                                    credentials=item.prepared.credentials, log=log)
    return saved


@dataclass
class Estimate:
    layer: str
    zoom: int
    tiles: int
    present: int
    bytes: float
    assumed: bool          # True when the size per tile is assumed, not measured in the library


def estimate(jobs):
    """Per layer and zoom: tiles, tiles already in the library, expected bytes of what is missing. No request."""
    rows = []
    for item in jobs:
        sizes, present = {}, {}
        if mbtiles.inspect(item.output) == "ours":
            with mbtiles.MBTilesReader(item.output) as reader:
                sizes = reader.mean_size_by_zoom()
                present = {zoom: reader.journal_count_in(item.ranges, zoom) for zoom in item.counts}
        for zoom, number in sorted(item.counts.items()):
            have = min(present.get(zoom, 0), number)
            size = sizes.get(zoom) or assumed_bytes(item.prepared, zoom)
            rows.append(Estimate(item.job.layer, zoom, number, have, (number - have) * size, zoom not in sizes))
    return rows


@dataclass
class JobResult:
    item: JobPlan
    stats: object = None      # core.download.DownloadStats
    error: str = None


def run_jobs(jobs, options, shard=None, progress=None, is_cancelled=None, log=None):
    """Download every job at once into its file; [JobResult]. CONCURRENCY is shared between the layers,
    and the per-host rate cap is one for all (core.http), so the server sees the plan's pace, not n times it."""
    log = log or (lambda message: None)
    keep = shard_filter(shard)
    share, extra = divmod(max(1, options.concurrency), max(1, len(jobs)))
    done = {id(item): 0.0 for item in jobs}
    weights = {id(item): max(1, item.total) for item in jobs}
    lock = threading.Lock()
    results = [JobResult(item) for item in jobs]

    def report(item, fraction):
        with lock:
            done[id(item)] = fraction
            if progress:
                progress(sum(done[k] * weights[k] for k in done) / sum(weights.values()))

    def work(index, result):
        item = result.item
        job_options = dataclasses.replace(options, concurrency=max(1, share + (1 if index < extra else 0)),
                                          tile_filter=keep,  # the account, if any, comes with item.prepared
                                          refresh_cutoff=item.refresh_cutoff)
        try:
            result.stats = download_to_mbtiles(
                item.prepared, _job_area(item), min(item.counts, default=0), max(item.counts, default=0),
                item.output, job_options, lambda f: report(item, f), is_cancelled,
                lambda message: log(Message("{}: {}", item.job.layer, message)), ranges=item.ranges,
                total=item.total)
        except IgnOfflineError as exc:
            result.error = str(exc)
            log(Message("{}: {}", item.job.layer, exc))

    threads = [threading.Thread(target=work, args=(i, r), name="ign-offline-plan-{}".format(i), daemon=True)
               for i, r in enumerate(results) if r.item.total]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _job_area(item):
    from ..tiles.areas import Area

    west, south, east, north = item.job.bbox()
    return Area(naming.safe_name(item.job.layer), item.prepared.title, west, south, east, north)


def check_library(folder, create=False):
    """Check the library folder can be written (or, missing, created: `create` then makes it)."""
    if not folder:
        raise InputError("Give the LIBRARY folder.")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise InputError("LIBRARY '{}' is a file, not a folder.", folder)
    if not os.path.isdir(folder):
        storage.check_writable_folder(os.path.dirname(os.path.abspath(folder)))
        if not create:
            return
        os.makedirs(folder)
    storage.check_writable_folder(folder)


def check_pace_policies(jobs, options, log=None):
    """Usage policies of every job's server, before any tile request."""
    for item in jobs:
        apply_policy(item.prepared, item.ranges, DownloadOptions(options.concurrency, options.max_rate), log)


# -- a plan's datasets (core.datasets.sync), after its tiles ---------------------------------------------------

@dataclass
class DatasetRun:
    entry: plans.DatasetEntry
    zones: list = field(default_factory=list)     # [core.datasets.sync.ZonePlan]
    result: object = None                         # core.datasets.sync.SyncResult
    error: str = None                             # a Message, when the entry failed as a whole


def _service(root, services):
    from ..datasets.service import DownloadService

    if root not in services:
        services[root] = DownloadService(root=root)
    return services[root]


def plan_datasets(plan, library, is_cancelled=None, log=None, services=None):
    """[DatasetRun] of the plan's dataset entries: what each would fetch, with sizes (asks the service; no
    download). An entry the service cannot answer for carries its error; the others go on. `services`: the
    clients by root, kept for run_datasets (close_services when done)."""
    from ..datasets import sync
    from ..errors import Cancelled

    services = {} if services is None else services
    runs = []
    for entry in plan.datasets:
        if is_cancelled and is_cancelled():
            break
        run = DatasetRun(entry)
        try:
            run.zones = sync.plan_sync(_service(entry.service, services), entry.product, entry.variant, entry.area,
                                       library, is_cancelled, log)
        except Cancelled:
            break
        except IgnOfflineError as exc:
            run.error = exc.message
        runs.append(run)
    return runs


def close_services(services):
    """Close the download-service clients plan_datasets and run_datasets opened (their share of the rate)."""
    for service in services.values():
        service.close()
    services.clear()


def run_datasets(runs, library, progress=None, is_cancelled=None, log=None, services=None):
    """Sync each planned entry of `runs` (plan_datasets) into `library`, one after the other; each run's
    `result` or `error` is filled. Progress over all of them, in bytes."""
    from ..datasets import sync

    services = {} if services is None else services
    weights = [max(1, sum(z.fetch_bytes for z in run.zones)) for run in runs]
    done = 0
    for run, weight in zip(runs, weights):
        if run.error is not None or (is_cancelled and is_cancelled()):
            done += weight
            continue
        entry, start = run.entry, done

        def step(value, total, start=start, weight=weight):
            if progress and total:
                progress((start + weight * value / total) / sum(weights))
        try:
            run.result = sync.sync(_service(entry.service, services), entry.product, entry.variant, entry.area,
                                   library, keep_archives=entry.keep_archives, clip=entry.clip,
                                   hillshade=entry.hillshade, slope=entry.slope, contours=entry.contours,
                                   progress=step, is_cancelled=is_cancelled, log=log, zones=run.zones)
        except IgnOfflineError as exc:
            run.error = exc.message
            if log:
                log(Message("Entry {} ({}): {}", entry.number, entry.product, exc.message))
        done += weight
    return runs
