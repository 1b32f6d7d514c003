"""How every script run inside the real QGIS desktop (`qgis --code`, tests/support/*_session.py) ends: what the
user saw written as JSON for the test, then QGIS ended with os._exit — no "save the project?" question, no profile
written on exit — with 0, or 1 and the traceback on stderr, which the test reads to say what broke."""

import json
import os
import sys
import traceback


def write_seen(target, seen):
    with open(target, "w", encoding="utf-8") as out:
        json.dump(seen, out, ensure_ascii=False, indent=1)


def run_then_exit(function):
    try:
        function()
        code = 0
    except Exception:  # the test reads stderr: say what broke
        traceback.print_exc()
        code = 1
    sys.stderr.flush()
    os._exit(code)
