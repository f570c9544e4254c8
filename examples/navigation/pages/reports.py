import appcore as st

st.title("Reports")
year = st.query_params.get("year", "2025")
st.markdown(f"Year: **{year}**")
if st.button("Next year"):
    st.query_params["year"] = str(int(year) + 1)
    st.rerun()
