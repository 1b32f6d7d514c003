"""An X server in memory (Xvfb) for the real QGIS desktop in tests and `make screenshots`."""

import os
import subprocess
import time


class Xvfb:
    def __init__(self, size="1400x1000x24"):
        self.size = size
        self.process = None
        self.name = None

    def __enter__(self):
        number = next(n for n in range(90, 200) if not os.path.exists("/tmp/.X11-unix/X{}".format(n))
                      and not os.path.exists("/tmp/.X{}-lock".format(n)))
        self.name = ":{}".format(number)
        self.process = subprocess.Popen(["Xvfb", self.name, "-screen", "0", self.size, "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not os.path.exists("/tmp/.X11-unix/X{}".format(number)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Xvfb {} did not start".format(self.name))
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
