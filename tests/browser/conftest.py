"""Real-Chromium tier: each test serves a script with ``appcore run`` and drives
Debian's ``/usr/bin/chromium`` through Python Playwright (sync API).

Playwright must not download a browser of its own: that fails here. CI installs
the ``chromium`` package; without it these tests fail (they do not skip), so a
missing browser cannot pass for a green run.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.support import CHROMIUM, chromium, free_port, stop

START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run this folder's tests after every other test of the session.

    Playwright's sync API drives its event loop from this thread through greenlets,
    so while the session-scoped browser is open asyncio believes a loop is running
    here, and every later pytest-asyncio test (tests/core/server) fails with
    "Runner.run() cannot be called from a running event loop".
    """
    here = Path(__file__).parent

    def in_browser_tier(item: pytest.Item) -> bool:
        return Path(str(item.path)).is_relative_to(here)

    items.sort(key=in_browser_tier)  # stable: the order within each group is kept


# -- the browser --------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator["playwright.sync_api.Browser"]:  # noqa: F821
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}, and it is missing. "
            "Install Debian's package (apt-get install chromium, or run scripts/test.sh); "
            "do not let Playwright download a browser of its own.",
            pytrace=False,
        )
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        pytest.fail("The browser tests need Python Playwright: pip install -e '.[test]'.", pytrace=False)
    # A loaded CI machine can take more than Playwright's default 5 s to show a run's result.
    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright, chromium(playwright) as browser:
        yield browser


class ScriptGate:
    """The ``gates`` fixture's idea for a script served in another process.

    In the script: ``gate()`` (the code from ``self.script``) waits for one step.
    ``let_through()`` lets the script pass one ``gate()`` call; a step let through
    before the script arrives waits in the FIFO for it.
    """

    def __init__(self, path: Path):
        self.path = path
        os.mkfifo(path)
        # Read and write ends held by the test: the script's open never blocks, and
        # what the test writes waits in the pipe until a gate() reads it.
        self._fd = os.open(path, os.O_RDWR)

    @property
    def script(self) -> str:
        return (f"import os\n"
                f"def gate():\n"
                f"    fd = os.open({str(self.path)!r}, os.O_RDONLY)\n"
                f"    try:\n"
                f"        os.read(fd, 1)\n"
                f"    finally:\n"
                f"        os.close(fd)\n")

    def let_through(self, steps: int = 1) -> None:
        os.write(self._fd, b"x" * steps)

    def close(self) -> None:
        os.write(self._fd, b"x" * 64)  # never leave the script waiting
        os.close(self._fd)


@pytest.fixture
def script_gate(tmp_path: Path) -> Iterator[ScriptGate]:
    """A ``ScriptGate`` for the test's app: prepend ``script_gate.script`` to its source."""
    gate = ScriptGate(tmp_path / "gate")
    try:
        yield gate
    finally:
        gate.close()


@pytest.fixture(scope="session")
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where tests leave screenshots; APPCORE_TEST_ARTIFACTS keeps them somewhere known (CI)."""
    wanted = os.environ.get("APPCORE_TEST_ARTIFACTS")
    if wanted:
        path = Path(wanted)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("artifacts")


class ConsoleErrors(list):
    """Console errors and uncaught page exceptions; the test fails on any it did not allow."""

    def __init__(self) -> None:
        super().__init__()
        self.allowed: list[re.Pattern[str]] = []

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        return [text for text in self if not any(p.search(text) for p in self.allowed)]


@pytest.fixture
def console_errors() -> ConsoleErrors:
    return ConsoleErrors()


@pytest.fixture
def page(browser, serve_app, console_errors: ConsoleErrors):  # type: ignore[no-untyped-def]
    """A fresh tab in its own context (own sessionStorage), closed before the servers stop.

    It depends on ``serve_app`` only for teardown order: a tab still open when its
    server goes would log reconnection errors that are not the test's business.
    """
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.set_default_timeout(10_000)
    tab = context.new_page()

    def on_console(message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            console_errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: console_errors.append(f"page error: {error}"))
    try:
        yield tab
    finally:
        context.close()
    unexpected = console_errors.unexpected()
    assert not unexpected, "The page logged errors:\n" + "\n".join(unexpected)


# -- the server ----------------------------------------------------------------------


@dataclass
class ServedApp:
    url: str
    path: Path
    port: int
    process: subprocess.Popen
    stdout_path: Path
    stderr_path: Path
    stopped: bool = field(default=False)

    def write(self, source: str) -> None:
        """Replace the script on disk at once, as an editor's save does (hot reload).

        Written beside it and renamed over it, so the watcher never sees a half-written file.
        """
        fresh = self.path.with_name(f".{self.path.name}.saving")
        fresh.write_text(textwrap.dedent(source), encoding="utf-8")
        os.replace(fresh, self.path)

    @property
    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def health(self) -> dict:
        with urllib.request.urlopen(f"{self.url}_appcore/health", timeout=5) as response:
            return json.loads(response.read())

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Stop the server with ``sig``; returns its exit code (killing it if it hangs)."""
        if self.stopped:
            return self.process.returncode
        self.stopped = True
        if stop(self.process, sig, STOP_TIMEOUT):
            raise AssertionError(f"appcore did not stop within {STOP_TIMEOUT}s of "
                                 f"{signal.Signals(sig).name}; killed it.\nstderr:\n{self.stderr}")
        return self.process.returncode

    def assert_clean_exit(self, code: int, sig: int) -> None:
        assert code == 0, f"appcore exited with {code} on {signal.Signals(sig).name}.\nstderr:\n{self.stderr}"
        assert "Traceback" not in self.stderr, f"appcore printed a traceback:\n{self.stderr}"


@pytest.fixture
def serve_app(tmp_path: Path) -> Iterator[Callable[..., ServedApp]]:
    """``serve_app(source)`` writes the script and serves it with ``appcore run``.

    The command is ``appcore run app.py --port N --headless``, as README.md spells
    it; ``flags_before_script=True`` runs ``appcore run --port N --headless app.py``.
    Each server is stopped after the test with SIGTERM, and must exit with code 0
    and no traceback on stderr.
    """
    served: list[ServedApp] = []
    started = 0

    def serve(source: str, name: str = "app.py", env: dict[str, str] | None = None,
              flags_before_script: bool = False) -> ServedApp:
        nonlocal started
        started += 1
        folder = tmp_path / f"app{started}"
        folder.mkdir()
        script = folder / name
        script.write_text(textwrap.dedent(source), encoding="utf-8")
        port = free_port()
        stdout_path, stderr_path = folder / "stdout.txt", folder / "stderr.txt"
        environment = {k: v for k, v in os.environ.items() if not k.startswith("APPCORE_")}
        environment.update(PYTHONUNBUFFERED="1", **(env or {}))
        with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
            flags = ["--port", str(port), "--headless"]
            args = [*flags, str(script)] if flags_before_script else [str(script), *flags]
            process = subprocess.Popen(
                [sys.executable, "-m", "appcore", "run", *args],
                cwd=folder, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=environment,
            )
        app = ServedApp(f"http://localhost:{port}/", script, port, process, stdout_path, stderr_path)
        _wait_healthy(app)
        served.append(app)
        return app

    yield serve

    problems = []
    for app in served:
        # Shown by pytest only when the test fails: what the server said meanwhile.
        print(f"--- appcore serving {app.path} on port {app.port}: stderr ---\n{app.stderr}")
        try:
            app.assert_clean_exit(app.stop(signal.SIGTERM), signal.SIGTERM)
        except AssertionError as error:
            problems.append(str(error))
    assert not problems, "\n\n".join(problems)


def _wait_healthy(app: ServedApp) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            break
        served_at = re.search(r"URL: (\S+)", app.stdout)
        if served_at and served_at.group(1) != app.url:
            break  # it listens elsewhere: waiting will not help
        try:
            if app.health().get("status") == "ok":
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            pass
        time.sleep(0.05)
    if app.process.poll() is None:
        app.process.kill()
        app.process.wait(STOP_TIMEOUT)
    served_at = re.search(r"URL: (\S+)", app.stdout)
    hint = ""
    if served_at and served_at.group(1) != app.url:
        hint = f"\nappcore says it serves {served_at.group(1)}, not {app.url}: it ignored --port."
    raise AssertionError(
        f"`{' '.join(app.process.args[2:])}` did not answer on "
        f"{app.url}_appcore/health (exit code {app.process.returncode}).{hint}\n"
        f"stdout:\n{app.stdout}\nstderr:\n{app.stderr}"
    )
