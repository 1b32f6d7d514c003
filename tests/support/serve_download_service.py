"""Run the stand-in download service until interrupted:
`python tests/support/serve_download_service.py CATALOGUE.json [--port N] [--bandwidth BYTES_PER_S] [--page-size N]`.

CATALOGUE.json: {"BDTOPO": [{"name": "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15", "zone": "D031",
"zone_label": "D031 Haute-Garonne", "format": "GPKG", "date": "2026-06-15", "bbox": [w, s, e, n],
"files": [{"name": "….7z", "path": "/abs/path"} or {"name": …, "text": "…"}, optional "md5"]}], …}.
Prints the service root (…/telechargement) on the first line, for shell sessions, benchmarks and acceptance runs.
Strict as the documentation is (tests/support/download_service.py): a parameter IGN does not document for an
endpoint, a `limit` over 50, a date not YYYY-MM-DD or a request without the plugin's User-Agent get a 400.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.download_service import StandInDownloadService, catalogue_from_json  # noqa: E402
from tests.support.shell import wait_until_interrupted  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("catalogue", help="the catalogue, a JSON file")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--bandwidth", type=float, default=0, help="bytes per second per transfer (0: no limit)")
    parser.add_argument("--page-size", type=int, default=50)
    args = parser.parse_args()
    with open(args.catalogue, encoding="utf-8") as source:
        catalogue = catalogue_from_json(json.load(source))
    with StandInDownloadService(catalogue, page_size=args.page_size, bandwidth=args.bandwidth,
                                port=args.port) as server:
        print(server.root, flush=True)
        wait_until_interrupted()


if __name__ == "__main__":
    main()
