import appcore as st

st.title("About")
st.markdown("Not in a section.")
