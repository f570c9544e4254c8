"""Streamlit 1.67's newest calls as a person uses them: pick a date and a time in
st.datetime_input, choose from st.menu_button's list, page through st.pagination, see
st.skeleton hold a place while a block runs. Screenshots, light and dark, go to the
artifacts folder as newapi-*.png."""
from __future__ import annotations

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
