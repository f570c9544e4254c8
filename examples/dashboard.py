"""A sales dashboard: filters in the sidebar, metrics in columns, tabs, an expander and a progress loop."""
import time

import numpy as np
import pandas as pd

import appcore as st

st.set_page_config(page_title="Sales dashboard", page_icon="📈", layout="wide")


@st.cache_data
def load_sales() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    days = pd.date_range("2026-01-01", periods=180, freq="D")
    regions = ["North", "South", "East", "West"]
    products = ["Widgets", "Gadgets", "Gizmos"]
    rows = [(day, region, product, int(rng.integers(5, 60)), float(rng.uniform(8, 40)))
            for day in days for region in regions for product in products]
    frame = pd.DataFrame(rows, columns=["date", "region", "product", "units", "price"])
    frame["revenue"] = (frame["units"] * frame["price"]).round(2)
    return frame


sales = load_sales()

with st.sidebar:
    st.header("Filters")
    regions = st.multiselect("Regions", sorted(sales["region"].unique()), default=["North", "South"])
    product = st.selectbox("Product", ["All", *sorted(sales["product"].unique())])
    last_days = st.slider("Last days", 7, 180, 30, step=1)

chosen = sales[sales["region"].isin(regions)]
if product != "All":
    chosen = chosen[chosen["product"] == product]
end = sales["date"].max()
period = chosen[chosen["date"] > end - pd.Timedelta(days=last_days)]
before = chosen[(chosen["date"] <= end - pd.Timedelta(days=last_days))
                & (chosen["date"] > end - pd.Timedelta(days=2 * last_days))]

st.title("Sales dashboard")
if period.empty:
    st.warning("No sales match these filters: choose at least one region.")
    st.stop()

revenue, units, orders = st.columns(3, border=True)
revenue.metric("Revenue", f"${period['revenue'].sum():,.0f}",
               delta=f"{period['revenue'].sum() - before['revenue'].sum():,.0f}")
units.metric("Units sold", f"{period['units'].sum():,}", delta=int(period["units"].sum() - before["units"].sum()))
orders.metric("Average price", f"${period['price'].mean():.2f}")

by_region, by_product = st.tabs(["By region", "By product"])
with by_region:
    st.write(period.groupby("region")[["units", "revenue"]].sum().sort_values("revenue", ascending=False))
with by_product:
    st.write(period.groupby("product")[["units", "revenue"]].sum().sort_values("revenue", ascending=False))

with st.expander("Raw rows"):
    st.write(f"{len(period):,} rows")
    st.dataframe(period.tail(50), hide_index=True)

if st.button("Refresh forecast"):
    bar = st.progress(0, text="Fitting")
    for step in range(1, 11):
        time.sleep(0.05)
        bar.progress(step * 10, text=f"Fitting month {step} of 10")
    daily = period.groupby("date")["revenue"].sum()
    st.success(f"Forecast for tomorrow: ${daily.tail(7).mean():,.0f}")
