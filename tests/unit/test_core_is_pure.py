import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def core_modules():
    """Every module of core/, its sub-packages included (walked, not listed: a new package is checked too)."""
    modules = []
    for folder, dirs, files in os.walk(os.path.join(ROOT, "core")):
        dirs[:] = sorted(d for d in dirs if os.path.isfile(os.path.join(folder, d, "__init__.py")))
        package = os.path.relpath(folder, ROOT).replace(os.sep, ".")
        modules += [package + ("" if name == "__init__.py" else "." + name[:-3])
                    for name in sorted(files) if name.endswith(".py")]
    return modules


def test_every_core_package_is_walked():
    found = core_modules()
    for package in ("tiles", "sources", "download", "library", "cache", "ftp", "field"):
        assert "core.{}".format(package) in found
    assert "core.download.engine" in found and "core.storage" in found


def test_core_imports_neither_qgis_nor_qt():
    code = (
        "import sys\n"
        "for name in {!r}: __import__(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    ).format(core_modules())
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
