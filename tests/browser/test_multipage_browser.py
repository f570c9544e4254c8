"""Multipage apps in real Chromium: a URL per page, deep links and reloads, back and forward
without a document reload, page_link and query params, the top bar, a page refused to a
viewer, the menu updated live when a page file is added."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HOME = """
    import appcore as st
    st.title("Home")
    st.session_state.setdefault("clicks", 0)
    if st.button("Count"):
        st.session_state.clicks += 1
    st.markdown(f"clicks={st.session_state.clicks}")
"""


def with_pages(app, pages: dict[str, str]) -> None:
    folder = Path(app.path).parent / "pages"
    folder.mkdir(exist_ok=True)
    for name, body in pages.items():
        (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")


def title(page):
    return page.locator('[data-testid="ac-title"] h1, [data-testid="ac-title"]').first


def mark_document(page) -> None:
    """A value that lives as long as the document: a reload would lose it."""
    page.evaluate("window.__sameDocument = true")


def same_document(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def folder_app(serve_app):
    app = serve_app(HOME, name="streamlit_app.py")
    with_pages(app, {
        "01_📊_Charts.py": 'import appcore as st\nst.title("Charts")\nst.markdown(f"clicks={st.session_state.get(\'clicks\')}")\n',
        "02_settings.py": 'import appcore as st\nst.title("Settings")\n',
    })
    return app


def test_a_deep_link_and_a_reload_open_the_page_the_url_names(serve_app, page) -> None:
    app = folder_app(serve_app)
    page.goto(app.url + "Charts")
    expect(title(page)).to_have_text("Charts")
    nav = page.get_by_test_id("ac-sidebar-nav")
    expect(nav.locator('[aria-current="page"]')).to_have_text(re.compile("Charts"))
    expect(nav.get_by_test_id("ac-nav-link")).to_have_text([re.compile("streamlit app"), re.compile("Charts"),
                                                             re.compile("settings")])
    page.reload()
    expect(title(page)).to_have_text("Charts")
    assert page.url == app.url + "Charts"


def test_the_menu_switches_pages_without_reloading_and_back_and_forward_work(serve_app, page) -> None:
    app = folder_app(serve_app)
    page.goto(app.url)
    expect(title(page)).to_have_text("Home")
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("clicks=1")).to_be_visible()
    mark_document(page)
    page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name=re.compile("Charts")).click()
    expect(title(page)).to_have_text("Charts")
    expect(page.get_by_text("clicks=1")).to_be_visible()  # st.session_state is shared by the pages
    assert page.url == app.url + "Charts"
    page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name=re.compile("settings")).click()
    expect(title(page)).to_have_text("Settings")
    page.go_back()
    expect(title(page)).to_have_text("Charts")
    assert page.url == app.url + "Charts"
    page.go_back()
    expect(title(page)).to_have_text("Home")
    page.go_forward()
    expect(title(page)).to_have_text("Charts")
    assert same_document(page), "the document was reloaded"


def test_an_unknown_path_opens_the_main_page_with_a_notice(serve_app, page) -> None:
    app = folder_app(serve_app)
    page.goto(app.url + "nowhere")
    expect(title(page)).to_have_text("Home")
    expect(page.locator("#ac-error")).to_contain_text("Page not found")
    expect(page.locator("#ac-error")).to_contain_text("You have requested page /nowhere")
    expect(page).to_have_url(app.url)
    page.wait_for_function("window.appcore.status === 'idle'")
    expect(page.locator("#ac-error")).to_be_visible()  # the run's end does not clear it


NAVIGATION = """
    import appcore as st
    st.session_state.setdefault("admin", False)

    def home():
        st.title("Home")
        st.page_link(reports, label="Reports for 2024", query_params={"year": "2024"})
        if st.button("Become admin"):
            st.session_state.admin = True
            st.rerun()

    def show_reports():
        st.title("Reports")
        st.markdown(f"year={st.query_params.get('year', 'none')}")

    def admin():
        st.title("Admin")

    reports = st.Page(show_reports, title="Reports", url_path="reports")
    pages = {"": [st.Page(home, title="Home", default=True)],
             "Work": [reports, st.Page(lambda: st.title("Notes"), title="Notes", url_path="notes")]}
    if st.session_state.admin:
        pages["Admin"] = [st.Page(admin, title="Admin", url_path="admin")]
    st.session_state.setdefault("menu", st.query_params.get("menu", "sidebar"))  # the first URL decides
    st.navigation(pages, position=st.session_state.menu).run()
"""


def test_page_link_carries_query_params_that_survive_a_reload(serve_app, page) -> None:
    app = serve_app(NAVIGATION)
    page.goto(app.url)
    mark_document(page)
    link = page.get_by_test_id("ac-page_link").get_by_role("link", name="Reports for 2024")
    expect(link).to_have_attribute("href", "/reports?year=2024")
    link.click()
    expect(title(page)).to_have_text("Reports")
    expect(page.get_by_text("year=2024")).to_be_visible()
    assert page.url == app.url + "reports?year=2024" and same_document(page)
    page.reload()
    expect(page.get_by_text("year=2024")).to_be_visible()
    page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name="Home").click()
    expect(title(page)).to_have_text("Home")
    expect(page).to_have_url(app.url)  # the menu clears the query, as Streamlit


def test_the_top_bar_shows_sections_as_menus(serve_app, page) -> None:
    app = serve_app(NAVIGATION)
    page.goto(app.url + "?menu=top")
    bar = page.get_by_test_id("ac-topnav")
    expect(bar.get_by_role("link", name="Home")).to_be_visible()
    expect(page.get_by_test_id("ac-sidebar-nav")).to_have_count(0)
    bar.get_by_role("button", name=re.compile("Work")).click()
    bar.get_by_role("link", name="Notes").click()
    expect(title(page)).to_have_text("Notes")
    expect(bar.get_by_role("button", name=re.compile("Work"))).to_have_class(re.compile("ac-nav-has-current"))


def test_a_page_this_viewer_may_not_see_is_refused_by_the_server(serve_app, page) -> None:
    app = serve_app(NAVIGATION)
    page.goto(app.url + "admin")
    expect(title(page)).to_have_text("Home")
    expect(page.locator("#ac-error")).to_contain_text("Page not found")
    expect(page).to_have_url(app.url)
    expect(page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name="Admin")).to_have_count(0)
    page.get_by_role("button", name="Become admin").click()
    page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name="Admin").click()
    expect(title(page)).to_have_text("Admin")


def test_a_page_file_added_appears_in_every_open_tab_with_its_state_kept(serve_app, page) -> None:
    app = folder_app(serve_app)
    page.goto(app.url)
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("clicks=1")).to_be_visible()
    mark_document(page)
    with_pages(app, {"03_new_page.py": 'import appcore as st\nst.title("Brand new")\n'})
    nav = page.get_by_test_id("ac-sidebar-nav")
    expect(nav.get_by_role("link", name="new page")).to_be_visible()
    expect(page.get_by_text("clicks=1")).to_be_visible()
    nav.get_by_role("link", name="new page").click()
    expect(title(page)).to_have_text("Brand new")
    assert same_document(page)


def test_a_broken_pages_toml_is_shown_with_its_line_and_the_last_good_menu_stays(serve_app, page) -> None:
    app = serve_app(HOME)
    folder = Path(app.path).parent
    (folder / "other.py").write_text('import appcore as st\nst.title("Other")\n')
    good = '[[pages]]\npath = "app.py"\nname = "Home"\n\n[[pages]]\npath = "other.py"\nname = "Other"\n'
    (folder / "pages.toml").write_text(good)
    page.goto(app.url + "other")
    expect(title(page)).to_have_text("Other")
    mark_document(page)
    (folder / "pages.toml").write_text(good.replace('"other.py"', '"missing.py"'))
    error = page.get_by_test_id("ac-nav-error")
    expect(error).to_have_text("pages.toml, line 6: the file `missing.py` does not exist.")
    nav = page.get_by_test_id("ac-sidebar-nav")
    expect(nav.get_by_role("link")).to_have_text(["Home", "Other"])
    expect(title(page)).to_have_text("Other")
    (folder / "pages.toml").write_text(good.replace('name = "Other"', 'name = "Another"'))
    expect(nav.get_by_role("link", name="Another")).to_be_visible()
    expect(error).to_be_hidden()
    assert same_document(page)


def test_a_long_menu_collapses_past_ten_pages_until_view_more(serve_app, page) -> None:
    app = serve_app(HOME, name="streamlit_app.py")
    with_pages(app, {f"{n:02d}_page_{n}.py": f'import appcore as st\nst.title("P{n}")\n' for n in range(1, 13)})
    page.goto(app.url)
    nav = page.get_by_test_id("ac-sidebar-nav")
    expect(nav.get_by_test_id("ac-nav-link")).to_have_count(10)
    nav.get_by_role("button", name="View 3 more").click()
    expect(nav.get_by_test_id("ac-nav-link")).to_have_count(13)
    nav.get_by_role("button", name="View less").click()
    expect(nav.get_by_test_id("ac-nav-link")).to_have_count(10)


def test_on_a_narrow_screen_choosing_a_page_closes_the_sidebar(serve_app, browser) -> None:
    app = folder_app(serve_app)
    context = browser.new_context(viewport={"width": 400, "height": 800})
    try:
        page = context.new_page()
        page.goto(app.url)
        expect(title(page)).to_have_text("Home")
        page.locator("#ac-sidebar-toggle").click()
        link = page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name=re.compile("settings"))
        expect(link).to_be_visible()
        link.click()
        expect(title(page)).to_have_text("Settings")
        expect(page.get_by_test_id("ac-sidebar-nav")).to_be_hidden()
    finally:
        context.close()


def test_pages_live_under_the_base_url_path(tmp_path, page, console_errors) -> None:
    """Served as a proxy would mount it, at /tools/: every page's URL, the menu and history keep the prefix."""
    import os
    import socket
    import subprocess
    import sys

    from tests.browser.support import ready

    (tmp_path / "pages").mkdir()
    (tmp_path / "streamlit_app.py").write_text(textwrap.dedent(HOME))
    (tmp_path / "pages" / "charts.py").write_text('import appcore as st\nst.title("Charts")\n')
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("APPCORE_")}
    env["APPCORE_SERVER_BASE_URL_PATH"] = "/tools"
    server = subprocess.Popen([sys.executable, "-m", "appcore", "run", "streamlit_app.py", "--port", str(port),
                               "--headless"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    base = f"http://localhost:{port}/tools/"
    console_errors.allow(r"404 .*/favicon\.ico")  # the browser asks the host's root, outside the app
    try:
        assert ready(base, server), "appcore under /tools never said it was ready"
        page.goto(base + "charts")
        expect(title(page)).to_have_text("Charts")
        page.get_by_test_id("ac-sidebar-nav").get_by_role("link", name="streamlit app").click()
        expect(title(page)).to_have_text("Home")
        assert page.url == base
        page.go_back()
        expect(title(page)).to_have_text("Charts")
        assert page.url == base + "charts"
    finally:
        page.context.close()  # before the server goes, so the tab logs no reconnection errors
        server.terminate()
        server.wait(10)


def test_a_widget_bound_to_the_url_writes_it_and_a_reload_brings_the_value_back(serve_app, page) -> None:
    app = serve_app("""
        import appcore as st
        city = st.text_input("City", key="city", bind="query-params")
        fruits = st.multiselect("Fruits", ["apple", "pear", "plum"], key="fruits", bind="query-params")
        st.write(f"city={city} fruits={','.join(fruits)}")
    """)
    page.goto(app.url)
    field = page.get_by_label("City")
    field.fill("New York")
    field.press("Enter")
    expect(page.get_by_text("city=New York fruits=")).to_be_visible()
    expect(page).to_have_url(f"{app.url}?city=New+York")
    page.reload()
    expect(page.get_by_text("city=New York fruits=")).to_be_visible()
    expect(field).to_have_value("New York")
    page.goto(f"{app.url}?fruits=plum&fruits=apple&city=Oslo")
    expect(page.get_by_text("city=Oslo fruits=plum,apple")).to_be_visible()
    field.fill("")
    field.press("Enter")
    expect(page.get_by_text("city= fruits=plum,apple")).to_be_visible()
    expect(page).to_have_url(f"{app.url}?fruits=plum&fruits=apple")


def test_the_logo_sits_above_the_page_menu(serve_app, page, artifacts_dir) -> None:
    app = serve_app("""
        import appcore as st
        st.logo(":material/monitoring:")
        def home():
            st.title("Home")
        def report():
            st.title("Report")
        st.navigation([st.Page(home, title="Home"), st.Page(report, title="Report")]).run()
    """)
    page.goto(app.url)
    expect(title(page)).to_have_text("Home")
    logo = page.locator("#ac-logo")
    first_link = page.get_by_test_id("ac-sidebar-nav").get_by_test_id("ac-nav-link").first
    expect(logo).to_be_visible()
    expect(first_link).to_be_visible()
    logo_box, link_box = logo.bounding_box(), first_link.bounding_box()
    assert logo_box and link_box and logo_box["y"] + logo_box["height"] <= link_box["y"] + 1, (logo_box, link_box)
    page.screenshot(path=str(artifacts_dir / "multipage-logo.png"))
