"""Run the stand-in TMS of vector tiles until interrupted:
`python tests/support/serve_tms.py [--latency S] [--everywhere]`.

Prints the service root on the first line, for shell sessions, benchmarks and acceptance runs.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.shell import wait_until_interrupted  # noqa: E402
from tests.support.tms_server import StandInTms  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every tile reply")
    parser.add_argument("--everywhere", action="store_true",
                        help="a real tile at every address (for benchmarks), not only over the data")
    args = parser.parse_args()
    with StandInTms(latency=args.latency, everywhere=args.everywhere) as server:
        print(server.root, flush=True)
        wait_until_interrupted()


if __name__ == "__main__":
    main()
