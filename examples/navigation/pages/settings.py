import appcore as st

st.title("Settings")
st.text_input("Team name", key="team")
if st.button("Done"):
    st.switch_page("pages/reports.py", query_params={"year": "2024"})
