"""st.navigation: the script declares its pages in every run, so they can depend on who looks.

`appcore run examples/navigation/app.py`; tick "Sign in as admin" to see the Admin page appear.
The admin page is refused on the server to a session that does not list it: its URL opens
the home page.
"""
import appcore as st

st.session_state.setdefault("admin", False)


def home():
    st.title("Home")
    st.checkbox("Sign in as admin", key="admin_box", value=st.session_state.admin,
                on_change=lambda: st.session_state.update(admin=st.session_state.admin_box))
    st.page_link(reports, label="Open the reports", icon="📊", query_params={"year": "2024"})
    st.page_link("https://docs.streamlit.io", label="Streamlit's docs")


reports = st.Page("pages/reports.py", title="Reports", icon=":material/bar_chart:", url_path="reports")
pages = {
    "": [st.Page(home, title="Home", icon="🏠", default=True)],
    "Work": [reports, st.Page("pages/settings.py", title="Settings", icon="⚙️")],
}
if st.session_state.admin:
    pages["Admin"] = [st.Page("pages/admin.py", title="Admin", icon="🔒", url_path="admin")]

position = st.sidebar.radio("Menu", ["sidebar", "top"], horizontal=True, key="position")
page = st.navigation(pages, position=position)
page.run()
