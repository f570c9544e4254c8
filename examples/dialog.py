"""st.dialog: the "Sign up" modal from Streamlit's execution-flow page."""
import appcore as st


@st.dialog("Sign up")
def email_form():
    name = st.text_input("Name")
    email = st.text_input("Email")
    if st.button("Submit", type="primary"):
        st.session_state.signed_up = {"name": name, "email": email}
        st.rerun()  # closes the dialog


st.title("Dialogs")
if "signed_up" in st.session_state:
    st.markdown(f"Signed up: **{st.session_state.signed_up['name']}** ({st.session_state.signed_up['email']})")
elif st.button("Sign up"):
    email_form()
