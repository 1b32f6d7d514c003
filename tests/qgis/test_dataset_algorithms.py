"""Whole datasets through Processing (issue 23): list_datasets and download_dataset by qgis_process against the
stand-in download service run as its own program, the BD TOPO layers and the relief loaded and drawn, a plan
keeping tiles and datasets fresh, and the messages in French."""

import contextlib
import json
import os
import re
import subprocess
import sys
import time

import pytest
from osgeo import gdal, ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProcessingException, QgsRectangle

from core.datasets import state as states
from tests.qgis.conftest import MAKE_PROCESS, ROOT, make_process
from tests.qgis.test_french_messages import Recording, ours
from tests.support import dataset_catalogue as catalogue
from tests.support import dataset_samples as samples
from tests.support.download_service import StandInDownloadService, StandInFile
from tests.support.english_check import english
from tests.support.files import tree_digest
from tests.support.qgis_render import count_colour, render_image
from tests.support.wmts_server import StandInWmts

EXTENT = "570300,572700,6278300,6279700 [EPSG:2154]"   # meets D031 and D081, not D011
L93 = QgsCoordinateReferenceSystem("EPSG:2154")
SAMPLE_EXTENT = QgsRectangle(samples.X, samples.Y, samples.X + 3000, samples.Y + 2000)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """RGE ALTI for D031 (two volumes), D081, D011 and BD TOPO for D031: real 7z archives, made once."""
    work = str(tmp_path_factory.mktemp("catalogue"))
    found = catalogue.rgealti_catalogue(work)
    found["BDTOPO"] = [catalogue.bdtopo_edition(work)]
    return work, found


@pytest.fixture()
def service(published):
    with StandInDownloadService({k: list(v) for k, v in published[1].items()}) as server:
        yield server


def catalogue_json(published, path):
    """The catalogue as serve_download_service.py reads it."""
    data = {resource: [{"name": e.name, "zone": e.zone, "zone_label": e.zone_label, "format": e.format,
                        "date": e.date, "bbox": list(e.bbox),
                        "files": [{"name": f.name, "path": f.path} for f in e.files]} for e in editions]
            for resource, editions in published[1].items()}
    with open(path, "w") as stream:
        json.dump(data, stream)
    return path


@contextlib.contextmanager
def serving(catalogue_path):
    """The stand-in service as its own program (as a shell session runs it), serving `catalogue_path`: its root."""
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "support", "serve_download_service.py"),
                                catalogue_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        root = process.stdout.readline().strip()
        assert root.startswith("http://127.0.0.1:"), process.stderr.read()
        yield root
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture()
def served(published, tmp_path):
    """The stand-in service as its own program, serving the catalogue: its root."""
    with serving(catalogue_json(published, str(tmp_path / "catalogue.json"))) as root:
        yield root


def without_md5s(lines):
    """`lines` with the MD5s they quote left out: hex digits spell English words at times ("be", "add")."""
    return [re.sub(r"\b[0-9a-f]{32}\b", "<md5>", line) for line in lines]


def result_value(stdout, name):
    found = re.search(r"^{}:\s*(.*)$".format(name), stdout, re.MULTILINE)
    return found.group(1).strip() if found else None


def test_list_then_download_through_qgis_process_then_up_to_date(served, tmp_path):
    library = str(tmp_path / "library")
    table = str(tmp_path / "datasets.gpkg")
    listed = make_process("run", "ign_offline:list_datasets", "--", "EXTENT='{}'".format(EXTENT), "PRODUCTS=0,1",
                          "SERVICE=" + served, "LIBRARY=" + library, "OUTPUT=" + table)
    said = listed.stdout + listed.stderr
    assert listed.returncode == 0 and "Traceback" not in said, said[-3000:]
    rows = json.loads(result_value(listed.stdout, "DATASETS"))
    assert sorted((r["product"], r["zone"], r["status"]) for r in rows) == [
        ("BDTOPO", "D031", "new"), ("RGEALTI", "D031", "new"), ("RGEALTI", "D081", "new")]
    assert int(float(result_value(listed.stdout, "TOTAL_BYTES"))) == sum(r["bytes"] for r in rows) > 0
    assert "RGE ALTI 5 m — Tarn (81): RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D081_2020-10-14" in said
    written = ogr.Open(table)
    layer = written.GetLayer(0)
    assert layer.GetFeatureCount() == 3 and layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    assert {f.GetField("zone_name") for f in layer} == {"D031 Haute-Garonne", "D081 Tarn"}
    assert not os.path.exists(os.path.join(library, "datasets"))  # a listing downloads nothing

    def download():
        return make_process("run", "ign_offline:download_dataset", "--", "EXTENT='{}'".format(EXTENT),
                            "PRODUCTS=0,1", "SERVICE=" + served, "LIBRARY=" + library, "CONTOUR_INTERVAL=10")
    first = download()
    said = first.stdout + first.stderr
    assert first.returncode == 0 and "Traceback" not in said, said[-3000:]
    outputs = json.loads(result_value(first.stdout, "OUTPUTS"))
    names = sorted(os.path.basename(p) for p in outputs)
    assert names == ["BDTOPO.gpkg", "contours.gpkg", "hillshade.tif", "mosaic.vrt", "slope.tif"]
    for path in outputs:
        if path.endswith(".tif"):
            assert gdal.Open(path).GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    clipped = ogr.Open(next(p for p in outputs if p.endswith("BDTOPO.gpkg")))
    assert clipped.GetLayerByName("troncon_de_route").GetFeatureCount() > 0
    assert int(float(result_value(first.stdout, "FILES_DOWNLOADED"))) >= 3
    assert int(float(result_value(first.stdout, "UP_TO_DATE"))) == 0

    again = download()
    said = again.stdout + again.stderr
    assert again.returncode == 0, said[-3000:]
    assert int(float(result_value(again.stdout, "FILES_DOWNLOADED"))) == 0
    assert int(float(result_value(again.stdout, "UP_TO_DATE"))) == 3 and said.count(": up to date.") == 3
    assert sorted(json.loads(result_value(again.stdout, "OUTPUTS"))) == sorted(outputs)


@pytest.mark.parametrize("kind", ["relative", "absolute"])
def test_a_zone_that_is_a_path_through_qgis_process_writes_nothing_outside_the_library(published, tmp_path, kind):
    """The service names Tarn's zone `../../..` (the library's parent) or an absolute folder: the run fails with
    one message naming the service, and the user's folders where state.json, archives/ and data/<edition>/ would
    have gone are untouched byte for byte; the library gets no datasets/ folder."""
    user = tmp_path / "user"
    library = user / "library"
    target = tmp_path / "target"
    zone = "../../.." if kind == "relative" else str(target)
    tarn = catalogue.rgealti_name("D081")
    for folder in (user, target):
        (folder / "data" / tarn).mkdir(parents=True)
        (folder / "data" / tarn / "field-notes.txt").write_text("the user's own work\n")
        (folder / "state.json").write_text("{}\n")
    before = [tree_digest(str(user)), tree_digest(str(target))]
    path = catalogue_json(published, str(tmp_path / "catalogue.json"))
    with open(path) as stream:
        data = json.load(stream)
    for edition in data["RGEALTI"]:
        if edition["zone"] == "D081":
            edition["zone"] = zone
    with open(path, "w") as stream:
        json.dump(data, stream)
    with serving(path) as root:
        done = make_process("run", "ign_offline:download_dataset", "--", "EXTENT='{}'".format(EXTENT), "PRODUCTS=1",
                            "SERVICE=" + root, "LIBRARY=" + str(library), "LOAD=false")
    said = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in said, said[-3000:]
    assert "The download service at 127.0.0.1:" in said and "lists a zone '{}'".format(zone) in said, said[-3000:]
    assert "its listing is refused and nothing is written" in said
    assert [tree_digest(str(user)), tree_digest(str(target))] == before
    assert not (library / "datasets").exists()


def run_download(parameters, project=None, feedback=None):
    from qgis import processing

    context = QgsProcessingContext()
    if project is not None:
        context.setProject(project)
    return processing.run("ign_offline:download_dataset", parameters, context=context,
                          feedback=feedback or Recording())


def test_downloaded_bd_topo_and_relief_load_and_draw(provider, project, service, tmp_path):
    result = run_download({"EXTENT": EXTENT, "PRODUCTS": [0, 1], "SERVICE": service.root,
                           "LIBRARY": str(tmp_path / "library"), "AREA_TITLE": "Montgiscard", "LOAD": True},
                          project)
    assert result["FILES_DOWNLOADED"] >= 3
    root = project.layerTreeRoot()
    names = [child.name() for child in root.children()]
    assert names[0] == "BD TOPO — Montgiscard" and names[-1] == "RGE ALTI 5 m — Montgiscard"  # relief at the bottom
    topo = root.findGroup("BD TOPO — Montgiscard")
    layers = {child.name(): child.layer() for child in topo.children()}
    assert all(layer.isValid() and layer.featureCount() > 0 for layer in layers.values())
    assert count_colour(render_image([layers["Roads"]], SAMPLE_EXTENT, L93), "#e8473b") > 50
    relief = root.findGroup("RGE ALTI 5 m — Montgiscard")
    kinds = {child.name(): child.layer() for child in relief.children()}
    assert set(kinds) == {"Hillshade", "Slope (degrees)"} and all(k.isValid() for k in kinds.values())
    image = render_image([kinds["Hillshade"]], SAMPLE_EXTENT, L93)
    assert image.width() == 256 and count_colour(image, "#000000", 250) > 1000  # it draws (shades of grey)


def test_zones_output_says_each_departement_outcome(provider, service, tmp_path):
    """ZONES says what became of each département, from the run: Tarn's RGE ALTI damaged in transit (a wrong MD5)
    is FAILED while Haute-Garonne's came in; BD TOPO of Haute-Garonne NEW; run again, what came is UP_TO_DATE and
    Tarn still FAILED (the dock shows each row from this)."""
    tarn = next(e for e in service.catalogue["RGEALTI"] if e.zone == "D081")
    service.publish("RGEALTI", catalogue.StandInEdition(
        tarn.name, tarn.zone, tarn.zone_label, tarn.format, tarn.date, tarn.bbox,
        [StandInFile(f.name, path=f.path, md5="0" * 32) for f in tarn.files]))
    parameters = {"EXTENT": EXTENT, "PRODUCTS": [0, 1], "SERVICE": service.root, "LIBRARY": str(tmp_path / "lib"),
                  "LOAD": False}
    first = json.loads(run_download(parameters)["ZONES"])
    key = lambda zone: (zone["product"], zone["variant"], zone["zone"])  # noqa: E731
    assert sorted(first, key=key) == [
        {"product": "BDTOPO", "variant": "", "zone": "D031", "status": "new"},
        {"product": "RGEALTI", "variant": "5M", "zone": "D031", "status": "new"},
        {"product": "RGEALTI", "variant": "5M", "zone": "D081", "status": "failed"}], first
    again = json.loads(run_download(parameters)["ZONES"])
    assert sorted((key(z), z["status"]) for z in again) == [
        (("BDTOPO", "", "D031"), "up to date"), (("RGEALTI", "5M", "D031"), "up to date"),
        (("RGEALTI", "5M", "D081"), "failed")], again
    # wrong on two runs: no longer fetched (no endless download-and-delete), said once, in French too
    service.log.clear()
    feedback = Recording()
    third = json.loads(run_download(parameters, feedback=feedback)["ZONES"])
    assert sorted((key(z), z["status"]) for z in third) == sorted((key(z), z["status"]) for z in again)
    assert service.downloads() == []
    said = [line for line in feedback.lines if "Tarn (81)" in line and "MD5" in line]
    assert len(said) == 1 and "is no longer downloaded" in said[0], feedback.lines


def write_plan(folder, wmts_url, service_root):
    path = os.path.join(str(folder), "plan.json")
    with open(path, "w") as stream:
        json.dump({"source": wmts_url, "entries": [
            {"layer": "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "area": "carcassonne", "zoom_min": 8, "zoom_max": 10},
            {"dataset": "RGEALTI", "variant": "5M", "service": service_root, "contours": 10, "area": {
                "type": "Polygon", "coordinates": [[list(p) for p in catalogue.lonlat_ring(
                    570300.0, 6278300.0, 572700.0, 6279700.0)]]}}]}, stream)
    return path


def run_plan(parameters):
    from qgis import processing

    feedback = Recording()
    return processing.run("ign_offline:run_plan", dict(parameters, LOAD=False, MAX_RATE=0), feedback=feedback), \
        feedback.lines


def test_one_plan_keeps_tiles_and_datasets_fresh(provider, service, tmp_path):
    library = str(tmp_path / "library")
    with StandInWmts() as wmts:
        plan = write_plan(tmp_path, wmts.url, service.root)
        estimate, lines = run_plan({"PLAN": plan, "LIBRARY": library, "ESTIMATE_ONLY": True})
        assert service.downloads() == [] and not os.path.exists(os.path.join(library, "datasets"))
        assert [r["status"] for r in json.loads(estimate["DATASETS"])] == ["updated"]
        assert any(line.startswith("Entry 2: RGE ALTI 5 m — Haute-Garonne (31)") and "to download" in line
                   for line in lines)
        assert any(line.startswith("Datasets to download: ") for line in lines)

        first, lines = run_plan({"PLAN": plan, "LIBRARY": library})
        assert first["TILES_DOWNLOADED"] > 0 and os.path.exists(os.path.join(library,
                                                                             "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.mbtiles"))
        row, = json.loads(first["DATASETS"])
        assert (row["entry"], row["product"], row["status"]) == (2, "RGEALTI", "updated")
        assert sorted(os.path.basename(p) for p in row["outputs"]) == ["contours.gpkg", "hillshade.tif",
                                                                       "mosaic.vrt", "slope.tif"]
        assert "Entry 2 (RGEALTI): updated." in lines
        assert states.read_state(states.zone_folder(library, "RGEALTI", "D081")).is_complete(
            states.zone_folder(library, "RGEALTI", "D081"))

        service.log.clear()
        second, lines = run_plan({"PLAN": plan, "LIBRARY": library})
        assert json.loads(second["DATASETS"])[0]["status"] == "up to date" and service.downloads() == []
        assert "Entry 2 (RGEALTI): up to date." in lines


def publish_huge_ortho(service, tmp_path):
    """A 16 GB BD ORTHO edition for D031 (a sparse file: no disk used): for the large-download rules."""
    sparse = str(tmp_path / "BDORTHO.7z.001")
    with open(sparse, "wb") as stream:
        stream.truncate(16 * 10 ** 9)
    name = "BDORTHO_2-0_RVB-0M20_JP2-E080_LAMB93_D031_2025-01-01"
    service.publish("BDORTHO", catalogue.StandInEdition(name, "D031", "D031 Haute-Garonne", "JP2", "2025-01-01",
                                                        service.catalogue["RGEALTI"][0].bbox,
                                                        [StandInFile(name + ".7z.001", path=sparse, md5="1" * 32)]))


def test_failures_and_refusals_are_said_in_french(french, provider, service, tmp_path):
    # every file of the area's départements damaged in transit (wrong MD5): the run fails, in French
    for edition in list(service.catalogue["RGEALTI"]):
        service.publish("RGEALTI", catalogue.StandInEdition(
            edition.name, edition.zone, edition.zone_label, edition.format, edition.date, edition.bbox,
            [StandInFile(f.name, path=f.path, md5="0" * 32) for f in edition.files]))
    feedback = Recording()
    with pytest.raises(QgsProcessingException) as caught:
        run_download({"EXTENT": EXTENT, "PRODUCTS": [1], "SERVICE": service.root,
                      "LIBRARY": str(tmp_path / "library"), "LOAD": False}, feedback=feedback)
    refusal = str(caught.value).splitlines()[-1]
    assert refusal == ("RGE ALTI 5 m : tous les départements sont en échec (Haute-Garonne (31), Tarn (81)) : les "
                       "raisons sont données plus haut."), refusal
    md5_lines = [line for line in feedback.lines if "MD5" in line]
    assert [line.split(" : ")[0] for line in md5_lines] == ["RGE ALTI 5 m — Haute-Garonne (31)",
                                                             "RGE ALTI 5 m — Tarn (81)"], feedback.lines  # once each
    lines = without_md5s(ours(feedback.lines))
    assert any("à télécharger" in line and " ko" in line for line in lines), lines
    assert english(lines) == [], english(lines)
    for _ in range(2):  # wrong on two runs: no longer fetched, said in French
        feedback = Recording()
        with pytest.raises(QgsProcessingException):
            run_download({"EXTENT": EXTENT, "PRODUCTS": [1], "SERVICE": service.root,
                          "LIBRARY": str(tmp_path / "library"), "LOAD": False}, feedback=feedback)
    stopped = [line for line in feedback.lines if "MD5" in line]
    assert len(stopped) == 2 and all("n'est plus téléchargé" in line for line in stopped), feedback.lines
    assert english(without_md5s(ours(feedback.lines))) == []

    # a very large BD ORTHO download (16 GB, a sparse file): its size said, then refused until confirmed
    publish_huge_ortho(service, tmp_path)
    feedback = Recording()
    with pytest.raises(QgsProcessingException) as caught:
        run_download({"EXTENT": EXTENT, "PRODUCTS": [3], "SERVICE": service.root, "LIBRARY": str(tmp_path / "o"),
                      "LOAD": False}, feedback=feedback)
    refusal = str(caught.value).splitlines()[-1]
    assert refusal.startswith("Ce téléchargement fait 16,0 Go (plus de 10,0 Go)") and "ALLOW_LARGE=true" in refusal, \
        refusal
    assert any("BD ORTHO 20 cm — Haute-Garonne (31)" in line and "16,0 Go" in line for line in feedback.lines), \
        feedback.lines
    assert not [path for path, _ in service.downloads() if "BDORTHO" in path]
    assert english(ours(feedback.lines)) == []


@pytest.mark.parametrize("parameters, fragment", [
    ({"PRODUCTS": [1], "HILLSHADE": False, "SLOPE": False}, "Nothing to make: ask for a hillshade"),
    ({"PRODUCTS": []}, "PRODUCTS"),  # QGIS refuses it itself, naming the parameter
    ({"SERVICE": "ftp://127.0.0.1/telechargement"}, "SERVICE 'ftp://127.0.0.1/telechargement' is not a web address"),
    ({"AREA": "lyon"}, "Unknown area 'lyon'"),
])
def test_bad_input_is_refused_before_any_request(provider, service, tmp_path, parameters, fragment):
    values = dict({"EXTENT": EXTENT, "PRODUCTS": [0, 1], "SERVICE": service.root, "LIBRARY": str(tmp_path / "lib"),
                   "LOAD": False}, **parameters)
    if "AREA" in parameters:
        del values["EXTENT"]
    with pytest.raises(QgsProcessingException, match=re.escape(fragment)):
        run_download(values)
    assert service.log == [] and not (tmp_path / "lib").exists()


def test_a_disk_too_small_is_refused_and_never_told_to_confirm(provider, service, tmp_path, monkeypatch):
    """ALLOW_LARGE is for downloads over 10 GB: it cannot make a disk larger, so a disk too small never suggests
    it (the 16 GB BD ORTHO of the test above, on a disk of 20 GB free)."""
    for name, module in list(sys.modules.items()):
        if name == "core.storage" or name.endswith(".core.storage"):
            monkeypatch.setattr(module, "free_bytes", lambda folder: 20 * 10 ** 9)
    publish_huge_ortho(service, tmp_path)
    for confirmed in (False, True):
        with pytest.raises(QgsProcessingException) as caught:
            run_download({"EXTENT": EXTENT, "PRODUCTS": [3], "SERVICE": service.root, "LIBRARY": str(tmp_path / "o"),
                          "LOAD": False, "ALLOW_LARGE": confirmed})
        refusal = str(caught.value).splitlines()[-1]
        assert "free some space" in refusal and "ALLOW_LARGE" not in refusal, refusal
    assert not [path for path, _ in service.downloads() if "BDORTHO" in path]


def valid_pixels(path):
    """(width, height, valid pixels) of a raster's first band."""
    dataset = gdal.Open(path)
    mask = dataset.GetRasterBand(1).GetMaskBand().ReadRaster()
    return dataset.RasterXSize, dataset.RasterYSize, sum(1 for byte in mask if byte)


@pytest.mark.serial
def test_two_downloads_at_once_then_a_rerun_give_the_hillshade_of_one_alone(published, tmp_path):
    """Two qgis_process runs of download_dataset on one library at once (CLIP=false, two départements, transfers
    slowed so that they overlap): both succeed, each file is downloaded once (a département the other run holds
    is waited for, then found fetched), neither leaves nor announces a hillshade of one département, and a rerun
    keeps the one a run alone makes (issue 28: it was 1 département wide, and kept as "up to date")."""
    catalogue_copy = {k: list(v) for k, v in published[1].items()}
    with StandInDownloadService(catalogue_copy, bandwidth=20000) as server:

        def arguments(library):
            return ("run", "ign_offline:download_dataset", "--", "EXTENT='{}'".format(EXTENT), "PRODUCTS=1",
                    "SERVICE=" + server.root, "LIBRARY=" + library, "CLIP=false", "SLOPE=false", "LOAD=false")

        def hillshade(stdout):
            return next(p for p in json.loads(result_value(stdout, "OUTPUTS")) if p.endswith("hillshade.tif"))

        alone = make_process(*arguments(str(tmp_path / "alone")))
        assert alone.returncode == 0, (alone.stdout + alone.stderr)[-3000:]
        reference = valid_pixels(hillshade(alone.stdout))
        assert reference[:2] == (600, 400)

        library = str(tmp_path / "library")
        server.log.clear()

        def start():
            return subprocess.Popen([*MAKE_PROCESS, "ARGS=" + " ".join(arguments(library))],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # The second run starts once the first is on Haute-Garonne's second volume: it waits for Haute-Garonne,
        # finds it fetched, then comes to Tarn, held or fetched by the first. Any interleaving must give the same.
        runs = [start()]
        archives = os.path.join(states.zone_folder(library, "RGEALTI", "D031"), states.ARCHIVES_FOLDER)
        for _ in range(600):
            if runs[0].poll() is not None or any(".7z.002" in name for name in (
                    os.listdir(archives) if os.path.isdir(archives) else [])):
                break
            time.sleep(0.1)
        assert runs[0].poll() is None, runs[0].communicate()  # still on Haute-Garonne: the runs overlap
        runs.append(start())
        said = [run.communicate(timeout=300) for run in runs]
        for run, (stdout, stderr) in zip(runs, said):
            told = stdout + stderr
            assert run.returncode == 0, told[-3000:]
            assert "Traceback" not in told and "whose data are missing" not in told, told[-3000:]
            assert valid_pixels(hillshade(stdout)) == reference, told[-3000:]
        assert "another run is using its data; waiting for that run to finish" in said[1][0] + said[1][1]
        fetched = sorted(path.rsplit("/", 1)[-1] for path, _ in server.downloads())
        assert fetched == sorted(f.name for e in catalogue_copy["RGEALTI"] if e.zone != "D011" for f in e.files)
        assert sum(int(float(result_value(stdout, "FILES_DOWNLOADED"))) for stdout, _ in said) == len(fetched)

        server.log.clear()
        again = make_process(*arguments(library))
        told = again.stdout + again.stderr
        assert again.returncode == 0 and int(float(result_value(again.stdout, "FILES_DOWNLOADED"))) == 0, told[-3000:]
        assert server.downloads() == [] and valid_pixels(hillshade(again.stdout)) == reference
