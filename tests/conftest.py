"""Shared by both test tiers; imports nothing from QGIS."""

import importlib
import os
import subprocess
import sys

# GDAL writes .aux.xml statistics beside a dataset, or into the working directory for
# datasets with no file of their own (MBTiles overviews named " - zoom_level=11"): tests
# and the processes they start must write nothing into the checkout.
os.environ["GDAL_PAM_ENABLED"] = "NO"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def _link_plugin():
    """QGIS needs the plugin in a folder named like its module: link this checkout as ign_offline."""
    os.makedirs(PLUGINS, exist_ok=True)
    link = os.path.join(PLUGINS, "ign_offline")
    if not os.path.exists(link):
        os.symlink(ROOT, link)
    if PLUGINS not in sys.path:
        sys.path.insert(0, PLUGINS)
    sys.path_importer_cache.pop(PLUGINS, None)
    importlib.invalidate_caches()


_link_plugin()


def _untracked():
    """Files in the checkout that git neither tracks nor ignores (None outside a git checkout)."""
    try:
        listed = subprocess.run(["git", "-C", ROOT, "ls-files", "--others", "--exclude-standard"],
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return set(listed.stdout.splitlines()) if listed.returncode == 0 else None


_BEFORE = _untracked()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when it left files in the checkout (sidecars, outputs written to the working directory)."""
    after = _untracked()
    if _BEFORE is None or after is None:
        return
    left = sorted(after - _BEFORE)
    if left:
        sys.stderr.write("\nThe tests wrote into the checkout: {}\n".format(", ".join(left)))
        session.exitstatus = 1
