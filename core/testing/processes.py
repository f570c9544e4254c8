"""A server in a subprocess, for tests and benchmarks that start ``appcore run`` (or
``streamlit run``) for real: a free port, waiting until its health route says it is
ready (or failing with the tail of its log), and stopping it politely. The browser tests,
``bench/`` and appcore-redis's two-process tests share these; plugins' tests also ask a
fresh interpreter what importing them imports (``modules_after_each``).
"""
from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(health_url: str, process: subprocess.Popen, timeout: float = 20.0, poll: float = 0.05) -> bool:
    """Wait until ``health_url`` answers 200 (appcore's /_appcore/health does once the server
    listens). False when ``process`` exits first or ``timeout`` seconds pass."""
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


def log_tail(path: Path, chars: int = 4000) -> str:
    """The end of a server's log file, for an error message ("" when there is none yet)."""
    try:
        return Path(path).read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def wait_started(process: subprocess.Popen, health_url: str, log_path: Path, name: str = "appcore",
                 timeout: float = 20.0, poll: float = 0.05) -> None:
    """``wait_healthy``, or a RuntimeError saying whether ``name`` exited or never got ready,
    with the tail of its log; one still running then is stopped, not left behind."""
    if wait_healthy(health_url, process, timeout, poll):
        return
    if process.poll() is not None:
        raise RuntimeError(f"{name} exited with {process.returncode}; log:\n{log_tail(log_path)}")
    stop(process)
    raise RuntimeError(f"{name} did not become healthy on {health_url} in {timeout:.0f}s; "
                       f"log:\n{log_tail(log_path)}")


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


_MODULES_MARK = "-- sys.modules:"


def modules_after_each(*steps: str) -> list[set[str]]:
    """The names in ``sys.modules`` after each of ``steps``, run in turn in one fresh
    interpreter (``sys.executable``): what ``import a_plugin`` imports, and what its first use
    adds, with nothing the test's own process imported in the way. A step that fails fails
    the call (CalledProcessError; its traceback is on stderr)."""
    report = f"print({_MODULES_MARK!r}, *__import__('sys').modules)\n"
    program = "".join(f"{step}\n{report}" for step in steps)
    result = subprocess.run([sys.executable, "-c", program], stdout=subprocess.PIPE, text=True, check=True)
    return [set(line[len(_MODULES_MARK):].split()) for line in result.stdout.splitlines()
            if line.startswith(_MODULES_MARK)]
