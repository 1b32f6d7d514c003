"""What the user works with, made from the zones' extracted data for one area.

RGE ALTI: the ASC tiles of every zone mosaicked (VRT), then hillshade / slope / contours clipped to the area
(core.datasets.relief). BD ORTHO: the JPEG 2000 tiles meeting the area, as one VRT. BD TOPO and the cadastre:
the GeoPackage / shapefiles, clipped to the area when asked (core.datasets.vectors). Everything goes in
`<library>/datasets/<PRODUCT>/<area slug>/` (sync.area_slug: the title, then a digest of the geometry unless the
area is a preset); an area whose zones did not change and whose products are all there is not made again.
"""

import os

from ..messages import plural
from . import state as states

RELIEF_EXTENSIONS = (".asc",)
ORTHO_EXTENSIONS = (".jp2", ".tif")  # BD ORTHO ships JPEG 2000; GeoTIFF tiles are read alike
VECTOR_EXTENSIONS = {"BDTOPO": (".gpkg",), "PARCELLAIRE-EXPRESS": (".shp",)}


def zone_files(zone_plans, extensions):
    """The extracted files of the zones whose names end with one of `extensions`, sorted."""
    found = []
    for zone_plan in zone_plans:
        held = zone_plan.held
        if held is not None:
            found.extend(p for p in held.extracted_paths(zone_plan.folder) if p.lower().endswith(extensions))
    return sorted(found)


def area_folder(library, product, area):
    from .sync import area_slug

    return os.path.join(states.product_folder(library, product), area_slug(area))


def _recorded(zone_plans, slug):
    """The outputs recorded for `slug` by every zone, when all agree and the files are all there; else None."""
    recorded = None
    for zone_plan in zone_plans:
        outputs = zone_plan.held.outputs.get(slug) if zone_plan.held is not None else None
        if not outputs:
            return None
        found = {kind: _absolute_value(zone_plan.folder, value) for kind, value in outputs.items()}
        if recorded is not None and found != recorded:
            return None
        recorded = found
    paths = [p for value in (recorded or {}).values() for p in (value if isinstance(value, list) else [value])]
    return recorded if paths and all(os.path.exists(p) for p in paths) else None


def _absolute_value(folder, value):
    return [states.absolute(folder, v) for v in value] if isinstance(value, list) else states.absolute(folder, value)


def _relative_value(folder, value):
    return [states.relative(folder, v) for v in value] if isinstance(value, list) else states.relative(folder, value)


def _record(zone_plans, slug, outputs):
    """The derived `outputs` written into each zone's state (its "derived outputs")."""
    for zone_plan in zone_plans:
        held = zone_plan.held
        if held is None or zone_plan.folder is None:
            continue
        held.outputs[slug] = {kind: _relative_value(zone_plan.folder, value) for kind, value in outputs.items()}
        states.write_state(zone_plan.folder, held)


def derive_products(product, zone_plans, area, library, changed, clip, relief_options, is_cancelled, log):
    """(folder, {kind: path or [paths]}) for `area` from the zones' data; made again only when `changed`, or when
    something asked for is missing."""
    from .sync import area_slug, product_title

    folder = area_folder(library, product, area)
    slug = "{}{}".format(area_slug(area), "" if clip else "-whole")
    if not changed:
        recorded = _recorded(zone_plans, slug)
        if recorded is not None and _wanted(product, relief_options) <= set(recorded):
            return folder, recorded
    os.makedirs(folder, exist_ok=True)
    if product == "RGEALTI":
        outputs = _relief(zone_plans, area, folder, clip, relief_options, is_cancelled)
    elif product == "BDORTHO":
        outputs = _orthos(zone_plans, area, folder, clip)
    else:
        outputs = _vectors(product, zone_plans, area, folder, clip, is_cancelled)
    if outputs:
        _record(zone_plans, slug, outputs)
        # The files by name (hillshade.tif, orthos.vrt…): the kinds' keys are code, not words to show a person.
        names = sorted(os.path.basename(p) for v in outputs.values() for p in (v if isinstance(v, list) else [v]))
        log(plural(len(names), "{}: {} is ready in {}.", "{}: {} are ready in {}.",
                   product_title(product, zone_plans[0].variant if zone_plans else None), ", ".join(names), folder))
    return folder, outputs


def _wanted(product, options):
    """The kinds of output a run asks for (the relief's depend on its options)."""
    if product == "RGEALTI":
        from .relief import wanted_kinds

        return set(wanted_kinds(options.get("hillshade", True), options.get("slope", True),
                                options.get("contours"))) | {"mosaic"}
    return {"mosaic"} if product == "BDORTHO" else {"vectors"}


def _relief(zone_plans, area, folder, clip, options, is_cancelled):
    from . import relief

    dems = zone_files(zone_plans, RELIEF_EXTENSIONS)
    if not dems:
        return {}
    mosaic = relief.mosaic(dems, os.path.join(folder, "mosaic.vrt"))
    outputs = relief.relief(mosaic, folder, area=area if clip else None, hillshade=options.get("hillshade", True),
                            slope=options.get("slope", True), contours=options.get("contours") or None,
                            is_cancelled=is_cancelled)
    return dict(outputs, mosaic=mosaic)


def _orthos(zone_plans, area, folder, clip):
    """The BD ORTHO tiles meeting the area (all of them when not clipped), as one VRT."""
    from .orthos import ortho_mosaic

    tiles = zone_files(zone_plans, ORTHO_EXTENSIONS)
    if not tiles:
        return {}
    return {"mosaic": ortho_mosaic(tiles, os.path.join(folder, "orthos.vrt"), area if clip else None)}


def vector_sources(product, zone_plans):
    """What each zone holds of a vector product: BD TOPO's GeoPackages, Parcellaire Express's folders of
    shapefiles (IGN ships one shapefile per table)."""
    files = zone_files(zone_plans, VECTOR_EXTENSIONS.get(product, (".gpkg",)))
    if product != "PARCELLAIRE-EXPRESS":
        return files
    return sorted({os.path.dirname(path) for path in files})


def _vectors(product, zone_plans, area, folder, clip, is_cancelled):
    """The product's data as they are, or, clipped, one GeoPackage of its useful tables cut to the area."""
    from .vectors import clip_geopackage, useful_layers

    sources = vector_sources(product, zone_plans)
    if not sources or not clip:
        return {"vectors": sources} if sources else {}
    target = os.path.join(folder, "{}.gpkg".format(product))
    if len(sources) == 1:
        return {"vectors": [clip_geopackage(sources[0], target, area, useful_layers(product, sources[0]),
                                            is_cancelled=is_cancelled)]}
    parts = []
    try:
        for index, source in enumerate(sources):
            parts.append(clip_geopackage(source, os.path.join(folder, ".{}-{}.gpkg".format(product, index)), area,
                                         useful_layers(product, source), is_cancelled=is_cancelled))
        return {"vectors": [append_geopackages(parts, target)]}
    finally:
        for part in parts:
            _remove(part)


def append_geopackages(parts, target):
    """One GeoPackage at `target` holding the layers of every GeoPackage of `parts` (same tables: their features
    appended), written under a `.part` name and renamed when complete."""
    from osgeo import gdal

    from ..errors import IgnOfflineError

    work = os.path.splitext(target)[0] + ".part.gpkg"
    _remove(work)
    try:
        for index, part in enumerate(parts):
            options = gdal.VectorTranslateOptions(format="GPKG", accessMode="append" if index else None)
            if gdal.VectorTranslate(work, part, options=options) is None:
                raise IgnOfflineError("GDAL could not join {} into {} ({}).", os.path.basename(part),
                                      os.path.basename(target), gdal.GetLastErrorMsg() or "unknown error")
    except BaseException:
        _remove(work)
        raise
    os.replace(work, target)
    return target


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
