"""A multipage app whose pages are listed in .streamlit/pages.toml, as st_pages reads it.

Run it with `appcore run examples/multipage_toml/v1/app.py` (or v0/): appcore reads the file
itself, so the app needs no st_pages import; editing the file updates every open tab.
"""
import appcore as st

st.title("Home")
st.markdown("The pages and sections in the sidebar come from `.streamlit/pages.toml`.")
