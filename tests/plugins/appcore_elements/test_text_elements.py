"""Text and display elements: what the page shows for each call (AppTest)."""
from __future__ import annotations

import json

import pytest
import sympy  # noqa: F401  (imported here: on a busy machine its first import outlasts AppTest's 3 s)

from appcore.testing import AppTest


def run(src: str, timeout: float | None = None) -> AppTest:
    at = AppTest.from_string(src).run(timeout=timeout)
    assert not at.errors, at.errors
    return at


def error_of(src: str) -> str:
    """The message of the exception a script's bad call shows."""
    at = AppTest.from_string(src).run()
    assert len(at.exception) == 1, at
    return at.exception[0].message


# -- st.text, st.code, st.latex, st.divider --------------------------------------------------


def test_text_shows_the_body_as_typed_with_help():
    at = run("""
        import appcore as st
        st.text('''
            Two   spaces
            and *no* markdown
        ''', help="a tip")
    """)
    text = at.text[0]
    assert text.value == "Two   spaces\nand *no* markdown"
    assert text.props["help"] == "a tip"
    assert text.props["wrap"] is True and text.props["width"] == "content"


def test_text_rejects_a_wrap_that_is_not_a_bool():
    assert "`wrap`" in error_of("import appcore as st\nst.text('x', wrap='yes')")


def test_code_defaults_to_python_and_trims_one_newline_each_side():
    at = run("""
        import appcore as st
        st.code('\\nprint("hi")\\n\\n')
        st.code("plain", language=None, line_numbers=True, wrap_lines=True, height=200)
    """)
    first, second = at.code
    assert first.value == 'print("hi")\n'
    assert first.props["language"] == "python"
    assert first.props["line_numbers"] is False and first.props["wrap_lines"] is False
    assert first.props["height"] == "content"
    assert second.props["language"] == "plaintext"
    assert second.props["line_numbers"] is True and second.props["wrap_lines"] is True
    assert second.props["height"] == 200


def test_code_rejects_a_bad_height():
    assert "Invalid height value: -3" in error_of("import appcore as st\nst.code('x', height=-3)")


def test_latex_shows_its_source_and_accepts_sympy():
    at = run("""
        import appcore as st
        import sympy
        st.latex(r"e^{i\\pi} + 1 = 0", help="Euler")
        x = sympy.Symbol("x")
        st.latex(x**2 / 2)
    """, timeout=60)  # the first import of sympy may take seconds on a busy machine
    assert at.latex[0].value == "$$\n" r"e^{i\pi} + 1 = 0" "\n$$"  # as Streamlit's AppTest reads it
    assert at.latex[0].props["help"] == "Euler"
    assert at.latex[1].props["body"] == r"\frac{x^{2}}{2}"


def test_divider_is_its_own_element():
    at = run("import appcore as st\nst.divider()")
    assert [e.type for e in at.main.children] == ["divider"]


# -- st.json -----------------------------------------------------------------------------------


def test_json_of_a_dict_is_expanded_by_default():
    at = run("""
        import appcore as st
        st.json({"a": [1, 2, {"b": None}], "s": {3}})
    """)
    element = at.json[0]
    assert json.loads(element.value) == {"a": [1, 2, {"b": None}], "s": [3]}
    assert element.props["expanded"] is True
    assert element.props["max_expand_depth"] is None


@pytest.mark.parametrize("expanded, shown, depth", [(False, False, None), (True, True, None), (2, True, 2),
                                                    (0, True, 0)])
def test_json_expanded_may_be_a_bool_or_a_depth(expanded, shown, depth):
    at = run(f"import appcore as st\nst.json([1, [2, [3]]], expanded={expanded!r})")
    assert at.json[0].props["expanded"] is shown
    assert at.json[0].props["max_expand_depth"] == depth


def test_json_takes_a_string_as_json_text_and_a_namedtuple_as_a_dict():
    at = run("""
        import appcore as st
        from collections import namedtuple
        st.json('{"already": "json"}')
        Point = namedtuple("Point", "x y")
        st.json(Point(1, 2))
    """)
    assert at.json[0].value == '{"already": "json"}'
    assert json.loads(at.json[1].value) == {"x": 1, "y": 2}


def test_json_rejects_an_expanded_that_is_neither_bool_nor_int():
    assert "Invalid `expanded` type" in error_of("import appcore as st\nst.json({}, expanded='yes')")


# -- st.metric ---------------------------------------------------------------------------------


@pytest.mark.parametrize("delta, delta_color, color, direction", [
    (5, "normal", "green", "up"),
    (-5, "normal", "red", "down"),
    ("-1.2%", "normal", "red", "down"),
    ("+3", "normal", "green", "up"),
    (5, "inverse", "red", "up"),
    (-5, "inverse", "green", "down"),
    (5, "off", "gray", "up"),
    (0, "normal", "gray", "none"),
    (None, "normal", "gray", "none"),
    (-5, "blue", "blue", "down"),
])
def test_metric_delta_points_and_colours_by_sign(delta, delta_color, color, direction):
    at = run(f"import appcore as st\nst.metric('Speed', 42, {delta!r}, {delta_color!r})")
    metric = at.metric[0]
    assert (metric.props["color"], metric.props["direction"]) == (color, direction)
    assert metric.value == "42"
    assert metric.props["delta"] == ("" if delta is None else str(delta))


def test_metric_shows_text_values_and_a_dash_for_none():
    at = run("""
        import appcore as st
        st.metric("Temperature", "70 °F", "1.2 °F", help="outside", border=True, label_visibility="hidden")
        st.metric("Nothing yet", None)
    """)
    first, second = at.metric
    assert first.props["label"] == "Temperature" and first.value == "70 °F"
    assert first.props["delta"] == "1.2 °F" and first.props["direction"] == "up"
    assert first.props["help"] == "outside" and first.props["border"] is True
    assert first.props["label_visibility"] == "hidden"
    assert second.value == "—" and second.props["delta"] == ""


def test_metric_format_and_arrow_and_chart():
    at = run("""
        import appcore as st
        st.metric("Revenue", 1234.5, -120, format="dollar", delta_arrow="off", chart_data=[1, 2, float("nan")])
    """)
    metric = at.metric[0]
    assert metric.value == "$1,234.50" and metric.props["delta"] == "-$120.00"
    assert metric.props["color"] == "red" and metric.props["direction"] == "none"
    assert metric.props["chart_data"] == [1.0, 2.0, None]


def test_metric_rejects_an_unknown_delta_color():
    message = error_of("import appcore as st\nst.metric('x', 1, 2, delta_color='purple')")
    assert "Invalid `delta_color` value" in message
    assert "'normal', 'inverse', 'off'" in message and "'purple'" in message


def test_metric_rejects_a_value_that_is_not_a_number_or_text():
    assert "Invalid `value` type" in error_of("import appcore as st\nst.metric('x', [1])")


# -- alerts -------------------------------------------------------------------------------------


def test_alerts_render_their_markdown_body():
    at = run("""
        import appcore as st
        st.success("Saved **3** files")
        st.info("Note: `r` reruns")
        st.warning("Careful")
        st.error("Failed", title="Upload")
    """)
    assert at.success[0].value == "Saved **3** files"
    assert "<strong>3</strong>" in at.success[0].props["html"]
    assert "<code>r</code>" in at.info[0].props["html"]
    assert at.warning[0].value == "Careful"
    assert at.error[0].value == "Failed" and at.error[0].props["title"] == "Upload"
    assert [e.type for e in at.main.children] == ["success", "info", "warning", "error"]


def test_alert_icons_come_from_the_argument_or_a_leading_emoji():
    at = run("""
        import appcore as st
        st.info("Heads up", icon="ℹ️")
        st.warning("⚠️ Disk almost full")
        st.success(":material/check_circle: Done")
        st.error("No icon here")
    """)
    assert at.info[0].props["icon"] == "ℹ️" and at.info[0].value == "Heads up"
    assert at.warning[0].props["icon"] == "⚠️" and at.warning[0].value == "Disk almost full"
    assert at.success[0].props["icon"] == ":material/check_circle:" and at.success[0].value == "Done"
    assert at.error[0].props["icon"] == ""


def test_alert_rejects_an_icon_that_is_not_an_emoji():
    assert "is not a valid icon" in error_of("import appcore as st\nst.info('x', icon='star')")


def test_alert_body_html_is_escaped():
    at = run("import appcore as st\nst.error('<script>alert(1)</script>')")
    assert "<script>" not in at.error[0].props["html"]


# -- st.empty and st.container ------------------------------------------------------------------


def test_empty_holds_only_the_last_element_drawn_into_it():
    at = run("""
        import appcore as st
        st.text("before")
        ph = st.empty()
        ph.text("a")
        ph.text("b")
        st.text("after")
    """)
    assert at.text.values == ["before", "b", "after"]


def test_empty_draws_nothing_until_used_and_can_hold_a_container_or_columns():
    at = run("""
        import appcore as st
        blank = st.empty()
        ph = st.empty()
        with ph.container():
            st.write("a")
            st.button("b")
        cleared = st.empty()
        cleared.text("gone")
        cleared.empty()
        cols = st.empty()
        cols.columns(2)[0].write("c")
        last = st.empty()
        with last:
            st.write("one")
            st.write("two")
    """)
    # As Streamlit 1.67's AppTest shows the same script.
    assert [n.type for n in at.main] == ["main", "empty", "flex_container", "markdown", "button", "empty",
                                         "flex_container", "column", "markdown", "column", "markdown"]
    assert at.markdown.values == ["a", "c", "two"]
    assert not at.text


def test_container_holds_its_children_in_order():
    at = run("""
        import appcore as st
        box = st.container(border=True, key="box")
        st.text("outside")
        box.text("inside")
        with box:
            st.text("inside too")
    """)
    box = at.container[0]
    assert box.props["border"] is True and box.key == "box"
    assert [c.value for c in box.children] == ["inside", "inside too"]
    assert at.main.children[1].value == "outside"


def test_container_with_a_fixed_height_gets_a_border_unless_told():
    at = run("""
        import appcore as st
        st.container(height=300).text("x")
        st.container(height=300, border=False).text("y")
        st.container().text("z")
    """)
    assert [c.props["border"] for c in at.container] == [True, False, False]
    assert at.container[0].props["height"] == 300


def test_container_rejects_nowrap_when_vertical():
    assert "wrap=False" in error_of("import appcore as st\nst.container(wrap=False)")


# -- st.write ------------------------------------------------------------------------------------


def test_write_joins_consecutive_strings_into_one_markdown():
    at = run("""
        import appcore as st
        st.write("Hello", "*world*")
        st.write("just one")
    """)
    assert at.markdown.values == ["Hello *world*", "just one"]


def test_write_shows_numbers_bools_and_none_as_code_within_the_text():
    at = run("""
        import appcore as st
        st.write("x =", 3, 2.5, True, None)
        st.write(42)
    """)
    assert at.markdown.values == ["x = `3` `2.5` `True` `None`", "`42`"]


def test_write_sends_dicts_and_lists_to_json():
    at = run("""
        import appcore as st
        st.write("Config:", {"debug": True}, [1, 2])
    """)
    assert [e.type for e in at.main.children] == ["markdown", "json", "json"]
    assert json.loads(at.json[0].value) == {"debug": True}
    assert json.loads(at.json[1].value) == [1, 2]


def test_write_shows_a_dataframe_as_a_table():
    at = run("""
        import appcore as st
        import pandas as pd
        df = pd.DataFrame({"name": ["a", "b"], "score": [1.5, float("nan")]}, index=pd.Index([10, 20], name="id"))
        st.write(df)
        st.write(pd.Series([1, 2], name="n"))
    """)
    table, series = at.dataframe
    assert [(c["name"], c["index"], c["kind"]) for c in table.props["columns"]] == [
        ("id", True, "int"), ("name", False, "text"), ("score", False, "float")]
    assert table.props["rows"] == [[10, "a", 1.5], [20, "b", None]]
    assert [c["name"] for c in series.props["columns"]] == ["_index", "n"] and series.props["rows"] == [[0, 1], [1, 2]]


def test_write_draws_a_long_frame_as_st_dataframe_does_windowed():
    at = run("""
        import appcore as st
        import pandas as pd
        st.write(pd.DataFrame({"i": range(1500)}))
    """)
    table = at.dataframe[0]
    assert table.props["windowed"] and table.props["total_rows"] == 1500 and len(table.value) == 1500
    assert table.props["rows"][-1] == [99, 99]  # the first rows come with the element, the rest on request


def test_write_shows_an_exception():
    at = run("""
        import appcore as st
        st.write(ValueError("bad input"))
    """)
    assert at.exception[0].props["type"] == "ValueError"
    assert at.exception[0].message == "bad input"


def test_write_describes_functions_classes_and_modules():
    at = run('''
        import appcore as st
        import json

        def double(x: int) -> int:
            """Twice x."""
            return 2 * x

        class Thing:
            """A thing."""
            size = 3

        st.write(double)
        st.write(Thing)
        st.write(json)
    ''')
    fn, cls, module = at.help
    assert fn.props["name"] == "double" and fn.props["type"] == "function"
    assert fn.props["doc"] == "Twice x." and fn.props["value"].endswith("double(x: int) -> int")
    assert cls.props["type"] == "class" and cls.props["doc"] == "A thing."
    assert {"name": "size", "type": "int", "value": "3", "doc": None} in cls.props["members"]
    assert module.props["type"] == "module" and "dumps" in [m["name"] for m in module.props["members"]]


def test_write_shows_other_objects_as_code():
    at = run("""
        import appcore as st
        from fractions import Fraction
        class Multi:
            def __str__(self):
                return "line 1\\nline 2"
        st.write(Fraction(1, 3), (1, 2))
        st.write(Multi())
    """)
    assert at.markdown.values == ["`1/3` `(1, 2)`", "```\nline 1\nline 2\n```"]


def test_write_streams_a_generator_into_one_markdown():
    at = run("""
        import appcore as st
        def words():
            yield "Hello "
            yield "there"
        st.write(words())
    """)
    assert at.markdown.values == ["Hello there"]


def test_write_cannot_put_several_elements_into_one_slot():
    message = error_of("import appcore as st\nst.empty().write('a', 1)")
    assert "Cannot replace a single element with multiple elements" in message


def test_help_shows_the_variable_name():
    at = run("""
        import appcore as st
        numbers = [1, 2]
        st.help(numbers)
    """)
    element = at.help[0]
    assert element.props["name"] == "numbers" and element.props["type"] == "list"
    assert element.props["value"] == "[1, 2]"


def test_help_of_the_st_module_itself_lists_its_members_without_secrets():
    # Streamlit's docs example utilities.help2.py: magic `st` in an app with no secrets file.
    # st.secrets' repr cannot be read there; help lists it without a value.
    at = run("""
        import appcore as st
        st
    """)
    assert not at.exception
    members = {m["name"]: m for m in at.help[0].props["members"]}
    assert "secrets" in members and "button" in members


def test_coloured_text_as_streamlit_writes_it():
    at = run("""
        import appcore as st
        st.markdown(":green[Go **now**], :red-background[stop], :nocolour[as written]")
    """)
    html = at.markdown[0].props["html"]
    assert '<span class="ac-fg-green">Go <strong>now</strong></span>' in html
    assert '<span class="ac-bg-red">stop</span>' in html and ":nocolour[as written]" in html
