"""A server in a subprocess, for tests and benchmarks that start ``appcore run`` (or
``streamlit run``) for real: a free port, waiting until its health route says it is
ready, and stopping it politely. The browser tests, ``bench/`` and appcore-redis's
two-process tests share these.
"""
from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(health_url: str, process: subprocess.Popen, timeout: float = 20.0, poll: float = 0.05) -> bool:
    """Wait until ``health_url`` answers 200: appcore's /_appcore/health answers 503 "starting"
    while the script is compiled, after the URL is printed. False when ``process`` exits first
    or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(health_url, timeout=5) as response:
                if response.status == 200:
                    return True
        except (OSError, http.client.HTTPException, ValueError):  # refused, 503 (an HTTPError), cut short
            pass
        time.sleep(poll)
    return False


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10.0) -> bool:
    """End ``process`` with ``sig``, killing it when it is still there after ``timeout``
    seconds; True when it had to be killed."""
    if process.poll() is not None:
        return False
    process.send_signal(sig)
    try:
        process.wait(timeout)
        return False
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)
        return True
