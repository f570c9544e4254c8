"""What a person chooses shows at once, though the server does not echo a value
the browser sent: a multiselect grows a chip for the option just checked, and a
selectbox emptied by its clear button shows no choice and hides the button."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

APP = """
import appcore as st
regions = st.multiselect("Regions", ["East", "North", "South", "West"], default=["North", "South"])
st.write(f"regions: {', '.join(regions)}")
pick = st.selectbox("Pick", ["a", "b", "c"], index=None)
st.write(f"picked {pick}")
"""


def test_a_checked_option_becomes_a_chip_and_a_removed_one_goes(serve_app, page: Page) -> None:
    page.goto(serve_app(APP).url)
    chips = page.locator('[data-testid="ac-multiselect"] .ac-chip span')
    expect(chips).to_have_text(["North", "South"])
    page.locator(".ac-multi-open").click()
    page.get_by_role("checkbox", name="West").check()
    expect(page.get_by_text("regions: North, South, West")).to_be_visible()
    expect(chips).to_have_text(["North", "South", "West"])
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Remove North").click()
    expect(page.get_by_text("regions: South, West")).to_be_visible()
    expect(chips).to_have_text(["South", "West"])
    # As Streamlit: "Choose options" only while nothing is chosen.
    opener = page.locator(".ac-multi-open")
    expect(opener).to_have_text("")
    page.get_by_role("button", name="Clear all").click()
    expect(page.get_by_text("regions:", exact=True)).to_be_visible()
    expect(opener).to_have_text("Choose options")


def test_a_cleared_selectbox_shows_no_choice(serve_app, page: Page) -> None:
    page.goto(serve_app(APP).url)
    select = page.locator('[data-testid="ac-selectbox"] select')
    clear = page.get_by_role("button", name="Clear selection")
    expect(clear).to_be_hidden()
    select.select_option("b")
    expect(page.get_by_text("picked b")).to_be_visible()
    expect(clear).to_be_visible()
    clear.click()
    expect(page.get_by_text("picked None")).to_be_visible()
    expect(select).to_have_value("")
    expect(clear).to_be_hidden()
