"""Serve a generated Grand Est-like FTP tree until interrupted: `python tests/support/serve_ftp.py [--port N]`.

Prints `ftp://127.0.0.1:PORT` and the product paths, for shell sessions and acceptance runs.
"""

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.support.ftp_server import TestFtpServer  # noqa: E402
from tests.support.ftp_tree import make_tree  # noqa: E402
from tests.support.shell import wait_until_interrupted  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ign_offline_ftp_") as root:
        products = make_tree(root)
        with TestFtpServer(root, port=args.port) as server:
            print("ftp://127.0.0.1:{}".format(server.port), flush=True)
            for path in products.values():
                print("  " + path, flush=True)
            wait_until_interrupted()


if __name__ == "__main__":
    main()
