"""A 1,000,000-row x 10-column st.dataframe: first paint, a scroll to the middle, a sort,
server and browser memory, appcore next to Streamlit 1.67 on the same script.

The frame is built once per server (``st.cache_resource``); a warm-up load comes first, then
each round opens a fresh tab and times, inside the page, from navigation to the first
animation frame in which the table's cells are on screen (appcore: a drawn row;
Streamlit: its grid's canvas with a box). Then, appcore only (Streamlit's grid is a
canvas with no row to wait for): setting the scroll to the middle until row 500,000 is
drawn. The sort is one click on column ``a``'s header (ascending), timed in the page from
the click's pointerdown to the first animation frame in which the top cell of ``a`` shows
the column's minimum (appcore: the first row; Streamlit: its grid's accessible table).
Memory: the server's settled RSS growth from start to the table shown (with the frame's own ``memory_usage(deep=True)`` beside it), and the tab's
JavaScript heap plus ArrayBuffers (CDP ``Runtime.getHeapUsage``) after a collection.

    python bench/dataframe.py [--rounds 5] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

ROWS = 1_000_000
APP = f"""
import numpy as np
import pandas as pd

@st.cache_resource  # one frame shared by every tab: the table is measured, not a cache copy
def frame():
    rng = np.random.default_rng(0)
    data = {{f"{{name}}": rng.standard_normal({ROWS}) for name in "abcdefgh"}}
    data["n"] = np.arange({ROWS})
    data["code"] = pd.Series(np.arange({ROWS}) % 1000).map(lambda i: f"c{{i:03d}}")
    return pd.DataFrame(data)

df = frame()
st.dataframe(df, height=400)
"""

CELLS = {"appcore": '[data-testid="ac-dataframe"] .ac-df-row',
         "streamlit": '[data-testid="stDataFrame"] canvas'}

PAINT_JS = """
([selector, timeoutMs]) => new Promise((resolve, reject) => {
  const shown = () => { const el = document.querySelector(selector); return el && el.getBoundingClientRect().width > 0; };
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
  if (shown()) { done(); return; }
  const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); done(); } });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  setTimeout(() => reject(new Error("timeout")), timeoutMs);
})
"""

SCROLL_JS = """
() => new Promise((resolve) => {
  const grid = document.querySelector('[data-testid="ac-dataframe"] .ac-df-scroll');
  const start = performance.now();
  grid.scrollTop = grid.scrollHeight / 2;
  const wanted = () => [...grid.querySelectorAll('.ac-df-row')].some(
    (row) => row.dataset.row && Math.abs(Number(row.dataset.row) - 500000) < 20);
  const check = () => wanted() ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(check);
  check();
})
"""

# Installed before the click, the same on both: from the click's pointerdown to the first animation
# frame in which the table's top cell of column "a" holds the column's minimum (a million standard
# normals have one below -4), read from the DOM: appcore's row, Streamlit's grid's accessible table.
SORT_WATCH_JS = """
([selector, timeoutMs]) => {
  window.__sorted = new Promise((resolve, reject) => {
    let start = null;
    document.addEventListener("pointerdown", () => { start ??= performance.now(); }, { capture: true, once: true });
    const check = () => {
      const top = document.querySelector(selector);
      if (start !== null && top && Number(top.textContent) < -4) requestAnimationFrame(() => resolve(performance.now() - start));
      else requestAnimationFrame(check);
    };
    check();
    setTimeout(() => reject(new Error("the click sorted nothing")), timeoutMs);
  });
}
"""
TOP_CELL = {"appcore": '[data-testid="ac-dataframe"] .ac-df-row[data-row] .ac-df-cell:nth-child(2)',
            "streamlit": '[data-testid="stDataFrame"] #glide-cell-1-0'}


def heap_mb(page: object) -> float:
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.enable")
    cdp.send("HeapProfiler.collectGarbage")
    usage = cdp.send("Runtime.getHeapUsage")
    return (usage["usedSize"] + usage.get("backingStorageSize", 0)) / 1e6


def one_round(browser: object, server: c.Server, kind: str) -> dict[str, float]:
    page = c.new_page(browser)
    try:
        page.goto("about:blank")
        start = time.time()
        page.goto(server.url, wait_until="commit")
        origin = page.evaluate("() => performance.timeOrigin")
        painted = page.evaluate(PAINT_JS, [CELLS[kind], 120000])
        out = {"paint": (origin + painted) / 1000 - start}
        page.wait_for_selector(c.IDLE[kind], state="attached", timeout=120000)
        out["heap"] = heap_mb(page)
        if kind == "appcore":
            out["scroll"] = page.evaluate(SCROLL_JS) / 1000
            box = page.locator('[data-testid="ac-dataframe"] .ac-df-th[data-column="a"] .ac-df-label').bounding_box()
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        else:
            box = page.locator('[data-testid="stDataFrame"] canvas').first.bounding_box()
            # Column "a" is the second column (after the index): its header sits at the top.
            x, y = box["x"] + 130, box["y"] + 17
        page.evaluate(SORT_WATCH_JS, [TOP_CELL[kind], 60000])
        page.mouse.click(x, y)
        out["sort"] = page.evaluate("() => window.__sorted") / 1000
        return out
    finally:
        page.context.close()


def main() -> int:
    args, kinds = c.bench_args(__doc__, rounds=(5, "measured tabs per framework (after one warm-up)"))
    results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    memory: dict[str, float] = {}
    frame_mb = None
    with c.measuring("dataframe") as (folder, browser):
        for kind in kinds:
            with c.served(kind, APP, folder) as server:
                before = c.settled_rss_kib(server.pid)
                one_round(browser, server, kind)  # warm-up: builds the cached frame
                memory[kind] = (c.settled_rss_kib(server.pid) - before) / 1024
                for _ in range(args.rounds):
                    sample = one_round(browser, server, kind)
                    results[kind].append(sample)
                    print(f"[{kind}] " + ", ".join(f"{k} {v:.3f}" for k, v in sample.items()), flush=True)
        import numpy as np
        import pandas as pd

        rng = np.random.default_rng(0)
        data = {name: rng.standard_normal(ROWS) for name in "abcdefgh"}
        data["n"] = np.arange(ROWS)
        data["code"] = pd.Series(np.arange(ROWS) % 1000).map(lambda i: f"c{i:03d}")
        frame_mb = pd.DataFrame(data).memory_usage(deep=True).sum() / 1e6
    rows = []
    for kind, samples in results.items():
        def med(name: str) -> str:
            values = [s[name] for s in samples if name in s]
            return f"{c.median(values) * 1000:.0f} ms" if values else "-"
        rows.append([kind, med("paint"), med("scroll"), med("sort"), f"{memory[kind]:.0f} MB",
                     f"{c.median([s['heap'] for s in samples]):.0f} MB"])
    print()
    print(f"st.dataframe of {ROWS:,} x 10 ({frame_mb:.0f} MB in pandas), {args.rounds} tabs each (medians)")
    print(c.table(["framework", "first paint", "scroll to middle", "sort", "server RSS growth", "tab heap"], rows))
    if len(results) == 2:
        def ratio(name: str) -> float:
            return c.ratio(c.median([s[name] for s in results["appcore"]]),
                           c.median([s[name] for s in results["streamlit"]]))
        print(f"\nfirst paint appcore/Streamlit: {ratio('paint'):.2f}x (target <= 0.2x: {c.verdict(ratio('paint'), 0.2)})")
        print(f"sort appcore/Streamlit: {ratio('sort'):.2f}x (target <= 0.5x: {c.verdict(ratio('sort'), 0.5)})")
        print(f"tab heap appcore/Streamlit: {ratio('heap'):.2f}x (target <= 0.2x: {c.verdict(ratio('heap'), 0.2)})")
        print(f"server RSS growth appcore / frame: {memory['appcore'] / frame_mb:.2f}x (target <= 2x: "
              f"{c.verdict(memory['appcore'] / frame_mb, 2)})")
    if "appcore" in results:
        scroll = c.median([s["scroll"] for s in results["appcore"]])
        print(f"scroll to the middle (appcore): {scroll * 1000:.0f} ms (target <= 200 ms: {c.verdict(scroll, 0.2)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
