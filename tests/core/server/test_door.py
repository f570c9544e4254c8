"""What the server refuses before a request or a frame reaches a session (issue 11).

Host and Origin (DNS rebinding), frame sizes and what a refusal writes to the
log, caps on sockets and sessions, strings that are not Unicode, the first
message, and what every file route will serve.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

import aiohttp
import appcore_control
import appcore_elements
import pytest

from appcore.app import App
from appcore.config import Config
from appcore.plugin import hookimpl
from appcore.server import CONNECTIONS_KEY, build_web_app
from appcore.server.door import HostCheck, RejectionLog, decode_frame, Refused

from appcore_test_wire import COUNTER, REJECTED, TIMEOUT, Tab, raw_get, serve  # noqa: F401

TEXT_APP = """
import appcore as st
name = st.text_input("Name", max_chars=5, key="name")
amount = st.number_input("Amount", key="amount")
st.markdown(f"Name: {name}")
"""


async def until(condition: Any, timeout: float = TIMEOUT, what: str = "the condition") -> None:
    """Wait for ``condition()`` to hold, up to ``timeout`` seconds (never a blind sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout} s")
        await asyncio.sleep(0.01)


def logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records]


# -- Host and Origin -----------------------------------------------------------------------


async def test_an_upgrade_naming_another_host_is_refused(serve) -> None:  # type: ignore[no-untyped-def]
    """DNS rebinding: evil.example now resolves to 127.0.0.1, so its page talks to us
    with its own name in Host and in Origin; the two agree, and that proves nothing."""
    client = await serve()
    evil = f"evil.example:{client.port}"
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/_appcore/stream", headers={"Host": evil, "Origin": f"http://{evil}"})
    assert refused.value.status == 400
    assert client.appcore.sessions == {}


async def test_the_app_shell_is_not_served_to_another_host(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    for path in ["/", "/some/page", "/_appcore/static/style.css"]:
        status, body = await raw_get(client, path, host=f"evil.example:{client.port}")
        assert status == 400, f"{path} answered {status} to Host evil.example"
        assert "ac-status" not in body
    status, _ = await raw_get(client, "/", host=f"localhost:{client.port}")
    assert status == 200


async def test_liveness_answers_to_any_host(serve) -> None:  # type: ignore[no-untyped-def]
    """A load balancer asks by IP or by an internal name; it learns only that we live."""
    client = await serve()
    status, body = await raw_get(client, "/_appcore/health", host="10.1.2.3:8501")
    assert status == 200 and json.loads(body) == {"ok": True, "status": "ok"}


@pytest.mark.parametrize("origin", [
    "http://localhost:3000",            # another app on this machine
    "http://evil.example@127.0.0.1:{port}",  # a user part: no browser sends one
    "https://127.0.0.1:{port}",         # another scheme
    "http://127.0.0.1:{port}/path",     # an Origin never has a path
    "http://127.0.0.1",                 # port 80, not ours
    "http://127.0.0.2:{port}",          # close, not a name of ours
])
async def test_an_origin_other_than_the_pages_own_is_refused(serve, origin: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/_appcore/stream", headers={"Origin": origin.format(port=client.port)})
    assert refused.value.status == 403
    assert client.appcore.sessions == {}


@pytest.mark.parametrize("origin", ["http://127.0.0.1:{port}", "http://localhost:{port}", "http://[::1]:{port}"])
async def test_this_servers_own_origin_under_any_loopback_name_is_accepted(serve, origin: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client, headers={"Origin": origin.format(port=client.port)})
    assert tab.texts() == ["Count: 0"]
    await tab.close()


async def test_a_proxy_serving_https_is_the_pages_scheme(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve(address="0.0.0.0")
    headers = {"Host": "app.example.com", "Origin": "https://app.example.com", "X-Forwarded-Proto": "https"}
    tab = await Tab.open(client, headers=headers)
    assert tab.texts() == ["Count: 0"]
    await tab.close()


async def test_allowed_hosts_lets_the_named_hosts_in_and_no_other(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve(address="0.0.0.0", allowed_hosts=["app.example.com", ".corp.example"])
    for host in ["app.example.com", "a.corp.example", "corp.example"]:
        tab = await Tab.open(client, headers={"Host": host, "Origin": f"http://{host}"})
        await tab.close()
    for host in ["evil.example", "app.example.com.evil.example", "localhost"]:
        status, _ = await raw_get(client, "/", host=host)
        assert status == 400, host


@pytest.mark.parametrize("address, host, allowed", [
    ("localhost", "localhost:8501", True),
    ("localhost", "127.0.0.1:8501", True),
    ("localhost", "[::1]:8501", True),
    ("127.0.0.1", "LOCALHOST.:8501", True),
    ("localhost", "evil.example:8501", False),
    ("localhost", "localhost.evil.example", False),
    ("localhost", "127.0.0.1.nip.io", False),
    ("localhost", "", False),
    ("localhost", "local host", False),
    ("localhost", "user@localhost", False),
    ("0.0.0.0", "anything.example:8501", True),
    ("192.168.1.5", "192.168.1.5:8501", True),
    ("192.168.1.5", "evil.example:8501", False),
])
def test_host_check(address: str, host: str, allowed: bool) -> None:
    assert HostCheck(address).host_allowed(host) is allowed


# -- sizes and what a refusal logs -----------------------------------------------------------


def test_a_message_may_carry_16_mb_by_default() -> None:
    assert Config().server.max_message_mb == 16.0
    assert Config.load(env={"STREAMLIT_SERVER_MAX_MESSAGE_SIZE": "50"}).server.max_message_mb == 50.0  # Streamlit's name
    assert Config.load(env={"APPCORE_SERVER_MAX_MESSAGE_MB": "50"}).server.max_message_mb == 50.0


async def test_a_refused_big_value_is_logged_in_a_few_hundred_characters(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(TEXT_APP)
    tab = await Tab.open(client)
    field = tab.widget_id("text_input", "Name")
    with caplog.at_level(logging.INFO):
        await tab.ws.send_json({"t": "widget", "id": field, "value": "x" * 2_000_000})
        await tab.ws.send_json({"t": "widget", "id": "y" * 2_000_000, "value": "Ada"})
        await tab.ws.send_json({"t": "z" * 2_000_000})
        await tab.quiet()
    lines = [line for line in logged(caplog) if REJECTED in line]
    assert len(lines) == 3, lines
    for line in lines:
        assert len(line) < 1000, f"a log line of {len(line):,} characters: {line[:200]}..."
        assert "2,0" in line, "the line says how big the frame was"
    assert client.appcore.sessions[tab.session["id"]].state.values["name"] == ""
    await tab.close()


async def test_repeated_rejections_are_logged_a_few_then_summed_up(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    tab = await Tab.open(client)
    with caplog.at_level(logging.INFO):
        for n in range(500):
            await tab.ws.send_str(f"not json {n}")
        await tab.quiet()
        await tab.close()
        await until(lambda: any("more refused" in line for line in logged(caplog)), what="the summary line")
    lines = logged(caplog)
    assert len(lines) <= 15, f"{len(lines)} lines for 500 bad frames"
    assert any("490 more refused" in line for line in lines), lines


def test_the_rejection_log_says_how_many_it_did_not_log_once_per_interval(caplog) -> None:
    now = [0.0]
    rejections = RejectionLog(logging.getLogger("appcore.test"), burst=3, interval=10.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="appcore.test"):
        for n in range(100):
            now[0] = n * 0.5  # 50 s of refusals, two a second
            rejections.refused("refused %d", n)
        rejections.flush()
    lines = logged(caplog)
    assert lines[:3] == ["refused 0", "refused 1", "refused 2"]
    assert 5 <= len(lines) <= 9, lines  # a summary per 10 s, and one at the end
    assert sum(int(line.split()[0]) for line in lines[3:]) == 97


async def test_a_frame_far_over_the_limit_closes_the_socket_unread(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(max_message_mb=0.5)
    tab = await Tab.open(client)
    with caplog.at_level(logging.WARNING):
        await tab.ws.send_str("x" * 3_000_000)
        msg = await tab.ws.receive(timeout=TIMEOUT)
        await until(lambda: any("closed the socket" in line for line in logged(caplog)), what="a log line")
    assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
    assert all(len(line) < 500 for line in logged(caplog))
    assert (await client.get("/_appcore/health")).status == 200
    again = await Tab.open(client, session=tab.session["id"])
    assert again.session["id"] == tab.session["id"], "the tab reconnects to its session"
    await again.close()


def test_decode_frame_checks_the_size_before_parsing() -> None:
    with pytest.raises(Refused, match="over the 10-character limit"):
        decode_frame('{"t": "rerun"}', 10)
    assert decode_frame('{"t":"rerun"}', 100) == {"t": "rerun"}


# -- strings that are not Unicode, numbers that are not numbers ----------------------------------


@pytest.mark.parametrize("value, reason", [
    ('"x\\ud83d"', "lone surrogate"),
    ('"\\udc00x"', "lone surrogate"),
    ('["ok", {"deep": "\\ud800"}]', "lone surrogate"),
    ("NaN", "not JSON"),
    ("Infinity", "not JSON"),
    ("-Infinity", "not JSON"),
])
async def test_a_value_that_no_codec_can_encode_is_refused_at_the_door(serve, caplog, value: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve(TEXT_APP)
    tab = await Tab.open(client)
    field = tab.widget_id("text_input" if "u" in value else "number_input", "Name" if "u" in value else "Amount")
    with caplog.at_level(logging.WARNING):
        await tab.ws.send_str(f'{{"t": "widget", "id": "{field}", "value": {value}}}')
        await tab.quiet()
    assert any(REJECTED in line and reason in line for line in logged(caplog)), logged(caplog)
    assert not [r for r in caplog.records if r.exc_info], "no traceback"
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("text_input", "Name"), "value": "Ada"})
    await tab.until_idle()
    assert tab.texts() == ["Name: Ada"]
    await tab.close()


async def test_a_lone_surrogate_sent_after_a_reconnect_does_not_poison_the_session(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(TEXT_APP)
    tab = await Tab.open(client)
    field = tab.widget_id("text_input", "Name")
    session_id = tab.session["id"]
    await tab.close()
    again = await Tab.open(client, session=session_id)
    await again.ws.send_str(f'{{"t": "widget", "id": "{field}", "value": "x\\ud83d"}}')
    await again.quiet()
    await again.close()
    reloaded = await Tab.open(client, session=session_id)
    runs = [m for m in reloaded.messages if m["t"] == "run" and m["state"] == "idle"]
    assert runs[-1]["status"] == "complete", runs
    assert reloaded.texts() == ["Name:"]
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR], logged(caplog)
    await reloaded.close()


# -- the first message ------------------------------------------------------------------------


@pytest.mark.parametrize("first", ['{"t": "rerun"}', '{"t": "widget", "id": "x", "value": 1}', "[]",
                                   "not json", '{"t": "hello"'])
async def test_a_first_message_other_than_hello_opens_no_session_and_closes_the_socket(serve, first: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    ws = await client.ws_connect("/_appcore/stream")
    await ws.send_str(first)
    msg = await ws.receive(timeout=TIMEOUT)
    assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == aiohttp.WSCloseCode.POLICY_VIOLATION, msg
    assert client.appcore.sessions == {}


async def test_a_socket_that_never_says_hello_is_closed(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(hello_timeout_seconds=0.2)
    with caplog.at_level(logging.INFO):
        ws = await client.ws_connect("/_appcore/stream")
        msg = await ws.receive(timeout=TIMEOUT)
    assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == aiohttp.WSCloseCode.POLICY_VIOLATION
    assert "no hello" in (msg.extra or "")
    assert sum("no hello" in line for line in logged(caplog)) == 1
    assert client.appcore.sessions == {}


async def test_a_client_that_leaves_mid_handshake_logs_one_info_line(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    with caplog.at_level(logging.DEBUG):
        for _ in range(5):
            reader, writer = await asyncio.open_connection(client.host, client.port)
            writer.write(f"GET /_appcore/stream HTTP/1.1\r\nHost: {client.host}:{client.port}\r\n"
                         "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n".encode())
            writer.transport.abort()  # gone before the answer
        assert (await client.get("/_appcore/health")).status == 200
        tab = await Tab.open(client)
        await tab.close()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not errors, [r.getMessage() for r in errors]


# -- caps -----------------------------------------------------------------------------------------


async def test_sockets_per_client_address_are_capped(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(max_connections_per_ip=3)
    tabs = [await Tab.open(client) for _ in range(3)]
    with caplog.at_level(logging.WARNING):
        ws = await client.ws_connect("/_appcore/stream")
        msg = await ws.receive(timeout=TIMEOUT)
    assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == aiohttp.WSCloseCode.TRY_AGAIN_LATER
    assert "too many connections" in msg.extra
    assert sum("max_connections_per_ip" in line for line in logged(caplog)) == 1
    assert (await client.get("/_appcore/health")).status == 200
    await tabs[0].close()
    await until(lambda: sum(client.server.app[CONNECTIONS_KEY].by_ip.values()) == 2, what="the socket counted out")
    fourth = await Tab.open(client)  # a socket closed makes room
    for tab in [*tabs[1:], fourth]:
        await tab.close()


async def test_sessions_in_total_are_capped_and_the_longest_gone_tab_makes_room(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(max_sessions=2)
    one, two = await Tab.open(client), await Tab.open(client)
    with caplog.at_level(logging.WARNING):
        ws = await client.ws_connect("/_appcore/stream")
        await ws.send_json({"t": "hello", "session": None, "path": "/"})
        msg = await ws.receive(timeout=TIMEOUT)
    assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == aiohttp.WSCloseCode.TRY_AGAIN_LATER, msg
    assert sum("max_sessions" in line for line in logged(caplog)) == 1
    assert len(client.appcore.sessions) == 2
    await one.close()
    await until(lambda: not client.appcore.sessions[one.session["id"]].connected, what="the tab gone")
    three = await Tab.open(client)  # the session in its grace period makes room
    assert set(client.appcore.sessions) == {two.session["id"], three.session["id"]}
    await two.close()
    again = await Tab.open(client, session=two.session["id"])  # resuming needs no room
    assert again.session["id"] == two.session["id"]
    await again.close()
    await three.close()


BIG_STATE_APP = """
import appcore as st
if "blob" not in st.session_state:
    st.session_state.blob = bytes(3 * 1024 * 1024)  # 3 MB each session holds
st.markdown("held")
"""


async def test_sessions_whose_tab_went_away_share_a_memory_budget_the_oldest_leaving_first(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    client = await serve(BIG_STATE_APP, disconnected_sessions_mb=7, session_grace_seconds=600)
    tabs = [await Tab.open(client) for _ in range(3)]
    ids = [tab.session["id"] for tab in tabs]
    with caplog.at_level(logging.INFO):
        await tabs[0].close()
        await tabs[1].close()
        await until(lambda: not client.appcore.sessions[ids[1]].connected, what="two tabs gone")
        assert set(client.appcore.sessions) == set(ids), "6 MB waiting is within the 7 MB budget"
        await tabs[2].close()  # 9 MB waiting: the first to leave makes room
        await until(lambda: ids[0] not in client.appcore.sessions, what="the oldest session dropped")
    assert set(client.appcore.sessions) == set(ids[1:])
    assert any("disconnected_sessions_mb" in line and ids[0] in line for line in logged(caplog))
    back = await Tab.open(client, session=ids[2])  # the newest kept its state
    assert back.session["id"] == ids[2] and back.texts() == ["held"]
    assert client.appcore.sessions[ids[2]].state.values["blob"] == bytes(3 * 1024 * 1024)
    await back.close()


async def test_health_answers_while_hundreds_of_sockets_wait_without_a_hello(serve) -> None:  # type: ignore[no-untyped-def]
    client = await serve(max_connections_per_ip=50, hello_timeout_seconds=0.5)
    url = client.make_url("/_appcore/stream")
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as browser:
        sockets = await asyncio.gather(*(browser.ws_connect(url) for _ in range(50)))
        refused = await asyncio.gather(*(browser.ws_connect(url) for _ in range(200)))
        codes = await asyncio.gather(*(ws.receive(timeout=TIMEOUT) for ws in refused))
        assert {m.data for m in codes} == {aiohttp.WSCloseCode.TRY_AGAIN_LATER}
        started = time.perf_counter()
        assert (await client.get("/_appcore/health")).status == 200
        assert time.perf_counter() - started < 0.5
        closed = await asyncio.gather(*(ws.receive(timeout=TIMEOUT) for ws in sockets))
        assert {m.data for m in closed} == {aiohttp.WSCloseCode.POLICY_VIOLATION}
        for ws in [*sockets, *refused]:
            await ws.close()
    assert client.appcore.sessions == {}


@pytest.mark.parametrize("key", ["max_sessions", "max_connections_per_ip"])
def test_caps_are_whole_numbers_of_at_least_one(tmp_path: Path, key: str) -> None:
    from appcore.config import ConfigError
    (tmp_path / ".appcore").mkdir()
    (tmp_path / ".appcore" / "config.toml").write_text(f"[server]\n{key} = 0\n")
    with pytest.raises(ConfigError, match=key):
        Config.load(tmp_path)


# -- file routes ------------------------------------------------------------------------------------


SERVED = {"index.html": "text/html", "main.js": "text/javascript", "lib.mjs": "text/javascript",
          "style.css": "text/css", "data.json": "application/json", "main.js.map": "application/json",
          "logo.png": "image/png", "font.woff2": "font/woff2", "mod.wasm": "application/wasm",
          "sub/clip.mp4": "video/mp4"}
HIDDEN = [".env", "app.py", "app.py~", "app.py.bak", "app.pyw", "app.pyc", "notes.txt", "key.pem",
          ".git/config", ".hidden/main.js", "sub/.secret.js", "secret-link.js", "dot-link.js",
          "outside/evil.js", "sub/../.env", "%2Eenv", "sub%2F..%2F.env", "..%2Fsecret.js"]


@pytest.fixture
def component_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "component"
    (folder / "sub").mkdir(parents=True)
    for name in SERVED:
        (folder / name).write_text(f"content of {name}")
    for name in [".env", "app.py", "app.py~", "app.py.bak", "app.pyw", "app.pyc", "notes.txt", "key.pem",
                 "sub/.secret.js"]:
        (folder / name).write_text("SECRET")
    for name in [".git/config", ".hidden/main.js"]:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("SECRET")
    (tmp_path / "secret.js").write_text("SECRET")
    os.symlink(tmp_path / "secret.js", folder / "secret-link.js")  # out of the folder
    os.symlink(folder / ".env", folder / "dot-link.js")            # to a dot-file inside
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "evil.js").write_text("SECRET")
    os.symlink(tmp_path / "elsewhere", folder / "outside")         # a folder out of it
    return folder


async def test_the_component_route_serves_a_frontends_files_and_nothing_else(
        aiohttp_client, tmp_path: Path, component_folder: Path) -> None:  # type: ignore[no-untyped-def]
    class Component:
        @hookimpl
        def appcore_register_components(self, app: App) -> dict[str, Path]:
            return {"widget": component_folder}

    script = tmp_path / "app.py"
    script.write_text(COUNTER)
    app = App(script, Config(), plugins=[appcore_elements, appcore_control, Component()], autoload_plugins=False)
    client = await aiohttp_client(build_web_app(app))
    for name, content_type in SERVED.items():
        response = await client.get(f"/_appcore/components/widget/{name}")
        assert response.status == 200, name
        assert response.content_type == content_type, name
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    for name in HIDDEN:
        status, body = await raw_get(client, f"/_appcore/components/widget/{name}")
        assert status == 404, f"{name} answered {status}: {body[:80]!r}"
        assert "SECRET" not in body


@pytest.mark.parametrize("name", [".hidden.js", ".env", "sub/.x.css", "runtime.js~", "runtime.js.bak",
                                  "index.html"])
async def test_the_runtime_and_plugin_routes_serve_no_dot_file_or_backup(serve, name: str) -> None:  # type: ignore[no-untyped-def]
    client = await serve()
    plugin = client.appcore.element_urls["button"].split("/")[3]
    for route in ["/_appcore/static/", f"/_appcore/plugins/{plugin}/"]:
        status, _ = await raw_get(client, route + name)
        assert status == 404, route + name

