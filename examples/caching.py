"""st.cache_data and st.cache_resource: a slow load computed once, a shared resource.

    appcore run examples/caching.py
"""
import time

import appcore as st


@st.cache_resource
def connect(url: str) -> dict:
    """A shared resource: every session gets this same object."""
    return {"url": url, "opened_at": time.strftime("%H:%M:%S")}


@st.cache_data(ttl="10m", show_spinner="Loading the prices...")
def prices(market: str, rows: int) -> list[dict]:
    """Slow the first time; later calls with the same arguments return a copy at once."""
    time.sleep(0.5)
    st.caption(f"Loaded {rows} rows for {market}.")   # drawn again on every cache hit
    return [{"day": day, "price": 100 + day * 3} for day in range(rows)]


st.title("Caching")
connection = connect("db://prices")
st.write(f"Connected to {connection['url']} at {connection['opened_at']}")

market = st.selectbox("Market", ["EU", "US", "Asia"])
rows = st.slider("Rows", 1, 30, 7)
data = prices(market, rows)
st.write(f"{len(data)} prices; the last is {data[-1]['price']}.")

if st.button("Clear the prices"):
    prices.clear()
    st.rerun()
