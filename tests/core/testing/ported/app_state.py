import appcore as st


def add(amount, *, note):
    st.session_state.total = st.session_state.get("total", 0) + amount
    st.session_state.note = note


st.button("Add five", on_click=add, args=(5,), kwargs={"note": "by five"})
st.text_input("Nickname", key="nick")
st.markdown(f"total={st.session_state.get('total', 0)} note={st.session_state.get('note')}")
st.markdown(f"nick={st.session_state.nick}")
