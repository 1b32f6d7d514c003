"""core.datasets.relief on RGE ALTI-like ASC tiles: the hillshade and slope are gdaldem's on the same mosaic, pixel
for pixel inside the area, written as valid COGs cut to the area; contours at the interval; a cancel leaves
nothing; bad inputs are one clear message. And BD ORTHO tiles chosen for an area."""

import os
import subprocess

import pytest
from osgeo import gdal, ogr
from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate

from core.datasets import orthos, relief
from core.errors import Cancelled, InputError
from tests.support import dataset_samples as samples

AREA_L93 = (570330.0, 6278420.0, 572610.0, 6279730.0)


@pytest.fixture(scope="module")
def dem(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rgealti")
    tiles = samples.rgealti_tiles(str(folder / "data"))
    return relief.mosaic(tiles, str(folder / "mosaic" / "RGEALTI.vrt"))


@pytest.fixture(scope="module")
def made(dem, tmp_path_factory):
    folder = tmp_path_factory.mktemp("relief")
    area = samples.lambert_area(*AREA_L93)
    calls = []
    paths = relief.relief(dem, str(folder / "out"), area, contours=10,
                          progress=lambda done, total: calls.append((done, total)))
    return paths, folder, calls


def gdaldem(mode, dem, folder):
    """What Debian's `gdaldem` writes for the same mosaic (the reference)."""
    out = os.path.join(str(folder), mode + "-reference.tif")
    subprocess.run(["gdaldem", mode, "-q", dem, out], check=True, timeout=60)
    return out


def pixels(path):
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    return dataset.GetGeoTransform(), band.ReadAsArray(), band.GetNoDataValue()


def compare_inside(result, reference, tolerance):
    """Every pixel the result has (not nodata) equals the reference's pixel at the same place; how many."""
    (x0, dx, _, y0, _, dy), values, nodata = pixels(result)
    (rx0, rdx, _, ry0, _, rdy), expected, _ = pixels(reference)
    assert (dx, dy) == (rdx, rdy)
    column, row = round((x0 - rx0) / dx), round((y0 - ry0) / dy)
    assert (x0 - rx0) / dx == pytest.approx(column) and (y0 - ry0) / dy == pytest.approx(row)  # same grid
    window = expected[row:row + values.shape[0], column:column + values.shape[1]]
    inside = values != nodata
    assert abs(values[inside] - window[inside]).max() <= tolerance
    return int(inside.sum()), values.size


def test_mosaic_reads_asc_tiles_as_lambert93_with_their_nodata(dem):
    dataset = gdal.Open(dem)
    assert (dataset.RasterXSize, dataset.RasterYSize) == (600, 400)
    assert "Lambert-93" in dataset.GetProjection()
    assert dataset.GetRasterBand(1).GetNoDataValue() == samples.NODATA
    assert dataset.GetGeoTransform()[:4] == (570000.0, 5.0, 0.0, 6280000.0)


def test_hillshade_is_gdaldem_hillshade_inside_the_area_as_a_valid_cog(dem, made, tmp_path):
    paths, _, _ = made
    assert set(paths) == {"hillshade", "slope", "contours"}
    inside, total = compare_inside(paths["hillshade"], gdaldem("hillshade", dem, tmp_path), tolerance=0)
    assert inside > 0.9 * total  # a lon/lat box is nearly a rectangle in Lambert-93: little is cut off
    warnings, errors, _ = validate(paths["hillshade"], full_check=True)
    assert errors == []
    structure = gdal.Open(paths["hillshade"]).GetMetadata("IMAGE_STRUCTURE")
    assert structure.get("LAYOUT") == "COG" and structure.get("COMPRESSION") == "DEFLATE"


def test_results_are_cut_to_the_area(made):
    paths, _, _ = made
    dataset = gdal.Open(paths["hillshade"])
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    x1, y1 = x0 + dx * dataset.RasterXSize, y0 + dy * dataset.RasterYSize
    xmin, ymin, xmax, ymax = AREA_L93
    # The lon/lat box of the area lies within the Lambert-93 box given, and the crop follows it to the pixel.
    assert xmin - 5 <= x0 < xmin + 60 and xmax - 60 < x1 <= xmax + 5
    assert ymin - 5 <= y1 < ymin + 60 and ymax - 60 < y0 <= ymax + 5
    corner = dataset.GetRasterBand(1).ReadAsArray(0, 0, 1, 1)[0][0]
    assert corner == 0  # the box's corner in Lambert-93 is outside the lon/lat area's edges: nodata (0)


def test_slope_is_gdaldem_slope(dem, made, tmp_path):
    paths, _, _ = made
    inside, total = compare_inside(paths["slope"], gdaldem("slope", dem, tmp_path), tolerance=1e-4)
    assert inside > 0.9 * total
    assert validate(paths["slope"], full_check=True)[1] == []


def test_contours_are_at_the_interval_inside_the_area(made):
    paths, _, _ = made
    source = ogr.Open(paths["contours"])
    layer = source.GetLayerByName("contours")
    elevations = {feature.GetField("elevation") for feature in layer}
    assert len(elevations) >= 5 and all(value % 10 == 0 for value in elevations)
    assert 150 <= min(elevations) and max(elevations) <= 400
    xmin, xmax, ymin, ymax = layer.GetExtent()
    assert AREA_L93[0] - 1 <= xmin and xmax <= AREA_L93[2] + 1 and AREA_L93[1] - 1 <= ymin and ymax <= AREA_L93[3] + 1


def test_every_contour_has_the_layers_geometry_type(made):
    """A contour the area's edge cuts in two is a MultiLineString: the layer must be of that type (a GeoPackage
    whose features are not of its layer's type does not conform)."""
    paths, _, _ = made
    source = ogr.Open(paths["contours"])  # held: its layer dies with it
    layer = source.GetLayerByName("contours")
    types = [ogr.GT_Flatten(feature.GetGeometryRef().GetGeometryType()) for feature in layer]
    assert ogr.GT_Flatten(layer.GetGeomType()) == ogr.wkbMultiLineString
    assert types and set(types) == {ogr.wkbMultiLineString}


def test_progress_goes_up_to_the_end(made):
    _, _, calls = made
    assert calls[-1][0] == calls[-1][1] and calls[-1][1] > 0
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_whole_dem_without_area(dem, tmp_path):
    paths = relief.relief(dem, str(tmp_path), hillshade=True, slope=False)
    assert list(paths) == ["hillshade"]
    assert compare_inside(paths["hillshade"], gdaldem("hillshade", dem, tmp_path), 0)[1] == 600 * 400
    # Wider than a 512 px COG tile: it has overviews, and GDAL's validator accepts their layout.
    assert gdal.Open(paths["hillshade"]).GetRasterBand(1).GetOverviewCount() >= 1
    assert validate(paths["hillshade"], full_check=True)[1] == []


@pytest.mark.parametrize("after", [1, 5])
def test_cancel_leaves_no_half_file(dem, tmp_path, after):
    seen = []

    def is_cancelled():
        seen.append(1)
        return len(seen) > after

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        relief.relief(dem, str(out), samples.lambert_area(*AREA_L93), slope=False, is_cancelled=is_cancelled)
    left = os.listdir(str(out))
    assert not [name for name in left if ".part" in name or name.startswith(".relief-")], left
    assert all(validate(str(out / name))[1] == [] for name in left)  # only complete files, if any


def test_a_file_that_is_not_a_raster_is_one_clear_message(tmp_path):
    text = tmp_path / "notes.asc"
    text.write_text("not a grid\n")
    with pytest.raises(InputError, match="'notes.asc' is not a raster GDAL can read"):
        relief.relief(str(text), str(tmp_path / "out"))
    assert not (tmp_path / "out").exists() or not os.listdir(str(tmp_path / "out"))


def test_an_image_is_not_a_dem(tmp_path):
    tiles = samples.bdortho_tiles(str(tmp_path / "ortho"), 1, 1)
    with pytest.raises(InputError, match="has 3 bands: a DEM has one"):
        relief.relief(tiles[0], str(tmp_path / "out"))


def test_an_area_outside_the_dem_is_refused(dem, tmp_path):
    far = samples.lambert_area(600000, 6300000, 601000, 6301000, title="Ailleurs")
    with pytest.raises(InputError, match="The area 'Ailleurs' does not meet the DEM 'RGEALTI.vrt'"):
        relief.relief(dem, str(tmp_path / "out"), far)
    assert os.listdir(str(tmp_path / "out")) == []


def test_too_little_free_space_is_refused_before_any_work(dem, tmp_path, monkeypatch):
    monkeypatch.setattr(relief, "free_bytes", lambda folder: 1000)  # a full disk, without filling one
    with pytest.raises(InputError, match="Not enough free space") as caught:
        relief.relief(dem, str(tmp_path / "out"), samples.lambert_area(*AREA_L93))
    assert "1000 B are free" in str(caught.value) or "1.0 kB" in str(caught.value)
    assert os.listdir(str(tmp_path / "out")) == []


def test_negative_contour_interval_is_refused(dem, tmp_path):
    with pytest.raises(InputError, match="contour interval is -5 m"):
        relief.relief(dem, str(tmp_path), contours=-5)


# -- BD ORTHO tiles -------------------------------------------------------------------------------------------------

def test_ortho_tile_names_are_read():
    tile = orthos.parse_tile_name("31-2025-0570-6280-LA93-0M20-E080.jp2")
    assert (tile.departement, tile.year, tile.x_km, tile.y_km, tile.resolution_m, tile.compression) == (
        "31", 2025, 570, 6280, 0.2, "E080")
    assert tile.name_bounds == (570000.0, 6279000.0, 571000.0, 6280000.0)  # top-left corner
    assert orthos.parse_tile_name("2A-2023-1180-6120-LA93-0M20-E080.jp2").departement == "2A"
    assert orthos.parse_tile_name("RGEALTI_FXX_0570_6280_MNT_LAMB93_IGN69.asc") is None


@pytest.mark.parametrize("georeferenced", [True, False])
def test_ortho_tiles_of_an_area_and_their_mosaic(tmp_path, georeferenced):
    tiles = samples.bdortho_tiles(str(tmp_path / "tiles"), georeferenced=georeferenced)
    one = orthos.tiles_of_area(tiles, samples.lambert_area(571200, 6279200, 571800, 6279800))
    assert [os.path.basename(p) for p in one] == [samples.ortho_tile_name(571, 6280)]
    two = orthos.tiles_of_area(tiles, samples.lambert_area(570600, 6278300, 571400, 6278700))
    assert sorted(os.path.basename(p) for p in two) == sorted(
        samples.ortho_tile_name(x, 6279) for x in (570, 571))
    vrt = orthos.ortho_mosaic(tiles, str(tmp_path / "mosaic" / "BDORTHO.vrt"),
                              samples.lambert_area(570600, 6278300, 571400, 6278700))
    dataset = gdal.Open(vrt)  # placed by the files' own georeferencing, or by their names (top-left corner)
    assert dataset.GetGeoTransform()[0] == 570000.0 and dataset.GetGeoTransform()[3] == 6279000.0
    assert dataset.RasterXSize == 2 * dataset.RasterYSize and dataset.RasterCount == 3
    assert "Lambert-93" in dataset.GetProjection()


def test_a_tile_georeferencing_wins_over_its_name(tmp_path):
    path = samples.bdortho_tiles(str(tmp_path), 1, 1)[0]
    moved = os.path.join(str(tmp_path), samples.ortho_tile_name(580, 6290))  # the name lies; the file does not
    os.rename(path, moved)
    assert orthos.tile_bounds(moved) == (570000.0, 6279000.0, 571000.0, 6280000.0)


def test_no_tile_in_the_area_is_one_clear_message(tmp_path):
    tiles = samples.bdortho_tiles(str(tmp_path / "tiles"), 1, 1)
    with pytest.raises(InputError, match="No BD ORTHO tile meets the area 'Ailleurs'"):
        orthos.ortho_mosaic(tiles, str(tmp_path / "o.vrt"), samples.lambert_area(600000, 6300000, 601000, 6301000,
                                                                                    title="Ailleurs"))


def test_a_polygon_area_cuts_along_its_edges(dem, tmp_path):
    """A triangle drawn in Lambert-93 (an AREA_LAYER's polygons): pixels outside it are nodata, those inside are
    gdaldem's."""
    from core.tiles import polygons
    from core.tiles.areas import Area

    path = tmp_path / "triangle.geojson"
    path.write_text('{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": '
                    '"urn:ogc:def:crs:EPSG::2154"}}, "features": [{"type": "Feature", "properties": {}, '
                    '"geometry": {"type": "Polygon", "coordinates": [[[570500, 6278500], [572500, 6278500], '
                    '[570500, 6279800], [570500, 6278500]]]}}]}')
    shape = polygons.from_file(str(path))
    area = Area("triangle", "Triangle", *polygons.lonlat_bounds(shape), polygons=shape)
    paths = relief.relief(dem, str(tmp_path / "out"), area, slope=False)
    inside, total = compare_inside(paths["hillshade"], gdaldem("hillshade", dem, tmp_path), tolerance=0)
    assert 0.4 * total < inside < 0.6 * total  # half of its box, about
    (x0, dx, _, y0, _, dy), values, _ = pixels(paths["hillshade"])
    assert values[5, -5] == 0 and values[-5, 5] != 0  # north-east corner cut off, south-west kept
