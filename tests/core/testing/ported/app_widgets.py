import datetime

import appcore as st

if "clicks" not in st.session_state:
    st.session_state.clicks = 0
if st.button("Add one", help="counts clicks"):
    st.session_state.clicks += 1
st.markdown(f"clicks={st.session_state.clicks}")

agree = st.checkbox("I agree", key="agree")
dark = st.toggle("Dark mode")
name = st.text_input("Name", max_chars=5, key="name")
bio = st.text_area("Bio")
qty = st.number_input("Quantity", min_value=1, max_value=3, value=2, key="qty")
level = st.slider("Level", 0, 10, 5)
span = st.slider("Span", 0, 100, (20, 80))
size = st.selectbox("Size", ["s", "m", "l"], index=1, format_func=str.upper)
shape = st.radio("Shape", ["circle", "square"], format_func=lambda s: s.title())
toppings = st.multiselect("Toppings", ["ham", "egg", "cheese"], default=["egg"])
colour = st.color_picker("Colour", "#00ff00")
day = st.date_input("Day", datetime.date(2024, 5, 1))
alarm = st.time_input("Alarm", datetime.time(7, 0))
st.button("Locked", disabled=True)

st.markdown(f"agree={agree} dark={dark} name={name} bio={bio} qty={qty}")
st.markdown(f"level={level} span={span} size={size} shape={shape}")
st.markdown(f"toppings={toppings} colour={colour} day={day} alarm={alarm}")
