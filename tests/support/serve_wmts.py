"""Run the stand-in WMTS until interrupted: `python tests/support/serve_wmts.py [--latency S]`.

Prints its URL on the first line, for shell sessions and acceptance runs.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.shell import wait_until_interrupted  # noqa: E402
from tests.support.wmts_server import StandInWmts  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every reply")
    args = parser.parse_args()
    with StandInWmts(latency=args.latency) as server:
        print(server.url, flush=True)
        wait_until_interrupted()


if __name__ == "__main__":
    main()
