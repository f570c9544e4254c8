import appcore as st

st.title("Hello, appcore 👋")
st.markdown("This app is a plain Python script. **Every interaction reruns it** top to bottom.")
name = st.text_input("Your name", placeholder="Type and press Enter")
if name:
    st.markdown(f"Nice to meet you, **{name}**.")
if "clicks" not in st.session_state:
    st.session_state.clicks = 0
if st.button("Click me"):
    st.session_state.clicks += 1
st.markdown(f"The button was clicked {st.session_state.clicks} times.")
