"""st_pages 0.x's way, as its README writes it (import line changed): the main script lists
the pages with show_pages, and is the Home page itself. Run: appcore run streamlit_app.py"""
import appcore as st
from appcore_showpages import Page, Section, add_page_title, hide_pages, show_pages

# Who may see the admin page is decided before the pages are declared, so that its URL is
# refused on the server from the first visit on.
hide_pages([] if st.session_state.get("admin", False) else ["Admin"])

show_pages(
    [
        Page("streamlit_app.py", "Home", "🏠"),
        Page("other_pages/page2.py", "Page 2", ":books:"),
        Section("Tools", ":hammer_and_wrench:"),
        Page("other_pages/admin.py", "Admin", ":lock:"),
    ]
)

add_page_title()
st.write("This is the Home page: the rest of the main script.")
st.checkbox("I am an admin", key="admin", persist_state="session")
