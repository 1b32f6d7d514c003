"""Datasets kept fresh: state.json, the sync plan (what is new, updated, up to date) and the sync itself."""

import json
import os

from core.datasets import state as states
from core.datasets import sync


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
