"""`appcore run` listens before it builds the App: the page, health and the runtime's files answer
at once, and what needs the App (a tab's websocket, the plugins' routes and files, a page's own
URL) waits for it, then is served as usual."""
from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp import web
from appcore_test_wire import Tab, make_app

from appcore.plugin import hookimpl
from appcore.server import ARRIVAL_KEY, AppArrival, attach_app, web_app_for


class Echo:
    """A plugin with a route of its own."""

    @hookimpl
    def appcore_register_routes(self, app):  # type: ignore[no-untyped-def]
        async def echo(request: web.Request) -> web.Response:
            return web.json_response({"sessions": len(app.sessions), "asked": request.match_info["word"]})

        return [web.get("/_echo/{word}", echo)]


class Waiters:
    """Counts the requests that reached the wait for the App (AppArrival.wait)."""

    def __init__(self) -> None:
        self.count = 0
        self.changed = asyncio.Event()

    async def reached(self, count: int) -> None:
        async with asyncio.timeout(5):
            while self.count < count:
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
def waiters(monkeypatch) -> Waiters:  # type: ignore[no-untyped-def]
    seen = Waiters()
    original = AppArrival.wait

    async def wait(self):  # type: ignore[no-untyped-def]
        seen.count += 1
        seen.changed.set()
        return await original(self)

    monkeypatch.setattr(AppArrival, "wait", wait)
    return seen


@pytest.fixture
async def listening(aiohttp_client, tmp_path, waiters):  # type: ignore[no-untyped-def]
    """A server listening with no App yet, the App it will get, and ``waiting(request)``: the
    request's task, once the request waits for the App."""
    app = make_app(tmp_path, extra_plugins=[Echo()], base_url_path="/tools")
    web_app = web_app_for(app.config)
    client = await aiohttp_client(web_app)

    async def waiting(request):  # type: ignore[no-untyped-def]
        task = asyncio.ensure_future(request)
        await waiters.reached(waiters.count + 1)
        assert not task.done(), "answered before the App was built"
        return task

    return client, web_app, app, waiting


async def test_the_page_its_files_and_health_answer_before_the_app_is_built(listening) -> None:  # type: ignore[no-untyped-def]
    client, _web_app, _app, _waiting = listening
    page = await client.get("/tools/")
    assert page.status == 200 and "appcore" in await page.text()
    runtime = [line for line in (await page.text()).splitlines() if 'type="module" src=' in line]
    script = runtime[0].split('src="')[1].split('"')[0]
    assert (await client.get(script)).status == 200, script
    health = await client.get("/tools/_appcore/health")
    assert health.status == 200 and (await health.json())["ok"] is True


async def test_a_tab_that_connects_before_the_app_gets_its_first_run_once_it_arrives(listening, waiters) -> None:  # type: ignore[no-untyped-def]
    client, web_app, app, _waiting = listening
    # The handshake does not wait for the App; the tab's hello does.
    tab = Tab(await client.ws_connect("/tools/_appcore/stream"))
    await tab.ws.send_json({"t": "hello", "session": None, "path": "/"})
    await waiters.reached(1)
    with pytest.raises(asyncio.TimeoutError):
        await tab.ws.receive(timeout=0.05)  # nothing before the App is there
    attach_app(web_app, app)
    await tab.until_idle()
    assert tab.texts() == ["Count: 0"]
    await tab.click("Add one")
    assert tab.texts() == ["Count: 1"]
    await tab.close()


async def test_a_plugin_route_and_a_pages_url_asked_for_early_are_served_once_the_app_arrives(listening) -> None:  # type: ignore[no-untyped-def]
    client, web_app, app, waiting = listening
    route = await waiting(client.get("/tools/_echo/hello"))
    page = await waiting(client.get("/tools/second_page"))
    attach_app(web_app, app)
    response = await route
    assert response.status == 200 and await response.json() == {"sessions": 0, "asked": "hello"}
    assert (await page).status == 200 and "appcore" in await (await page).text()
    assert (await client.post("/tools/_echo/hello")).status == 405, "the plugin's route takes GET only"
    assert (await client.get("/tools/_appcore/nothing_here")).status == 404


async def test_what_waits_for_an_app_that_failed_to_build_gets_503_or_1013(listening, waiters) -> None:  # type: ignore[no-untyped-def]
    client, web_app, _app, waiting = listening
    route = await waiting(client.get("/tools/_echo/hello"))
    tab = Tab(await client.ws_connect("/tools/_appcore/stream"))
    await tab.ws.send_json({"t": "hello", "session": None, "path": "/"})
    await waiters.reached(2)
    web_app[ARRIVAL_KEY].fail()
    # No plugin route exists, the App never came: the URL is answered as any URL no route claims.
    assert (await route).content_type == "text/html"
    closing = await tab.ws.receive(timeout=5)
    assert (closing.type, tab.ws.close_code) == (aiohttp.WSMsgType.CLOSE, 1013)
    assert (await client.get("/tools/")).status == 200, "the page itself still answers"
