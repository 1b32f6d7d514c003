"""Issue 28, review, through Processing (qgis_process against the strict stand-in download service): a held
département the service lists nothing usable for stays in the outputs and is said kept; a file name no disk
takes refuses the listing with one message; a second relief into the same results is refused with one message."""

import json
import os

import pytest

from core import storage
from core.messages import Message
from tests.qgis import test_dataset_algorithms as algorithms
from tests.qgis.conftest import make_process
from tests.qgis.test_dataset_algorithms import EXTENT, result_value, valid_pixels
from tests.support import dataset_catalogue as catalogue
from tests.support import dataset_samples as samples
from tests.support.download_service import StandInDownloadService, StandInEdition, StandInFile

published = algorithms.published  # the real 7z catalogue, made once


def download(server, library):
    return make_process("run", "ign_offline:download_dataset", "--", "EXTENT='{}'".format(EXTENT), "PRODUCTS=1",
                        "SERVICE=" + server.root, "LIBRARY=" + library, "SLOPE=false", "LOAD=false")


def hillshade(stdout):
    return next(p for p in json.loads(result_value(stdout, "OUTPUTS")) if p.endswith("hillshade.tif"))


@pytest.mark.parametrize("listing", ["only 2099", "not listed"])
def test_a_held_departement_with_nothing_newer_usable_stays_in_the_outputs(published, tmp_path, listing):
    library = str(tmp_path / "library")
    with StandInDownloadService({k: list(v) for k, v in published[1].items()}) as server:
        first = download(server, library)
        assert first.returncode == 0, (first.stdout + first.stderr)[-3000:]
        whole = valid_pixels(hillshade(first.stdout))
        tarn = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D081")
        server.withdraw("RGEALTI", tarn.name)
        if listing == "only 2099":
            server.publish("RGEALTI", catalogue.rgealti_edition(str(tmp_path), "D081", date="2099-01-01",
                                                                changed=True))
        os.remove(os.path.join(os.path.dirname(hillshade(first.stdout)), "made-from.json"))  # made again
        server.log.clear()
        again = download(server, library)
        told = again.stdout + again.stderr
        assert again.returncode == 0 and "Traceback" not in told, told[-3000:]
        assert server.downloads() == [] and server.refused == []
        assert valid_pixels(hillshade(again.stdout)) == whole, told[-3000:]
        assert "made without" not in told and "hillshade.tif, mosaic.vrt are ready in" in told, told[-3000:]
        assert "Tarn (81): the service lists no edition of it now (none dated up to tomorrow); the library keeps " \
               "{} as it is.".format(tarn.name) in told
        zones = {z["zone"]: z["status"] for z in json.loads(result_value(again.stdout, "ZONES"))}
        assert zones == {"D031": "up to date", "D081": "up to date"}


@pytest.mark.parametrize("name", [".7z", ".7z.001", "NUL.7z", "x.7z."])
def test_a_file_name_no_disk_takes_is_one_message_and_nothing_written(published, tmp_path, name):
    library = tmp_path / "library"
    with StandInDownloadService({k: list(v) for k, v in published[1].items()}) as server:
        tarn = next(e for e in server.catalogue["RGEALTI"] if e.zone == "D081")
        server.publish("RGEALTI", StandInEdition(tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date,
                                                 tarn.bbox, [StandInFile(name, path=tarn.files[0].path)]))
        done = download(server, str(library))
    told = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in told, told[-3000:]
    refusal = "lists a file named '{}' in {}, which is not a plain file name: its listing is refused and " \
              "nothing is written.".format(name, tarn.name)
    assert refusal in told and server.downloads() == [], told[-3000:]
    assert not (library / "datasets").exists()


def test_a_second_relief_into_the_same_results_is_refused_with_one_message(tmp_path):
    """Another run (here this test's process) makes hillshade.tif in OUTPUT_FOLDER: a relief run there is refused
    at once, saying who holds it, without a traceback, and the other run's part file is left alone."""
    asc = samples.write_asc(str(tmp_path / samples.dem_tile_name(570, 6280)), 570, 6280)
    out = tmp_path / "relief"
    out.mkdir()
    part = out / "hillshade.part.tif"
    part.write_bytes(b"II*\0the other run's")
    with storage.output_lock(str(out / "hillshade.tif"), Message("a relief of {}", "other.tif")):
        done = make_process("run", "ign_offline:relief", "--", "INPUT=" + asc, "SLOPE=false",
                            "OUTPUT_FOLDER=" + str(out), "LOAD=false")
    told = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in told, told[-3000:]
    assert "'{}' is being written by another run (a relief of other.tif — ".format(out / "hillshade.tif") in told
    assert part.read_bytes() == b"II*\0the other run's" and not (out / "hillshade.tif").exists()
    assert not [name for name in os.listdir(str(out)) if name.startswith(".relief-")]

