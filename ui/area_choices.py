"""The area picker's choices: the keys of its list of areas (after the presets) and of its zoom bands, the titles
the core gives them (marked here so that the picker shows them translated), and scales as the picker writes them."""


from ..core.tiles import areas
from ..i18n import marked, number, tr

CANVAS_EXTENT = "canvas"
POLYGON_LAYER = "polygon_layer"
DRAWN = "drawn"
TYPED = "typed"
SAVED = "saved:"
CUSTOM_BAND = "custom"

# The core's English titles, marked here so that the picker shows them translated.
PRESET_TITLES = (marked("Toulouse"), marked("Pyrénées (caves)"), marked("Montpellier"), marked("Carcassonne"))
BAND_TITLES = (marked("Overview"), marked("Regional"), marked("Local"), marked("High detail"))


def scale_text(value):
    """'1:25 000' in French, '1:25,000' in English: QGIS's language, as every number the dock says (i18n.number)."""
    return "1:" + number(int(value))


def band_scales(zoom_min, zoom_max):
    return tr("≈ {} to {}").format(scale_text(areas.approximate_scale(zoom_min)),
                                   scale_text(areas.approximate_scale(zoom_max)))
