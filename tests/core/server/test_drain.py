"""SIGTERM's drain and the readiness it reports (DESIGN.md §9): /_appcore/health answers 503
while draining, no new session is taken, running scripts get [server] drain_seconds, then
every session's last state goes to the session store."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import WSCloseCode

from appcore_test_wire import Tab, make_app

from appcore.plugin import hookimpl
from appcore.server import build_web_app, drain

SLOW = """
import time
import appcore as st

st.session_state.setdefault("n", 0)
if st.button("Slow"):
    for step in range(int(st.session_state.get("steps", 10))):
        time.sleep(0.05)
        st.markdown(f"step {step}")
    st.session_state.n += 1
st.markdown(f"n={st.session_state.n}")
"""


class Store:
    """A session store that remembers every save, and says when all are written."""

    def __init__(self) -> None:
        self.saves: list[tuple[str, dict[str, Any]]] = []
        self.flushed = 0

    @hookimpl
    def appcore_resolve_session_store(self, app: Any) -> "Store":
        return self

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        self.saves.append((session_id, dict(values)))
        return []

    def load(self, session_id: str) -> dict[str, Any] | None:
        return None

    def flush(self, timeout: float) -> bool:
        self.flushed += 1
        return True


async def served(aiohttp_client: Any, tmp_path: Path, store: Store, **server: Any) -> Any:
    return await aiohttp_client(build_web_app(make_app(tmp_path, SLOW, extra_plugins=[store], **server)))


async def test_a_draining_server_answers_503_takes_no_new_tab_and_lets_a_running_script_end(
        aiohttp_client, tmp_path) -> None:
    store = Store()
    client = await served(aiohttp_client, tmp_path, store)
    assert (await client.get("/_appcore/health")).status == 200
    tab = await Tab.open(client)
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("button", "Slow"), "value": True})
    await tab.receive()  # the run has begun
    draining = asyncio.create_task(drain(client.server.app))
    await asyncio.sleep(0)
    response = await client.get("/_appcore/health")
    assert response.status == 503 and await response.json() == {"ok": False, "status": "draining"}

    late = await client.ws_connect("/_appcore/stream")
    await late.send_json({"t": "hello", "session": None, "path": "/"})
    closed = await late.receive(timeout=5)
    assert closed.type == aiohttp.WSMsgType.CLOSE and late.close_code == WSCloseCode.GOING_AWAY
    assert len(store.saves) == 1, "no session for the late tab"

    await asyncio.wait_for(draining, 5)
    ended = [m for m in await tab.until_idle() if m["t"] == "run" and m["state"] == "idle"]
    assert ended[-1]["status"] == "complete" and "n=1" in tab.texts()
    sid = tab.session["id"]
    assert [v["n"] for s, v in store.saves if s == sid] == [0, 1, 1], "the run saved, then the drain"
    assert store.flushed == 1

    await client.server.app.shutdown()  # what `appcore run` does next: the sockets close with 1001
    assert (await tab.ws.receive(timeout=5)).type == aiohttp.WSMsgType.CLOSE
    assert tab.ws.close_code == WSCloseCode.GOING_AWAY


async def test_a_script_still_running_after_drain_seconds_is_stopped_and_its_session_saved(
        aiohttp_client, tmp_path) -> None:
    store = Store()
    client = await served(aiohttp_client, tmp_path, store, drain_seconds=0.2)
    tab = await Tab.open(client)
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("button", "Slow"), "value": True})
    await tab.receive()
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.wait_for(drain(client.server.app), 5)
    assert loop.time() - started < 0.5 + 2.0
    ended = [m for m in await tab.until_idle() if m["t"] == "run" and m["state"] == "idle"]
    assert ended[-1]["status"] == "cancelled"
    sid = tab.session["id"]
    assert [v["n"] for s, v in store.saves if s == sid] == [0, 0], "the first run saved, then the drain"
    await tab.close()
