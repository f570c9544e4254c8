"""A long line chart is drawn from the points that draw it (M4), not from every row."""
from __future__ import annotations

import numpy as np
import pandas as pd

from appcore.testing import AppTest
from appcore_charts._data import BUCKETS, HOVER_STEP, thin_lines


def test_a_100k_point_line_keeps_each_buckets_first_last_lowest_and_highest_point() -> None:
    walk = np.random.default_rng(0).normal(size=100_000).cumsum()
    frame = pd.DataFrame({"x": np.arange(100_000), "y": walk})
    thin = thin_lines(frame, "x", "y", None)
    assert len(thin) <= 4 * BUCKETS
    # The line's extremes and its ends are all there, so the drawn envelope is the same.
    assert {walk.argmin(), walk.argmax(), 0, 99_999} <= set(thin["x"])
    assert (np.diff(thin["x"].to_numpy()) > 0).all()  # rows in their order


def test_each_series_is_thinned_on_its_own() -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"x": np.tile(np.arange(20_000), 2), "y": rng.normal(size=40_000),
                          "line": np.repeat(["a", "b"], 20_000)})
    thin = thin_lines(frame, "x", "y", "line")
    for name, part in frame.groupby("line"):
        kept = thin[thin["line"] == name]
        assert part["y"].max() == kept["y"].max() and part["y"].min() == kept["y"].min()
        assert {0, 19_999} <= set(kept["x"])


def test_short_lines_gaps_and_text_axes_are_kept_whole() -> None:
    short = pd.DataFrame({"x": np.arange(10_000), "y": np.ones(10_000)})
    gaps = pd.DataFrame({"x": np.arange(20_000), "y": np.where(np.arange(20_000) % 7, 1.0, np.nan)})
    text = pd.DataFrame({"x": [f"k{i}" for i in range(20_000)], "y": np.ones(20_000)})
    for frame in (short, gaps, text):
        assert len(thin_lines(frame, "x", "y", None)) == len(frame)


def test_line_chart_sends_the_thinned_line_and_a_stacked_area_keeps_every_row() -> None:
    at = AppTest.from_string("""
import appcore as st, numpy as np, pandas as pd
walk = pd.DataFrame({"a": np.random.default_rng(0).normal(size=50_000).cumsum(),
                     "b": np.random.default_rng(1).normal(size=50_000).cumsum()})
st.line_chart(walk)
st.area_chart(walk, stack=True)
""", default_timeout=30).run()
    assert not at.exception
    line, area = (node.props["datasets"][0] for node in at.get("vega_lite_chart"))
    assert len(line["values"][0]) <= 2 * 4 * BUCKETS  # two series
    assert len(area["values"][0]) == 100_000  # stacking needs every series at every x


def test_a_thinned_line_finds_the_point_under_the_pointer_among_one_point_in_eight() -> None:
    at = AppTest.from_string("""
import appcore as st, numpy as np, pandas as pd
st.line_chart(pd.DataFrame({"walk": np.random.default_rng(0).normal(size=100_000).cumsum()}))
st.line_chart(pd.DataFrame({"walk": np.arange(500.0)}))
""", default_timeout=30).run()
    long, short = at.get("vega_lite_chart")
    line, hover = long.props["datasets"]
    assert long.props["spec"]["data"] == {"name": line["name"]}
    line_layer, hover_layer, picked_layer = long.props["spec"]["layer"]
    # The line and the picked point draw every M4 point; the invisible hover points are a subset.
    assert hover_layer["data"] == {"name": hover["name"]} and "data" not in line_layer and "data" not in picked_layer
    assert len(hover["values"][0]) == -(-len(line["values"][0]) // HOVER_STEP)
    assert set(hover["values"][0]) <= set(line["values"][0])
    assert len(short.props["datasets"]) == 1 and "data" not in short.props["spec"]["layer"][1]  # short: as Streamlit
