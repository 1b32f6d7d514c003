"""Debian's redis-server on 127.0.0.1 at a free port, nothing saved (`make setup` installs it): the real Redis that
the shared politeness budget (core.budget) is tested against."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A context manager: started (and answering) on entry, stopped on exit; `kill()` ends it abruptly."""

    def __init__(self, password=None, port=None):
        self.password = password
        self.port = port or free_port()
        self.process = None
        self._folder = None

    @property
    def url(self):
        secret = ":{}@".format(self.password) if self.password else ""
        return "redis://{}127.0.0.1:{}/0".format(secret, self.port)

    def start(self):
        self._folder = tempfile.mkdtemp(prefix="ign-redis-")
        command = [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
                   "--dir", self._folder, "--daemonize", "no", "--loglevel", "warning"]
        if self.password:
            command += ["--requirepass", self.password]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("redis-server ended: {}".format(self.process.stderr.read().decode()))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not listen on port {}".format(self.port))

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        if self._folder and os.path.isdir(self._folder):
            shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
