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


ROWS_APP = """
from typing import Union
from pydantic import BaseModel, Field
import appcore as st
import appcore_pydantic as sp

class Pet(BaseModel):
    name: str = Field(..., min_length=2)

class Robot(BaseModel):
    serial: int = 1

class Owner(BaseModel):
    nicknames: list[str] = ["Ann"]
    pets: list[Pet] = []
    helper: Union[Pet, Robot] = Robot()

owner = sp.pydantic_form(key="owner", model=Owner)
if owner:
    st.success(f"saved {owner.nicknames} {[p.name for p in owner.pets]} {type(owner.helper).__name__}")
"""


def test_rows_are_added_and_removed_inside_the_form_and_nothing_typed_is_lost(serve_app, page: Page,
                                                                             artifacts_dir) -> None:
    app = serve_app(ROWS_APP)
    page.goto(app.url)
    page.get_by_role("textbox", name="Nicknames 1").fill("Bea")
    page.get_by_role("button", name="Add to Nicknames").click()
    expect(page.get_by_role("textbox", name="Nicknames 2")).to_be_visible()
    expect(page.get_by_role("textbox", name="Nicknames 1")).to_have_value("Bea")
    page.get_by_role("textbox", name="Nicknames 2").fill("Cy")
    page.get_by_role("button", name="Add to Pets").click()
    page.get_by_role("button", name="Add to Pets").click()
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_count(2)
    page.get_by_role("textbox", name="Name", exact=True).first.fill("Rex")
    page.get_by_role("textbox", name="Name", exact=True).nth(1).fill("Tom")
    page.get_by_role("button", name="✕", exact=True).first.click()
    expect(page.get_by_role("textbox", name="Nicknames 1")).to_have_value("Cy")
    expect(page.get_by_role("textbox", name="Name", exact=True).nth(1)).to_have_value("Tom")
    page.get_by_role("combobox", name="Helper: type").select_option(label="Pet")
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_count(3)
    page.get_by_role("textbox", name="Name", exact=True).nth(2).fill("R")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_test_id("ac-error").first).to_have_text("String should have at least 2 characters")
    page.screenshot(path=str(artifacts_dir / "pydantic-rows-error.png"), full_page=True)
    expect(page.get_by_role("textbox", name="Name", exact=True).first).to_have_value("Rex")
    page.get_by_role("textbox", name="Name", exact=True).nth(2).fill("Robo")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_test_id("ac-success")).to_have_text("saved ['Cy'] ['Rex', 'Tom'] Pet")
