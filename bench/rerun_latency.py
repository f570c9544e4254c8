"""Rerun latency and bytes per rerun, appcore against Streamlit, in real Chromium.

(a) A counter app: click "+", time until "Count: N clicks" shows (in-page
    performance.now() and a MutationObserver), median and p90 over --clicks.
(b) A 1,000-line page where one line changes per click: websocket bytes the
    server sends per rerun (Playwright's framereceived payload lengths).

Targets: appcore median latency <= 0.5x Streamlit's; bytes per rerun <= 5%.
--session-store starts a redis-server of its own and serves appcore with appcore-redis
saving every run (APPCORE_SESSION_STORE_URL), to compare with the figures without it.

    python bench/rerun_latency.py [--clicks 60] [--byte-clicks 25] [--only appcore|streamlit] [--session-store]
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

COUNTER_APP = c.COUNTER_APP

LINES = 1000
BIG_APP = f"""
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("+"):
    st.session_state.n += 1
for i in range({LINES}):
    if i == {LINES // 2}:
        st.markdown(f"Count: {{st.session_state.n}} clicks")
    else:
        st.markdown(f"Line {{i}} of the page")
"""

WARMUP = 10


def latency(browser, kind: str, workdir: Path, clicks: int) -> list[float]:
    with c.served(kind, COUNTER_APP, workdir / "counter") as server:
        page = c.open_app(browser, kind, server, "Count: 0 clicks")
        samples = []
        for n in range(1, WARMUP + clicks + 1):
            ms = c.click_and_time(page, kind, f"Count: {n} clicks")
            if n > WARMUP:
                samples.append(ms)
        page.context.close()
        return samples


def bytes_per_rerun(browser, kind: str, workdir: Path, clicks: int) -> tuple[list[int], list[int], list[float]]:
    """Bytes and frame counts the server sent for each click's rerun, and each click's latency."""
    with c.served(kind, BIG_APP, workdir / "big") as server:
        received = {"bytes": 0, "frames": 0, "last": time.monotonic()}

        def on_frame(payload) -> None:
            size = len(payload.encode("utf-8")) if isinstance(payload, str) else len(payload)
            received["bytes"] += size
            received["frames"] += 1
            received["last"] = time.monotonic()

        def listen(page) -> None:
            page.on("websocket", lambda ws: ws.on("framereceived", on_frame))

        page = c.open_app(browser, kind, server, "Count: 0 clicks", timeout_ms=120_000, setup=listen)
        context = page.context
        sizes, frames, times = [], [], []
        for n in range(1, 3 + clicks + 1):
            _quiet(page, received)
            received["bytes"] = received["frames"] = 0
            ms = c.click_and_time(page, kind, f"Count: {n} clicks", timeout_ms=120_000)
            _quiet(page, received)
            if n > 3:
                sizes.append(received["bytes"])
                frames.append(received["frames"])
                times.append(ms)
        context.close()
        return sizes, frames, times


def _quiet(page, received: dict, gap: float = 0.3) -> None:
    """Wait until no frame has arrived for ``gap`` seconds (pings and late frames included)."""
    while time.monotonic() - received["last"] < gap:
        page.wait_for_timeout(50)


def main() -> int:
    args, kinds = c.bench_args(
        __doc__, clicks=(60, "measured clicks per framework (after 10 warm-up)"),
        byte_clicks=(25, "measured clicks on the 1,000-line page"),
        session_store=(False, "serve appcore with appcore-redis saving each run into a redis-server of its own"))
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        if args.session_store:
            from appcore_redis.testing import RedisServer

            redis = RedisServer(stack.enter_context(c.workdir("redis"))).start()
            stack.callback(redis.stop)
            os.environ["APPCORE_SESSION_STORE_URL"] = redis.url
            print(f"appcore saves each run to {redis.url}", flush=True)
        return measure(args, kinds, started)


def measure(args, kinds: list[str], started: float) -> int:
    lat: dict[str, list[float]] = {}
    size: dict[str, list[int]] = {}
    frames: dict[str, list[int]] = {}
    big_lat: dict[str, list[float]] = {}
    with c.measuring("rerun") as (work, browser):
        for kind in kinds:
            print(f"[{kind}] counter app: {args.clicks} clicks ...", flush=True)
            lat[kind] = latency(browser, kind, work, args.clicks)
        for kind in kinds:
            print(f"[{kind}] {LINES}-line page: {args.byte_clicks} clicks ...", flush=True)
            size[kind], frames[kind], big_lat[kind] = bytes_per_rerun(browser, kind, work, args.byte_clicks)

    print()
    print(f"(a) click-to-update latency, counter app ({args.clicks} clicks after {WARMUP} warm-up)")
    rows = [[k, c.fmt_ms(c.median(lat[k])), c.fmt_ms(c.p90(lat[k])), c.fmt_ms(min(lat[k])), c.fmt_ms(max(lat[k]))]
            for k in kinds]
    print(c.table(["framework", "median", "p90", "min", "max"], rows))
    print()
    print(f"(b) server->browser websocket bytes per rerun, {LINES}-line page, one line changes "
          f"({args.byte_clicks} clicks)")
    rows = [[k, f"{c.median(size[k]):,.0f} B", f"{c.p90(size[k]):,.0f} B", f"{c.median(frames[k]):.0f}",
             c.fmt_ms(c.median(big_lat[k]))] for k in kinds]
    print(c.table(["framework", "median", "p90", "frames/rerun", "click latency (median)"], rows))
    if len(kinds) == 2:
        lat_ratio = c.ratio(c.median(lat["appcore"]), c.median(lat["streamlit"]))
        p90_ratio = c.ratio(c.p90(lat["appcore"]), c.p90(lat["streamlit"]))
        byte_ratio = c.ratio(c.median(size["appcore"]), c.median(size["streamlit"]))
        print()
        print(f"latency appcore/Streamlit: median {lat_ratio:.2f}x (p90 {p90_ratio:.2f}x)  "
              f"target <= 0.50x  {c.verdict(lat_ratio, 0.5)}")
        print(f"bytes   appcore/Streamlit: {byte_ratio:.2%}  target <= 5%  {c.verdict(byte_ratio, 0.05)}")
    c.took(started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
