"""What the browser tests share, and the benchmarks (bench/_common.py) too: Debian's Chromium,
launched headless with one set of flags, and a server process waited for and stopped politely
(appcore.testing.processes, which bench/_common.py also imports itself); for the tests, a
served app opened in a tab (``open_app``) or in a window of a given size (``app_in_window``).

Playwright must not download a browser of its own: that fails here. Importable as
``tests.browser.support`` from the tests and by path from bench/.
"""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from appcore.testing.processes import free_port, stop, wait_healthy

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "app_in_window", "chromium", "free_port", "idle", "open_app", "ready",
           "stop"]

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


def ready(base_url: str, process: subprocess.Popen, timeout: float = 20.0) -> bool:
    """``base_url``'s appcore server says it is ready (False when it exits or time runs out)."""
    return wait_healthy(f"{base_url}_appcore/health", process, timeout)


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


@contextmanager
def app_in_window(browser: Any, app: Any, width: int, height: int = 1000) -> Iterator[Any]:
    """A served app in a tab of its own ``width`` x ``height`` px window (the ``page`` fixture's
    is 1200 x 800), its first run over; the tab's context is closed after the block."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(app.url)
        idle(page)
        yield page
    finally:
        context.close()
