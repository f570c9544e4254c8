"""Charts drawn by other libraries: a Plotly figure whose points you can select,
a matplotlib figure, a Graphviz diagram, and a pydeck map whose points you can pick.

    appcore run examples/plots.py
"""
import appcore as st
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from matplotlib.figure import Figure

st.title("Plots")

points = st.slider("Points", 3, 30, 12)
xs = list(range(points))
ys = [(x * 7) % 11 for x in xs]

st.subheader("Plotly")
figure = go.Figure(go.Scatter(x=xs, y=ys, mode="markers+lines", name="series"))
figure.update_layout(title="Select points with a box or the lasso", height=380)
event = st.plotly_chart(figure, key="scatter", on_select="rerun")
chosen = event.selection.point_indices
st.write(f"Selected points: {chosen}" if chosen else "No points selected.")

st.subheader("Matplotlib")
# A Figure of its own, not pyplot's global one: safe with many sessions at once.
fig = Figure(figsize=(6, 2.5))
ax = fig.subplots()
ax.bar([str(x) for x in xs], ys, color="#0068c9")
ax.set_title("The same points as bars")
st.pyplot(fig, alt="Bars of the same points")

st.subheader("Graphviz")
chain = " -> ".join(f"p{x}" for x in xs[:6])
st.graphviz_chart(f"digraph {{ rankdir=LR; node [shape=box]; {chain}; p0 [label=\"start\"] }}",
                  alt="The first points in a chain")

st.subheader("pydeck")
stops = pd.DataFrame({"name": [f"p{x}" for x in xs], "lon": [-122.45 + 0.004 * x for x in xs],
                      "lat": [37.76 + 0.0015 * y for y in ys]})
deck = pdk.Deck(
    map_style=None,  # no basemap: the points on the page's own background
    initial_view_state=pdk.ViewState(latitude=37.7675, longitude=-122.428, zoom=12),
    layers=[pdk.Layer("ScatterplotLayer", data=stops, get_position="[lon, lat]", get_radius=60,
                      radius_min_pixels=8, get_fill_color=[255, 75, 75], pickable=True, id="points")],
    tooltip={"text": "{name}"},
)
picked = st.pydeck_chart(deck, key="map", on_select="rerun", height=360, alt="The points on a map")
names = [stop["name"] for stop in picked.selection.objects.get("points", [])]
st.write(f"Picked on the map: {', '.join(names)}" if names else "Nothing picked on the map.")
