"""What the browser tests and the benchmarks (bench/_common.py) share: Debian's Chromium,
launched headless with one set of flags, and a server process stopped politely.

Playwright must not download a browser of its own: that fails here. Importable as
``tests.browser.support`` from the tests and by path from bench/.
"""
from __future__ import annotations

import json
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium(playwright: Any) -> Iterator[Any]:
    """Debian's Chromium, headless, from a started ``sync_playwright()``; closed after the block."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


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


def ready(base_url: str, process: subprocess.Popen, timeout: float = 20.0) -> bool:
    """Wait until ``base_url``'s /_appcore/health says "ok" (it answers 503 "starting" while the
    script is compiled, after the URL is printed); False when the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{base_url}_appcore/health", timeout=5) as response:
                if json.loads(response.read()).get("status") == "ok":
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            pass
        time.sleep(0.05)
    return False


def idle(page: Any, timeout: float | None = None) -> None:
    """The page's run-status says idle: the run the last action started has finished drawing."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle", timeout=timeout)


def open_app(page: Any, app: Any) -> None:
    """Load a served app and wait for its first run to finish, every element drawn by its own
    renderer (none by the runtime's fallback, a JSON dump of its props)."""
    from playwright.sync_api import expect

    page.goto(app.url)
    idle(page)
    expect(page.locator(".ac-fallback")).to_have_count(0)
