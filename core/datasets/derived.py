"""What the user works with, made from the zones' extracted data for one area.

RGE ALTI: the ASC tiles of every zone mosaicked (VRT), then hillshade / slope / contours clipped to the area
(core.datasets.relief). BD ORTHO: the JPEG 2000 tiles meeting the area, as one VRT. BD TOPO and the cadastre:
the GeoPackage / shapefiles, clipped to the area when asked (core.datasets.vectors). Everything goes in
`<library>/datasets/<PRODUCT>/<area slug>/` (names.area_slug: the title, then a digest of the geometry unless the
area is a preset).

Runs may overlap on one library (two windows, a plan and the dock): the outputs are made from every zone the area
needs as the library holds it (its state.json, read under the zone's lock: a zone another run is writing is waited
for), whichever run fetched it, and under a lock on the area's folder. What they were made from is written beside
them, in `made-from.json`:

    {"area": "Toulouse", "options": {"contours": 10.0}, "outputs": {"hillshade": "hillshade.tif", …},
     "made_from": {"D031": {"edition": "RGEALTI_…_D031_2020-10-14", "data": "<digest of its files and MD5s>"}}}

Outputs are made again unless that record names this area, these options and exactly the zones' present data
(an edition fetched since, by any run, for any area, makes them again; file times are not trusted). Outputs made
while a zone's data are missing are said so, not "ready", and not recorded: the next run makes them again.
"""

import contextlib
import hashlib
import json
import os
import time

from .. import storage
from ..errors import Cancelled
from ..messages import Message, plural
from . import state as states
from .catalogue import product_title
from .names import NOT_AVAILABLE, area_slug, zone_title, zone_where

RELIEF_EXTENSIONS = (".asc",)
ORTHO_EXTENSIONS = (".jp2", ".tif")  # BD ORTHO ships JPEG 2000; GeoTIFF tiles are read alike
VECTOR_EXTENSIONS = {"BDTOPO": (".gpkg",), "PARCELLAIRE-EXPRESS": (".shp",)}
MADE_FROM = "made-from.json"
MAX_MADE_FROM_BYTES = 16 * 2**20
LOCK_POLL_SECONDS = 0.5


def zone_files(sources, extensions):
    """The extracted files of `sources` [(zone folder, ZoneState)] whose names end with one of `extensions`,
    sorted."""
    found = []
    for folder, held in sources:
        found.extend(p for p in held.extracted_paths(folder) if p.lower().endswith(extensions))
    return sorted(found)


def area_folder(library, product, area):
    return os.path.join(states.product_folder(library, product), area_slug(area))


def zone_stamp(held):
    """What a zone's data are, for the record of the outputs made from them: its edition, and a digest of its
    files (names, MD5s, sizes) and of what they extracted to. A new edition, or a file changed inside the same
    one, changes it; a check finding nothing new (`checked`) does not."""
    files = sorted((name, (info.get("md5") or "").lower(), info.get("size")) for name, info in held.files.items())
    extracted = sorted((stem, sorted(paths)) for stem, paths in held.extracted.items())
    digest = hashlib.sha1(json.dumps([held.variant, files, extracted]).encode("utf-8")).hexdigest()[:16]
    return {"edition": held.edition, "data": digest}


@contextlib.contextmanager
def waiting_lock(path, purpose, is_cancelled, said):
    """core.storage.output_lock on `path`, waiting (`said` logged once) while another run holds it, rather than
    refused: runs on one library compose. Cancelled when `is_cancelled()` turns true while waiting."""
    with contextlib.ExitStack() as stack:
        waited = False
        while True:
            try:
                stack.enter_context(storage.output_lock(path, purpose))
                break
            except storage.OutputInUse:
                if is_cancelled():
                    raise Cancelled() from None
                if not waited:
                    said()
                    waited = True
                time.sleep(LOCK_POLL_SECONDS)
        yield


def zone_lock(zone_plan, purpose, is_cancelled, log):
    """The lock on a zone's folder (waiting_lock), the wait said once on the zone's line: what a run fetching the
    zone and a run making outputs from it both hold."""
    return waiting_lock(zone_plan.folder, purpose, is_cancelled, lambda: log(Message(
        "{} — {}: another run is using its data; waiting for that run to finish.", zone_title(zone_plan),
        zone_where(zone_plan))))


def held_zones(zone_plans, locks, purpose, is_cancelled, log):
    """([(folder, ZoneState)] of the zones whose data are all in the library, [ZonePlans of the others]), each
    zone's state read from its state.json, as whichever run fetched it left it, under the zone's lock: a zone
    another run is writing is waited for. The locks stay in `locks` (an ExitStack) so that no run replaces a
    zone's data while outputs are made from them; taken in one order (the folders'), so two runs never each wait
    for the other."""
    found = {}
    for zone_plan in sorted(zone_plans, key=lambda z: storage.lock_key(z.folder)):
        found[zone_plan.zone] = None
        if os.path.isdir(zone_plan.folder):  # a run fetching a zone makes its folder before locking it
            locks.enter_context(zone_lock(zone_plan, purpose, is_cancelled, log))
            found[zone_plan.zone] = states.read_state(zone_plan.folder)
    held, missing = [], []
    for zone_plan in zone_plans:
        state = found[zone_plan.zone]
        if (state is not None and state.product == zone_plan.product and state.variant == zone_plan.variant
                and state.is_complete(zone_plan.folder)):
            held.append((zone_plan.folder, state))
        else:
            missing.append(zone_plan)
    return held, missing


def read_made_from(folder):
    """The record of what the outputs in `folder` were made from, or None (none, or not one of ours)."""
    try:
        with open(os.path.join(folder, MADE_FROM), encoding="utf-8") as stream:
            document = json.loads(stream.read(MAX_MADE_FROM_BYTES + 1))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    fields = {"area": str, "options": dict, "outputs": dict, "made_from": dict}
    if not isinstance(document, dict) or not all(isinstance(document.get(k), t) for k, t in fields.items()):
        return None
    return document


def _made_from_record(folder, slug, options, outputs, stamps):
    return {"area": slug, "options": options,
            "outputs": {kind: _relative_value(folder, value) for kind, value in outputs.items()},
            "made_from": stamps, "made": states.check_time()}


def _still_made(record, folder, slug, options, wanted, stamps):
    """The outputs `record` names, when it was made for this area, these options and exactly these zones' data,
    with every kind `wanted` and every file there; else None (they are made again)."""
    if record is None or record["area"] != slug or record["made_from"] != stamps:
        return None
    if not wanted <= set(record["outputs"]) or any(record["options"].get(k) != v for k, v in options.items()):
        return None
    try:
        outputs = {kind: _absolute_value(folder, value) for kind, value in record["outputs"].items()}
    except (AttributeError, TypeError):
        return None
    paths = [p for value in outputs.values() for p in (value if isinstance(value, list) else [value])]
    # only files of this product in the library (the area's, or a zone's data when not clipped) are returned
    inside = os.path.dirname(os.path.abspath(folder))
    return outputs if paths and all(os.path.exists(p) and storage.is_within(p, inside) for p in paths) else None


def _absolute_value(folder, value):
    return [states.absolute(folder, v) for v in value] if isinstance(value, list) else states.absolute(folder, value)


def _relative_value(folder, value):
    return [states.relative(folder, v) for v in value] if isinstance(value, list) else states.relative(folder, value)


def _record_in_zones(sources, slug, outputs):
    """The derived `outputs` written into each zone's state (its "outputs"), or, None, taken out of it: outputs
    made without some zone are not recorded as made. The zones' locks are held."""
    for folder, held in sources:
        if outputs is not None:
            held.outputs[slug] = {kind: _relative_value(folder, value) for kind, value in outputs.items()}
        elif held.outputs.pop(slug, None) is None:
            continue
        states.write_state(folder, held)


def derive_products(product, zone_plans, area, library, clip, relief_options, is_cancelled, log):
    """(folder, {kind: path or [paths]}) for `area` from the data of every zone of `zone_plans` (the area's,
    whatever this run did to them) as the library holds them; made again unless what they were last made from
    is exactly what the zones hold now. `zone_plans` must be every zone the area needs (plan_sync's)."""
    is_cancelled = is_cancelled or (lambda: False)
    folder = area_folder(library, product, area)
    # A zone the service lists nothing usable for now (none, or only editions dated ahead) but the library holds
    # is kept as it is, and used: the outputs are never made without it.
    needed = [z for z in zone_plans if z.status != NOT_AVAILABLE or z.held is not None]
    if not needed:
        return folder, {}
    title = product_title(product, needed[0].variant)
    slug = "{}{}".format(area_slug(area), "" if clip else "-whole")
    options = _options(product, relief_options)
    os.makedirs(folder, exist_ok=True)
    purpose = Message("the outputs of {} for {}", product, slug)
    with contextlib.ExitStack() as locks:
        locks.enter_context(waiting_lock(folder, purpose, is_cancelled, lambda: log(Message(
            "{}: another run is making the outputs in {}; waiting for that run to finish.", title, folder))))
        sources, missing = held_zones(needed, locks, purpose, is_cancelled, log)
        stamps = {held.zone: zone_stamp(held) for _, held in sources}
        if not missing:
            made = _still_made(read_made_from(folder), folder, slug, options, _wanted(product, relief_options),
                               stamps)
            if made is not None:
                return folder, made
        # Whatever the record said is no longer true once a file is rewritten: gone first, written when done.
        _remove(os.path.join(folder, MADE_FROM))
        outputs = _make(product, sources, area, folder, clip, relief_options, is_cancelled)
        if outputs:
            record = None if missing else _made_from_record(folder, slug, options, outputs, stamps)
            _record(folder, record, sources, slug, outputs)
            log(_said(title, folder, outputs, missing))
    return folder, outputs


def _record(folder, record, sources, slug, outputs):
    """`record` written beside the outputs and into their zones' states; None: the outputs are recorded nowhere
    (some zone was missing), so the next run makes them again."""
    if record is not None:
        storage.write_atomically(os.path.join(folder, MADE_FROM),
                                 json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    _record_in_zones(sources, slug, outputs if record is not None else None)


def _said(title, folder, outputs, missing):
    """'… are ready in …', or, some zones missing, which ones (never "ready" for half an area)."""
    # The files by name (hillshade.tif, orthos.vrt…): the kinds' keys are code, not words to show a person.
    names = sorted(os.path.basename(p) for v in outputs.values() for p in (v if isinstance(v, list) else [v]))
    if missing and all(getattr(z, "hopeless", False) for z in missing):  # running again cannot help: say why
        return plural(len(missing), "{}: {} made without {}: its data cannot be fetched now (see above).",
                      "{}: {} made without {}: their data cannot be fetched now (see above).", title,
                      ", ".join(names), ", ".join(zone_where(z) for z in missing))
    if missing:
        return Message("{}: {} made without {}, whose data are missing: run again to complete them.", title,
                       ", ".join(names), ", ".join(zone_where(z) for z in missing))
    return plural(len(names), "{}: {} is ready in {}.", "{}: {} are ready in {}.", title, ", ".join(names), folder)


def _make(product, sources, area, folder, clip, relief_options, is_cancelled):
    if product == "RGEALTI":
        return _relief(sources, area, folder, clip, relief_options, is_cancelled)
    if product == "BDORTHO":
        return _orthos(sources, area, folder, clip)
    return _vectors(product, sources, area, folder, clip, is_cancelled)


def _options(product, relief_options):
    """What, besides the zones' data, the outputs depend on: the contour interval (a hillshade or a slope map is
    the same whatever else is asked)."""
    if product == "RGEALTI" and relief_options.get("contours"):
        return {"contours": float(relief_options["contours"])}
    return {}


def _wanted(product, options):
    """The kinds of output a run asks for (the relief's depend on its options)."""
    if product == "RGEALTI":
        from .relief import wanted_kinds

        return set(wanted_kinds(options.get("hillshade", True), options.get("slope", True),
                                options.get("contours"))) | {"mosaic"}
    return {"mosaic"} if product == "BDORTHO" else {"vectors"}


def _relief(sources, area, folder, clip, options, is_cancelled):
    from . import relief

    dems = zone_files(sources, RELIEF_EXTENSIONS)
    if not dems:
        return {}
    mosaic = relief.mosaic(dems, os.path.join(folder, "mosaic.vrt"))
    outputs = relief.relief(mosaic, folder, area=area if clip else None, hillshade=options.get("hillshade", True),
                            slope=options.get("slope", True), contours=options.get("contours") or None,
                            is_cancelled=is_cancelled)
    return dict(outputs, mosaic=mosaic)


def _orthos(sources, area, folder, clip):
    """The BD ORTHO tiles meeting the area (all of them when not clipped), as one VRT."""
    from .orthos import ortho_mosaic

    tiles = zone_files(sources, ORTHO_EXTENSIONS)
    if not tiles:
        return {}
    return {"mosaic": ortho_mosaic(tiles, os.path.join(folder, "orthos.vrt"), area if clip else None)}


def vector_sources(product, sources):
    """What each zone holds of a vector product: BD TOPO's GeoPackages, Parcellaire Express's folders of
    shapefiles (IGN ships one shapefile per table)."""
    files = zone_files(sources, VECTOR_EXTENSIONS.get(product, (".gpkg",)))
    if product != "PARCELLAIRE-EXPRESS":
        return files
    return sorted({os.path.dirname(path) for path in files})


def _vectors(product, zones, area, folder, clip, is_cancelled):
    """The product's data as they are, or, clipped, one GeoPackage of its useful tables cut to the area."""
    from .vectors import clip_geopackage, useful_layers

    sources = vector_sources(product, zones)
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
