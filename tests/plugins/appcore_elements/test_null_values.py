"""A widget's codec refuses ``null`` unless None is a value its definition can return.

A crafted ``{"t": "widget", "id": ..., "value": null}`` must never hand app code
None where the call promised a string, a number, a date or an option.
"""
from __future__ import annotations

import pytest

from appcore.testing import AppTest

# (call, its element type): widgets whose value can never be None.
NEVER_NONE = [
    ('st.text_input("w")', "text_input"),
    ('st.text_input("w", value="x")', "text_input"),
    ('st.text_input("w", type="password")', "text_input"),
    ('st.text_area("w")', "text_area"),
    ('st.text_area("w", value="x")', "text_area"),
    ('st.number_input("w")', "number_input"),
    ('st.number_input("w", value=3)', "number_input"),
    ('st.slider("w")', "slider"),
    ('st.slider("w", value=(2, 5))', "slider"),
    ('st.selectbox("w", ["a", "b"])', "selectbox"),
    ('st.radio("w", ["a", "b"])', "radio"),
    ('st.multiselect("w", ["a", "b"])', "multiselect"),
    ('st.checkbox("w")', "checkbox"),
    ('st.toggle("w")', "toggle"),
    ('st.color_picker("w")', "color_picker"),
    ('st.date_input("w", value=datetime.date(2024, 1, 2))', "date_input"),
    ('st.date_input("w", value=(datetime.date(2024, 1, 2), datetime.date(2024, 1, 5)))', "date_input"),
    ('st.time_input("w", value=datetime.time(9, 30))', "time_input"),
    ('st.button("w")', "button"),
]

# Widgets given value=None (or index=None): None is what they return until set.
MAY_BE_NONE = [
    ('st.text_input("w", value=None)', "text_input"),
    ('st.text_area("w", value=None)', "text_area"),
    ('st.number_input("w", value=None)', "number_input"),
    ('st.selectbox("w", ["a", "b"], index=None)', "selectbox"),
    ('st.radio("w", ["a", "b"], index=None)', "radio"),
    ('st.date_input("w", value=None)', "date_input"),
    ('st.time_input("w", value=None)', "time_input"),
]


def app(call: str) -> AppTest:
    return AppTest.from_string(f"""
        import datetime
        import appcore as st
        value = {call}
        st.session_state.seen = value
        st.markdown(repr(value))
    """).run()


@pytest.mark.parametrize("call, type", NEVER_NONE, ids=[c for c, _ in NEVER_NONE])
def test_null_is_refused_by_a_widget_that_never_returns_none(refuses, call, type):
    at = app(call)
    before = at.session_state["seen"]
    assert before is not None
    refuses(at, {"t": "widget", "id": getattr(at, type)[0].id, "value": None}, match="refused")
    at.run()
    assert at.session_state["seen"] == before


def test_null_is_refused_by_a_form_submit_button(refuses):
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            st.session_state.sent = st.form_submit_button("Send")
    """).run()
    refuses(at, {"t": "widget", "id": at.button[0].id, "value": None}, match="refused")


@pytest.mark.parametrize("call, type", MAY_BE_NONE, ids=[c for c, _ in MAY_BE_NONE])
def test_null_is_taken_by_a_widget_whose_value_may_be_none(call, type):
    at = app(call)
    assert at.session_state["seen"] is None
    at.send({"t": "widget", "id": getattr(at, type)[0].id, "value": None}).run()
    assert at.session_state["seen"] is None and at.markdown[0].value == "None"


def test_a_text_field_the_script_set_to_none_may_be_sent_none():
    at = AppTest.from_string("""
        import appcore as st
        if "t" not in st.session_state:
            st.session_state.t = None
        st.session_state.seen = st.text_input("w", key="t")
    """).run()
    assert at.session_state["seen"] is None
    at.send({"t": "widget", "id": at.text_input[0].id, "value": "x"}).run()
    assert at.session_state["seen"] == "x"
