"""Shared helpers for the benchmarks: servers, the Streamlit venv, Chromium, statistics.

The benchmarks are plain scripts (``python bench/rerun_latency.py``); nothing
here is imported by the test suite.
"""
from __future__ import annotations

import argparse

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))
import support  # noqa: E402  # Debian's Chromium, launched as the browser tests launch it
from appcore.testing.processes import free_port, log_tail, stop, wait_started  # noqa: E402
STREAMLIT_VERSION = "1.67.0"
STREAMLIT_VENV = BENCH / ".venv-streamlit"
# Both servers keep their bytecode here, as an installed package keeps its .pyc files: this
# machine sets PYTHONDONTWRITEBYTECODE, which would leave appcore's editable source (and only
# it: the Streamlit venv was compiled by pip) to be compiled again at every start.
PYCACHE = Path(tempfile.gettempdir()) / "appcore-bench-pycache"


KINDS = ("appcore", "streamlit")
IMPORT = {"appcore": "import appcore as st", "streamlit": "import streamlit as st"}

# Where each framework puts a button, and how its page says a run is over.
BUTTON = {"appcore": '[data-testid="ac-button"] button', "streamlit": '[data-testid="stButton"] button'}
IDLE = {"appcore": '[data-testid="ac-status"][data-state="idle"]',
        "streamlit": '[data-testid="stApp"][data-test-script-state="notRunning"]'}


# -- statistics --------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p90(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    # nearest-rank: the smallest value with at least 90% of the samples at or below it
    rank = max(1, -(-90 * len(ordered) // 100))
    return ordered[rank - 1]


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "MISS"


def table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# -- the Streamlit virtual environment -------------------------------------------------


# The app most figures are measured on: a button that counts its clicks.
COUNTER_APP = """
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("+"):
    st.session_state.n += 1
st.markdown(f"Count: {st.session_state.n} clicks")
"""


def bench_parser(doc: str) -> argparse.ArgumentParser:
    """A benchmark's command line: its docstring as help, and --only."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=KINDS, help="measure one framework")
    return parser


def frameworks(args: argparse.Namespace) -> list[str]:
    """The frameworks to measure, Streamlit's venv made first when it is one of them."""
    kinds = [args.only] if args.only else list(KINDS)
    if "streamlit" in kinds:
        ensure_streamlit_venv()
    return kinds


def bench_args(doc: str, **options: tuple[float, str]) -> tuple[argparse.Namespace, list[str]]:
    """A benchmark's command line parsed, with an option per ``name=(default, help)``
    (``byte_clicks=(25, "...")`` is ``--byte-clicks N``, of the default's type; a ``False``
    default makes a flag), and the frameworks to measure."""
    parser = bench_parser(doc)
    for name, (default, help) in options.items():
        flag = f"--{name.replace('_', '-')}"
        if isinstance(default, bool):
            parser.add_argument(flag, action="store_true", help=help)
        else:
            parser.add_argument(flag, type=type(default), default=default, help=help)
    args = parser.parse_args()
    return args, frameworks(args)


def alternating(kinds: list[str], repeats: int, measure: Callable[[str, int], T]) -> dict[str, list[T]]:
    """``measure(kind, repeat)`` ``repeats`` times for each framework, the frameworks in turn
    (so both sides see the same noise): the samples by framework."""
    samples: dict[str, list[T]] = {kind: [] for kind in kinds}
    for repeat in range(repeats):
        for kind in kinds:
            samples[kind].append(measure(kind, repeat))
    return samples


@contextlib.contextmanager
def measuring(prefix: str) -> Iterator[tuple[Path, object]]:
    """A fresh work folder and a Chromium for one benchmark's measurements."""
    with workdir(prefix) as work, chromium() as browser:
        yield work, browser


def took(started: float) -> None:
    """The last line of a benchmark's output: how long it ran since ``started`` (time.monotonic())."""
    print(f"\ntook {time.monotonic() - started:.0f} s")


def ensure_streamlit_venv() -> Path:
    """bench/.venv-streamlit with streamlit==1.67.0: created on first use, reused after."""
    python = STREAMLIT_VENV / "bin" / "python"
    binary = STREAMLIT_VENV / "bin" / "streamlit"
    if binary.exists() and _streamlit_version(python) == STREAMLIT_VERSION:
        return binary
    if not python.exists():
        print(f"creating {STREAMLIT_VENV} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(STREAMLIT_VENV)], check=True)
    print(f"installing streamlit=={STREAMLIT_VERSION} into {STREAMLIT_VENV} ...", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"streamlit=={STREAMLIT_VERSION}"], check=True)
    return binary


def streamlit_python() -> Path:
    ensure_streamlit_venv()
    return STREAMLIT_VENV / "bin" / "python"


def _streamlit_version(python: Path) -> str | None:
    try:
        out = subprocess.run([str(python), "-c", "import importlib.metadata as m; print(m.version('streamlit'))"],
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


# -- servers -----------------------------------------------------------------------------


def write_app(directory: Path, kind: str, body: str) -> Path:
    """The same script for both frameworks; only the import differs."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"app_{kind}.py"
    path.write_text(IMPORT[kind] + "\n" + textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return path


class Server:
    """appcore or Streamlit serving one script in a subprocess on a free port."""

    def __init__(self, kind: str, script: Path):
        self.kind = kind
        self.script = script
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log_path = script.with_suffix(".log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = 90.0, poll: float = 0.1) -> Server:
        """Launch the server and return once its health route answers (polled every ``poll`` s)."""
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        if self.kind == "appcore":
            # The watcher is off on both sides (Streamlit: fileWatcherType none).
            env["APPCORE_SERVER_RUN_ON_SAVE"] = "false"
            env["APPCORE_SERVER_EXPOSE_DETAILS"] = "true"  # sessions.py reads the session count
            cmd = [sys.executable, "-m", "appcore", "run", "--port", str(self.port),
                   "--address", "127.0.0.1", "--headless", str(self.script)]
            health = f"http://127.0.0.1:{self.port}/_appcore/health"
        else:
            binary = ensure_streamlit_venv()
            cmd = [str(binary), "run", str(self.script), "--server.headless", "true",
                   "--server.port", str(self.port), "--server.address", "127.0.0.1",
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
            health = f"http://127.0.0.1:{self.port}/_stcore/health"
            env["PATH"] = f"{binary.parent}{os.pathsep}{env.get('PATH', '')}"
        with open(self.log_path, "wb") as log:  # the server keeps a handle of its own
            self.proc = subprocess.Popen(cmd, cwd=self.script.parent, env=env, stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_started(self.proc, health, self.log_path, self.kind, timeout, poll)
        return self

    def log(self) -> str:
        return log_tail(self.log_path)

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
        self.proc = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def served(kind: str, body: str, workdir: Path) -> Iterator[Server]:
    server = Server(kind, write_app(workdir / kind, kind, body))
    with server:
        try:
            yield server
        except BaseException:
            print(f"--- the {kind} server's log (tail) ---\n{server.log()}\n---", file=sys.stderr, flush=True)
            raise


@contextlib.contextmanager
def workdir(prefix: str) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=f"appcore-bench-{prefix}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def rss_kib(pid: int) -> int:
    """VmRSS of a process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def settled_rss_kib(pid: int, quiet: float = 2.0, timeout: float = 30.0) -> int:
    """RSS once it has stopped moving (within 1%) for ``quiet`` seconds: the
    server's allocator and collector have caught up with what just happened."""
    deadline = time.monotonic() + timeout
    last = rss_kib(pid)
    stable_since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = rss_kib(pid)
        if abs(now - last) > max(last // 100, 256):
            last, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since >= quiet:
            return now
    return rss_kib(pid)


# -- the browser ---------------------------------------------------------------------------


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian Chromium driven by Python Playwright (Playwright never downloads a browser of its own here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, support.chromium(playwright) as browser:
        yield browser


# Clicks a button and resolves with the milliseconds until the page's text
# contains ``text``, timed with performance.now() inside the page so Playwright's
# own round trips stay out of the figure.
MEASURE_CLICK_JS = """
([selector, text, timeoutMs]) => new Promise((resolve, reject) => {
  const button = document.querySelector(selector);
  if (!button) { reject(new Error("no element matches " + selector)); return; }
  if (document.body.textContent.includes(text)) { reject(new Error("already shown: " + text)); return; }
  let t0 = 0;
  const observer = new MutationObserver(() => {
    if (!document.body.textContent.includes(text)) return;
    const elapsed = performance.now() - t0;
    observer.disconnect();
    clearTimeout(timer);
    resolve(elapsed);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error("timed out waiting for " + JSON.stringify(text)));
  }, timeoutMs);
  t0 = performance.now();
  button.click();
})
"""


_problems: dict[int, list[str]] = {}


def new_page(browser: object):
    """A page in a context of its own that remembers console errors and failed requests."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems = _problems.setdefault(id(page), [])
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    return page


def open_app(browser: object, kind: str, server: Server, ready: str | list[str], timeout_ms: int = 60_000,
             setup=None):
    """A new page on the app, once it shows one of the ``ready`` texts and its first run is over.

    ``setup(page)`` runs before the page loads (to listen to its websocket).
    """
    texts = [ready] if isinstance(ready, str) else list(ready)
    page = new_page(browser)
    if setup is not None:
        setup(page)
    page.goto(server.url)
    page.wait_for_function("ts => document.body && ts.some(t => document.body.textContent.includes(t))",
                           arg=texts, timeout=timeout_ms)
    wait_idle(page, kind, timeout_ms)
    if kind == "appcore" and page.query_selector(".ac-fallback"):
        raise RuntimeError("appcore drew an element with its fallback renderer: a renderer module did not load")
    return page


def wait_idle(page: object, kind: str, timeout_ms: int = 30_000) -> None:
    page.wait_for_selector(IDLE[kind], state="attached", timeout=timeout_ms)


def click_and_time(page: object, kind: str, text: str, button: str | None = None,
                   timeout_ms: int = 30_000) -> float:
    """Milliseconds from clicking the button until ``text`` shows; then waits for the run to end."""
    selector = button or BUTTON[kind]
    try:
        page.wait_for_selector(selector, timeout=timeout_ms)
        elapsed = page.evaluate(MEASURE_CLICK_JS, [selector, text, timeout_ms])
        wait_idle(page, kind, timeout_ms)
    except Exception as error:
        raise RuntimeError(f"{kind}: waiting for {text!r} failed: {error}\n{describe_page(page)}") from None
    return float(elapsed)


def describe_page(page: object) -> str:
    """What the page shows, for an error message."""
    try:
        return page.evaluate("""() => {
          const status = document.querySelector('[data-testid="ac-status"]');
          const app = document.querySelector('[data-testid="stApp"]');
          const state = status ? status.dataset.state : app ? app.dataset.testScriptState : "?";
          return `page state: ${state}; page text: ${document.body.innerText.slice(0, 600)}`;
        }""") + "".join(f"\n  {p}" for p in _problems.get(id(page), [])[-20:])
    except Exception as error:
        return f"(could not read the page: {error})"


def fmt_ms(value: float) -> str:
    return f"{value:.1f} ms"
