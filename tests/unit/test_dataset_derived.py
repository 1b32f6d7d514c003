"""Derived outputs (mosaic, hillshade…) made from every zone the area needs, as the library holds it: runs that
overlap on one library compose, an output older than a zone's data is made again, and outputs made while a zone
is missing are said so, never "ready", and not recorded (issue 28, "silent wrong data")."""

import datetime
import json
import os
import shutil
import threading
import time

from osgeo import gdal

from core.datasets import derived, sync
from core.datasets import state as states
from core.datasets.service import DownloadService
from tests.support import dataset_catalogue as catalogue
from tests.support import dataset_samples as samples
from tests.support.download_service import StandInEdition, StandInFile
from tests.support.sevenzip_archives import make_archive

TODAY = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
GATE_SECONDS = 30


def pixels(path):
    """(width, height, valid pixels) of a raster's first band."""
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    mask = band.GetMaskBand().ReadRaster()
    return dataset.RasterXSize, dataset.RasterYSize, sum(1 for byte in mask if byte)


def alone(server, library, area=None, **options):
    """One run by itself on `library`: its SyncResult."""
    options = dict(dict(slope=False), **options)
    with DownloadService(root=server.root) as client:
        return sync.sync(client, "RGEALTI", "5M", area or catalogue.two_departement_area(), library, **options)


def made_from(folder):
    with open(os.path.join(folder, derived.MADE_FROM), encoding="utf-8") as stream:
        return json.load(stream)


def test_two_runs_at_once_then_a_rerun_give_the_hillshade_of_one_run_alone(stand_in_service, tmp_path):
    """The interleaving that left a hillshade of one département (CLIP=false): run A takes Haute-Garonne while run
    B takes Tarn, then each comes to the département the other holds. Each waits for it (said on its line), finds
    it fetched (nothing downloaded twice) and makes its outputs from both départements."""
    reference = pixels(alone(stand_in_service, str(tmp_path / "alone"), clip=False).outputs["hillshade"])
    assert reference[:2] == (600, 400)  # D031's two tiles and D081's one, whole

    library = str(tmp_path / "library")
    area = catalogue.two_departement_area()
    with DownloadService(root=stand_in_service.root) as client:
        plans = [sync.plan_sync(client, "RGEALTI", "5M", area, library) for _ in range(2)]
    assert [[z.status for z in plan] for plan in plans] == [[sync.NEW, sync.NEW]] * 2
    stand_in_service.log.clear()
    a_fetching, b_fetching, said = threading.Event(), threading.Event(), {"A": [], "B": []}
    results = {}

    def waits(name, where):
        return any(where in line and "another run is using its data" in line for line in said[name])

    def wait_for(condition, seconds):
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.05)

    def progress_a(done, total):  # A holds Haute-Garonne until B holds Tarn
        if not a_fetching.is_set():
            a_fetching.set()
            b_fetching.wait(GATE_SECONDS)

    def progress_b(done, total):  # B holds Tarn until A, done with Haute-Garonne, waits for it
        if not b_fetching.is_set():
            b_fetching.set()
            wait_for(lambda: waits("A", "Tarn (81)"), GATE_SECONDS)

    def run(name, zones, progress):
        try:
            with DownloadService(root=stand_in_service.root) as client:
                results[name] = sync.sync(client, "RGEALTI", "5M", area, library, zones=zones, clip=False,
                                          slope=False, progress=progress, log=said[name].append)
        except Exception as exc:  # noqa: BLE001 (said by the assertion below)
            results[name] = exc

    first = threading.Thread(target=run, args=("A", plans[0], progress_a))
    second = threading.Thread(target=run, args=("B", list(reversed(plans[1])), progress_b))
    first.start()
    assert a_fetching.wait(GATE_SECONDS)
    second.start()
    for thread in (first, second):
        thread.join(120)
    assert not first.is_alive() and not second.is_alive()
    assert waits("A", "Tarn (81)"), said["A"]
    for name in ("A", "B"):
        result = results[name]
        assert isinstance(result, sync.SyncResult), (result, said[name])
        assert pixels(result.outputs["hillshade"]) == reference, (name, said[name])
        assert not [line for line in said[name] if "whose data are missing" in line or "failed" in line]
    assert [(z.plan.zone, z.status) for z in results["A"].zones] == [("D031", sync.NEW), ("D081", sync.UP_TO_DATE)]
    assert [(z.plan.zone, z.status) for z in results["B"].zones] == [("D081", sync.NEW), ("D031", sync.UP_TO_DATE)]
    assert any(line.startswith("RGE ALTI 5 m — Tarn (81): another run has fetched ") for line in said["A"])
    assert any(line.startswith("RGE ALTI 5 m — Haute-Garonne (31): another run has fetched ") for line in said["B"])
    # each file downloaded once, by one run or the other
    fetched = sorted(path.rsplit("/", 1)[-1] for path, _ in stand_in_service.downloads())
    assert fetched == sorted(f.name for e in stand_in_service.catalogue["RGEALTI"] if e.zone != "D011" for f in e.files)

    # the rerun: nothing fetched, and the hillshade is still the whole area's
    stand_in_service.log.clear()
    lines = []
    again = alone(stand_in_service, library, clip=False, log=lines.append)
    assert stand_in_service.downloads() == [] and again.up_to_date == 2
    assert pixels(again.outputs["hillshade"]) == reference
    assert sorted(made_from(again.folder)["made_from"]) == ["D031", "D081"]


def one_tile_edition(work, zone, date):
    """`zone`'s RGE ALTI edition of `date` holding only its northern tile (other data than the first edition's)."""
    name = catalogue.rgealti_name(zone, date)
    source = os.path.join(work, "src-" + name)
    tiles = os.path.join(source, "RGEALTI", "1_DONNEES_LIVRAISON_2026-06-00001",
                         "RGEALTI_MNT_5M_ASC_LAMB93_IGN69_{}".format(zone))
    os.makedirs(tiles)
    (x_km,), (y_km, _) = catalogue.RGEALTI_TILES[zone]
    samples.write_asc(os.path.join(tiles, samples.dem_tile_name(x_km, y_km)), x_km, y_km)
    archive = make_archive(os.path.join(work, name + ".7z"), source)
    shutil.rmtree(source)
    first = catalogue.rgealti_edition(work, zone)
    return StandInEdition(name, zone, first.zone_label, "ASC", date, first.bbox,
                          [StandInFile(os.path.basename(archive), path=archive)])


def test_outputs_older_than_a_zones_data_are_made_again(stand_in_service, tmp_path):
    """Tarn updated by a run for another area (its own outputs): the next run for the first area finds both
    départements up to date, yet its hillshade was made from Tarn's older data, so it is made again."""
    library = str(tmp_path / "library")
    first = alone(stand_in_service, library)
    before = pixels(first.outputs["hillshade"])

    work = str(tmp_path / "newer")
    os.makedirs(work)
    newer = one_tile_edition(work, "D081", TODAY)
    stand_in_service.publish("RGEALTI", newer)
    tarn_only = samples.lambert_area(572100.0, 6279100.0, 572900.0, 6279900.0, "Tarn only")
    other = alone(stand_in_service, library, tarn_only)
    assert [(z.plan.zone, z.status) for z in other.zones] == [("D081", sync.UPDATED)]

    stand_in_service.log.clear()
    lines = []
    with DownloadService(root=stand_in_service.root) as client:
        zones = sync.plan_sync(client, "RGEALTI", "5M", catalogue.two_departement_area(), library)
        assert [z.status for z in zones] == [sync.UP_TO_DATE, sync.UP_TO_DATE]
        again = sync.sync(client, "RGEALTI", "5M", catalogue.two_departement_area(), library, zones=zones,
                          slope=False, log=lines.append)
    assert stand_in_service.downloads() == []
    assert again.outputs["hillshade"] == first.outputs["hillshade"]
    fresh = pixels(alone(stand_in_service, str(tmp_path / "fresh")).outputs["hillshade"])
    assert pixels(again.outputs["hillshade"]) == fresh != before  # Tarn's northern tile only, as a fresh library
    assert made_from(first.folder)["made_from"]["D031"]["edition"] == catalogue.rgealti_name("D031")
    assert made_from(again.folder)["made_from"]["D081"]["edition"] == newer.name
    assert lines[-1].startswith("RGE ALTI 5 m: hillshade.tif, mosaic.vrt are ready in ")

    # and now nothing is older than its data: the next run makes nothing again
    stamp = os.stat(again.outputs["hillshade"]).st_mtime_ns
    lines = []
    alone(stand_in_service, library, log=lines.append)
    assert os.stat(again.outputs["hillshade"]).st_mtime_ns == stamp
    assert not [line for line in lines if "ready in" in line]


def test_the_record_names_the_area_and_options_they_were_made_for(stand_in_service, tmp_path):
    """Clipped and whole outputs share the area's folder and names, and contours depend on their interval: a run
    asking otherwise than the record says makes them again, rather than return the other run's files."""
    library = str(tmp_path / "library")
    clipped = pixels(alone(stand_in_service, library, clip=True, contours=10).outputs["hillshade"])
    whole = alone(stand_in_service, library, clip=False, contours=10)
    assert pixels(whole.outputs["hillshade"])[:2] == (600, 400)
    again = alone(stand_in_service, library, clip=True, contours=10)
    assert again.outputs["hillshade"] == whole.outputs["hillshade"]  # the same file, made again for the area
    assert pixels(again.outputs["hillshade"]) == clipped
    assert made_from(again.folder)["options"] == {"contours": 10.0}

    wider = alone(stand_in_service, library, clip=True, contours=20)
    contours = gdal.OpenEx(wider.outputs["contours"])  # kept: its layer dies with it
    levels = {feature.GetField("elevation") % 20 for feature in contours.GetLayer(0)}
    assert levels == {0.0}
    assert made_from(wider.folder)["options"] == {"contours": 20.0}


def test_a_missing_zone_is_said_its_outputs_are_not_recorded_and_the_next_run_completes_them(stand_in_service,
                                                                                             tmp_path):
    library = str(tmp_path / "library")
    tarn = next(e for e in stand_in_service.catalogue["RGEALTI"] if e.zone == "D081")
    stand_in_service.publish("RGEALTI", StandInEdition(tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                               tarn.bbox, [StandInFile(f.name, path=f.path, md5="0" * 32)
                                                           for f in tarn.files]))
    lines = []
    partial = alone(stand_in_service, library, log=lines.append)
    assert [(z.plan.zone, z.status) for z in partial.zones] == [("D031", sync.NEW), ("D081", sync.FAILED)]
    assert lines[-1] == ("RGE ALTI 5 m: hillshade.tif, mosaic.vrt made without Tarn (81), whose data are missing: "
                         "run again to complete them."), lines
    assert not [line for line in lines if "ready in" in line]
    assert not os.path.exists(os.path.join(partial.folder, derived.MADE_FROM))
    assert states.read_state(states.zone_folder(library, "RGEALTI", "D031")).outputs == {}

    stand_in_service.publish("RGEALTI", tarn)  # Tarn's files sound again
    lines = []
    complete = alone(stand_in_service, library, log=lines.append)
    assert [(z.plan.zone, z.status) for z in complete.zones] == [("D031", sync.UP_TO_DATE), ("D081", sync.NEW)]
    assert lines[-1].startswith("RGE ALTI 5 m: hillshade.tif, mosaic.vrt are ready in "), lines
    assert pixels(complete.outputs["hillshade"]) == pixels(alone(stand_in_service, str(tmp_path / "alone")).outputs[
        "hillshade"])
    assert sorted(made_from(complete.folder)["made_from"]) == ["D031", "D081"]
    slug = os.path.basename(complete.folder)
    for zone in ("D031", "D081"):
        assert states.read_state(states.zone_folder(library, "RGEALTI", zone)).outputs[slug]["hillshade"] == \
            "../{}/hillshade.tif".format(slug)


def test_a_zone_stamp_changes_with_its_data_not_with_a_check(tmp_path):
    held = states.ZoneState("RGEALTI", "D031", "5M", "E", "2020-10-14", {"E.7z": {"md5": "ab" * 16, "size": 1}},
                            {"E": ["data/E/a.asc"]}, "2026-01-01T00:00:00Z")
    stamp = derived.zone_stamp(held)
    held.checked = "2026-12-01T00:00:00Z"
    held.outputs = {"x": {"hillshade": "../x/hillshade.tif"}}
    assert derived.zone_stamp(held) == stamp
    held.files["E.7z"]["md5"] = "cd" * 16  # a file changed inside the same edition
    assert derived.zone_stamp(held) != stamp and derived.zone_stamp(held)["edition"] == "E"


def test_a_damaged_record_is_no_record(tmp_path):
    for content in ("{not json", "[1]", '{"area": "x", "options": {}, "outputs": [], "made_from": {}}'):
        (tmp_path / derived.MADE_FROM).write_text(content)
        assert derived.read_made_from(str(tmp_path)) is None
    assert derived.read_made_from(str(tmp_path / "nothing")) is None


def test_a_record_naming_files_outside_the_product_folder_is_not_believed(stand_in_service, tmp_path):
    library = str(tmp_path / "library")
    first = alone(stand_in_service, library)
    record = made_from(first.folder)
    outside = tmp_path / "elsewhere.tif"
    outside.write_bytes(b"not ours")
    record["outputs"]["hillshade"] = os.path.relpath(str(outside), first.folder).replace(os.sep, "/")
    with open(os.path.join(first.folder, derived.MADE_FROM), "w", encoding="utf-8") as stream:
        json.dump(record, stream)
    again = alone(stand_in_service, library)
    assert again.outputs["hillshade"] == first.outputs["hillshade"] and outside.read_bytes() == b"not ours"
