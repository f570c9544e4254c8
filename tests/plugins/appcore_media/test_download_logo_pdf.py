"""st.download_button, st.logo and st.pdf as Streamlit 1.67 takes them (messages checked
against Streamlit 1.67.0's), and what the session serves for each."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from appcore.testing import AppTest

from .conftest import TIMEOUT, media_app, served


@pytest.mark.parametrize(("data", "mime", "content"), [
    ("'a,b\\n1,2'", "text/plain", b"a,b\n1,2"),
    ("b'\\x00\\x01'", "application/octet-stream", b"\x00\x01"),
    ("__import__('io').StringIO('text')", "text/plain", b"text"),
    ("__import__('io').BytesIO(b'raw')", "application/octet-stream", b"raw"),
])
def test_each_kind_of_data_is_served_as_an_attachment_of_its_type(data: str, mime: str, content: bytes):
    at = media_app(f"st.download_button('Get', {data}, file_name='out.dat')")
    (button,) = at.download_button
    assert type(button).__name__ == "DownloadButton" and button.type == "download_button"
    assert button.label == "Get" and button.value is False and button.help == ""
    file = served(at, button.props["url"])
    assert (file.data, file.mimetype, file.download, file.file_name) == (content, mime, True, "out.dat")


def test_mime_wins_and_a_file_opened_from_disk_names_itself(tmp_path: Path):
    report = tmp_path / "report.csv"
    report.write_text("x\n1\n")
    at = media_app(f"st.download_button('CSV', 'x', mime='text/csv')\n"
                   f"with open({str(report)!r}, 'rb') as f:\n    st.download_button('File', f)")
    given, opened = (served(at, b.props["url"]) for b in at.download_button)
    assert given.mimetype == "text/csv"
    assert (opened.file_name, opened.mimetype, opened.data) == ("report.csv", "text/csv", b"x\n1\n")


def test_a_click_reruns_with_true_and_calls_on_click_first():
    at = AppTest.from_string("""
        import appcore as st
        def counted():
            st.session_state.clicks = st.session_state.get("clicks", 0) + 1
        if st.download_button("Get", "data", on_click=counted, key="dl"):
            st.markdown(f"clicked after {st.session_state.clicks} callback(s)")
    """, default_timeout=TIMEOUT).run()
    at.download_button(key="dl").click().run()
    assert at.markdown[0].value == "clicked after 1 callback(s)"
    at.run()
    assert not at.markdown and at.download_button[0].value is False


def test_on_click_ignore_tells_the_page_not_to_rerun():
    at = media_app("st.download_button('Get', 'x', on_click='ignore')\nst.download_button('Again', 'y')")
    assert [b.props["ignore_rerun"] for b in at.download_button] == [True, False]


def test_a_function_is_called_when_the_file_is_fetched_not_when_the_script_runs():
    at = media_app("""
calls = []
def make():
    calls.append(1)
    return "made " + str(len(calls))
st.session_state.calls = calls
st.download_button("Report", make, file_name="report.txt", mime="text/plain")
st.download_button("Off", make, disabled=True)
""")
    on, off = at.download_button
    assert at.session_state.calls == [] and off.props["url"] is None
    file = served(at, on.props["url"])
    assert file.produce() == (b"made 1", "text/plain") and file.produce() == (b"made 2", "text/plain")
    at.run()
    assert at.download_button[0].props["url"] == on.props["url"]  # the same URL on every run


def test_the_logo_is_a_message_with_its_image_served_for_as_long_as_it_is_shown():
    import numpy as np  # noqa: F401  (the app uses it)

    at = AppTest.from_string("""
        import appcore as st
        import numpy as np
        st.logo(np.zeros((8, 24, 3), dtype=np.uint8), size="large", link="https://example.com",
                icon_image="🦖")
        st.button("again")
    """, default_timeout=TIMEOUT).run()
    (message,) = [m for m in at._browser.messages if m.get("t") == "logo"]
    assert (message["size"], message["link"], message["icon_image"]) == ("large", "https://example.com",
                                                                          {"kind": "emoji", "value": "🦖"})
    assert message["image"]["kind"] == "image"
    at.button[0].click().run()
    assert served(at, message["image"]["value"]).mimetype == "image/jpeg"


def test_a_pdf_is_shown_from_a_url_a_path_or_bytes(tmp_path: Path):
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(b"%PDF-1.4 tiny")
    at = media_app(f"st.pdf('https://example.com/a.pdf', height=600)\nst.pdf({str(paper)!r}, alt='Paper')\n"
                   "st.pdf(b'%PDF-1.4 bytes', height='stretch')")
    url, path, raw = at.get("pdf")
    assert url.props["url"] == "https://example.com/a.pdf" and url.props["height"] == 600
    assert served(at, path.props["url"]).data == b"%PDF-1.4 tiny" and path.props["alt"] == "Paper"
    assert served(at, raw.props["url"]).mimetype == "application/pdf" and raw.props["height"] == "stretch"


@pytest.mark.parametrize(("call", "message"), [
    ("st.download_button('d', 12)", "Invalid binary data format: <class 'int'>"),
    ("st.download_button('d', 'x', type='big')",
     "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
    ("st.download_button('d', 'y', on_click='bogus')",
     "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function."),
    ("st.form('f').download_button('d', 'x')",
     "`st.download_button()` can't be used in an `st.form()`.\n\nFor more information, refer to the\n"
     "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."),
    ("st.logo('https://x/l.png', link='ftp://x')",
     '"ftp://x" is not a valid URL. You must use a fully qualified domain beginning with "http://" or "https://".'),
    ("st.logo('https://x/l.png', size='huge')", "Invalid `size` value. Supported values: 'small', 'medium', 'large'."),
    ("st.logo('notafile')", "The image passed to st.logo is invalid - See [documentation]"
                            "(https://docs.streamlit.io/develop/api-reference/media/st.logo) for more information "
                            "on valid types"),
    ("st.logo('🦖', icon_image=12)", "The icon_image passed to st.logo is invalid"),
    ("st.pdf(None)", "The `data` parameter is required. Please provide a valid PDF file path, URL, bytes data, or "
                     "file-like object."),
    ("st.pdf('missing.pdf')", "Unable to read file 'missing.pdf'"),
    ("st.pdf(12)", "Invalid `data` type. Expected one of: str, Path, bytes, file-like object. Provided type: int. "
                   "A str can be a file path or a URL."),
])
def test_what_streamlit_refuses_is_refused_with_its_message(call: str, message: str):
    at = media_app(call)
    assert at.exception and message in at.exception[0].value
