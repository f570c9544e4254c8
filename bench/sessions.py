"""Server memory per idle session, appcore against Streamlit.

Starts each server on the counter app, then opens 10 and then 100 websocket
sessions that each run the app once and stay connected, idle. After each
step it waits for the server's RSS (/proc/<pid>/status VmRSS, summed over
the server's process tree) to stop moving, and reports it.

Sessions are opened by bench/_session_clients.py in a process of its own:
appcore's JSON protocol over aiohttp; Streamlit's protobuf protocol (the
BackMsg a browser sends on connecting) with the Streamlit venv's classes.
``--via browser`` opens Chromium tabs instead, as a cross-check.

    python bench/sessions.py [--only appcore|streamlit] [--sessions 100] [--via protocol|browser]
"""
from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

COUNTER_APP = """
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("+"):
    st.session_state.n += 1
st.markdown(f"Count: {st.session_state.n} clicks")
"""


def tree_rss_kib(pid: int) -> int:
    """RSS of a process and its descendants (Streamlit may fork helpers)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += c.rss_kib(p)
        except (OSError, RuntimeError):
            pass
        todo.extend(children.get(p, []))
    return total


def settled(pid: int) -> int:
    c.settled_rss_kib(pid, quiet=3.0, timeout=40.0)
    return tree_rss_kib(pid)


class ProtocolClients:
    """Sessions opened by _session_clients.py, speaking the framework's own protocol."""

    def __init__(self, kind: str, server: c.Server):
        python = sys.executable if kind == "appcore" else str(c.streamlit_python())
        self.proc = subprocess.Popen([python, str(c.BENCH / "_session_clients.py"), kind, str(server.port)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.count = 0

    def open(self, more: int) -> None:
        self.proc.stdin.write(f"open {more}\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        if answer != f"ok {self.count + more}":
            raise RuntimeError(f"the session clients answered {answer!r}")
        self.count += more

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class BrowserTabs:
    """Sessions opened as Chromium tabs: what a person does, but heavy on this machine."""

    def __init__(self, kind: str, server: c.Server, browser):
        self.kind, self.server = kind, server
        self.context = browser.new_context(viewport={"width": 800, "height": 600})
        self.pages: list = []

    def open(self, more: int) -> None:
        for _ in range(more):
            page = self.context.new_page()
            page.goto(self.server.url)
            page.wait_for_function("t => document.body.textContent.includes(t)", arg="Count: 0 clicks",
                                   timeout=60_000)
            c.wait_idle(page, self.kind, 60_000)
            self.pages.append(page)

    def close(self) -> None:
        self.context.close()


def measure(kind: str, work: Path, steps: list[int], browser=None) -> dict[int, int]:
    with c.served(kind, COUNTER_APP, work) as server:
        rss = {0: settled(server.pid)}
        clients = BrowserTabs(kind, server, browser) if browser else ProtocolClients(kind, server)
        try:
            opened = 0
            for target in steps:
                try:
                    clients.open(target - opened)
                except Exception as error:
                    raise RuntimeError(f"{kind}: could not open sessions: {error}; server log:\n"
                                       f"{server.log()}") from error
                opened = target
                rss[target] = settled(server.pid)
                print(f"[{kind}] {target:>3} sessions: {rss[target] / 1024:.1f} MiB", flush=True)
        finally:
            clients.close()
        return rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=c.KINDS, help="measure one framework")
    parser.add_argument("--sessions", type=int, default=100, help="the largest number of sessions")
    parser.add_argument("--via", choices=("protocol", "browser"), default="protocol",
                        help="open sessions as protocol clients (default) or as Chromium tabs "
                             "(a cross-check; use --sessions 30 or so: each tab costs the browser memory)")
    args = parser.parse_args()
    kinds = [args.only] if args.only else list(c.KINDS)
    if args.sessions <= 10:
        parser.error("--sessions must be more than 10")
    steps = [10, args.sessions]
    started = time.monotonic()
    rss: dict[str, dict[int, int]] = {}
    with contextlib.ExitStack() as stack:
        work = stack.enter_context(c.workdir("sessions"))
        browser = stack.enter_context(c.chromium()) if args.via == "browser" else None
        for kind in kinds:
            print(f"[{kind}] starting ...", flush=True)
            rss[kind] = measure(kind, work / kind, steps, browser)

    top = args.sessions
    mib = lambda kib: f"{kib / 1024:.1f} MiB"  # noqa: E731
    print()
    print(f"server RSS with idle sessions ({args.via}) that each ran the counter app once")
    rows = []
    per: dict[str, float] = {}
    for k in kinds:
        r = rss[k]
        per[k] = (r[top] - r[0]) / top
        marginal = (r[top] - r[10]) / (top - 10)
        rows.append([k, mib(r[0]), mib(r[10]), mib(r[top]), f"{per[k]:.0f} KiB", f"{marginal:.0f} KiB"])
    print(c.table(["framework", "0", "10", str(top), f"per session (({top}-0)/{top})",
                   f"marginal (({top}-10)/{top - 10})"], rows))
    if len(kinds) == 2:
        print()
        print(f"per-session memory appcore/Streamlit: {c.ratio(per['appcore'], per['streamlit']):.2f}x")
    print(f"\ntook {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
