"""GET /_appcore/media/{id}: what a session's elements show, with range requests for
seeking, 404 once nothing shows it, and a sandbox for types a browser would run."""
from __future__ import annotations

from pathlib import Path

import appcore_media
import pytest

from appcore_test_wire import Tab, serve  # noqa: F401  (a fixture)

APP = """
import appcore as st
from appcore.plugin import media_url
if st.checkbox("show", value=True):
    st.markdown(media_url(bytes(range(256)) * 4, "audio/wav"))
    st.markdown(media_url(b"<html><script>alert(1)</script></html>", "text/html", file_name="page.html",
                          download=True))
"""


@pytest.fixture
def serve_media(serve):  # type: ignore[no-untyped-def]
    """``await serve_media(source=APP, **server)``: ``serve`` with the media plugin."""
    return lambda source=APP, **server: serve(source, extra_plugins=[appcore_media], **server)


async def test_a_file_is_served_whole_with_its_type_and_in_ranges_for_seeking(serve_media) -> None:  # type: ignore[no-untyped-def]
    client = await serve_media()
    tab = await Tab.open(client)
    audio, _page = tab.texts()
    whole = await client.get(audio)
    assert whole.status == 200 and whole.headers["Content-Type"] == "audio/wav"
    assert whole.headers["Accept-Ranges"] == "bytes" and await whole.read() == bytes(range(256)) * 4
    part = await client.get(audio, headers={"Range": "bytes=256-511"})
    assert part.status == 206 and part.headers["Content-Range"] == "bytes 256-511/1024"
    assert await part.read() == bytes(range(256))
    tail = await client.get(audio, headers={"Range": "bytes=-10"})
    assert tail.status == 206 and await tail.read() == bytes(range(246, 256))
    past = await client.get(audio, headers={"Range": "bytes=5000-"})
    assert past.status == 416 and past.headers["Content-Range"] == "bytes */1024"


async def test_a_download_is_an_attachment_and_html_is_sandboxed(serve_media) -> None:  # type: ignore[no-untyped-def]
    client = await serve_media()
    tab = await Tab.open(client)
    _audio, page = tab.texts()
    response = await client.get(page)
    assert response.headers["Content-Disposition"].startswith('attachment; filename="page.html"')
    assert response.headers["Content-Security-Policy"] == "sandbox"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_a_file_no_element_shows_any_more_is_404(serve_media) -> None:  # type: ignore[no-untyped-def]
    client = await serve_media()
    tab = await Tab.open(client)
    audio, _page = tab.texts()
    await tab.ws.send_json({"t": "widget", "id": tab.widget_id("checkbox", "show"), "value": False})
    await tab.until_idle()
    assert tab.texts() == []
    assert (await client.get(audio)).status == 404
    assert (await client.get("/_appcore/media/0123456789abcdef-0123456789abcdef01234567.wav")).status == 404
    assert (await client.get("/_appcore/media/..%2Fapp.py")).status == 404


async def test_a_file_on_disk_is_served_in_ranges_too(serve_media, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(bytes(range(200)))
    client = await serve_media(f"import appcore as st\nfrom appcore.plugin import media_url\n"
                               f"st.markdown(media_url({str(clip)!r}))")
    tab = await Tab.open(client)
    (url,) = tab.texts()
    part = await client.get(url, headers={"Range": "bytes=100-109"})
    assert part.status == 206 and part.headers["Content-Type"] == "video/mp4"
    assert await part.read() == bytes(range(100, 110))


async def test_media_urls_live_under_the_base_url_path(serve_media) -> None:  # type: ignore[no-untyped-def]
    client = await serve_media(base_url_path="/tools")
    tab = Tab(await client.ws_connect("/tools/_appcore/stream"))
    await tab.ws.send_json({"t": "hello", "session": None, "path": "/tools/"})
    await tab.until_idle()
    audio, _page = tab.texts()
    assert audio.startswith("/tools/_appcore/media/")
    assert (await client.get(audio)).status == 200


async def test_a_deferred_download_is_made_when_it_is_fetched(serve_media) -> None:  # type: ignore[no-untyped-def]
    client = await serve_media("""
import appcore as st
made = []
def report():
    made.append(1)
    return f"report number {len(made)}"
def broken():
    raise ValueError("no data today")
st.download_button("Report", report, file_name="report.txt")
st.download_button("Broken", broken)
""")
    tab = await Tab.open(client)
    urls = [props["url"] for type, props, _wid, _key in tab.elements.values() if type == "download_button"]
    first = await client.get(urls[0])
    assert first.status == 200 and await first.text() == "report number 1"
    assert first.headers["Cache-Control"] == "no-store"
    assert first.headers["Content-Disposition"].startswith('attachment; filename="report.txt"')
    assert await (await client.get(urls[0])).text() == "report number 2"  # made again at each download
    failed = await client.get(urls[1])
    assert failed.status == 500 and "ValueError: no data today" in await failed.text()
