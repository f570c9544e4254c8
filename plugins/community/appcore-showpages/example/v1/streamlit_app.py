"""st_pages 1.x's way, as its README writes it (import line changed): the pages come from
.streamlit/pages.toml, st.navigation draws them. Run: appcore run streamlit_app.py"""
import appcore as st
from appcore_showpages import add_page_title, get_nav_from_toml, hide_pages

hide_pages([] if st.session_state.get("admin", False) else ["Admin"])

nav = get_nav_from_toml(".streamlit/pages.toml")
pg = st.navigation(nav)
add_page_title(pg)
pg.run()
