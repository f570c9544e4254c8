import appcore as st

st.title("Debug")
st.markdown("A hidden page: not in the menu, opened by its URL.")
