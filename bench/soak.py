"""Soak: many tabs clicking at once, then a runaway script beside honest tabs.

(a) 100 tabs (websocket clients speaking the browser protocol, docs/protocol.md)
    click a counter button for --seconds, each waiting for its count to show
    before the next click. Prints clicks lost (sent but never counted: must be
    0), clicks per second, p50/p99 click-to-count latency, and the server's RSS
    at the start, at its peak and after every tab closed and its session expired.
(b) One tab clicks a button whose run is `while True: pass`, beside 20 honest
    tabs clicking the counter: their p50/p99 latency while the runaway holds its
    thread, then, after every tab closed and the sessions expired, the server's
    CPU use (must be 0: the runaway was stopped with its session).

    python bench/soak.py [--seconds 60] [--tabs 100] [--honest 20]

appcore only: Streamlit has no way to stop a run without st calls to compare with.
The server runs with `[server] session_grace_seconds = 2`, so "after the tab closed"
comes 2 s after the socket closed.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
st.session_state.setdefault("n", 0)
if st.button("+"):
    st.session_state.n += 1
st.markdown(f"Count: {st.session_state.n}")
if st.button("Spin"):
    while True:
        pass
"""

GRACE_SECONDS = 2.0
CLICK_TIMEOUT = 30.0
TICKS = os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q% of the samples at or below it."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(1, -(-int(q * len(ordered)) // 100)) - 1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


@dataclass
class Tab:
    """One browser tab, as far as the protocol goes: the buttons and the count it shows."""

    ws: aiohttp.ClientWebSocketResponse
    buttons: dict[str, str] = field(default_factory=dict)  # label -> widget id
    count: int = -1
    state: str = "disconnected"
    latencies: list[float] = field(default_factory=list)
    sent: int = 0

    def apply(self, frame: str) -> None:
        for message in json.loads(frame):
            if message["t"] == "run":
                self.state = message["state"]
            elif message["t"] == "delta":
                for op in message["ops"]:
                    if op[0] != "e":
                        continue
                    _, _, type, props, widget_id, _ = op
                    if type == "button" and widget_id:
                        self.buttons[props.get("label", "")] = widget_id
                    for value in props.values():
                        if isinstance(value, str) and value.startswith("Count: "):
                            self.count = int(value.split()[1])

    async def read_until(self, done, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                msg = await self.ws.receive(timeout=left)
            except asyncio.TimeoutError:
                return False
            if msg.type != aiohttp.WSMsgType.TEXT:
                return False
            self.apply(msg.data)
        return True

    async def click(self, label: str) -> None:
        await self.ws.send_str(json.dumps({"t": "widget", "id": self.buttons[label], "value": True}))


async def open_tab(http: aiohttp.ClientSession, server: c.Server) -> Tab:
    ws = await http.ws_connect(f"ws://127.0.0.1:{server.port}/_appcore/stream",
                               headers={"Origin": f"http://127.0.0.1:{server.port}"}, max_msg_size=0)
    tab = Tab(ws)
    await ws.send_str(json.dumps({"t": "hello", "session": None, "path": "/"}))
    if not await tab.read_until(lambda: tab.state == "idle" and tab.count >= 0 and "+" in tab.buttons, 60):
        raise RuntimeError("a tab never saw its first run end")
    return tab


async def click_for(tab: Tab, seconds_left) -> None:
    """Click "+" until time is up, each time waiting for the count to show it."""
    while seconds_left() > 0:
        expected = tab.count + 1
        started = time.perf_counter()
        await tab.click("+")
        tab.sent += 1
        if not await tab.read_until(lambda: tab.count >= expected, CLICK_TIMEOUT):
            return  # lost (or far too slow): counted below from what the server says
        tab.latencies.append((time.perf_counter() - started) * 1000)


async def settle(tab: Tab) -> None:
    """Let the last click's run end, so the count the tab shows is the server's last word."""
    await tab.read_until(lambda: tab.state == "idle" and tab.count >= tab.sent, 10)


class RssSampler:
    def __init__(self, pid: int):
        self.pid, self.peak, self._task = pid, c.rss_kib(pid), None

    async def _loop(self) -> None:
        while True:
            self.peak = max(self.peak, c.rss_kib(self.pid))
            await asyncio.sleep(0.2)

    def __enter__(self) -> RssSampler:
        self._task = asyncio.get_running_loop().create_task(self._loop())
        return self

    def __exit__(self, *exc: object) -> None:
        self._task.cancel()


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


async def many_tabs(server: c.Server, tabs: int, seconds: float) -> None:
    print(f"(a) {tabs} tabs clicking for {seconds:g} s", flush=True)
    rss_start = c.settled_rss_kib(server.pid)
    async with aiohttp.ClientSession() as http:
        with RssSampler(server.pid) as rss:
            opened = await asyncio.gather(*(open_tab(http, server) for _ in range(tabs)))
            end = time.monotonic() + seconds
            started = time.monotonic()
            await asyncio.gather(*(click_for(tab, lambda: end - time.monotonic()) for tab in opened))
            elapsed = time.monotonic() - started
            await asyncio.gather(*(settle(tab) for tab in opened))
            for tab in opened:
                await tab.ws.close()
            peak = rss.peak
    await asyncio.sleep(GRACE_SECONDS + 1)  # the sessions expire
    rss_after = c.settled_rss_kib(server.pid)
    sent = sum(t.sent for t in opened)
    counted = sum(max(t.count, 0) for t in opened)
    latencies = [ms for t in opened for ms in t.latencies]
    print(c.table(["figure", "value"], [
        ["clicks sent", sent],
        ["clicks lost (sent, never counted)", sent - counted],
        ["clicks per second", f"{counted / elapsed:.0f}"],
        ["latency p50", c.fmt_ms(percentile(latencies, 50))],
        ["latency p99", c.fmt_ms(percentile(latencies, 99))],
        ["server RSS start / peak / after", f"{mib(rss_start)} / {mib(peak)} / {mib(rss_after)}"],
    ]), flush=True)


async def runaway_beside_honest(server: c.Server, honest: int, seconds: float) -> None:
    print(f"\n(b) one runaway tab (`while True: pass`) beside {honest} honest tabs, {seconds:g} s", flush=True)
    async with aiohttp.ClientSession() as http:
        runaway = await open_tab(http, server)
        opened = await asyncio.gather(*(open_tab(http, server) for _ in range(honest)))
        await runaway.click("Spin")
        if not await runaway.read_until(lambda: runaway.state == "running", 10):
            raise RuntimeError("the runaway's run never started")
        cpu_before, wall_before = cpu_seconds(server.pid), time.monotonic()
        end = time.monotonic() + seconds
        await asyncio.gather(*(click_for(tab, lambda: end - time.monotonic()) for tab in opened))
        busy_cpu = (cpu_seconds(server.pid) - cpu_before) / (time.monotonic() - wall_before)
        await asyncio.gather(*(settle(tab) for tab in opened))
        for tab in (runaway, *opened):
            await tab.ws.close()
    await asyncio.sleep(GRACE_SECONDS + 1)  # the sessions expire: the runaway is stopped with its own
    window = 3.0
    cpu_start = cpu_seconds(server.pid)
    await asyncio.sleep(window)
    idle_cpu = (cpu_seconds(server.pid) - cpu_start) / window
    latencies = [ms for t in opened for ms in t.latencies]
    sent = sum(t.sent for t in opened)
    lost = sent - sum(max(t.count, 0) for t in opened)
    stopped = "stopping run" in server.log() and "(session)" in server.log()
    print(c.table(["figure", "value"], [
        ["honest clicks sent / lost", f"{sent} / {lost}"],
        ["honest latency p50", c.fmt_ms(percentile(latencies, 50))],
        ["honest latency p99", c.fmt_ms(percentile(latencies, 99))],
        ["server CPU while the runaway runs", f"{busy_cpu * 100:.0f}% of a core"],
        [f"server CPU after the tabs closed ({window:g} s window)", f"{idle_cpu * 100:.1f}% of a core"],
        ["the log says the run was stopped with its session", "yes" if stopped else "NO"],
    ]), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the tabs click, in each part")
    parser.add_argument("--tabs", type=int, default=100, help="tabs in part (a)")
    parser.add_argument("--honest", type=int, default=20, help="honest tabs beside the runaway in part (b)")
    args = parser.parse_args()
    os.environ["APPCORE_SERVER_SESSION_GRACE_SECONDS"] = str(GRACE_SECONDS)
    with c.workdir("soak") as folder:
        with c.served("appcore", APP, folder / "a") as server:
            asyncio.run(many_tabs(server, args.tabs, args.seconds))
        with c.served("appcore", APP, folder / "b") as server:
            asyncio.run(runaway_beside_honest(server, args.honest, args.seconds))


if __name__ == "__main__":
    main()
