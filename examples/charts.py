"""A gallery of the charts: line, area, bar, scatter, Vega-Lite and Altair with selections, a
map drawn without a tile server, and a fragment that updates a chart in place.

    appcore run examples/charts.py
"""
import numpy as np
import pandas as pd

import appcore as st

st.title("Charts")
rng = np.random.default_rng(7)
walk = pd.DataFrame(rng.normal(size=(60, 3)).cumsum(axis=0), columns=["north", "south", "east"])
sales = pd.DataFrame({"month": ["Jan", "Feb", "Mar", "Apr", "May", "Jun"] * 2,
                      "region": ["Europe"] * 6 + ["Asia"] * 6,
                      "sales": [12, 15, 14, 18, 21, 19, 8, 11, 16, 17, 20, 24]})
points = pd.DataFrame({"height": rng.normal(170, 8, 80), "weight": rng.normal(70, 9, 80),
                       "age": rng.integers(18, 80, 80), "group": rng.choice(["a", "b", "c"], 80)})

line_tab, area_tab, bar_tab, scatter_tab, select_tab, map_tab = st.tabs(
    ["Line", "Area", "Bar", "Scatter", "Select", "Map"])
with line_tab:
    st.subheader("Three random walks")
    st.line_chart(walk, x_label="step", y_label="position")
with area_tab:
    st.subheader("Stacked to 100%")
    st.area_chart(walk.abs(), stack="normalize")
with bar_tab:
    st.subheader("Sales by month and region")
    st.bar_chart(sales, x="month", y="sales", color="region", sort=False)
    st.bar_chart(sales, x="month", y="sales", color="region", horizontal=True, stack=False, sort=False)
with scatter_tab:
    st.subheader("Height and weight, sized by age")
    st.scatter_chart(points, x="height", y="weight", color="group", size="age")

with select_tab:
    st.subheader("Pick points, or drag a box")
    spec = {
        "mark": {"type": "circle", "size": 120},
        "encoding": {
            "x": {"field": "height", "type": "quantitative", "scale": {"zero": False}},
            "y": {"field": "weight", "type": "quantitative", "scale": {"zero": False}},
            "color": {"condition": {"param": "pick", "field": "group", "type": "nominal"}, "value": "lightgray"},
        },
        "params": [{"name": "pick", "select": {"type": "point", "fields": ["group"]}}],
    }
    event = st.vega_lite_chart(points, spec, on_select="rerun", key="picked")
    chosen = event.selection.pick
    st.write("Picked groups:", ", ".join(sorted({p["group"] for p in chosen})) if chosen else "none")
    try:
        import altair as alt
    except ImportError:
        st.info("Install altair to see st.altair_chart here.")
    else:
        brush = alt.selection_interval(name="brush", encodings=["x"])
        bars = alt.Chart(sales).mark_bar().encode(x="month:O", y="sum(sales):Q", color="region:N").add_params(brush)
        box = st.altair_chart(bars, on_select="rerun", key="brushed").selection.brush
        st.write("Brushed months:", ", ".join(box.get("month", [])) if box else "none")
with map_tab:
    st.subheader("Stations")
    stations = pd.DataFrame({"lat": 52.52 + rng.normal(0, 0.04, 40), "lon": 13.40 + rng.normal(0, 0.06, 40),
                             "riders": rng.integers(10, 400, 40)})
    st.map(stations, size="riders", color="#0068c9")


@st.fragment
def live():
    """A chart whose data changes on each click: the drawn chart takes the new data in place."""
    st.subheader("Live")
    if "live" not in st.session_state:
        st.session_state.live = list(rng.normal(size=20).cumsum())
    if st.button("Add 10 points"):
        last = st.session_state.live[-1]
        st.session_state.live += list(last + rng.normal(size=10).cumsum())
    st.line_chart({"value": st.session_state.live}, height=250)
    st.caption(f"{len(st.session_state.live)} points")


live()
