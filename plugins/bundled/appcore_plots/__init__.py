"""Bundled plugin: charts drawn by other libraries than Vega-Lite.

``st.plotly_chart`` (the vendored plotly.js, loaded on first use), ``st.pyplot`` (a
matplotlib figure drawn on the server, shown as an image) and ``st.graphviz_chart`` (DOT
drawn by the vendored Viz.js) and ``st.pydeck_chart`` (a pydeck Deck drawn by the vendored
deck.gl, loaded on first use), each element a pair of files: ``<type>.py`` (the API
function) and ``<type>.js`` (its renderer). AppTest reads them with Streamlit 1.67's node
types.
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from ._state import PlotlySelectionState, PlotlyState, PydeckSelectionState, PydeckState
from .graphviz_chart import graphviz_chart
from .plotly_chart import plotly_chart
from .pydeck_chart import pydeck_chart
from .pyplot import pyplot

HERE = Path(__file__).parent

__all__ = ["plotly_chart", "pyplot", "graphviz_chart", "pydeck_chart", "PlotlyState", "PlotlySelectionState",
           "PydeckState", "PydeckSelectionState"]


appcore_register_elements = contributes([
    # Streamlit's AppTest has no class for a Plotly chart, selectable or not.
    ElementType("plotly_chart", HERE / "plotly_chart.js", extra={"test_class": "appcore.testing.element_tree:UnknownElement"}),
    # Streamlit's st.pyplot is an image (an ImageList proto): so is its node.
    ElementType("pyplot", HERE / "pyplot.js", extra={"test_type": "image"}),
    ElementType("graphviz_chart", HERE / "graphviz_chart.js"),
    # Streamlit draws st.pydeck_chart (as st.map) in a deck_gl_json_chart node.
    ElementType("pydeck_chart", HERE / "pydeck_chart.js", extra={"test_type": "deck_gl_json_chart"}),
])


appcore_register_api = contributes({"plotly_chart": plotly_chart, "pyplot": pyplot, "graphviz_chart": graphviz_chart,
                                    "pydeck_chart": pydeck_chart})
