"""examples/component_v1 (an iframe component from a folder) and examples/component_v2.py (no
iframe) in Chromium: a click in each arrives in Python and is drawn on the page."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_the_v1_example_sends_the_star_clicked(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_app((EXAMPLES / "component_v1" / "app.py").read_text())
    shutil.copytree(EXAMPLES / "component_v1" / "frontend", Path(app.path).parent / "frontend")
    page.goto(app.url)
    expect(page.get_by_text("Click a star.")).to_be_visible()
    frame = page.frame_locator('[data-testid="ac-component"] iframe')
    frame.get_by_role("button", name="4 stars").click()
    expect(page.get_by_text("You gave it 4 of 5 stars.")).to_be_visible()
    expect(frame.get_by_role("button", name="4 stars")).to_have_css("color", "rgb(255, 75, 75)")  # the theme's
    page.screenshot(path=str(artifacts_dir / "component-v1-example.png"), full_page=True)


def test_the_v2_example_keeps_its_state_and_fires_its_trigger(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_app((EXAMPLES / "component_v2.py").read_text())
    page.goto(app.url)
    expect(page.get_by_text("count = 3")).to_be_visible()
    page.get_by_role("button", name="more").click()
    expect(page.get_by_text("count = 4")).to_be_visible()
    expect(page.get_by_text("Up to 4")).to_be_visible()  # the trigger's toast
    page.get_by_role("button", name="less").click()
    expect(page.get_by_text("count = 3")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "component-v2-example.png"), full_page=True)
