import time

import appcore as st

st.markdown("before")
if st.session_state.get("slow"):
    time.sleep(2)
if st.session_state.get("fail"):
    raise ValueError("the data is missing")
if st.session_state.get("bad_index"):
    st.selectbox("Pick", ["a", "b"], index=5)
try:
    int("x")
except ValueError as error:
    st.exception(error)
st.markdown("after")
