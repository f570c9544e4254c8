"""bind="query-params", as Streamlit 1.67 binds a keyed widget to the URL: a parameter
the widget can take is its first value (each value read as 1.67 reads it), one it
cannot take is dropped; a change sets the parameter and a value back at the default
takes it away."""
from __future__ import annotations

import datetime

import pytest

from appcore.testing import AppTest

APP = """
import datetime
import appcore as st
st.text_input("Text", key="t", bind="query-params")
st.number_input("Number", key="n", bind="query-params")
st.checkbox("Check", key="c", bind="query-params")
st.multiselect("Many", ["a", "b", "c"], key="m", bind="query-params")
st.selectbox("One", ["x", "y"], key="s", bind="query-params")
st.slider("Range", 0, 10, (2, 5), key="r", bind="query-params")
st.date_input("Day", datetime.date(2026, 1, 1), key="d", bind="query-params")
st.text_input("Unbound", key="u")
"""


def values(at: AppTest) -> list:
    return [at.text_input(key="t").value, at.number_input[0].value, at.checkbox[0].value, at.multiselect[0].value,
            at.selectbox[0].value, at.slider[0].value, at.date_input[0].value]


def test_the_url_gives_each_bound_widget_its_first_value():
    at = AppTest.from_string(APP)
    at.query_params.update({"t": "from url", "n": "7", "c": "true", "m": ["a", "c"], "s": "y", "r": ["3", "4"],
                            "d": "2026-05-06", "u": "not bound"})
    at.run()
    assert values(at) == ["from url", 7.0, True, ["a", "c"], "y", (3, 4), datetime.date(2026, 5, 6)]
    assert at.text_input(key="u").value == ""


def test_a_parameter_the_widget_cannot_take_is_dropped_and_the_default_used():
    at = AppTest.from_string(APP)
    at.query_params.update({"n": "abc", "s": "zzz", "c": "maybe", "t": "ok"})
    at.run()
    assert not at.exception
    assert (at.number_input[0].value, at.checkbox[0].value, at.selectbox[0].value) == (0.0, False, "x")
    assert at.query_params == {"t": "ok"}


def test_changes_go_into_the_url_and_a_default_value_leaves_it():
    at = AppTest.from_string(APP).run()
    assert at.query_params == {}
    at.text_input(key="t").input("hello world").run()
    at.checkbox[0].check().run()
    at.multiselect[0].select("b").select("c").run()
    at.slider[0].set_range(1, 7).run()
    at.date_input[0].set_value(datetime.date(2026, 2, 3)).run()
    at.text_input(key="u").input("private").run()
    assert at.query_params == {"t": "hello world", "c": "true", "m": ["b", "c"], "r": ["1", "7"], "d": "2026-02-03"}
    at.checkbox[0].uncheck().run()
    at.text_input(key="t").input("").run()
    assert at.query_params == {"m": ["b", "c"], "r": ["1", "7"], "d": "2026-02-03"}


def test_a_value_from_the_url_survives_as_the_session_goes_on():
    at = AppTest.from_string(APP)
    at.query_params["n"] = "2.5"
    at.run()
    at.checkbox[0].check().run()
    assert at.number_input[0].value == 2.5
    assert at.query_params == {"n": "2.5", "c": "true"}


@pytest.mark.parametrize("call", ['st.text_input("T", bind="query-params")',
                                  'st.text_input("T", key="p", type="password", bind="query-params")'])
def test_binding_needs_a_key_and_no_password(call):
    at = AppTest.from_string(f"import appcore as st\n{call}").run()
    assert at.exception


def test_a_select_slider_and_feedback_bind_by_option_label_and_index():
    at = AppTest.from_string("""
import appcore as st
st.select_slider("Size", ["S", "M", "L", "XL"], value=("S", "M"), key="size", bind="query-params")
st.feedback("stars", key="stars", bind="query-params")
""")
    at.query_params.update({"size": ["M", "XL"], "stars": "3"})
    at.run()
    assert at.select_slider[0].value == ("M", "XL")
    assert at.feedback[0].value == 3
    at.select_slider[0].set_range("L", "XL").run()
    assert at.query_params == {"size": ["L", "XL"], "stars": "3"}
