"""Web pages opened in Debian's headless Chromium, driven by puppeteer-core (both installed by `make setup`), and a
folder served on 127.0.0.1 with byte ranges (the web export's own serve.py)."""

import json
import os
import shutil
import subprocess

import pytest

from resources.web.serve import RangeRequestHandler, make_server
from tests.support.loopback import LoopbackServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NODE_MODULES = os.path.join(ROOT, ".build", "node", "node_modules")
CHROMIUM = "/usr/bin/chromium"
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "web", "open_page.js")


def require_browser():
    """Skip, saying how to get them, when node, puppeteer-core or Chromium are missing (`make setup` brings them)."""
    missing = [what for what, there in (
        ("node", shutil.which("node")), ("chromium", os.path.exists(CHROMIUM)),
        ("puppeteer-core", os.path.isdir(os.path.join(NODE_MODULES, "puppeteer-core")))) if not there]
    if missing:
        pytest.skip("needs {} (run make setup)".format(", ".join(missing)))


class QuietHandler(RangeRequestHandler):
    def log_message(self, *args):  # the requests are the browser's report's business
        pass


class Served(LoopbackServer):
    """`folder` served with ranges (by the web export's own serve.py) on a free port of 127.0.0.1 while in the
    `with` block; `origin` its address."""

    def __init__(self, folder):
        self.serve(make_server(folder, "127.0.0.1", 0, QuietHandler))


def open_page(url, screenshot=None, width=512, height=512, timeout=90, pixel_ratio=1, map_expected=True,
              select=None, language=None, wait_message=False):
    """What Chromium met opening `url` (open_page.js's report: pageErrors, console, requests, outside, failed,
    view, message), once its map is idle (after picking the style file `select` in the page's picker, when given);
    the screenshot written to `screenshot`. `language`: navigator.language; `wait_message`: wait for the page's
    message box to show (a page expected to fail)."""
    options = {"url": url, "screenshot": str(screenshot) if screenshot else None, "width": width,
               "height": height, "chromium": CHROMIUM, "timeout": timeout * 1000,
               "pixelRatio": pixel_ratio, "noMap": not map_expected,
               "select": select, "language": language, "waitMessage": wait_message}
    env = dict(os.environ, NODE_PATH=NODE_MODULES)
    completed = subprocess.run(["node", DRIVER, json.dumps(options)], capture_output=True, text=True,
                               timeout=timeout + 60, env=env)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])
