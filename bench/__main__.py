"""`make bench`: run every benchmark module and print its lines."""

import importlib
import pkgutil
import sys

import bench


def main():
    names = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_"))
    for name in names:
        module = importlib.import_module("bench." + name)
        print("== {} ==".format(name))
        module.main()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
