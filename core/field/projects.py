"""QGIS projects (.qgs/.qgz) read and rewritten as XML, without QGIS: what taking a project offline needs.

A project's layers are classified (online tile layers: WMTS and XYZ; local
files; memory layers, whose features the QGIS side writes into the copy's
GeoPackage; anything else, which the copy leaves out unless asked to keep it
online), and a copy of the project is written in which tile
layers point at MBTiles files and file layers at copies, with paths relative
to the copy, so the folder can be moved or put on a tablet. Only the data
source, the provider and (for rasters) the renderer of a re-pointed layer
change: its id, name, place in the layer tree, group, visibility, opacity
and style stay as they were. The original project and its files are only
read.
"""

import copy
import os
import shutil
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from .. import storage
from ..errors import InputError
from ..messages import Message
from ..sources.accounts import origin_of
from ..vector import styles

TILE, FILE, MEMORY, OTHER = "tile", "file", "memory", "other"
LAYERS_FILE = "layers.gpkg"  # the copy's GeoPackage of what were memory layers
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".qml")


@dataclass
class ProjectLayer:
    id: str
    name: str
    provider: str
    source: str
    kind: str
    reason: str = ""            # why it cannot be taken offline (OTHER): a core Message
    tile_source: dict = None    # TILE: arguments of core.sources.prepare.prepare_source
    path: str = None            # FILE: the file on disk
    suffix: str = ""            # FILE: what follows the path in the source ("|layername=points")
    vector: bool = False        # a vector tile layer (provider `vectortile`): TILE online, FILE a local MBTiles


@dataclass
class Project:
    path: str
    tree: ET.ElementTree
    qgs_name: str               # the .qgs inside a .qgz, or the file's own name
    layers: list

    @property
    def folder(self):
        return os.path.dirname(os.path.abspath(self.path))


def _read_xml(path):
    if path.lower().endswith(".qgz"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".qgs")]
                if not names:
                    raise InputError("'{}' holds no .qgs project.", path)
                return ET.ElementTree(ET.fromstring(archive.read(names[0]))), names[0]
        except zipfile.BadZipFile:
            raise InputError("'{}' is not a QGIS project (.qgz is a zip file).", path) from None
    try:
        return ET.parse(path), os.path.basename(path)
    except ET.ParseError as exc:
        raise InputError("'{}' is not a QGIS project ({}).", path, exc) from None


def resolve(source_path, project_folder):
    """A layer path as QGIS stores it (relative './…' or absolute) → an absolute path."""
    if source_path.startswith("file://"):
        source_path = source_path[len("file://"):]
    if os.path.isabs(source_path):
        return source_path
    return os.path.normpath(os.path.join(project_folder, source_path))


def wmts_get_tile(url):
    """The WMTS layer an XYZ template of KVP GetTile requests names (the plugin's overview basemap is one):
    tile_source arguments, or None. Taken as the WMTS layer, its tiles come from the library's file of that layer."""
    parts = urlsplit(url)
    query = {k.upper(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
    if query.get("REQUEST", "").lower() != "gettile" or not query.get("LAYER"):
        return None
    return {"endpoint": urlunsplit(parts._replace(query="", fragment="")), "layer": query["LAYER"],
            "style": query.get("STYLE") or None, "tile_format": query.get("FORMAT") or None}


VECTOR_TILE_EXTENSIONS = (".pbf", ".mvt")
TMS_MARK = "/tms/1.0.0/"  # the Géoplateforme's vector tiles: …/tms/1.0.0/{Layer}/{z}/{x}/{y}.pbf


def tms_layer(url):
    """The layer a Géoplateforme TMS template names (`PLAN.IGN` in …/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf), whatever
    the host (a stand-in too); None for another template."""
    path = unquote(urlsplit(url).path)
    if TMS_MARK not in path:
        return None
    layer = path.split(TMS_MARK, 1)[1].split("/")[0]
    return layer if layer and "{" not in layer else None


def classify_vector_tiles(layer_id, name, provider, source, fields, project_folder):
    """A `vectortile` layer: online XYZ .pbf (the TMS too) is a TILE layer; a local MBTiles a FILE."""
    url = fields.get("url", "")
    if fields.get("type") == "xyz" and unquote(urlsplit(url).path).lower().endswith(VECTOR_TILE_EXTENSIONS):
        return ProjectLayer(layer_id, name, provider, source, TILE, vector=True, tile_source={
            "endpoint": url, "layer": tms_layer(url), "style": None, "tile_format": "application/x-protobuf"})
    if fields.get("type") == "mbtiles" and url:
        absolute = resolve(url, project_folder)
        if os.path.isfile(absolute):
            return ProjectLayer(layer_id, name, provider, source, FILE, path=absolute, vector=True)
        return ProjectLayer(layer_id, name, provider, source, OTHER,
                            reason=Message("its file is not on this computer ({})", url))
    return ProjectLayer(layer_id, name, provider, source, OTHER, reason=Message(
        "a vector tile layer that is neither an XYZ template of .pbf tiles nor an MBTiles file: it needs the network"))


def vector_mbtiles_source(relative_path):
    """The `vectortile` provider's source of a vector MBTiles, path relative to the project (no style URL: the
    project's renderer and labeling stay as they are)."""
    return "type=mbtiles&url={}".format(relative_path)


def classify(layer_id, name, provider, source, project_folder):
    fields = dict(parse_qsl(source or "", keep_blank_values=True))
    if provider == "vectortile":
        return classify_vector_tiles(layer_id, name, provider, source, fields, project_folder)
    if provider == "memory":
        return ProjectLayer(layer_id, name, provider, source, MEMORY)
    if provider == "wms":
        if fields.get("type") == "xyz" and fields.get("url"):
            return ProjectLayer(layer_id, name, provider, source, TILE, tile_source=wmts_get_tile(fields["url"]) or {
                "endpoint": fields["url"], "layer": None, "style": None, "tile_format": None})
        if fields.get("tileMatrixSet") and fields.get("url"):
            return ProjectLayer(layer_id, name, provider, source, TILE, tile_source={
                "endpoint": fields["url"], "layer": fields.get("layers"), "style": fields.get("styles") or None,
                "tile_format": fields.get("format") or None})
        return ProjectLayer(layer_id, name, provider, source, OTHER,
                            reason=Message("a WMS layer (rendered images, not tiles): it needs the network"))
    if provider in ("ogr", "gdal"):
        path, _, rest = (source or "").partition("|")
        absolute = resolve(path, project_folder)
        if os.path.isfile(absolute):
            return ProjectLayer(layer_id, name, provider, source, FILE, path=absolute,
                                suffix=("|" + rest) if rest else "")
        return ProjectLayer(layer_id, name, provider, source, OTHER,
                            reason=Message("its file is not on this computer ({})", path))
    return ProjectLayer(layer_id, name, provider, source, OTHER,
                        reason=Message("a {} layer (a database or web service) cannot be copied", provider or "?"))


def is_private(layer):
    """A tile layer that needs an account: a …/private/… path (the Géoplateforme's), or its own authcfg."""
    return layer.kind == TILE and ("/private/" in layer.tile_source["endpoint"] or "authcfg=" in layer.source)


def account_layers(layers, origin=""):
    """(ids of the tile layers the account goes to, note or None): the private layers on the account's
    server — `origin`, the configuration's own URL when it names one, else the one server the private layers
    share. Never a layer of another server: private layers on several servers and no URL get no account."""
    private = [layer for layer in layers if is_private(layer)]
    origins = sorted({origin_of(layer.tile_source["endpoint"]) for layer in private})
    note = None
    if not origin and len(origins) > 1:
        note = Message("The project's private layers lie on several servers ({}): the account goes to none of them. "
                       "Set the URL of the authentication configuration to the server it is for.",
                       ", ".join(urlsplit(o).netloc for o in origins))
    elif not origin:
        origin = origins[0] if origins else ""
    return {layer.id for layer in private if origin and origin_of(layer.tile_source["endpoint"]) == origin}, note


def read_project(path):
    """The project's layers, classified; the original is only read."""
    if not path or not os.path.isfile(path):
        raise InputError("The project '{}' does not exist: give a .qgz or .qgs file.", path)
    tree, qgs_name = _read_xml(path)
    root = tree.getroot()
    if root.tag != "qgis":
        raise InputError("'{}' is not a QGIS project.", path)
    folder = os.path.dirname(os.path.abspath(path))
    layers = []
    for element in root.iter("maplayer"):
        layer_id = (element.findtext("id") or "").strip()
        if not layer_id:
            continue  # a layer inside a layout or a style: not a project layer
        layers.append(classify(layer_id, (element.findtext("layername") or "").strip(),
                               (element.findtext("provider") or "").strip(),
                               (element.findtext("datasource") or "").strip(), folder))
    return Project(path, tree, qgs_name, layers)


def check_output_folder(project, folder):
    """Refuse an output that would overwrite the project or its files."""
    # By inode (storage.same_file), not by name: a symlink or another spelling of a folder is that folder.
    output = os.path.abspath(folder)
    if output == project.folder or storage.same_file(output, project.folder):
        raise InputError("The output folder is the project's own folder: the copy would overwrite the project. "
                         "Choose another folder (e.g. a new one beside it).")
    sources = [layer.path for layer in project.layers if layer.kind == FILE] + [project.path]
    for layer in project.layers:
        if layer.kind == FILE and storage.same_file(os.path.dirname(os.path.abspath(layer.path)),
                                                    os.path.join(output, "data")):
            raise InputError("The output folder's data/ folder holds the project's own files ({}): choose another "
                             "output folder.", os.path.basename(layer.path))
    if any(storage.same_file(os.path.join(output, os.path.basename(project.path)), path) for path in sources):
        raise InputError("The output folder holds the project itself: choose another folder.")


def _set_text(element, tag, text):
    child = element.find(tag)
    if child is None:
        child = ET.SubElement(element, tag)
    child.text = text


def _rgb_renderer(old, bands):
    """A multiband colour renderer (bands 1-3, alpha 4 when present) keeping the old one's opacity."""
    renderer = ET.Element("rasterrenderer", {
        "type": "multibandcolor", "opacity": old.get("opacity", "1") if old is not None else "1",
        "alphaBand": "4" if bands >= 4 else "-1", "redBand": "1", "greenBand": "2", "blueBand": "3",
        "nodataColor": ""})
    ET.SubElement(renderer, "rasterTransparency")
    return renderer


def repoint(project, layer_id, datasource, provider, raster_bands=None):
    """Point a layer of the project's XML at `datasource` (relative path) with `provider`."""
    root = project.tree.getroot()
    for element in root.iter("maplayer"):
        if (element.findtext("id") or "").strip() != layer_id:
            continue
        _set_text(element, "datasource", datasource)
        _set_text(element, "provider", provider)
        if raster_bands is not None:
            pipe = element.find("pipe")
            if pipe is not None:
                old = pipe.find("rasterrenderer")
                new = _rgb_renderer(old, raster_bands)
                if old is not None:
                    pipe.insert(list(pipe).index(old), new)
                    pipe.remove(old)
                else:
                    pipe.insert(0, new)
    for node in root.iter("layer-tree-layer"):
        if node.get("id") == layer_id:
            node.set("source", datasource)
            node.set("providerKey", provider)


def leave_out(project, layer_id):
    """Remove a layer from the project's XML: its map layer, its layer tree node and every list naming it (layer
    order, legend, map themes, snapping…), so that the copy opens with no trace of it."""
    root = project.tree.getroot()
    for parent in list(root.iter()):
        for child in list(parent):
            if ((child.tag == "maplayer" and (child.findtext("id") or "").strip() == layer_id)
                    or layer_id in (child.get("id"), child.get("layerid"), child.get("layer"))
                    or (child.tag in ("item", "layer") and (child.text or "").strip() == layer_id)):
                parent.remove(child)


def memory_table(layer, taken):
    """The table of the copy's GeoPackage for a memory layer: its name made safe, unique among `taken`."""
    stem = "".join(c if c.isalnum() else "_" for c in (layer.name or "layer")).strip("_").lower() or "layer"
    table, number = stem, 2
    while table in taken:
        table, number = "{}_{}".format(stem, number), number + 1
    taken.add(table)
    return table


def relative_paths(project):
    """Make the copy store relative paths (Project › Properties › General › Save paths: relative)."""
    root = project.tree.getroot()
    properties = root.find("properties")
    if properties is None:
        properties = ET.SubElement(root, "properties")
    paths = properties.find("Paths")
    if paths is None:
        paths = ET.SubElement(properties, "Paths")
    absolute = paths.find("Absolute")
    if absolute is None:
        absolute = ET.SubElement(paths, "Absolute", {"type": "bool"})
    absolute.text = "false"


def copy_file_layer(layer, data_folder):
    """Copy a file layer (a shapefile with its side files) into `data_folder`; its new relative source."""
    os.makedirs(data_folder, exist_ok=True)
    stem, extension = os.path.splitext(os.path.basename(layer.path))
    target = os.path.join(data_folder, stem + extension)
    if os.path.exists(target) and not _same_file(layer.path, target):
        number = 2
        while os.path.exists(os.path.join(data_folder, "{}_{}{}".format(stem, number, extension))):
            number += 1
        stem = "{}_{}".format(stem, number)
        target = os.path.join(data_folder, stem + extension)
    parts = [layer.path]
    if extension.lower() == ".shp":
        base = os.path.splitext(layer.path)[0]
        parts = [base + ext for ext in SHAPEFILE_PARTS if os.path.exists(base + ext)]
    for part in parts:
        shutil.copy2(part, os.path.join(data_folder, stem + os.path.splitext(part)[1]))
    if layer.vector:  # its saved styles go with it: the layer switches among them in the field
        styles.copy_styles(layer.path, target)
    relative = "./{}/{}{}".format(os.path.basename(data_folder), os.path.basename(target), layer.suffix)
    return vector_mbtiles_source(relative) if layer.vector else relative


def copied_file(folder, relative_source):
    """The file a re-pointed source (copy_file_layer's, relative to the copy's `folder`) names."""
    path = relative_source.split("url=", 1)[-1].split("|", 1)[0]
    return os.path.normpath(os.path.join(folder, path))


def _same_file(a, b):
    try:
        return os.path.getsize(a) == os.path.getsize(b) and open(a, "rb").read() == open(b, "rb").read()
    except OSError:
        return False


def write_project(project, folder):
    """Write the (re-pointed) project into `folder`, .qgz or .qgs like the original; its path."""
    target = os.path.join(folder, os.path.basename(project.path))
    relative_paths(project)
    data = ET.tostring(project.tree.getroot(), encoding="utf-8", xml_declaration=False)
    data = b"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + data
    temporary = target + ".part"
    if project.path.lower().endswith(".qgz"):
        with zipfile.ZipFile(project.path) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
            for item in source.infolist():
                out.writestr(item, data if item.filename == project.qgs_name else source.read(item.filename))
    else:
        with open(temporary, "wb") as stream:
            stream.write(data)
    os.replace(temporary, target)
    return target


def clone(project):
    """A copy of the project whose XML can be changed without touching `project`."""
    return Project(project.path, copy.deepcopy(project.tree), project.qgs_name, list(project.layers))
