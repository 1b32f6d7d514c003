"""Vector MBTiles made by GDAL's MVT driver from GeoJSON the test writes (real Mapbox vector tiles), and the
same tiles as an IGN Offline file (journal, identity keys) or as an XYZ folder of .pbf for a loopback server."""

import json
import os

from osgeo import gdal

from core import mbtiles

TMS_ROOT = "https://data.geopf.fr/tms/1.0.0"
BBOX = (2.30, 48.84, 2.36, 48.88)  # a corner of Paris


def geojson(folder, bbox=BBOX, name="roads"):
    """A GeoJSON with a polygon, a line and a labelled point inside `bbox`; its path."""
    west, south, east, north = bbox
    dx, dy = (east - west) / 4, (north - south) / 4
    features = [
        {"type": "Feature", "properties": {"kind": "park", "name": "Parc"}, "geometry": {"type": "Polygon",
         "coordinates": [[[west + dx, south + dy], [east - dx, south + dy], [east - dx, north - dy],
                          [west + dx, north - dy], [west + dx, south + dy]]]}},
        {"type": "Feature", "properties": {"kind": "road", "name": "Rue"}, "geometry": {"type": "LineString",
         "coordinates": [[west, south], [east, north]]}},
        {"type": "Feature", "properties": {"kind": "town", "name": "Ville"}, "geometry": {"type": "Point",
         "coordinates": [(west + east) / 2, (south + north) / 2]}},
    ]
    path = os.path.join(folder, name + ".geojson")
    with open(path, "w", encoding="utf-8") as stream:
        json.dump({"type": "FeatureCollection", "features": features}, stream)
    return path


def gdal_vector_mbtiles(path, folder, zoom_min=10, zoom_max=14, bbox=BBOX, layer_name="roads", name="PLAN.IGN"):
    """A vector MBTiles written by GDAL (format=pbf, json vector_layers, gzipped tiles); its path."""
    source = geojson(folder, bbox, layer_name)
    result = gdal.VectorTranslate(path, source, format="MBTILES", datasetCreationOptions=[
        "MINZOOM={}".format(zoom_min), "MAXZOOM={}".format(zoom_max), "NAME={}".format(name)])
    assert result is not None, gdal.GetLastErrorMsg()
    result = None
    return path


def ours(gdal_path, path, layer="PLAN.IGN", source=TMS_ROOT):
    """The tiles of a GDAL vector MBTiles as IGN Offline writes a download (journal, identity keys)."""
    with mbtiles.MBTilesReader(gdal_path) as reader:
        metadata = reader.metadata()
        tiles = list(reader.iter_tiles())
    metadata.update({"ign_offline:source": source, "ign_offline:layer": layer, "ign_offline:style": "",
                     "ign_offline:format": "application/x-protobuf", "format": "pbf"})
    with mbtiles.MBTilesWriter(path) as writer:
        writer.update_metadata(metadata)
        for z, x, y, data in tiles:
            writer.record(z, x, y, "done", data)
    return path


def xyz_folder(gdal_path, folder):
    """The tiles of a vector MBTiles as `<folder>/{z}/{x}/{y}.pbf` (bytes as stored); the folder."""
    with mbtiles.MBTilesReader(gdal_path) as reader:
        for z, x, y, data in reader.iter_tiles():
            os.makedirs(os.path.join(folder, str(z), str(x)), exist_ok=True)
            with open(os.path.join(folder, str(z), str(x), "{}.pbf".format(y)), "wb") as stream:
                stream.write(data)
    return folder


def write_style(mbtiles_path, style="standard", source_layer="roads"):
    """A small Mapbox GL style in `<X>.styles/<style>.json` (the contract's place) drawing the sample's layer."""
    folder = os.path.splitext(mbtiles_path)[0] + ".styles"
    os.makedirs(folder, exist_ok=True)
    document = {"version": 8, "name": style, "sources": {"plan": {"type": "vector", "url": "mbtiles://local"}},
                "layers": [
                    {"id": "background", "type": "background", "paint": {"background-color": "#f0e8d8"}},
                    {"id": "park", "type": "fill", "source": "plan", "source-layer": source_layer,
                     "filter": ["==", "kind", "park"], "paint": {"fill-color": "#30a040"}},
                    {"id": "road", "type": "line", "source": "plan", "source-layer": source_layer,
                     "filter": ["==", "kind", "road"], "paint": {"line-color": "#d02020", "line-width": 4}}]}
    path = os.path.join(folder, style + ".json")
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(document, stream)
    return path
