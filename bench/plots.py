"""First paint of each plot element, appcore against Streamlit 1.67, in real headless Chromium.

One server per framework and element, warmed by one visit (the script's imports done,
the browser's cache holding the libraries, as on a person's second visit); then, for
--visits fresh tabs each, the time from the navigation's start (performance.timeOrigin)
to the first animation frame in which the element is drawn:

- plotly: a Plotly scatter of --points points (its trace's points in the DOM);
- pyplot: a matplotlib line of the same points (the image decoded, its width > 0);
- graphviz: a 30-node DOT graph (its SVG nodes in the DOM).

Medians side by side, with the ratio appcore/Streamlit.

    python bench/plots.py [--visits 7] [--points 2000] [--only appcore|streamlit] [--element plotly]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APPS = {
    "plotly": """
import plotly.graph_objects as go
N = {points}
st.plotly_chart(go.Figure(go.Scatter(x=list(range(N)), y=[(i * 7) % 11 for i in range(N)], mode="markers")))
""",
    "pyplot": """
from matplotlib.figure import Figure
N = {points}
fig = Figure(figsize=(6, 3))
fig.subplots().plot(range(N), [(i * 7) % 11 for i in range(N)])
st.pyplot(fig)
""",
    "graphviz": """
st.graphviz_chart("digraph {{ " + " ".join(f"n{{i}} -> n{{i + 1}};" for i in range(29)) + " }}")
""",
}

# What "drawn" is, per framework: the element's content, not its frame.
DRAWN = {
    "plotly": {"appcore": '[data-testid="ac-plotly_chart"] .scatterlayer .point',
               "streamlit": '[data-testid="stPlotlyChart"] .scatterlayer .point'},
    "pyplot": {"appcore": '[data-testid="ac-pyplot"] img', "streamlit": '[data-testid="stImage"] img'},
    "graphviz": {"appcore": '[data-testid="ac-graphviz_chart"] svg g.node',
                 "streamlit": '[data-testid="stGraphVizChart"] svg g.node'},
}

# Before the page's own scripts: the ms since navigation start of the first frame in
# which the selector matches something with a box (an image: decoded, too).
PAINT_WATCH_JS = """
(selector => {
  window.__drawn = new Promise(resolve => {
    const shown = () => { const el = document.querySelector(selector);
                          return el && el.getBoundingClientRect().width > 0 && (el.tagName !== "IMG" || el.complete); };
    const done = () => requestAnimationFrame(() => resolve(performance.now()));
    const check = () => { if (shown()) { observer.disconnect(); clearInterval(timer); done(); } };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    const timer = setInterval(check, 5);
  });
})(%s)
"""


def visit(browser: object, kind: str, server: c.Server, selector: str) -> float:
    page = c.new_page(browser)
    page.context.add_init_script(PAINT_WATCH_JS % json.dumps(selector))
    try:
        page.goto(server.url, wait_until="commit")
        return float(page.evaluate(
            "() => Promise.race([window.__drawn, new Promise((_, no) => setTimeout(() => no('timeout'), 60000))])"))
    finally:
        page.context.close()


def main() -> int:
    parser = c.bench_parser(__doc__)
    parser.add_argument("--visits", type=int, default=7, help="measured visits per framework and element")
    parser.add_argument("--points", type=int, default=2000, help="points in the plotly and pyplot figures")
    parser.add_argument("--element", choices=sorted(APPS), help="only this element")
    args = parser.parse_args()
    kinds = c.frameworks(args)
    elements = [args.element] if args.element else list(APPS)
    results: dict[tuple[str, str], list[float]] = {}
    with c.workdir("plots") as folder, c.chromium() as browser:
        for element in elements:
            body = APPS[element].format(points=args.points)
            servers = {kind: c.Server(kind, c.write_app(folder / element / kind, kind, body)).start()
                       for kind in kinds}
            try:
                for kind in kinds:
                    visit(browser, kind, servers[kind], DRAWN[element][kind])  # warm-up
                for _ in range(args.visits):
                    for kind in kinds:  # alternate, so both sides see the same noise
                        ms = visit(browser, kind, servers[kind], DRAWN[element][kind])
                        results.setdefault((element, kind), []).append(ms)
                        print(f"[{element} {kind}] drawn after {ms:.0f} ms", flush=True)
            finally:
                for server in servers.values():
                    server.stop()
    print()
    print(f"navigation to the element drawn, {args.visits} visits each (medians; {args.points} points)")
    rows = []
    for element in elements:
        medians = {kind: c.median(results[(element, kind)]) for kind in kinds}
        row = [element, *(f"{medians[k]:.0f} ms" for k in kinds)]
        if len(kinds) == 2:
            row.append(f"{c.ratio(medians['appcore'], medians['streamlit']):.2f}x")
        rows.append(row)
    headers = ["element", *kinds] + (["appcore/Streamlit"] if len(kinds) == 2 else [])
    print(c.table(headers, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
