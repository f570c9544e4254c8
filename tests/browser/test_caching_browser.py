"""st.cache_data's spinner in real Chromium: its text shows while a slow cached function
computes (held by a flag file the test creates), sits where the call is, and goes when
the call returns; a hit shows none. Screenshots (light, dark, 400 px) go to
/tmp/appcore-shots/ for a person to look at."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/appcore-shots")

SLOW_APP = """
import os, time
import appcore as st

st.title("Caching")
st.markdown("Before the call")

@st.cache_data(show_spinner="Loading **the prices**...", show_time=True)
def prices(market):
    while not os.path.exists("release"):   # the test creates it: the computation ends
        time.sleep(0.02)
    return {"market": market, "count": 3}

data = prices("EU")
st.markdown(f"Loaded {data['count']} prices for {data['market']}")
st.button("Again")
"""


def spinner(page):
    return page.get_by_test_id("ac-cache_spinner")


def shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def test_the_spinner_text_shows_while_computing_and_goes_after(page, serve_app):
    app = serve_app(SLOW_APP)
    page.goto(app.url)
    expect(spinner(page)).to_be_visible()
    expect(spinner(page)).to_contain_text("Loading the prices...")
    expect(spinner(page).locator("strong")).to_have_text("the prices")      # the text is markdown
    expect(spinner(page)).to_contain_text("seconds)")                       # show_time
    # Where the call is: after the markdown drawn before it.
    before = page.get_by_text("Before the call").bounding_box()
    assert spinner(page).bounding_box()["y"] > before["y"]
    shoot(page, "cache-spinner-light.png")

    (app.path.parent / "release").touch()
    expect(page.get_by_text("Loaded 3 prices for EU")).to_be_visible()
    expect(spinner(page)).to_have_count(0)

    page.get_by_role("button", name="Again").click()                        # a hit: no spinner at all
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(spinner(page)).to_have_count(0)
    expect(page.get_by_text("Loaded 3 prices for EU")).to_be_visible()


@pytest.mark.parametrize("theme, width", [("dark", 1200), ("light", 400)])
def test_the_spinner_in_the_dark_theme_and_a_narrow_window(page, serve_app, theme: str, width: int):
    app = serve_app(SLOW_APP, env={"APPCORE_THEME_BASE": theme})
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(app.url)
    expect(spinner(page)).to_be_visible()
    expect(spinner(page)).to_contain_text("Loading the prices...")
    box = spinner(page).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    shoot(page, f"cache-spinner-{theme}-{width}.png")
    (app.path.parent / "release").touch()
    expect(spinner(page)).to_have_count(0)
    expect(page.get_by_text("Loaded 3 prices for EU")).to_be_visible()
