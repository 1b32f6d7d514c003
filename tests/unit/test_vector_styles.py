"""core.vector.styles without QGIS (issue 22, V2): names, font mapping, the local rewrite, where styles live."""

import json
import os

import pytest

from core.errors import InputError
from core.vector import mvt, styles


def test_style_url_is_on_the_server_of_the_tms():
    assert styles.style_url("https://data.geopf.fr/tms/1.0.0", "PLAN.IGN", "gris") == (
        "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/gris.json")
    assert styles.style_url("http://127.0.0.1:8123/tms/1.0.0", "PCI", "pci") == (
        "http://127.0.0.1:8123/annexes/ressources/vectorTiles/styles/PCI/pci.json")


def test_styles_folder_is_beside_the_mbtiles(tmp_path):
    path = str(tmp_path / "PLAN.IGN.mbtiles")
    assert styles.styles_folder(path) == str(tmp_path / "PLAN.IGN.styles")


@pytest.mark.parametrize("asked, bundled", [
    ("Source Sans Pro Regular", "Source Sans Pro Regular"),
    ("Source Sans Pro Bold", "Source Sans Pro Bold"),
    ("Source Sans Pro SemiBold", "Source Sans Pro Semibold"),
    ("Source Sans Pro SemiBold Italic", "Source Sans Pro Semibold Italic"),
    ("Source Sans Pro It", "Source Sans Pro Italic"),
    ("Source Sans Pro", "Source Sans Pro Regular"),
    ("Source Sans 3 Bold", "Source Sans Pro Bold"),
    ("Open Sans Bold", "Open Sans Bold"),            # not ours: left as it is
    ("Source Sans Pro Condensed", "Source Sans Pro Condensed"),  # a style we do not bundle: as it is
])
def test_font_names_are_written_as_the_bundled_fonts_spell_them(asked, bundled):
    assert styles.font_name(asked) == bundled


def style_with(text_font):
    return {"version": 8, "sprite": "https://example.org/sprite/PlanIgn", "glyphs": "https://example.org/{range}",
            "sources": {"plan": {"type": "vector", "tiles": ["https://example.org/{z}/{x}/{y}.pbf"], "maxzoom": 18},
                        "relief": {"type": "raster", "tiles": ["https://example.org/r/{z}/{x}/{y}.png"]}},
            "layers": [{"id": "label", "type": "symbol", "layout": {"text-font": text_font}}]}


def test_the_local_style_reads_the_mbtiles_and_the_sprite_beside_it():
    local = styles.localised(style_with(["Source Sans Pro SemiBold"]), "PLAN.IGN.mbtiles", "PlanIgn")
    assert local["sources"]["plan"] == {"type": "vector", "url": "mbtiles://../PLAN.IGN.mbtiles", "maxzoom": 18}
    assert "relief" not in local["sources"]  # online images of another server: not drawn offline
    assert local["sprite"] == "sprite/PlanIgn" and "glyphs" not in local
    assert local["layers"][0]["layout"]["text-font"] == ["Source Sans Pro Semibold"]
    stops = {"stops": [[10, ["Source Sans Pro It"]], [14, ["Source Sans Pro Bold"]]]}
    local = styles.localised(style_with(stops), "X.mbtiles", None)
    assert local["layers"][0]["layout"]["text-font"] == {
        "stops": [[10, ["Source Sans Pro Italic"]], [14, ["Source Sans Pro Bold"]]]}
    assert "sprite" not in local


def test_saved_styles_come_default_first(tmp_path):
    path = str(tmp_path / "PLAN.IGN.mbtiles")
    assert styles.saved_styles(path) == []
    os.makedirs(styles.styles_folder(path))
    for name in ("gris", "zz_mine", "standard", "classique"):
        (tmp_path / "PLAN.IGN.styles" / (name + ".json")).write_text("{}")
    assert styles.saved_styles(path) == ["standard", "classique", "gris", "zz_mine"]
    bdtopo = str(tmp_path / "BDTOPO.mbtiles")
    os.makedirs(styles.styles_folder(bdtopo))
    for name in ("bati", "classique"):
        (tmp_path / "BDTOPO.styles" / (name + ".json")).write_text("{}")
    assert styles.saved_styles(bdtopo) == ["classique", "bati"]


def test_a_saved_style_that_is_not_a_style_is_said(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("<html>")
    with pytest.raises(InputError, match="not JSON"):
        styles.read_style(str(path))
    path.write_text(json.dumps({"version": 8}))
    with pytest.raises(InputError, match="not a Mapbox GL style"):
        styles.read_style(str(path))


def test_a_missing_sprite_file_is_said(tmp_path):
    path = tmp_path / "standard.json"
    path.write_text(json.dumps({"version": 8, "layers": [], "sprite": "sprite/PlanIgn"}))
    with pytest.raises(InputError, match="save the styles again"):
        styles.local_sprite(str(path))
    (tmp_path / "sprite").mkdir()
    (tmp_path / "sprite" / "PlanIgn.json").write_text("{}")
    with pytest.raises(InputError, match="PlanIgn.png"):
        styles.local_sprite(str(path))


def test_vector_metadata_is_told_by_its_format():
    assert mvt.is_vector({"format": "pbf"}) and not mvt.is_vector({"format": "png"})


def test_a_style_not_saved_is_refused_with_the_saved_ones(tmp_path):
    path = str(tmp_path / "PCI.mbtiles")
    with pytest.raises(InputError, match="No style is saved for PCI.mbtiles"):
        styles.check_saved(path, "pci")
    os.makedirs(styles.styles_folder(path))
    (tmp_path / "PCI.styles" / "pci.json").write_text("{}")
    styles.check_saved(path, "pci")
    with pytest.raises(InputError, match="saved styles: pci[.]"):
        styles.check_saved(path, "noir_et_blanc")


def test_a_style_for_other_data_is_told():
    metadata = {"json": json.dumps({"vector_layers": [{"id": "routier_ligne"}, {"id": "bati_surf"}]})}
    plan = {"layers": [{"id": "a", "source-layer": "routier_ligne"}, {"id": "b", "source-layer": "toponyme"}]}
    cadastre = {"layers": [{"id": "a", "source-layer": "parcelle"}, {"id": "bg", "type": "background"}]}
    assert not styles.draws_nothing_of(plan, metadata)
    assert styles.draws_nothing_of(cadastre, metadata)
    assert not styles.draws_nothing_of(cadastre, {})  # nothing listed: nothing to tell
