"""st.vega_lite_chart and st.altair_chart on AppTest: node types as Streamlit 1.67's, the
selection a chart returns with on_select, and the values it refuses."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest

SPEC = """
import appcore as st
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
spec = {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}},
        "params": [{"name": "pick", "select": {"type": "point", "fields": ["a"]}},
                   {"name": "box", "select": "interval"}]}
"""


def test_both_are_streamlits_vega_lite_chart_nodes_and_return_a_container_without_on_select() -> None:
    at = AppTest.from_string(SPEC + """
import altair as alt
first = st.vega_lite_chart(df, spec)
second = st.altair_chart(alt.Chart(df).mark_bar().encode(x="a:O", y="b"))
first.markdown("into the chart's place")
""", default_timeout=60).run()  # importing altair can take longer than 3 s on a busy machine
    assert not at.exception
    assert [n.type for n in at.main][1:] == ["markdown", "vega_lite_chart"]
    assert at.vega_lite_chart[0].value is None
    assert at.altair_chart[0].props["spec"]["mark"] == {"type": "bar"}


def test_a_selection_is_empty_until_the_page_sends_one_and_is_read_by_key_and_attribute() -> None:
    at = AppTest.from_string(SPEC + """
event = st.vega_lite_chart(df, spec, on_select="rerun", key="chart")
st.write(repr(event.selection.pick), repr(event["selection"]["box"]), type(event).__name__)
""").run()
    assert at.markdown[0].value.startswith("{} {} VegaLiteState")
    chart = at.vega_lite_chart[0]
    assert chart.props["selection_mode"] == ["pick", "box"] and chart.value == {"selection": {"box": {}, "pick": {}}}
    at.send({"t": "widget", "id": chart.id, "value": {"selection": {"pick": [{"a": 2}], "box": {"a": [1, 2.5]}}}})
    at.run()
    assert at.markdown[0].value.startswith("[{'a': 2}] {'a': [1, 2.5]}")
    assert at.session_state["chart"]["selection"]["pick"] == [{"a": 2}]


@pytest.mark.parametrize("value", [
    {"selection": {"other": {}}},             # not a selection parameter of this chart
    {"selection": {"pick": "a"}},             # neither points nor a mapping
    {"selection": {"pick": [1, 2]}},          # points are mappings of fields
    {"chosen": {}},                           # not a selection at all
    [1, 2],
])
def test_a_value_outside_the_charts_selections_is_refused(value: object) -> None:
    at = AppTest.from_string(SPEC + "st.vega_lite_chart(df, spec, on_select='rerun', selection_mode='pick')").run()
    chart = at.vega_lite_chart[0]
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": chart.id, "value": value}).run()


def test_a_callback_runs_when_the_selection_changes() -> None:
    at = AppTest.from_string(SPEC + """
def picked():
    st.session_state.seen = st.session_state.c.selection.pick
st.vega_lite_chart(df, spec, on_select=picked, key="c")
st.write(repr(st.session_state.get("seen")))
""").run()
    at.send({"t": "widget", "id": at.vega_lite_chart[0].id, "value": {"selection": {"pick": [{"a": 3}]}}}).run()
    assert "3" in at.markdown[0].value


def test_the_selection_cannot_be_set_through_session_state() -> None:
    at = AppTest.from_string(SPEC + """
st.session_state.c = {"selection": {"pick": [{"a": 1}]}}
st.vega_lite_chart(df, spec, on_select="rerun", key="c")
""").run()
    assert "is read-only" in at.exception[0].message


def test_a_chart_keeps_its_selection_identity_when_only_its_data_changes() -> None:
    at = AppTest.from_string(SPEC + """
n = st.session_state.setdefault("n", 3)
event = st.vega_lite_chart(pd.DataFrame({"a": range(n)}), spec, on_select="rerun")
st.write(event.selection.pick)
if st.button("more"):
    st.session_state.n += 1
""").run()
    chart_id = at.vega_lite_chart[0].id
    at.send({"t": "widget", "id": chart_id, "value": {"selection": {"pick": [{"a": 1}]}}}).run()
    at.button[0].click().run()
    at.run()
    assert at.vega_lite_chart[0].id == chart_id
