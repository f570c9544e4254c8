"""The input widgets: Streamlit's defaults, values, session_state binding,
on_change callbacks, argument errors, and refusal of values outside a widget's
definition (DESIGN.md §4)."""
from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest

from appcore.testing import AppTest, Element
from tests.helpers import BIND_ERROR, ON_CHANGE_ERROR, error, width_error

HEADER = "import datetime as dt\nimport appcore as st\n"
CALLBACK = """
def changed(name, n=0):
    st.session_state.calls = st.session_state.get("calls", []) + [(name, n)]
"""


def app(body: str) -> AppTest:
    return AppTest.from_string(HEADER + CALLBACK + textwrap.dedent(body)).run()


def out(at: AppTest) -> str:
    return at.markdown[-1].value


def refuses_value(refuses, at: AppTest, widget: Element, bad: Any, then: Any) -> None:
    """The browser sends ``bad``: refused, so the widget keeps its value, the page
    stays and no run happens (``refuses``); the session lives on and answers the
    next valid value, ``then``, with one run."""
    value = widget.value
    page = [(e.path, e.type, e.props) for e in at._elements()]
    refuses(at, {"t": "widget", "id": widget.id, "value": bad}, match="refused")
    assert (type(widget.value), widget.value) == (type(value), value), f"{bad!r} changed the value"
    assert [(e.path, e.type, e.props) for e in at._elements()] == page, f"{bad!r} changed the page"
    runs = len(at.runs)
    widget.set_value(then).run()
    assert [r["status"] for r in at.runs[runs:]] == ["complete"]
    assert (type(widget.value), widget.value) == (type(then), then)


# -- text_area ----------------------------------------------------------------------------

def test_text_area_defaults_and_sends_text():
    at = app("""
        a = st.text_area("Notes")
        b = st.text_area("Bio", "hello", max_chars=10, height=200, placeholder="Tell us")
        c = st.text_area("Empty", None)
        st.markdown(repr((a, b, c)))
    """)
    assert out(at) == "('', 'hello', None)"
    bio = at.text_area[1]
    assert (bio.max_chars, bio.height, bio.placeholder, bio.value) == (10, 200, "Tell us", "hello")
    assert at.text_area[0].height == 122
    bio.input("two\nlines").run()
    assert out(at) == "('', 'two\\nlines', None)"


@pytest.mark.parametrize("bad", [5, True, ["x"], {"a": 1}, "x" * 11])
def test_text_area_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(st.text_area("T", "ok", max_chars=10))""")
    refuses_value(refuses, at, at.text_area[0], bad, then="fine")
    assert out(at) == "fine"


# -- number_input -------------------------------------------------------------------------

def test_number_input_infers_int_or_float_as_streamlit_does():
    at = app("""
        values = [
            st.number_input("a"),
            st.number_input("b", min_value=5),
            st.number_input("c", 0, 10),
            st.number_input("d", value=2.5),
            st.number_input("e", value=None),
            st.number_input("f", min_value=1, value=None),
        ]
        st.markdown(repr(values))
    """)
    assert out(at) == "[0.0, 5, 0, 2.5, None, None]"
    a, b, c, d, e, f = at.number_input
    assert (a.step, a.format, a.data_type) == (0.01, "%0.2f", "float")
    assert (c.step, c.format, c.data_type, c.min, c.max) == (1, "%d", "int", 0, 10)
    assert f.data_type == "int" and e.data_type == "float"


def test_number_input_step_buttons_and_typing():
    at = app("""st.markdown(repr(st.number_input("n", 0, 10, 3)))""")
    at.number_input[0].increment().run()
    assert out(at) == "4"
    at.number_input[0].decrement().run()
    at.number_input[0].decrement().run()
    assert out(at) == "2"
    at.number_input[0].set_value(10).run()
    assert out(at) == "10"
    at = app("""st.markdown(repr(st.number_input("f", 0.0, 1.0, step=0.25)))""")
    at.number_input[0].increment().run()
    assert out(at) == "0.25"


def test_number_input_session_state_none_makes_it_clearable():
    at = app("""
        st.session_state.setdefault("q", None)
        st.markdown(repr(st.number_input("Q", 0, 10, 5, key="q")))
    """)
    assert out(at) == "None"
    at.number_input[0].set_value(3).run()
    assert out(at) == "3"


@pytest.mark.parametrize("bad", [11, -1, True, "5", 2.5, None, float("nan"), [3]])
def test_int_number_input_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.number_input("n", 0, 10, 3)))""")
    refuses_value(refuses, at, at.number_input[0], bad, then=4)
    assert out(at) == "4"


def test_number_input_may_be_emptied_only_without_a_default(refuses):
    at = app("""st.markdown(repr(st.number_input("n", value=None)))""")
    at.number_input[0].set_value(1.5).run()
    assert out(at) == "1.5"
    at.number_input[0].set_value(None).run()
    assert out(at) == "None"
    refuses_value(refuses, at, at.number_input[0], False, then=2.5)
    assert out(at) == "2.5"


NUMBER_INPUT_ERRORS = [
    ('st.number_input("n", 0, 10.0)', "All numerical arguments must be of the same type.\n`value` has str type."
                                      "\n`min_value` has int type.\n`max_value` has float type."),
    ('st.number_input("n", 5, 10, 1)', "The `value` 1 is less than the `min_value` 5."),
    ('st.number_input("n", 0, 10, 11)', "The `value` 11 is greater than the `max_value` 10."),
    ('st.number_input("n", 10, 5)', "The `min_value`, set to 10, cannot be greater than the `max_value`, set to 5."),
    ('st.number_input("n", format="%d%%")', "Format string for `st.number_input` contains invalid characters: %d%%"),
    ('st.number_input("n", max_value=2**60)', "`max_value` (1152921504606846976) must be <= (1 << 53) - 1"),
]


# -- slider -------------------------------------------------------------------------------

def test_slider_defaults_follow_streamlit():
    at = app("""
        st.markdown(repr([
            st.slider("a"),
            st.slider("b", 0.0, 1.0),
            st.slider("c", 0, 10, (2, 8)),
            st.slider("d", value=dt.date(2024, 1, 10)),
            st.slider("e", value=dt.time(12, 0)),
            st.slider("f", value=dt.datetime(2024, 1, 10, 9, 30)),
            st.slider("g", value=()),
        ]))
    """)
    assert out(at) == repr([0, 0.0, (2, 8), dt.date(2024, 1, 10), dt.time(12, 0), dt.datetime(2024, 1, 10, 9, 30),
                            (0, 100)])
    a, b, c, d, e, f, g = at.slider
    assert (a.min, a.max, a.step, a.format, a.data_type) == (0, 100, 1, "%d", "int")
    assert (b.step, b.format) == (0.01, "%0.2f")
    assert c.range and c.value == (2, 8) and c.props["value"] == [2, 8]
    assert (d.format, d.step, d.props["value"]) == ("YYYY-MM-DD", 86_400_000_000, "2024-01-10")
    assert (e.format, e.step, e.props["value"]) == ("HH:mm", 900_000_000, "12:00:00")
    assert f.props["value"] == "2024-01-10T09:30:00"


def test_slider_values_from_the_browser():
    at = app("""
        a = st.slider("n", 0, 100, 5)
        b = st.slider("r", 0.0, 10.0, (1.0, 2.0))
        c = st.slider("d", dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2024, 6, 1))
        d = st.slider("t", value=(dt.time(9), dt.time(17)))
        st.markdown(repr((a, b, c, d)))
    """)
    at.slider[0].set_value(42).run()
    at.slider[1].set_range(2.5, 7.5).run()
    at.slider[2].set_value(dt.date(2024, 2, 29)).run()
    at.slider[3].set_range(dt.time(10, 15), dt.time(11)).run()
    assert out(at) == repr((42, (2.5, 7.5), dt.date(2024, 2, 29), (dt.time(10, 15), dt.time(11))))


def test_datetime_slider_keeps_the_timezone_of_its_value():
    at = app("""
        tz = dt.timezone(dt.timedelta(hours=2))
        v = st.slider("w", value=dt.datetime(2024, 1, 10, 9, 0, tzinfo=tz))
        st.markdown(repr(v))
    """)
    at.session.handle_message({"t": "widget", "id": at.slider[0].id, "value": "2024-01-12T10:00:00"})
    at.run()
    assert out(at) == repr(dt.datetime(2024, 1, 12, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))))


def test_slider_session_state_and_on_change():
    at = app("""
        st.session_state.setdefault("level", 30)
        st.session_state.setdefault("span", (10, 20))
        a = st.slider("Level", 0, 100, key="level", on_change=changed, args=("slider",), kwargs={"n": 3})
        b = st.slider("Span", 0, 100, key="span")
        st.markdown(f"{a} {b} {st.session_state.get('calls')}")
    """)
    assert out(at) == "30 (10, 20) None"
    at.slider[0].set_value(31).run()
    assert out(at) == "31 (10, 20) [('slider', 3)]"


def test_slider_value_set_out_of_range_by_the_script_is_an_error():
    at = app("""
        st.session_state.level = 500
        st.slider("Level", 0, 100, key="level")
    """)
    assert error(at) == "The `value` 500 is greater than the `max_value` 100."


@pytest.mark.parametrize("bad", [101, -1, True, "5", 5.5, None, [5], float("inf")])
def test_int_slider_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.slider("s", 0, 100, 5)))""")
    refuses_value(refuses, at, at.slider[0], bad, then=6)
    assert out(at) == "6"


@pytest.mark.parametrize("bad", [[8, 2], [1], [1, 2, 3], 5, [0, 101], ["1", "2"]])
def test_range_slider_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.slider("s", 0, 100, (1, 9))))""")
    refuses_value(refuses, at, at.slider[0], bad, then=(2, 8))
    assert out(at) == "(2, 8)"


@pytest.mark.parametrize("bad", ["2030-01-01", "2024-13-01", "not a date", 5, None, ["2024-06-02"]])
def test_date_slider_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.slider("d", dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2024, 6, 1))))""")
    refuses_value(refuses, at, at.slider[0], bad, then=dt.date(2024, 7, 1))
    assert out(at) == repr(dt.date(2024, 7, 1))


def test_time_slider_refuses_a_time_with_a_timezone(refuses):
    at = app("""st.slider("t", value=dt.time(9))""")
    refuses_value(refuses, at, at.slider[0], "10:00:00+01:00", then=dt.time(10))


SLIDER_ERRORS = [
    ('st.slider("s", 5, 5)', "The `min_value` and `max_value` parameters are both set to 5. They must not be equal."),
    ('st.slider("s", 0, 10, step=0)', "Invalid `step` value. Supported values: a number. Zero is not allowed."),
    ('st.slider("s", 0, 10.0)', "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
                                "types. Provided type: min_value=int, max_value=float, step=int."),
    ('st.slider("s", value="x")', "Invalid `value` type. Expected one of: int, float, date, time, datetime, list, "
                                  "tuple. Provided type: str."),
    ('st.slider("s", value=(1, 2, 3))', "Invalid `value` value. Supported values: int, float, date, time, datetime, "
                                        "a list containing up to two such values, a tuple containing up to two such "
                                        "values."),
    ('st.slider("s", value=(1, 2.0))', "Invalid `value` type. Expected one of: list or tuple containing values of "
                                       "the same type. Provided type: int, float."),
]


def test_slider_swaps_reversed_bounds_and_widens_them_to_the_value():
    at = app("""st.markdown(repr(st.slider("s", 10, 0, 20)))""")
    assert out(at) == "20"
    assert (at.slider[0].min, at.slider[0].max) == (0, 20)


# -- checkbox and toggle ------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["checkbox", "toggle"])
def test_checkbox_and_toggle(kind):
    at = app(f"""
        st.session_state.setdefault("b", True)
        a = st.{kind}("A")
        b = st.{kind}("B", key="b", on_change=changed, args=("{kind}",))
        st.markdown(f"{{a}} {{b}} {{st.session_state.get('calls')}}")
    """)
    assert out(at) == "False True None"
    widgets = at.get(kind)
    widgets[0].check().run()
    assert out(at) == "True True None"
    widgets[1].uncheck().run()
    assert out(at) == f"True False [('{kind}', 0)]"
    assert at.session_state["b"] is False


@pytest.mark.parametrize("bad", [1, 0, "true", None, [True]])
def test_checkbox_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.checkbox("c", True)))""")
    refuses_value(refuses, at, at.checkbox[0], bad, then=False)
    assert out(at) == "False"


CHECKBOX_ERRORS = [
    ('st.checkbox("c", label_visibility="gone")',
     "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."),
    ('st.toggle("c", on_change="bogus")',
     ON_CHANGE_ERROR),
    ('st.checkbox("c", width=0)', width_error(0)),
    ('st.checkbox("c", persist_state="page")',
     "The `key` parameter is required. When using persist_state, the widget must have a unique 'key' parameter "
     "specified so its value can be preserved across reruns and page switches."),
]


# -- radio --------------------------------------------------------------------------------

def test_radio_defaults_labels_and_choices():
    at = app("""
        a = st.radio("A", ["x", "y", "z"], captions=["one", None, "three"], horizontal=True)
        b = st.radio("B", [1, 2, 3], index=None, format_func=lambda n: f"#{n}")
        st.markdown(repr((a, b)))
    """)
    assert out(at) == "('x', None)"
    a, b = at.radio
    assert a.options == ["x", "y", "z"] and a.captions == ["one", "", "three"] and a.horizontal
    assert b.options == ["#1", "#2", "#3"] and b.props["value"] is None
    a.set_value("z").run()
    b.set_value(2).run()
    assert out(at) == "('z', 2)"
    assert at.radio[0].props["value"] == 2
    at.radio[1].select_index(0).run()
    assert out(at) == "('z', 1)"


def test_a_keyed_radio_whose_choice_left_the_options_starts_over():
    at = app("""
        st.session_state.setdefault("opts", ["a", "b", "c"])
        st.markdown(repr(st.radio("R", st.session_state.opts, index=1, key="r")))
    """)
    at.radio[0].set_value("c").run()
    at.session_state["opts"] = ["a", "b"]
    at.run()
    assert out(at) == "'b'"


@pytest.mark.parametrize("bad", [3, -1, True, "b", None, 1.0, [1]])
def test_radio_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.radio("R", ["a", "b", "c"])))""")
    refuses_value(refuses, at, at.radio[0], bad, then="b")
    assert out(at) == "'b'"


RADIO_ERRORS = [
    ('st.radio("R", ["a", "b", "c"], index=5)',
     "The `index` parameter, set to 5, is outside the required range [0, 2]."),
    ('st.radio("R", ["a"], index="0")', "Invalid `index` type. Expected one of: int, None. Provided type: str."),
    ('st.radio("R", ["a"], captions=[1])', "Invalid `captions` type. Expected one of: str, None. Provided type: int."),
]


# -- selectbox ----------------------------------------------------------------------------

def test_selectbox_defaults_and_choices():
    at = app("""
        a = st.selectbox("A", ["x", "y"])
        b = st.selectbox("B", [10, 20, 30], index=None, format_func=lambda n: f"{n} kg", placeholder="Pick")
        c = st.selectbox("C", [])
        d = st.selectbox("D", {"k1": "v1", "k2": "v2"}, index=1)
        st.markdown(repr((a, b, c, d)))
    """)
    assert out(at) == "('x', None, None, 'k2')"
    b = at.selectbox[1]
    assert (b.options, b.placeholder, b.clearable) == (["10 kg", "20 kg", "30 kg"], "Pick", True)
    at.selectbox[0].select("y").run()
    b.select(30).run()
    assert out(at) == "('y', 30, None, 'k2')"
    assert at.selectbox[1].props["value"] == 2
    at.selectbox[1].set_value(None).run()
    assert out(at) == "('y', None, None, 'k2')"


def test_selectbox_accepts_new_options_only_when_asked():
    at = app("""
        v = st.selectbox("Tag", ["red", "blue"], accept_new_options=True)
        st.markdown(repr(v))
    """)
    at.selectbox[0].set_value("green").run()
    assert out(at) == "'green'"
    assert at.selectbox[0].props["value"] == "green"
    at.session.handle_message({"t": "widget", "id": at.selectbox[0].id, "value": "blue"})
    at.run()
    assert out(at) == "'blue'" and at.selectbox[0].props["value"] == 1


def test_selectbox_returns_this_runs_enum_member():
    at = app("""
        import enum
        class Color(enum.Enum):
            RED = 1
            GREEN = 2
        v = st.selectbox("C", Color)
        st.markdown(f"{v.name} {v is Color.GREEN or v is Color.RED}")
    """)
    at.selectbox[0].select_index(1).run()
    at.run()
    assert out(at) == "GREEN True"


@pytest.mark.parametrize("bad", [2, -1, True, "y", None, [0], 0.0])
def test_selectbox_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.selectbox("S", ["x", "y"])))""")
    refuses_value(refuses, at, at.selectbox[0], bad, then="y")
    assert out(at) == "'y'"


SELECTBOX_ERRORS = [
    ('st.selectbox("S", ["x"], index=1)', "The `index` parameter, set to 1, is outside the required range [0, 0]."),
    ('st.selectbox("S", ["x"], filter_mode="regex")',
     "Invalid `filter_mode` value. Supported values: fuzzy, contains, prefix, None."),
    ('st.selectbox("S", ["x"], filter_mode=None, accept_new_options=True)',
     "`filter_mode=None` and `accept_new_options=True` cannot be used together. `filter_mode` cannot be `None` "
     "when `accept_new_options=True`. Set `filter_mode` to `fuzzy`, `contains`, or `prefix`."),
    ('st.selectbox("S", ["x"], bind="url")', BIND_ERROR),
]


# -- multiselect --------------------------------------------------------------------------

def test_multiselect_defaults_and_choices():
    at = app("""
        a = st.multiselect("A", ["a", "b", "c"])
        b = st.multiselect("B", ["a", "b", "c"], default="b", max_selections=2, format_func=str.upper)
        st.markdown(repr((a, b)))
    """)
    assert out(at) == "([], ['b'])"
    b = at.multiselect[1]
    assert (b.options, b.max_selections, b.props["value"]) == (["A", "B", "C"], 2, [1])
    at.multiselect[0].select("c").run()
    at.multiselect[0].select("a").run()
    assert out(at) == "(['c', 'a'], ['b'])"
    at.multiselect[0].unselect("c").run()
    assert out(at) == "(['a'], ['b'])"


def test_multiselect_new_options():
    at = app("""st.markdown(repr(st.multiselect("M", ["x"], accept_new_options=True)))""")
    at.multiselect[0].set_value(["x", "fresh"]).run()
    assert out(at) == "['x', 'fresh']"
    assert at.multiselect[0].props["value"] == [0, "fresh"]


def test_multiselect_drops_kept_choices_that_left_the_options():
    at = app("""
        st.session_state.setdefault("opts", ["a", "b", "c"])
        st.markdown(repr(st.multiselect("M", st.session_state.opts, key="m")))
    """)
    at.multiselect[0].set_value(["a", "c"]).run()
    at.session_state["opts"] = ["a", "b"]
    at.run()
    assert out(at) == "['a']"


@pytest.mark.parametrize("bad", [1, "a", None, [5], [True], [0, 0], ["x"], [0, 1, 2], [0.0]])
def test_multiselect_refuses_bad_values(refuses, bad):
    at = app("""st.markdown(repr(st.multiselect("M", ["a", "b", "c"], default=["a"], max_selections=2)))""")
    refuses_value(refuses, at, at.multiselect[0], bad, then=["a", "c"])
    assert out(at) == "['a', 'c']"


MULTISELECT_ERRORS = [
    ('st.multiselect("M", ["a"], default=["z"])', "The default value 'z' is not part of the options. Please make "
                                                 "sure that every default value also exists in the options."),
    ('st.multiselect("M", ["a", "b"], default=["a", "b"], max_selections=1)',
     "Multiselect has 2 options selected but `max_selections` is set to 1. This happened because you either gave "
     "too many options to `default` or you manipulated the widget's state through `st.session_state`. Note that "
     "the latter can happen before the line indicated in the traceback. Please select at most 1 option."),
    ('st.multiselect("M", ["a"], max_selections=0)', "Invalid `max_selections` value. Supported values: a positive "
                                                     "integer. To disable `st.multiselect`, use `disabled=True`."),
    ('st.multiselect("M", ["a"], select_all=-2)', "Invalid `select_all` value. Supported values: True, False, a "
                                                  "non-negative integer. When using an int, `select_all` must be a "
                                                  "non-negative integer."),
]


# -- date_input ---------------------------------------------------------------------------

def test_date_input_defaults_and_choices():
    at = app("""
        a = st.date_input("A")
        b = st.date_input("B", dt.date(2024, 5, 1), min_value=dt.date(2024, 1, 1), max_value="2024-12-31")
        c = st.date_input("C", (dt.date(2024, 5, 1), dt.date(2024, 5, 7)))
        d = st.date_input("D", None)
        st.markdown(repr((a, b, c, d)))
    """)
    today = dt.date.today()
    assert out(at) == repr((today, dt.date(2024, 5, 1), (dt.date(2024, 5, 1), dt.date(2024, 5, 7)), None))
    b, c = at.date_input[1], at.date_input[2]
    assert (b.min, b.max, b.format, b.props["value"]) == ("2024-01-01", "2024-12-31", "YYYY/MM/DD", "2024-05-01")
    assert (c.range, c.min, c.max) == (True, "2014-05-01", "2034-05-07")
    b.set_value(dt.date(2024, 2, 29)).run()
    c.set_value((dt.date(2024, 6, 1),)).run()
    at.date_input[3].set_value(dt.date(2020, 1, 2)).run()
    assert out(at) == repr((today, dt.date(2024, 2, 29), (dt.date(2024, 6, 1),), dt.date(2020, 1, 2)))


@pytest.mark.parametrize("bad", ["2025-01-01", "2023-12-31", "01/02/2024", "2024-02-30", 20240101, None,
                                 ["2024-05-01"], "2024-05-01T10:00"])
def test_date_input_refuses_bad_values(refuses, bad):
    at = app("""st.date_input("D", dt.date(2024, 5, 1), dt.date(2024, 1, 1), dt.date(2024, 12, 31))""")
    refuses_value(refuses, at, at.date_input[0], bad, then=dt.date(2024, 6, 1))


@pytest.mark.parametrize("bad", [["2024-05-03", "2024-05-01"], ["2024-05-01"] * 3, "2024-05-01", [None]])
def test_date_range_refuses_bad_values(refuses, bad):
    at = app("""st.date_input("D", (dt.date(2024, 5, 1), dt.date(2024, 5, 2)))""")
    refuses_value(refuses, at, at.date_input[0], bad, then=(dt.date(2024, 5, 3), dt.date(2024, 5, 4)))


DATE_INPUT_ERRORS = [
    ('st.date_input("D", format="YY-MM-DD")',
     "Invalid `format` value. Supported values: 'YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY.MM.DD', "
     "'DD.MM.YYYY', 'MM.DD.YYYY', 'YYYY-MM-DD', 'DD-MM-YYYY', 'MM-DD-YYYY'. Provided value: 'YY-MM-DD'."),
    ('st.date_input("D", dt.date(2020, 1, 1), min_value=dt.date(2021, 1, 1))',
     "The `value` 2020-01-01 is less than the `min_value` 2021-01-01."),
    ('st.date_input("D", 5)', "Invalid `value` type. Expected one of: date, datetime, ISO string, \"today\". "
                              "Provided type: int."),
]


# -- time_input ---------------------------------------------------------------------------

def test_time_input_defaults_and_choices():
    at = app("""
        a = st.time_input("A", dt.time(8, 0, 30))
        b = st.time_input("B", None, step=30)
        c = st.time_input("C", "14:45")
        st.markdown(repr((a, b, c)))
    """)
    assert out(at) == repr((dt.time(8, 0), None, dt.time(14, 45)))
    a, b, _ = at.time_input
    assert (a.step, a.format, a.props["value"]) == (900, "24h", "08:00")
    assert b.step == 30
    a.set_value(dt.time(9, 15)).run()
    b.set_value(dt.time(10, 0, 30)).run()
    assert out(at) == repr((dt.time(9, 15), dt.time(10, 0, 30), dt.time(14, 45)))
    assert at.time_input[1].props["value"] == "10:00:30"


def test_time_input_drops_seconds_when_the_step_is_whole_minutes():
    at = app("""st.markdown(repr(st.time_input("T", dt.time(8))))""")
    at.session.handle_message({"t": "widget", "id": at.time_input[0].id, "value": "09:10:59"})
    at.run()
    assert out(at) == repr(dt.time(9, 10))


@pytest.mark.parametrize("bad", ["25:00", "9am", 930, None, ["09:00"], "09:00+01:00"])
def test_time_input_refuses_bad_values(refuses, bad):
    at = app("""st.time_input("T", dt.time(8))""")
    refuses_value(refuses, at, at.time_input[0], bad, then=dt.time(9))


TIME_INPUT_ERRORS = [
    ('st.time_input("T", step=0)',
     "The `step` parameter, set to 0 seconds, is outside the required range [1 second, 23 hours]."),
    ('st.time_input("T", step="1m")', "Invalid `step` type. Expected one of: int, timedelta. Provided type: str."),
    ('st.time_input("T", format="am/pm")', "Invalid `format` value. Supported values: '12h', '24h', 'localized'."),
    ('st.time_input("T", value=5)', "Invalid `value` type. Expected one of: datetime, time, ISO string. "
                                    "Provided type: int."),
]


# -- color_picker -------------------------------------------------------------------------

def test_color_picker_defaults_and_choices():
    at = app("""
        a = st.color_picker("A")
        b = st.color_picker("B", "#0af")
        st.markdown(repr((a, b)))
    """)
    assert out(at) == "('#000000', '#0af')"
    at.color_picker[1].set_value("#ff8800").run()
    assert out(at) == "('#000000', '#ff8800')"


@pytest.mark.parametrize("bad", ["red", "#12345", "#ggg", 123, None, ["#000"]])
def test_color_picker_refuses_bad_values(refuses, bad):
    at = app("""st.color_picker("C", "#abcdef")""")
    refuses_value(refuses, at, at.color_picker[0], bad, then="#123456")


COLOR_PICKER_ERRORS = [
    ('st.color_picker("C", "blue")',
     "'blue' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'."),
    ('st.color_picker("C", 5)', "Invalid `value` type. Expected one of: str. Provided type: int. Pass a hex string "
                                "like `'#00FFAA'` or `'#000'`."),
]


# -- shared behaviour ---------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "default", "typed", "top"), [
    ("number_input", 1, 80, 50),  # the kept 80 is outside the new bounds
    ("slider", 10, 40, 90),  # a slider starts over on any change of its bounds
])
def test_a_keyed_widget_keeps_its_value_until_its_bounds_change_then_starts_over(kind, default, typed, top):
    at = app(f"""
        st.session_state.setdefault("top", 100)
        st.markdown(repr(st.{kind}("w", 0, st.session_state.top, {default}, key="w")))
    """)
    at.get(kind)[0].set_value(typed).run()
    at.run()
    assert out(at) == repr(typed)
    at.session_state["top"] = top
    at.run()
    assert out(at) == repr(default)


# kind, what follows the label, the value preset in session_state, how the person changes it
# (AppTest's method and argument), the n passed in kwargs (0: no kwargs), the value then.
ON_CHANGE = [
    ("text_area", "", '"preset"', "preset", ("input", "typed"), 2, "typed"),
    ("number_input", ", 0, 10", "7", 7, ("set_value", 9), 0, 9),
    ("radio", ', ["a", "b", "c"]', '"c"', "c", ("set_value", "b"), 0, "b"),
    ("selectbox", ', ["Paris", "Rome"]', '"Rome"', "Rome", ("select", "Paris"), 1, "Paris"),
    ("multiselect", ', ["x", "y", "z"]', '["y"]', ["y"], ("select", "z"), 0, ["y", "z"]),
    ("date_input", "", "dt.date(2023, 3, 4)", dt.date(2023, 3, 4), ("set_value", dt.date(2023, 3, 5)), 0,
     dt.date(2023, 3, 5)),
    ("time_input", "", "dt.time(6, 30)", dt.time(6, 30), ("set_value", dt.time(7, 0)), 0, dt.time(7, 0)),
    ("color_picker", "", '"#123456"', "#123456", ("set_value", "#654321"), 0, "#654321"),
]


@pytest.mark.parametrize(("kind", "rest", "preset", "before", "change", "n", "after"), ON_CHANGE,
                         ids=[case[0] for case in ON_CHANGE])
def test_a_widget_starts_from_session_state_and_calls_on_change_with_its_args(kind, rest, preset, before, change, n,
                                                                              after):
    kwargs = f", kwargs={{'n': {n}}}" if n else ""
    at = app(f"""
        st.session_state.setdefault("w", {preset})
        v = st.{kind}("W"{rest}, key="w", on_change=changed, args=("{kind}",){kwargs})
        st.markdown(repr((v, st.session_state.get("calls"))))
    """)
    assert out(at) == repr((before, None))
    method, value = change
    getattr(at.get(kind)[0], method)(value).run()
    assert out(at) == repr((after, [(kind, n)]))
    assert (type(at.session_state["w"]), at.session_state["w"]) == (type(after), after)


@pytest.mark.parametrize(("call", "message"), [
    *NUMBER_INPUT_ERRORS, *SLIDER_ERRORS, *CHECKBOX_ERRORS, *RADIO_ERRORS, *SELECTBOX_ERRORS, *MULTISELECT_ERRORS,
    *DATE_INPUT_ERRORS, *TIME_INPUT_ERRORS, *COLOR_PICKER_ERRORS,
])
def test_a_bad_argument_stops_the_script_with_streamlits_message(call, message):
    assert error(app(call)) == message


def test_widgets_inside_a_form_wait_for_the_submit():
    at = app("""
        with st.form("f"):
            s = st.slider("S", 0, 10, 1)
            m = st.multiselect("M", ["a", "b"])
            st.form_submit_button()
        st.markdown(repr((s, m)))
    """)
    at.slider[0].set_value(7).run()
    at.multiselect[0].select("b").run()
    assert out(at) == "(1, [])"
    at.button[0].click().run()
    assert out(at) == "(7, ['b'])"


def test_a_callback_inside_a_form_is_refused():
    at = app("""
        with st.form("f"):
            st.checkbox("C", on_change=changed, args=("x",))
            st.form_submit_button()
    """)
    assert "callbacks can only be defined on" in error(at)


@pytest.mark.parametrize("call", [
    'st.text_area("W", on_change="ignore")', 'st.number_input("W", on_change="ignore")',
    'st.slider("W", on_change="rerun")', 'st.checkbox("W", on_change=None)', 'st.toggle("W", on_change="ignore")',
    'st.radio("W", ["a"], on_change="ignore")', 'st.selectbox("W", ["a"], on_change="ignore")',
    'st.multiselect("W", ["a"], on_change="ignore")', 'st.date_input("W", on_change="ignore")',
    'st.time_input("W", on_change="ignore")', 'st.color_picker("W", on_change="ignore")',
])
def test_every_widget_takes_streamlits_on_change_modes(call):
    at = app(call)
    assert not at.exception


@pytest.mark.parametrize("kind", ["text_area", "number_input", "slider", "checkbox", "toggle", "radio", "selectbox",
                                  "multiselect", "date_input", "time_input", "color_picker"])
def test_every_widget_has_its_renderer(kind):
    at = AppTest.from_string("import appcore as st")
    assert at.app.element_urls[kind].endswith(".js")
