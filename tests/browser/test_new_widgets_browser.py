"""Streamlit 1.67's newest calls as a person uses them: pick a date and a time in
st.datetime_input, choose from st.menu_button's list, page through st.pagination, see
st.skeleton hold a place while a block runs. Screenshots, light and dark, go to the
artifacts folder as newapi-*.png."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import idle, open_app

pytestmark = pytest.mark.browser


def shoot(page: Page, artifacts_dir: Path, name: str) -> None:
    page.screenshot(path=str(artifacts_dir / f"newapi-{name}.png"), full_page=True)


DATETIME_APP = '''
    import datetime as dt
    import appcore as st

    when = st.datetime_input("Schedule your event", dt.datetime(2025, 11, 19, 16, 45),
                             max_value=dt.datetime(2026, 1, 1), key="when")
    st.markdown(f"Event scheduled for {when:%Y-%m-%d %H:%M}")
    empty = st.datetime_input("Reminder", value=None)
    st.markdown(f"Reminder: {empty}")
'''


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_person_picks_a_date_and_time_and_the_app_shows_it(serve_app, page: Page, artifacts_dir, theme) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(DATETIME_APP, env={"APPCORE_THEME_BASE": theme})
    open_app(page, app)
    field = page.get_by_label("Schedule your event")
    expect(field).to_have_value("2025-11-19T16:45")
    expect(page.get_by_text("Event scheduled for 2025-11-19 16:45")).to_be_visible()
    expect(page.get_by_label("Reminder")).to_have_value("")
    shoot(page, artifacts_dir, f"datetime-{theme}")

    field.fill("2025-12-24T18:30")
    expect(page.get_by_text("Event scheduled for 2025-12-24 18:30")).to_be_visible()
    page.get_by_label("Reminder").fill("2025-12-20T09:00")
    expect(page.get_by_text("Reminder: 2025-12-20 09:00:00")).to_be_visible()
    # Past max_value the field refuses the moment: it is marked, and the app keeps the last one.
    field.fill("2026-02-01T10:00")
    expect(field).to_have_attribute("aria-invalid", "true")
    idle(page)
    expect(page.get_by_text("Event scheduled for 2025-12-24 18:30")).to_be_visible()


MENU_APP = '''
    import appcore as st

    st.session_state.runs = st.session_state.get("runs", 0) + 1
    action = st.menu_button("Export", options=["CSV", "JSON", "PDF"], icon=":material/download:")
    if action:
        st.markdown(f"Exporting as {action}...")
    st.menu_button("Share", options=["Link", "**Email**"], type="primary")
    st.button("Refresh")
    st.markdown(f"runs: {st.session_state.runs}")
'''


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_person_chooses_from_a_menu_and_closing_it_runs_nothing(serve_app, page: Page, artifacts_dir, theme) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(MENU_APP, env={"APPCORE_THEME_BASE": theme})
    open_app(page, app)
    export = page.get_by_role("button", name="Export")
    menu = page.get_by_role("menu", name="Export")
    expect(menu).to_be_hidden()
    export.click()
    expect(menu).to_be_visible()
    expect(menu.get_by_role("menuitem")).to_have_text(["CSV", "JSON", "PDF"])
    expect(menu.get_by_role("menuitem", name="CSV")).to_be_focused()
    shoot(page, artifacts_dir, f"menu-{theme}")
    menu.get_by_role("menuitem", name="JSON").click()
    expect(page.get_by_text("Exporting as JSON...")).to_be_visible()
    expect(menu).to_be_hidden()
    expect(page.get_by_text("runs: 2")).to_be_visible()

    # Opened and closed without a choice (Esc, a press outside): nothing runs, so the next run is the third.
    export.click()
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(export).to_be_focused()
    export.click()
    page.mouse.click(5, 700)
    expect(menu).to_be_hidden()
    page.get_by_role("button", name="Refresh").click()
    expect(page.get_by_text("runs: 3")).to_be_visible()
    expect(page.get_by_text("Exporting as")).to_have_count(0)  # a choice lasts one run

    # From the keyboard: open, move down twice, choose.
    export.focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("menuitem", name="CSV")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(menu.get_by_role("menuitem", name="PDF")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Exporting as PDF...")).to_be_visible()
    # Markdown in an option.
    page.get_by_role("button", name="Share").click()
    expect(page.get_by_role("menu", name="Share").locator("strong")).to_have_text("Email")


PAGE = re.compile(r"^Page \d+$")
PAGES_APP = '''
    import appcore as st

    page = st.pagination(num_pages=10, key="page")
    st.markdown(f"Showing page {page}")
    st.pagination(num_pages=3, width="stretch", key="small")
'''


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_person_pages_through_with_the_arrows_and_the_numbers(serve_app, page: Page, artifacts_dir, theme) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(PAGES_APP, env={"APPCORE_THEME_BASE": theme})
    open_app(page, app)
    nav = page.get_by_role("navigation", name="Pagination").first
    previous, following = nav.get_by_role("button", name="Previous page"), nav.get_by_role("button", name="Next page")
    expect(page.get_by_text("Showing page 1")).to_be_visible()
    expect(previous).to_be_disabled()
    # Ten pages, seven shown: the first six, then "…" and the last.
    expect(nav.get_by_role("button", name=PAGE)).to_have_text(["1", "2", "3", "4", "5", "6", "10"])
    expect(nav.get_by_role("button", name="Page 1", exact=True)).to_have_attribute("aria-current", "page")
    shoot(page, artifacts_dir, f"pagination-{theme}")

    following.click()
    expect(page.get_by_text("Showing page 2")).to_be_visible()
    nav.get_by_role("button", name="Page 6").click()
    expect(page.get_by_text("Showing page 6")).to_be_visible()
    # Around page 6: the first, "…", five pages, and 9 itself where "…" would stand for it alone, the last.
    expect(nav.get_by_role("button", name=PAGE)).to_have_text(["1", "4", "5", "6", "7", "8", "9", "10"])
    nav.get_by_role("button", name="Page 10").click()
    expect(page.get_by_text("Showing page 10")).to_be_visible()
    expect(following).to_be_disabled()
    expect(nav.get_by_role("button", name="Page 10")).to_have_attribute("aria-current", "page")
    previous.click()
    expect(page.get_by_text("Showing page 9")).to_be_visible()
    expect(page).to_have_url(app.url)  # not bound: the URL stays as it was


SKELETON_APP = '''
    from pathlib import Path
    import time
    import appcore as st

    st.markdown("Report")
    slot = st.skeleton(height=120)
    with st.skeleton(height=60, width=300):
        while not Path("release").exists():
            time.sleep(0.05)
    st.success("Data loaded!")
    slot.markdown("Chart goes here")
'''


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_skeletons_hold_places_while_the_block_runs_and_go_after(serve_app, page: Page, artifacts_dir, theme) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(SKELETON_APP, env={"APPCORE_THEME_BASE": theme})
    page.goto(app.url)
    skeletons = page.get_by_test_id("ac-skeleton")
    expect(skeletons).to_have_count(2)  # the standalone one at once, the block's after half a second
    boxes = [skeletons.nth(i).locator(".ac-skeleton").bounding_box() for i in range(2)]
    assert [round(b["height"]) for b in boxes] == [120, 60] and round(boxes[1]["width"]) == 300, boxes
    assert boxes[0]["y"] < boxes[1]["y"], "the block's skeleton shows in its place, after the first"
    shoot(page, artifacts_dir, f"skeleton-{theme}")
    (app.path.parent / "release").touch()
    expect(page.get_by_text("Data loaded!")).to_be_visible()
    expect(page.get_by_text("Chart goes here")).to_be_visible()
    expect(skeletons).to_have_count(0)
    idle(page)
