"""st.toast: Streamlit 1.67's node (``toast``, ``.value``, ``.icon``), durations, errors,
the handle that updates it, and toasts kept out of the page's flow (Streamlit draws
them in its event block). Checked against Streamlit 1.67's AppTest."""
from __future__ import annotations

import pytest

from appcore.testing.v1.element_tree import Toast

from tests.helpers import error, run


def test_toasts_have_streamlits_values_icons_and_durations():
    # Streamlit 1.67: ('Hello', '🎉', 4), ('x', '', 7), ('L', '', 10), ('I', '', 0)
    at = run("""
        st.toast("Hello", icon="🎉")
        st.toast("x", duration=7)
        st.toast("L", duration="long")
        st.toast("I", duration="infinite")
    """)
    assert [(t.value, t.icon, t.props["duration"]) for t in at.toast] == [
        ("Hello", "🎉", 4), ("x", "", 7), ("L", "", 10), ("I", "", 0)]
    assert isinstance(at.toast[0], Toast) and at.toast[0].type == "toast"


def test_the_handle_updates_its_toast_in_place():
    # Streamlit 1.67: one toast 'Two updated' with ':material/check:'.
    at = run("""
        t = st.toast("Two")
        t.toast("Two updated", icon=":material/check:")
        st.toast("Another")
    """)
    assert [(t.value, t.icon) for t in at.toast] == [("Two updated", ":material/check:"), ("Another", "")]
    first, second = at.toast
    assert first.props["id"] != second.props["id"]


def test_a_toast_takes_no_place_among_the_elements():
    at = run("""
        st.text("a")
        st.toast("between")
        with st.sidebar:
            st.toast("from the sidebar")
        st.text("b")
    """)
    assert [n.path for n in at.text] == [("main", 0), ("main", 1)]
    assert not at.sidebar.children
    assert [t.value for t in at.toast] == ["between", "from the sidebar"]


def test_the_same_toast_in_the_next_run_is_sent_again():
    # One-shot: the page must show it again, so it is not an unchanged element.
    at = run('st.toast("Saved")')
    first = at.toast[0].props["shot"]
    at.run()
    assert at.toast[0].props["shot"] != first


def test_the_body_is_markdown_rendered_on_the_server():
    at = run('st.toast("Saved **three** files")')
    assert "<strong>three</strong>" in at.toast[0].props["html"]


@pytest.mark.parametrize(("call", "message"), [
    ("st.toast('')", "The `body` parameter is required. Please provide a message."),
    ("st.toast('a', duration=0)", "Invalid `duration` value. Supported values: short, long, infinite, a positive integer."),
    ("st.toast('a', duration='x')", "Invalid `duration` value. Supported values: short, long, infinite, a positive integer."),
    ("st.toast('a', duration=2.5)", "Invalid `duration` value. Supported values: short, long, infinite, a positive integer."),
    ("st.toast('a', icon='nope')",
     'The value "nope" is not a valid icon. Please use a single emoji or a Material icon shortcode like '
     "`:material/thumb_up:`."),
])
def test_bad_values_raise_streamlits_errors(call, message):
    at = run(call)
    assert error(at).replace("\u200b", "") == message
    assert not at.toast


def test_any_body_becomes_text():
    # Streamlit 1.67: st.toast(None) shows 'None', st.toast(5) shows '5'.
    at = run("st.toast(None)\nst.toast(5)")
    assert [t.value for t in at.toast] == ["None", "5"]


def test_toasts_from_a_fragment_and_a_dialog():
    at = run("""
        @st.fragment
        def part():
            if st.button("Ping"):
                st.toast("pong")
        part()
        @st.dialog("D")
        def dialog():
            st.toast("from the dialog")
        if st.button("Open"):
            dialog()
    """)
    at.button[0].click().run()
    assert [t.value for t in at.toast] == ["pong"]
    at.button[1].click().run()
    assert [t.value for t in at.toast] == ["from the dialog"]
