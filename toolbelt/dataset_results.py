"""What a download of whole datasets made (core.datasets.sync.SyncResult), added to a project: one group per product
and area (toolbelt.datasets styles and places them: BD TOPO at the top, the relief under the basemaps)."""

import os

from ..core.datasets.editions import PRODUCTS
from ..core.datasets.sync import CHOICES
from ..core.messages import Message
from ..i18n import say
from . import datasets as loaders


def result_title(result, area):
    """The group's name: the product, its variant where several are offered (RGE ALTI 5M or 1M), and the area
    ("BD ORTHO — Toulouse"; a Message)."""
    product = PRODUCTS.get(result.product)
    title = product.title_en if product is not None else result.product
    offered = [variant for name, variant in CHOICES if name == result.product]
    shown = result.variant and len(offered) > 1
    return Message("{} — {}", "{} {}".format(title, result.variant) if shown else title, area.title)


def load_result(project, result, area, feedback=None):
    """Add what `result` (a core.datasets.sync.SyncResult) made to `project` (toolbelt.datasets)."""
    title = say(result_title(result, area))
    if result.product == "RGEALTI":
        loaders.load_relief(project, {k: v for k, v in result.outputs.items() if k != "mosaic"}, title)
    elif result.product == "BDORTHO":
        loaders.load_orthos(project, result.outputs["mosaic"], title)
    else:  # one group per product and area; per département when not clipped into one GeoPackage
        paths = result.outputs.get("vectors", [])
        for path in paths:
            loaders.load_vector_dataset(project, path, result.product, title if len(paths) == 1 else say(
                "{} ({})", title, zone_of(result, path)), feedback)


def zone_of(result, path):
    """The zone whose folder holds `path` (a département's own data, not clipped), else ''."""
    for zone in result.zones:
        if zone.plan.folder and path.startswith(zone.plan.folder + os.sep):
            return zone.plan.zone
    return ""
