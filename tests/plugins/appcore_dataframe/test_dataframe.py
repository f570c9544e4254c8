"""st.dataframe on its Python side: the inputs Streamlit takes, Streamlit 1.67's AppTest node,
column_config, hide_index, column_order, errors, and the element a rerun keeps."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from appcore.plugin import is_dataframe_like, to_dataframe
from appcore.testing import AppTest
from appcore.testing.element_tree import Dataframe

import appcore as st


def run(source: str) -> AppTest:
    at = AppTest.from_string("import appcore as st\nimport pandas as pd\nimport numpy as np\n" + source).run()
    assert not at.exception, at.exception
    return at


def columns(at: AppTest, n: int = 0) -> list[tuple[str, str]]:
    return [(c["name"], c["label"]) for c in at.dataframe[n].props["columns"]]


def test_a_dataframe_is_streamlits_dataframe_node_whose_value_is_the_whole_input():
    at = run("st.dataframe(pd.DataFrame({'a': [1, 2, 3], 'b': ['x', 'y', 'z']}), key='t')")
    node = at.dataframe[0]
    assert node.type == "dataframe" and isinstance(node, Dataframe)
    assert node.editing_mode == "read_only"
    pd.testing.assert_frame_equal(node.value, pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}))
    assert node.props["rows"] == [[0, 1, "x"], [1, 2, "y"], [2, 3, "z"]]
    assert columns(at) == [("_index", ""), ("a", "a"), ("b", "b")]


@pytest.mark.parametrize(("data", "expected"), [
    (pd.Series([1, 2], name="s"), pd.DataFrame({"s": [1, 2]})),
    (pd.Index([4, 5]), pd.DataFrame({0: [4, 5]})),
    (np.arange(3), pd.DataFrame({"value": [0, 1, 2]})),
    (np.arange(4).reshape(2, 2), pd.DataFrame([[0, 1], [2, 3]])),
    ({"a": [1, 2]}, pd.DataFrame({"a": [1, 2]})),
    ({"a": 1, "b": 2}, pd.DataFrame({"value": [1, 2]}, index=["a", "b"])),
    ([1, 2], pd.DataFrame({"value": [1, 2]})),
    ([{"a": 1}, {"a": 2, "b": 3}], pd.DataFrame({"a": [1, 2], "b": [np.nan, 3.0]})),
    ([[1, 2], [3, 4]], pd.DataFrame([[1, 2], [3, 4]])),
    ((1, 2), pd.DataFrame({"value": [1, 2]})),
    (pa.table({"x": [1, 2]}), pd.DataFrame({"x": [1, 2]})),
])
def test_every_input_streamlit_takes_becomes_the_frame_streamlit_makes_of_it(data, expected):
    assert is_dataframe_like(data) == (not isinstance(data, (dict, list, tuple)))
    pd.testing.assert_frame_equal(to_dataframe(data), expected, check_dtype=False)


def test_an_object_with_to_pandas_or_the_interchange_protocol_is_a_table():
    class Lazy:
        __module__ = "polars.dataframe.frame"

        def to_pandas(self):
            return pd.DataFrame({"q": [7]})

    assert is_dataframe_like(Lazy())
    pd.testing.assert_frame_equal(to_dataframe(Lazy()), pd.DataFrame({"q": [7]}))

    class Interchange:  # only the protocol, no to_pandas
        def __init__(self):
            self.table = pa.table({"r": [1, 2]})

        def __dataframe__(self, *args, **kwargs):
            return self.table.__dataframe__(*args, **kwargs)

    assert is_dataframe_like(Interchange())
    assert to_dataframe(Interchange())["r"].tolist() == [1, 2]


def test_a_string_is_no_table_and_the_error_says_so():
    at = AppTest.from_string("import appcore as st\nst.dataframe('abc')").run()
    assert "Unable to convert object of type `<class 'str'>` to `pandas.DataFrame`" in at.exception[0].value


def test_cells_travel_as_json_the_page_draws():
    at = run("""
import datetime as dt
st.dataframe(pd.DataFrame({
    "f": [0.5, float("nan")], "b": [True, False], "t": pd.to_datetime(["2024-01-05 10:30", None]),
    "d": [dt.date(2024, 2, 1), dt.date(2024, 2, 2)], "l": [[1, 2], [3]], "o": [{"k": 1}, None],
}), hide_index=True)
""")
    assert at.dataframe[0].props["rows"] == [
        [0.5, True, "2024-01-05 10:30:00", "2024-02-01", [1, 2], {"k": 1}],
        [None, False, None, "2024-02-02", [3], None],
    ]
    kinds = [c["kind"] for c in at.dataframe[0].props["columns"]]
    assert kinds == ["float", "bool", "datetime", "date", "list", "object"]


def test_a_column_starts_as_wide_as_its_longest_text_and_an_empty_one_narrow():
    at = run("""
st.dataframe(pd.DataFrame({"name": ["Ann", "Bartholomew"], "note": [None, None], "long": ["x" * 300] * 2}),
             hide_index=True)
""")
    chars = {c["name"]: c["chars"] for c in at.dataframe[0].props["columns"]}
    assert chars == {"name": 11, "note": 4, "long": 60}


def test_column_config_labels_hides_and_orders_columns_and_hide_index_drops_the_index():
    at = run("""
df = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
st.dataframe(df, column_config={"a": "Alpha", "b": None, "c": st.column_config.NumberColumn("Gamma", format="%d ⭐", help="h")})
st.dataframe(df, column_order=["c", "a"], hide_index=True)
st.dataframe(df.set_index("a"), column_config={"_index": "Key"})
""")
    assert columns(at, 0) == [("_index", ""), ("a", "Alpha"), ("c", "Gamma")]
    gamma = at.dataframe[0].props["columns"][2]
    assert gamma["help"] == "h" and gamma["type_config"]["format"] == "%d ⭐"
    assert columns(at, 1) == [("c", "c"), ("a", "a")]
    assert at.dataframe[1].props["rows"] == [[3, 1]]
    assert columns(at, 2)[0] == ("a", "Key") and at.dataframe[2].props["columns"][0]["pinned"] is True


def test_column_config_functions_give_streamlits_dicts():
    cc = st.column_config
    assert cc.NumberColumn("x", format="%d", min_value=0, help="h", width="small") == {
        "label": "x", "width": "small", "help": "h", "disabled": None, "required": None, "pinned": None,
        "alignment": None, "default": None,
        "type_config": {"type": "number", "min_value": 0, "max_value": None, "format": "%d", "step": None}}
    assert cc.ProgressColumn("p", min_value=0, max_value=100, format="%f") == {
        "label": "p", "width": None, "help": None, "pinned": None,
        "type_config": {"type": "progress", "format": "%f", "min_value": 0, "max_value": 100, "step": None, "color": None}}
    assert cc.LinkColumn("k", display_text="Open")["type_config"] == {
        "type": "link", "max_chars": None, "validate": None, "display_text": "Open"}
    assert cc.Column("c", width=100, pinned=True) == {
        "label": "c", "width": 100, "help": None, "disabled": None, "required": None, "pinned": True, "alignment": None}
    assert cc.SelectboxColumn("s", options=[1, 2], format_func=str)["type_config"] == {
        "type": "selectbox", "options": [{"value": 1, "label": "1"}, {"value": 2, "label": "2"}]}
    assert cc.MultiselectColumn(options=["a", "b"], color=["red", "blue"])["type_config"]["options"] == [
        {"value": "a", "color": "red"}, {"value": "b", "color": "blue"}]
    assert cc.DatetimeColumn("x", timezone="UTC", step=dt.timedelta(seconds=5),
                             min_value=dt.datetime(2020, 1, 1))["type_config"] == {
        "type": "datetime", "format": None, "min_value": "2020-01-01T00:00:00", "max_value": None, "step": 5.0,
        "timezone": "UTC"}
    assert cc.TimeColumn(step=60, default=dt.time(1, 2))["default"] == "01:02:00"
    assert cc.ListColumn(default=["a"]) == {"label": None, "width": None, "help": None, "pinned": None,
                                           "disabled": None, "required": None, "default": ["a"],
                                           "type_config": {"type": "list"}}
    assert cc.BarChartColumn(color="auto")["type_config"] == {"type": "bar_chart", "y_min": None, "y_max": None,
                                                               "color": "auto"}
    assert cc.JsonColumn() == {"label": None, "width": None, "help": None, "pinned": None, "alignment": None,
                               "type_config": {"type": "json"}}


def test_a_bad_column_config_is_refused_with_streamlits_message():
    at = AppTest.from_string("import appcore as st\nst.dataframe({'a': [1]}, column_config={'a': 3})").run()
    assert "Invalid configuration for column `a`" in at.exception[0].value
    at = AppTest.from_string("import appcore as st\nst.dataframe({'a': [1]}, width='wide')").run()
    assert "width" in at.exception[0].value


def test_selection_default_without_on_select_is_refused_as_streamlit_refuses_it():
    at = AppTest.from_string(
        "import appcore as st\nst.dataframe({'a': [1]}, selection_default={'selection': {'rows': [0]}})").run()
    assert "selection_default" in at.exception[0].value and "on_select" in at.exception[0].value


def test_a_styler_sends_its_display_text_and_only_safe_colours():
    at = run("""
df = pd.DataFrame({"a": [1.0, 2.5], "b": ["x", "y"]})
styler = df.style.format({"a": "{:.2f} kg"}).map(lambda v: "background-color: yellow; color: red; behavior: url(x)"
                                                     if v == 2.5 else "")
st.dataframe(styler)
""")
    props = at.dataframe[0].props
    assert props["display"] == [[None, "1.00 kg", "x"], [None, "2.50 kg", "y"]]
    assert props["styles"][1][1] == "background-color: yellow; color: red"
    assert props["styles"][0][1] is None
    pd.testing.assert_frame_equal(at.dataframe[0].value, pd.DataFrame({"a": [1.0, 2.5], "b": ["x", "y"]}))


def test_a_large_frame_sends_its_head_and_keeps_the_rest_on_the_server():
    at = run("st.dataframe(pd.DataFrame({'x': range(5000)}))")
    props = at.dataframe[0].props
    assert props["windowed"] is True and props["total_rows"] == 5000 and len(props["rows"]) == 100
    assert at.dataframe[0].value.shape == (5000, 1)
    small = run("st.dataframe(pd.DataFrame({'x': range(1000)}))").dataframe[0].props
    assert small["windowed"] is False and len(small["rows"]) == 1000


def test_a_rerun_drawing_an_equal_frame_keeps_the_element_and_a_changed_frame_gets_a_new_token():
    at = AppTest.from_string("""
import appcore as st, pandas as pd
n = st.number_input("n", value=3)
st.dataframe(pd.DataFrame({"x": range(3)}))
st.dataframe(pd.DataFrame({"x": range(int(n))}))
""").run()
    same, changing = at.dataframe[0].props["token"], at.dataframe[1].props["token"]
    at.number_input[0].set_value(3).run()
    assert at.dataframe[0].props["token"] == same and at.dataframe[1].props["token"] == changing
    at.number_input[0].set_value(4).run()
    assert at.dataframe[0].props["token"] == same and at.dataframe[1].props["token"] != changing
    assert at.dataframe[1].value["x"].tolist() == [0, 1, 2, 3]


def test_st_write_draws_a_dataframe_with_st_dataframe():
    at = run("st.write(pd.DataFrame({'x': [1, 2]}, index=['a', 'b']))")
    pd.testing.assert_frame_equal(at.dataframe[0].value, pd.DataFrame({"x": [1, 2]}, index=["a", "b"]))
