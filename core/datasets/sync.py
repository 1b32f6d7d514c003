"""Keep a product's whole datasets for an area in the library, fetching only what changed.

`plan_sync` asks the download service, for each département the area meets, which edition it publishes and
which of its files the library lacks — without downloading anything (what list_datasets shows, with sizes).
`sync` then fetches those files only (core.datasets.fetch; resumable, MD5 checked: core.datasets.transfer),
extracts them (core.archives.sevenzip_extract), derives what the user works with (relief COGs, ortho mosaic,
clipped GeoPackages) and records it all in each zone's state.json (core.datasets.state).

Each run lists every edition of each zone (`/resource/{product}?zone=…`: the documented API has no date filter
that could not hide an edition published late with an earlier date) and takes the newest one dated no later than
tomorrow (a day of clock skew): an edition dated further ahead cannot exist yet, so it is a mistake of the
service's, ignored with one note, and never becomes the library's "newest" that would hide the real one. A zone
is up to date only when that edition is the one held and each of its files' MD5s is one held (a file changed
inside the held edition is caught); then no download is requested. A newer edition's file whose MD5 the library
already holds is reused, not fetched; only the changed file is. An archive left complete under its final name by a
run stopped before its extraction is checked (MD5), not fetched again. A file whose MD5 was wrong on two runs is
no longer fetched (states.FAILURES_FILE) until the service lists another MD5 for it: its zone keeps what it holds.

Runs on one library compose: a zone another run holds (fetching it, or making outputs from it) is waited for,
then decided again from what the library holds now, so a file another run fetched meanwhile is not fetched twice
and a plan older than the other run's never puts an older edition back.
"""

import datetime
import os
from dataclasses import dataclass, field

from .. import storage
from ..archives.sevenzip import MissingVolume, MixedVolumesError
from ..errors import Cancelled, IgnOfflineError, InputError
from ..messages import Message, plural
from ..storage import human_size
from . import state as states
from .catalogue import DEFAULT_VARIANTS, PRODUCTS, product_title
from .derived import derive_products
from .editions import latest_per_zone, parse_edition
from .fetch import MAX_MD5_FAILURES, IncompleteEdition, blocked_reason, fetch_and_extract, kept_volumes, record_check
from .names import (
    AVAILABLE,
    CANCELLED,
    FAILED,
    NEW,
    NOT_AVAILABLE,
    STATUS_MESSAGES,
    UP_TO_DATE,
    UPDATED,
    archive_stem,
    area_slug,
    zone_title,
    zone_where,
)
from .zones import area_ring, departement_label, is_zone_code

# Disk an archive takes once extracted, per byte of 7z (BD TOPO 31: 495 MB → 2.96 GB; Alpes-Maritimes RGE ALTI
# 5 m: 313 MB → 1.7 GB; JPEG 2000 does not compress further). Rounded up: the check is before anything starts.
EXPANSION = {"BDTOPO": 6.5, "RGEALTI": 6.0, "BDORTHO": 1.05, "PARCELLAIRE-EXPRESS": 5.0}
DEFAULT_EXPANSION = 6.5


def archive_groups(files):
    """{stem: [files, in volume order]} of the 7z volumes among `files`."""
    groups = {}
    for remote in sorted(files, key=lambda f: f.name):
        stem = archive_stem(remote.name)
        if stem is not None:
            groups.setdefault(stem, []).append(remote)
    return groups


# -- what to fetch ----------------------------------------------------------------------------------------------

@dataclass
class ZonePlan:
    """One product in one zone: what the service publishes, what the library holds, what a sync would fetch."""

    product: str
    variant: str
    zone: str
    zone_label: str
    folder: str = None                # the zone's folder in the library (None: no library given)
    edition: object = None            # the service's Edition to hold; None when nothing newer is listed
    files: list = field(default_factory=list)    # its RemoteFiles (7z volumes)
    fetch: list = field(default_factory=list)    # those to download
    reuse: dict = field(default_factory=dict)    # new archive stem -> held stem with the very same MD5s
    held: object = None               # the zone's ZoneState, if complete
    status: str = NEW
    in_place: set = field(default_factory=set)   # names in `fetch` already whole in archives/ (MD5 checked then)
    blocked: list = field(default_factory=list)  # RemoteFiles whose MD5 failed on two runs: not fetched
    no_archive: bool = False          # the edition lists no 7z archive: nothing to fetch, nothing usable
    hopeless: bool = False            # failed in a way running again cannot mend (the service's listing)

    @property
    def edition_name(self):
        return self.edition.name if self.edition is not None else (self.held.edition if self.held else None)

    @property
    def date(self):
        return self.edition.date if self.edition is not None else (self.held.date if self.held else None)

    @property
    def bbox(self):
        bbox = getattr(self.edition, "bbox", None) if self.edition is not None else None
        return tuple(bbox) if bbox else (tuple(self.held.bbox) if self.held and self.held.bbox else None)

    @property
    def bytes(self):
        """The size of the whole edition (all its volumes)."""
        if self.edition is not None:
            return sum(f.size or 0 for f in self.files)
        return sum(info.get("size") or 0 for info in self.held.files.values()) if self.held else 0

    @property
    def file_count(self):
        return len(self.files) if self.edition is not None else (len(self.held.files) if self.held else 0)

    @property
    def fetch_bytes(self):
        return sum(f.size or 0 for f in self.fetch if f.name not in self.in_place)

    @property
    def extract_groups(self):
        """{stem: volumes} of the archives a sync extracts (the others are held already; none when blocked)."""
        if self.blocked:
            return {}
        return {stem: volumes for stem, volumes in archive_groups(self.files).items() if stem not in self.reuse}

    def as_dict(self):
        """What list_datasets shows of it."""
        return {"product": self.product, "variant": self.variant or "", "zone": self.zone,
                "zone_name": self.zone_label or self.zone, "edition": self.edition_name or "",
                "date": str(self.date or ""), "files": self.file_count, "bytes": self.bytes,
                "fetch_bytes": self.fetch_bytes, "size": str(human_size(self.bytes)), "status": self.status,
                "bbox": list(self.bbox) if self.bbox else None}


def newest_edition(editions, product, variant, zone):
    """The newest edition of `product`/`variant`, in the format the library keeps (the product's first: BD TOPO
    as GeoPackage, not SQL), in `zone`, among `editions`; or None."""
    return next(iter(latest_per_zone(_candidates(editions, product, variant, zone))), None)


def _candidates(editions, product, variant, zone):
    """Those of `editions` of `product`/`variant` in `zone`, in the format the library keeps (the product's first:
    BD TOPO as GeoPackage, not SQL)."""
    known = PRODUCTS.get(product)
    wanted = variant or DEFAULT_VARIANTS.get(product)
    form = known.formats[0] if known is not None and known.formats else None
    return [e for e in editions if e.zone in ("", zone) and latest_per_zone([e], wanted, form)]


# An edition dated later than this many days after today (UTC) cannot have been made yet: one day of clock skew
# between the service and this machine is allowed, no more.
SKEW_DAYS = 1


def future_editions(editions, today=None):
    """Those of `editions` dated (by the feed or in their name) after tomorrow."""
    today = today or datetime.datetime.now(datetime.timezone.utc).date()
    limit = today + datetime.timedelta(days=SKEW_DAYS)
    return [e for e in editions if any(day > limit for day in _dates(e))]


def _dates(edition):
    """The dates an edition gives: its feed's editionDate and the one in its name (either may be missing)."""
    parsed = parse_edition(edition.name)
    return [day for day in (edition.date, parsed.date if parsed else None) if day is not None]


def held_state(folder, log=None):
    """The zone's state when its data are all on disk (else None: the zone is fetched as new)."""
    if folder is None:
        return None
    held = states.read_state(folder, log)
    if held is not None and not held.is_complete(folder):
        if log:
            log(Message("{} — {}: files of the library are missing: they are downloaded again.",
                        product_title(held.product, held.variant), departement_label(held.zone)))
        return None
    return held


def decide(zone_plan, remote_files):
    """Fill `fetch`, `reuse`, `in_place`, `blocked` and `status` of `zone_plan` for its edition's `remote_files`.

    An archive whose volumes' MD5s are those of an archive the zone holds (extracted, still there) is reused:
    a newer edition often repeats unchanged files under a new name. Any other archive is fetched whole, but a
    volume kept on disk with the same MD5 (KEEP_ARCHIVES) is not downloaded again, nor one a stopped run left
    whole under its final name (its MD5 is checked before it is used). A volume whose MD5 failed on two runs
    blocks its zone: nothing is fetched, what the zone holds is kept (FAILED, said by describe)."""
    held = zone_plan.held
    zone_plan.files = [f for f in remote_files if archive_stem(f.name) is not None]
    held_groups = _held_groups(held)
    kept = kept_volumes(zone_plan.folder, held)
    zone_plan.fetch, zone_plan.reuse = [], {}
    for stem, volumes in archive_groups(zone_plan.files).items():
        md5s = tuple(sorted((v.md5 or "").lower() for v in volumes))
        same = held_groups.get(md5s) if all(md5s) else None
        if same is not None:
            zone_plan.reuse[stem] = same
            continue
        zone_plan.fetch.extend(v for v in volumes if (v.md5 or "").lower() not in kept)
    zone_plan.in_place = _whole_in_place(zone_plan.folder, zone_plan.fetch)
    zone_plan.blocked = _blocked(zone_plan.folder, zone_plan.fetch)
    zone_plan.no_archive = not zone_plan.files
    if zone_plan.blocked or zone_plan.no_archive:
        zone_plan.fetch, zone_plan.in_place = [], set()
        zone_plan.status = FAILED
    elif zone_plan.folder is None:
        zone_plan.status = AVAILABLE
    elif held is None:
        zone_plan.status = NEW
    elif zone_plan.fetch or zone_plan.extract_groups or zone_plan.edition.name != held.edition:
        zone_plan.status = UPDATED
    else:
        zone_plan.status = UP_TO_DATE
    return zone_plan


def _held_groups(held):
    """{sorted MD5s of an archive's volumes: its stem} of what `held` extracted."""
    if held is None:
        return {}
    groups = {}
    for name, info in held.files.items():
        stem = archive_stem(name)
        if stem is not None and stem in held.extracted:
            groups.setdefault(stem, []).append((info.get("md5") or "").lower())
    return {tuple(sorted(md5s)): stem for stem, md5s in groups.items() if all(md5s)}


def _whole_in_place(folder, fetch):
    """Names of `fetch` already in the zone's archives/ at their listed size: what a run stopped after its
    downloads left (a file gets its final name only once its MD5 is checked); checked again before use."""
    if folder is None:
        return set()
    archives = states.archives_folder(folder)
    return {f.name for f in fetch if f.size is not None and f.md5
            and os.path.isfile(os.path.join(archives, f.name))
            and os.path.getsize(os.path.join(archives, f.name)) == f.size}


def _blocked(folder, fetch):
    """Those of `fetch` whose listed MD5 failed on MAX_MD5_FAILURES runs (the same MD5 listed each time)."""
    if folder is None:
        return []
    failures = states.read_failures(folder)
    return [f for f in fetch if failures.get(f.name, {}).get("md5") == (f.md5 or "").lower()
            and failures[f.name]["failures"] >= MAX_MD5_FAILURES]


def no_archive_reason(zone_plan):
    """Why a zone whose edition lists no archive fetches nothing (a Message, without the zone's title)."""
    return Message("the download service's edition {} lists no 7z archive: nothing can be downloaded, and what "
                   "the library holds here is kept as it is. Try again when IGN has published it whole.",
                   zone_plan.edition.name)


def plan_sync(service, product, variant, area, library=None, is_cancelled=None, log=None, today=None):
    """[ZonePlan] of `product`/`variant` for each département `area` meets: what the service publishes, with
    sizes, and what a sync would fetch; no download. Each zone's editions are listed whole (no date filter) and
    the newest dated up to tomorrow is taken (later ones ignored, with one note in `log`); with a `library`, it
    is compared with what the zone holds, edition and MD5s (decide)."""
    log = log or (lambda message: None)
    found = []
    for zone in service.zones_for(area_ring(area), resource=product, is_cancelled=is_cancelled):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        folder = states.zone_folder(library, product, zone.term) if library else None
        held = held_state(folder, log)
        held = held if held is not None and held.variant == variant else None
        candidates = _candidates(service.editions(product, zone=zone.term, is_cancelled=is_cancelled), product,
                                 variant, zone.term)
        ahead = future_editions(candidates, today)
        edition = newest_edition([e for e in candidates if e not in ahead], product, variant, zone.term)
        zone_plan = ZonePlan(product, variant, zone.term, zone.label or zone.term, folder, edition, held=held)
        if ahead:
            log(Message("{} — {}: the service lists {} dated more than a day ahead of today ({}): ignored, as no "
                        "edition can be dated in the future; the newest edition dated up to tomorrow is used.",
                        zone_title(zone_plan), zone_where(zone_plan), ", ".join(e.name for e in ahead),
                        ", ".join(str(max(_dates(e))) for e in ahead)))
        if edition is None:
            zone_plan.status = NOT_AVAILABLE  # what the zone holds (if anything) stays as it is
        else:
            decide(zone_plan, service.files(product, edition.name, is_cancelled=is_cancelled))
        found.append(zone_plan)
    if library:  # a zone the library holds for the area is never dropped, listed or not
        found.extend(_held_unlisted(library, product, variant, area, {z.zone for z in found}, log))
    return found


def _held_unlisted(library, product, variant, area, listed, log):
    """ZonePlans (NOT_AVAILABLE, held) of the zones the library holds complete for `area` that the service no
    longer lists: kept as they are, and used for the outputs. A zone is the area's when the outputs of this very
    area were made from it (its state names them): a box meeting the area's is not enough (départements' boxes
    overlap their neighbours')."""
    try:
        names = sorted(os.listdir(states.product_folder(library, product)))
    except OSError:
        return []
    slug = area_slug(area)
    kept = []
    for zone in names:
        if zone in listed or not is_zone_code(zone):
            continue
        folder = states.zone_folder(library, product, zone)
        held = held_state(folder, log)
        if held is None or held.variant != variant:
            continue
        if slug in held.outputs or slug + "-whole" in held.outputs:
            kept.append(ZonePlan(product, variant, zone, zone, folder, None, held=held,
                                 status=NOT_AVAILABLE))
    return kept


def space_needed(zone_plans):
    """Bytes a sync of `zone_plans` writes: the files it downloads, and what they extract to."""
    total = 0
    for zone_plan in zone_plans:
        if zone_plan.status in (FAILED, NOT_AVAILABLE):
            continue
        expansion = EXPANSION.get(zone_plan.product, DEFAULT_EXPANSION)
        total += zone_plan.fetch_bytes
        total += sum(v.size or 0 for volumes in zone_plan.extract_groups.values() for v in volumes) * expansion
    return int(total)


def check_space(zone_plans, library):
    """Refuse, before anything is fetched, a sync the library's disk cannot hold."""
    needed = space_needed(zone_plans)
    free = storage.free_bytes(library)
    if needed > free:
        raise InputError("The datasets need about {} (download and extraction) and the disk holding '{}' has {} "
                         "free: free some space, choose another LIBRARY or a smaller area.",
                         human_size(needed), storage.output_folder(library), human_size(free))
    return needed


# Over this, a download is confirmed first (ALLOW_LARGE, or the dock's question): one département of BD ORTHO
# 20 cm is tens of GB; BD TOPO or RGE ALTI 5 m over a whole region stays under it.
LARGE_DOWNLOAD_BYTES = 10 * 1000 ** 3


def large_download(zone_plans, free, where):
    """Why fetching `zone_plans` needs the user's confirmation (a Message), or None: over LARGE_DOWNLOAD_BYTES to
    download. (More than the free space is refused outright, confirmed or not: check_space.)"""
    fetch = sum(z.fetch_bytes for z in zone_plans)
    if fetch > LARGE_DOWNLOAD_BYTES:
        return Message("This download is {} (over {}); with extraction it needs about {} and the disk holding {} "
                       "has {} free.", human_size(fetch), human_size(LARGE_DOWNLOAD_BYTES),
                       human_size(space_needed(zone_plans)), where, human_size(free))
    return None


def describe(zone_plan):
    """One line for a person: product, zone, edition, size, status (a Message)."""
    if zone_plan.status == NOT_AVAILABLE and zone_plan.held is not None:
        return Message("{} — {}: the service lists no edition of it now (none dated up to tomorrow); the library "
                       "keeps {} as it is.", zone_title(zone_plan), zone_where(zone_plan), zone_plan.held.edition)
    if zone_plan.status == NOT_AVAILABLE:
        return Message("{} — {}: the service publishes no such dataset here.", zone_title(zone_plan),
                       zone_where(zone_plan))
    if zone_plan.blocked:
        return Message("{} — {}: {}", zone_title(zone_plan), zone_where(zone_plan), blocked_reason(zone_plan))
    if zone_plan.no_archive:
        return Message("{} — {}: {}", zone_title(zone_plan), zone_where(zone_plan), no_archive_reason(zone_plan))
    if zone_plan.status == UP_TO_DATE:
        return Message("{} — {}: {}, {}: up to date.", zone_title(zone_plan), zone_where(zone_plan),
                       zone_plan.edition_name, human_size(zone_plan.bytes))
    return Message("{} — {}: {}, {} in {}, {}: {} to download.", zone_title(zone_plan), zone_where(zone_plan),
                   zone_plan.edition_name, human_size(zone_plan.bytes),
                   plural(zone_plan.file_count, "{} file", "{} files", zone_plan.file_count),
                   STATUS_MESSAGES[zone_plan.status], human_size(zone_plan.fetch_bytes))


# -- fetching, extracting, deriving -------------------------------------------------------------------------

@dataclass
class ZoneResult:
    plan: ZonePlan
    status: str
    files_downloaded: int = 0
    bytes_downloaded: int = 0
    error: str = None        # a Message, for a zone that failed


@dataclass
class SyncResult:
    product: str
    variant: str
    zones: list = field(default_factory=list)     # [ZoneResult]
    outputs: dict = field(default_factory=dict)   # kind -> path (relief COGs, VRT) or [paths] (GeoPackages)
    folder: str = None                            # where the derived products of the area are
    cancelled: bool = False

    @property
    def files_downloaded(self):
        return sum(z.files_downloaded for z in self.zones)

    @property
    def bytes_downloaded(self):
        return sum(z.bytes_downloaded for z in self.zones)

    @property
    def up_to_date(self):
        return sum(1 for z in self.zones if z.status == UP_TO_DATE)

    @property
    def failed(self):
        return [z for z in self.zones if z.status == FAILED]

    def output_paths(self):
        paths = []
        for value in self.outputs.values():
            paths.extend(value if isinstance(value, (list, tuple)) else [value])
        return [p for p in paths if p]


class _Progress:
    """Progress of the whole job in bytes: downloads, then extractions, weighed by their archives' sizes."""

    def __init__(self, total, report):
        self.total, self.done, self.report = max(1, total), 0, report

    def part(self, size):
        """A progress(done, total) callback for a step worth `size` bytes of the job."""
        start = self.done

        def progress(done, total):
            if self.report and total:  # at most the whole: a zone decided again may fetch more than planned
                self.report(min(self.total, start + size * min(1.0, done / total)), self.total)
        self.done += size
        return progress


def sync(service, product, variant, area, library, keep_archives=False, clip=True, hillshade=True, slope=True,
         contours=None, progress=None, is_cancelled=None, log=None, zones=None):
    """Bring `product`/`variant` for `area` up to date in `library`; a SyncResult.

    `zones`: the plan_sync result, when already made (the size was said and confirmed on it). Each zone is done
    on its own: one failing (a damaged archive, a wrong MD5) is reported in its ZoneResult with one message and
    leaves the zone as it was; when every zone fails, IgnOfflineError says why. A cancelled run keeps its
    `.part` files: the next run resumes them."""
    log = log or (lambda message: None)
    cancelled = is_cancelled or (lambda: False)
    if zones is None:  # else the caller said each zone's plan (describe) when it made it
        try:
            zones = plan_sync(service, product, variant, area, library, cancelled, log)
        except Cancelled:
            log(Message("{}: cancelled; run again to resume where it stopped.", product_title(product, variant)))
            return SyncResult(product, variant, cancelled=True)
        for zone_plan in zones:
            log(describe(zone_plan))
    zone_plans = zones
    check_space(zone_plans, library)
    meter = _Progress(sum(z.fetch_bytes + _extract_bytes(z) for z in zone_plans), progress)
    result = SyncResult(product, variant)
    for zone_plan in zone_plans:
        if cancelled():
            result.cancelled = True
            break
        zone_result = _sync_zone(service, zone_plan, keep_archives, meter, cancelled, log)
        result.zones.append(zone_result)
        result.cancelled = result.cancelled or zone_result.status == CANCELLED
    usable = [z for z in result.zones if z.status in (NEW, UPDATED, UP_TO_DATE)]
    if result.zones and not usable and not result.cancelled:
        raise _all_failed(result, zone_plans)
    if result.failed:
        log(_some_failed(result, zone_plans))
    if usable and not result.cancelled and not cancelled():
        try:  # from every zone the area needs, as the library holds it (another run may have fetched some)
            result.folder, result.outputs = derive(product, zone_plans, area, library, clip,
                                                   dict(hillshade=hillshade, slope=slope, contours=contours),
                                                   cancelled, log)
        except Cancelled:
            result.cancelled = True
    if (result.cancelled or cancelled()) and not any(z.status == CANCELLED for z in result.zones):
        result.cancelled = True  # said here once, when no zone's line said it
        log(Message("{}: cancelled; run again to resume where it stopped.", product_title(product, variant)))
    return result


def _all_failed(result, zone_plans):
    """The error of a sync where no zone could be used. Each failure was said on its zone's line: this names the
    départements only, so no reason is said twice."""
    failed = result.failed
    if not failed:
        return IgnOfflineError("{}: the service publishes no such dataset for this area.", zone_title(zone_plans[0]))
    return IgnOfflineError(plural(len(failed), "{}: the département failed ({}): its reason is said above.",
                                  "{}: every département failed ({}): their reasons are said above.",
                                  zone_title(zone_plans[0]), ", ".join(zone_where(z.plan) for z in failed)))


def _some_failed(result, zone_plans):
    """The summary of a sync where some zones failed and others are usable (each reason said on its line)."""
    failed = result.failed
    # The plural follows the failed count ("1 of 2 départements failed", "2 of 3 départements failed"): "of N"
    # comes after, in both languages.
    return plural(len(failed), "{}: {:,} département of {:,} failed: {}.", "{}: {:,} départements of {:,} failed: {}.",
                  zone_title(zone_plans[0]), len(failed), len(result.zones),
                  ", ".join(zone_where(z.plan) for z in failed))


def _extract_bytes(zone_plan):
    if zone_plan.status in (FAILED, NOT_AVAILABLE):
        return 0
    return sum(v.size or 0 for volumes in zone_plan.extract_groups.values() for v in volumes)


def _sync_zone(service, zone_plan, keep_archives, meter, cancelled, log):
    """The zone fetched and extracted as its plan says, decided again under the zone's lock: another run may
    hold it (fetching it, or making outputs from it), and may have fetched it since the plan was made."""
    from .derived import zone_lock

    if zone_plan.status == NOT_AVAILABLE:
        # Nothing usable listed (none, or only editions dated ahead): what the zone holds is kept, and used.
        return ZoneResult(zone_plan, NOT_AVAILABLE if zone_plan.held is None else UP_TO_DATE)
    zone_plan.hopeless = bool(zone_plan.blocked or zone_plan.no_archive)
    if zone_plan.blocked:  # said once, on the zone's line (describe): nothing fetched, nothing touched
        return ZoneResult(zone_plan, FAILED, error=blocked_reason(zone_plan))
    if zone_plan.no_archive:  # said once, on the zone's line (describe)
        return ZoneResult(zone_plan, FAILED, error=no_archive_reason(zone_plan))
    zone_result = ZoneResult(zone_plan, zone_plan.status)
    os.makedirs(zone_plan.folder, exist_ok=True)
    try:
        # Waited for, not refused: runs on one library compose (the other run's work is used, not repeated).
        with zone_lock(zone_plan, Message("a download of {} {}", zone_plan.product, zone_plan.zone), cancelled,
                       log):
            checked = _decide_again(zone_plan, log)
            zone_result.status = zone_plan.status
            if zone_plan.status == UP_TO_DATE:
                if checked:
                    record_check(zone_plan)  # the service was asked: nothing newer, nothing changed
                return zone_result
            if zone_plan.blocked:  # failed twice by another run since the plan: not said yet
                raise IgnOfflineError(blocked_reason(zone_plan))
            fetch_and_extract(service, zone_plan, zone_result, keep_archives, meter, cancelled, log)
    except Cancelled:
        zone_result.status = CANCELLED
        log(Message("{} — {}: cancelled; run again to resume where it stopped.", zone_title(zone_plan),
                    zone_where(zone_plan)))
    except IgnOfflineError as exc:
        zone_result.status, zone_result.error = FAILED, exc.message
        # The service's listing (an MD5 wrong twice, volumes missing or mixed): running again cannot mend it.
        zone_plan.hopeless = bool(zone_plan.blocked or zone_plan.no_archive) or isinstance(
            exc, (MissingVolume, MixedVolumesError, IncompleteEdition))
        log(Message("{} — {}: {}", zone_title(zone_plan), zone_where(zone_plan), exc.message))
    return zone_result


def _decide_again(zone_plan, log):
    """`zone_plan` decided again (decide) from the zone's state as it is now, the zone's lock held: the plan was
    made from what the library held before, and another run may have fetched this very edition since (nothing
    left to download), part of it (only the rest is fetched) or a newer one (kept: a plan older than the other
    run's never puts an older edition back). False when the zone holds another edition than the one this run
    listed: this run did not check it with the service."""
    planned = zone_plan.status
    held = held_state(zone_plan.folder)
    held = held if held is not None and (held.product, held.variant) == (zone_plan.product, zone_plan.variant) \
        else None
    if _held_is_newer(held, zone_plan):
        log(Message("{} — {}: another run has fetched {}, newer than {} listed when this run was planned: it is "
                    "kept.", zone_title(zone_plan), zone_where(zone_plan), held.edition, zone_plan.edition.name))
        zone_plan.edition, zone_plan.held, zone_plan.status = None, held, UP_TO_DATE
        zone_plan.files, zone_plan.fetch, zone_plan.reuse, zone_plan.in_place = [], [], {}, set()
        return False
    zone_plan.held = held
    decide(zone_plan, zone_plan.files)
    if planned != UP_TO_DATE and zone_plan.status == UP_TO_DATE:
        log(Message("{} — {}: another run has fetched {} meanwhile: nothing to download.", zone_title(zone_plan),
                    zone_where(zone_plan), zone_plan.edition.name))
    return True


def _held_is_newer(held, zone_plan):
    """True when the zone holds an edition dated after the one `zone_plan` listed (another run, planned later,
    fetched it), and not in the future (a date ahead of tomorrow is not believed: plan_sync)."""
    if held is None or zone_plan.edition is None or held.edition == zone_plan.edition.name:
        return False
    try:
        day = datetime.date.fromisoformat((held.date or "")[:10])
    except ValueError:
        return False
    listed = _dates(zone_plan.edition)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return bool(listed) and max(listed) < day <= today + datetime.timedelta(days=SKEW_DAYS)


def derive(product, zone_plans, area, library, clip, relief_options, is_cancelled, log):
    """(folder, outputs) of what the user works with, made from the data of every zone of `zone_plans` (all the
    area's) for `area`; see derived.py."""
    return derive_products(product, zone_plans, area, library, clip, relief_options, is_cancelled, log)
