"""Vector tiles from the Géoplateforme TMS (stand-in on 127.0.0.1): the service, the checked bodies, the vector
MBTiles (no QGIS)."""

import gzip
import json
import random
import sqlite3
import subprocess

import pytest
from osgeo import gdal

from core import mbtiles
from core.download.engine import DownloadOptions
from core.download.estimate import expected_size_and_time, sample_tiles
from core.download.job import clipped_ranges, download_to_mbtiles
from core.errors import InputError
from core.sources.prepare import fetch_tms_service, prepare_source
from core.tiles import areas
from core.tiles import grid as tiles
from core.vector import mvt, tms
from tests.support.tms_server import StandInTms, make_tiles

gdal.UseExceptions()
TOULOUSE = areas.PRESETS["toulouse"]


def fast(**overrides):
    values = dict(concurrency=4, max_rate=0, backoff_base=0.01, max_attempts=2)
    values.update(overrides)
    return DownloadOptions(**values)


@pytest.fixture()
def server():
    with StandInTms() as stand_in:
        yield stand_in


def stored(output):
    """{(z, x, y) XYZ: bytes} of an MBTiles."""
    with sqlite3.connect(output) as db:
        rows = db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles").fetchall()
    return {(z, x, tiles.flip_y(z, y)): bytes(data) for z, x, y, data in rows}


# -- bodies ------------------------------------------------------------------------------------------------

def test_real_tiles_pass_the_check_gzip_or_not():
    plain = next(iter(make_tiles("PLAN.IGN")[0].values()))
    assert mvt.check_tile(plain) and mvt.check_tile(gzip.compress(plain))
    assert mvt.layer_names(plain) and set(mvt.layer_names(plain)) <= {"routier_route", "bati_surf", "toponyme"}


@pytest.mark.parametrize("body", [
    b"<html><body>Maintenance en cours</body></html>", b'{"error": "internal"}', b"\x89PNG\r\n\x1a\n0000",
    b"Not Found", b"\x1f\x8b\x08\x00garbage"])
def test_pages_errors_and_images_are_not_vector_tiles(body):
    assert not mvt.check_tile(body)
    assert mvt.tile_problem(body) is not None


def test_truncated_and_random_bodies_are_refused():
    plain = max(make_tiles("PLAN.IGN")[0].values(), key=len)
    packed = gzip.compress(plain)
    for cut in (len(plain) // 2, len(plain) - 1, 7):
        assert not mvt.check_tile(plain[:cut])
    for cut in (len(packed) // 2, len(packed) - 4):
        assert not mvt.check_tile(packed[:cut])
    generator = random.Random(22)
    refused = sum(not mvt.check_tile(bytes(generator.getrandbits(8) for _ in range(300))) for _ in range(200))
    assert refused == 200


def test_a_gzip_bomb_is_refused_without_inflating_it():
    bomb = gzip.compress(b"\x1a" * (mvt.MAX_TILE_BYTES + 10))
    assert "larger than" in mvt.tile_problem(bomb)


def test_stored_form_is_gzip_and_the_same_content():
    plain = next(iter(make_tiles("PLAN.IGN")[0].values()))
    packed = mvt.for_mbtiles(plain)
    assert packed[:2] == b"\x1f\x8b" and gzip.decompress(packed) == plain
    assert mvt.for_mbtiles(packed) is packed and mvt.for_mbtiles(plain) == packed  # deterministic


# -- the service ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    ("https://data.geopf.fr/tms/1.0.0", ("https://data.geopf.fr/tms/1.0.0", None)),
    ("https://data.geopf.fr/tms/1.0.0/", ("https://data.geopf.fr/tms/1.0.0", None)),
    ("https://data.geopf.fr/tms/1.0.0/PLAN.IGN", ("https://data.geopf.fr/tms/1.0.0", "PLAN.IGN")),
    ("https://data.geopf.fr/tms/1.0.0/PCI/metadata.json", ("https://data.geopf.fr/tms/1.0.0", "PCI")),
    ("https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf", None),
    ("https://data.geopf.fr/wmts", None),
    ("https://data.geopf.fr/tms/1.0.0/metadata.json", None),
])
def test_which_sources_are_the_tms_service(source, expected):
    assert tms.split_source(source) == expected


def test_style_url_and_ign_averages():
    assert tms.style_url(tms.SERVICE_ROOT, "PLAN.IGN", "gris") == (
        "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/gris.json")
    assert tms.average_tile_bytes(8) == tms.average_tile_bytes(12) == 17000
    assert tms.average_tile_bytes(14) == 50000 and tms.average_tile_bytes(19) == 6000


def test_the_service_lists_its_vector_layers(server):
    entries = fetch_tms_service(server.root)
    assert [e.identifier for e in entries if e.is_vector] == ["PLAN.IGN", "PCI"]
    assert "PLANIGNV2" in [e.identifier for e in entries if not e.is_vector]


def test_a_layer_is_prepared_from_its_metadata(server):
    for source, layer in ((server.root, "PLAN.IGN"), (server.root + "/PLAN.IGN", None),
                          (server.root + "/PLAN.IGN/metadata.json", "")):
        prepared = prepare_source(source, layer)
        assert (prepared.layer, prepared.format, prepared.public_url) == (
            "PLAN.IGN", "application/x-protobuf", server.root)
        assert prepared.is_vector and prepared.zooms == list(range(0, 19))
        assert [v["id"] for v in prepared.vector_layers] == ["routier_route", "bati_surf", "toponyme"]
        assert prepared.sample_tile_url().startswith(server.root + "/PLAN.IGN/0/0/0.pbf")


@pytest.mark.parametrize("layer, fmt, fragment", [
    (None, None, "its vector tile layers are: PLAN.IGN, PCI"),
    ("BDTOPO", None, "It serves as vector tiles: PLAN.IGN, PCI"),
    ("PLAN.IGN", "image/png", "vector tiles (pbf) only"),
])
def test_bad_layer_choices_name_the_right_ones(server, layer, fmt, fragment):
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        prepare_source(server.root, layer, tile_format=fmt)


def test_a_pbf_template_is_a_vector_source(server):
    prepared = prepare_source(server.template())
    assert prepared.is_vector and prepared.vector_layers == [] and prepared.format == "application/x-protobuf"
    assert prepare_source(server.root + "/PLAN.IGN/{z}/{x}/{y}", tile_format="pbf").is_vector


# -- downloads ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("served_gzip", [True, False])
def test_plan_ign_over_a_preset_at_zooms_8_to_14_is_stored_as_served(tmp_path, served_gzip):
    with StandInTms(gzip=served_gzip) as server:
        prepared = prepare_source(server.root, "PLAN.IGN")
        output = str(tmp_path / "PLAN.IGN.mbtiles")
        stats = download_to_mbtiles(prepared, TOULOUSE, 8, 14, output, fast())
        requested = set(server.log.tiles())
        sent = {t: server.served("PLAN.IGN", *t) for t in requested}
    assert stats.failed == 0 and stats.downloaded + stats.empty == stats.total == len(requested)
    got = stored(output)
    assert set(got) == {t for t, body in sent.items() if body is not None}
    for tile, data in got.items():
        assert data[:2] == b"\x1f\x8b"
        # byte-exact as served when served gzip; plain tiles are stored gzip, their content byte-exact
        assert (data == sent[tile]) if served_gzip else (gzip.decompress(data) == sent[tile])
    with mbtiles.MBTilesReader(output) as reader:
        metadata = reader.metadata()
    assert metadata["format"] == "pbf" and metadata["minzoom"] == "8" and metadata["maxzoom"] == "14"
    assert [v["id"] for v in json.loads(metadata["json"])["vector_layers"]] == [
        "routier_route", "bati_surf", "toponyme"]
    assert metadata["ign_offline:layer"] == "PLAN.IGN" and metadata["ign_offline:source"] == server.root
    assert not mbtiles.metadata_problems(metadata)
    listed = subprocess.run(["ogrinfo", "-ro", "-q", output], capture_output=True, text=True, timeout=60).stdout
    assert all(name in listed for name in ("routier_route", "bati_surf", "toponyme"))
    dataset = gdal.OpenEx(output, gdal.OF_VECTOR)
    assert dataset.GetLayerByName("bati_surf").GetFeatureCount() > 0


def test_no_data_is_recorded_empty_and_never_refetched(server, tmp_path):
    prepared = prepare_source(server.root, "PLAN.IGN")
    output = str(tmp_path / "p.mbtiles")
    area = areas.Area("east", "east of the data", 1.56, 43.5, 1.7, 43.6)
    stats = download_to_mbtiles(prepared, area, 12, 13, output, fast())
    assert stats.empty > 0 and stats.failed == 0
    with mbtiles.MBTilesWriter(output) as store:
        assert store.journal_counts().get("empty") == stats.empty
    server.log.clear()
    again = download_to_mbtiles(prepared, area, 12, 13, output, fast())
    assert server.log.tiles() == [] and again.skipped == stats.total


@pytest.mark.parametrize("fault", ["html", "json", "truncate", "cut"])
def test_a_hostile_answer_is_never_stored_and_is_said(server, tmp_path, fault):
    prepared = prepare_source(server.root, "PLAN.IGN")
    output = str(tmp_path / "p.mbtiles")
    tile = (14, 8255, 5983)
    assert server.served("PLAN.IGN", *tile) is not None
    server.fault("PLAN.IGN", tile, fault, fault)  # every attempt (max_attempts=2) gets it
    said = []
    stats = download_to_mbtiles(prepared, TOULOUSE, 14, 14, output, fast(), log=said.append)
    assert stats.failed == 1 and tile not in stored(output)
    assert any("14/8255/5983" in str(line) for line in said), said
    server.faults.clear()
    again = download_to_mbtiles(prepared, TOULOUSE, 14, 14, output, fast())
    assert again.downloaded == 1 and stored(output)[tile] == server.served("PLAN.IGN", *tile)


def test_refresh_keeps_unchanged_tiles_on_304(server, tmp_path):
    prepared = prepare_source(server.root, "PLAN.IGN")
    output = str(tmp_path / "p.mbtiles")
    first = download_to_mbtiles(prepared, TOULOUSE, 12, 13, output, fast())
    refreshed = download_to_mbtiles(prepared, TOULOUSE, 12, 13, output, fast(refresh_days=0))
    assert refreshed.not_modified == first.downloaded and refreshed.downloaded == 0
    assert 304 in {entry[5] for entry in server.log.entries}


def test_a_pbf_template_finds_its_vector_layers_in_the_tiles(server, tmp_path):
    output = str(tmp_path / "x.mbtiles")
    stats = download_to_mbtiles(prepare_source(server.template("PCI")), TOULOUSE, 12, 13, output, fast())
    assert stats.downloaded
    with mbtiles.MBTilesReader(output) as reader:
        metadata = reader.metadata()
    assert metadata["format"] == "pbf" and '"id":"parcelle"' in metadata["json"]


def test_bounds_stay_within_the_layer(server, tmp_path):
    prepared = prepare_source(server.root, "PLAN.IGN")
    ranges, outside = clipped_ranges(prepared, areas.Area("wide", "wide", -10.0, 40.0, 2.0, 44.0), 8, 8)
    west, south, east, north = prepared.bounds
    assert outside > 0 and ranges[0].x_min == tiles.tile_range(prepared.bounds, 8).x_min
    assert (west, south) == (-5.5, 41.0)


# -- estimates -------------------------------------------------------------------------------------------------

def test_estimate_samples_per_zoom_and_falls_back_on_ign_averages(server):
    prepared = prepare_source(server.root, "PLAN.IGN")
    ranges, _ = clipped_ranges(prepared, TOULOUSE, 12, 16)
    samples = sample_tiles(prepared, ranges, options=fast())
    assert set(samples) == set(range(12, 17))
    assert samples[14].mean_bytes > 0 and samples[15].mean_bytes == 0  # no data at 15 in the stand-in
    size, _ = expected_size_and_time(ranges, samples, fast(), fallback=tms.average_tile_bytes)
    by_zoom = {r.zoom: r.count for r in ranges}
    sampled = sum(by_zoom[z] * samples[z].mean_bytes for z in by_zoom)
    assert size == pytest.approx(sampled)
    # nothing sampled at a zoom: IGN's average for it
    partial = {z: s for z, s in samples.items() if z != 13}
    size, _ = expected_size_and_time(ranges, partial, fast(), fallback=tms.average_tile_bytes)
    assert size == pytest.approx(sampled - by_zoom[13] * samples[13].mean_bytes + by_zoom[13] * 65000)
    size, seconds = expected_size_and_time(ranges, {}, fast(), fallback=tms.average_tile_bytes)
    assert size == pytest.approx(sum(n * tms.average_tile_bytes(z) for z, n in by_zoom.items()))
    assert seconds is None


def test_a_plan_takes_a_vector_layer_into_its_library_file(server, tmp_path):
    from core import naming
    from core.library import jobs, plans

    plan = plans.parse_plan(json.dumps({"source": server.root, "entries": [
        {"layer": "PLAN.IGN", "area": "toulouse", "zoom_min": 8, "zoom_max": 14}]}))
    prepared = jobs.prepare_jobs(plan, str(tmp_path))
    assert prepared[0].output == naming.library_file(str(tmp_path), "PLAN.IGN")
    results = jobs.run_jobs(prepared, fast())
    assert results[0].error is None and results[0].stats.failed == 0
    got = stored(prepared[0].output)
    assert got and all(data == server.served("PLAN.IGN", *tile) for tile, data in got.items())
    with mbtiles.MBTilesReader(prepared[0].output) as reader:
        assert reader.metadata()["format"] == "pbf"


@pytest.mark.parametrize("source, expected", [
    ("https://data.geopf.fr/wmts", "https://data.geopf.fr/tms/1.0.0"),
    ("https://data.geopf.fr/private/wmts?apikey=x", "https://data.geopf.fr/tms/1.0.0"),
    ("https://data.geopf.fr/tms/1.0.0/PLAN.IGN", "https://data.geopf.fr/tms/1.0.0"),
    ("http://127.0.0.1:8080/tms/1.0.0", "http://127.0.0.1:8080/tms/1.0.0"),
    ("https://tiles.example.org/{z}/{x}/{y}.png", None),
    ("/data/capabilities.xml", None),
])
def test_the_tms_service_beside_a_server_is_on_its_host(source, expected):
    assert tms.service_of(source) == expected
