import datetime

import appcore as st

when = st.datetime_input("Schedule", datetime.datetime(2025, 11, 19, 16, 45), key="when")
st.markdown(f"when={when:%Y-%m-%d %H:%M}")
action = st.menu_button("Export", options=["CSV", "JSON", "PDF"], key="export")
st.markdown(f"action={action}")
page = st.pagination(num_pages=10, key="page")
st.markdown(f"page={page}")
with st.skeleton(height=50):
    st.markdown("loaded")
