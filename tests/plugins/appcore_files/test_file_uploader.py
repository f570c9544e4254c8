"""st.file_uploader as a script and a test see it: Streamlit 1.67's signature, checks,
value (UploadedFile, None or []), type filter, cap and AppTest surface.

Each expected value or message was compared with Streamlit 1.67's AppTest running the
same script, unless the test says where appcore differs (docs/differences.md)."""
from __future__ import annotations

from io import BytesIO

import pytest

import appcore
from appcore.plugin import UploadedFile
from appcore.testing import AppTest
from appcore.testing.element_tree import AppTestError, FileUploader
from tests.helpers import recorded_signatures, run, signature, texts

SIGNATURES = recorded_signatures(__file__)["widgets"]


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_each_file_widget_has_streamlits_signature(name: str) -> None:
    at = run("")
    assert signature(at.app.api[name]) == SIGNATURES[name]
    assert name in dir(appcore)


SHOW = """
f = st.file_uploader("Report", type=["csv", "TXT"], key="report")
if f is None:
    st.markdown("none")
else:
    st.markdown(f"{f.name} {f.type} {f.size} {f.read(4)!r}")
"""


def test_the_value_is_none_then_an_uploaded_file_read_from_the_start_in_every_run() -> None:
    at = run(SHOW)
    uploader = at.file_uploader[0]
    assert isinstance(uploader, FileUploader) and uploader.type == "file_uploader"
    assert (uploader.value, texts(at)) == (None, ["none"])
    uploader.upload("data.csv", b"a,b\n1,2\n", "text/csv").run()
    assert texts(at) == ["data.csv text/csv 8 b'a,b\\n'"]
    value = at.file_uploader[0].value
    assert isinstance(value, UploadedFile) and isinstance(value, BytesIO)
    assert (value.name, value.type, value.size, value.getvalue()) == ("data.csv", "text/csv", 8, b"a,b\n1,2\n")
    assert value.file_id and repr(value).startswith(f"UploadedFile(file_id={value.file_id!r}, name='data.csv'")
    at.run()  # the script read 4 bytes last run: this run's file starts at 0 again
    assert texts(at) == ["data.csv text/csv 8 b'a,b\\n'"]
    assert at.session_state["report"] == value  # equal by file_id, as Streamlit's
    at.file_uploader[0].clear().run()
    assert (at.file_uploader[0].value, texts(at)) == (None, ["none"])
    assert len(at.session.uploads) == 0


def test_the_node_has_streamlits_attributes() -> None:
    at = run("""
        st.file_uploader("One", type=["jpg", " Image", "application/PDF", "TIF"], help="Pick one")
        st.file_uploader("Many", accept_multiple_files=True, key="many", disabled=True)
        st.file_uploader("Folder", accept_multiple_files="directory", label_visibility="collapsed")
    """)
    one, many, folder = at.file_uploader
    # Streamlit 1.67: ['image/*', 'application/pdf', '.jpg', '.tif', '.jpeg', '.tiff'] (MIME types first, pairs added).
    assert one.allowed_type == ["image/*", "application/pdf", ".jpg", ".tif", ".jpeg", ".tiff"]
    assert (one.label, one.help, one.form_id, one.key, one.disabled) == ("One", "Pick one", "", None, False)
    assert (one.accept_multiple_files, one.accept_directory) == (False, False)
    assert (many.accept_multiple_files, many.accept_directory, many.allowed_type, many.key, many.disabled) == (
        True, False, [], "many", True)
    assert (folder.accept_multiple_files, folder.accept_directory) == (True, True)
    assert many.value == [] and folder.value == [] and one.value is None
    assert at.get("file_uploader")[1] is not None and at.get_by_key("many").label == "Many"


def test_several_files_are_a_list_in_the_order_they_came() -> None:
    at = run("""
        files = st.file_uploader("Many", accept_multiple_files=True)
        st.markdown(", ".join(f"{f.name}={f.size}" for f in files) or "empty")
    """)
    at.file_uploader[0].set_value([("a.txt", b"1", "text/plain"), ("b.txt", b"22", "text/plain")]).run()
    assert texts(at) == ["a.txt=1, b.txt=2"]
    at.file_uploader[0].upload("c.bin", b"333").run()
    assert texts(at) == ["a.txt=1, b.txt=2, c.bin=3"]
    assert at.file_uploader[0].value[-1].type == "application/octet-stream"
    at.file_uploader[0].set_value(None).run()
    assert texts(at) == ["empty"] and at.file_uploader[0].value == []


def test_a_single_file_uploader_keeps_the_newest_file_as_a_drop_does() -> None:
    # appcore: a second upload replaces the first (the page does so); Streamlit's AppTest keeps the first.
    at = run(SHOW)
    at.file_uploader[0].upload("a.csv", b"first", "text/csv").upload("b.csv", b"second", "text/csv").run()
    assert texts(at) == ["b.csv text/csv 6 b'seco'"]
    assert [r.name for r in at.session.uploads.files_of(at.file_uploader[0].id)] == ["b.csv"]
    with pytest.raises(AppTestError, match="Only one file is allowed"):
        at.file_uploader[0].set_value([("a.csv", b"1", "text/csv"), ("b.csv", b"2", "text/csv")])


def test_a_file_of_another_type_is_refused_as_the_server_refuses_it() -> None:
    # Streamlit 1.67's AppTest sends it and the script fails with this same message.
    at = run(SHOW)
    with pytest.raises(AppTestError, match=r"Invalid file extension: `\.png`\. Allowed: \['\.csv', '\.txt'\]"):
        at.file_uploader[0].upload("picture.png", b"\x89PNG", "image/png")
    at.file_uploader[0].upload("NOTES.TXT", b"hello", "text/plain").run()
    assert texts(at) == ["NOTES.TXT text/plain 5 b'hell'"]


def test_mime_types_in_type_filter_by_the_type_the_browser_gives() -> None:
    at = run('f = st.file_uploader("Pictures", type="image")\nst.markdown(f.name if f else "none")')
    with pytest.raises(AppTestError, match="text/plain files are not allowed."):
        at.file_uploader[0].upload("notes.txt", b"x", "text/plain")
    at.file_uploader[0].upload("cat.webp", b"RIFF", "image/webp").run()
    assert texts(at) == ["cat.webp"]


def test_a_file_over_the_cap_is_refused_and_the_session_lives_on() -> None:
    at = run('f = st.file_uploader("Small", max_upload_size=1)\nst.markdown(str(f.size) if f else "none")')
    assert at.file_uploader[0].props["upload"]["max_bytes"] == 1024 * 1024
    with pytest.raises(AppTestError, match=r"File must be 1\.0MB or smaller\."):
        at.file_uploader[0].upload("big.bin", b"x" * (1024 * 1024 + 1))
    at.file_uploader[0].upload("ok.bin", b"x" * (1024 * 1024)).run()
    assert texts(at) == ["1048576"]


def test_the_default_cap_is_server_max_upload_mb() -> None:
    at = AppTest.from_string('import appcore as st\nst.file_uploader("F")')
    at.app.config.server.max_upload_mb = 200.0
    at.run()
    assert at.file_uploader[0].props["upload"]["max_bytes"] == 200 * 1024 * 1024


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "10"])
def test_max_upload_size_must_be_a_positive_integer(bad: object) -> None:
    at = run(f'st.file_uploader("F", max_upload_size={bad!r})')
    assert at.exception[0].message == ("Invalid `max_upload_size` value. Supported values: a positive integer. "
                                       "Set it to None to fall back to the `server.maxUploadSize` configuration option.")


def test_its_value_cannot_be_set_through_session_state() -> None:
    at = run('st.session_state.k = 1\nst.file_uploader("F", key="k")')
    assert at.exception[0].message == ("`st.session_state['k']` is read-only and cannot be assigned through "
                                       "session state. Use a different session state key for values you need to set.")


def test_on_change_runs_when_a_file_comes_and_when_it_goes() -> None:
    at = run("""
        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        f = st.file_uploader("F", on_change=changed, key="f")
        st.markdown(f"{f.size if f else -1} {st.session_state.get('calls', 0)}")
    """)
    at.file_uploader[0].upload("a.bin", b"12345").run()
    assert texts(at) == ["5 1"]
    at.run()
    assert texts(at) == ["5 1"]
    at.file_uploader[0].clear().run()
    assert texts(at) == ["-1 2"]


def test_a_disabled_uploader_takes_no_file() -> None:
    at = run('st.file_uploader("F", disabled=True)')
    with pytest.raises(AppTestError, match="Cannot update a disabled file_uploader widget"):
        at.file_uploader[0].upload("a.bin", b"1")


def test_in_a_form_the_files_arrive_with_the_submit() -> None:
    # appcore: the upload waits across runs for the submit; Streamlit's AppTest drops it after a run.
    at = run("""
        with st.form("f"):
            g = st.file_uploader("G", accept_multiple_files=True)
            st.form_submit_button("Go")
        st.markdown(str(len(g)))
    """)
    at.file_uploader[0].upload("a.bin", b"1").run()
    assert texts(at) == ["0"] and at.file_uploader[0].form_id == "f"
    at.button[0].click().run()
    assert texts(at) == ["1"]


def test_a_hostile_value_is_refused_and_changes_nothing() -> None:
    at = run(SHOW)
    wid = at.file_uploader[0].id
    for bad in ("file-0001", [1], [None], {"file_id": "x"}, ["not-uploaded-here"]):
        with pytest.raises(ValueError, match="the app refused"):
            at.send({"t": "widget", "id": wid, "value": bad}).run()
    first = at.session.uploads.put(wid, "a.csv", b"1", "text/csv")
    second = at.session.uploads.put(wid, "b.csv", b"2", "text/csv")
    with pytest.raises(ValueError, match="Only one file is allowed"):
        at.send({"t": "widget", "id": wid, "value": [first.file_id, second.file_id]}).run()
    assert texts(at) == ["none"]


def test_an_unmodified_streamlit_script_gets_streamlits_uploaded_file_class() -> None:
    at = AppTest.from_string("""
        import streamlit as st
        from streamlit.runtime.uploaded_file_manager import UploadedFile
        f = st.file_uploader("F")
        st.markdown(str(isinstance(f, UploadedFile)) if f else "none")
    """).run()
    at.file_uploader[0].upload("a.bin", b"1").run()
    assert texts(at) == ["True"]
