"""st.expander as a user meets it; expected values and messages checked against Streamlit 1.67's AppTest."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from tests.helpers import BIND_ERROR, ICON_HINT, ON_CHANGE_ERROR, error, run, width_error


def test_an_expander_is_an_expander_node_with_label_and_icon_holding_what_is_drawn_in_it():
    at = run("""
        with st.expander("Details", icon=":material/info:"):
            st.write("inside")
        box = st.expander("Plain")
        box.button("Go")
    """)
    first, second = at.expander
    assert (first.type, first.label, first.icon) == ("expander", "Details", ":material/info:")
    assert first.markdown[0].value == "inside"
    assert (second.label, second.icon) == ("Plain", None)
    assert second.button[0].label == "Go"


def test_expanded_is_what_the_page_opens_it_with_and_a_plain_expander_has_no_open_state():
    at = run("""
        box = st.expander("E", expanded=True)
        st.write(repr(box.open))
    """)
    assert at.expander[0].props["expanded"] is True
    assert at.expander[0].id is None  # not a widget: the browser alone keeps it open or closed
    assert at.markdown[0].value == "None"


def test_expanders_nest():
    at = run("""
        with st.expander("outer"):
            with st.expander("inner"):
                st.write("x")
    """)
    assert [e.label for e in at.expander] == ["outer", "inner"]
    assert at.expander[0].expander[0].markdown[0].value == "x"


def test_on_change_makes_it_a_widget_whose_open_state_is_in_session_state_and_reruns():
    at = run("""
        box = st.expander("E", key="ex", on_change="rerun")
        st.write(f"open={box.open} state={st.session_state.ex}")
    """)
    assert at.markdown[0].value == "open=False state=False"
    at.send({"t": "widget", "id": at.expander[0].id, "value": True}).run()
    assert at.markdown[0].value == "open=True state=True"
    assert at.expander[0].props["value"] is True


def test_a_callback_runs_when_the_person_opens_it():
    at = run("""
        def opened():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        st.expander("E", on_change=opened)
        st.write(st.session_state.get("calls", 0))
    """)
    at.send({"t": "widget", "id": at.expander[0].id, "value": True}).run()
    assert at.markdown[0].value == "`1`"


def test_the_script_can_open_a_stateful_expander_through_session_state():
    at = run("""
        if st.button("open"):
            st.session_state.ex = True
        box = st.expander("E", key="ex", on_change="rerun")
        st.write(box.open)
    """)
    at.button[0].click().run()
    assert at.expander[0].props["value"] is True
    assert at.markdown[0].value == "`True`"


def test_a_stateful_expander_refuses_what_is_not_a_bool():
    at = run('st.expander("E", on_change="rerun")')
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.expander[0].id, "value": "yes"}).run()


@pytest.mark.parametrize("call, message", [
    ("st.expander(None)", "The `label` parameter is required."),
    ('st.expander("a", type="x")', "Invalid `type` value. Supported values: 'default', 'compact', 'step'."),
    ('st.expander("a", icon="bad")', f'The value "bad" is not a valid icon. {ICON_HINT}'),
    ('st.expander("a", width="content")', width_error("content", content=False)),
    ('st.expander("a", on_change=5)', ON_CHANGE_ERROR),
    ('st.expander("a", bind="x")', BIND_ERROR),
    ('st.expander("a", expanded="yes")', "'str' object cannot be interpreted as an integer"),
    ("st.expander(5)", "bad argument type for built-in operation"),
])
def test_bad_arguments_are_refused_with_streamlits_messages(call, message):
    assert error(run(call)) == message


def test_two_plain_expanders_may_share_a_label_but_two_stateful_ones_may_not():
    # Streamlit 1.67: only a widget has an id, so only stateful expanders collide.
    assert not run('st.expander("a"); st.expander("a")').exception
    assert "identical expander widgets" in error(run('st.expander("a", on_change="rerun"); '
                                                      'st.expander("a", on_change="rerun")'))


def test_a_key_used_twice_by_stateful_expanders_is_an_error():
    assert "Widget key 'k' is used twice" in error(run(
        'st.expander("a", key="k", on_change="rerun"); st.expander("b", key="k", on_change="rerun")'))


def test_the_label_is_markdown():
    at = run('st.expander("**bold** label")')
    assert "<strong>bold</strong>" in at.expander[0].props["label_html"]
