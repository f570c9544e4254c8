"""Charts drawn by other libraries: a Plotly figure whose points you can select,
a matplotlib figure, and a Graphviz diagram.

    appcore run examples/plots.py
"""
import appcore as st
import plotly.graph_objects as go
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
