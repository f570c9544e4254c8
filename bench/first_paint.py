"""Start to first paint: from launching the server to the app's button on the page.

For each framework, several times: start the server process, poll its health
route, open the page in a fresh Chromium context, and stop the clock when
the app's button is drawn. Prints medians and the ratio appcore/Streamlit.

    python bench/first_paint.py [--starts 5] [--only appcore|streamlit]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
st.title("First paint")
st.button("Ready")
"""


def first_paint(browser: object, kind: str, folder: Path) -> tuple[float, float]:
    """Seconds to a healthy server, and to the button drawn in the page."""
    server = c.Server(kind, c.write_app(folder / kind, kind, APP))
    started = time.perf_counter()
    with server:
        healthy = time.perf_counter() - started
        page = c.new_page(browser)
        page.goto(server.url)
        page.wait_for_selector(c.BUTTON[kind], timeout=60_000)
        painted = time.perf_counter() - started
        page.context.close()
    return healthy, painted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--only", choices=c.KINDS)
    args = parser.parse_args()
    kinds = [args.only] if args.only else list(c.KINDS)
    if "streamlit" in kinds:
        c.ensure_streamlit_venv()
    results: dict[str, tuple[float, float]] = {}
    with c.workdir("first-paint") as folder, c.chromium() as browser:
        for kind in kinds:
            first_paint(browser, kind, folder)  # warm the disk cache
            runs = [first_paint(browser, kind, folder) for _ in range(args.starts)]
            results[kind] = (c.median([h for h, _ in runs]), c.median([p for _, p in runs]))
    rows = [[kind, f"{h:.2f} s", f"{p:.2f} s"] for kind, (h, p) in results.items()]
    print(c.table(["framework", "server healthy (median)", "first paint (median)"], rows))
    if len(results) == 2:
        print(f"first paint appcore/Streamlit: {c.ratio(results['appcore'][1], results['streamlit'][1]):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
