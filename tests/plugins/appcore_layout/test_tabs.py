"""st.tabs as a user meets it; expected values and messages checked against Streamlit 1.67's AppTest."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from tests.helpers import BIND_ERROR, ON_CHANGE_ERROR, error, height_error, run, width_error


def test_tabs_are_a_tab_container_of_tab_nodes_with_their_labels():
    at = run("""
        one, two = st.tabs(["One", "Two"])
        one.write("first")
        with two:
            st.button("second")
        st.write(type(st.tabs(["x"])).__name__)
    """)
    container = at.main[0]
    assert container.type == "tab_container"
    assert [t.type for t in container.children] == ["tab", "tab"]
    assert [t.label for t in at.tabs] == ["One", "Two", "x"]
    assert at.tabs[0].markdown[0].value == "first"
    assert at.tabs[1].button[0].label == "second"
    assert at.markdown[-1].value == "tuple"


def test_a_string_is_a_sequence_of_one_letter_tabs_as_in_streamlit():
    at = run('st.tabs("ab")')
    assert [t.label for t in at.tabs] == ["a", "b"]


def test_plain_tabs_are_not_a_widget_and_say_which_tab_the_page_opens_first():
    at = run("""
        tabs = st.tabs(["A", "B"], default="B")
        st.write(repr([t.open for t in tabs]))
    """)
    assert at.main[0].id is None
    assert at.main[0].props["default"] == 1
    assert at.markdown[0].value == "[None, None]"


def test_on_change_makes_tabs_a_widget_holding_the_open_tabs_label():
    at = run("""
        tabs = st.tabs(["A", "B", "C"], key="t", on_change="rerun", default="B")
        st.write(repr([t.open for t in tabs]), st.session_state.t)
    """)
    assert at.markdown[0].value == "[False, True, False] B"
    at.send({"t": "widget", "id": at.main[0].id, "value": "C"}).run()
    assert at.markdown[0].value == "[False, False, True] C"
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.main[0].id, "value": "D"}).run()
    assert at.markdown[0].value == "[False, False, True] C"


def test_a_stored_tab_no_longer_among_the_labels_starts_over_from_the_default():
    at = run("""
        labels = ["A", "B"] if not st.session_state.get("fewer") else ["A", "Z"]
        st.tabs(labels, key="t", on_change="rerun")
        st.write(st.session_state.t)
        st.session_state.fewer = st.session_state.t == "B"
    """)
    at.send({"t": "widget", "id": at.main[0].id, "value": "B"}).run()
    at.run()
    assert at.markdown[0].value == "A"


def test_a_callback_runs_when_the_person_switches_tab():
    at = run("""
        st.tabs(["A", "B"], on_change=lambda: st.session_state.update(switched=True))
        st.write(st.session_state.get("switched", False))
    """)
    at.send({"t": "widget", "id": at.main[0].id, "value": "B"}).run()
    assert at.markdown[0].value == "`True`"


@pytest.mark.parametrize("call, message", [
    ("st.tabs([])", "The `tabs` parameter is required. Provide at least one tab label."),
    ('st.tabs(["a", "b"], default="c")',
     "Invalid `default` value. Supported values: a tab label from `tabs`. `c` is not in the list of tabs."),
    ("st.tabs([1, 2])", "Invalid `tabs` type. Expected one of: a string for each tab label. Provided type: int."),
    ('st.tabs(["a"], on_change="x")', ON_CHANGE_ERROR),
    ('st.tabs(["a"], bind="x")', BIND_ERROR),
    ('st.tabs(["a", "a"], key="k", bind="query-params")',
     "Invalid `tabs` value. Supported values: unique labels. Tab labels must be unique when bind='query-params'."),
    ('st.tabs(["a"], width="content")', width_error("content", content=False)),
    ('st.tabs(["a"], height=0)', height_error(0)),
])
def test_bad_arguments_are_refused_with_streamlits_messages(call, message):
    assert error(run(call)) == message


def test_an_empty_default_means_the_first_tab():
    at = run('st.tabs(["a", "b"], default="")')
    assert not at.exception and at.main[0].props["default"] == 0


def test_tab_labels_are_markdown():
    at = run('st.tabs(["*it*", "plain"])')
    assert "<em>it</em>" in at.main[0].props["tabs_html"][0]
    assert at.main[0].props["tabs_html"][1] is None


@pytest.mark.parametrize("value", [1, None, ["A"], {"label": "A"}, True, "a"])
def test_stateful_tabs_refuse_anything_but_one_of_their_labels(value):
    at = run("""
        st.tabs(["A", "B"], key="t", on_change="rerun")
        st.write(st.session_state.t)
    """)
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.main[0].id, "value": value}).run()
    at.run()  # the session lives on, its value untouched
    assert at.markdown[0].value == "A"
