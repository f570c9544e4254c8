"""Record what Streamlit 1.67 sends for the chart calls in CALLS (run with Streamlit's venv):

    /work/venv-streamlit/bin/python tests/plugins/appcore_charts/record_streamlit_specs.py

writes streamlit_specs.json beside this file: for each call, the Vega-Lite spec, the
datasets (columns as lists, dates as epoch milliseconds), the width and height, or the
error message. test_builtin_specs.py runs the same calls on appcore and compares.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
SETUP = """
import pandas as pd, numpy as np, altair as alt
df = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]})
df3 = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6], 'c': [7.5, 8.5, 9.5]})
long = pd.DataFrame({'t': [1, 2, 1, 2], 'v': [3, 4, 5, 6], 'g': ['x', 'x', 'y', 'y']})
dates = pd.DataFrame({'d': pd.date_range('2024-01-01', periods=3), 'v': [1, 2, 3]})
cats = pd.DataFrame({'cat': ['p', 'q', 'r'], 'v': [3, 1, 2]})
"""
CALLS = [
    "st.line_chart(df)",
    "st.line_chart(df, x='a', y='b')",
    "st.line_chart(df3, x='a', y=['b', 'c'])",
    "st.line_chart(df, x_label='X', y_label='Y')",
    "st.line_chart(df, color=['#ff0000', '#00ff00'])",
    "st.line_chart(df, color=[(255, 0, 0), (0, 0, 255, 0.5)])",
    "st.line_chart(long, x='t', y='v', color='g')",
    "st.line_chart(df, y='a', color='#ff0000')",
    "st.line_chart(df, y=['a'])",
    "st.line_chart(df, width=400, height=300)",
    "st.line_chart(df, use_container_width=False)",
    "st.line_chart(df, height='stretch')",
    "st.line_chart(dates, x='d', y='v')",
    "st.line_chart(dates.set_index('d'))",
    "st.line_chart(df.set_index('a'))",
    "st.line_chart(cats, x='cat', y='v')",
    "st.line_chart(df['a'])",
    "st.line_chart(pd.Series([1, 2, 3]))",
    "st.line_chart(np.array([[1, 2], [3, 4]]))",
    "st.line_chart({'y': [1, 5, 2]})",
    "st.line_chart([3, 1, 2])",
    "st.line_chart(pd.DataFrame({'a': [1.0, None, 3.0]}))",
    "st.line_chart(pd.DataFrame({'a': [True, False]}))",
    "st.line_chart(pd.DataFrame({'a': [1, 2], 's': ['u', 'w']}))",
    "st.line_chart()",
    "st.area_chart(df)",
    "st.area_chart(df, y='a')",
    "st.area_chart(df, stack='normalize')",
    "st.area_chart(df, stack=True)",
    "st.area_chart(long, x='t', y='v', color='g')",
    "st.bar_chart(df)",
    "st.bar_chart(df, y='a')",
    "st.bar_chart(df, horizontal=True)",
    "st.bar_chart(cats, x='cat', y='v')",
    "st.bar_chart(cats, x='cat', y='v', sort='-v')",
    "st.bar_chart(cats, x='cat', y='v', sort='v', horizontal=True)",
    "st.bar_chart(cats, x='cat', y='v', sort=False)",
    "st.bar_chart(df, stack=False)",
    "st.bar_chart(df, stack=False, horizontal=True)",
    "st.bar_chart(df, stack=False, y='a')",
    "st.bar_chart(df, stack='layered')",
    "st.bar_chart(df, stack='normalize', horizontal=True)",
    "st.bar_chart(long, x='t', y='v', color='g', horizontal=True)",
    "st.scatter_chart(df)",
    "st.scatter_chart(long, x='t', y='v', color='g', size='v')",
    "st.scatter_chart(df, x='a', y='b', size=100, color='#ff0000')",
    "st.scatter_chart(df3, x='a', y='b', size='c', color='#00ff00')",
    "st.scatter_chart(df3, x='a', y=['b', 'c'], color=['#ff0000', '#0000ff'])",
    "st.scatter_chart(long, x='t', y='v', color='g', size='v', x_label='T', y_label='V')",
    # errors
    "st.line_chart(df, x='zz')",
    "st.line_chart(df, y=['a', 'zz'])",
    "st.bar_chart(df, stack='bogus')",
    "st.bar_chart(cats, x='cat', y='v', sort='zz')",
    "st.line_chart(df, color=['#ff0000'])",
    "st.line_chart(df, color=(255, 0, 0))",
    "st.line_chart(df, color='notacolor')",
    "st.line_chart(df, width=-3)",
    "st.scatter_chart(df, size='zz')",
    # st.vega_lite_chart and st.altair_chart
    "st.vega_lite_chart(df, {'mark': 'line', 'encoding': {'x': {'field': 'a', 'type': 'quantitative'}, "
    "'y': {'field': 'b', 'type': 'quantitative'}}})",
    "st.vega_lite_chart({'data': {'values': [{'a': 1}, {'a': 2}]}, 'mark': 'point', "
    "'encoding': {'x': {'field': 'a', 'type': 'quantitative'}}})",
    "st.vega_lite_chart(df, {'mark': 'bar'}, width=300, height=200)",
    "st.vega_lite_chart(df, {'mark': 'bar', 'width': 250, 'height': 150})",
    "st.vega_lite_chart(df, {'mark': 'bar'}, theme=None, use_container_width=False)",
    "st.vega_lite_chart({'datasets': {'x': [{'a': 1}]}, 'data': {'name': 'x'}, 'mark': 'point'})",
    "st.vega_lite_chart(df, {'mark': 'bar', 'data': {'name': 'foo'}})",
    "st.vega_lite_chart(df, {'layer': [{'mark': 'line'}, {'mark': 'point'}]})",
    "st.vega_lite_chart(df, {'hconcat': [{'mark': 'line'}, {'mark': 'point'}]})",
    "st.vega_lite_chart(df, {'mark': 'bar', 'params': [{'name': 'p', 'select': 'point'}, "
    "{'name': 'q', 'select': 'interval'}]}, on_select='rerun', selection_mode='q', key='k')",
    "st.altair_chart(alt.Chart(df).mark_line().encode(x='a', y='b'))",
    "st.altair_chart(alt.Chart(df).mark_point().encode(x='a', y='b').add_params(alt.selection_point(name='pick')), "
    "on_select='rerun')",
    "st.altair_chart(alt.Chart(df).mark_point().encode(x='a:Q', y='b:Q').properties(width=200), "
    "use_container_width=True)",
    "st.altair_chart(alt.Chart(df).mark_point().encode(x='a:Q', y='b:Q') | "
    "alt.Chart(df).mark_bar().encode(x='a:O', y='b:Q'))",
    "st.altair_chart(alt.layer(alt.Chart(df).mark_line().encode(x='a', y='b'), "
    "alt.Chart(cats).mark_point().encode(x='v', y='v')), theme=None, width=300)",
    # errors
    "st.vega_lite_chart(None)",
    "st.vega_lite_chart(df)",
    "st.vega_lite_chart(df, {'mark': 'bar'}, theme='dark')",
    "st.vega_lite_chart(df, {'mark': 'bar'}, on_select='rerun')",
    "st.vega_lite_chart(df, {'mark': 'bar', 'params': [{'name': 'p', 'select': 'point'}]}, on_select='rerun', "
    "selection_mode='zz')",
    "st.vega_lite_chart(df, {'mark': 'bar', 'params': [{'name': 'p', 'select': 'point'}]}, on_select='bogus')",
    "st.altair_chart(5)",
    # st.map
    "st.map(pd.DataFrame({'lat': [37.76, 37.77], 'lon': [-122.4, -122.41]}))",
    "st.map(pd.DataFrame({'latitude': [37.76, 37.77], 'longitude': [-122.4, -122.41], 'c': ['#ff0000', '#00ff00'], "
    "'s': [10, 20]}), color='c', size='s', zoom=11)",
    "st.map(pd.DataFrame({'y': [1.0], 'x': [2.0]}), latitude='y', longitude='x', color='#0000ff', size=50, "
    "height=300, width=400)",
    "st.map(pd.DataFrame({'LAT': [1.0], 'LON': [2.0]}), color=(255, 0, 0, 128))",
    "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0], 'c': [(1.0, 0.5, 0.0)]}), color='c')",
    "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0], 'n': ['x']}), use_container_width=False)",
    "st.map()",
    *(f"st.map(pd.DataFrame({{'lat': [0.0, {span}], 'lon': [0.0, 0.0]}}))" for span in
      (0.001, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 5.0, 10.0, 30.0)),
    "st.map(pd.DataFrame({'lat': [0.0, 80.0], 'lon': [-170.0, 170.0]}))",
    "st.map(pd.DataFrame({'a': [1]}))",
    "st.map(pd.DataFrame({'lat': [1.0], 'lng': [2.0]}))",
    "st.map(pd.DataFrame({'lat': [37.76, None], 'lon': [-122.4, -122.41]}))",
    "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), color='nope')",
    "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), height='content')",
]


def size_of(config: object) -> object:
    text = str(config).strip()
    if text.startswith("use_stretch"):
        return "stretch"
    if text.startswith("use_content"):
        return "content"
    return int(text.split(":")[1])


def columns_of(arrow_bytes: bytes) -> dict:
    import pandas as pd
    import pyarrow as pa

    frame = pa.ipc.open_stream(arrow_bytes).read_all().to_pandas()
    columns = {}
    for name in frame.columns:
        series = frame[name]
        if pd.api.types.is_datetime64_any_dtype(series):
            series = series.astype("datetime64[ms]").astype("int64")
        columns[name] = [None if isinstance(v, float) and v != v else v for v in series.tolist()]
    return columns


def record(call: str) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\n" + SETUP + call + "\n", default_timeout=30).run()
    if at.exception:
        return {"error": at.exception[0].message}
    if call.startswith("st.map"):
        node = at.get("deck_gl_json_chart")[0]
        return {"json": json.loads(node.proto.json), "width": size_of(node.element.width_config),
                "height": size_of(node.element.height_config)}
    node = at.get("vega_lite_chart")[0]
    proto = node.proto
    datasets = [{"name": named.name, "columns": columns_of(named.data.data)} for named in proto.datasets]
    data = columns_of(proto.data.data) if proto.HasField("data") and proto.data.data else None
    return {"spec": json.loads(proto.spec), "datasets": datasets, "data": data, "theme": proto.theme,
            "width": size_of(node.element.width_config), "height": size_of(node.element.height_config),
            "use_container_width": proto.use_container_width, "selection_mode": list(proto.selection_mode)}


def keep_element_protos() -> None:
    """Streamlit's UnknownElement keeps only the chart's own proto; the width and height
    are on the Element around it."""
    from streamlit.testing.v1 import element_tree

    init = element_tree.UnknownElement.__init__

    def keeping(self, proto, root):  # type: ignore[no-untyped-def]
        init(self, proto, root)
        self.element = proto

    element_tree.UnknownElement.__init__ = keeping


if __name__ == "__main__":
    keep_element_protos()
    recorded = {call: record(call) for call in CALLS}
    (HERE / "streamlit_specs.json").write_text(json.dumps({"setup": SETUP, "calls": recorded}, indent=1) + "\n")
    print(f"recorded {len(recorded)} calls")
