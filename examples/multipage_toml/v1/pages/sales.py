import appcore as st

st.title("Sales")
st.metric("Revenue", "1,024", "+12%")
