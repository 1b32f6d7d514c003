"""`make screenshots`: the README's pictures, from the real QGIS desktop under Xvfb (English).

usage: take_screenshots.py HOME_FOLDER OUTPUT_FOLDER
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.dataset_journey import catalogue  # noqa: E402
from tests.support.desktop import ROOT, run_desktop  # noqa: E402
from tests.support.download_service import StandInDownloadService  # noqa: E402
from tests.support.xvfb import Xvfb  # noqa: E402

home, output = sys.argv[1:3]
os.makedirs(output, exist_ok=True)
with Xvfb() as display:
    completed = run_desktop(home, display, "C.UTF-8", "screenshots:" + output, timeout=600)
if completed.returncode != 0:
    sys.exit("QGIS failed:\n" + completed.stdout[-3000:] + completed.stderr[-3000:])
# The IGN datasets tab after a download from the stand-in download service (served from here: the session runs in
# QGIS's Python, without the test tools that make the archives).
datasets = os.path.join(home, "datasets")
with StandInDownloadService(catalogue(os.path.join(datasets, "catalogue"))) as service, Xvfb() as display:
    os.environ.update(IGN_OFFLINE_DATASETS_SERVICE=service.root, IGN_OFFLINE_SCREENSHOT=output)
    completed = run_desktop(datasets, display, "C.UTF-8", "datasets:" + os.path.join(datasets, "seen.json"),
                            timeout=600, script=os.path.join(ROOT, "tests", "support", "datasets_session.py"))
if completed.returncode != 0:
    sys.exit("QGIS failed:\n" + completed.stdout[-3000:] + completed.stderr[-3000:])
for name in ("dock.png", "download.png", "datasets.png"):
    print(os.path.join(output, name))
