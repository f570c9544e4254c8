import appcore as st

st.title("settings")
st.toggle("Dark charts", key="dark")  # this page's own widget: the same key on another page is another widget
