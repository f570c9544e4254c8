"""Page-switch latency, appcore against Streamlit 1.67, in real Chromium.

The same three-page app on both (a main script and a pages/ folder of two pages,
each drawing a heading, a line of text and a few widgets): click the next page
in the sidebar menu and time, inside the page (performance.now() and a
MutationObserver), until that page's own text shows. The pages are visited in a
circle, main -> alpha -> beta -> main, --switches times after a warm-up.

Target: appcore's median at most 0.2x Streamlit's.

    python bench/page_switch.py [--switches 45] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

WARMUP = 6

MAIN = """
st.title("Main page")
st.markdown("Text of the main page")
st.slider("Level", 0, 10, 5)
st.checkbox("Remember me")
"""

PAGE = """{import_line}
st.title("{title}")
st.markdown("Text of the {name} page")
st.text_input("Note for {name}")
st.button("Save {name}")
"""

PAGES = [("", "main"), ("alpha", "alpha"), ("beta", "beta")]  # (url path, name) in the menu's order
LINK = {"appcore": '[data-testid="ac-nav-link"][href$="/{path}"]',
        "streamlit": '[data-testid="stSidebarNavLink"][href$="/{path}"]'}


def write_pages(script: Path, kind: str) -> None:
    folder = script.parent / "pages"
    folder.mkdir(exist_ok=True)
    for number, (_, name) in enumerate(PAGES[1:], start=1):
        (folder / f"{number}_{name}.py").write_text(
            PAGE.format(import_line=c.IMPORT[kind], title=name.title(), name=name), encoding="utf-8")


def switches(browser, kind: str, workdir: Path, count: int) -> list[float]:
    script = c.write_app(workdir / kind, kind, MAIN)
    write_pages(script, kind)
    with c.Server(kind, script) as server:
        page = c.open_app(browser, kind, server, "Text of the main page")
        samples: list[float] = []
        for n in range(WARMUP + count):
            path, name = PAGES[(n + 1) % len(PAGES)]
            selector = LINK[kind].format(path=path)
            if not path:  # the main page's link ends with the app's root
                selector = LINK[kind].replace('[href$="/{path}"]', ':not([href*="alpha"]):not([href*="beta"])')
            ms = c.click_and_time(page, kind, f"Text of the {name} page", button=selector)
            if n >= WARMUP:
                samples.append(ms)
        page.context.close()
        return samples


def main() -> int:
    args, kinds = c.bench_args(__doc__, switches=(45, "measured page switches per framework"))
    started = time.monotonic()
    results: dict[str, list[float]] = {}
    with c.measuring("pages") as (work, browser):
        for kind in kinds:
            print(f"[{kind}] {args.switches} page switches ...", flush=True)
            results[kind] = switches(browser, kind, work, args.switches)
    print()
    print(f"click in the sidebar menu -> the new page's text drawn ({args.switches} switches after {WARMUP} warm-up)")
    rows = [[k, c.fmt_ms(c.median(v)), c.fmt_ms(c.p90(v)), c.fmt_ms(min(v)), c.fmt_ms(max(v))]
            for k, v in results.items()]
    print(c.table(["framework", "median", "p90", "min", "max"], rows))
    if len(kinds) == 2:
        ratio = c.ratio(c.median(results["appcore"]), c.median(results["streamlit"]))
        print(f"\nappcore / Streamlit median: {ratio:.2f}x (target <= 0.2x): {c.verdict(ratio, 0.2)}")
    c.took(started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
