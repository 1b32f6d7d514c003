"""One zone's edition fetched and extracted into place, as its plan (core.datasets.sync) says: the files
downloaded (resumed, MD5 checked; a file whose MD5 is wrong on two runs is no longer fetched), every archive
extracted aside, then the new data swapped in and the new state written, and only then what the old edition left
removed."""

import os
import re
import shutil

from ..archives.sevenzip import MissingVolume
from ..errors import Cancelled, IgnOfflineError
from ..messages import Message
from . import state as states
from .names import STATUS_MESSAGES, archive_stem, zone_title, zone_where


def kept_volumes(folder, held):
    """{md5: path} of the archives kept on disk (KEEP_ARCHIVES) that `held` vouches for (MD5 checked when they
    were accepted, size unchanged since)."""
    if folder is None or held is None:
        return {}
    kept = {}
    for name, info in held.files.items():
        path = os.path.join(states.archives_folder(folder), name)
        if info.get("md5") and os.path.isfile(path) and os.path.getsize(path) == info.get("size"):
            kept[info["md5"].lower()] = path
    return kept


# Runs on which a file arrived with another MD5 than the listed one, after which it is no longer fetched: one
# failure may be the network's, two in a row are the listing's (a wrong MD5 would be fetched and deleted forever).
MAX_MD5_FAILURES = 2


def _md5_failed(folder, remote, got):
    """Count a run on which `remote` arrived with the MD5 `got`; True when it is now blocked."""
    failures = states.read_failures(folder)
    listed = (remote.md5 or "").lower()
    before = failures.get(remote.name, {})
    count = before.get("failures", 0) + 1 if before.get("md5") == listed else 1
    failures[remote.name] = {"md5": listed, "failures": count, "last_received": got}
    states.write_failures(folder, failures)
    return count >= MAX_MD5_FAILURES


def _md5_passed(folder, remote):
    failures = states.read_failures(folder)
    if failures.pop(remote.name, None) is not None:
        states.write_failures(folder, failures)


def blocked_reason(zone_plan):
    """Why a blocked zone fetches nothing (a Message, without the zone's title)."""
    remote = zone_plan.blocked[0]
    return Message("{} arrived on two runs with another MD5 than the one the download service lists ({}): it is no "
                   "longer downloaded, and what the library holds here is kept as it is. It is tried again when the "
                   "service lists another MD5 for it, or once '{}' is deleted.", remote.name, remote.md5,
                   os.path.join(zone_plan.folder, states.FAILURES_FILE))


def _check(cancelled):
    if cancelled():
        raise Cancelled()


def fetch_and_extract(service, zone_plan, zone_result, keep_archives, meter, cancelled, log):
    from ..archives.sevenzip_extract import extract_archive
    from .transfer import Md5MismatchError, download, is_in_place

    folder = zone_plan.folder
    archives, data = states.archives_folder(folder), states.data_folder(folder)
    os.makedirs(archives, exist_ok=True)
    os.makedirs(data, exist_ok=True)
    _check_volumes(zone_plan)
    fetched = {f.name for f in zone_plan.fetch}
    for remote in zone_plan.fetch:
        _check(cancelled)
        part = meter.part(remote.size or 0)
        # A file accepted by a run stopped before its extraction is not fetched again (its MD5 is checked).
        if remote.name in zone_plan.in_place and is_in_place(remote, archives):
            part(1, 1)
            continue
        try:
            download(service, remote, archives, part, cancelled, log=log)
        except Md5MismatchError as exc:
            if _md5_failed(folder, remote, exc.got):
                zone_plan.blocked = [remote]
                raise IgnOfflineError(blocked_reason(zone_plan)) from None
            raise
        _check(cancelled)  # a transfer stopped by the cancel returns what it has: not a file to accept
        _md5_passed(folder, remote)
        zone_result.files_downloaded += 1
        zone_result.bytes_downloaded += remote.size or 0
    _place_kept_volumes(zone_plan, fetched)
    held = zone_plan.held
    extracted = {stem: held.extracted[old] for stem, old in zone_plan.reuse.items()}
    staged = {}
    for stem, volumes in zone_plan.extract_groups.items():
        _check(cancelled)
        first = os.path.join(archives, volumes[0].name)
        staging = os.path.join(data, ".{}.partial".format(stem))
        shutil.rmtree(staging, ignore_errors=True)  # what a killed run left
        try:
            paths = extract_archive(first, staging, meter.part(sum(v.size or 0 for v in volumes)), cancelled)
            _check(cancelled)
        except MissingVolume as exc:  # the service lists fewer volumes than the archive has
            shutil.rmtree(staging, ignore_errors=True)
            raise _incomplete_edition(zone_plan, volumes, [exc.volume]) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        extracted[stem] = [states.relative(staging, p) for p in paths]
        staged[stem] = staging
    # Only now, every archive extracted: the new data take the place of the old, which the state still names
    # until it is written next.
    for stem, staging in staged.items():
        _swap_folder(staging, os.path.join(data, stem))
        extracted[stem] = ["{}/{}/{}".format(states.DATA_FOLDER, stem, path) for path in extracted[stem]]
    new_state = states.ZoneState(
        zone_plan.product, zone_plan.zone, zone_plan.variant, zone_plan.edition.name, str(zone_plan.date or ""),
        {f.name: {"md5": (f.md5 or "").lower(), "size": f.size} for f in zone_plan.files}, extracted,
        states.check_time(), dict(held.outputs) if held is not None and not zone_plan.extract_groups else {},
        list(zone_plan.bbox) if zone_plan.bbox else None)
    states.write_state(folder, new_state)
    _remove_replaced(folder, held, new_state, keep_archives)
    zone_plan.held = new_state
    log(Message("{} — {}: {} ready ({}).", zone_title(zone_plan), zone_where(zone_plan), zone_plan.edition.name,
                STATUS_MESSAGES[zone_result.status]))


_NUMBER = re.compile(r"\.7z\.(\d{3})$", re.IGNORECASE)


def _check_volumes(zone_plan):
    """Refuse, before any download, an edition whose listing skips volumes of an archive (`.001`, `.003`): the
    service's own listing is incomplete, no download on the user's side can make it whole."""
    for volumes in zone_plan.extract_groups.values():
        numbers = [int(found.group(1)) for found in (_NUMBER.search(v.name) for v in volumes) if found]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            stem = archive_stem(volumes[0].name)
            missing = ["{}.7z.{:03d}".format(stem, n) for n in range(1, max(numbers) + 1) if n not in numbers]
            raise _incomplete_edition(zone_plan, volumes, missing)


class IncompleteEdition(IgnOfflineError):
    """The service lists fewer volumes than an archive has."""


def _incomplete_edition(zone_plan, volumes, missing):
    return IncompleteEdition("The download service's edition {} is incomplete: it lists {} and not {}. Nothing was "
                           "extracted and the volumes already downloaded are kept: try again later.",
                           zone_plan.edition.name, ", ".join(v.name for v in volumes), ", ".join(missing))


def _swap_folder(staging, target):
    """`staging` renamed to `target`; an older `target` is moved aside first, then removed."""
    old = target + ".old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(target):
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _place_kept_volumes(zone_plan, fetched):
    """Volumes not fetched because an archive kept on disk has their MD5: copied under their new name."""
    kept = kept_volumes(zone_plan.folder, zone_plan.held)
    archives = states.archives_folder(zone_plan.folder)
    for volumes in zone_plan.extract_groups.values():
        for volume in volumes:
            path = os.path.join(archives, volume.name)
            if volume.name not in fetched and not os.path.exists(path):
                shutil.copyfile(kept[(volume.md5 or "").lower()], path + ".part")
                os.replace(path + ".part", path)


def _remove_replaced(folder, held, new_state, keep_archives):
    """After the new state is written: the data of archives no longer used, and the archives unless kept."""
    in_use = {p for paths in new_state.extracted.values() for p in paths}
    if held is not None:
        for stem, paths in held.extracted.items():
            if stem in new_state.extracted and new_state.extracted[stem] == paths:
                continue
            for path in paths:
                if path not in in_use:
                    _remove(states.absolute(folder, path))
            _prune(os.path.join(states.data_folder(folder), stem))
    archives = states.archives_folder(folder)
    present = os.listdir(archives) if os.path.isdir(archives) else []
    if keep_archives:  # the current edition's only
        names = set(held.files) - set(new_state.files) if held is not None else set()
    else:
        names = {n for n in present if archive_stem(n) is not None}
    # The zone is complete: a .part left is of a file no longer wanted (an older edition's), never to resume.
    names |= {n for n in present if n.endswith(".part")}
    for name in names:
        _remove(os.path.join(archives, name))


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def _prune(folder):
    """Remove the empty folders under `folder` (and it, if empty)."""
    if not os.path.isdir(folder):
        return
    for root, _dirs, _files in sorted(os.walk(folder), key=lambda item: -len(item[0])):
        try:
            os.rmdir(root)
        except OSError:
            pass


def record_check(zone_plan):
    """The zone was found up to date: when it was checked is written into its state, the zone's lock held, as
    the state is now (read again) and only if it still holds the edition and files this run listed: another
    run's edition is never put back to this run's, nor the outputs it recorded dropped."""
    held = states.read_state(zone_plan.folder) if zone_plan.folder else None
    if held is None or zone_plan.edition is None or held.edition != zone_plan.edition.name:
        return
    if held.md5s() != {(f.md5 or "").lower() for f in zone_plan.files}:
        return
    held.checked = states.check_time()
    states.write_state(zone_plan.folder, held)
