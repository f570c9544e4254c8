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
import pandas as pd, numpy as np
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
]


def size_of(config: object) -> object:
    text = str(config).strip()
    if text.startswith("use_stretch"):
        return "stretch"
    if text.startswith("use_content"):
        return "content"
    return int(text.split(":")[1])


def record(call: str) -> dict:
    import pandas as pd
    import pyarrow as pa
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\n" + SETUP + call + "\n").run()
    if at.exception:
        return {"error": at.exception[0].message}
    node = at.get("vega_lite_chart")[0]
    datasets = []
    for named in node.proto.datasets:
        frame = pa.ipc.open_stream(named.data.data).read_all().to_pandas()
        columns = {}
        for name in frame.columns:
            series = frame[name]
            if pd.api.types.is_datetime64_any_dtype(series):
                series = series.astype("datetime64[ms]").astype("int64")
            columns[name] = [None if isinstance(v, float) and v != v else v for v in series.tolist()]
        datasets.append({"name": named.name, "columns": columns})
    return {"spec": json.loads(node.proto.spec), "datasets": datasets, "theme": node.proto.theme,
            "width": size_of(node.element.width_config), "height": size_of(node.element.height_config)}


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
