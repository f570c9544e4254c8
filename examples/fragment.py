"""st.fragment: a part of the page that reruns alone."""
import time

import appcore as st

st.title("Fragments")
st.markdown(f"The whole script last ran at {time.strftime('%H:%M:%S')}.")
time.sleep(0.5)  # slow top-level work that fragment reruns skip


@st.fragment
def counter():
    st.session_state.setdefault("clicks", 0)
    if st.button("Click me"):
        st.session_state.clicks += 1
    st.markdown(f"Clicked {st.session_state.clicks} times (the time above does not change).")


counter()
