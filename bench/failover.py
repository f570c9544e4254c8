"""Failover: 100 tabs over 3 `appcore run` processes sharing one redis-server; one process is
killed (SIGKILL) and its tabs reconnect to the others.

Reports: how many of the killed process's tabs resumed with their state (target: all), the
time from the kill to each resumed tab's first paint (the end of its first run on the new
process: median and p99), clicks lost (each tab clicks a few times and waits for each result
before the kill; target: none), and what saving costs a run (Session.save with a small state,
in process: pickling, the hand-over and the wait for Redis to have it; target under 1 ms).
All on loopback, bounded in tabs and time.

    python bench/failover.py [--tabs 100] [--processes 3] [--saves 500]
"""
from __future__ import annotations

import argparse
import asyncio
import random
import signal
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from appcore_redis.testing import AppProcess, RedisServer, Tab

APP = """
import appcore as st

st.session_state.setdefault("n", 0)
if st.button("+"):
    st.session_state.n += 1
st.text_input("Note", key="note")
st.markdown(f"n={st.session_state.n}")
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def drive(tabs: int, processes: int, folder: Path, redis: RedisServer) -> dict:
    script = folder / "app.py"
    script.write_text(textwrap.dedent(APP))
    env = {"APPCORE_SESSION_STORE_URL": redis.url, "APPCORE_SERVER_MAX_CONNECTIONS_PER_IP": "100000"}
    servers = [AppProcess(script, env).start() for _ in range(processes)]
    try:
        rng = random.Random(7)
        opened: list[tuple[Tab, int, int]] = []  # tab, process index, clicks acknowledged
        for i in range(tabs):
            tab = await Tab().open(servers[i % processes].url)
            clicks = rng.randint(1, 4)
            for _ in range(clicks):
                await tab.send({"t": "widget", "id": tab.widget("button", "+"), "value": True})
            opened.append((tab, i % processes, clicks))
        victims = [(tab, clicks) for tab, where, clicks in opened if where == 0]
        killed_at = time.monotonic()
        servers[0].signal(signal.SIGKILL)
        servers[0].wait()

        async def resume(index: int, tab: Tab, clicks: int) -> tuple[float, bool]:
            target = servers[1 + index % (processes - 1)]
            tab.session_id = tab.session_id  # kept, as the page keeps it in sessionStorage
            await tab.open(target.url, timeout=30)
            painted = time.monotonic() - killed_at
            bodies = [m["body"] for m in tab.shown("markdown")]
            return painted, bodies == [f"n={clicks}"]

        results = await asyncio.gather(*(resume(i, tab, clicks) for i, (tab, clicks) in enumerate(victims)))
        for tab, _where, _clicks in opened:
            await tab.close()
        times = [t for t, _ok in results]
        return {"victims": len(victims), "resumed": sum(ok for _t, ok in results),
                "lost": sum(clicks for (tab, clicks), (_t, ok) in zip(victims, results) if not ok),
                "median_ms": statistics.median(times) * 1000, "p99_ms": pct(times, 0.99) * 1000}
    finally:
        for server in servers:
            server.stop()


def save_cost(saves: int, redis: RedisServer, folder: Path) -> tuple[float, float, float]:
    """Median and p99 of Session.save (a small state) inside a run, in ms, and without a store."""
    from appcore.app import App
    from appcore.config import Config
    from appcore.testing import AppTest

    script = folder / "save.py"
    script.write_text("import appcore as st\nfor i in range(10):\n    st.session_state[f'k{i}'] = i\n"
                      "st.text_input('Name', value='Ada')\n")
    config = Config()
    config.server.run_on_save = False
    config.session_store.url = redis.url
    timings: dict[str, list[float]] = {}
    for label, cfg in (("redis", config), ("memory", Config())):
        cfg.server.run_on_save = False
        at = AppTest(script, config=cfg).run()
        session = at.session
        from appcore.runtime.context import set_current_run, _current_run  # a run's save, as at its end
        run = type("R", (), {"session": session})()
        token = set_current_run(run)
        try:
            spent = []
            for _ in range(saves):
                started = time.perf_counter()
                session.save()
                spent.append(time.perf_counter() - started)
        finally:
            _current_run.reset(token)
        timings[label] = spent
        close = getattr(at.app.session_store, "close", None)
        if close:
            close()
    redis_ms = [t * 1000 for t in timings["redis"]]
    return statistics.median(redis_ms), pct(redis_ms, 0.99), statistics.median(timings["memory"]) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tabs", type=int, default=100)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--saves", type=int, default=500)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="appcore-bench-failover-") as tmp:
        folder = Path(tmp)
        redis = RedisServer(folder / "redis").start()
        try:
            figures = asyncio.run(asyncio.wait_for(drive(args.tabs, args.processes, folder, redis), 600))
            median, p99, memory = save_cost(args.saves, redis, folder)
        finally:
            redis.stop()
    print(f"{args.tabs} tabs over {args.processes} processes; the first process killed (SIGKILL)")
    print(f"  tabs on the killed process:      {figures['victims']}")
    print(f"  resumed with their state:        {figures['resumed']} of {figures['victims']}  (target: all)")
    print(f"  kill -> first paint, median:     {figures['median_ms']:.0f} ms")
    print(f"  kill -> first paint, p99:        {figures['p99_ms']:.0f} ms")
    print(f"  acknowledged clicks lost:        {figures['lost']}  (target: none)")
    print(f"  save per run (small state), median {median:.3f} ms, p99 {p99:.3f} ms  (target < 1 ms); "
          f"without a store {memory:.4f} ms")
    print(f"took {time.monotonic() - started:.0f} s")
    return 0 if figures["resumed"] == figures["victims"] and figures["lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
