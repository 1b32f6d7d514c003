"""The real QGIS desktop (`qgis --code`) with this checkout's plugin enabled, in a throwaway profile, on an Xvfb
display: for the French/English test and `make screenshots` (tests/support/desktop_session.py does the work)."""

import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
SESSION = os.path.join(ROOT, "tests", "support", "desktop_session.py")


def run_desktop(home, display, language, session, timeout=300, script=SESSION):
    """Start QGIS in `home` (made here) with LANG=`language`; `session` is IGN_OFFLINE_SESSION, `script` the Python
    file QGIS runs (`--code`). Returns the completed process (QGIS exits when the session is done)."""
    profile = os.path.join(home, "profiles", "default", "QGIS")  # --profiles-path DIR reads DIR/profiles/<name>
    os.makedirs(profile, exist_ok=True)
    with open(os.path.join(profile, "QGIS3.ini"), "w") as ini:
        ini.write("[PythonPlugins]\nign_offline=true\n")
    runtime = os.path.join(home, "runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_QPA", "QGIS_", "LC_", "LANGUAGE"))}
    env.update(HOME=home, XDG_RUNTIME_DIR=runtime, DISPLAY=display.name, LANG=language, QGIS_PLUGINPATH=PLUGINS,
               IGN_OFFLINE_SESSION=session, IGN_OFFLINE_ROOT=ROOT, PYTHONPATH="", GDAL_PAM_ENABLED="NO")
    return subprocess.run(["qgis", "--profiles-path", home, "--nologo", "--noversioncheck", "--code", script],
                          env=env, capture_output=True, text=True, timeout=timeout, cwd=home)
