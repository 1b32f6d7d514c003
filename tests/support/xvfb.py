"""An X server in memory (Xvfb) for the real QGIS desktop in tests and `make screenshots`."""

import os
import select
import subprocess
import time


class Xvfb:
    def __init__(self, size="1400x1000x24"):
        self.size = size
        self.process = None
        self.name = None

    def __enter__(self):
        # -displayfd: Xvfb takes the first free display itself and writes its number once it listens, so test
        # processes running side by side (pytest -n) never race for the same number.
        read_end, write_end = os.pipe()
        try:
            self.process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", self.size, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
            os.close(write_end)
            self.name = ":" + self._read_number(read_end)
        finally:
            os.close(read_end)
        return self

    def _read_number(self, read_end):
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                self.process.kill()
                self.process.wait(timeout=10)
                raise RuntimeError("Xvfb did not start")
            number += chunk
        return number.decode().strip()

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
