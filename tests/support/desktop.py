"""The real QGIS desktop (`qgis --code`) with this checkout's plugin enabled, in a throwaway profile, on an Xvfb
display: for the French/English test and `make screenshots` (tests/support/desktop_session.py does the work)."""

import os
import signal
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
SESSION = os.path.join(ROOT, "tests", "support", "desktop_session.py")


def run_desktop(home, display, language, session="", timeout=300, script=SESSION, settings="", env=None):
    """Start QGIS in `home` (made here) with LANG=`language`; `session` is IGN_OFFLINE_SESSION, `script` the Python
    file QGIS runs (`--code`), `settings` more lines for the profile's QGIS3.ini, `env` more variables. Returns the
    completed process (QGIS exits when the session is done); past `timeout` s, QGIS and what it started are killed
    and the process is returned as it ended (returncode -9), its output with it."""
    profile = os.path.join(home, "profiles", "default", "QGIS")  # --profiles-path DIR reads DIR/profiles/<name>
    os.makedirs(profile, exist_ok=True)
    with open(os.path.join(profile, "QGIS3.ini"), "w") as ini:
        ini.write("[PythonPlugins]\nign_offline=true\n" + settings)
    runtime = os.path.join(home, "runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    variables = {k: v for k, v in os.environ.items() if not k.startswith(("QT_QPA", "QGIS_", "LC_", "LANGUAGE"))}
    variables.update(HOME=home, XDG_RUNTIME_DIR=runtime, DISPLAY=display.name, LANG=language,
                     QGIS_PLUGINPATH=PLUGINS, IGN_OFFLINE_SESSION=session, IGN_OFFLINE_ROOT=ROOT, PYTHONPATH="",
                     GDAL_PAM_ENABLED="NO")
    variables.update(env or {})
    command = ["qgis", "--profiles-path", home, "--nologo", "--noversioncheck", "--code", script]
    process = subprocess.Popen(command, env=variables, cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # QGIS and its helpers: a hung session leaves nothing running
        stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
