import appcore as st

st.write("The pages come from `.streamlit/pages.toml`.")
st.checkbox("I am an admin", key="admin", persist_state="session")
