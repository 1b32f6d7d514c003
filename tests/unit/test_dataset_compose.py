"""Runs of download_dataset that overlap on one library compose (issue 28, "one run per library's dataset area at
a time, or runs that compose"): a département another run holds is waited for, then decided again from what the
library holds now, so nothing is downloaded twice, no run fails for the other's sake, and a plan made before the
other run's work never puts an older state back. Against the strict stand-in, with real 7z archives."""

import datetime
import os
import threading
import time

from core import storage
from core.datasets import state as states
from core.datasets import sync
from core.datasets.service import DownloadService
from tests.support import dataset_catalogue as catalogue
from tests.support import dataset_samples as samples
from tests.unit.test_dataset_derived import one_tile_edition, pixels

GATE_SECONDS = 30
AREA = catalogue.two_departement_area()
TARN_ONLY = samples.lambert_area(572100.0, 6279100.0, 572900.0, 6279900.0, "Tarn only")


def plan(server, library, area=AREA):
    with DownloadService(root=server.root) as client:
        return sync.plan_sync(client, "RGEALTI", "5M", area, library)


def run(server, library, zones=None, area=AREA, **options):
    with DownloadService(root=server.root) as client:
        return sync.sync(client, "RGEALTI", "5M", area, library, zones=zones, slope=False, **options)


def downloaded(server):
    return sorted(path.rsplit("/", 1)[-1] for path, _ in server.downloads())


def area_files(server):
    """Every file of the départements the area meets (D031's two volumes, D081's archive)."""
    return sorted(f.name for e in server.catalogue["RGEALTI"] if e.zone != "D011" for f in e.files)


def wait_for(condition, seconds=GATE_SECONDS):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def test_a_run_planned_with_another_waits_for_its_departements_and_downloads_nothing_twice(stand_in_service, tmp_path):
    """Both runs planned "new" for both départements, in the same order. A holds Haute-Garonne until B waits for
    it, then holds Tarn until B waits for that too: B fetches nothing, fails nothing, and its outputs are whole."""
    library = str(tmp_path / "library")
    plans = [plan(stand_in_service, library) for _ in range(2)]
    assert [[z.status for z in p] for p in plans] == [[sync.NEW, sync.NEW]] * 2
    stand_in_service.log.clear()
    said, results, gated = {"A": [], "B": []}, {}, set()

    def waits(name, where):
        return any(where in line and "another run is using its data" in line for line in said[name])

    def progress_a(done, total):  # each département held until B has said it waits for it
        where = "Tarn (81)" if any("Haute-Garonne (31): " in line and " ready (" in line for line in said["A"]) \
            else "Haute-Garonne (31)"
        if where not in gated:
            gated.add(where)
            if where == "Haute-Garonne (31)":  # B starts once A holds Haute-Garonne
                b.start()
            wait_for(lambda: waits("B", where))

    def go(name, zones, progress=None):
        try:
            results[name] = run(stand_in_service, library, zones, progress=progress, log=said[name].append)
        except Exception as exc:  # noqa: BLE001 (said by the assertion below)
            results[name] = exc

    a = threading.Thread(target=go, args=("A", plans[0], progress_a))
    b = threading.Thread(target=go, args=("B", plans[1]))
    a.start()
    a.join(120)
    b.join(120)
    assert not a.is_alive() and not b.is_alive()
    assert gated == {"Haute-Garonne (31)", "Tarn (81)"}
    for name in ("A", "B"):
        assert isinstance(results[name], sync.SyncResult), (results[name], said[name])
    assert [z.status for z in results["A"].zones] == [sync.NEW, sync.NEW]
    assert [z.status for z in results["B"].zones] == [sync.UP_TO_DATE, sync.UP_TO_DATE]
    assert results["B"].files_downloaded == 0
    assert downloaded(stand_in_service) == area_files(stand_in_service)  # each file once
    for where in ("Haute-Garonne (31)", "Tarn (81)"):  # each said once: the wait, then what B found
        assert len([line for line in said["B"] if where in line and "another run is using" in line]) == 1
        assert ["RGE ALTI 5 m — {}: another run has fetched {} meanwhile: nothing to download.".format(
            where, catalogue.rgealti_name("D031" if "31" in where else "D081"))] == [
            line for line in said["B"] if where + ": another run has fetched" in line]
    assert pixels(results["B"].outputs["hillshade"]) == pixels(results["A"].outputs["hillshade"])
    assert pixels(results["A"].outputs["hillshade"]) == pixels(run(
        stand_in_service, str(tmp_path / "alone")).outputs["hillshade"])


def test_a_run_waiting_for_a_departement_is_cancelled_and_says_it_once(stand_in_service, tmp_path):
    library = str(tmp_path / "library")
    zones = plan(stand_in_service, library)
    folder = states.zone_folder(library, "RGEALTI", "D031")
    os.makedirs(folder)
    held, release = threading.Event(), threading.Event()

    def other_run():  # another run holding Haute-Garonne (a thread: the lock is not reentrant across threads)
        with storage.output_lock(folder, "a download of RGEALTI D031"):
            held.set()
            release.wait(GATE_SECONDS)

    holder = threading.Thread(target=other_run)
    holder.start()
    try:
        assert held.wait(GATE_SECONDS)
        stand_in_service.log.clear()
        lines = []
        result = run(stand_in_service, library, zones, log=lines.append,
                     is_cancelled=lambda: any("another run is using its data" in line for line in lines))
    finally:
        release.set()
        holder.join()
    assert result.cancelled and [z.status for z in result.zones] == [sync.CANCELLED]
    assert stand_in_service.downloads() == []
    assert lines == ["RGE ALTI 5 m — Haute-Garonne (31): another run is using its data; waiting for that run to "
                     "finish.", "RGE ALTI 5 m — Haute-Garonne (31): cancelled; run again to resume where it stopped."]
    assert sorted(os.listdir(folder)) == []  # nothing written there (the lock files are the holder's, gone)


def test_an_up_to_date_plan_older_than_another_runs_update_never_puts_the_old_edition_back(stand_in_service, tmp_path):
    """A's plan says Tarn is up to date; meanwhile B (another area) fetches Tarn's new edition. A's run must not
    write its copy of the old state over B's (the new data would be named by the old edition, then missing), nor
    fetch the old edition again: Tarn keeps the newer edition, whole, and A's outputs are made from it."""
    library = str(tmp_path / "library")
    run(stand_in_service, library)
    zones = plan(stand_in_service, library)
    assert [z.status for z in zones] == [sync.UP_TO_DATE, sync.UP_TO_DATE]

    work = str(tmp_path / "newer")
    os.makedirs(work)
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    newer = one_tile_edition(work, "D081", today)
    stand_in_service.publish("RGEALTI", newer)
    other = run(stand_in_service, library, area=TARN_ONLY)
    assert [(z.plan.zone, z.status) for z in other.zones] == [("D081", sync.UPDATED)]

    stand_in_service.log.clear()
    lines = []
    result = run(stand_in_service, library, zones, log=lines.append)
    assert stand_in_service.downloads() == []
    folder = states.zone_folder(library, "RGEALTI", "D081")
    now = states.read_state(folder)
    assert now.edition == newer.name and now.is_complete(folder)
    assert [z.status for z in result.zones] == [sync.UP_TO_DATE, sync.UP_TO_DATE]
    assert ("RGE ALTI 5 m — Tarn (81): another run has fetched {}, newer than {} listed when this run was planned: "
            "it is kept.".format(newer.name, catalogue.rgealti_name("D081"))) in lines
    fresh = run(stand_in_service, str(tmp_path / "fresh"))  # a library that only ever saw the new edition
    assert pixels(result.outputs["hillshade"]) == pixels(fresh.outputs["hillshade"])


def test_a_check_touches_only_when_it_was_checked_never_what_another_run_recorded(stand_in_service, tmp_path):
    """A's plan holds a copy of Tarn's state; B then records its outputs for another area in it. A's run finds
    Tarn up to date and writes when it was checked into the state as it is now: B's record stays."""
    library = str(tmp_path / "library")
    first = run(stand_in_service, library)
    zones = plan(stand_in_service, library)
    other = run(stand_in_service, library, area=TARN_ONLY)
    folder = states.zone_folder(library, "RGEALTI", "D081")
    recorded = states.read_state(folder)
    assert set(recorded.outputs) == {os.path.basename(first.folder), os.path.basename(other.folder)}
    recorded.checked = "2001-01-01T00:00:00Z"  # checked long ago, so that A's check shows
    states.write_state(folder, recorded)

    run(stand_in_service, library, zones)
    now = states.read_state(folder)
    assert now.checked != "2001-01-01T00:00:00Z"
    now.checked = recorded.checked
    assert now == recorded  # nothing else changed
