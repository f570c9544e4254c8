import appcore as st

st.title("First steps")
st.markdown(f"Visits so far: {st.session_state.get('visits', 0)} (st.session_state is shared by every page).")
if st.button("Go to the charts"):
    st.switch_page("pages/02_📊_Charts.py")
