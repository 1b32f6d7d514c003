"""Datasets kept fresh: state.json, the sync plan (what is new, updated, up to date) and the sync itself."""

import json
import os
from collections import namedtuple

from core.datasets import state as states
from core.datasets import sync

# TODO after the merge: the real core.datasets.service records
RemoteFile = namedtuple("RemoteFile", "name url size md5")
Edition = namedtuple("Edition", "resource name zone zone_label format date bbox url")


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
    assert sync.archive_stem("BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15.7z") == \
        "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15"
    assert sync.archive_stem("X.7z.002") == "X"
    assert sync.archive_stem("X.md5") is None and sync.archive_stem("readme.pdf") is None
    assert sync.is_first_volume("X.7z.001") and sync.is_first_volume("X.7z") and not sync.is_first_volume("X.7z.002")


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
        stem = sync.archive_stem(name)
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
                         Edition("RGEALTI", edition_name, "D031", "D031 Haute-Garonne", "ASC", "2026-06-01",
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


def test_a_very_large_download_or_one_larger_than_the_disk_needs_a_confirmation(tmp_path):
    big = sync.decide(zone_plan(str(tmp_path), None), [remote("O.7z.{:03d}".format(i), "{:032x}".format(i),
                                                            4 * 10 ** 9) for i in range(1, 5)])
    assert big.fetch_bytes == 16 * 10 ** 9
    problem = sync.large_download([big], 10 ** 15, "/data")
    assert problem is not None and problem.startswith("This download is 16.0 GB (over 10.0 GB)")
    small = sync.decide(zone_plan(str(tmp_path), None), [remote("S.7z", "a" * 32, 10 ** 9)])
    assert sync.large_download([small], 10 ** 12, "/data") is None
    assert "needs about 7.0 GB" in sync.large_download([small], 10 ** 9, "/data")
