"""{{ cookiecutter.component_name }} in a real Chromium: click the button, see the count in the page."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXAMPLE = Path(__file__).parents[1] / "example.py"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_click_in_the_component_reaches_python() -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "appcore", "run", str(EXAMPLE), "--port", str(port),
                               "--headless"], env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://localhost:{port}/_appcore/health", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.05)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            page.goto(f"http://localhost:{port}/")
            button = page.get_by_role("button", name="Click me")
            button.click()
            button.click()
            expect(page.get_by_text("Clicked 2 times")).to_be_visible()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
