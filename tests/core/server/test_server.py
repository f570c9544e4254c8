"""The aiohttp adapter through aiohttp's test client: routes, files, the websocket.

Each test builds its own ``App`` with an explicit plugin list (STYLE.md: no
global registry) and serves it with ``build_web_app`` in-process.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import appcore_control
import appcore_elements
import pytest

from appcore_test_wire import COUNTER, REJECTED, TIMEOUT, Tab, elements_plugin, make_app, raw_get, serve  # noqa: F401

from appcore.app import asset_name
from appcore.server import app_of, safe_child

# -- HTTP routes -----------------------------------------------------------------------


async def test_health_says_only_that_the_server_lives(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    response = await client.get("/_appcore/health")
    assert response.status == 200
    assert response.content_type == "application/json"
    assert await response.json() == {"ok": True, "status": "ok"}
    assert (await client.get("/_appcore/plugins.json")).status == 404
    await tab.close()


async def test_health_reports_the_number_of_sessions_when_details_are_exposed(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve(expose_details=True)
    response = await client.get("/_appcore/health")
    assert await response.json() == {"ok": True, "status": "ok", "sessions": 0}
    plugins = await (await client.get("/_appcore/plugins.json")).json()
    assert {p["name"] for p in plugins} == {"appcore_elements", "appcore_control"}, plugins

    tab = await Tab.open(client)
    assert (await (await client.get("/_appcore/health")).json())["sessions"] == 1
    await tab.close()


@pytest.mark.parametrize("path", ["/", "/some/page", "/some/page/"])
async def test_the_frontend_shell_is_served_for_every_page_path(serve, path: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    response = await client.get(path)
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.headers["Cache-Control"] == "no-cache"
    html = await response.text()
    assert 'data-testid="ac-status"' in html
    assert 'id="ac-error"' in html
    assert "{{" not in html, "every template placeholder is filled"
    assert re.search(r'<script type="importmap">\{"imports": \{"appcore": "/_appcore/static/runtime\.[0-9a-f]{10}\.js"',
                     html)


async def test_runtime_files_are_served_content_hashed_and_immutable(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    html = await (await client.get("/")).text()
    # What the page fetches: its links and scripts, and where its import map sends a module
    # (a key is only a name: runtime.js imports htm by its plain path, mapped to the hashed one).
    import_map = json.loads(re.search(r'<script type="importmap">(.*?)</script>', html).group(1))["imports"]
    urls = sorted({*re.findall(r'(?:href|src)="(/_appcore/static/[^"]+)"', html), *import_map.values()})
    assert any(u.endswith(".js") for u in urls) and any(u.endswith(".css") for u in urls), urls
    assert any("/vendor/htm/" in u for u in urls), "the runtime's own import is preloaded"
    for url in urls:
        response = await client.get(url)
        assert response.status == 200, url
        assert "immutable" in response.headers["Cache-Control"]
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert response.content_type in ("application/javascript", "text/javascript", "text/css"), url
        assert len(await response.read()) > 0


@pytest.mark.parametrize("path", [
    "/_appcore/static/../../etc/passwd",
    "/_appcore/static/..%2F..%2F..%2Fetc%2Fpasswd",
    "/_appcore/static//etc/passwd",
    "/_appcore/static/%2Fetc%2Fpasswd",
    "/_appcore/static/nope.0123456789.js",
    "/_appcore/static/index.html",
    "/_appcore/static/__init__.py",
    "/_appcore/plugins/{elements}/..%2F..%2Fsetup.py",
    "/_appcore/plugins/{elements}/..%2F..%2F..%2Fsetup.py",
    "/_appcore/plugins/{elements}/../../../setup.py",
    "/_appcore/plugins/{elements}/%2Fetc%2Fpasswd",
    "/_appcore/plugins/{elements}//etc/passwd",
    "/_appcore/plugins/{elements}/%00button.js",
    "/_appcore/plugins/{elements}/nope.js",
    "/_appcore/plugins/nope/button.js",
])
async def test_file_routes_answer_404_outside_their_root_and_for_unknown_files(serve, path: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    path = path.replace("{elements}", elements_plugin(client.appcore))
    status, body = await raw_get(client, path)
    assert status == 404, f"{path} answered {status}: {body[:200]!r}"
    assert "root:" not in body and "setup(" not in body


async def test_a_plugins_python_source_is_not_served(serve) -> None:  # type: ignore[no-untyped-def]
    """The plugin route serves a plugin's frontend modules and assets (DESIGN §2),
    not the Python beside them (STYLE: ``button.py`` sits next to ``button.js``)."""
    client = await serve()
    plugin = elements_plugin(client.appcore)
    assert (await client.get(f"/_appcore/plugins/{plugin}/button.js")).status == 200
    for name in ("button.py", "__init__.py"):
        response = await client.get(f"/_appcore/plugins/{plugin}/{name}")
        body = await response.text()
        assert response.status == 404, f"{name} was served ({response.content_type}): {body[:80]!r}"


def test_safe_child_refuses_traversal_absolute_paths_and_symlink_escapes(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "ok.js").write_text("ok")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    os.symlink(secret, root / "escape.js")
    os.symlink(tmp_path, root / "outside")
    os.symlink(root / "sub" / "ok.js", root / "inside.js")

    assert safe_child(root, "sub/ok.js") == (root / "sub" / "ok.js").resolve()
    assert safe_child(root, "inside.js") == (root / "sub" / "ok.js").resolve()
    for name in ["../secret.txt", "sub/../../secret.txt", str(secret), "/etc/passwd", "\\etc\\passwd",
                 "escape.js", "outside/secret.txt", "sub", "", "sub/ok.js\x00.png", "nope.js"]:
        assert safe_child(root, name) is None, name


async def test_the_element_module_urls_of_the_session_message_are_served(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    urls = tab.session["elements"]
    assert {"button", "markdown", "title", "exception"} <= set(urls)
    for type, url in urls.items():
        assert re.fullmatch(r"/_appcore/plugins/[\w-]+/[\w./-]+\.[0-9a-f]{10}\.js", url), url
        response = await client.get(url)
        assert response.status == 200, f"{type}: {url} answered {response.status}"
        assert response.content_type in ("application/javascript", "text/javascript")
        assert "immutable" in response.headers["Cache-Control"]
        assert "export" in await response.text()
    await tab.close()



async def test_a_new_tab_is_told_the_element_types_the_app_drew_last_to_load_them_early(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    first = await Tab.open(client)
    assert first.session["preload"] == []  # nothing has run yet
    await first.close()
    second = await Tab.open(client)
    # The first tab's run drew a title, a button and a markdown: the second's browser loads
    # their modules while its own first run goes on.
    assert set(second.session["preload"]) == {"title", "button", "markdown"}
    assert set(second.session["preload"]) <= set(second.session["elements"])
    await second.close()


# -- the websocket: protocol -------------------------------------------------------------


async def test_hello_gets_a_session_then_a_run_with_its_deltas(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    kinds = [m["t"] for m in tab.messages]
    assert kinds[0] == "session"
    assert tab.session["id"] in client.appcore.sessions
    assert tab.session["theme"] == {"base": "light", "primary_color": "#ff4b4b"}
    runs = [m for m in tab.messages if m["t"] == "run"]
    assert [(r["state"], r.get("status")) for r in runs] == [("running", None), ("idle", "complete")]
    first_delta = kinds.index("delta")
    assert kinds.index("run") < first_delta < len(kinds) - 1, "deltas come inside the run"
    ops = [op for m in tab.messages if m["t"] == "delta" for op in m["ops"]]
    assert [(op[0], op[1], op[2]) for op in ops] == [
        ("e", "main.0", "title"), ("e", "main.1", "button"), ("e", "main.2", "markdown")]
    assert ops[2][3]["body"] == "Count: 0"
    assert ops[1][4].startswith("$$ID-")  # the button's widget id
    await tab.close()


async def test_a_click_reruns_and_sends_only_what_changed(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    messages = await tab.click("Add one")
    ops = [op for m in messages if m["t"] == "delta" for op in m["ops"]]
    assert [(op[0], op[1], op[3]["body"]) for op in ops] == [("e", "main.2", "Count: 1")]
    assert tab.texts() == ["Count: 1"]
    await tab.close()


@pytest.mark.parametrize("frame, reason", [
    ("not json {", "not JSON"),
    (b"\x00\x01binary", "binary frames"),
    ('["a", "list"]', "must be an object"),
    ('{"t": 5}', "must be an object"),
    ('{"t": "nonsense"}', "unknown message type 'nonsense'"),
    ('{"t": "widget", "id": "$$ID-unknown", "value": true}', "unknown widget id"),
    ('{"t": "widget", "id": 17, "value": true}', "unknown widget id"),
    ('{"t": "widget", "id": "<button>", "value": "x"}', "refused 'x'"),
    ('{"t": "widget", "id": "<button>", "value": 1}', "refused 1"),
    ('{"t": "widget", "id": "<button>"}', "no value"),
    ("[" * 100_000, "not JSON"),  # 100 kB, far below max_message_mb, too deep to parse
], ids=["not-json", "binary", "not-object", "t-not-string", "unknown-t", "unknown-widget", "id-not-string",
        "button-value-string", "button-value-int", "no-value", "deeply-nested"])
async def test_a_malformed_message_is_rejected_with_a_logged_reason_and_the_session_goes_on(
        serve, caplog: pytest.LogCaptureFixture, frame: str | bytes, reason: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    if isinstance(frame, str):
        frame = frame.replace("<button>", tab.widget_id("button", "Add one"))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="appcore"):
        if isinstance(frame, bytes):
            await tab.ws.send_bytes(frame)
        else:
            await tab.ws.send_str(frame)
        await tab.quiet()  # no run, no answer

    rejections = [r for r in caplog.records if REJECTED in r.getMessage()]
    assert len(rejections) == 1, [r.getMessage() for r in caplog.records]
    assert reason in rejections[0].getMessage()
    assert tab.session["id"] in rejections[0].getMessage(), "the log names the session"
    assert not tab.ws.closed
    # The next valid click is handled, and the bad message was never applied.
    await tab.click("Add one")
    assert tab.texts() == ["Count: 1"]
    await tab.close()


async def test_a_value_outside_a_widgets_definition_is_never_applied(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve("""
import appcore as st
name = st.text_input("Name", max_chars=3, key="name")
st.markdown(f"Name: {name}")
""")
    tab = await Tab.open(client)
    field = tab.widget_id("text_input", "Name")
    with caplog.at_level(logging.WARNING, logger="appcore"):
        await tab.ws.send_json({"t": "widget", "id": field, "value": "far too long"})
        await tab.ws.send_json({"t": "widget", "id": field, "value": ["not", "text"]})
        await tab.quiet()
    assert sum(REJECTED in r.getMessage() for r in caplog.records) == 2
    await tab.ws.send_json({"t": "widget", "id": field, "value": "Ada"})
    await tab.until_idle()
    assert tab.texts() == ["Name: Ada"]
    assert client.appcore.sessions[tab.session["id"]].state.values["name"] == "Ada"
    await tab.close()


async def test_an_oversize_message_is_rejected_and_the_socket_and_session_go_on(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(max_message_mb=0.001)  # 1,000 bytes
    tab = await Tab.open(client)
    button = tab.widget_id("button", "Add one")
    big = json.dumps({"t": "widget", "id": button, "value": True, "padding": "x" * 1500})
    assert 1000 < len(big) < 2000
    with caplog.at_level(logging.WARNING, logger="appcore"):
        await tab.ws.send_str(big)
        await tab.quiet()
    rejections = [r.getMessage() for r in caplog.records if REJECTED in r.getMessage()]
    assert len(rejections) == 1 and "limit" in rejections[0], rejections
    assert not tab.ws.closed
    await tab.click("Add one")
    assert tab.texts() == ["Count: 1"], "the oversize click was not applied; the next one was"
    assert len(client.appcore.sessions) == 1
    await tab.close()


async def test_a_tab_that_reconnects_with_its_session_id_gets_its_session_back(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    await tab.click("Add one")
    session_id = tab.session["id"]
    await tab.close()

    again = await Tab.open(client, session=session_id)
    assert again.session["id"] == session_id
    assert again.texts() == ["Count: 1"], "a reconnected tab is sent the whole page again"
    assert len(client.appcore.sessions) == 1
    await again.close()


async def test_a_duplicated_tab_gets_its_own_session(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    twin = await Tab.open(client, session=tab.session["id"])  # the first is still connected
    assert twin.session["id"] != tab.session["id"]
    await twin.click("Add one")
    assert twin.texts() == ["Count: 1"]
    await tab.quiet()
    await tab.close()
    await twin.close()


async def test_two_sessions_are_independent(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    one = await Tab.open(client)
    two = await Tab.open(client)
    assert one.session["id"] != two.session["id"]

    await one.click("Add one")
    await one.click("Add one")

    assert one.texts() == ["Count: 2"]
    await two.quiet()  # nothing is sent to the other tab
    sessions = client.appcore.sessions
    assert sessions[one.session["id"]].state.values["count"] == 2
    assert sessions[two.session["id"]].state.values["count"] == 0
    await two.click("Add one")
    assert two.texts() == ["Count: 1"]
    await one.close()
    await two.close()


# -- the websocket: origin --------------------------------------------------------------


async def test_a_cross_origin_websocket_handshake_is_refused(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    with caplog.at_level(logging.WARNING, logger="appcore"):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/_appcore/stream", headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    assert any("evil.example" in r.getMessage() for r in caplog.records)
    assert client.appcore.sessions == {}


@pytest.mark.parametrize("origin", ["http://evil.example", "http://localhost.evil.example",
                                    "http://127.0.0.1.evil.example", "null"])
async def test_lookalike_origins_are_refused(serve, origin: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/_appcore/stream", headers={"Origin": origin})
    assert refused.value.status == 403


async def test_a_same_origin_websocket_handshake_is_accepted(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    origin = f"http://{client.host}:{client.port}"
    tab = await Tab.open(client, headers={"Origin": origin})
    assert tab.texts() == ["Count: 0"]
    await tab.close()


async def test_an_allow_listed_origin_is_accepted(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve(allowed_origins=["https://trusted.example"])
    tab = await Tab.open(client, headers={"Origin": "https://trusted.example"})
    assert tab.texts() == ["Count: 0"]
    await tab.close()
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await client.ws_connect("/_appcore/stream", headers={"Origin": "https://untrusted.example"})


async def test_a_module_is_cacheable_only_under_its_current_hash(serve):
    client = await serve()
    url = app_of(client.server.app).element_urls["button"]
    assert url.endswith(asset_name(Path(appcore_elements.__file__).parent / "button.js"))
    good = await client.get(url)
    assert good.status == 200 and "immutable" in good.headers["Cache-Control"]
    stale = await client.get(url.rsplit("/", 1)[0] + "/button.0123456789.js")
    assert stale.status == 404


async def test_unknown_framework_paths_are_404_not_the_page(serve):
    client = await serve()
    assert (await client.get("/_appcore/nope")).status == 404
    assert (await client.get("/some/page")).status == 200


async def test_runtime_files_by_plain_name_are_served_but_not_python(serve):
    client = await serve()
    plain = await client.get("/_appcore/static/style.css")
    assert plain.status == 200 and plain.headers["Cache-Control"] == "no-cache"
    for bad in ["/_appcore/static/__init__.py", "/_appcore/static/index.html", "/_appcore/static/nope.css"]:
        assert (await client.get(bad)).status == 404, bad
