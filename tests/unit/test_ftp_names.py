"""Product folder and tile names as they appear on IGN and CIGAL servers."""

import pytest

from core.ftp import names as ftp_names
from core.ftp.client import is_safe_name, parse_list_line


@pytest.mark.parametrize("name, expected", [
    ("OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015", ("OHR", "RVB", "0M20", "JP2", "LAMB93", "67", "2015", 2154)),
    ("ORTHO_RVB_0M20_JP2_E100_L93_D67_2015", ("ORTHO", "RVB", "0M20", "JP2", "L93", "67", "2015", 2154)),
    ("OHR_MNS_0M20_TIF_LAMB93_D57-2015", ("OHR", "MNS", "0M20", "TIF", "LAMB93", "57", "2015", 2154)),
    ("ORTHO_MNS_0M25_TIF_L93_D08_2018", ("ORTHO", "MNS", "0M25", "TIF", "L93", "08", "2018", 2154)),
    ("BDOHISTO_NB_67_0M50_1950_LACC48", ("BDOHISTO", "NB", "0M50", "", "LACC48", "67", "1950", 3948)),
    ("BDORTHO_2-0_RVB-0M50_JP2-E080_LAMB93_D003_2013-01-01",
     ("BDORTHO", "RVB", "0M50", "JP2", "LAMB93", "03", "2013", 2154)),
])
def test_product_names_in_both_styles(name, expected):
    product = ftp_names.parse_product(name)
    assert (product.product, product.option, product.resolution, product.format, product.crs,
            product.departement, product.year, product.epsg) == expected


def test_product_title_reads_well_and_unknown_names_keep_their_name():
    assert ftp_names.parse_product("OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015").title == "OHR RVB 0.20 m D67 2015"
    assert ftp_names.parse_product("documentation").title == "documentation"


@pytest.mark.parametrize("name, x, y, departement", [
    ("67-2015-1020-6860-LA93-0M20-E100.jp2", 1020, 6860, "67"),
    ("37-2021-0520-6705-LA93-0M20-E080.jp2", 520, 6705, "37"),
    ("57-2015-0930-6900-LA93-0M20.zip", 930, 6900, "57"),
    ("LHD_FXX_0932_6453_MNS_0M50_LAMB93_IGN69.tif", 932, 6453, ""),
    ("RGEALTI_FXX_0984_6808_MNT_LAMB93_IGN69.asc", 984, 6808, ""),
])
def test_tile_names_give_kilometre_coordinates(name, x, y, departement):
    tile = ftp_names.parse_tile(name)
    assert (tile.x_km, tile.y_km, tile.departement) == (x, y, departement)


@pytest.mark.parametrize("name", ["lisez-moi.txt", "dalle_sans_coordonnees.jp2", "67-2015-1020-6860.xml",
                                  "index.shp", "2015.jp2"])
def test_other_files_are_not_tiles(name):
    assert ftp_names.parse_tile(name) is None


def test_index_entries_match_file_names_across_paths_case_and_dashes():
    key = ftp_names.match_key("67-2015-1020-6860-LA93-0M20-E100.jp2")
    assert ftp_names.match_key("./data/67-2015-1020-6860-LA93-0M20-E100.jp2") == key
    assert ftp_names.match_key("67_2015_1020_6860_LA93_0M20_E100") == key
    assert ftp_names.match_key("C:\\dalles\\67-2015-1020-6860-la93-0m20-e100.JP2") == key


@pytest.mark.parametrize("name, safe", [
    ("67-2015-1020-6860-LA93-0M20-E100.jp2", True), ("..", False), (".", False), ("", False),
    ("../67-2015-1020-6860-LA93-0M20-E100.jp2", False), ("a/b.jp2", False), ("a\\b.jp2", False),
    ("C:evil.jp2", False), ("..hidden.jp2", True),
])
def test_remote_names_with_separators_or_dot_dot_are_unsafe(name, safe):
    assert is_safe_name(name) is safe


def test_unix_list_lines_parse_and_other_forms_do_not():
    entry = parse_list_line("-rw-r--r--   1 ftp ftp  45678912 Mar 12  2016 67-2015-1020-6860-LA93-0M20-E100.jp2")
    assert (entry.name, entry.is_dir, entry.size) == ("67-2015-1020-6860-LA93-0M20-E100.jp2", False, 45678912)
    folder = parse_list_line("drwxr-xr-x   2 ftp ftp      4096 Jan  1 12:00 OHR RVB avec espaces")
    assert (folder.name, folder.is_dir) == ("OHR RVB avec espaces", True)
    assert parse_list_line("03-12-16  10:00AM       <DIR>          data") is None
