"""A custom component of Streamlit's first generation: an iframe page, declared from a folder,
speaking Streamlit's component protocol (frontend/index.html, no build step).

Run it with `appcore run examples/component_v1/app.py`; the same files run on Streamlit.
"""
from pathlib import Path

import appcore as st
import appcore.components.v1 as components

stars = components.declare_component("stars", path=Path(__file__).parent / "frontend")

st.title("Rate this example")
rating = stars(count=5, key="rating", default=0)
st.write(f"You gave it {rating} of 5 stars." if rating else "Click a star.")
