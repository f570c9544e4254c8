import appcore as st

st.title("Admin")
st.markdown("Only sessions signed in as admin list this page, and only they can open it.")
