"""st.form: widgets send their values together, when the form is submitted."""
import appcore as st

st.title("Forms")
with st.form("sign_up"):
    name = st.text_input("Name")
    email = st.text_input("Email")
    submitted = st.form_submit_button("Sign up")

if submitted:
    st.markdown(f"Welcome, **{name}** ({email})!")
else:
    st.markdown("Typing in the fields does not rerun the app; the button sends both values at once.")
