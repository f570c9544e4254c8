"""Bundled plugin: charts on the vendored Vega-Lite (frontend/vendor/vega*, loaded on the first chart).

``st.line_chart``, ``st.area_chart``, ``st.bar_chart`` and ``st.scatter_chart`` build the
Vega-Lite specs Streamlit 1.67 builds (_builtin.py); ``st.vega_lite_chart`` and
``st.altair_chart`` take a spec or an Altair chart, with selections (``on_select``). Every
chart is drawn by one renderer, vega_lite_chart.js; AppTest shows them as Streamlit's
``vega_lite_chart`` nodes. ``st.map`` draws points without a tile server (map.js), a
``deck_gl_json_chart`` node as on Streamlit.
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes, hookimpl

from .altair_chart import altair_chart
from .area_chart import area_chart
from .bar_chart import bar_chart
from .line_chart import line_chart
from .map import map
from .scatter_chart import scatter_chart
from .vega_lite_chart import CHART_TYPES, VegaLiteState, vega_lite_chart

HERE = Path(__file__).parent

__all__ = ["line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "altair_chart", "map",
           "VegaLiteState"]


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    # One renderer for every chart: the browser loads vega_lite_chart.js once, whichever comes first.
    return [*(ElementType(name, HERE / "vega_lite_chart.js", extra={"test_type": "vega_lite_chart"})
              for name in CHART_TYPES),
            ElementType("map", HERE / "map.js", extra={"test_type": "deck_gl_json_chart"})]


appcore_register_api = contributes({"line_chart": line_chart, "area_chart": area_chart, "bar_chart": bar_chart,
                                    "scatter_chart": scatter_chart, "vega_lite_chart": vega_lite_chart,
                                    "altair_chart": altair_chart, "map": map})
