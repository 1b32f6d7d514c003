import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_core_imports_neither_qgis_nor_qt():
    modules = sorted(n[:-3] for n in os.listdir(os.path.join(ROOT, "core")) if n.endswith(".py"))
    code = (
        "import sys\n"
        "for name in {!r}: __import__('core.' + name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    ).format(modules)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
