"""st.chat_input(accept_file=...): a message carries its attachments as UploadedFiles;
the file type and size the widget names are enforced; the next message releases
the last one's files; a submit naming a file nobody uploaded is refused."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from appcore.testing.element_tree import AppTestError

APP = """
import appcore as st
message = st.chat_input("Ask", accept_file={accept!r}, file_type={types!r}, max_upload_size=1)
if message:
    st.write(f"text: {{message.text!r}}")
    for f in message.files:
        st.write(f"file: {{f.name}} {{f.type}} {{f.size}} {{f.getvalue()!r}}")
"""


def app(accept="multiple", types=None) -> AppTest:
    return AppTest.from_string(APP.format(accept=accept, types=types)).run()


def lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_a_message_brings_its_files_and_text() -> None:
    at = app()
    at.chat_input[0].upload("notes.txt", b"hello", "text/plain").upload("data.csv", b"a,b\n1,2", "text/csv")
    at.chat_input[0].set_value("summarise these").run()
    assert lines(at) == ["text: 'summarise these'", "file: notes.txt text/plain 5 b'hello'",
                         "file: data.csv text/csv 7 b'a,b\\n1,2'"]
    at.run()
    assert lines(at) == [], "a chat message is for the run that handles it"


def test_files_alone_are_a_message_and_one_file_mode_keeps_the_last() -> None:
    at = app(accept=True)
    at.chat_input[0].upload("a.txt", b"a", "text/plain").upload("b.txt", b"b", "text/plain").run()
    assert lines(at) == ["text: ''", "file: b.txt text/plain 1 b'b'"]


def test_the_next_message_releases_the_last_ones_files() -> None:
    at = app()
    at.chat_input[0].upload("big.bin", b"x" * 1000).set_value("one").run()
    uploads = at.session.uploads
    assert uploads.bytes_held == 1000
    at.chat_input[0].set_value("two").run()
    assert lines(at) == ["text: 'two'"]
    assert uploads.bytes_held == 0


def test_the_widgets_type_and_size_are_enforced() -> None:
    at = app(types=["pdf"])
    with pytest.raises(AppTestError, match=r"Invalid file extension: `\.txt`"):
        at.chat_input[0].upload("notes.txt", b"hello", "text/plain")
    with pytest.raises(AppTestError, match=r"File must be 1\.0MB or smaller"):
        at.chat_input[0].upload("big.pdf", b"x" * (1024 * 1024 + 1), "application/pdf")
    at.chat_input[0].upload("ok.pdf", b"%PDF", "application/pdf").run()
    assert lines(at)[1] == "file: ok.pdf application/pdf 4 b'%PDF'"


def test_a_file_uploaded_to_another_widget_is_refused_and_the_session_lives() -> None:
    at = AppTest.from_string("""
import appcore as st
first = st.chat_input("One", accept_file=True, key="one")
second = st.chat_input("Two", accept_file=True, key="two")
st.write(f"first: {first and first.files[0].name}")
""").run()
    stranger = at.session.uploads.put(at.chat_input[1].id, "x.txt", b"x", "text/plain").file_id
    with pytest.raises(ValueError, match="was uploaded to this widget"):
        at.send({"t": "widget", "id": at.chat_input[0].id, "value": {"text": "hi", "files": [stranger]}}).run()
    at.chat_input[0].upload("mine.txt", b"m", "text/plain").set_value("again").run()
    assert at.markdown[0].value == "first: mine.txt"


def test_without_accept_file_upload_says_how_to_turn_it_on() -> None:
    at = AppTest.from_string('import appcore as st\nst.chat_input("Ask")').run()
    with pytest.raises(AppTestError, match="does not accept files"):
        at.chat_input[0].upload("a.txt", b"a")
