"""The small rules written once in core: durations, accent folding, the library's file names."""

import os

import pytest

from core import naming
from core.errors import InputError
from core.library import plans
from core.text import duration, fold_accents, limit_duration
from core.tiles import areas


def test_duration_reads_as_a_person_says_it():
    assert [duration(s) for s in (None, 0, 40.4, 59.6, 90, 720, 3600, 7500)] == [
        "?", "0 s", "40 s", "1 min", "2 min", "12 min", "1 h 00 min", "2 h 05 min"]
    assert duration(7500, ("{} u {:02d}", "{} m", "{} sec")) == "2 u 05"  # the dock passes them translated


def test_a_limit_is_said_as_it_was_set():
    assert [limit_duration(s) for s in (30, 90, 120, 150, 300)] == [
        "30 s", "90 s", "2 minutes", "150 s", "5 minutes"]


def test_accents_fold_the_same_way_for_presets_and_layer_search():
    assert fold_accents("Pyrénées Orléans ÇA") == "Pyrenees Orleans CA"
    assert areas.preset("pyrenees caves") is areas.preset("Pyrénées (caves)")


def test_one_naming_rule_for_the_library():
    assert naming.safe_name("ORTHOIMAGERY.ORTHOPHOTOS/2020 x") == "ORTHOIMAGERY.ORTHOPHOTOS_2020_x"
    assert naming.library_file("lib", "A:B") == os.path.join("lib", "A_B.mbtiles")
    job = plans.LayerJob("https://x/wmts", "A:B", "normal", "image/png")
    assert job.file_name == naming.file_name("A:B") == "A_B.mbtiles"


def test_the_export_formats_are_one_registry_in_the_enum_order():
    from core.field import formats

    # FORMAT=0, 1, 2, 3 as before; issue 21's formats come after them.
    assert [f.name for f in formats.EXPORT_FORMATS] == ["mbtiles", "osmand", "gpkg", "cog", "pmtiles", "geotiff"]
    assert formats.FORMATS == ("mbtiles", "osmand", "gpkg", "pmtiles", "geotiff")
    assert formats.RASTER_FORMATS == ("mbtiles", "gpkg", "cog")
    assert [formats.export_format(n).extension for n in formats.FORMATS] == [
        ".mbtiles", ".sqlitedb", ".gpkg", ".pmtiles", ".tif"]
    # The FORMAT help (the toolbox shows it as the label's tooltip) is built from the labels, each a Message the
    # plugin translates.
    assert all(f.label.template == f.label for f in formats.EXPORT_FORMATS)
    with pytest.raises(InputError, match="use one of mbtiles, osmand, gpkg, cog, pmtiles, geotiff"):
        formats.export_format("kmz")
