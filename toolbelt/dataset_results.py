"""What a download of whole datasets made (core.datasets.sync.SyncResult), added to a project: one group per product
and area (toolbelt.datasets styles and places them: BD TOPO at the top, the relief above the opaque basemaps)."""

import os

from ..core.datasets.catalogue import product_title
from ..core.messages import Message
from ..i18n import say
from . import datasets as loaders


def result_title(result, area):
    """The group's name: the product as the log and the dock say it (core.datasets.catalogue.product_title: RGE ALTI
    with its 5 m or 1 m) and the area ("BD ORTHO — Toulouse"; a Message)."""
    return Message("{} — {}", product_title(result.product, result.variant), area.title)


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
