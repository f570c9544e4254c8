"""Fragment rerun latency, appcore against Streamlit, in real Chromium.

The app's top level does 200 ms of work (time.sleep plus a timestamp); a
``@st.fragment`` holds a counter button. Clicking it must rerun only the
fragment, so its latency should be close to a plain counter app's.

Targets: appcore fragment / appcore plain counter <= 1.2;
appcore fragment / Streamlit fragment <= 0.5.

If this appcore has no st.fragment yet, the script says so and still
measures the Streamlit side.

    python bench/fragment_latency.py [--clicks 50] [--only appcore|streamlit]
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402
from rerun_latency import COUNTER_APP  # noqa: E402

NO_FRAGMENT = "NO-ST-FRAGMENT-HERE"

FRAGMENT_APP = f"""
import time

if "n" not in st.session_state:
    st.session_state.n = 0
time.sleep(0.2)
st.markdown(f"Top level ran at {{time.time():.3f}}")

if not hasattr(st, "fragment"):
    st.markdown("{NO_FRAGMENT}")
    st.stop()


@st.fragment
def counter():
    if st.button("+"):
        st.session_state.n += 1
    st.markdown(f"Count: {{st.session_state.n}} clicks")


counter()
"""

WARMUP = 5


def appcore_has_fragment() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import appcore, sys; sys.exit(0 if hasattr(appcore, 'fragment') else 3)"],
                           capture_output=True, text=True)
    return probe.returncode == 0


def run_clicks(browser, kind: str, body: str, workdir: Path, clicks: int) -> list[float] | None:
    """Latencies of ``clicks`` clicks after a warm-up; None when the app reports no st.fragment."""
    with c.served(kind, body, workdir) as server:
        page = c.open_app(browser, kind, server, ["Count: 0 clicks", NO_FRAGMENT])
        context = page.context
        if NO_FRAGMENT in page.evaluate("document.body.textContent"):
            context.close()
            return None
        samples = []
        for n in range(1, WARMUP + clicks + 1):
            ms = c.click_and_time(page, kind, f"Count: {n} clicks")
            if n > WARMUP:
                samples.append(ms)
        context.close()
        return samples


def main() -> int:
    args, kinds = c.bench_args(__doc__, clicks=(50, "measured clicks per case (after 5 warm-up)"))
    started = time.monotonic()
    results: dict[tuple[str, str], list[float] | None] = {}
    if "appcore" in kinds and not appcore_has_fragment():
        print("appcore has no st.fragment (the fragments plugin is missing or disabled): "
              "measuring its plain counter and the Streamlit side only", flush=True)
    with c.measuring("fragment") as (work, browser):
        for kind in kinds:
            for case, body in (("plain counter", COUNTER_APP), ("fragment", FRAGMENT_APP)):
                print(f"[{kind}] {case}: {args.clicks} clicks ...", flush=True)
                results[kind, case] = run_clicks(browser, kind, body, work / kind / case.replace(" ", "-"),
                                                 args.clicks)
                if results[kind, case] is None:
                    print(f"[{kind}] the app reports that appcore lacks st.fragment: not measured", flush=True)

    print()
    print(f"click-to-update latency ({args.clicks} clicks after {WARMUP} warm-up); "
          f"the fragment app's top level sleeps 200 ms")
    rows = []
    for kind in kinds:
        for case in ("plain counter", "fragment"):
            s = results[kind, case]
            rows.append([f"{kind} {case}"] + (["n/a (no st.fragment)"] * 2 if s is None else
                                              [c.fmt_ms(c.median(s)), c.fmt_ms(c.p90(s))]))
    print(c.table(["case", "median", "p90"], rows))
    print()
    frag = results.get(("appcore", "fragment"))
    plain = results.get(("appcore", "plain counter"))
    st_frag = results.get(("streamlit", "fragment"))
    st_plain = results.get(("streamlit", "plain counter"))
    if "appcore" in kinds:
        if frag is None:
            print("appcore fragment/plain counter: n/a, appcore lacks st.fragment  MISS")
        else:
            r = c.ratio(c.median(frag), c.median(plain))
            print(f"appcore fragment/plain counter: {r:.2f}x  target <= 1.2  {c.verdict(r, 1.2)}")
    if st_frag is not None and st_plain is not None:
        print(f"Streamlit fragment/plain counter (for reference): {c.ratio(c.median(st_frag), c.median(st_plain)):.2f}x")
    if len(kinds) == 2:
        if frag is None:
            print("appcore/Streamlit fragment: n/a, appcore lacks st.fragment  MISS")
        else:
            r = c.ratio(c.median(frag), c.median(st_frag))
            print(f"appcore/Streamlit fragment: median {r:.2f}x (p90 {c.ratio(c.p90(frag), c.p90(st_frag)):.2f}x)  "
                  f"target <= 0.5  {c.verdict(r, 0.5)}")
    c.took(started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
