import appcore as st

st.write("Only a session that ticked 'I am an admin' on Home can open this page.")
