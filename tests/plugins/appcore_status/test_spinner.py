"""st.spinner: a transient, as in Streamlit 1.67. AppTest's tree records nothing for it
(Streamlit 1.67's neither), the next element takes the place it would have had
without it, and the page is told to show it while the block runs and to hide it after."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest

from tests.helpers import error, run, width_error


def spinner_messages(at: AppTest) -> list[dict]:
    return [m for m in at._browser.messages if m["t"] == "spinner"]


def test_a_spinner_leaves_nothing_in_the_tree_and_takes_no_place():
    # Streamlit 1.67: main children {0: empty, 1: Text 'a', 2: Text 'b'}, no spinner node.
    at = run("""
        st.empty()
        with st.spinner("x"):
            st.text("a")
        st.text("b")
    """)
    assert [n.type for n in at.main.children] == ["empty", "text", "text"]
    assert [n.path for n in at.text] == [("main", 1), ("main", 2)]
    assert not at.get("spinner")


def test_the_page_is_told_to_show_it_where_the_next_element_goes_then_to_hide_it():
    at = run("""
        st.text("before")
        with st.spinner("Wait for **it**...", show_time=True):
            st.text("inside")
        st.text("after")
    """)
    shown, hidden = spinner_messages(at)
    assert (shown["show"], shown["at"], shown["text"], shown["show_time"], shown["width"]) == (
        True, "main.1", "Wait for **it**...", True, "content")
    assert "<strong>it</strong>" in shown["text_html"]
    assert (hidden["show"], hidden["id"]) == (False, shown["id"])


def test_it_is_hidden_when_the_block_raises_and_the_error_shows():
    at = run("""
        with st.spinner():
            raise ValueError("boom")
    """)
    assert [m["show"] for m in spinner_messages(at)] == [True, False]
    assert error(at) == "boom"


def test_the_default_text_and_any_text_become_strings():
    # Streamlit 1.67 accepts st.spinner(5) and st.spinner(None): its clean_text makes strings.
    at = run("""
        with st.spinner():
            pass
        with st.spinner(5):
            pass
    """)
    assert [m["text"] for m in spinner_messages(at) if m["show"]] == ["In progress...", "5"]


@pytest.mark.parametrize(("width", "message"), [
    ("0", width_error(0)),
    ("'wide'", width_error("wide")),
])
def test_a_bad_width_is_streamlits_error(width, message):
    at = run(f"with st.spinner('a', width={width}):\n    st.text('never')")
    assert error(at) == message
    assert not at.text


def test_a_sidebar_spinner_shows_in_the_sidebar():
    at = run("""
        st.sidebar.text("first")
        with st.sidebar.spinner("side"):
            pass
    """)
    assert spinner_messages(at)[0]["at"] == "sidebar.1"


def test_it_decorates_a_function_as_streamlits_does():
    at = run("""
        @st.spinner("Computing")
        def compute(x):
            return x * 2
        st.text(str(compute(4)))
        st.text(str(compute(5)))
    """)
    assert at.text.values == ["8", "10"]
    assert [(m["show"], m.get("text")) for m in spinner_messages(at)] == [
        (True, "Computing"), (False, None), (True, "Computing"), (False, None)]


@pytest.mark.parametrize("kind", ["spinner", "status"])
def test_a_spinner_or_a_status_in_a_container_and_a_fragment_shows_there(kind):
    at = run(f"""
        with st.container():
            st.text("in the box")
            with st.{kind}("boxed"):
                pass
        @st.fragment
        def part():
            with st.{kind}("fragment"):
                st.text("in the fragment")
        part()
    """)
    if kind == "spinner":  # a message saying where it shows, not an element
        shown = {m["text"]: m["at"] for m in spinner_messages(at) if m["show"]}
    else:
        shown = {s.label: ".".join(map(str, s.path)) for s in at.status}
    assert shown == {"boxed": "main.0.1", "fragment": "main.1.0"}
