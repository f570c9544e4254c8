"""Every widget type the fuzzer aims at, each with a definition a value can fall outside."""
import datetime

import appcore as st

st.set_page_config(page_title="Fuzz target")
st.session_state.setdefault("count", 0)
if st.button("Add", key="add"):
    st.session_state.count += 1
st.markdown(f"count={st.session_state.count}")
st.checkbox("Check", key="cb")
st.toggle("Toggle", key="tg")
st.radio("Radio", ["a", "b", "c"], key="rd")
st.selectbox("Select", ["a", "b", "c"], key="sb")
st.multiselect("Multi", ["a", "b", "c", "d"], max_selections=2, key="ms")
st.slider("Int slider", 0, 10, 5, key="sl")
st.slider("Float slider", 0.0, 1.0, 0.5, step=0.1, key="slf")
st.slider("Range", 0, 10, (2, 8), key="slr")
st.select_slider("Select slider", ["lo", "mid", "hi"], key="ss")
st.number_input("Int number", 0, 100, 7, key="ni")
st.number_input("Float number", -1.0, 1.0, 0.0, key="nf")
st.text_input("Text", max_chars=5, key="ti")
st.text_area("Area", max_chars=20, key="ta")
st.date_input("Date", datetime.date(2024, 6, 1), min_value=datetime.date(2024, 1, 1),
              max_value=datetime.date(2024, 12, 31), key="di")
st.time_input("Time", datetime.time(12, 30), key="tm")
st.color_picker("Colour", "#00ff00", key="cp")
st.pills("Pills", ["x", "y", "z"], selection_mode="multi", key="pl")
st.segmented_control("Segments", ["one", "two"], key="sc")
st.feedback("thumbs", key="fb")
with st.form("f"):
    st.text_input("Form text", max_chars=3, key="fti")
    st.form_submit_button("Submit")


@st.fragment
def part():
    st.session_state.setdefault("frag", 0)
    st.session_state.frag += 1
    st.button("Fragment button", key="fbtn")


part()
