"""st.datetime_input as a user meets it. Each expected value or message was checked against
Streamlit 1.67.0's AppTest running the same script (the comment above each test says what
was compared); the checks every widget shares are in test_widget_checks.py."""
from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from appcore.runtime.session import BadMessage
from appcore.testing import AppTest
from appcore.testing.v1.element_tree import DateTimeInput
from tests import helpers
from tests.helpers import error, send


def run(body: str) -> AppTest:
    return helpers.run(body, "import datetime as dt\nimport appcore as st\n")


def test_the_docs_example_shows_the_given_moment_and_a_new_one_after_set_value():
    # 1.67: node date_time_input (DateTimeInput), value 2025-11-19 16:45, min 2015-11-19T00:00,
    # max 2035-11-19T23:59, step 900, format YYYY/MM/DD; set_value(2025-01-02 03:04:05) -> 03:04.
    at = run("""
        v = st.datetime_input("Schedule your event", dt.datetime(2025, 11, 19, 16, 45), key="w", help="h")
        st.markdown(repr(v))
    """)
    node = at.datetime_input[0]
    assert isinstance(node, DateTimeInput) and node.type == "date_time_input"
    assert (node.value, node.label, node.help, node.key) == (dt.datetime(2025, 11, 19, 16, 45), "Schedule your event",
                                                             "h", "w")
    assert (node.min, node.max, node.step, node.format, node.form_id) == (
        "2015-11-19T00:00", "2035-11-19T23:59", 900, "YYYY/MM/DD", "")
    assert at.session_state["w"] == dt.datetime(2025, 11, 19, 16, 45)
    assert node.set_value(dt.datetime(2025, 1, 2, 3, 4, 5)) is node
    node.run()
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 2, 3, 4)"
    assert at.datetime_input[0].value == dt.datetime(2025, 1, 2, 3, 4)


def test_an_empty_one_returns_none_until_a_moment_is_chosen_and_can_be_emptied_again():
    # 1.67: value=None -> None, min ten years before today at 00:00, max ten years after at 23:59.
    at = run('v = st.datetime_input("Empty", value=None)\nst.markdown(repr(v))')
    today = dt.date.today()
    node = at.datetime_input[0]
    assert (node.value, at.markdown[0].value) == (None, "None")
    assert node.min == f"{today.year - 10}-{today:%m-%d}T00:00" and node.max == f"{today.year + 10}-{today:%m-%d}T23:59"
    node.set_value(dt.datetime(2026, 3, 4, 5, 6)).run()
    assert at.markdown[0].value == "datetime.datetime(2026, 3, 4, 5, 6)"
    at.datetime_input[0].set_value(None).run()
    assert at.markdown[0].value == "None"


@pytest.mark.parametrize(("value", "expected"), [
    # 1.67: a date is its midnight, a time is today's, seconds and timezones are dropped, strings are ISO.
    ("dt.date(2025, 3, 4)", dt.datetime(2025, 3, 4)),
    ("dt.datetime(2025, 3, 4, 10, 30, 45, 123)", dt.datetime(2025, 3, 4, 10, 30)),
    ("dt.datetime(2025, 3, 4, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))", dt.datetime(2025, 3, 4, 10, 30)),
    ("'2025-03-04 10:30'", dt.datetime(2025, 3, 4, 10, 30)),
    ("'2025-03-04T10:30:15'", dt.datetime(2025, 3, 4, 10, 30)),
    ("'2025-03-04'", dt.datetime(2025, 3, 4)),
])
def test_what_value_may_be(value, expected):
    at = run(f'st.markdown(repr(st.datetime_input("W", {value})))')
    assert at.markdown[0].value == repr(expected)


def test_now_and_a_time_of_day_are_today_to_the_minute():
    # 1.67: "now" is the current minute; dt.time(10, 30, 45) and "10:30" are today at 10:30.
    at = run('a = st.datetime_input("A")\nb = st.datetime_input("B", dt.time(10, 30, 45))\n'
             'c = st.datetime_input("C", "10:30")')
    now, today = dt.datetime.now(), dt.date.today()
    a, b, c = at.datetime_input.values
    assert a.second == 0 and a.microsecond == 0 and abs(now - a) < dt.timedelta(minutes=2)
    assert b == c == dt.datetime.combine(today, dt.time(10, 30))


def test_bounds_a_date_as_max_is_its_last_minute_and_a_bound_keeps_its_time():
    # 1.67: min dt.datetime(2024, 12, 1, 8, 30, 59) -> "2024-12-01T08:30"; max dt.date -> 23:59 of that day;
    # a max given as the text '2025-02-01' is its midnight.
    at = run("""
        st.datetime_input("A", dt.datetime(2025, 1, 1), min_value=dt.datetime(2024, 12, 1, 8, 30, 59),
                          max_value=dt.date(2025, 1, 3))
        st.datetime_input("B", dt.datetime(2025, 1, 1), max_value="2025-02-01")
        st.datetime_input("C", None, min_value=dt.time(8, 0))
    """)
    a, b, c = at.datetime_input
    assert (a.min, a.max) == ("2024-12-01T08:30", "2025-01-03T23:59")
    assert (b.min, b.max) == ("2015-01-01T00:00", "2025-02-01T00:00")
    assert c.min == f"{dt.date.today():%Y-%m-%d}T08:00"


@pytest.mark.parametrize(("call", "message"), [
    # Each message is 1.67's for the same call.
    ("'tomorrow'", 'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". '
                   "Provided type: str."),
    ("5", 'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". Provided type: int.'),
    ("[dt.datetime(2025, 1, 1)]", 'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". '
                                  "Provided type: list."),
    ("dt.datetime(2025, 1, 1), min_value=3", 'Invalid `value` type. Expected one of: datetime, date, time, ISO '
                                             'string, "now". Provided type: int.'),
    ("dt.datetime(2025, 1, 1), min_value=dt.datetime(2025, 2, 1), max_value=dt.datetime(2025, 1, 15)",
     "The `min_value`, set to 2025-02-01 00:00:00, cannot be greater than the `max_value`, set to "
     "2025-01-15 00:00:00."),
    ("dt.datetime(2025, 1, 1), min_value=dt.datetime(2025, 2, 1)",
     "The `value` 2025-01-01 00:00:00 is less than the `min_value` 2025-02-01 00:00:00."),
    ("dt.datetime(2025, 3, 1), max_value=dt.datetime(2025, 2, 1)",
     "The `value` 2025-03-01 00:00:00 is greater than the `max_value` 2025-02-01 00:00:00."),
    ("step=59", "The `step` parameter, set to 59 seconds, is outside the required range [60 seconds, 23 hours]."),
    ("step=dt.timedelta(hours=24)",
     "The `step` parameter, set to 86400 seconds, is outside the required range [60 seconds, 23 hours]."),
    ("step=90.0", "Invalid `step` type. Expected one of: int, timedelta. Provided type: float."),
    ("step=True", "Invalid `step` type. Expected one of: int, timedelta. Provided type: bool."),
    ("format='YYYYMMDD'", "Invalid `format` value. Supported values: 'YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', "
                          "'YYYY.MM.DD', 'DD.MM.YYYY', 'MM.DD.YYYY', 'YYYY-MM-DD', 'DD-MM-YYYY', 'MM-DD-YYYY'. "
                          "Provided value: 'YYYYMMDD'."),
    ("format=5", "Invalid `format` type. Expected one of: str. Provided type: int."),
])
def test_streamlits_errors(call, message):
    at = run(f'st.datetime_input("W", {call})')
    assert error(at) == message and not at.datetime_input


def test_equal_bounds_a_step_in_seconds_and_another_format_are_accepted():
    # 1.67: min == max is allowed; step 90, timedelta(hours=1) and 23 hours are sent in seconds.
    at = run("""
        st.datetime_input("A", dt.datetime(2025, 1, 1), min_value=dt.datetime(2025, 1, 1),
                          max_value=dt.datetime(2025, 1, 1))
        st.datetime_input("B", step=90)
        st.datetime_input("C", step=dt.timedelta(hours=1), format="DD.MM.YYYY")
        st.datetime_input("D", step=dt.timedelta(hours=23))
    """)
    assert not at.exception
    assert [n.step for n in at.datetime_input] == [900, 90, 3600, 82800]
    assert at.datetime_input[2].format == "DD.MM.YYYY"


def test_a_value_outside_the_bounds_or_none_from_set_value_ends_at_the_default():
    # 1.67's AppTest: set_value(2024-01-01) below min_value, and set_value(None) on a widget with a value,
    # both leave the widget at its default (2025-01-10 10:00) after the run.
    at = run("""
        v = st.datetime_input("W", dt.datetime(2025, 1, 10, 10, 0), min_value=dt.datetime(2025, 1, 1),
                              max_value=dt.datetime(2025, 1, 20), key="w")
        st.markdown(repr(v))
    """)
    at.datetime_input[0].set_value(dt.datetime(2025, 1, 5, 7, 8)).run()
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 5, 7, 8)"
    at.datetime_input[0].set_value(dt.datetime(2024, 1, 1)).run()
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 10, 10, 0)"
    at.datetime_input[0].set_value(dt.datetime(2025, 1, 5, 7, 8)).run()
    at.datetime_input[0].set_value(None).run()
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 10, 10, 0)"


def test_a_timezone_given_to_set_value_is_dropped():
    # 1.67: set_value(2025-01-05 07:08+00:00) -> 2025-01-05 07:08, naive.
    at = run('st.markdown(repr(st.datetime_input("W", dt.datetime(2025, 1, 10))))')
    at.datetime_input[0].set_value(dt.datetime(2025, 1, 5, 7, 8, tzinfo=dt.timezone.utc)).run()
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 5, 7, 8)"


def test_changing_format_or_step_resets_a_keyed_one_and_other_changes_do_not():
    # 1.67: with a key, a new step or format brings the default back; a new min_value keeps the chosen value.
    at = run("""
        step = st.session_state.get("step", 900)
        fmt = st.session_state.get("fmt", "YYYY/MM/DD")
        low = st.session_state.get("low")
        v = st.datetime_input("W", dt.datetime(2025, 11, 19, 16, 45), min_value=low, key="w", step=step, format=fmt)
        st.markdown(repr(v))
    """)
    chosen, default = "datetime.datetime(2025, 1, 2, 3, 4)", "datetime.datetime(2025, 11, 19, 16, 45)"
    for name, new in (("step", 600), ("fmt", "DD/MM/YYYY")):
        at.datetime_input[0].set_value(dt.datetime(2025, 1, 2, 3, 4)).run()
        assert at.markdown[0].value == chosen
        at.session_state[name] = new
        at.run()
        assert at.markdown[0].value == default
    at.datetime_input[0].set_value(dt.datetime(2025, 1, 2, 3, 4)).run()
    at.session_state["low"] = dt.datetime(2020, 1, 1)
    at.run()
    assert at.markdown[0].value == chosen


def test_session_state_sets_it_and_a_moment_outside_the_bounds_goes_back_to_the_default():
    # 1.67: st.session_state["w"] = 2019-01-01 with min 2020-01-01 -> the default, no error.
    at = run("""
        v = st.datetime_input("W", dt.datetime(2025, 1, 10, 10, 0), min_value=dt.datetime(2020, 1, 1), key="w")
        st.markdown(repr(v))
    """)
    at.session_state["w"] = dt.datetime(2024, 2, 3, 4, 5)
    at.run()
    assert at.markdown[0].value == "datetime.datetime(2024, 2, 3, 4, 5)"
    at.session_state["w"] = dt.datetime(2019, 1, 1)
    at.run()
    assert not at.exception and at.markdown[0].value == "datetime.datetime(2025, 1, 10, 10, 0)"


def test_two_identical_ones_need_a_key_and_now_is_the_same_widget_from_run_to_run():
    # 1.67: two st.datetime_input("W") -> its duplicate-ID error; a keyless "now" keeps a chosen value.
    assert "datetime_input" in error(run('st.datetime_input("W")\nst.datetime_input("W")'))
    at = run('st.markdown(repr(st.datetime_input("W")))')
    at.datetime_input[0].set_value(dt.datetime(2024, 6, 1, 12, 0)).run()
    at.run()
    assert at.markdown[0].value == "datetime.datetime(2024, 6, 1, 12, 0)"


def test_the_browser_gets_minutes_and_what_it_sends_outside_the_widget_is_refused():
    at = run('v = st.datetime_input("W", dt.datetime(2025, 1, 10, 10, 0), max_value=dt.datetime(2025, 1, 20))\n'
             'st.markdown(repr(v))')
    node = at.datetime_input[0]
    assert (node.props["value"], node.props["min"], node.props["max"]) == (
        "2025-01-10T10:00", "2015-01-10T00:00", "2025-01-20T00:00")
    for bad in ("2025-01-21T00:00", "2025-01-10T10:00:30", "2025-01-10T10:00+01:00", "2025-01-10", None, 5):
        with pytest.raises(BadMessage):
            send(at, node.id, bad)
    send(at, node.id, "2025-01-12T08:15")
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 12, 8, 15)"


def test_a_bound_one_reads_and_writes_the_url_in_minutes():
    # 1.67's docs: datetimes are YYYY-MM-DDThh:mm in the URL; the default removes the parameter.
    at = AppTest.from_string(textwrap.dedent("""
        import datetime as dt
        import appcore as st
        st.markdown(repr(st.datetime_input("W", dt.datetime(2025, 1, 10), key="when", bind="query-params")))
    """))
    at.query_params["when"] = "2025-02-03T04:05"
    at.run()
    assert at.markdown[0].value == "datetime.datetime(2025, 2, 3, 4, 5)"
    at.datetime_input[0].set_value(dt.datetime(2025, 1, 10)).run()
    assert "when" not in at.query_params
    at.datetime_input[0].set_value(dt.datetime(2025, 3, 1, 9, 30)).run()
    assert at.query_params["when"] == "2025-03-01T09:30"
