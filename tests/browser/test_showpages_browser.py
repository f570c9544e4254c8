"""appcore-showpages (plugins/community, pip-installed by the test set-up) in Chromium: the
pages show_pages lists are the sidebar's, with their emoji and section; a hidden page's URL
is refused by the server until the session may see it; get_nav_from_toml feeds st.navigation."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parents[2] / "plugins" / "community" / "appcore-showpages" / "example"


def serve_example(serve_app, folder: str):
    app = serve_app((EXAMPLE / folder / "streamlit_app.py").read_text(), name="streamlit_app.py")
    shutil.copytree(EXAMPLE / folder, Path(app.path).parent, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("streamlit_app.py", "__pycache__"))
    return app


def title(page: Page):
    return page.get_by_test_id("ac-title").first


def test_show_pages_draws_the_menu_and_a_hidden_pages_url_is_refused(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_example(serve_app, "v0")
    page.goto(app.url + "admin")
    expect(title(page)).to_have_text("🏠 Home")
    expect(page.locator("#ac-error")).to_contain_text("Page not found")
    expect(page).to_have_url(app.url)
    nav = page.get_by_test_id("ac-sidebar-nav")
    expect(nav.get_by_test_id("ac-nav-link")).to_have_text([re.compile("Home"), re.compile("Page 2")])
    expect(nav.get_by_test_id("ac-nav-link").nth(1)).to_contain_text("📚")  # ":books:" as its emoji
    page.screenshot(path=str(artifacts_dir / "showpages-v0.png"), full_page=True)

    nav.get_by_role("link", name=re.compile("Page 2")).click()
    expect(title(page)).to_have_text("📚 Page 2")
    expect(page).to_have_url(app.url + "page_2")
    expect(page).to_have_title("Page 2")  # add_page_title() sets the tab's title too

    nav.get_by_role("link", name=re.compile("Home")).click()
    page.get_by_text("I am an admin").click()
    expect(nav.get_by_role("link", name=re.compile("Admin"))).to_be_visible()
    expect(nav).to_contain_text("Tools")  # its section came back with it
    page.goto(app.url + "admin")
    expect(title(page)).to_have_text("🔒 Admin")


def test_get_nav_from_toml_feeds_st_navigation(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_example(serve_app, "v1")
    page.goto(app.url + "page_2")
    expect(title(page)).to_have_text("📖 Page 2")
    nav = page.get_by_test_id("ac-sidebar-nav")
    expect(nav).to_contain_text("Reading")
    expect(nav.get_by_role("link", name=re.compile("Admin"))).to_have_count(0)
    page.screenshot(path=str(artifacts_dir / "showpages-v1.png"), full_page=True)
    page.goto(app.url + "admin")
    expect(title(page)).to_have_text("🏠 Home")
    expect(page.locator("#ac-error")).to_contain_text("Page not found")
