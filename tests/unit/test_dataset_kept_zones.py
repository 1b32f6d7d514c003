"""Issue 28, review: a département the library holds is never dropped from the outputs when the service lists
nothing usable for it; every server name goes through one checker (core.names); an edition listing no archive is
said once and is never "ready"; advice to run again only where running again helps; the lock's purpose said in
the user's language."""

import os
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from core import names, storage
from core.datasets import state as states
from core.datasets import sync
from core.datasets.service import ServiceError
from core.ftp import client as ftp_client
from core.messages import Message
from core.vector import styles
from tests.support import dataset_catalogue as catalogue
from tests.support.download_service import StandInEdition, StandInFile
from tests.support.files import tree_digest
from tests.unit.test_dataset_derived import pixels
from tests.unit.test_dataset_trust import d081, downloaded, republished, run

READY = "RGE ALTI 5 m: hillshade.tif, mosaic.vrt are ready in {}."


def ready_lines(lines):
    return [line for line in lines if "are ready in" in line or "made without" in line]


def tarn_result(result):
    return next(z for z in result.zones if z.plan.zone == "D081")


# -- 1. a held département with nothing newer usable is kept, and used --------------------------------------------

@pytest.mark.parametrize("listing", ["only 2099", "not listed"])
def test_a_held_zone_the_service_lists_nothing_usable_for_is_kept_and_in_the_outputs(stand_in, tmp_path, listing):
    server, client = stand_in
    library = str(tmp_path / "library")
    _, first = run(client, library)
    whole = pixels(first.outputs["hillshade"])
    tarn = d081(server)
    server.withdraw("RGEALTI", tarn.name)
    if listing == "only 2099":
        server.publish("RGEALTI", catalogue.rgealti_edition(str(tmp_path), "D081", date="2099-01-01", changed=True))
    os.remove(os.path.join(first.folder, "made-from.json"))  # the outputs made again, from what is held now
    server.log.clear()
    lines = []
    zones, result = run(client, library, lines)
    assert server.downloads() == []
    assert [(z.plan.zone, z.status) for z in result.zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.UP_TO_DATE)]
    assert pixels(result.outputs["hillshade"]) == whole  # both départements, as made when both were listed
    assert ready_lines(lines) == [READY.format(result.folder)], lines
    kept = [line for line in lines if "Tarn (81)" in line and "keeps" in line]
    assert kept == ["RGE ALTI 5 m — Tarn (81): the service lists no edition of it now (none dated up to tomorrow); "
                    "the library keeps {} as it is.".format(tarn.name)], lines


def test_a_zone_the_library_does_not_hold_for_the_area_and_the_service_does_not_list_is_not_added(stand_in,
                                                                                                  tmp_path):
    """Aude held for another area (its outputs made for that one only) is not this area's: a zone the service
    does not list is added only when this very area's outputs were made from it."""
    server, client = stand_in
    library = str(tmp_path / "library")
    aude = catalogue.samples.lambert_area(650200.0, 6229200.0, 650800.0, 6229800.0, "Aude")
    zones = sync.plan_sync(client, "RGEALTI", "5M", aude, library)
    assert [z.zone for z in zones] == ["D011"]
    sync.sync(client, "RGEALTI", "5M", aude, library, zones=zones, slope=False)
    server.withdraw("RGEALTI", d081(server).name)
    zones, result = run(client, library)
    assert [z.zone for z in zones] == ["D031"]


# -- 2 and 3. one checker for every server name --------------------------------------------------------------------

@pytest.mark.parametrize("name", [".7z", ".7z.001", "NUL.7z", "nul.7z.001", "COM1.7z", "x.7z.",
                                  "x .7z", "tab\t.7z", "a" * 250 + ".7z"])
def test_a_file_name_no_disk_takes_refuses_the_listing_before_anything_is_written(stand_in, tmp_path, name):
    server, client = stand_in
    tarn = d081(server)
    server.publish("RGEALTI", StandInEdition(tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                             tarn.bbox, [StandInFile(name, path=tarn.files[0].path)]))
    before = tree_digest(str(tmp_path))
    with pytest.raises(ServiceError) as refused:
        run(client, str(tmp_path / "library"))
    assert str(refused.value) == (
        "The download service at {} lists a file named '{}' in {}, which is not a plain file name: its listing is "
        "refused and nothing is written. Report it to IGN if it lasts.".format(
            server.origin.split("//")[1], name, tarn.name))
    assert tree_digest(str(tmp_path)) == before and server.downloads() == []


@pytest.mark.parametrize("name", ["NUL", "x.", "CON.2020", "lpt1"])
def test_an_edition_name_no_disk_takes_refuses_the_listing(stand_in, tmp_path, name):
    server, client = stand_in
    tarn = d081(server)
    server.withdraw("RGEALTI", tarn.name)
    server.publish("RGEALTI", StandInEdition(name, tarn.zone, tarn.zone_label, tarn.format, tarn.date, tarn.bbox,
                                             tarn.files))
    with pytest.raises(ServiceError, match="lists an edition named .* which is not a plain name"):
        run(client, str(tmp_path / "library"))
    assert not os.path.exists(str(tmp_path / "library"))


@pytest.mark.parametrize("name, refused", [("PlanIgn", False), ("RGEALTI_D031_2020-10-14.7z.001", False),
                                           ("NUL", True), ("nul.json", True), ("Com1.7z", True), ("x.", True),
                                           ("x ", True), ("a\x7fb", True), ("a/b", True), ("a\\b", True),
                                           ("C:x", True), ("", True), ("..", True), (None, True)])
def test_one_checker_for_sprites_and_datasets(name, refused):
    assert (names.file_name_problem(name) is not None) == refused
    assert states.is_plain_name(name) == (not refused)
    assert ftp_client.is_safe_name(name) == (not refused)  # the FTP's names too
    if isinstance(name, str) and name:
        assert (styles.file_name_problem(name) is not None) == refused
    assert styles.WINDOWS_DEVICES is names.WINDOWS_DEVICES


def test_a_name_over_the_length_is_refused_sprites_shorter():
    assert names.file_name_problem("a" * names.MAX_NAME_LENGTH) is None
    assert names.file_name_problem("a" * (names.MAX_NAME_LENGTH + 1)) is not None
    assert styles.file_name_problem("a" * (styles.MAX_SPRITE_NAME + 1)) is not None


def test_an_edition_that_lists_no_archive_fails_its_zone_once_and_is_never_ready(stand_in, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    tarn = d081(server)
    server.publish("RGEALTI", StandInEdition(tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                             tarn.bbox, [StandInFile("readme.pdf", data=b"%PDF-1.4 notes")]))
    for _ in range(2):
        lines = []
        zones, result = run(client, library, lines)
        assert tarn_result(result).status == sync.FAILED and not [n for n in downloaded(server) if "D081" in n]
        said = [line for line in lines if "Tarn" in line]
        assert said[0] == ("RGE ALTI 5 m — Tarn (81): the download service's edition {} lists no 7z archive: "
                           "nothing can be downloaded, and what the library holds here is kept as it is. Try again "
                           "when IGN has published it whole.".format(tarn.name)), lines
        assert len([line for line in lines if "lists no 7z archive" in line]) == 1
        assert ready_lines(lines) == ["RGE ALTI 5 m: hillshade.tif, mosaic.vrt made without Tarn (81): its data "
                                      "cannot be fetched now (see above)."], lines
        assert not os.path.exists(states.zone_folder(library, "RGEALTI", "D081"))


# -- 5. "run again" only where running again helps ------------------------------------------------------------------

def test_a_new_zone_whose_md5_fails_twice_is_not_said_to_be_completed_by_running_again(stand_in, tmp_path):
    server, client = stand_in
    library = str(tmp_path / "library")
    server.publish("RGEALTI", republished(d081(server), md5="0" * 32))
    said = []
    for _ in range(3):
        lines = []
        run(client, library, lines)
        said.append(ready_lines(lines))
    again = "RGE ALTI 5 m: hillshade.tif, mosaic.vrt made without Tarn (81), whose data are missing: run again to " \
            "complete them."
    stop = "RGE ALTI 5 m: hillshade.tif, mosaic.vrt made without Tarn (81): its data cannot be fetched now (see " \
           "above)."
    assert said == [[again], [stop], [stop]]  # once may be the network's; twice is the listing's


def test_a_new_zone_whose_edition_misses_a_volume_is_not_said_to_be_completed_by_running_again(stand_in,
                                                                                               tmp_path):
    server, client = stand_in
    haute_garonne = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D031")
    server.publish("RGEALTI", StandInEdition(haute_garonne.name, haute_garonne.zone, haute_garonne.zone_label,
                                             haute_garonne.format, haute_garonne.date, haute_garonne.bbox,
                                             haute_garonne.files[1:]))  # .002 without .001
    lines = []
    run(client, str(tmp_path / "library"), lines)
    assert [line for line in lines if "incomplete" in line], lines
    assert ready_lines(lines) == ["RGE ALTI 5 m: hillshade.tif, mosaic.vrt made without Haute-Garonne (31): its "
                                  "data cannot be fetched now (see above)."], lines


# -- 6. the lock's purpose said in the user's language ------------------------------------------------------------

def test_the_purpose_of_a_lock_is_a_template_read_back_by_the_run_it_refuses(tmp_path):
    path = str(tmp_path / "D031")
    taken, release = threading.Event(), threading.Event()

    def hold():
        with storage.output_lock(path, Message("a download of {} {}", "RGEALTI", "D031")):
            taken.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert taken.wait(10)
        with pytest.raises(storage.OutputInUse) as refused:
            with storage.output_lock(path, Message("a download of {} {}", "RGEALTI", "D031")):
                pass
    finally:
        release.set()
        holder.join(10)
    who = refused.value.message.args[1]
    assert who.args[0].template == "a download of {} {}" and who.args[0].args == ("RGEALTI", "D031")
    assert str(refused.value).startswith("'{}' is being written by another run (a download of RGEALTI D031 — "
                                         .format(path))


# -- 7. an edition's file listing takes paging only ---------------------------------------------------------------

@pytest.mark.parametrize("query", ["zone=D081", "format=ASC", "lang=fre", "editionDateFrom=2020-01-01",
                                   "polygon=1,43;2,43;2,44;1,43"])
def test_the_stand_in_refuses_filters_on_an_editions_file_listing(stand_in, query):
    server, _ = stand_in
    url = "{}/resource/RGEALTI/{}?page=1&limit=50&{}".format(server.root, d081(server).name, query)
    request = urllib.request.Request(url, headers={"User-Agent": "IGN-Offline/test"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400 and b"is not documented for files" in refused.value.read()
    listed = urllib.request.urlopen(urllib.request.Request(url.rsplit("&", 1)[0], headers={
        "User-Agent": "IGN-Offline/test"}), timeout=10)
    assert listed.status == 200


def test_the_client_sends_only_paging_to_an_editions_file_listing(stand_in, tmp_path):
    server, client = stand_in
    run(client, str(tmp_path / "library"))
    listings = [urllib.parse.urlsplit(path) for path, _ in server.log if path.count("/") == 4
                and "/resource/" in path]
    assert listings and server.refused == []
    assert {tuple(sorted(urllib.parse.parse_qs(parts.query))) for parts in listings} == {("limit", "page")}
