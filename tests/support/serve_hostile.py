"""Run the hostile stand-in until interrupted: `python tests/support/serve_hostile.py [--bomb-mb N]`.

Prints its base URL on the first line; the modes are in tests/support/hostile_http.py
(e.g. <base>/drip/{z}/{x}/{y}.png, <base>/dripcaps/wmts, <base>/throttle/{z}/{x}/{y}.png).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.hostile_http import HostileServer  # noqa: E402
from tests.support.shell import wait_until_interrupted  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drip", type=float, default=2.0, help="seconds between two bytes of a drip-fed body")
    parser.add_argument("--bomb-mb", type=int, default=1024, help="decoded size of the gzip bomb (MB)")
    parser.add_argument("--retry-after", default="60", help="Retry-After of the 429 answers")
    args = parser.parse_args()
    with HostileServer(drip_interval=args.drip, bomb_size=args.bomb_mb * 2 ** 20,
                       retry_after=args.retry_after) as server:
        server.bomb()  # made before the URL is printed: the first request gets it at once
        print(server.base, flush=True)
        wait_until_interrupted()


if __name__ == "__main__":
    main()
