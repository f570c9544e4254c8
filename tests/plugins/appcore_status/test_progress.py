"""st.progress: values, Streamlit's errors, the handle that moves the bar, and a loop's
updates reaching the page while the loop still runs. Expected values and messages
were checked against Streamlit 1.67's AppTest running the same scripts."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from appcore.testing.v1.element_tree import Progress

from tests.helpers import error, run, width_error


def test_an_int_is_a_percentage_and_a_float_a_fraction():
    # Streamlit 1.67: [(40, ''), (25, 'Quarter'), (100, ''), (0, '')]
    at = run("""
        st.progress(40)
        st.progress(0.255, text="Quarter")
        st.progress(1.0000000000000013)
        st.progress(-0.0000000000021)
    """)
    assert [(p.value, p.text) for p in at.progress] == [(40, ""), (25, "Quarter"), (100, ""), (0, "")]
    assert isinstance(at.progress[0], Progress) and at.progress[0].type == "progress"


@pytest.mark.parametrize(("call", "message"), [
    ("st.progress(101)", "The `value` parameter, set to 101, is outside the required range [0, 100]."),
    ("st.progress(-1)", "The `value` parameter, set to -1, is outside the required range [0, 100]."),
    ("st.progress(1.5)", "The `value` parameter, set to 1.5, is outside the required range [0.0, 1.0]."),
    ("st.progress('a')", "Invalid `value` type. Expected one of: int, float. Provided type: str."),
    ("st.progress(None)", "Invalid `value` type. Expected one of: int, float. Provided type: NoneType."),
    ("st.progress(0.5, text=3)", "Invalid `text` type. Expected one of: str. Provided type: int."),
    ("st.progress(50, width=0)", width_error(0, content=False)),
    ("st.progress(50, width='content')", width_error("content", content=False)),
])
def test_bad_values_raise_streamlits_errors(call, message):
    at = run(call)
    assert error(at) == message
    assert not at.progress


def test_the_handle_moves_the_same_bar_and_keeps_its_place():
    at = run("""
        bar = st.progress(0, text="Starting")
        st.markdown("below")
        for percent in (10, 55, 90):
            bar.progress(percent, text=f"{percent}% done")
    """)
    assert [(p.value, p.text) for p in at.progress] == [(90, "90% done")]
    assert [n.type for n in at.main.children] == ["progress", "markdown"]


def test_the_text_is_markdown_rendered_on_the_server():
    at = run('st.progress(5, text="Loading **data**")')
    assert at.progress[0].text == "Loading **data**"
    assert "<strong>data</strong>" in at.progress[0].props["text_html"]


def test_empty_on_the_handle_takes_the_bar_away():
    at = run("bar = st.progress(30)\nbar.empty()")
    assert not at.progress


def test_a_bar_draws_in_any_container_and_the_sidebar():
    at = run("""
        st.sidebar.progress(20, text="side")
        with st.container():
            st.progress(30, text="boxed")
        @st.fragment
        def part():
            st.progress(40, text="fragment")
        part()
    """)
    assert [p.text for p in at.sidebar.progress] == ["side"]
    assert [p.text for p in at.main.progress] == ["boxed", "fragment"]
    assert at.container[0].progress[0].value == 30


def test_a_bar_draws_in_a_dialog():
    at = run("""
        @st.dialog("Working")
        def work():
            st.progress(70, text="in the dialog")
        if st.button("Open"):
            work()
    """)
    at.button[0].click().run()
    assert [p.text for p in at.dialog[0].progress] == ["in the dialog"]


def test_each_update_of_a_loop_reaches_the_page_while_the_loop_runs(gates):
    at = AppTest.from_string("""
import appcore as st
import appcore_test_gates as gates
bar = st.progress(0, text="Step 0")
for step in range(1, 4):
    getattr(gates, f"step{step}").arrive()
    bar.progress(step * 25, text=f"Step {step}")
st.markdown("done")
""").run()
    steps = [gates.step1, gates.step2, gates.step3]
    for gate in steps:
        gate.close()
    try:
        at.session.handle_message({"t": "rerun"})
        for number, gate in enumerate(steps, start=1):
            gate.wait_arrival()
            at.session.flush()  # what the server has sent so far: the loop is held at this gate
            assert [(p.value, p.text) for p in at.progress] == [((number - 1) * 25, f"Step {number - 1}")]
            gate.open()
    finally:
        for gate in steps:
            gate.open()
    at._wait(5)
    assert [(p.value, p.text) for p in at.progress] == [(75, "Step 3")]
    assert at.markdown[0].value == "done"
