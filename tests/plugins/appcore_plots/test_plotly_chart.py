"""st.plotly_chart through AppTest: Streamlit 1.67's node type, signature checks and
messages, the figure's JSON as plotly.js takes it, and selections as PlotlyState."""
from __future__ import annotations

import textwrap

import pytest

from appcore.testing import AppTest
from appcore.testing.element_tree import UnknownElement
from tests.helpers import width_error

pytest.importorskip("plotly")  # a test extra: pyproject's [test] installs it

FIGURE = """
    import appcore as st
    import plotly.graph_objects as go
    figure = go.Figure(go.Scatter(x=[1, 2, 3], y=[4, 5, 6]))
"""


def run(body: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(FIGURE) + textwrap.dedent(body), default_timeout=30).run()


def test_a_figure_is_an_unknown_element_of_type_plotly_chart_with_its_json_and_no_value():
    at = run("st.plotly_chart(figure, key='p')")
    node = at.get("plotly_chart")[0]
    assert isinstance(node, UnknownElement) and node.type == "plotly_chart" and node.key == "p"
    assert node.value is None
    assert node.props["spec"]["data"] == [{"type": "scatter", "x": [1, 2, 3], "y": [4, 5, 6]}]
    assert node.props["theme"] == "streamlit" and node.props["themed_template"] is True
    # Streamlit's sizes: the container's width, the figure's height or plotly.js's 450.
    assert (node.props["width"], node.props["height"]) == ("stretch", 450)


def test_content_width_takes_the_figures_own_size_and_a_chosen_template_is_kept():
    at = run("""
    figure.update_layout(width=520, height=300, template="plotly_dark")
    st.plotly_chart(figure, width="content", theme=None)
    st.plotly_chart(figure, use_container_width=False)
    """)
    first, second = at.get("plotly_chart")
    assert (first.props["width"], first.props["height"]) == (520, 300)
    assert first.props["themed_template"] is False and first.props["theme"] is None
    assert second.props["width"] == 520 and second.props["themed_template"] is False


def test_numpy_data_travels_as_plotlys_typed_arrays_and_a_dict_or_list_is_a_figure_too():
    at = run("""
    import numpy as np
    st.plotly_chart(go.Figure(go.Scatter(y=np.arange(4, dtype="int8"))))
    st.plotly_chart({"data": [{"type": "bar", "x": ["a"], "y": [1]}]})
    st.plotly_chart([go.Bar(x=["b"], y=[2])])
    """)
    numpy_chart, from_dict, from_list = at.get("plotly_chart")
    assert numpy_chart.props["spec"]["data"][0]["y"] == {"dtype": "i1", "bdata": "AAECAw=="}
    assert from_dict.props["spec"]["data"][0]["x"] == ["a"]
    assert from_list.props["spec"]["data"][0] == {"type": "bar", "x": ["b"], "y": [2]}


@pytest.mark.parametrize(("call", "message"), [
    ("st.plotly_chart(figure, theme='dark')", "Invalid `theme` value. Supported values: 'streamlit', None."),
    ("st.plotly_chart(figure, on_select='bogus')",
     "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function."),
    ("st.plotly_chart(figure, on_select='rerun', selection_mode='zz')",
     "Invalid `selection_mode` value. Supported values: 'box', 'lasso', 'points'."),
    ("st.plotly_chart(figure, width=-3)", width_error(-3)),
    ("st.plotly_chart(42)", "The `figure_or_data` positional argument must be"),
])
def test_bad_arguments_fail_with_streamlits_messages(call: str, message: str):
    at = run(call)
    assert message in at.exception[0].message


def test_with_on_select_the_chart_returns_an_empty_plotly_state_kept_under_its_key():
    at = run("""
    event = st.plotly_chart(figure, key="p", on_select="rerun", selection_mode=["box", "points"])
    st.text(f"{type(event).__name__} {event.selection.points} {event.selection.box}")
    """)
    node = at.get("plotly_chart")[0]
    assert isinstance(node, UnknownElement) and node.props["selection_mode"] == ["box", "points"]
    empty = {"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}
    assert node.value == empty and at.session_state["p"] == empty
    assert at.text[0].value == "PlotlyState [] []"


def test_a_selection_from_the_page_reruns_the_script_and_calls_the_callback():
    at = run("""
    def picked():
        st.session_state.calls = st.session_state.get("calls", 0) + 1
    event = st.plotly_chart(figure, key="p", on_select=picked)
    st.text(f"{event.selection.point_indices} {event['selection']['points'][0]['x'] if event.selection.points else None}")
    """)
    node = at.get("plotly_chart")[0]
    selection = {"selection": {"points": [{"curve_number": 0, "point_number": 1, "point_index": 1, "x": 2, "y": 5}],
                               "point_indices": [1], "box": [{"xref": "x", "yref": "y", "x": [1.5, 2.5], "y": [4, 6]}],
                               "lasso": []}}
    at.send({"t": "widget", "id": node.id, "value": selection}).run()
    assert at.text[0].value == "[1] 2"
    assert at.session_state["calls"] == 1 and at.session_state["p"] == selection


@pytest.mark.parametrize("value", [
    {"selection": {"points": "all"}},
    {"selection": {"point_indices": [-1]}},
    {"selection": {"lasso": [{"x": [1], "y": [2]}]}},  # the chart allows box and points only
    {"selection": {"rows": [1]}},
    [1, 2],
])
def test_a_selection_outside_the_charts_definition_is_refused(value):
    at = run("st.plotly_chart(figure, key='p', on_select='rerun', selection_mode=('box', 'points'))")
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.get("plotly_chart")[0].id, "value": value}).run()
    assert at.session_state["p"]["selection"]["lasso"] == []


def test_the_selection_is_read_only_in_place_and_through_session_state():
    at = run("""
    event = st.plotly_chart(figure, key="p", on_select="rerun")
    try:
        event.selection.points.append(1) if False else event.selection.__setitem__("points", [1])
    except TypeError as error:
        st.write("refused:", str(error).split(" because")[0])
    """)
    assert at.markdown[0].value == "refused: Widget state is read-only"
    at = run("""
    st.session_state.p = {"selection": {"points": []}}
    st.plotly_chart(figure, key="p", on_select="rerun")
    """)
    assert "`st.session_state['p']` is read-only" in at.exception[0].message


def test_the_selection_state_pickles_and_copies_as_itself():
    import copy
    import pickle

    from appcore_plots import PlotlyState

    at = run("st.plotly_chart(figure, key='p', on_select='rerun')")
    state = at.session_state["p"]
    assert isinstance(state, PlotlyState)
    for other in (pickle.loads(pickle.dumps(state)), copy.deepcopy(state), copy.copy(state)):
        assert type(other) is PlotlyState and other == state


def test_plotly_express_colours_from_the_default_template_are_named_for_the_page_to_swap():
    at = run("""
    import plotly.express as px
    st.plotly_chart(px.scatter(x=[1, 2, 3, 4], y=[1, 3, 2, 4], color=["a", "a", "b", "b"]))
    st.plotly_chart(px.scatter(x=[1, 2], y=[1, 2], color=["a", "b"]), theme=None)
    """)
    themed, plain = at.get("plotly_chart")
    colorway = themed.props["template_colorway"]
    assert [trace["marker"]["color"] for trace in themed.props["spec"]["data"]] == colorway[:2]
    assert plain.props["template_colorway"] is None and plain.props["themed_template"] is False
