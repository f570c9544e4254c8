"""Server memory per idle tab, appcore against Streamlit, with real Chromium tabs.

For each framework, in turn and several times: start the server on the counter
app, open one Chromium tab on it and wait until its first run is over, read the
server's RSS once it has settled; open more tabs until there are --tabs of
them, each waiting for its first run, and read the settled RSS again. The
figure is (RSS with N tabs - RSS with one) / (N - 1): what one more idle tab
costs the server, leaving out the first session's one-off imports and caches.
RSS is VmRSS from /proc/<pid>/status summed over the server's process tree,
read once it has not moved by more than 1% for 3 s.

    python bench/sessions.py [--tabs 50] [--repeats 3] [--only appcore|streamlit]
"""
from __future__ import annotations

import json
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

COUNTER_APP = c.COUNTER_APP

TABS_PER_CONTEXT = 25


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


class Tabs:
    """Chromium tabs on one server, a few browser contexts' worth."""

    def __init__(self, kind: str, server: c.Server, browser):
        self.kind, self.server, self.browser = kind, server, browser
        self.contexts: list = []
        self.pages: list = []

    def open(self, more: int) -> None:
        for _ in range(more):
            if len(self.pages) % TABS_PER_CONTEXT == 0:
                self.contexts.append(self.browser.new_context(viewport={"width": 800, "height": 600}))
            page = self.contexts[-1].new_page()
            page.goto(self.server.url)
            page.wait_for_function("t => document.body && document.body.textContent.includes(t)",
                                   arg="Count: 0 clicks", timeout=60_000)
            c.wait_idle(page, self.kind, 60_000)  # its first run is over
            self.pages.append(page)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def appcore_sessions(server: c.Server) -> int:
    with urllib.request.urlopen(f"{server.url}_appcore/health", timeout=5) as response:
        return json.load(response)["sessions"]


def measure(kind: str, work: Path, tabs: int, browser) -> tuple[int, int, int]:
    """Settled server RSS (KiB) with no tab, one tab and ``tabs`` tabs."""
    with c.served(kind, COUNTER_APP, work) as server:
        rss0 = settled(server.pid)
        opened = Tabs(kind, server, browser)
        try:
            opened.open(1)
            rss1 = settled(server.pid)
            opened.open(tabs - 1)
            rssn = settled(server.pid)
            if kind == "appcore" and (n := appcore_sessions(server)) != tabs:
                raise RuntimeError(f"appcore reports {n} sessions with {tabs} tabs open")
        finally:
            opened.close()
    print(f"[{kind}] RSS 0 / 1 / {tabs} tabs: {rss0 / 1024:.1f} / {rss1 / 1024:.1f} / {rssn / 1024:.1f} MiB; "
          f"{(rssn - rss1) / (tabs - 1):.0f} KiB per tab", flush=True)
    return rss0, rss1, rssn


def main() -> int:
    args, kinds = c.bench_args(__doc__, tabs=(50, "idle tabs open at the last reading (default 50)"),
                               repeats=(3, "measurements per framework (default 3)"))
    if args.tabs < 2:
        sys.exit("--tabs must be at least 2")
    started = time.monotonic()
    with c.measuring("sessions") as (work, browser):
        results = c.alternating(kinds, args.repeats,
                                lambda kind, repeat: measure(kind, work / f"{kind}-{repeat}", args.tabs, browser))

    n = args.tabs
    mib = lambda kib: f"{kib / 1024:.1f} MiB"  # noqa: E731
    per: dict[str, float] = {}
    rows = []
    for kind, samples in results.items():
        per[kind] = c.median([(rn - r1) / (n - 1) for _, r1, rn in samples])
        rows.append([kind, mib(c.median([s[0] for s in samples])), mib(c.median([s[1] for s in samples])),
                     mib(c.median([s[2] for s in samples])), f"{per[kind]:.0f} KiB ({per[kind] / 1024:.3f} MiB)"])
    print()
    print(f"server RSS with idle Chromium tabs that each ran the counter app once; "
          f"medians of {args.repeats} measurements")
    print(c.table(["framework", "0 tabs", "1 tab", f"{n} tabs", f"per idle tab (({n}-1)/{n - 1})"], rows))
    if len(kinds) == 2:
        ratio = c.ratio(per["appcore"], per["streamlit"])
        print(f"\nmemory per idle tab appcore/Streamlit: {ratio:.2f}x  (target <= 0.5x: {c.verdict(ratio, 0.5)})")
    c.took(started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
