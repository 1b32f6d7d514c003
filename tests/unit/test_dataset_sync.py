"""Datasets kept fresh: state.json, the sync plan (what is new, updated, up to date) and the sync itself."""

import datetime
import hashlib
import json
import os
import threading

import pytest
from osgeo import gdal, ogr

from core.datasets import names, sync
from core.datasets import state as states
from core.datasets.service import DownloadService, Edition, RemoteFile
from core.datasets.vectors import clip_geopackage, layer_names, useful_layers
from core.errors import IgnOfflineError
from core.tiles.areas import PRESETS
from tests.support import dataset_catalogue as catalogue
from tests.support import dataset_samples as samples
from tests.support.download_service import StandInDownloadService, StandInFile
from tests.support.files import tree_digest


def sample_state(folder):
    data = os.path.join(folder, "data", "X_D031_2020-10-14")
    os.makedirs(data)
    with open(os.path.join(data, "a.asc"), "w") as stream:
        stream.write("ncols 1\n")
    return states.ZoneState("RGEALTI", "D031", "5M", "X_D031_2020-10-14", "2020-10-14",
                            {"X_D031_2020-10-14.7z": {"md5": "ab" * 16, "size": 123}},
                            {"X_D031_2020-10-14": ["data/X_D031_2020-10-14/a.asc"]}, "2026-11-20T10:00:00Z",
                            {"toulouse": {"hillshade": "../toulouse/hillshade.tif"}}, [1.0, 43.0, 2.0, 44.0])


def test_a_state_is_written_whole_and_read_back(tmp_path):
    folder = str(tmp_path / "datasets" / "RGEALTI" / "D031")
    written = sample_state(folder)
    states.write_state(folder, written)
    assert set(os.listdir(folder)) == {"data", "state.json"}
    read = states.read_state(folder)
    assert read == written
    assert read.md5s() == {"ab" * 16}
    assert read.is_complete(folder)
    assert read.extracted_paths(folder) == [os.path.join(folder, "data", "X_D031_2020-10-14", "a.asc")]


def test_a_state_whose_files_are_gone_is_not_complete(tmp_path):
    folder = str(tmp_path)
    written = sample_state(folder)
    states.write_state(folder, written)
    os.remove(os.path.join(folder, "data", "X_D031_2020-10-14", "a.asc"))
    notes = []
    assert sync.held_state(folder, notes.append) is None
    assert "missing" in notes[0]


def test_a_damaged_state_is_treated_as_absent_with_a_note(tmp_path):
    folder = str(tmp_path)
    damaged = [b"{not json", b"[1, 2]", b'{"product": "RGEALTI"}', b'{"product": "X", "zone": "D031", "files": [1]}',
               b'{"product": "X", "zone": "D031", "extracted": {"a": "not a list"}}', b"\xff\xfe\x00"]
    for content in damaged:
        with open(os.path.join(folder, "state.json"), "wb") as stream:
            stream.write(content)
        notes = []
        assert states.read_state(folder, notes.append) is None, content
        assert len(notes) == 1 and "is damaged" in notes[0] and "downloaded again" in notes[0]
    assert states.read_state(str(tmp_path / "nothing")) is None


def test_the_check_time_is_utc_in_the_services_format():
    assert states.check_time(0) == "1970-01-01T00:00:00Z"
    assert states.check_time(1790000000) == "2026-09-21T14:13:20Z"


def test_the_library_layout_follows_the_contract(tmp_path):
    library = str(tmp_path)
    folder = states.zone_folder(library, "BDTOPO", "D031")
    assert folder == os.path.join(library, "datasets", "BDTOPO", "D031")
    assert states.archives_folder(folder) == os.path.join(folder, "archives")
    assert states.data_folder(folder) == os.path.join(folder, "data")
    assert states.relative(folder, os.path.join(library, "datasets", "BDTOPO", "toulouse", "x.gpkg")) == \
        "../toulouse/x.gpkg"


def test_archive_volumes_are_grouped_and_other_files_left_out():
    assert names.archive_stem("BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15.7z") == \
        "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15"
    assert names.archive_stem("X.7z.002") == "X"
    assert names.archive_stem("X.md5") is None and names.archive_stem("readme.pdf") is None


def test_a_state_file_is_plain_json_a_person_can_read(tmp_path):
    folder = str(tmp_path)
    states.write_state(folder, sample_state(folder))
    with open(os.path.join(folder, "state.json"), encoding="utf-8") as stream:
        document = json.load(stream)
    assert document["edition"] == "X_D031_2020-10-14" and document["checked"] == "2026-11-20T10:00:00Z"
    assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]


# -- what a sync fetches: decided from the edition's files and what the zone holds --------------------------------

def remote(name, md5, size=1000):
    return RemoteFile(name, "http://127.0.0.1:9/telechargement/download/RGEALTI/E/" + name, size, md5)


def held_zone(folder, files, keep=()):
    """A zone holding `files` {name: md5}, extracted (and the archives `keep` kept on disk)."""
    os.makedirs(os.path.join(folder, "archives"))
    extracted = {}
    for name in files:
        stem = names.archive_stem(name)
        path = os.path.join(folder, "data", stem, "tile.asc")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as stream:
            stream.write("ncols 1\n")
        extracted[stem] = ["data/{}/tile.asc".format(stem)]
    for name in keep:
        with open(os.path.join(folder, "archives", name), "wb") as stream:
            stream.write(b"x" * 1000)
    held = states.ZoneState("RGEALTI", "D031", "5M", "OLD", "2020-01-01",
                            {name: {"md5": md5, "size": 1000} for name, md5 in files.items()}, extracted,
                            "2026-01-01T00:00:00Z")
    states.write_state(folder, held)
    return sync.held_state(folder)


def zone_plan(folder, held, edition_name="NEW"):
    return sync.ZonePlan("RGEALTI", "5M", "D031", "D031 Haute-Garonne", folder,
                         Edition("RGEALTI", edition_name, "D031", "D031 Haute-Garonne", "ASC",
                                 datetime.date(2026, 6, 1),
                                 (1.0, 43.0, 2.0, 44.0), "http://127.0.0.1:9/x"), held=held)


def test_a_zone_never_fetched_is_new_and_every_volume_is_fetched(tmp_path):
    files = [remote("N.7z.001", "a" * 32), remote("N.7z.002", "b" * 32), remote("N.md5", "c" * 32)]
    planned = sync.decide(zone_plan(str(tmp_path), None), files)
    assert planned.status == sync.NEW
    assert [f.name for f in planned.fetch] == ["N.7z.001", "N.7z.002"] and planned.fetch_bytes == 2000
    assert list(planned.extract_groups) == ["N"] and planned.file_count == 2


def test_a_newer_edition_fetches_only_the_archive_that_changed(tmp_path):
    folder = str(tmp_path)
    held = held_zone(folder, {"OLD_A.7z": "a" * 32, "OLD_B.7z": "b" * 32})
    files = [remote("NEW_A.7z", "a" * 32), remote("NEW_B.7z", "f" * 32)]
    planned = sync.decide(zone_plan(folder, held), files)
    assert planned.status == sync.UPDATED
    assert [f.name for f in planned.fetch] == ["NEW_B.7z"]
    assert planned.reuse == {"NEW_A": "OLD_A"} and list(planned.extract_groups) == ["NEW_B"]
    assert sync.space_needed([planned]) == int(1000 + 1000 * sync.EXPANSION["RGEALTI"])


def test_the_same_edition_with_the_same_md5s_is_up_to_date(tmp_path):
    folder = str(tmp_path)
    held = held_zone(folder, {"E.7z": "a" * 32})
    planned = sync.decide(zone_plan(folder, held, "OLD"), [remote("E.7z", "A" * 32)])  # MD5s compared in any case
    assert planned.status == sync.UP_TO_DATE and planned.fetch == [] and planned.extract_groups == {}


def test_a_changed_volume_refetches_only_it_when_the_others_are_kept(tmp_path):
    folder = str(tmp_path)
    held = held_zone(folder, {"OLD.7z.001": "a" * 32, "OLD.7z.002": "b" * 32}, keep=["OLD.7z.001", "OLD.7z.002"])
    files = [remote("NEW.7z.001", "a" * 32), remote("NEW.7z.002", "e" * 32)]
    planned = sync.decide(zone_plan(folder, held), files)
    assert [f.name for f in planned.fetch] == ["NEW.7z.002"] and list(planned.extract_groups) == ["NEW"]
    # without the archives kept, the whole archive is needed to extract it again
    os.remove(os.path.join(folder, "archives", "OLD.7z.001"))
    planned = sync.decide(zone_plan(folder, held), files)
    assert [f.name for f in planned.fetch] == ["NEW.7z.001", "NEW.7z.002"]


def test_a_very_large_download_needs_a_confirmation_and_one_larger_than_the_disk_is_refused(tmp_path):
    big = sync.decide(zone_plan(str(tmp_path), None), [remote("O.7z.{:03d}".format(i), "{:032x}".format(i),
                                                            4 * 10 ** 9) for i in range(1, 5)])
    assert big.fetch_bytes == 16 * 10 ** 9
    problem = sync.large_download([big], 10 ** 15, "/data")
    assert problem is not None and problem.startswith("This download is 16.0 GB (over 10.0 GB)")
    small = sync.decide(zone_plan(str(tmp_path), None), [remote("S.7z", "a" * 32, 10 ** 9)])
    assert sync.large_download([small], 10 ** 12, "/data") is None
    # more than the disk holds (download and extraction): refused, confirmed or not
    assert sync.space_needed([small]) == 10 ** 9 * 7
    huge = sync.decide(zone_plan(str(tmp_path), None), [remote("H.7z", "a" * 32, 10 ** 15)])
    with pytest.raises(IgnOfflineError, match=r"The datasets need about 7.0 PB \(download and extraction\) and "
                                              r"the disk holding '.*' has .* free: free some space"):
        sync.check_space([huge], str(tmp_path))


# -- against the stand-in download service, with real 7z archives ---------------------------------------------------

TODAY = datetime.datetime.now(datetime.timezone.utc).date().isoformat()  # a run's updatedFrom: from today on (UTC)


def downloaded_names(server):
    return [path.rsplit("/", 1)[-1] for path, _ in server.downloads()]


def md5_of(path):
    with open(path, "rb") as stream:
        return hashlib.md5(stream.read()).hexdigest()


def run(client, library, lines=None, **options):
    """plan_sync then sync, as the algorithms do; what both say goes into `lines`."""
    area = catalogue.two_departement_area()
    log = (lines if lines is not None else []).append
    zones = sync.plan_sync(client, "RGEALTI", "5M", area, library, log=log)
    options.setdefault("slope", False)
    return zones, sync.sync(client, "RGEALTI", "5M", area, library, zones=zones, log=log, **options)


def test_two_departements_listed_fetched_verified_then_up_to_date_without_a_download(stand_in, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    area = catalogue.two_departement_area()
    listed = sync.plan_sync(client, "RGEALTI", "5M", area, library)
    published = {e.zone: e for e in server.catalogue["RGEALTI"]}
    assert [(z.zone, z.zone_label, z.status) for z in listed] == [("D031", "D031 Haute-Garonne", sync.NEW),
                                                                  ("D081", "D081 Tarn", sync.NEW)]
    for zone_plan in listed:
        assert zone_plan.bytes == zone_plan.fetch_bytes == sum(f.size for f in published[zone_plan.zone].files)
        assert zone_plan.edition_name == catalogue.rgealti_name(zone_plan.zone)
    assert len(listed[0].files) > 1  # D031 comes in volumes
    assert server.downloads() == [] and not os.path.exists(library)  # listing fetches nothing, writes nothing

    lines = []
    result = sync.sync(client, "RGEALTI", "5M", area, library, zones=listed, slope=False, log=lines.append)
    fetched = sorted(downloaded_names(server))
    assert fetched == sorted(f.name for z in ("D031", "D081") for f in published[z].files)  # D011 never
    assert [z.status for z in result.zones] == [sync.NEW, sync.NEW] and result.files_downloaded == len(fetched)
    for zone in ("D031", "D081"):
        folder = states.zone_folder(library, "RGEALTI", zone)
        held = states.read_state(folder)
        assert held.files == {f.name: {"md5": f.announced_md5, "size": f.size} for f in published[zone].files}
        assert held.is_complete(folder) and held.checked.startswith(TODAY)
        assert os.listdir(os.path.join(folder, "archives")) == []  # removed after extraction (KEEP_ARCHIVES off)
        assert all(p.endswith(".asc") for p in held.extracted_paths(folder))
    hillshade = result.outputs["hillshade"]
    assert hillshade.startswith(os.path.join(library, "datasets", "RGEALTI", "Two_departements"))
    assert gdal.Info(hillshade, format="json")["metadata"]["IMAGE_STRUCTURE"]["LAYOUT"] == "COG"
    assert "slope" not in result.outputs

    # the next run: nothing published since, files all there: up to date, and no download request at all
    server.log.clear()
    lines = []
    again = sync.plan_sync(client, "RGEALTI", "5M", area, library)
    assert [(z.status, z.fetch_bytes, z.bytes) for z in again] == [(sync.UP_TO_DATE, 0, z.bytes) for z in listed]
    asked = [path for path, _ in server.log if "/resource/RGEALTI?" in path and "zone=" in path]
    # every edition of each zone listed (the documented API has no updatedFrom on /resource): see the tests below
    assert len(asked) == 2 and not [path for path, _ in server.log if "updatedFrom" in path or "Date" in path]
    assert server.refused == []
    before = tree_digest(os.path.join(library, "datasets", "RGEALTI", "D031", "data"))
    result = sync.sync(client, "RGEALTI", "5M", area, library, slope=False, log=lines.append)
    assert server.downloads() == [] and result.files_downloaded == 0 and result.up_to_date == 2
    assert sum("up to date" in line for line in lines) == 2 and result.outputs["hillshade"] == hillshade
    assert tree_digest(os.path.join(library, "datasets", "RGEALTI", "D031", "data")) == before


def test_a_newer_edition_of_one_file_fetches_only_it(stand_in, published, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    old = states.read_state(states.zone_folder(library, "RGEALTI", "D081"))
    newer = catalogue.rgealti_edition(str(tmp_path), "D081", date=TODAY, changed=True)
    server.publish("RGEALTI", newer)
    stale = os.path.join(states.zone_folder(library, "RGEALTI", "D081"), "archives", old.edition + ".7z.part")
    with open(stale, "wb") as stream:  # what a cancelled fetch of the older edition left
        stream.write(b"7z")
    server.log.clear()
    zones, result = run(client, library)
    assert not os.path.exists(stale)
    assert [(z.zone, z.status) for z in zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UPDATED)]
    assert downloaded_names(server) == [newer.files[0].name]
    folder = states.zone_folder(library, "RGEALTI", "D081")
    held = states.read_state(folder)
    assert held.edition == newer.name and held.md5s() == {newer.files[0].announced_md5}
    assert held.is_complete(folder) and sorted(os.listdir(os.path.join(folder, "data"))) == [newer.name]
    assert set(old.extracted) != set(held.extracted)  # the older edition's data are gone, the new ones in place


def test_two_areas_with_the_same_title_never_share_their_outputs(stand_in, tmp_path):
    """Every EXTENT is titled "Extent": the outputs are tied to the area's geometry, not to its title."""
    server, client = stand_in
    library = str(tmp_path / "library")
    first = sync.sync(client, "RGEALTI", "5M", catalogue.two_departement_area("Extent"), library, slope=False)
    other = samples.lambert_area(571000.0, 6278500.0, 572000.0, 6279000.0, "Extent")  # smaller, same title
    second = sync.sync(client, "RGEALTI", "5M", other, library, slope=False)
    assert second.outputs["hillshade"] != first.outputs["hillshade"]
    size = [gdal.Info(r.outputs["hillshade"], format="json")["size"] for r in (first, second)]
    assert size[1][0] < size[0][0] and size[1][1] < size[0][1]  # made for the smaller area, not reused
    again = sync.sync(client, "RGEALTI", "5M", catalogue.two_departement_area("Extent"), library, slope=False)
    assert again.outputs["hillshade"] == first.outputs["hillshade"]  # the same geometry: reused
    assert names.area_slug(PRESETS["toulouse"]) == "Toulouse"  # a named preset keeps its plain folder


@pytest.mark.parametrize("kept, missing", [([0, 1, 2], 3), ([0, 2, 3], 1)],
                         ids=["last volume unlisted", "a volume in the middle unlisted"])
def test_a_volume_the_service_does_not_list_is_said_as_an_incomplete_edition(stand_in, tmp_path, kept, missing):
    server, client = stand_in
    d031 = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D031")
    assert len(d031.files) == 4
    listed = [d031.files[i] for i in kept]
    server.publish("RGEALTI", catalogue.StandInEdition(d031.name, d031.zone, d031.zone_label, d031.format,
                                                       d031.date, d031.bbox, listed))
    zones, result = run(client, str(tmp_path / "library"))
    failed, = [z for z in result.zones if z.status == sync.FAILED]
    said = str(failed.error)
    assert "edition {} is incomplete".format(d031.name) in said and "try again later" in said
    assert "and not " + d031.files[missing].name in said and "Download it" not in said
    folder = states.zone_folder(str(tmp_path / "library"), "RGEALTI", "D031")
    fetched = sorted(os.listdir(os.path.join(folder, "archives")))
    assert fetched == ([f.name for f in listed] if missing == 3 else [])  # kept; a gap is seen before any download
    assert os.listdir(os.path.join(folder, "data")) == []  # nothing extracted


def test_a_cancel_is_said_once(stand_in, tmp_path):
    server, client = stand_in
    area = catalogue.two_departement_area()
    zones = sync.plan_sync(client, "RGEALTI", "5M", area, str(tmp_path / "library"))
    lines = []
    result = sync.sync(client, "RGEALTI", "5M", area, str(tmp_path / "library"), zones=zones, log=lines.append,
                       is_cancelled=lambda: True)
    assert result.cancelled and [str(line) for line in lines] == [
        "RGE ALTI 5 m: cancelled; run again to resume where it stopped."]
    assert server.downloads() == []


def test_a_newer_edition_dated_before_the_last_check_is_fetched(stand_in, published, tmp_path):
    """The service filters on the edition's date: one published late, with a date earlier than the last check,
    must still be listed (updatedFrom = the held edition's date, not the check's time)."""
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    folder = states.zone_folder(library, "RGEALTI", "D081")
    assert states.read_state(folder).checked.startswith(TODAY)
    newer = catalogue.rgealti_edition(str(tmp_path), "D081", date="2021-03-01", changed=True)  # < TODAY
    server.publish("RGEALTI", newer)
    server.log.clear()
    zones, result = run(client, library)
    assert [(z.zone, z.status) for z in zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UPDATED)]
    assert downloaded_names(server) == [newer.files[0].name]
    assert states.read_state(folder).edition == newer.name


def test_a_file_changed_inside_the_held_edition_is_the_only_one_fetched(stand_in, published, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    same_name = catalogue.rgealti_edition(str(tmp_path), "D081", changed=True)  # same edition, another file
    assert same_name.name == catalogue.rgealti_name("D081")
    server.publish("RGEALTI", same_name)
    server.log.clear()
    zones, result = run(client, library)
    assert [(z.zone, z.status) for z in zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UPDATED)]
    assert downloaded_names(server) == [same_name.files[0].name]
    folder = states.zone_folder(library, "RGEALTI", "D081")
    assert states.read_state(folder).md5s() == {same_name.files[0].announced_md5}
    server.log.clear()
    zones, result = run(client, library)  # and then: nothing changed, no download
    assert [z.status for z in zones] == [sync.UP_TO_DATE] * 2 and server.downloads() == []


def test_a_newer_edition_repeating_a_file_unchanged_reuses_it(stand_in, published, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    d031 = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D031")
    server.publish("RGEALTI", catalogue.renamed_edition(str(tmp_path), d031, TODAY))
    server.log.clear()
    zones, result = run(client, library)
    assert zones[0].status == sync.UPDATED and zones[0].fetch == [] and zones[0].reuse
    assert server.downloads() == []
    held = states.read_state(states.zone_folder(library, "RGEALTI", "D031"))
    assert held.edition == catalogue.rgealti_name("D031", TODAY)
    assert held.is_complete(states.zone_folder(library, "RGEALTI", "D031"))


def test_a_wrong_md5_fails_its_departement_only_with_one_message_and_leaves_nothing(stand_in, published, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    d081 = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D081")
    server.publish("RGEALTI", catalogue.StandInEdition(
        d081.name, d081.zone, d081.zone_label, d081.format, d081.date, d081.bbox,
        [StandInFile(f.name, path=f.path, md5="0" * 32) for f in d081.files]))
    lines = []
    zones, result = run(client, library, lines)
    failed = {z.plan.zone: z for z in result.zones if z.status == sync.FAILED}
    assert list(failed) == ["D081"] and "MD5" in failed["D081"].error
    assert len([line for line in lines if "MD5" in line]) == 1  # one message, naming the file and both MD5s
    said, = [line for line in lines if "MD5" in line]
    assert said.startswith("RGE ALTI 5 m — Tarn (81): The MD5 of "), said
    assert lines[-2:] == ["RGE ALTI 5 m: 1 département of 2 failed: Tarn (81).",
                          "RGE ALTI 5 m: hillshade.tif, mosaic.vrt made without Tarn (81), whose data are missing: "
                          "run again to complete them."], lines  # never "ready" for half the area
    folder = states.zone_folder(library, "RGEALTI", "D081")
    assert states.read_state(folder) is None
    leftovers = [name for _, _, names in os.walk(folder) for name in names if not name.endswith(".lock")]
    assert leftovers == [states.FAILURES_FILE]  # the damaged file removed, nothing extracted; the failure counted
    assert states.read_state(states.zone_folder(library, "RGEALTI", "D031")).is_complete(
        states.zone_folder(library, "RGEALTI", "D031"))  # the other département is done
    assert "hillshade" in result.outputs

    # every département failing: the run is a failure, with one clear message
    d031 = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D031")
    server.publish("RGEALTI", catalogue.StandInEdition(
        d031.name, d031.zone, d031.zone_label, d031.format, TODAY, d031.bbox,
        [StandInFile(f.name, path=f.path, md5="0" * 32) for f in d031.files]))
    lines = []
    with pytest.raises(IgnOfflineError) as error:
        run(client, str(tmp_path / "other"), lines)
    assert str(error.value) == ("RGE ALTI 5 m: every département failed (Haute-Garonne (31), Tarn (81)): their "
                                "reasons are said above.")
    assert len([line for line in lines if "MD5" in line]) == 2  # once each, on its département's line


def test_a_damaged_archive_leaves_the_zone_as_it_was(stand_in, published, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    run(client, library)
    folder = states.zone_folder(library, "RGEALTI", "D081")
    before_state, before_data = states.read_state(folder), tree_digest(os.path.join(folder, "data"))
    newer = catalogue.rgealti_edition(str(tmp_path), "D081", date=TODAY, changed=True)
    damaged = newer.files[0].path
    with open(damaged, "r+b") as stream:  # a byte of the packed data flipped: the service's MD5 is of these bytes
        stream.seek(200)
        byte = stream.read(1)
        stream.seek(200)
        stream.write(bytes([byte[0] ^ 0xFF]))
    server.publish("RGEALTI", catalogue.StandInEdition(newer.name, "D081", newer.zone_label, "ASC", TODAY,
                                                       newer.bbox, [StandInFile(newer.files[0].name, path=damaged)]))
    lines = []
    zones, result = run(client, library, lines)
    failed = [z for z in result.zones if z.status == sync.FAILED]
    assert [z.plan.zone for z in failed] == ["D081"] and newer.files[0].name in failed[0].error
    assert sum(newer.files[0].name in line for line in lines if "D081" in line) == 1
    assert states.read_state(folder) == before_state  # not updated, its data untouched
    assert tree_digest(os.path.join(folder, "data")) == before_data
    assert not [n for n in os.listdir(os.path.join(folder, "data")) if n.startswith(".")]  # no staging left


def test_a_cancelled_sync_resumes_by_range_and_ends_byte_identical(published, tmp_path):
    work, catalogue_ = published
    editions = {"RGEALTI": [e for e in catalogue_["RGEALTI"] if e.zone == "D081"]}
    size = editions["RGEALTI"][0].files[0].size
    with StandInDownloadService(editions, bandwidth=max(20000, size // 4)) as server, \
            DownloadService(root=server.root) as client:
        library = str(tmp_path / "library")
        area = catalogue.two_departement_area()
        stop = threading.Event()

        def progress(done, total):
            if done > size // 3:
                stop.set()
        result = sync.sync(client, "RGEALTI", "5M", area, library, slope=False, progress=progress,
                           is_cancelled=stop.is_set)
        assert result.cancelled and [z.status for z in result.zones] == [sync.CANCELLED]
        folder = states.zone_folder(library, "RGEALTI", "D081")
        part = os.path.join(folder, "archives", editions["RGEALTI"][0].files[0].name + ".part")
        assert 0 < os.path.getsize(part) < size and states.read_state(folder) is None and not result.outputs
        server.bandwidth = 0
        server.log.clear()
        result = sync.sync(client, "RGEALTI", "5M", area, library, slope=False, keep_archives=True)
        ranges = [ranged for _, ranged in server.downloads()]
        assert len(ranges) == 1 and ranges[0].startswith("bytes=") and not ranges[0].startswith("bytes=0-")
        kept = os.path.join(folder, "archives", editions["RGEALTI"][0].files[0].name)
        assert md5_of(kept) == editions["RGEALTI"][0].files[0].announced_md5
        assert [z.status for z in result.zones] == [sync.NEW] and "hillshade" in result.outputs


# -- the other products: what a sync makes of them for an area -------------------------------------------------------

def sync_product(tmp_path, editions, product, variant, area, **options):
    with StandInDownloadService(editions) as server, DownloadService(root=server.root) as client:
        return sync.sync(client, product, variant, area, str(tmp_path / "library"), **options)


def features(path, table):
    source = ogr.Open(path)
    return source.GetLayerByName(table).GetFeatureCount()


def test_bd_topo_of_two_departements_becomes_one_geopackage_clipped_to_the_area(tmp_path):
    work = str(tmp_path / "work")
    os.makedirs(work)
    editions = {"BDTOPO": [catalogue.bdtopo_edition(work, "D031"), catalogue.bdtopo_edition(work, "D081")]}
    area = catalogue.two_departement_area()
    result = sync_product(tmp_path, editions, "BDTOPO", None, area)
    assert [z.plan.zone for z in result.zones] == ["D031", "D081"]
    merged, = result.outputs["vectors"]
    assert merged == os.path.join(str(tmp_path), "library", "datasets", "BDTOPO",
                                  "Two_departements-" + names.area_digest(area), "BDTOPO.gpkg")
    one = clip_geopackage(samples.bdtopo_gpkg(str(tmp_path / "sample.gpkg")), str(tmp_path / "one.gpkg"), area,
                          useful_layers("BDTOPO", str(tmp_path / "sample.gpkg")))
    assert layer_names(merged) == layer_names(one)
    assert features(merged, "troncon_de_route") == 2 * features(one, "troncon_de_route") > 0  # both départements
    # no work file left: the GeoPackage, and the record of what it was made from
    assert sorted(os.listdir(os.path.dirname(merged))) == ["BDTOPO.gpkg", "made-from.json"]

    # not clipped: each département's own GeoPackage, as delivered
    whole = sync_product(tmp_path, editions, "BDTOPO", None, area, clip=False)
    assert [os.path.basename(p) for p in whole.outputs["vectors"]] == [
        "BDT_3-5_GPKG_LAMB93_D031-ED2026-06-15.gpkg", "BDT_3-5_GPKG_LAMB93_D081-ED2026-06-15.gpkg"]


def test_the_cadastre_shapefiles_become_a_geopackage_of_the_area(tmp_path):
    work = str(tmp_path / "work")
    os.makedirs(work)
    area = samples.lambert_area(570050.0, 6278050.0, 570950.0, 6279000.0, "Montgiscard")
    result = sync_product(tmp_path, {"PARCELLAIRE-EXPRESS": [catalogue.parcellaire_edition(work)]},
                          "PARCELLAIRE-EXPRESS", None, area)
    clipped, = result.outputs["vectors"]
    assert os.path.basename(clipped) == "PARCELLAIRE-EXPRESS.gpkg"
    assert layer_names(clipped) == ["commune", "feuille", "parcelle", "batiment"]
    assert 0 < features(clipped, "parcelle") < 10  # the parcels meeting the area, not the others


def test_bd_ortho_keeps_the_tiles_of_the_area_in_one_mosaic(tmp_path):
    work = str(tmp_path / "work")
    os.makedirs(work)
    area = samples.lambert_area(570300.0, 6279300.0, 571700.0, 6279700.0, "Two tiles")
    result = sync_product(tmp_path, {"BDORTHO": [catalogue.bdortho_edition(work)]}, "BDORTHO", "RVB-0M20", area)
    mosaic = result.outputs["mosaic"]
    tiles = sorted(os.path.basename(p) for p in gdal.Info(mosaic, format="json")["files"][1:])
    assert [t[:17] for t in tiles] == ["31-2025-0570-6280", "31-2025-0571-6280"]  # of the six, the two it meets
    assert gdal.Open(mosaic).RasterCount == 3
