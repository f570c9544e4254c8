"""Two `appcore run` processes share one redis-server: a tab whose process is killed
reconnects to the other and sees its values, its page and its form's typed values."""
from __future__ import annotations

import signal
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from appcore_redis.testing import AppProcess, RedisServer, Tab

APP = """
import appcore as st

def home():
    st.session_state.setdefault("n", 0)
    if st.button("+"):
        st.session_state.n += 1
    name = st.text_input("Name", key="name")
    with st.form("address"):
        city = st.text_input("City")
        sent = st.form_submit_button("Send")
    st.markdown(f"home n={st.session_state.n} name={name} city={city} sent={sent}")

def report():
    st.markdown(f"report n={st.session_state.get('n')}")

st.navigation([st.Page(home, title="Home", default=True), st.Page(report, title="Report")]).run()
"""


@pytest.fixture
def processes(tmp_path: Path, redis_server: RedisServer) -> Iterator[list[AppProcess]]:
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP))
    env = {"APPCORE_SESSION_STORE_URL": redis_server.url}
    started = [AppProcess(script, env).start(), AppProcess(script, env).start()]
    try:
        yield started
    finally:
        for process in started:
            process.stop()


def saved_has(redis_server: RedisServer, session_id: str, needle: bytes, timeout: float = 5.0) -> bool:
    client = redis_server.client()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in (client.get(f"appcore:session:{session_id}") or b""):
            return True
        time.sleep(0.02)
    return False


def bodies(tab: Tab) -> list[str]:
    return [m["body"] for m in tab.shown("markdown")]


async def test_a_tab_whose_process_is_killed_resumes_on_the_other_with_values_and_typed_form_values(
        processes, redis_server):
    first, second = processes
    tab = await Tab().open(first.url)
    plus = tab.widget("button", "+")
    await tab.send({"t": "widget", "id": plus, "value": True})
    await tab.send({"t": "widget", "id": plus, "value": True})
    await tab.send({"t": "widget", "id": tab.widget("text_input", "Name"), "value": "Ada"})
    await tab.send({"t": "widget", "id": tab.widget("text_input", "City"), "value": "Paris"}, run=False)
    assert bodies(tab) == ["home n=2 name=Ada city= sent=False"]
    assert saved_has(redis_server, tab.session_id, b"Paris"), "a typed value is saved without a run"
    session_id = tab.session_id

    first.signal(signal.SIGKILL)
    first.wait()
    await tab.open(second.url)  # the tab reconnects, as the page does, to whichever process answers
    assert tab.session_id == session_id
    assert bodies(tab) == ["home n=2 name=Ada city= sent=False"]
    assert [t["value"] for t in tab.shown("text_input")] == ["Ada", "Paris"]

    await tab.send({"t": "widget", "id": tab.widget("button", "Send"), "value": True})
    assert bodies(tab) == ["home n=2 name=Ada city=Paris sent=True"], "the typed value is submitted"
    await tab.send({"t": "widget", "id": tab.widget("button", "+"), "value": True})
    assert bodies(tab) == ["home n=3 name=Ada city=Paris sent=False"]
    await tab.close()


async def test_a_tab_resumes_its_page_on_the_other_process(processes, redis_server):
    first, second = processes
    tab = await Tab().open(first.url)
    await tab.send({"t": "widget", "id": tab.widget("button", "+"), "value": True})
    await tab.send({"t": "navigate", "url_path": "report", "query": "from=menu"})
    assert bodies(tab) == ["report n=1"]
    assert saved_has(redis_server, tab.session_id, b"report")
    first.signal(signal.SIGKILL)
    first.wait()
    # A client that does not say where it is (no path): the saved page and query are its own.
    tab.browser.tree.clear()
    await tab.ws.close() if tab.ws is not None else None
    import aiohttp

    async with aiohttp.ClientSession() as http:
        ws = await http.ws_connect(second.url + "_appcore/stream")
        await ws.send_json({"t": "hello", "session": tab.session_id})
        told = []
        while not any(m["t"] == "run" and m["state"] == "idle" for m in told):
            msg = await ws.receive(timeout=10)
            tab.browser.deliver(msg.data)
            told.extend(msg.json())
        await ws.close()
    assert bodies(tab) == ["report n=1"]
    page = [m for m in told if m["t"] == "page"]
    assert page and page[-1]["url_path"] == "report" and page[-1]["query"] == "from=menu"
    await tab.close()
