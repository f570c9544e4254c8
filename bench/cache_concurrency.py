"""A cached 200 ms function asked for by 20 sessions at once: how many times it runs,
and how long until every session shows its result; appcore against Streamlit.

For each framework, in turn and several times, on a fresh server (an empty cache):
open --tabs Chromium tabs on the app and wait until each shows "waiting" (its
first run stops before the cached call); create the file ``go`` beside the
script; then every tab clicks its "Go" button at the same instant (a timer in
each page set to one shared wall-clock time), which reruns it into the call
``slow(21)``: a ``@st.cache_data`` function that appends a line to ``calls.txt``
and sleeps 200 ms. The figures: the lines in ``calls.txt`` (how many times the
function ran: 1 when the sessions that missed waited for the first caller), and
the time from the click to the last tab showing "result 42" (each page records
when its text appeared, on the same clock).

    python bench/cache_concurrency.py [--tabs 20] [--repeats 3] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
import os, time

if not os.path.exists("go"):
    st.markdown("waiting")
    st.button("Go")
    st.stop()

@st.cache_data(show_spinner=False)
def slow(x):
    with open("calls.txt", "a") as log:
        log.write("call\\n")
    time.sleep(0.2)
    return x * 2

st.markdown(f"result {slow(21)}")
st.button("Go")
"""

# Click "Go" at the shared instant ``at`` (Date.now() milliseconds), and note when the result shows.
ARM_JS = """
([selector, at]) => {
  window.__resultAt = null;
  const observer = new MutationObserver(() => {
    if (window.__resultAt === null && document.body.textContent.includes("result 42")) {
      window.__resultAt = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  setTimeout(() => document.querySelector(selector).click(), Math.max(0, at - Date.now()));
}
"""


def measure(kind: str, work: Path, tabs: int, browser) -> tuple[int, float, float]:
    """(calls made, ms from the click to the first result, ms to the last result)."""
    with c.served(kind, APP, work) as server:
        folder = server.script.parent
        context = browser.new_context(viewport={"width": 800, "height": 600})
        try:
            pages = []
            for _ in range(tabs):
                page = context.new_page()
                page.goto(server.url)
                page.wait_for_function("() => document.body.textContent.includes('waiting')", timeout=60_000)
                c.wait_idle(page, kind, 60_000)
                pages.append(page)
            (folder / "go").touch()
            at = int(pages[0].evaluate("Date.now()")) + 1000   # time to arm every tab first
            for page in pages:
                page.evaluate(ARM_JS, [c.BUTTON[kind], at])
            shown = []
            for page in pages:
                page.wait_for_function("() => window.__resultAt !== null", timeout=60_000)
                shown.append(page.evaluate("window.__resultAt") - at)
        finally:
            context.close()
        calls = len((folder / "calls.txt").read_text().splitlines()) if (folder / "calls.txt").exists() else 0
    print(f"[{kind}] {calls} call(s); results after {min(shown):.0f} ms (first) to {max(shown):.0f} ms (last)",
          flush=True)
    return calls, min(shown), max(shown)


def main() -> int:
    args, kinds = c.bench_args(__doc__, tabs=(20, "sessions asking at once (default 20)"),
                               repeats=(3, "measurements per framework (default 3)"))
    started = time.monotonic()
    with c.measuring("cache") as (work, browser):
        results = c.alternating(kinds, args.repeats,
                                lambda kind, repeat: measure(kind, work / f"{kind}-{repeat}", args.tabs, browser))
    rows = [[kind, " ".join(str(s[0]) for s in samples), f"{c.median([s[1] for s in samples]):.0f} ms",
             f"{c.median([s[2] for s in samples]):.0f} ms"] for kind, samples in results.items()]
    print()
    print(f"{args.tabs} Chromium tabs call a cached 200 ms function at the same instant; "
          f"medians of {args.repeats} fresh servers")
    print(c.table(["framework", "calls made (each repeat)", "first result", f"all {args.tabs} results"], rows))
    c.took(started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
