"""PUT /_appcore/upload/{session}/{file_id}: bound to the session's token, capped in size
by the header and while streaming, held to the widget's types, refused across origins,
and released when the widget drops the file or the session ends."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import quote

import appcore_files
import pytest

from appcore.config import Config
from appcore.runtime.uploads import MEGABYTE, Upload, UploadRefused, UploadSpec, Uploads
from appcore.server.uploads import TOKEN_HEADER

from appcore_test_wire import Tab, serve  # noqa: F401  (a fixture)

UPLOADS_APP = """
import appcore as st
show = st.checkbox("Show the uploader", value=True)
if show:
    f = st.file_uploader("Report", type=["csv", "txt"], max_upload_size=1)
    if f is not None:
        st.markdown(f"{f.name}: {f.size} bytes of {f.type}, starting {f.read(4)!r}")
    else:
        st.markdown("nothing yet")
"""


@pytest.fixture
def serve_uploads(serve):  # type: ignore[no-untyped-def]
    """``await serve_uploads(source=UPLOADS_APP, **server)``: ``serve`` with the files plugin."""
    return lambda source=UPLOADS_APP, **server: serve(source, extra_plugins=[appcore_files], **server)


def upload_url(tab: Tab, widget_id: str, file_id: str = "file-0001", name: str = "data.csv") -> str:
    return f"/_appcore/upload/{tab.session['id']}/{file_id}?widget={quote(widget_id)}&name={quote(name)}"


async def put(client: Any, tab: Tab, body: Any = b"a,b\n1,2\n", *, token: str | None = "own", file_id: str = "file-0001",
              name: str = "data.csv", widget: str | None = None, headers: dict[str, str] | None = None) -> Any:
    widget_id = widget if widget is not None else tab.widget_id("file_uploader", "Report")
    sent = {"Content-Type": "text/csv", **(headers or {})}
    if token == "own":
        sent[TOKEN_HEADER] = tab.session["upload_token"]
    elif token is not None:
        sent[TOKEN_HEADER] = token
    return await client.put(upload_url(tab, widget_id, file_id, name), data=body, headers=sent)


def session_of(client: Any, tab: Tab) -> Any:
    return client.appcore.sessions[tab.session["id"]]


async def test_a_file_put_with_the_sessions_token_reaches_the_script(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    tab = await Tab.open(client)
    assert tab.texts() == ["nothing yet"]
    response = await put(client, tab)
    assert response.status == 200
    info = await response.json()
    assert info == {"file_id": "file-0001", "name": "data.csv", "size": 8, "type": "text/csv"}
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("file_uploader", "Report"), "value": ["file-0001"]})
    await tab.until_idle()
    assert tab.texts() == ["data.csv: 8 bytes of text/csv, starting b'a,b\\n'"]
    # The page is told what the widget holds: what it needs to draw the file's chip.
    props = tab.elements[[p for p, e in tab.elements.items() if e[0] == "file_uploader"][0]][1]
    assert props["value"] == [info]
    assert props["upload"] == {"types": [".csv", ".txt"], "max_bytes": MEGABYTE, "multiple": False}


async def test_another_sessions_token_a_forged_one_or_none_is_refused(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    mine, other = await Tab.open(client), await Tab.open(client)
    assert mine.session["upload_token"] != other.session["upload_token"]
    for token in (other.session["upload_token"], "forged-token-of-the-right-length-000", None):
        response = await put(client, mine, token=token)
        assert response.status == 403, token
        assert (await response.json())["error"] == "the upload token is not this session's"
    # A session that does not exist (or a guessed id) is 404, whatever the token.
    response = await client.put(f"/_appcore/upload/no-such-session/file-0001?widget=x&name=a.csv", data=b"x",
                                headers={TOKEN_HEADER: mine.session["upload_token"]})
    assert response.status == 404
    assert len(session_of(client, mine).uploads) == 0 and len(session_of(client, other).uploads) == 0


async def test_a_refused_upload_costs_a_session_without_an_uploader_nothing(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads('import appcore as st\nst.markdown("no uploader here")\n')
    tab = await Tab.open(client)
    for token in ("forged-token-of-the-right-length-000", None):
        response = await put(client, tab, token=token, widget="w")
        assert response.status == 403, token
    # Its uploads' store is made by a widget or an upload that carries the token, not before.
    assert session_of(client, tab)._uploads is None
    assert (await put(client, tab, widget="w")).status == 404  # the token is right; no such widget
    assert session_of(client, tab)._uploads is not None


async def test_a_cross_origin_put_is_refused_and_the_pages_own_origin_is_not(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    tab = await Tab.open(client)
    evil = await put(client, tab, headers={"Origin": "http://evil.example"})
    assert evil.status == 403
    assert "Origin http://evil.example is not allowed" in (await evil.json())["error"]
    other_port = await put(client, tab, file_id="file-0002", headers={"Origin": f"http://localhost:{client.port + 1}"})
    assert other_port.status == 403
    own = await put(client, tab, file_id="file-0003", headers={"Origin": f"http://localhost:{client.port}"})
    assert own.status == 200
    assert [r.file_id for r in session_of(client, tab).uploads.files_of(tab.widget_id("file_uploader", "Report"))] \
        == ["file-0003"]


async def test_a_put_naming_another_host_is_refused_by_the_door(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    tab = await Tab.open(client)
    response = await put(client, tab, headers={"Host": f"evil.example:{client.port}"})
    assert response.status == 400
    assert len(session_of(client, tab).uploads) == 0


async def test_a_declared_length_over_the_cap_is_refused_before_the_body_is_sent(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    """The server answers 413 on the headers alone: the client never sends a byte of the body."""
    client = await serve_uploads()
    tab = await Tab.open(client)
    widget_id = tab.widget_id("file_uploader", "Report")
    reader, writer = await asyncio.open_connection("127.0.0.1", client.port)
    head = (f"PUT {upload_url(tab, widget_id)} HTTP/1.1\r\nHost: localhost:{client.port}\r\n"
            f"Content-Type: text/csv\r\n{TOKEN_HEADER}: {tab.session['upload_token']}\r\n"
            f"Content-Length: {5 * MEGABYTE}\r\n\r\n")
    writer.write(head.encode())
    await writer.drain()
    answer = (await asyncio.wait_for(reader.read(4096), 5)).decode()
    writer.close()
    assert answer.startswith("HTTP/1.1 413"), answer
    assert "File must be 1.0MB or smaller." in answer
    assert len(session_of(client, tab).uploads) == 0


async def test_a_body_over_the_cap_without_a_length_is_cut_off_and_the_session_lives_on(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    tab = await Tab.open(client)

    async def chunks():  # chunked transfer: no Content-Length to refuse it by
        for _ in range(40):
            yield b"x" * 65536

    response = await put(client, tab, chunks())
    assert response.status == 413
    assert (await response.json())["error"] == "File must be 1.0MB or smaller."
    assert len(session_of(client, tab).uploads) == 0
    # The same session takes the next file, and its script runs on.
    assert (await put(client, tab, file_id="file-0002")).status == 200
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("file_uploader", "Report"), "value": ["file-0002"]})
    await tab.until_idle()
    assert tab.texts() == ["data.csv: 8 bytes of text/csv, starting b'a,b\\n'"]


def test_an_upload_refuses_the_chunk_that_crosses_the_cap_and_holds_no_more() -> None:
    uploads = Uploads()
    uploads.expect("w", UploadSpec(None, 100))
    upload = uploads.begin("w", "file-0001", "a.bin", "application/octet-stream")
    upload.write(b"x" * 60)
    with pytest.raises(UploadRefused, match="File must be 100.0B or smaller."):
        upload.write(b"x" * 60)
    assert upload.size == 120 and sum(map(len, upload._chunks)) == 60
    upload.abort()
    assert len(uploads) == 0
    assert uploads.put("w", "b.bin", b"y" * 100).data == b"y" * 100  # the id is free again, the cap is inclusive


async def test_a_file_of_a_type_the_widget_does_not_take_is_refused(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    tab = await Tab.open(client)
    response = await put(client, tab, name="run.exe", headers={"Content-Type": "application/x-msdownload"})
    assert response.status == 415
    assert (await response.json())["error"] == "Invalid file extension: `.exe`. Allowed: ['.csv', '.txt']"
    # Upper case is the same extension; a null byte is never a name.
    assert (await put(client, tab, name="DATA.CSV")).status == 200
    assert (await put(client, tab, file_id="file-0002", name="a.exe\x00.csv")).status == 400


async def test_ids_the_widget_does_not_hold_are_refused(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads()
    tab = await Tab.open(client)
    assert (await put(client, tab, widget="$$ID-no-such-widget")).status == 404
    assert (await put(client, tab, widget=tab.widget_id("checkbox", "Show the uploader"))).status == 404
    assert (await put(client, tab, file_id="short")).status == 400
    assert (await put(client, tab)).status == 200
    assert (await put(client, tab)).status == 409  # the same id again
    # A value naming a file this widget never got is refused, and changes nothing.
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("file_uploader", "Report"), "value": ["file-9999"]})
    await tab.quiet()
    assert tab.texts() == ["nothing yet"]


async def test_files_are_released_when_dropped_when_the_widget_goes_and_when_the_session_ends(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads(session_grace_seconds=0.01)
    tab = await Tab.open(client)
    session = session_of(client, tab)
    widget_id = tab.widget_id("file_uploader", "Report")

    async def choose(*ids: str) -> None:
        await tab.ws.send_json({"t": "widget", "id": widget_id, "value": list(ids)})
        await tab.until_idle()

    assert (await put(client, tab, file_id="file-0001")).status == 200
    await choose("file-0001")
    # A second file replaces the first: the value names only it, and the first is released.
    assert (await put(client, tab, b"b" * 10, file_id="file-0002")).status == 200
    await choose("file-0002")
    assert [r.file_id for r in session.uploads.files_of(widget_id)] == ["file-0002"]
    assert session.uploads.bytes_held == 10
    # The remove button: the value is empty, the file released.
    await choose()
    assert len(session.uploads) == 0 and tab.texts() == ["nothing yet"]
    # The widget is no longer drawn: its files go with it.
    assert (await put(client, tab, file_id="file-0003")).status == 200
    await choose("file-0003")
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("checkbox", "Show the uploader"), "value": False})
    await tab.until_idle()
    assert len(session.uploads) == 0
    assert (await put(client, tab, file_id="file-0004", widget=widget_id)).status == 404
    # The session ends: everything it held is released.
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("checkbox", "Show the uploader"), "value": True})
    await tab.until_idle()
    assert (await put(client, tab, file_id="file-0005")).status == 200
    await tab.close()
    deadline = asyncio.get_running_loop().time() + 5
    while session.id in client.appcore.sessions and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)
    assert session.id not in client.appcore.sessions
    assert len(session.uploads) == 0
    assert (await put(client, tab, file_id="file-0006", widget=widget_id)).status == 404


async def test_the_cap_is_server_max_upload_mb_unless_the_widget_sets_one(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads('import appcore as st\nst.file_uploader("Report")\n', max_upload_mb=0.001)
    tab = await Tab.open(client)
    props = next(e[1] for e in tab.elements.values() if e[0] == "file_uploader")
    assert props["upload"]["max_bytes"] == int(0.001 * MEGABYTE)
    assert (await put(client, tab, b"x" * 1049)).status == 413
    assert (await put(client, tab, b"x" * 1048, file_id="file-0002", name="any.bin")).status == 200


async def test_a_disabled_widget_takes_no_file_and_keeps_the_one_it_has(serve_uploads) -> None:  # type: ignore[no-untyped-def]
    client = await serve_uploads("""
import appcore as st
locked = st.checkbox("Lock")
f = st.file_uploader("Report", disabled=locked)
st.markdown(f.name if f else "nothing yet")
""")
    tab = await Tab.open(client)
    assert (await put(client, tab)).status == 200
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("file_uploader", "Report"), "value": ["file-0001"]})
    await tab.until_idle()
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("checkbox", "Lock"), "value": True})
    await tab.until_idle()
    response = await put(client, tab, file_id="file-0002")
    assert response.status == 403 and (await response.json())["error"] == "this widget is disabled"
    assert tab.texts() == ["data.csv"]


def test_an_upload_is_a_whole_in_memory_file_after_it_finishes() -> None:
    uploads = Uploads()
    uploads.expect("w", UploadSpec(None, 1000))
    upload: Upload = uploads.begin("w", "file-0001", "a.bin", "")
    for piece in (b"ab", b"cd"):
        upload.write(piece)
    record = upload.finish()
    assert (record.data, record.type) == (b"abcd", "application/octet-stream")
    [file] = uploads.claim("w", ["file-0001"])
    assert file.read() == b"abcd" and file.fresh().read(2) == b"ab"


def test_the_cap_comes_from_streamlits_max_upload_size_and_appcores_own_key_wins(tmp_path: Path) -> None:
    assert Config().server.max_upload_mb == 200.0  # Streamlit's server.maxUploadSize default
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[server]\nmaxUploadSize = 7\n")
    assert Config.load(tmp_path, env={}).server.max_upload_mb == 7.0
    assert Config.load(tmp_path, env={"STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "5"}).server.max_upload_mb == 5.0
    assert Config.load(tmp_path, env={"STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "5",
                                      "APPCORE_SERVER_MAX_UPLOAD_MB": "3"}).server.max_upload_mb == 3.0
