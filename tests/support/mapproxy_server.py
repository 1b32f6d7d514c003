"""MapProxy 7 (a real WMTS/TMS server nobody here wrote) on 127.0.0.1, for interoperability tests.

One layer `osm` on MapProxy's GLOBAL_WEBMERCATOR grid (CRS written `urn:ogc:def:crs:EPSG:3857`,
matrices `00`…`19`), rendered by MapProxy's debug source and kept in a file cache, so every
request for a tile after the first returns the same bytes. Served four ways: WMTS KVP
(/service), WMTS RESTful (/wmts/1.0.0/WMTSCapabilities.xml), the REST tiles as an XYZ
template, and TMS rows (from the bottom, `{-y}`).
"""

import os
import subprocess
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON = os.path.join(ROOT, ".build", "mapproxy", "bin", "python")
CONFIG = """
services:
  wmts:
    restful: true
    kvp: true
  tms:
    use_grid_names: true
layers:
  - name: osm
    title: MapProxy debug layer
    sources: [osm_cache]
caches:
  osm_cache:
    grids: [GLOBAL_WEBMERCATOR]
    sources: [debug]
    format: image/png
    cache:
      type: file
      directory: {cache}
sources:
  debug:
    type: debug
globals:
  cache:
    base_dir: {base}
    lock_dir: {base}/locks
"""


def available():
    return os.path.exists(PYTHON)


class MapProxy:
    def __init__(self, folder):
        self.folder = str(folder)
        os.makedirs(self.folder, exist_ok=True)
        self.config = os.path.join(self.folder, "mapproxy.yaml")
        with open(self.config, "w") as stream:
            stream.write(CONFIG.format(cache=os.path.join(self.folder, "tiles"), base=self.folder))
        self.process = None
        self.base = None

    def __enter__(self):
        if not available():
            pytest.fail("MapProxy is not installed: run `make setup` (it installs requirements/mapproxy.txt)")
        self.process = subprocess.Popen([PYTHON, os.path.join(ROOT, "tests", "support", "serve_mapproxy.py"),
                                         self.config], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.isdigit():
            self.process.kill()
            raise RuntimeError("MapProxy did not start: " + line + self.process.stderr.read())
        self.base = "http://127.0.0.1:{}".format(line)
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()

    @property
    def kvp(self):
        return self.base + "/service"

    @property
    def rest_capabilities(self):
        return self.base + "/wmts/1.0.0/WMTSCapabilities.xml"

    @property
    def rest_xyz(self):
        return self.base + "/wmts/osm/GLOBAL_WEBMERCATOR/{z}/{x}/{y}.png"

    @property
    def tms(self):
        # MapProxy's /tms numbers levels by the TMS global-mercator profile (its level 0 is the grid's
        # level 1); its /tiles service keeps the grid's levels, and ?origin=sw gives TMS rows: what a
        # QGIS XYZ layer with {-y} asks for.
        return self.base + "/tiles/1.0.0/osm/GLOBAL_WEBMERCATOR/{z}/{x}/{-y}.png?origin=sw"

    def tile(self, z, x, y):
        """What MapProxy serves for XYZ tile z/x/y (asked by WMTS REST, with the published matrix identifier)."""
        url = "{}/wmts/osm/GLOBAL_WEBMERCATOR/{:02d}/{}/{}.png".format(self.base, z, x, y)
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
