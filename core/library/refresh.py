"""A library that keeps itself fresh: when each entry of its plan was last refreshed, which entries are due, which
tiles a due entry re-checks, and the report of what each refresh changed — all kept in `<library>/refresh/`.

An entry with `refresh_days` (core.library.plans) is due `refresh_days` after the start of its last complete
refresh; its tiles fetched before it became due are then re-checked (conditional requests: a 304 costs no body),
so a refresh stopped midway resumes where it stopped. An entry never refreshed in this library is due once its
file is there, for its tiles older than its interval. The state is per library (`state.json`, keyed by what the
entry asks for: the same entry in another plan is the same entry); the report (`report.jsonl`) holds one line per
refresh run and layer or dataset, with the addresses of the tiles that changed, bounded (core.download.changes),
the file itself kept under MAX_REPORT_BYTES by dropping its oldest lines.
"""

import hashlib
import json
import math
import os
import time
from dataclasses import dataclass

from .. import naming, storage
from ..download.changes import KINDS
from ..messages import Message, Size
from ..tiles import coverage

FOLDER = "refresh"
STATE_FILE = "state.json"
REPORT_FILE = "report.jsonl"
MAX_REPORT_BYTES = 8 * 2**20
DAY = 86400.0


@dataclass(frozen=True)
class Due:
    entry: object     # core.library.plans.Entry or DatasetEntry
    cutoff: float     # a tile of the entry fetched before this time (epoch s) is re-checked


def folder_of(library):
    return os.path.join(library, FOLDER)


def entry_key(entry):
    """What identifies an entry across runs and plans: what it asks for (not its number nor its interval)."""
    bbox = [round(value, 7) for value in entry.area.bbox]
    if hasattr(entry, "layer"):
        what = ["tiles", entry.source, entry.layer, entry.style, entry.format, entry.area_label, bbox,
                entry.zoom_min, entry.zoom_max]
    else:
        what = ["dataset", entry.service, entry.product, entry.variant, entry.area_label, bbox]
    return hashlib.blake2b(json.dumps(what).encode("utf-8"), digest_size=12).hexdigest()


def describe(entry):
    """An entry in a few words, for a person reading state.json."""
    if hasattr(entry, "layer"):
        return "{} {} z{}-{}".format(entry.layer, entry.area_label, entry.zoom_min, entry.zoom_max)
    return "{} {} {}".format(entry.product, entry.variant or "", entry.area_label)


def read_state(library):
    """{entry key: {"refreshed_at": epoch s, "entry": words}}; a missing or damaged file is no refresh yet."""
    try:
        with open(os.path.join(folder_of(library), STATE_FILE), encoding="utf-8") as stream:
            state = json.load(stream)
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict):
        return {}
    # A time that is no number, or later than tomorrow (a clock that was wrong when it was written), is no record:
    # kept, it would leave its entry never due again.
    latest = time.time() + DAY
    return {key: value for key, value in state.items()
            if isinstance(value, dict) and isinstance(value.get("refreshed_at"), (int, float))
            and math.isfinite(value["refreshed_at"]) and value["refreshed_at"] <= latest}


def held(entry, library):
    """Whether the library holds the entry's data already (a layer's file): only then is a refresh a refresh."""
    return hasattr(entry, "layer") and os.path.isfile(os.path.join(library, naming.file_name(entry.layer)))


def due_entries(plan, library, now=None, state=None):
    """[Due] of the plan's entries that are due in `library` at `now`."""
    now = time.time() if now is None else now
    state = read_state(library) if state is None else state
    found = []
    for entry in plan.all_entries():
        if entry.refresh_days is None:
            continue
        interval = entry.refresh_days * DAY
        seen = state.get(entry_key(entry))
        if seen is not None:
            start = seen["refreshed_at"] + interval
            if now >= start:
                found.append(Due(entry, start))
        elif held(entry, library):
            found.append(Due(entry, now - interval))
    return found


def tile_cutoff(job, due):
    """The engine's refresh_cutoff for a LayerJob: (zoom, x, y) -> the latest cutoff of the due entries holding the
    tile, None when none does; None for a job with no entry due."""
    numbers = {entry.number for entry in job.entries}
    mine = [item for item in due if item.entry.number in numbers and hasattr(item.entry, "layer")]
    if not mine:
        return None
    if len(mine) == len(job.entries) and len({item.cutoff for item in mine}) == 1:
        cutoff = mine[0].cutoff
        return lambda zoom, x, y: cutoff
    columns = {}  # (zoom, x) -> [(y_min, y_max, cutoff)]
    for item in mine:
        for zoom in item.entry.zooms:
            for tile_range in coverage.area_ranges(item.entry.area, zoom):
                for x in range(tile_range.x_min, tile_range.x_max + 1):
                    columns.setdefault((zoom, x), []).append((tile_range.y_min, tile_range.y_max, item.cutoff))

    def cutoff_of(zoom, x, y):
        found = [cutoff for low, high, cutoff in columns.get((zoom, x), ()) if low <= y <= high]
        return max(found) if found else None
    return cutoff_of


def record_refreshed(library, entries, when):
    """The entries refreshed completely: each fresh as of `when` (never set back by an older run)."""
    path = os.path.join(folder_of(library), STATE_FILE)
    os.makedirs(folder_of(library), exist_ok=True)
    with storage.output_lock(path, Message("a record of the library's refreshes")):
        state = read_state(library)
        for entry in entries:
            key = entry_key(entry)
            before = state.get(key, {}).get("refreshed_at", float("-inf"))
            state[key] = {"refreshed_at": max(before, when), "entry": describe(entry)}
        storage.write_atomically(path, json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


# -- the report -------------------------------------------------------------------------------------------------

def encode(addresses):
    """Sorted (zoom, x, y) as short texts: "z/x/y", or "z/x/y1-y2" for a run down one column."""
    texts, run = [], None
    for zoom, x, y in sorted(addresses):
        if run is not None and run[:2] == [zoom, x] and run[3] == y - 1:
            run[3] = y
            continue
        if run is not None:
            texts.append(_run_text(run))
        run = [zoom, x, y, y]
    if run is not None:
        texts.append(_run_text(run))
    return texts


def _run_text(run):
    zoom, x, first, last = run
    return "{}/{}/{}".format(zoom, x, first) if first == last else "{}/{}/{}-{}".format(zoom, x, first, last)


def decode(texts):
    """The (zoom, x, y) of encode's texts."""
    found = []
    for text in texts:
        zoom, x, rows = text.split("/")
        first, _, last = rows.partition("-")
        found.extend((int(zoom), int(x), y) for y in range(int(first), int(last or first) + 1))
    return found


def _stamp(started):
    return {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)), "started": round(started, 3)}


def layer_record(started, layer, path, stats):
    """One report line for a layer refreshed: counts, bytes and the addresses that differ (stats: DownloadStats)."""
    changes = stats.changes
    return dict(_stamp(started), layer=layer, file=os.path.basename(path), new=changes.new, changed=changes.changed,
                gone=changes.gone, unchanged=changes.unchanged, bytes=changes.bytes, failed=stats.failed,
                complete=changes.complete, tiles={kind: encode(changes.addresses(kind)) for kind in KINDS})


def dataset_record(started, entry, result):
    """One report line for a dataset entry checked (result: core.datasets.sync.SyncResult): its files new (a zone
    it did not hold) and changed (a newer edition), with their zones."""
    from ..datasets.sync import NEW, UPDATED

    def of(status):
        return [zone for zone in result.zones if zone.status == status]

    return dict(_stamp(started), dataset=entry.product, variant=entry.variant or "", entry=entry.number,
                area=str(entry.area_label), files_new=sum(z.files_downloaded for z in of(NEW)),
                files_changed=sum(z.files_downloaded for z in of(UPDATED)), bytes=result.bytes_downloaded,
                zones_new=[z.plan.zone for z in of(NEW)], zones_changed=[z.plan.zone for z in of(UPDATED)])


def report_path(library):
    return os.path.join(folder_of(library), REPORT_FILE)


def append_report(library, records):
    """Add `records` to the library's report, one JSON line each; the oldest lines dropped past MAX_REPORT_BYTES."""
    if not records:
        return
    path = report_path(library)
    os.makedirs(folder_of(library), exist_ok=True)
    lines = "".join(_line(record) for record in records)
    with storage.output_lock(path, Message("the report of the library's refreshes")):
        with open(path, "a+b") as stream:
            stream.seek(0, os.SEEK_END)
            if stream.tell():  # a line cut by a crash mid-append is ended, so that it never swallows this one
                stream.seek(-1, os.SEEK_END)
                if stream.read(1) != b"\n":
                    stream.write(b"\n")
            stream.write(lines.encode("utf-8"))
        if os.path.getsize(path) > MAX_REPORT_BYTES:
            _trim(path)


def _line(record):
    """A record's JSON line; one line never takes more than a quarter of the report: past it, its addresses are
    dropped (its counts stay) and it says it is not complete."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    if len(line.encode("utf-8")) > MAX_REPORT_BYTES // 4 and "tiles" in record:
        record = dict(record, tiles={kind: [] for kind in record["tiles"]}, complete=False)
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    return line


def _trim(path):
    """Keep the newest lines that fit in half of MAX_REPORT_BYTES (whole lines only)."""
    with open(path, encoding="utf-8") as stream:
        lines = stream.readlines()
    kept, size = [], 0
    for line in reversed(lines):
        size += len(line.encode("utf-8"))
        if size > MAX_REPORT_BYTES // 2 and kept:  # the newest line is always kept (each is bounded: _line)
            break
        kept.append(line)
    storage.write_atomically(path, "".join(reversed(kept)))


def read_report(library):
    """The report's records, oldest first (a line that cannot be read is skipped)."""
    try:
        with open(report_path(library), encoding="utf-8") as stream:
            lines = stream.readlines()
    except OSError:
        return []
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            continue  # a line cut by a crash mid-append
    return records


def summary(record):
    """What one report line says, as a Message in the user's language."""
    if "layer" in record:
        return Message("{}: tiles new {:,}, changed {:,}, gone {:,}, unchanged {:,}; {} received.", record["layer"],
                       record["new"], record["changed"], record["gone"], record["unchanged"], Size(record["bytes"]))
    return Message("Entry {} ({}): files new {:,}, changed {:,}; {} received.", record["entry"], record["dataset"],
                   record["files_new"], record["files_changed"], Size(record["bytes"]))


def totals(records):
    """{new, changed, gone, files_new, files_changed, bytes} over `records`: what the message bar says."""
    keys = ("new", "changed", "gone", "files_new", "files_changed", "bytes")
    return {key: sum(record.get(key, 0) for record in records) for key in keys}


def conclude(library, started, results, runs, due, refresh_days=None):
    """After a run of a plan started at `started`: one report line per layer refreshed (its entries due, or every
    layer under `refresh_days`, the run's REFRESH_DAYS) and per dataset entry checked in a refresh, appended to the
    report; the entries refreshed completely (no tile failed, not cancelled) recorded as fresh. `results`:
    core.library.jobs JobResults; `runs`: its DatasetRuns; `due`: [Due]. Returns the lines."""
    due_numbers = {item.entry.number for item in due}
    records, fresh = [], []
    for result in results:
        item, stats = result.item, result.stats
        if stats is None or (refresh_days is None and item.refresh_cutoff is None):
            continue
        if stats.changes.differ or stats.changes.unchanged or stats.failed:  # else no tile was old enough
            records.append(layer_record(started, item.job.layer, item.output, stats))
        if result.error is None and not stats.cancelled and not stats.failed:
            if refresh_days is not None:  # every tile checked since then
                fresh.append((item.job.entries, started - refresh_days * DAY))
            else:
                fresh.append(([entry for entry in item.job.entries if entry.number in due_numbers], started))
    for run in runs:
        result = run.result
        if result is None or result.cancelled or result.failed:
            continue
        if refresh_days is not None or due:
            records.append(dataset_record(started, run.entry, result))
        fresh.append(([run.entry], started))  # the service was asked: dates and MD5s checked
    append_report(library, records)
    for entries, when in fresh:
        if entries:
            record_refreshed(library, entries, when)
    return records
