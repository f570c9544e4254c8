"""st.line_chart (SVG until the charts issue)."""
from __future__ import annotations

from appcore.testing import AppTest


def test_columns_become_series_over_the_index():
    at = AppTest.from_string("""
        import appcore as st
        import pandas as pd
        st.line_chart(pd.DataFrame({"a": [1, 2, 3], "b": [3, None, 1]}, index=[10, 20, 30]))
        st.line_chart({"t": [0, 1], "v": [5, 6]}, x="t", color="#ff0000")
    """).run()
    first, second = at.line_chart
    assert first.props["x"] == [10, 20, 30]
    assert [(s["name"], s["values"]) for s in first.props["series"]] == [("a", [1, 2, 3]), ("b", [3, None, 1])]
    assert second.props["x"] == [0, 1] and second.props["series"] == [{"name": "v", "values": [5, 6],
                                                                         "color": "#ff0000"}]


def test_unknown_columns_are_an_error():
    at = AppTest.from_string("""
        import appcore as st
        st.line_chart({"v": [1]}, x="time")
    """).run()
    assert "x='time' is not a column" in at.exception[0].message
