"""The download-service client (core.datasets.service, editions, zones) against the loopback stand-in."""

import datetime
import socket
import threading
import time

import pytest

from core.datasets import catalogue, editions, zones
from core.datasets.service import DownloadService, ServiceError, Zone
from core.tiles import areas
from tests.support.download_service import StandInDownloadService, StandInEdition, StandInFile

# Test départements: boxes side by side (the stand-in meets a polygon with these, not real outlines).
BOXES = {"D009": (1.0, 42.5, 2.0, 43.0), "D031": (1.0, 43.0, 2.0, 44.0), "D011": (2.0, 42.5, 3.0, 43.5),
         "D032": (0.0, 43.0, 1.0, 44.0)}
# Meets D031 and D011 only.
POLYGON = [(1.5, 43.1), (2.5, 43.1), (2.5, 43.4), (1.5, 43.4)]


def bdtopo(zone, date="2026-06-15", sizes=(1000,)):
    name = "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_{}_{}".format(zone, date)
    suffixes = [".7z"] if len(sizes) == 1 else [".7z.{:03d}".format(i + 1) for i in range(len(sizes))]
    files = [StandInFile(name + suffix, bytes((i * 7 + n) % 251 for i in range(size)))
             for n, (suffix, size) in enumerate(zip(suffixes, sizes))]
    return StandInEdition(name, zone, "{} {}".format(zone, zones.zone_name(zone)), "GPKG", date, BOXES[zone], files)


@pytest.fixture
def stand_in():
    catalogue = {"BDTOPO": [bdtopo("D009"), bdtopo("D031", sizes=(3000, 1200)), bdtopo("D011", sizes=(2500,)),
                            bdtopo("D032")],
                 "RGEALTI": []}
    with StandInDownloadService(catalogue, page_size=50) as server:
        yield server


def test_a_polygon_meeting_two_departements_lists_exactly_those_two_with_sizes(stand_in):
    with DownloadService(stand_in.root) as service:
        assert service.zones_for(POLYGON) == [Zone("D011", "D011 Aude"), Zone("D031", "D031 Haute-Garonne")]
        found = service.editions("BDTOPO", polygon=POLYGON)
        assert sorted(e.zone for e in found) == ["D011", "D031"]
        sizes = {e.zone: sum(f.size for f in service.files("BDTOPO", e.name)) for e in found}
    assert sizes == {"D011": 2500, "D031": 4200}
    edition = next(e for e in found if e.zone == "D031")
    assert (edition.resource, edition.format, edition.date, edition.bbox) == (
        "BDTOPO", "GPKG", datetime.date(2026, 6, 15), BOXES["D031"])
    polygon_requests = [path for path, _ in stand_in.log if "polygon=" in path]
    assert polygon_requests and all("1.500000,43.100000;2.500000,43.100000" in p for p in polygon_requests)


def test_files_carry_their_md5_and_url(stand_in):
    with DownloadService(stand_in.root) as service:
        files = service.files("BDTOPO", "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15")
    assert [f.name for f in files] == ["BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15.7z.001",
                                       "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15.7z.002"]
    edition = stand_in.catalogue["BDTOPO"][1]
    assert [f.md5 for f in files] == [f.announced_md5 for f in edition.files]
    assert files[0].url.startswith(stand_in.root + "/download/BDTOPO/")


def test_filters_reach_the_service_as_documented(stand_in):
    """updatedFrom on /capabilities only, as YYYY-MM-DD (a datetime's time left out); the zone on /resource."""
    stand_in.publish("BDTOPO", bdtopo("D031", date="2027-03-15"))
    with DownloadService(stand_in.root) as service:
        newer = service.capabilities(updated_from=datetime.datetime(2027, 1, 1, 12, 30))
        by_zone = service.editions("BDTOPO", zone="D031")
    assert [e.name for e in newer] == ["BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2027-03-15"]
    assert len(by_zone) == 2
    assert [e.name for e in editions.latest_per_zone(by_zone)] == [newer[0].name]
    asked = [path for path, _ in stand_in.log]
    assert "updatedFrom=2027-01-01&" in asked[0] and asked[0].startswith("/telechargement/capabilities?")
    assert not [p for p in asked if p.startswith("/telechargement/resource") and "updated" in p]
    assert stand_in.refused == []


@pytest.mark.parametrize("path, reason", [
    ("/resource/BDTOPO?zone=D031&updatedFrom=2026-01-01", "updatedFrom is not documented for resource"),
    ("/resource/BDTOPO/X?updatedTo=2026-01-01", "updatedTo is not documented for files"),
    ("/resource/BDTOPO?bbox=1,2,3,4", "bbox is not documented"),
    ("/capabilities?limit=51", "limit must be 1 to 50"),
    ("/capabilities?page=0", "page starts at 1"),
    ("/capabilities?updatedFrom=2026-01-01T00:00:00Z", "updatedFrom must be YYYY-MM-DD"),
    ("/resource/BDTOPO?editionDateFrom=2026-13-01", "editionDateFrom must be YYYY-MM-DD"),
    ("/download/BDTOPO/X/x.7z?page=1", "page is not documented for download"),
    ("/capabilities?sortEntriesBy=size", "sortEntriesBy must be one of"),
])
def test_the_stand_in_refuses_what_the_documentation_does_not_list(stand_in, path, reason):
    """The stand-in is strict (400), so that no test of the client passes by relying on something undocumented."""
    from core.http import SessionPool

    pool = SessionPool()
    try:
        response = pool.get(stand_in.root + path)
        assert (response.status_code, reason in response.text) == (400, True), response.text
        assert pool.get(stand_in.root + "/capabilities?updatedFrom=2026-01-01&updatedTo=2026-12-31&limit=50&page=1"
                        "&editionDateFrom=2026-01-01&sortEntriesBy=editionDate&sortEntriesOrder=desc&lang=fre"
                        "&thematic=x&crs=EPSG:2154&format=GPKG").status_code == 200
    finally:
        pool.close()
    import requests

    assert requests.get(stand_in.root + "/capabilities").status_code == 400  # no User-Agent of ours


def test_a_request_to_the_service_always_carries_the_house_user_agent(stand_in):
    from core.http import USER_AGENT

    with DownloadService(stand_in.root) as service:
        service.zones_for(POLYGON, resource="BDTOPO")
        service.files("BDTOPO", "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D009_2026-06-15")
    assert len(stand_in.headers_seen) >= 2
    assert {headers.get("User-Agent") for headers in stand_in.headers_seen} == {USER_AGENT}


def test_a_feed_cut_short_of_its_content_length_is_asked_again(stand_in):
    """A 200 whose body ends before its Content-Length is not the page: asked again, never parsed as it is."""
    stand_in.cut_feeds(2)
    with DownloadService(stand_in.root) as service:
        found = service.editions("BDTOPO", zone="D031")
    assert [e.zone for e in found] == ["D031"] and len(stand_in.log) == 3
    stand_in.cut_feeds(100)
    with DownloadService(stand_in.root, retries=2) as service, pytest.raises(ServiceError) as error:
        service.editions("BDTOPO", zone="D031")
    said = str(error.value)
    assert "keeps cutting the page for resource/BDTOPO short" in said and "try again" in said, said


def test_pages_are_followed(stand_in):
    stand_in.page_size = 50
    with DownloadService(stand_in.root, page_size=2) as service:
        found = service.capabilities()
    assert sorted(e.zone for e in found) == ["D009", "D011", "D031", "D032"]
    assert {e.resource for e in found} == {"BDTOPO"}
    pages = [path for path, _ in stand_in.log if path.startswith("/telechargement/capabilities")]
    assert ["page={}".format(n) in p for n, p in zip((1, 2), pages)] == [True, True] and len(pages) == 2


def test_429_with_retry_after_pauses_the_host(stand_in):
    stand_in.throttle(2, retry_after="1")
    start = time.monotonic()
    with DownloadService(stand_in.root) as service:
        found = service.editions("BDTOPO", zone="D009")
    elapsed = time.monotonic() - start
    assert [e.zone for e in found] == ["D009"]
    assert 2.0 <= elapsed < 6.0
    assert len(stand_in.log) == 3


def test_server_errors_are_retried_then_the_listing_goes_on(stand_in):
    stand_in.fail(2, status=500)
    with DownloadService(stand_in.root) as service:
        found = service.editions("BDTOPO", zone="D009")
    assert [e.zone for e in found] == ["D009"] and len(stand_in.log) == 3


def test_a_service_failing_every_time_is_one_clear_message(stand_in):
    stand_in.fail(100, status=500)
    with DownloadService(stand_in.root, retries=2) as service, pytest.raises(ServiceError) as error:
        service.editions("BDTOPO", zone="D009")
    assert "keeps failing" in str(error.value) and stand_in.origin.split("//")[1] in str(error.value)
    assert len(stand_in.log) <= 3


def test_never_more_than_ten_requests_a_second_from_several_threads(stand_in):
    errors = []
    with DownloadService(stand_in.root) as service:
        def work():
            try:
                for _ in range(8):
                    service.files("BDTOPO", "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D009_2026-06-15")
            except Exception as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert not errors
    assert len(stand_in.times) == 32
    assert 8 <= stand_in.max_per_second() <= 10


@pytest.mark.parametrize("mode, words", [
    ("doctype", "DOCTYPE"), ("huge", "sent a page of more than 4.2 MB"), ("drip", "within 2 s"),
    ("pagecount", "pages"),
    ("samepage", "same page twice")])
def test_hostile_feeds_end_in_one_clear_message_within_the_deadline(stand_in, mode, words):
    stand_in.feed_mode = mode
    stand_in.page_size = 2
    start = time.monotonic()
    with DownloadService(stand_in.root, deadline=2.0, page_size=2) as service, pytest.raises(ServiceError) as error:
        service.editions("BDTOPO")
    assert time.monotonic() - start < 5.0
    assert words in str(error.value) and "download service at 127.0.0.1" in str(error.value)


def test_a_page_too_large_is_said_with_a_size_not_english_words(stand_in):
    """The size a person reads in their units (a Size), not the shared helper's English ("the feed … MB")."""
    stand_in.feed_mode = "huge"
    with DownloadService(stand_in.root, deadline=5.0) as service, pytest.raises(ServiceError) as error:
        service.editions("BDTOPO")
    assert [type(arg).__name__ for arg in error.value.message.args] == ["str", "Size", "str"]


def test_a_server_that_accepts_and_never_answers_is_said_so_within_a_minute():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    root = "http://127.0.0.1:{}/telechargement".format(silent.getsockname()[1])
    try:
        start = time.monotonic()
        with DownloadService(root, timeout=(2, 0.5), retries=2) as service, pytest.raises(ServiceError) as error:
            service.editions("BDTOPO")
        assert time.monotonic() - start < 6.0
    finally:
        silent.close()
    assert "the server accepted the connection but did not answer in time" in str(error.value)


def test_an_unknown_product_is_named(stand_in):
    with DownloadService(stand_in.root) as service, pytest.raises(ServiceError, match="has no resource/BDTOPPO"):
        service.editions("BDTOPPO")


def test_a_service_that_does_not_answer_is_one_clear_message():
    with DownloadService("http://127.0.0.1:9/telechargement", retries=1) as service, \
            pytest.raises(ServiceError, match="cannot be reached .*refused.*Check the network"):
        service.editions("BDTOPO")


def test_cancel_is_honoured_during_a_retry_after_pause(stand_in):
    from core.errors import Cancelled

    stand_in.throttle(1, retry_after="30")
    start = time.monotonic()
    with DownloadService(stand_in.root) as service, pytest.raises(Cancelled):
        service.editions("BDTOPO", is_cancelled=lambda: time.monotonic() - start > 0.5)
    assert time.monotonic() - start < 2.0


# -- names and zones --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, fields", [
    ("BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15", ("BDTOPO", "3-5", "TOUSTHEMES", "GPKG", "LAMB93", "D031")),
    ("RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D005_2020-10-14.7z", ("RGEALTI", "2-0", "5M", "ASC", "LAMB93-IGN69", "D005")),
    ("BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_D031_2025-01-01.7z.002",
     ("BDORTHO", "2-0", "RVB-0M20", "JP2-E080", "LAMB93", "D031")),
    ("PARCELLAIRE-EXPRESS_1-1__SHP_LAMB93_D031_2025-04-01",
     ("PARCELLAIRE-EXPRESS", "1-1", "", "SHP", "LAMB93", "D031")),
])
def test_edition_names_are_read(name, fields):
    parsed = editions.parse_edition(name)
    assert (parsed.product, parsed.version, parsed.variant, parsed.format, parsed.crs, parsed.zone) == fields
    assert parsed.product in catalogue.PRODUCTS
    assert name.startswith(parsed.name)


@pytest.mark.parametrize("name", ["", "readme.pdf", "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-13-45",
                                  "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031", "../BDTOPO_3-5_A_B_C_D031_2026-01-01"])
def test_other_names_are_not_editions(name):
    assert editions.parse_edition(name) is None


def test_latest_per_zone_keeps_the_newest_of_the_variant():
    names = ["RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2020-10-14", "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2023-02-01",
             "RGEALTI_2-0_1M_ASC_LAMB93-IGN69_D031_2024-01-01", "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D009_2021-01-01",
             "readme.pdf"]
    assert editions.latest_per_zone(names, variant="5M", format="ASC") == [
        "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D009_2021-01-01", "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2023-02-01"]
    assert editions.latest_per_zone(["BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_D031_2025-01-01"], format="JP2")


def test_zones_and_areas_as_the_service_says_them():
    assert [zones.zone_term(d) for d in ("31", "D09", 9, "2A", "971")] == ["D031", "D009", "D009", "D02A", "D971"]
    assert [zones.departement_of(t) for t in ("D031", "D02A", "D971")] == ["31", "2A", "971"]
    assert len(zones.OCCITANIE) == 13 and zones.zone_name("D065") == "Hautes-Pyrénées"
    toulouse = areas.PRESETS["toulouse"]
    assert zones.area_polygon(toulouse) == ("1.350000,43.550000;1.500000,43.550000;1.500000,43.650000;"
                                            "1.350000,43.650000;1.350000,43.550000")


@pytest.mark.parametrize("zone", ["../../x", "/abs", "C:\\x", "..\\x", "d031", "D031 ", "NUL"])
def test_a_listing_naming_a_zone_that_is_not_a_code_is_refused_whole(stand_in, zone):
    """By /capabilities as by /resource: the zone becomes a folder, so the listing is not believed at all."""
    hostile = bdtopo("D031", date="2026-07-01")
    stand_in.publish("BDTOPO", StandInEdition(hostile.name, zone, hostile.zone_label, hostile.format, hostile.date,
                                              hostile.bbox, hostile.files))
    with DownloadService(stand_in.root) as service:
        for listing in (lambda: service.zones_for(POLYGON), lambda: service.zones_for(POLYGON, resource="BDTOPO"),
                        lambda: service.editions("BDTOPO")):
            with pytest.raises(ServiceError) as error:
                listing()
            assert "lists a zone '{}'".format(zone) in str(error.value) and "127.0.0.1:" in str(error.value)


def test_limit_is_never_over_fifty_and_dates_are_days(stand_in):
    from core.errors import InputError

    with DownloadService(stand_in.root, page_size=500) as service:
        service.capabilities(updated_from="2026-01-01")
        with pytest.raises(InputError, match="is not a day written YYYY-MM-DD"):
            service.capabilities(updated_from="2026-01-01T00:00:00Z")
    asked, = [path for path, _ in stand_in.log]
    assert "limit=50" in asked and "updatedFrom=2026-01-01&" in asked and stand_in.refused == []
