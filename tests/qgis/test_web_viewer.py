"""Issue 29: TARGET=web writes a folder that opens in a browser, offline, from a static web server with Range. The
export is run through processing.run, its folder served on 127.0.0.1 by the serve.py it holds, and opened in
Debian's headless Chromium (puppeteer-core): no page error, no console error, no request leaving 127.0.0.1, the
style's colours on screen (pixels counted in a screenshot), the view on the exported area, IGN credited."""

import json
import os
import sqlite3

import pytest
from qgis.PyQt.QtGui import QColor, QImage

from core import mbtiles
from core.sources.policies import IGN_ATTRIBUTION
from core.tiles import grid as tiles
from core.vector import styles
from tests.support import browser
from tests.support.images import png_tile
from tests.support.style_server import STYLE_KINDS, StyleServer, write_vector_mbtiles

CARCASSONNE = (2.30, 43.18, 2.40, 43.25)
LAYER = "PLAN.IGN"


def served_by_a_rok4_mirror(path):
    """The file's attribution as a ROK4 server's capabilities give it (a mirror of the Géoplateforme, a file
    recovered from the cache of one): the server software's name, not the data's owner."""
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM metadata WHERE name = 'attribution'")
        db.execute("INSERT INTO metadata (name, value) VALUES ('attribution', 'ROK4 Team')")
    db.close()


@pytest.fixture()
def vector_library(tmp_path):
    """PLAN.IGN.mbtiles (GDAL's MVT driver, zooms 8-14) with its 'standard' and 'gris' styles saved from a
    loopback style server (stopped before the export), sprite included; one saved style also names a relief of
    another host, which the page must not ask for."""
    library = tmp_path / "library"
    library.mkdir()
    path = str(library / "PLAN.IGN.mbtiles")
    write_vector_mbtiles(path, min_zoom=8, max_zoom=14)
    served_by_a_rok4_mirror(path)
    with StyleServer(LAYER, ("standard", "gris")) as server:
        styles.save_styles(path, LAYER, ["standard", "gris"], service_root=server.origin + "/tms/1.0.0")
    style_file = styles.style_path(path, "standard")
    with open(style_file, encoding="utf-8") as stream:
        document = json.load(stream)
    document["sources"]["relief"] = {"type": "raster", "tiles": ["https://data.geopf.fr/wmts?layer=RELIEF"],
                                     "tileSize": 256}
    document["layers"].insert(1, {"id": "relief", "type": "raster", "source": "relief"})
    with open(style_file, "w", encoding="utf-8") as stream:
        json.dump(document, stream)
    return library, path


def run_web_export(processing, source, library):
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "web", "LIBRARY": str(library),
                                                         "ZOOM_MIN": 8, "ZOOM_MAX": 14})
    folder = result["OUTPUT"]
    assert os.path.isdir(folder) and result["FILES"] == 1, result
    return folder


def colour_share(image, colour, tolerance=10):
    """The share of the screenshot's pixels (one in 2 each way) that are `colour`, each channel within `tolerance`."""
    wanted = QColor(colour)
    found = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = QColor(image.pixel(x, y))
            total += 1
            found += all(abs(a - b) <= tolerance for a, b in ((pixel.red(), wanted.red()),
                                                              (pixel.green(), wanted.green()),
                                                              (pixel.blue(), wanted.blue())))
    return found / total


def open_served(folder, screenshot, pixel_ratio=1, select=None):
    with browser.Served(folder) as served:
        report = browser.open_page(served.origin + "/index.html", screenshot, 512, 512, pixel_ratio=pixel_ratio,
                                   select=select)
    assert report["pageErrors"] == [] and report["message"] == "", report
    assert [line for line in report["console"] if line.startswith("error")] == [], report["console"]
    assert report["outside"] == [], report["outside"]
    assert report["failed"] == [], report["failed"]
    assert all(url.startswith((served.origin + "/", "data:", "blob:")) for url in report["requests"])
    return report


def on_the_area(view, area):
    """The view's centre inside the area, and the view no larger than about twice the area each way."""
    west, south, east, north = area
    lon, lat = view["center"]
    v_west, v_south, v_east, v_north = view["bounds"]
    return (west <= lon <= east and south <= lat <= north and v_east - v_west <= 2.5 * (east - west)
            and v_north - v_south <= 2.5 * (north - south))


def test_a_vector_web_export_opens_offline_in_chromium_with_its_style(processing, vector_library, tmp_path):
    browser.require_browser()
    library, source = vector_library
    folder = run_web_export(processing, source, library)
    name = os.path.basename(folder)
    assert name == "Plan_IGN_z8-14" and os.path.dirname(folder) == str(library / "exports" / "web")
    listed = {os.path.relpath(os.path.join(top, f), folder) for top, _, files in os.walk(folder) for f in files}
    assert {"index.html", name + ".pmtiles", "styles/standard.json", "styles/gris.json", "styles/sprite/PlanIgn.json",
            "styles/sprite/PlanIgn.png", "lib/maplibre-gl.js", "lib/maplibre-gl.css", "lib/maplibre-gl-LICENSE.txt",
            "lib/pmtiles.js", "lib/pmtiles-LICENSE.txt", "fonts/SourceSansPro-Bold.ttf", "fonts/LICENSE.txt",
            "serve.py", "README.txt"} <= listed, sorted(listed)
    with open(os.path.join(folder, "styles", "standard.json"), encoding="utf-8") as stream:
        style = json.load(stream)
    assert [s["url"] for s in style["sources"].values()] == ["pmtiles://../" + name + ".pmtiles"]
    assert style["sprite"] == "sprite/PlanIgn" and "glyphs" not in style
    assert "relief" not in {layer["id"] for layer in style["layers"]}
    # The archive credits IGN, not the server software its metadata named.
    from pmtiles.reader import MmapSource, Reader

    with open(os.path.join(folder, name + ".pmtiles"), "rb") as stream:
        assert Reader(MmapSource(stream)).metadata()["attribution"] == IGN_ATTRIBUTION

    report = open_served(folder, tmp_path / "vector.png")
    assert any(url.endswith(name + ".pmtiles") for url in report["requests"])
    assert any(url.endswith("/styles/sprite/PlanIgn.png") for url in report["requests"])
    assert on_the_area(report["view"], CARCASSONNE), report["view"]
    assert "IGN" in report["view"]["attribution"] and "ROK4" not in report["view"]["attribution"], report["view"]
    image = QImage(str(tmp_path / "vector.png"))
    water, road = STYLE_KINDS["standard"]
    assert colour_share(image, water) > 0.01, "the lake is not drawn in the style's colour"
    assert colour_share(image, road) > 0.002, "the roads are not drawn in the style's colour"
    assert colour_share(image, "#fffff0", 2) > 0.3, "the style's background is not on screen"
    # The page's picker switches to the other saved style, offline: its colours replace the first's.
    open_served(folder, tmp_path / "gris.png", select="styles/gris.json")
    image = QImage(str(tmp_path / "gris.png"))
    grey_water, grey_road = STYLE_KINDS["gris"]
    assert colour_share(image, grey_water) > 0.01 and colour_share(image, water) == 0


def test_a_phone_screen_gets_a_sprite_when_the_server_had_no_2x_one(processing, vector_library, tmp_path):
    """Two device pixels per CSS pixel (phones) make MapLibre ask for sprite@2x: the plain one stands in."""
    browser.require_browser()
    library, source = vector_library
    for suffix in ("@2x.json", "@2x.png"):
        os.remove(os.path.join(styles.styles_folder(source), "sprite", "PlanIgn" + suffix))
    folder = run_web_export(processing, source, library)
    report = open_served(folder, tmp_path / "phone.png", pixel_ratio=2)
    assert any(url.endswith("/styles/sprite/PlanIgn@2x.png") for url in report["requests"]), report["requests"]
    image = QImage(str(tmp_path / "phone.png"))
    assert image.width() == 1024 and colour_share(image, STYLE_KINDS["standard"][0]) > 0.01


def test_a_raster_web_export_opens_offline_in_chromium(processing, tmp_path):
    browser.require_browser()
    library = tmp_path / "library"
    library.mkdir()
    source = str(library / "plan.mbtiles")
    colours = {}
    with mbtiles.MBTilesWriter(source) as writer:
        writer.update_metadata(mbtiles.build_metadata("Plan IGN v2", "image/png", CARCASSONNE, 8, 13, "ROK4 Team"))
        for tile in tiles.iter_tiles(CARCASSONNE, 8, 13):
            colour = (tile.x % 200 + 20, tile.y % 200 + 20, 99)
            writer.record(tile.z, tile.x, tile.y, "done", png_tile(colour))
            colours[(tile.z, tile.x, tile.y)] = colour
    folder = run_web_export(processing, source, library)
    with open(os.path.join(folder, "styles", "tiles.json"), encoding="utf-8") as stream:
        style = json.load(stream)
    assert style["sources"]["tiles"]["type"] == "raster" and style["sources"]["tiles"]["attribution"] == \
        IGN_ATTRIBUTION
    report = open_served(folder, tmp_path / "raster.png")
    assert on_the_area(report["view"], CARCASSONNE), report["view"]
    assert "IGN" in report["view"]["attribution"], report["view"]
    # Opened from the disk (a double click), the page says how to serve it instead of staying blank.
    report = browser.open_page("file://" + os.path.join(folder, "index.html"), map_expected=False)
    assert "python3 serve.py" in report["message"] and report["pageErrors"] == [], report
    image = QImage(str(tmp_path / "raster.png"))
    shown = sum(colour_share(image, QColor(*colour), 3) for colour in set(colours.values()))
    assert shown > 0.5, "the tiles' colours cover {:.0%} of the page".format(shown)


class NoRangeHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    """Python's own `python3 -m http.server`: no byte ranges, the whole file to every request."""

    def log_message(self, *args):
        pass


def open_without_range(folder, language):
    import functools

    from tests.support.loopback import serving

    with serving(functools.partial(NoRangeHandler, directory=folder)) as server:
        return browser.open_page(server.origin + "/index.html", map_expected=False, language=language,
                                 wait_message=True, timeout=60)
        server.server_close()


def test_a_server_without_range_or_a_missing_archive_is_said_on_the_page(processing, vector_library):
    """Reviewer: served by Python's http.server (no Range) or with its archive missing (404), the page stayed
    blank, the reason only in the console. It says it, in the browser's language, and how to serve the folder."""
    browser.require_browser()
    library, source = vector_library
    folder = run_web_export(processing, source, library)
    english = open_without_range(folder, "en-GB")
    assert "cannot read its archive" in english["message"] and "python3 serve.py" in english["message"], english
    french = open_without_range(folder, "fr-FR")
    assert "ne peut pas lire son archive" in french["message"] and "python3 serve.py" in french["message"], french
    os.remove(os.path.join(folder, os.path.basename(folder) + ".pmtiles"))
    with browser.Served(folder) as served:
        missing = browser.open_page(served.origin + "/index.html", map_expected=False, wait_message=True)
    assert "cannot read its archive" in missing["message"], missing


def test_url_characters_in_the_export_name_and_markup_in_the_layer_name(processing, vector_library, tmp_path):
    """Reviewer: an export named with `#`, `?`, `%` drew an empty map (the names went into URLs unencoded), and
    a layer named `Plan <!--<script> IGN` by its server stopped the page from starting."""
    browser.require_browser()
    library, source = vector_library
    db = sqlite3.connect(source)
    with db:
        db.execute("UPDATE metadata SET value = ? WHERE name = 'name'", ("Plan <!--<script> IGN",))
    db.close()
    output = str(tmp_path / "out" / "Carte d'été \"#1\" ?%.pmtiles")
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "web", "LIBRARY": str(library),
                                                         "ZOOM_MIN": 8, "ZOOM_MAX": 14, "OUTPUT": output})
    folder = result["OUTPUT"]
    assert os.path.basename(folder) == "Carte d'été \"#1\" ?%", folder
    report = open_served(folder, tmp_path / "named.png")
    assert any(url.endswith("%231%22%20%3F%25.pmtiles") for url in report["requests"]), report["requests"]
    assert colour_share(QImage(str(tmp_path / "named.png")), STYLE_KINDS["standard"][0]) > 0.01


def test_a_damaged_saved_style_is_left_out_with_a_warning(processing, vector_library, tmp_path):
    """Reviewer: one damaged saved style (or its sprite image deleted) failed the whole export and left a
    half-written folder. The style is left out with a warning, as QGIS's loading does; the page opens."""
    browser.require_browser()
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802 (QGIS's name)
            self.warnings.append(text)
            super().pushWarning(text)

    library, source = vector_library
    with open(styles.style_path(source, "gris"), "w", encoding="utf-8") as stream:
        stream.write('{"layers": 5')
    feedback = Recording()
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "web", "LIBRARY": str(library),
                                                         "ZOOM_MIN": 8, "ZOOM_MAX": 14},
                            context=QgsProcessingContext(), feedback=feedback)
    folder = result["OUTPUT"]
    assert sorted(os.listdir(os.path.join(folder, "styles"))) == ["sprite", "standard.json"]
    assert any("'gris' is left out" in warning for warning in feedback.warnings), feedback.warnings
    open_served(folder, tmp_path / "kept.png")
    # The sprite image deleted: the style naming it is left out too (a plain style of the layers instead).
    os.remove(os.path.join(styles.styles_folder(source), "sprite", "PlanIgn.png"))
    feedback = Recording()
    result = processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "web", "LIBRARY": str(library),
                                                         "ZOOM_MIN": 8, "ZOOM_MAX": 14},
                            context=QgsProcessingContext(), feedback=feedback)
    assert os.listdir(os.path.join(result["OUTPUT"], "styles")) == ["layers.json"]
    assert any("'standard' is left out" in warning for warning in feedback.warnings), feedback.warnings
    assert sorted(os.listdir(os.path.dirname(folder))) == [os.path.basename(folder)]  # nothing half-written beside


def test_a_site_of_the_users_is_never_overwritten(processing, vector_library, tmp_path):
    """Reviewer: OUTPUT=/x/site.pmtiles with /x/site/ holding the user's index.html, README.txt and notes.txt
    replaced their files."""
    from qgis.core import QgsProcessingException

    library, source = vector_library
    site = tmp_path / "x" / "site"
    site.mkdir(parents=True)
    for name in ("index.html", "README.txt", "notes.txt"):
        (site / name).write_text("mine " + name)
    with pytest.raises(QgsProcessingException, match="already holds other files"):
        processing.run("ign_offline:export_tiles", {"INPUT": source, "TARGET": "web", "LIBRARY": str(library),
                                                    "ZOOM_MIN": 8, "ZOOM_MAX": 14,
                                                    "OUTPUT": str(tmp_path / "x" / "site.pmtiles")})
    assert {name: (site / name).read_text() for name in os.listdir(site)} == {
        name: "mine " + name for name in ("index.html", "README.txt", "notes.txt")}
    # Our own earlier export is replaced whole by the next one.
    folder = run_web_export(processing, source, library)
    assert run_web_export(processing, source, library) == folder
