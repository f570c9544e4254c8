import appcore as st

st.title("Costs")
st.metric("Costs", "640", "-3%")
