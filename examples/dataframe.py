"""Tables at scale: a 1,000,000-row x 10-column st.dataframe (sort, search, CSV download,
full screen), rows selected in it driving a chart, st.column_config, st.data_editor and st.table."""
import numpy as np
import pandas as pd

import appcore as st

st.set_page_config(page_title="Tables", page_icon="🧮", layout="wide")

ROWS = 1_000_000


@st.cache_resource  # one frame for every session: the table windows it, nothing is copied
def trips() -> pd.DataFrame:
    rng = np.random.default_rng(42)
    cities = ["Cork", "Fez", "Graz", "Kobe", "Lima", "Nis", "Oslo", "Pune"]
    km = (rng.random(ROWS) * 30 + 0.5).round(2)
    return pd.DataFrame({
        "trip": np.arange(ROWS),
        "city": pd.Categorical.from_codes(rng.integers(0, len(cities), ROWS), cities),
        "started": np.datetime64("2026-01-01T00:00:00") + rng.integers(0, 300 * 24 * 3600, ROWS).astype("m8[s]"),
        "km": km,
        "minutes": (km * 2.5).astype(int) + 3,
        "fare": (km * 1.8 + 3).round(2),
        "tip": (rng.random(ROWS) * 5).round(2),
        "rating": rng.integers(1, 6, ROWS),
        "shared": rng.random(ROWS) < 0.2,
        "driver": rng.integers(1000, 9999, ROWS),
    })

st.title("Tables")
st.caption(f"{ROWS:,} trips. Click a header to sort, hover for search, download and full screen; "
           "tick rows to chart them.")

df = trips()
event = st.dataframe(
    df, key="trips", on_select="rerun", selection_mode="multi-row", hide_index=True, height=420,
    column_config={
        "trip": st.column_config.NumberColumn("Trip", format="#%d", pinned=True),
        "started": st.column_config.DatetimeColumn("Started", format="MMM D, HH:mm"),
        "km": st.column_config.NumberColumn("Distance", format="%.1f km"),
        "fare": st.column_config.NumberColumn("Fare", format="dollar"),
        "tip": st.column_config.NumberColumn("Tip", format="dollar"),
        "rating": st.column_config.ProgressColumn("Rating", min_value=0, max_value=5, format="%d ★"),
        "shared": st.column_config.CheckboxColumn("Shared"),
    },
)
chosen = df.iloc[event.selection.rows]
if len(chosen):
    st.subheader(f"{len(chosen)} trips chosen")
    st.line_chart(chosen.set_index("trip")[["fare", "tip"]])
else:
    st.info("Tick rows in the table to compare their fares and tips.")

st.subheader("By city")
by_city = df.groupby("city", observed=True).agg(trips=("trip", "size"), fare=("fare", "mean"), km=("km", "mean"))
st.table(by_city.style.format({"fare": "${:.2f}", "km": "{:.1f} km"}).highlight_max(color="#ffe08a"))

st.subheader("Plan the next week")
plan = pd.DataFrame({"city": ["Oslo", "Lima"], "drivers": [12, 8], "surge": [False, True]})
edited = st.data_editor(plan, key="plan", num_rows="dynamic", hide_index=True, column_config={
    "city": st.column_config.SelectboxColumn("City", options=list(df["city"].cat.categories), required=True),
    "drivers": st.column_config.NumberColumn("Drivers", min_value=0, max_value=100, step=1),
})
st.markdown(f"**{int(edited['drivers'].fillna(0).sum())} drivers** planned in {edited['city'].nunique()} cities.")
