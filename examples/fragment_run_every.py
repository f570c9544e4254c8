"""st.fragment(run_every=...): a part of the page that refreshes itself on a timer."""
import random
import time

import appcore as st

st.title("Live data")


@st.fragment(run_every="10s")
def live_chart():
    st.session_state.setdefault("series", [])
    st.session_state.series = (st.session_state.series + [random.gauss(0, 1)])[-50:]
    st.line_chart({"value": st.session_state.series})
    st.caption(f"Updated at {time.strftime('%H:%M:%S')}; the rest of the page does not rerun.")


live_chart()
