"""What every input widget shares, as a user meets it: Streamlit 1.67's signatures,
its checks of label_visibility, width, on_change, disabled, key, bind and
persist_state with its messages, on_change="ignore", width reaching the browser,
and values from the browser outside a widget's definition refused while the
session lives on (DESIGN.md §4)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import appcore
from appcore.runtime.session import BadMessage
from appcore.testing import AppTest
from tests import helpers
from tests.helpers import BIND_ERROR, ON_CHANGE_ERROR, error, recorded_signatures, send, signature, width_error

SIGNATURES = recorded_signatures(__file__)["widgets"]

# A minimal call of each widget, with the arguments that follow the label.
CALLS = {
    "button": "", "checkbox": "", "toggle": "", "text_input": "", "text_area": "", "number_input": "",
    "slider": "", "radio": ', ["a", "b"]', "selectbox": ', ["a", "b"]', "multiselect": ', ["a", "b"]',
    "date_input": ", dt.date(2024, 5, 1)", "time_input": ", dt.time(8)",
    "datetime_input": ", dt.datetime(2024, 5, 1, 8, 30)", "color_picker": "",
    "select_slider": ', ["a", "b"]', "pills": ', ["a", "b"]', "segmented_control": ', ["a", "b"]',
    "menu_button": ', ["a", "b"]',
}
# Widgets without a label (checked in their own tests: test_surface_widgets.py).
NO_LABEL = ["feedback", "pagination"]
INPUTS = [kind for kind in CALLS if kind not in ("button", "menu_button")]  # the ones with on_change, label_visibility, bind, ...
CONTENT_WIDTH = {"button", "menu_button", "checkbox", "toggle", "radio", "color_picker", "pills", "segmented_control"}  # Streamlit allows width="content"

# What a person could send to each widget: (a new value as the browser sends it, what the call then returns).
NEW_VALUES = {
    "checkbox": (True, True), "toggle": (True, True), "text_input": ("typed", "typed"),
    "text_area": ("typed", "typed"), "number_input": (2.5, 2.5), "slider": (42, 42), "radio": (1, "b"),
    "selectbox": (1, "b"), "multiselect": ([1], ["b"]), "date_input": ("2024-05-02", dt.date(2024, 5, 2)),
    "time_input": ("09:15", dt.time(9, 15)), "datetime_input": ("2024-05-02T09:15", dt.datetime(2024, 5, 2, 9, 15)),
    "color_picker": ("#ff0000", "#ff0000"),
    "select_slider": (1, "b"), "pills": (1, "b"), "segmented_control": (1, "b"), "menu_button": (1, "b"),
}


def run(body: str) -> AppTest:
    return helpers.run(body, "import datetime as dt\nimport appcore as st\n")


def call(kind: str, extra: str = "") -> str:
    return f'st.{kind}("W"{CALLS[kind]}{extra})'


# -- signatures ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(SIGNATURES))
def test_each_widget_has_streamlits_signature(kind):
    assert signature(getattr(appcore, kind)) == SIGNATURES[kind]


def test_the_signature_table_covers_every_input_widget():
    assert sorted(SIGNATURES) == sorted([*CALLS, *NO_LABEL])


# -- Streamlit's checks, with its messages ----------------------------------------------------

@pytest.mark.parametrize("kind", INPUTS)
def test_every_widget_refuses_a_bogus_label_visibility(kind):
    assert error(run(call(kind, ', label_visibility="bogus"'))) == (
        "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.")


@pytest.mark.parametrize("kind", [k for k in CALLS if k != "color_picker"])
def test_every_widget_refuses_a_negative_width(kind):
    allowed = "a positive integer (pixels), 'stretch', or 'content'" if kind in CONTENT_WIDTH \
        else "a positive integer (pixels) or 'stretch'"
    assert error(run(call(kind, ", width=-5"))) == f"Invalid width value: -5. Width must be either {allowed}."


@pytest.mark.parametrize("kind", sorted(set(CALLS) - CONTENT_WIDTH))
def test_widgets_without_content_width_refuse_it(kind):
    assert error(run(call(kind, ', width="content"'))) == width_error("content", content=False)


def test_a_narrow_color_picker_is_widened_as_streamlit_does():
    at = run('st.color_picker("C", width=-5)\nst.color_picker("D", width=2.5)')
    assert at.color_picker[0].props["width"] == 40
    assert error(at) == ("Invalid width value: 2.5. Width must be either a positive integer (pixels), 'stretch', "
                         "or 'content'.")


@pytest.mark.parametrize("kind", INPUTS)
def test_every_widget_refuses_a_bogus_on_change(kind):
    assert error(run(call(kind, ', on_change="bogus"'))) == ON_CHANGE_ERROR


def test_a_button_takes_only_a_callback_on_click():
    assert error(run('st.button("B", on_click="bogus")')) == (
        "Invalid `on_click` value. Supported values: a callback function.")
    assert error(run('st.button("B", on_click="ignore")')) == (
        '`on_click="ignore"` is not supported on this widget. Pass a callback, or omit `on_click`.')


@pytest.mark.parametrize("kind", list(CALLS))
def test_every_widget_refuses_a_disabled_that_is_not_a_bool(kind):
    assert error(run(call(kind, ', disabled="yes"'))) == "'str' object cannot be interpreted as an integer"


@pytest.mark.parametrize("kind", list(CALLS))
def test_every_widget_refuses_reserved_and_empty_keys(kind):
    assert error(run(call(kind, ', key="$$ID-mine"'))) == "Keys beginning with $$ID are reserved."
    assert error(run(call(kind, ', key=""'))) == "Invalid `key` value. Supported values: a non-empty string."


@pytest.mark.parametrize("kind", INPUTS)
def test_every_widget_checks_bind_and_persist_state(kind):
    assert error(run(call(kind, ', bind="url"'))) == BIND_ERROR
    assert error(run(call(kind, ', persist_state="tab", key="k"'))) == (
        "Invalid `persist_state` value. Supported values: 'page', 'session', None.")
    assert error(run(call(kind, ', bind="query-params"'))).startswith("The `key` parameter is required.")
    assert not run(call(kind, ', bind="query-params", persist_state="session", key="k"')).exception


@pytest.mark.parametrize("kind", INPUTS)
def test_every_widget_says_where_a_callback_argument_is_wrong(kind):
    # Streamlit fails later, when the callback runs; appcore says it at the call.
    assert error(run(call(kind, ", args=5"))) == (
        "Invalid `args` type. Expected one of: tuple, list, None. Provided type: int.")


def test_text_input_checks_what_streamlit_checks():
    # text_input skipped the shared checks: these three were accepted before.
    assert error(run('st.text_input("T", label_visibility="bogus")')).startswith("Invalid `label_visibility`")
    assert error(run('st.text_input("T", width=-5)')).startswith("Invalid width value: -5.")
    assert error(run('st.text_input("T", on_change="bogus")')).startswith("Invalid `on_change` value.")
    assert error(run('st.text_input("T", type="bogus")')) == (
        "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'.")
    assert error(run('st.text_input("T", live=300)')).startswith(
        "Invalid `live` type. Expected one of: bool, str. Provided type: int. A number or `datetime.timedelta`")
    assert error(run('st.text_input("T", live="2h")')).startswith(
        "The `live` parameter, set to 2h, is outside the required range [0ms, 1m].")
    assert error(run('st.text_input("T", type="password", bind="query-params", key="k")')) == (
        "`bind='query-params'` and `type='password'` cannot be used together. Password values must not appear "
        "in URLs.")


def test_text_input_types_bring_streamlits_defaults():
    at = run('st.text_input("E", type="email", live=True)\nst.text_input("U", type="url", icon="", placeholder="x")')
    email, url = at.text_input
    assert (email.icon, email.placeholder, email.autocomplete, email.live) == (
        ":material/mail:", "you@example.com", "email", 250)
    assert email.validate_message == "Enter a valid email address."
    assert (url.icon, url.placeholder) == (None, "x")


# -- what the browser gets -----------------------------------------------------------------

@pytest.mark.parametrize("kind", list(CALLS))
def test_every_widget_sends_its_width_and_field_props(kind):
    at = run(call(kind, ', width=150, help="why", disabled=True'))
    props = at.get(kind)[0].props
    assert (props["width"], props["label"], props["help"], props["disabled"]) == (150, "W", "why", True)
    if kind in INPUTS:
        assert props["label_visibility"] == "visible"


@pytest.mark.parametrize("kind", list(CALLS))
def test_every_widget_sends_its_default_width(kind):
    at = run(call(kind))
    assert at.get(kind)[0].props["width"] == ("content" if kind in CONTENT_WIDTH else "stretch")


# -- on_change="ignore" -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", INPUTS)
def test_on_change_ignore_keeps_a_new_value_until_something_else_reruns(kind):
    at = run("v = " + call(kind, ', on_change="ignore"') + "\nst.markdown(repr(v))")
    assert not at.exception
    runs = len(at.runs)
    raw, expected = NEW_VALUES[kind]
    send(at, at.get(kind)[0].id, raw)
    assert (len(at.runs), list(at.exception)) == (runs, []), "on_change='ignore' must not rerun the app"
    at.run()
    assert not at.exception
    assert at.markdown[-1].value == repr(expected)


# -- values from the browser outside the definition -------------------------------------------

# One value outside each widget's definition, besides the junk no widget takes.
OUTSIDE = {
    "button": ("", False), "checkbox": ("", "true"), "toggle": ("", 1), "text_input": (", max_chars=3", "abcd"),
    "text_area": (", max_chars=3", "abcd"), "number_input": (", 0, 10", 11), "slider": (", 0, 10", 10.5),
    "radio": ("", 2), "selectbox": ("", -1), "multiselect": ("", [0, 0]),
    "date_input": (", min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31)", "2025-01-01"),
    "time_input": ("", "25:00"), "datetime_input": ("", "2040-01-01T00:00"), "color_picker": ("", "red"), "select_slider": ("", 2), "pills": ("", 2),
    "segmented_control": ("", [0]), "menu_button": ("", 2),
}


@pytest.mark.parametrize("kind", list(CALLS))
def test_values_outside_the_definition_are_refused_and_the_session_lives_on(kind):
    extra, outside = OUTSIDE[kind]
    at = run(f"v = {call(kind, extra)}\nst.markdown(repr(v))")
    shown, runs, stored = at.markdown[-1].value, len(at.runs), dict(at.session.state.values)
    wid = at.get(kind)[0].id
    for bad in (outside, {"x": 1}, [[[]]], "x" * 100_000, float("nan")):
        with pytest.raises(BadMessage):
            send(at, wid, bad)
    assert (len(at.runs), at.session.state.values) == (runs, stored)
    at.run()
    assert not at.exception and at.markdown[-1].value == shown
    runs = len(at.runs)
    if kind == "button":
        at.button[0].click().run()
        assert at.markdown[-1].value == "True"
    else:
        send(at, wid, _valid_for(kind))
        assert len(at.runs) == runs + 1 and not at.exception


def _valid_for(kind: str) -> Any:
    return {"text_input": "abc", "text_area": "abc", "number_input": 5, "slider": 5,
            "date_input": "2024-06-01"}.get(kind, NEW_VALUES.get(kind, (None,))[0])
