"""appcore-pydantic (plugins/community, pip-installed by the test set-up) in Chromium: a form
from a model, an error under its field, nothing typed lost, the saved instance shown."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parents[2] / "plugins" / "community" / "appcore-pydantic" / "example.py"
SHOTS = Path("/work/shots")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_pydantic_form_shows_errors_beside_fields_and_then_saves(serve_app, page: Page, theme: str) -> None:
    app = serve_app(EXAMPLE.read_text(), env={"APPCORE_THEME_BASE": theme})
    page.goto(app.url)
    page.get_by_role("textbox", name="Name", exact=True).fill("Ann")
    page.get_by_role("textbox", name="City").fill("X")
    page.get_by_role("button", name="Submit").click()
    alerts = page.get_by_test_id("ac-error")
    expect(alerts.first).to_have_text("String should have at least 2 characters")
    expect(alerts.nth(1)).to_contain_text("address.city")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"pydantic-form-error-{theme}.png"), full_page=True)
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value("Ann")  # nothing typed is lost
    page.get_by_role("textbox", name="City").fill("Oslo")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_test_id("ac-success")).to_have_text("saved Ann")
    expect(page.get_by_test_id("ac-error")).to_have_count(0)
    expect(page.get_by_text("Name: Ann")).to_be_visible()
