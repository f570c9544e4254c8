"""st.table: Streamlit 1.67's Table node, borders, the index and header it hides by itself,
Styler text and colours, and its errors."""
from __future__ import annotations

import pandas as pd
import pytest

from appcore.testing import AppTest


def run(source: str) -> AppTest:
    at = AppTest.from_string("import appcore as st\nimport pandas as pd\n" + source).run()
    assert not at.exception, at.exception
    return at


def labels(node) -> list[str]:
    return [c["label"] for c in node.props["columns"]]


def test_a_table_is_streamlits_table_node_with_every_row_and_its_input_as_value():
    at = run("st.table(pd.DataFrame({'a': [1, 2, 3], 'b': ['x', 'y', 'z']}))")
    node = at.table[0]
    assert node.type == "table" and type(node).__name__ == "Table"
    pd.testing.assert_frame_equal(node.value, pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}))
    assert node.props["rows"] == [[1, "x"], [2, "y"], [3, "z"]]  # a plain row-number index is hidden
    assert labels(node) == ["a", "b"] and node.props["border"] == "all" and node.props["hide_header"] is False


def test_a_named_index_shows_and_hide_index_or_hide_header_say_otherwise():
    at = run("""
df = pd.DataFrame({"a": [1, 2]}, index=["r1", "r2"])
st.table(df)
st.table(df, hide_index=True, hide_header=True)
st.table(pd.DataFrame({"a": [1]}), hide_index=False)
""")
    assert at.table[0].props["rows"] == [["r1", 1], ["r2", 2]] and at.table[0].props["columns"][0]["index"]
    assert at.table[1].props["rows"] == [[1], [2]] and at.table[1].props["hide_header"] is True
    assert at.table[2].props["rows"] == [[0, 1]]


@pytest.mark.parametrize(("data", "hidden"), [
    ("[[1, 2], [3, 4]]", True), ("[1, 2]", True), ("{'k': 1, 'v': 2}", True), ("pd.Series([1]).to_numpy()", True),
    ("{'a': [1, 2]}", False), ("[{'a': 1}]", False), ("pd.DataFrame({'a': [1]})", False),
])
def test_data_without_column_names_is_drawn_without_a_header_as_streamlit_draws_it(data, hidden):
    assert run(f"st.table({data})").table[0].props["hide_header"] is hidden


def test_border_takes_true_false_or_horizontal_and_nothing_else():
    at = run("st.table([1], border=False)\nst.table([1], border='horizontal')")
    assert [t.props["border"] for t in at.table] == ["none", "horizontal"]
    at = AppTest.from_string("import appcore as st\nst.table([1], border='dotted')").run()
    assert "Invalid `border` value" in at.exception[0].value and "'horizontal'" in at.exception[0].value


def test_a_styler_keeps_its_text_and_colours():
    at = run("""
df = pd.DataFrame({"a": [1.0, 3.0]})
st.table(df.style.format("{:.1f} kg").highlight_max(color="#ffe08a"))
""")
    props = at.table[0].props
    assert props["display"] == [["1.0 kg"], ["3.0 kg"]]
    assert props["styles"] == [[None], ["background-color: #ffe08a"]]
