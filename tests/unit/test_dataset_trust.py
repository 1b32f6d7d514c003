"""Datasets a user can trust (issue 28), against the strict stand-in download service with real 7z archives:
what a hostile service names never leads out of the library, a date in the future never pins a zone, a file whose
MD5 fails on two runs is no longer fetched, and archives already checked are not fetched again after a kill."""

import datetime
import json
import os

import pytest

from core.datasets import state as states
from core.datasets import sync
from core.datasets.service import ServiceError
from core.errors import IgnOfflineError
from tests.support import dataset_catalogue as catalogue
from tests.support.download_service import StandInEdition, StandInFile
from tests.support.files import tree_digest

TODAY = datetime.datetime.now(datetime.timezone.utc).date()


def run(client, library, lines=None, today=None):
    """plan_sync then sync, as the algorithms do (each zone's line said as they say it)."""
    area = catalogue.two_departement_area()
    log = (lines if lines is not None else []).append
    zones = sync.plan_sync(client, "RGEALTI", "5M", area, library, log=log, today=today)
    for zone_plan in zones:
        log(sync.describe(zone_plan))
    return zones, sync.sync(client, "RGEALTI", "5M", area, library, zones=zones, log=log, slope=False)


def downloaded(server):
    return [path.rsplit("/", 1)[-1] for path, _ in server.downloads()]


def d081(server):
    return next(e for e in server.catalogue["RGEALTI"] if e.zone == "D081")


def republished(edition, zone=None, md5=None, date=None):
    """`edition` as the service would list it with another zone term, MD5 or date (same files)."""
    return StandInEdition(edition.name, zone if zone is not None else edition.zone, edition.zone_label,
                          edition.format, date or edition.date, edition.bbox,
                          [StandInFile(f.name, path=f.path, md5=md5) for f in edition.files])


# -- every path part from the service is checked ----------------------------------------------------------------

def hostile_zones(tmp_path):
    """Zone terms that are paths, each with the user's folder it would reach from `<tmp>/library`."""
    return {"../../x": None, "../../..": str(tmp_path), str(tmp_path / "target"): str(tmp_path / "target"),
            "C:\\x": None, "..\\x": None, "..\\..\\..": None, "D031/..": None, "d031": None, "CON": None}


@pytest.mark.parametrize("which", range(9))
def test_a_zone_that_is_a_path_writes_nothing_outside_the_library_and_is_one_message(stand_in, tmp_path, which):
    server, client = stand_in
    zone, reaches = list(hostile_zones(tmp_path).items())[which]
    library = str(tmp_path / "library")
    tarn = d081(server)
    # the user's own folders where the old code put state.json, archives/ and replaced data/<stem>/
    for folder in {reaches or str(tmp_path / "target"), str(tmp_path)}:
        mine = os.path.join(folder, "data", tarn.name)
        os.makedirs(mine, exist_ok=True)
        with open(os.path.join(mine, "field-notes.txt"), "w") as stream:
            stream.write("the user's own work\n")
    before = tree_digest(str(tmp_path))
    server.publish("RGEALTI", republished(tarn, zone=zone))
    lines = []
    with pytest.raises(ServiceError) as error:
        run(client, library, lines)
    said = str(error.value)
    assert said == ("The download service at {} lists a zone '{}' for resource/RGEALTI, which is not a zone code "
                    "(D031, D02A, R76, FRA…): its listing is refused and nothing is written. Check the service "
                    "address; report it to IGN if it lasts.".format(server.origin.split("//")[1], zone)), said
    assert tree_digest(str(tmp_path)) == before  # nothing written anywhere, the library included
    assert server.downloads() == [] and not os.path.exists(library)


@pytest.mark.parametrize("zone", ["", ".", "..", "../x", "/abs", "C:\\x", "C:x", "..\\x", "D031\0", "D031/../..",
                                  "nul", "NUL", "d031", " D031", None, 31])
def test_the_zone_folder_refuses_what_is_not_a_zone_code(tmp_path, zone):
    """The last guard before the disk, whatever reaches it (a caller that forgot, a plan, a state)."""
    with pytest.raises(IgnOfflineError, match="is not a zone code of the download service"):
        states.zone_folder(str(tmp_path), "RGEALTI", zone)
    with pytest.raises(IgnOfflineError, match="is not a product"):
        states.product_folder(str(tmp_path), "../RGEALTI")


@pytest.mark.parametrize("zone", ["D031", "D02A", "D02B", "D971", "D976", "R76", "R11", "FRA", "FXX"])
def test_the_zone_folder_takes_the_services_codes(tmp_path, zone):
    assert states.zone_folder(str(tmp_path), "RGEALTI", zone) == os.path.join(str(tmp_path), "datasets", "RGEALTI",
                                                                              zone)


@pytest.mark.parametrize("name", ["../evil.7z", "..\\evil.7z", "C:evil.7z", "/tmp/evil.7z", "a/b.7z"])
def test_a_file_name_that_is_a_path_refuses_the_listing_before_anything_is_written(stand_in, tmp_path, name):
    server, client = stand_in
    tarn = d081(server)
    server.publish("RGEALTI", StandInEdition(tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                             tarn.bbox, [StandInFile(name, path=tarn.files[0].path)]))
    before = tree_digest(str(tmp_path))
    with pytest.raises(ServiceError, match="lists a file named .* which is not a plain file name: its listing is "
                                           "refused and nothing is written"):
        run(client, str(tmp_path / "library"))
    assert tree_digest(str(tmp_path)) == before and server.downloads() == []


def test_an_edition_name_that_is_a_path_refuses_the_listing(stand_in, tmp_path):
    server, client = stand_in
    tarn = d081(server)
    server.publish("RGEALTI", StandInEdition("../" + tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                             tarn.bbox, tarn.files))
    with pytest.raises(ServiceError, match="lists an edition named '../RGEALTI_.*not a plain name"):
        run(client, str(tmp_path / "library"))
    assert not os.path.exists(str(tmp_path / "library"))


@pytest.mark.parametrize("field, value", [("extracted", {"X": ["../../../outside.txt"]}),
                                          ("extracted", {"X": ["data/C:/x"]}), ("extracted", {"../X": ["data/a"]}),
                                          ("files", {"..\\X.7z": {"md5": "a" * 32, "size": 1}})])
def test_a_state_naming_a_path_out_of_its_zone_is_damaged_and_nothing_is_removed_there(tmp_path, field, value):
    """A sync removes the files its state names (an older edition's): a state leading out is not believed."""
    folder = tmp_path / "library" / "datasets" / "RGEALTI" / "D031"
    folder.mkdir(parents=True)
    document = {"product": "RGEALTI", "zone": "D031", "variant": "5M", "edition": "X", field: value}
    (folder / "state.json").write_text(json.dumps(document))
    notes = []
    assert states.read_state(str(folder), notes.append) is None and "is damaged" in notes[0]


# -- editions: a date in the future never pins a zone -----------------------------------------------------------

def test_an_edition_dated_2099_is_ignored_then_the_real_2026_one_is_fetched(stand_in, published, tmp_path):
    """The service lists an edition dated 2099 (a typo, or a hostile service): no edition can be dated in the
    future, so it is ignored with one note (fetching it would replace real data with what cannot be right, and
    make it the 'newest' that hides every real edition to come). Then the 2099 one is withdrawn and 2026-06-01
    published: the 2026 one is fetched, alone."""
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    folder = states.zone_folder(library, "RGEALTI", "D081")
    held = states.read_state(folder)
    future = catalogue.rgealti_edition(str(tmp_path), "D081", date="2099-01-01", changed=True)
    server.publish("RGEALTI", future)
    server.log.clear()
    lines = []
    zones, result = run(client, library, lines)
    assert [(z.zone, z.status) for z in zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UP_TO_DATE)]
    assert server.downloads() == [] and states.read_state(folder).edition == held.edition
    notes = [line for line in lines if "2099" in line]
    assert notes == ["RGE ALTI 5 m — Tarn (81): the service lists {} dated more than a day ahead of today "
                     "(2099-01-01): ignored, as no edition can be dated in the future; the newest edition dated up "
                     "to tomorrow is used.".format(future.name)], lines
    assert not [path for path, _ in server.log if "updatedFrom" in path] and server.refused == []

    server.withdraw("RGEALTI", future.name)
    real = catalogue.rgealti_edition(str(tmp_path), "D081", date="2026-06-01", changed=True)
    server.publish("RGEALTI", real)
    server.log.clear()
    zones, result = run(client, library)
    assert [(z.zone, z.status) for z in zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UPDATED)]
    assert downloaded(server) == [real.files[0].name]
    now = states.read_state(folder)
    assert (now.edition, now.date) == (real.name, "2026-06-01") and now.is_complete(folder)


def test_a_held_edition_dated_in_the_future_is_not_trusted(stand_in, tmp_path):
    """A library that took a 2099 edition (its clock was wrong then, or an older version took it) is not pinned:
    once the clock is right, the newest edition dated up to tomorrow is fetched in its place, although older."""
    server, client = stand_in
    library = str(tmp_path / "library")
    future = catalogue.rgealti_edition(str(tmp_path), "D081", date="2099-01-01", changed=True)
    server.publish("RGEALTI", future)
    run(client, library, today=datetime.date(2099, 1, 1))  # the clock said 2099: the edition was believed
    folder = states.zone_folder(library, "RGEALTI", "D081")
    assert states.read_state(folder).edition == future.name
    real = catalogue.rgealti_edition(str(tmp_path), "D081", date="2026-06-01")
    server.publish("RGEALTI", real)
    server.log.clear()
    zones, result = run(client, library)  # the 2099 one still listed, and ignored
    assert [(z.zone, z.status) for z in zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UPDATED)]
    assert downloaded(server) == [real.files[0].name] and states.read_state(folder).edition == real.name


def test_an_edition_dated_tomorrow_is_taken_one_day_of_clock_skew(stand_in, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    newer = catalogue.rgealti_edition(str(tmp_path), "D081", date=tomorrow, changed=True)
    server.publish("RGEALTI", newer)
    lines = []
    zones, result = run(client, library, lines)
    assert zones[1].status == sync.UPDATED and not [line for line in lines if "ahead of today" in line]
    assert states.read_state(states.zone_folder(library, "RGEALTI", "D081")).edition == newer.name


# -- a file whose MD5 fails on two runs -----------------------------------------------------------------------------

def test_a_file_whose_md5_fails_on_two_runs_is_no_longer_fetched_and_the_held_data_are_kept(stand_in, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    folder = states.zone_folder(library, "RGEALTI", "D081")
    held, data = states.read_state(folder), tree_digest(os.path.join(folder, "data"))
    newer = catalogue.rgealti_edition(str(tmp_path), "D081", date=TODAY.isoformat(), changed=True)
    server.publish("RGEALTI", republished(newer, md5="0" * 32))  # the listing's MD5 is wrong
    name = newer.files[0].name

    said = []
    for attempt in (1, 2, 3):
        server.log.clear()
        lines = []
        zones, result = run(client, library, lines)
        tarn = next(z for z in result.zones if z.plan.zone == "D081")
        assert tarn.status == sync.FAILED and downloaded(server) == ([name] if attempt < 3 else [])
        assert states.read_state(folder) == held and tree_digest(os.path.join(folder, "data")) == data
        assert not os.path.exists(os.path.join(folder, "archives", name))
        said.append([line for line in lines if "Tarn" in line and "MD5" in line])
        assert "hillshade" in result.outputs  # the other département, as before
    assert [len(lines) for lines in said] == [1, 1, 1]  # once a run, on its zone's line
    assert "run again to download it anew" in said[0][0]
    stop = ("RGE ALTI 5 m — Tarn (81): {} arrived on two runs with another MD5 than the one the download service "
            "lists ({}): it is no longer downloaded, and what the library holds here is kept as it is. It is tried "
            "again when the service lists another MD5 for it, or once '{}' is deleted.".format(
                name, "0" * 32, os.path.join(folder, states.FAILURES_FILE)))
    assert said[1] == said[2] == [stop]

    # the service corrects its listing: fetched, and the count forgotten
    server.publish("RGEALTI", newer)
    server.log.clear()
    zones, result = run(client, library)
    assert zones[1].status == sync.UPDATED and downloaded(server) == [name]
    assert states.read_state(folder).edition == newer.name
    assert not os.path.exists(os.path.join(folder, states.FAILURES_FILE))


def test_one_md5_failure_then_a_good_transfer_forgets_it(stand_in, tmp_path):
    """Damage in transit once is not the listing's fault: the next good transfer clears the count."""
    server, client = stand_in
    library = str(tmp_path / "library")
    tarn = d081(server)
    server.publish("RGEALTI", republished(tarn, md5="0" * 32))
    run(client, library)
    folder = states.zone_folder(library, "RGEALTI", "D081")
    assert states.read_failures(folder)[tarn.files[0].name]["failures"] == 1
    server.publish("RGEALTI", tarn)
    zones, result = run(client, library)
    assert [z.status for z in result.zones] == [sync.UP_TO_DATE, sync.NEW]
    assert not os.path.exists(os.path.join(folder, states.FAILURES_FILE))


# -- after a kill: archives already checked are not fetched again ------------------------------------------------------

class Killed(BaseException):
    """What a kill looks like to the code it stops: nothing after it runs (no except IgnOfflineError)."""


def test_archives_checked_before_a_kill_are_not_downloaded_again(stand_in, tmp_path, monkeypatch):
    server, client = stand_in
    library = str(tmp_path / "library")
    import core.archives.sevenzip_extract as extract

    def killed(*args, **kwargs):
        raise Killed()
    real = extract.extract_archive
    monkeypatch.setattr(extract, "extract_archive", killed)
    with pytest.raises(Killed):
        run(client, library)
    first = downloaded(server)
    assert first  # the first zone's archives came whole, under their final names, then the run died
    folder = states.zone_folder(library, "RGEALTI", "D031")
    assert sorted(os.listdir(os.path.join(folder, "archives"))) == sorted(first)
    assert states.read_state(folder) is None

    monkeypatch.setattr(extract, "extract_archive", real)
    server.log.clear()
    zones = sync.plan_sync(client, "RGEALTI", "5M", catalogue.two_departement_area(), library)
    assert (zones[0].status, zones[0].fetch_bytes) == (sync.NEW, 0)  # nothing to download for D031
    assert zones[1].fetch_bytes > 0
    result = sync.sync(client, "RGEALTI", "5M", catalogue.two_departement_area(), library, zones=zones,
                       slope=False)
    assert [z.status for z in result.zones] == [sync.NEW, sync.NEW] and "hillshade" in result.outputs
    assert downloaded(server) == [f.name for f in d081(server).files]  # D031's volumes never asked again
    assert result.zones[0].files_downloaded == 0
    assert states.read_state(folder).is_complete(folder)


def test_an_archive_in_place_that_is_not_the_listed_one_is_downloaded_again(stand_in, tmp_path):
    """In place at the listed size but other bytes (a disk error, a hand): its MD5 is checked, it is fetched."""
    server, client = stand_in
    library = str(tmp_path / "library")
    tarn = d081(server)
    archives = os.path.join(states.zone_folder(library, "RGEALTI", "D081"), "archives")
    os.makedirs(archives)
    with open(os.path.join(archives, tarn.files[0].name), "wb") as stream:
        stream.write(b"\0" * tarn.files[0].size)
    zones, result = run(client, library)
    assert [z.status for z in result.zones] == [sync.NEW, sync.NEW]
    assert tarn.files[0].name in downloaded(server)
    assert result.zones[1].files_downloaded == 1


def test_a_plan_entrys_service_naming_a_zone_that_is_a_path_fails_its_entry_and_writes_nothing(stand_in, tmp_path):
    """The same through a plan: the entry's `service` answers a zone `../../..`; the entry fails with the one
    message, the run goes on, and the user's folder beside the library is untouched."""
    from core.library import jobs, plans

    server, client = stand_in
    tarn = d081(server)
    server.publish("RGEALTI", republished(tarn, zone="../../.."))
    mine = tmp_path / "data" / tarn.name
    mine.mkdir(parents=True)
    (mine / "field-notes.txt").write_text("the user's own work\n")
    before = tree_digest(str(tmp_path))
    plan = plans.parse_plan(json.dumps({"source": "https://data.geopf.fr/wmts", "entries": [
        {"dataset": "RGEALTI", "variant": "5M", "service": server.root, "area": {
            "type": "Polygon", "coordinates": [[list(p) for p in catalogue.lonlat_ring(
                570300.0, 6278300.0, 572700.0, 6279700.0)]]}}]}))
    library, services, lines = str(tmp_path / "library"), {}, []
    try:
        runs = jobs.plan_datasets(plan, library, log=lines.append, services=services)
        jobs.run_datasets(runs, library, log=lines.append, services=services)
    finally:
        jobs.close_services(services)
    run, = runs
    assert "lists a zone '../../..'" in str(run.error) and run.result is None
    assert tree_digest(str(tmp_path)) == before and server.downloads() == []
