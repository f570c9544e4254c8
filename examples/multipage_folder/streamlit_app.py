"""A multipage app from a pages/ folder: `appcore run examples/multipage_folder/streamlit_app.py`.

This script is the home page; every pages/*.py is a page, named and ordered by its
file name (`02_📊_Charts.py` is "Charts" with the 📊 icon, at /Charts).
"""
import appcore as st

st.title("Home")
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.markdown(f"You opened pages of this app {st.session_state.visits} time(s) in this tab.")
name = st.text_input("Your name", key="name")
if name:
    st.markdown(f"Hello, {name}! (this field is empty again after a visit to another page)")
st.page_link("pages/02_📊_Charts.py", label="See the charts", icon="📈")
