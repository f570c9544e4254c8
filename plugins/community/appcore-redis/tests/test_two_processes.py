"""Two `appcore run` processes share one redis-server: a tab whose process is killed
reconnects to the other and sees its values, its page and its form's typed values."""
from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from appcore_redis.testing import RESUME_APP, AppProcess, RedisServer, Tab


@pytest.fixture
def processes(tmp_path: Path, redis_server: RedisServer) -> Iterator[list[AppProcess]]:
    script = tmp_path / "app.py"
    script.write_text(RESUME_APP)
    env = {"APPCORE_SESSION_STORE_URL": redis_server.url}
    started = [AppProcess(script, env).start(), AppProcess(script, env).start()]
    try:
        yield started
    finally:
        for process in started:
            process.stop()


def bodies(tab: Tab) -> list[str]:
    return [m["body"] for m in tab.shown("markdown")]


async def test_a_tab_whose_process_is_killed_resumes_on_the_other_with_values_and_typed_form_values(
        processes, redis_server):
    first, second = processes
    tab = await Tab().open(first.url)
    plus = tab.widget("button", "Add one")
    await tab.send({"t": "widget", "id": plus, "value": True})
    await tab.send({"t": "widget", "id": plus, "value": True})
    await tab.send({"t": "widget", "id": tab.widget("text_input", "Name"), "value": "Ada"})
    await tab.send({"t": "widget", "id": tab.widget("text_input", "City"), "value": "Paris"}, run=False)
    assert bodies(tab) == ["n=2 name=Ada city= sent=False"]
    assert redis_server.holds(b"Paris", tab.session_id), "a typed value is saved without a run"
    session_id = tab.session_id

    first.signal(signal.SIGKILL)
    first.wait()
    await tab.open(second.url)  # the tab reconnects, as the page does, to whichever process answers
    assert tab.session_id == session_id
    assert bodies(tab) == ["n=2 name=Ada city= sent=False"]
    assert [t["value"] for t in tab.shown("text_input")] == ["Ada", "Paris"]

    await tab.send({"t": "widget", "id": tab.widget("button", "Send"), "value": True})
    assert bodies(tab) == ["n=2 name=Ada city=Paris sent=True"], "the typed value is submitted"
    await tab.send({"t": "widget", "id": tab.widget("button", "Add one"), "value": True})
    assert bodies(tab) == ["n=3 name=Ada city=Paris sent=False"]
    await tab.close()


async def test_a_tab_resumes_its_page_on_the_other_process(processes, redis_server):
    first, second = processes
    tab = await Tab().open(first.url)
    await tab.send({"t": "widget", "id": tab.widget("button", "Add one"), "value": True})
    await tab.send({"t": "navigate", "url_path": "report", "query": "from=menu"})
    assert bodies(tab) == ["Report for n=1"]
    assert redis_server.holds(b"report", tab.session_id)
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
    assert bodies(tab) == ["Report for n=1"]
    page = [m for m in told if m["t"] == "page"]
    assert page and page[-1]["url_path"] == "report" and page[-1]["query"] == "from=menu"
    await tab.close()
