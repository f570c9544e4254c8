import appcore as st

st.session_state.full_runs = st.session_state.get("full_runs", 0) + 1


@st.fragment
def counter():
    if "count" not in st.session_state:
        st.session_state.count = 0
    if st.button("Count"):
        st.session_state.count += 1
    st.markdown(f"count={st.session_state.count}")


counter()
st.markdown(f"full runs={st.session_state.full_runs}")
