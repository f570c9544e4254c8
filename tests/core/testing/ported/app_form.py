import appcore as st

with st.form("signup"):
    name = st.text_input("Name")
    age = st.number_input("Age", min_value=0, max_value=120, value=30)
    sent = st.form_submit_button("Sign up")
if sent:
    st.markdown(f"Welcome {name}, {age}")
else:
    st.markdown("Not sent yet")
st.markdown(f"name is {name!r}")
