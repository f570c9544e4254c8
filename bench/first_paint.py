"""Start to first paint: from launching the server process to the app drawn in a real tab.

For each framework, several times, alternating: open a fresh Chromium tab on
about:blank, launch the server process (the clock starts), poll its health
route every 10 ms, point the tab at the app, and stop the clock in the page at
the first animation frame in which the app's button (its last element) is on
screen. Prints medians and the ratio appcore/Streamlit.

    python bench/first_paint.py [--starts 7] [--only appcore|streamlit] [--data-app]

--data-app: the script first imports pandas and numpy, as most data apps do.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
st.title("First paint")
st.button("Ready")
"""
DATA_APP = "import numpy as np\nimport pandas as pd\n" + APP

# Runs in the tab before any of the page's own scripts: records the wall-clock time
# (ms since the epoch) of the first animation frame in which the selector has a box.
PAINT_WATCH_JS = """
(selector => {
  window.__painted = new Promise(resolve => {
    const shown = () => { const el = document.querySelector(selector);
                          return el && el.getBoundingClientRect().width > 0; };
    const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    if (shown()) { done(); return; }
    const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); done(); } });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
})(%s)
"""


def first_paint(browser: object, kind: str, folder: Path, app: str = APP) -> tuple[float, float]:
    """Seconds from launching the server to its health route answering, and to the button painted."""
    server = c.Server(kind, c.write_app(folder / kind, kind, app))
    page = c.new_page(browser)
    page.context.add_init_script(PAINT_WATCH_JS % json.dumps(c.BUTTON[kind]))
    page.goto("about:blank")  # the tab exists before the clock starts, as a person's browser does
    started = time.time()
    server.start(poll=0.01)
    try:
        healthy = time.time() - started
        page.goto(server.url, wait_until="commit")
        painted_ms = page.evaluate(
            "() => Promise.race([window.__painted, new Promise((_, no) => setTimeout(() => no('timeout'), 60000))])")
        painted = painted_ms / 1000 - started
    finally:
        page.context.close()
        server.stop()
    print(f"[{kind}] healthy {healthy:.3f} s, painted {painted:.3f} s", flush=True)
    return healthy, painted


def main() -> int:
    args, kinds = c.bench_args(__doc__, starts=(7, "measured starts per framework (after one warm-up)"),
                               data_app=(False, "the script imports pandas and numpy first"))
    app = DATA_APP if args.data_app else APP
    with c.measuring("first-paint") as (folder, browser):
        print("a warm-up start of each first (the disk cache and the bytecode cache), not counted", flush=True)
        for kind in kinds:
            first_paint(browser, kind, folder, app)  # warm-up: the disk cache and the bytecode cache
        runs = c.alternating(kinds, args.starts, lambda kind, _: first_paint(browser, kind, folder, app))
    rows = []
    for kind, samples in runs.items():
        paints = [p for _, p in samples]
        rows.append([kind, f"{c.median([h for h, _ in samples]):.3f} s", f"{c.median(paints):.3f} s",
                     f"{min(paints):.3f} s", f"{max(paints):.3f} s"])
    print()
    print(f"start to first paint, {args.starts} starts each (medians)")
    print(c.table(["framework", "server healthy", "first paint", "min", "max"], rows))
    if len(runs) == 2:
        ratio = c.ratio(c.median([p for _, p in runs["appcore"]]), c.median([p for _, p in runs["streamlit"]]))
        print(f"\nfirst paint appcore/Streamlit: {ratio:.2f}x  (target <= 0.3x: {c.verdict(ratio, 0.3)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
