"""st.line_chart of 100,000 points, appcore against Streamlit 1.67, in real headless Chromium.

The app (the same script for both, only the import differs) draws one random walk of
--points points with st.line_chart. Each run opens the app in a fresh browser context
(nothing cached) and measures, in the page, from the navigation's start
(performance.now() counts from it) to the first frame whose chart canvas has
anything painted on it: the chart drawn with its data; and, beside it, from the first
frame with the chart's element on the page to that paint. Medians over --runs runs
(after one warm-up), side by side with the ratio.

Target: appcore's median within 1 s of the chart element arriving, and at most half
of Streamlit's.

    python bench/line_chart.py [--runs 5] [--points 100000] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
import numpy as np
import pandas as pd

walk = pd.DataFrame({{"walk": np.random.default_rng(0).normal(size={points}).cumsum()}})
st.line_chart(walk)
"""

# Installed before the page loads: every frame, look for a canvas with a painted pixel.
# window.__painted is the time of the first such frame; window.__canvas the time the
# canvas appeared (Vega set it up); window.__element the first frame with the chart's
# element on the page (its data has arrived and its renderer is loaded).
WATCH_JS = """
(() => {
  const painted = (canvas) => {
    if (!canvas.width || !canvas.height) return false;
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 16) if (pixels[i]) return true;
    return false;
  };
  const frame = () => {
    if (window.__element === undefined && document.querySelector(
        '[data-testid="ac-line_chart"], [data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"]'))
      window.__element = performance.now();
    const canvas = document.querySelector("canvas");
    if (canvas && window.__canvas === undefined) window.__canvas = performance.now();
    if (canvas && painted(canvas)) { window.__painted = performance.now(); return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"""


def one_run(browser, kind: str, server, timeout_ms: int) -> tuple[float, float]:
    page = c.new_page(browser)
    page.add_init_script(WATCH_JS)
    page.goto(server.url)
    try:
        page.wait_for_function("window.__painted !== undefined", timeout=timeout_ms, polling=100)
    except Exception as error:
        raise RuntimeError(f"{kind}: the chart was not drawn: {error}\n{c.describe_page(page)}") from None
    painted, element = page.evaluate("[window.__painted, window.__element ?? window.__canvas]")
    page.context.close()
    return float(painted), float(element)


def measure(browser, kind: str, workdir: Path, runs: int, points: int) -> tuple[list[float], list[float]]:
    with c.served(kind, APP.format(points=points), workdir / "line") as server:
        painted, after_element = [], []
        for n in range(runs + 1):
            total, element = one_run(browser, kind, server, timeout_ms=300_000)
            note = "  (warm-up)" if n == 0 else ""
            print(f"  {kind} run {n}: drawn at {total:.0f} ms (its element on the page at {element:.0f} ms){note}",
                  flush=True)
            if n:
                painted.append(total)
                after_element.append(total - element)
        return painted, after_element


def main() -> None:
    parser = c.bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--points", type=int, default=100_000)
    args = parser.parse_args()
    kinds = c.frameworks(args)
    results: dict[str, tuple[list[float], list[float]]] = {}
    with c.workdir("line-chart") as workdir, c.chromium() as browser:
        for kind in kinds:
            results[kind] = measure(browser, kind, workdir, args.runs, args.points)
    rows = [[kind, c.fmt_ms(c.median(results[kind][0])), c.fmt_ms(c.p90(results[kind][0])),
             c.fmt_ms(c.median(results[kind][1])), len(results[kind][0])] for kind in kinds]
    print(f"\nst.line_chart of {args.points:,} points, from navigation to the chart painted:")
    print(c.table(["framework", "median", "p90", "element to painted (median)", "runs"], rows))
    if len(kinds) == 2:
        r = c.ratio(c.median(results["appcore"][0]), c.median(results["streamlit"][0]))
        print(f"\nratio appcore/streamlit: {r:.2f}  (target <= 0.50: {c.verdict(r, 0.5)})")
    if "appcore" in results:
        after = c.median(results["appcore"][1]) / 1000
        print(f"appcore, the chart's element on the page to painted: {after * 1000:.0f} ms "
              f"(target <= 1 s: {c.verdict(after, 1.0)})")


if __name__ == "__main__":
    main()
