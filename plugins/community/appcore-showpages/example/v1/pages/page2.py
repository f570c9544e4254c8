import appcore as st

st.write("The second page, in the Reading section.")
