"""Helpers for the serve_* scripts run from a shell."""

import time


def wait_until_interrupted():
    """Block until Ctrl-C (or SIGINT from the shell that started us)."""
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
