"""Every input widget, with the value the script gets: `appcore run examples/widgets.py`."""
import datetime as dt

import appcore as st


def shows(value):
    st.markdown(f"value: `{value!r}`")


st.title("Input widgets")

st.header("Text and numbers")
shows(st.text_area("Notes", "Write here; Ctrl+Enter or leaving the field sends it.", max_chars=200,
                   help="Sent on blur or Ctrl+Enter, as in Streamlit."))
shows(st.number_input("Quantity (int: every number argument is an int)", min_value=0, max_value=10, value=3,
                      key="quantity"))
shows(st.number_input("Price (float, may be empty)", value=None, min_value=0.0, step=0.5, format="%0.2f",
                      placeholder="Type a price"))

st.header("Sliders")
shows(st.slider("Level", 0, 100, 25, key="level"))
shows(st.slider("Range of floats", 0.0, 10.0, (2.5, 7.5), format="%.1f"))
shows(st.slider("A date", value=dt.date(2024, 1, 10), format="MMM D, YYYY"))
shows(st.slider("Opening hours", value=(dt.time(9), dt.time(17)), format="HH:mm"))
shows(st.slider("Appointment", value=dt.datetime(2024, 1, 10, 9, 30), step=dt.timedelta(minutes=30),
                format="ddd D MMM, HH:mm"))

st.header("Choices")
shows(st.checkbox("I agree", key="agree"))
shows(st.toggle("Dark mode"))
shows(st.radio("Colour", ["red", "green", "blue"], horizontal=True, captions=["warm", "fresh", "cool"]))
shows(st.selectbox("City", ["Paris", "London", "Rome"], index=None, placeholder="Pick a city", key="city"))
shows(st.selectbox("Tag (type a new one)", ["bug", "feature"], accept_new_options=True))
shows(st.multiselect("Fruits", ["apple", "banana", "cherry", "date"], default=["banana"], max_selections=3,
                     format_func=str.title))

st.header("Dates, times and colours")
shows(st.date_input("Birthday", dt.date(2000, 1, 1), min_value=dt.date(1900, 1, 1), max_value=dt.date.today()))
shows(st.date_input("Trip", (dt.date(2024, 5, 1), dt.date(2024, 5, 7))))
shows(st.time_input("Alarm", dt.time(7, 30), step=dt.timedelta(minutes=5)))
shows(st.color_picker("Favourite colour", "#3366ff"))


def reset():
    # Values set from the server show in the browser on the next run.
    st.session_state.quantity = 3
    st.session_state.level = 25
    st.session_state.agree = False
    st.session_state.city = None


st.button("Reset some widgets from the server", on_click=reset)
