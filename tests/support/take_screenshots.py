"""`make screenshots`: the README's pictures, from the real QGIS desktop under Xvfb (English).

usage: take_screenshots.py HOME_FOLDER OUTPUT_FOLDER
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.desktop import run_desktop  # noqa: E402
from tests.support.xvfb import Xvfb  # noqa: E402

home, output = sys.argv[1:3]
os.makedirs(output, exist_ok=True)
with Xvfb() as display:
    completed = run_desktop(home, display, "C.UTF-8", "screenshots:" + output, timeout=600)
if completed.returncode != 0:
    sys.exit("QGIS failed:\n" + completed.stdout[-3000:] + completed.stderr[-3000:])
for name in ("dock.png", "download.png"):
    print(os.path.join(output, name))
