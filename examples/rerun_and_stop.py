"""st.rerun and st.stop."""
import appcore as st

st.title("Rerun and stop")
st.session_state.setdefault("todo", [])

new = st.text_input("Add an item and press Enter", key="new_item")
if new:
    st.session_state.todo.append(new)
    del st.session_state["new_item"]
    st.rerun()  # start over, so the field shows empty again

if not st.session_state.todo:
    st.markdown("Nothing yet.")
    st.stop()  # what follows is not drawn

st.markdown("\n".join(f"- {item}" for item in st.session_state.todo))
if st.button("Clear"):
    st.session_state.todo = []
    st.rerun()
