"""The download service's products, and what the plugin offers of them: the one list the dock, the algorithms,
the plans and the core derive theirs from (a product's place in CHOICES is its number in the PRODUCTS enum of
list_datasets and download_dataset: saved runs and the dock refer to it, so a new choice goes at the end)."""

import re
from dataclasses import dataclass

from ..messages import Message

# The Géoplateforme download service (its Atom feeds and its files).
SERVICE_ROOT = "https://data.geopf.fr/telechargement"


@dataclass(frozen=True)
class Product:
    id: str             # the service's resource id
    title_en: str
    variants: tuple     # as written in names; () when the names have none
    kind: str           # "vector", "dem", "ortho" or "cadastre"
    formats: tuple = ()


PRODUCTS = {product.id: product for product in (
    Product("BDTOPO", "BD TOPO", ("TOUSTHEMES",), "vector", ("GPKG",)),
    Product("RGEALTI", "RGE ALTI", ("1M", "5M"), "dem", ("ASC",)),
    Product("BDORTHO", "BD ORTHO", ("RVB-0M20", "RVB-0M50", "IRC-0M20", "IRC-0M50"), "ortho", ("JP2",)),
    Product("PARCELLAIRE-EXPRESS", "Parcellaire Express", (), "cadastre", ("SHP", "GPKG")),
)}


@dataclass(frozen=True)
class Choice:
    """A dataset the plugin offers: the service's resource id and variant (None: the product's usual one), its
    option in the algorithms' PRODUCTS enum (translated by the plugin) and the dock's check box for it."""

    product: str
    variant: str
    option: Message
    check: str
    ticked: bool = False  # chosen when the user has chosen nothing yet

    @property
    def key(self):  # as the dock remembers it in the settings
        return "/".join(part for part in (self.product, self.variant) if part)


CHOICES = (
    Choice("BDTOPO", None, Message("BD TOPO (vector, GeoPackage)"), "bdtopoCheck", ticked=True),
    Choice("RGEALTI", "5M", Message("RGE ALTI 5 m (elevation)"), "rgealti5Check", ticked=True),
    Choice("RGEALTI", "1M", Message("RGE ALTI 1 m (elevation)"), "rgealti1Check"),
    Choice("BDORTHO", "RVB-0M20", Message("BD ORTHO 20 cm (orthophotos)"), "bdorthoCheck"),
    Choice("PARCELLAIRE-EXPRESS", None, Message("Parcellaire Express (cadastre)"), "cadastreCheck", ticked=True),
)
# The variant kept when none is named: a product's only one (BD TOPO's TOUSTHEMES; theme extracts are not kept).
DEFAULT_VARIANTS = {p.id: p.variants[0] for p in PRODUCTS.values() if len(p.variants) == 1}


def dataset_choices():
    """[(product, variant)] a plan or an algorithm may ask for, in the order of CHOICES."""
    return [(choice.product, choice.variant) for choice in CHOICES]


def product_title(product, variant=None):
    """The one title of a choice, in the log as in the dock: 'BD TOPO', 'RGE ALTI 5 m' (its variant '5M')."""
    known = PRODUCTS.get(product)
    title = known.title_en if known is not None else product
    if variant and product == "RGEALTI":
        return "{} {} m".format(title, variant.upper().rstrip("M"))
    pixel = re.fullmatch(r"(RVB|IRC)-0M(\d\d)", (variant or "").upper()) if product == "BDORTHO" else None
    if pixel:  # 'RVB-0M20' → 'BD ORTHO 20 cm', 'IRC-0M50' → 'BD ORTHO IRC 50 cm', as the dock's boxes say them
        return "{}{} {} cm".format(title, " IRC" if pixel.group(1) == "IRC" else "", int(pixel.group(2)))
    return title
