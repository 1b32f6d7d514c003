"""vsftpd, a real FTP server nobody here wrote, on 127.0.0.1: anonymous, read-only, for tests.

vsftpd has no MLSD, so the client's LIST fallback is exercised against a real server.
It runs as root (as in CI) and serves a copy of the tree made readable by its `ftp` user.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest

VSFTPD = "/usr/sbin/vsftpd"
CONFIG = """listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port={port}
background=NO
anonymous_enable=YES
local_enable=NO
write_enable=NO
no_anon_password=YES
anon_root={root}
ftp_username=ftp
pasv_enable=YES
pasv_address=127.0.0.1
seccomp_sandbox=NO
secure_chroot_dir={empty}
xferlog_enable=YES
vsftpd_log_file={log}
"""


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Vsftpd:
    def __init__(self, tree, folder):
        if not os.path.exists(VSFTPD):
            pytest.fail("vsftpd is not installed: run `make setup` (it installs it from Debian)")
        if os.geteuid() != 0:
            pytest.skip("vsftpd needs root to chroot anonymous users (CI runs as root)")
        self.folder = str(folder)
        self.root = os.path.join(self.folder, "root")
        shutil.copytree(tree, self.root)
        for path in [self.folder, self.root] + [os.path.join(d, n) for d, dirs, files in os.walk(self.root)
                                                 for n in dirs + files]:
            os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)
        empty = os.path.join(self.folder, "empty")
        os.makedirs(empty, exist_ok=True)
        self.port = _free_port()
        self.config = os.path.join(self.folder, "vsftpd.conf")
        with open(self.config, "w") as stream:
            stream.write(CONFIG.format(port=self.port, root=self.root, empty=empty,
                                       log=os.path.join(self.folder, "vsftpd.log")))
        self.log = os.path.join(self.folder, "vsftpd.log")
        self.process = None

    def bytes_sent(self, name):
        """Bytes vsftpd logged as sent for files named `name` (its own count, not ours)."""
        import re

        if not os.path.exists(self.log):
            return 0
        with open(self.log, errors="replace") as stream:
            return sum(int(m.group(1)) for line in stream if "OK DOWNLOAD" in line and "/" + name + '"' in line
                       for m in [re.search(r", (\d+) bytes", line)] if m)

    def __enter__(self):
        self.process = subprocess.Popen([VSFTPD, self.config], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("vsftpd stopped: " + self.process.stderr.read().decode(errors="replace"))
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("vsftpd did not start")

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()
