"""`appcore hello`: a tour of what appcore does, as one plain script."""
import time
from datetime import date

import appcore as st

st.set_page_config(page_title="Hello, appcore", page_icon="👋")

st.sidebar.title("appcore")
st.sidebar.markdown("A plain Python script served as a web app. Every interaction reruns it top to bottom.")
theme_note = st.sidebar.toggle("Show how this page is built")

st.title("Hello, appcore 👋")
st.markdown(
    "This page is one Python file. Change a widget and the script runs again with the new value; "
    "only what changed is sent to your browser."
)

st.header("Widgets", divider=True)
name = st.text_input("Your name", placeholder="Type and press Enter")
if name:
    st.success(f"Nice to meet you, **{name}**.")
colour = st.selectbox("Favourite colour", ["Red", "Green", "Blue"], index=None, placeholder="Pick one")
size = st.slider("How many stars?", 0, 10, 3)
st.markdown("★" * size + (f" in {colour.lower()}" if colour else ""))
birthday = st.date_input("Birthday", value=date(2000, 1, 1))
st.caption(f"That was a {birthday:%A}.")

st.session_state.setdefault("clicks", 0)
if st.button("Count a click", type="primary"):
    st.session_state.clicks += 1
st.metric("Clicks this session", st.session_state.clicks, delta=1 if st.session_state.clicks else None)

st.header("A form", divider=True)
st.markdown("Typing in a form does not rerun the app; the submit button sends everything at once.")
with st.form("feedback", clear_on_submit=True):
    rating = st.radio("How is it going?", ["Great", "Good", "Meh"], horizontal=True)
    comment = st.text_area("Anything to add?")
    sent = st.form_submit_button("Send")
if sent:
    st.info(f"Thanks! You said *{rating}*{': ' + comment if comment else '.'}")

st.header("A fragment", divider=True)
st.markdown(f"The whole script last ran at **{time.strftime('%H:%M:%S')}**.")


@st.fragment
def dice():
    import random

    if st.button("Roll the dice"):
        st.session_state.roll = random.randint(1, 6)
    st.markdown(f"You rolled **{st.session_state.get('roll', '?')}**. Only this part reran: the time above stays.")


dice()

st.header("A dialog", divider=True)


@st.dialog("Say hello")
def greet():
    who = st.text_input("To whom?")
    if st.button("Send greeting"):
        st.session_state.greeted = who or "world"
        st.rerun()


if st.button("Open the dialog"):
    greet()
if "greeted" in st.session_state:
    st.markdown(f"You greeted **{st.session_state.greeted}**.")

if theme_note:
    st.header("The code", divider=True)
    with open(__file__, encoding="utf-8") as source:
        st.code(source.read(), language="python", line_numbers=True)
