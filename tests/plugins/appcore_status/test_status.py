"""st.status: Streamlit 1.67's node (``status``, ``.label``, ``.icon``, ``.state``), its
states on leaving the ``with`` block, ``update()`` and its errors. Expected values and
messages were checked against Streamlit 1.67's AppTest running the same scripts."""
from __future__ import annotations

import pytest

from appcore.testing.v1.element_tree import Status

from tests.helpers import error, run, width_error


def states(at) -> list[tuple[str, str, str]]:
    return [(s.label, s.state, s.icon) for s in at.status]


def test_leaving_the_block_normally_completes_it():
    # Streamlit 1.67: ('Working', 'complete', ':material/check:') with its Text child.
    at = run("""
        with st.status("Working") as s:
            st.text("inside")
    """)
    assert states(at) == [("Working", "complete", ":material/check:")]
    box = at.status[0]
    assert isinstance(box, Status) and box.type == "status"
    assert [n.value for n in box.children] == ["inside"]
    assert not at.expander  # a status is not an expander to AppTest


def test_a_status_not_used_as_a_block_keeps_its_state():
    at = run("""
        st.status("Two", state="complete", expanded=True)
        st.status("Three")
    """)
    assert states(at) == [("Two", "complete", ":material/check:"), ("Three", "running", "spinner")]
    assert at.status[0].props["expanded"] is True


def test_update_changes_the_label_state_and_expansion():
    at = run("""
        s = st.status("Three")
        s.update(label="Three!", state="error", expanded=True)
    """)
    assert states(at) == [("Three!", "error", ":material/error:")]
    assert at.status[0].props["expanded"] is True


def test_a_state_set_inside_the_block_stays():
    at = run("""
        with st.status("Checking") as s:
            s.update(state="error", label="Failed")
        with st.status("Quiet", state="complete"):
            pass
    """)
    assert states(at) == [("Failed", "error", ":material/error:"), ("Quiet", "complete", ":material/check:")]


def test_an_exception_makes_it_an_error_and_shows_below_it():
    # Streamlit 1.67: the status is 'error' and the exception is the next element of main.
    at = run("""
        with st.status("S"):
            st.text("x")
            raise ValueError("boom")
    """)
    assert states(at) == [("S", "error", ":material/error:")]
    assert [n.type for n in at.main.children] == ["status", "exception"]
    assert error(at) == "boom"


def test_st_stop_inside_leaves_it_running_as_streamlit_does():
    # Streamlit 1.67: 'running' with the spinner icon after st.stop() in the block.
    at = run("""
        with st.status("E"):
            st.text("x")
            st.stop()
    """)
    assert states(at) == [("E", "running", "spinner")]


def test_children_of_a_status_redraw_in_place_when_it_updates():
    at = run("""
        with st.status("Loading", expanded=True) as s:
            st.text("one")
            s.update(label="Half way")
            st.text("two")
    """)
    assert states(at) == [("Half way", "complete", ":material/check:")]
    assert at.status[0].text.values == ["one", "two"]


@pytest.mark.parametrize(("call", "message"), [
    ("st.status('a', state='x')", "Invalid `state` value. Supported values: 'running', 'complete', 'error'."),
    ("st.status('a', type='x')", "Invalid `type` value. Supported values: 'default', 'compact', 'step'."),
    ("st.status('a', width='content')", width_error("content", content=False)),
    ("s = st.status('a')\ns.update(state='bad')", "Invalid `state` value. Supported values: 'running', 'complete', 'error'."),
])
def test_bad_values_raise_streamlits_errors(call, message):
    assert error(run(call)) == message


def test_the_types_and_a_missing_label():
    # Streamlit 1.67: status(None) has the label ''; type 'compact' and 'step' are accepted.
    at = run("""
        st.status(None)
        st.status("c", type="compact")
        st.status("s", type="step")
    """)
    assert [(s.label, s.props["type"]) for s in at.status] == [("", "default"), ("c", "compact"), ("s", "step")]


def test_a_status_works_in_the_sidebar_and_a_dialog():
    # In a container and a fragment: test_spinner.py, with the spinner.
    at = run("""
        with st.sidebar.status("side"):
            pass
        @st.dialog("D")
        def dialog():
            with st.status("dialog"):
                pass
        if st.button("Open"):
            dialog()
    """)
    assert [s.label for s in at.sidebar.status] == ["side"]
    assert not at.main.status
    at.button[0].click().run()
    assert [(s.label, s.state) for s in at.dialog[0].status] == [("dialog", "complete")]


def test_a_rerun_redraws_the_box_but_not_its_unchanged_children():
    at = run("""
        with st.status("Same"):
            st.text("x")
    """)
    sent = len(at._browser.messages)
    at.run()
    ops = [op for m in at._browser.messages[sent:] if m["t"] == "delta" for op in m["ops"]]
    # Running while the block runs, complete after it (two draws in one tick send only the newest);
    # the text inside is what the page has, so it is not sent again.
    states = [(op[1], op[3]["state"]) for op in ops]
    assert states[-1] == ("main.0", "complete")
    assert set(states) <= {("main.0", "running"), ("main.0", "complete")}
