"""Media as a person sees it in real Chromium: images loaded from the session's media
route with their captions, a row that wraps on a narrow screen, a picture replaced in
place. Screenshots (light, dark, 400 px wide) go to the artifacts folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

IMAGES = """
import appcore as st
import numpy as np
st.title("Media")
gradient = np.tile(np.linspace(0, 1, 240), (120, 1))
st.image(gradient, caption="A **grey** gradient")
red = np.zeros((60, 60, 3), dtype=np.uint8); red[:, :, 0] = 255
st.image([red, red[:, :, [1, 0, 2]], red[:, :, [2, 1, 0]]], caption=["Red", "Green", "Blue"], width=120,
         alt=["A red square", "A green square", "A blue square"])
st.image(np.zeros((40, 900, 3), dtype=np.uint8) + 90, caption="Stretched", width="stretch")
if st.button("Invert"):
    st.session_state.inverted = not st.session_state.get("inverted", False)
darker = gradient * 0.8  # not the same bytes as the first image, which would keep its file served
st.image(1 - darker if st.session_state.get("inverted") else darker, caption="Swappable", width=240)
"""


def shot(page: Page, artifacts_dir: Path, name: str) -> Path:
    path = artifacts_dir / f"media-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def idle(page: Page) -> None:
    expect(page.locator('body > [data-testid="ac-status"]')).to_have_attribute("data-state", "idle")


def loaded(page: Page, img) -> dict:  # type: ignore[no-untyped-def]
    """The picture's decoded size: 0 while it has not loaded (or failed to)."""
    expect(img).to_be_visible()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    return img.evaluate("(img) => ({w: img.naturalWidth, h: img.naturalHeight, shown: img.getBoundingClientRect().width})")


@pytest.mark.parametrize(("theme", "width"), [("light", 1200), ("dark", 1200), ("light", 400)])
def test_images_load_from_the_media_route_with_their_captions(serve_app, browser, artifacts_dir, theme, width) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(IMAGES, env={"APPCORE_THEME_BASE": theme})
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        page.goto(app.url)
        idle(page)
        images = page.get_by_test_id("ac-image")
        expect(images).to_have_count(4)
        gradient = loaded(page, images.nth(0).locator("img"))
        assert gradient["w"] == 240 and gradient["h"] == 120
        expect(images.nth(0).locator("figcaption strong")).to_have_text("grey")
        squares = images.nth(1).get_by_role("img")
        expect(squares).to_have_count(3)
        expect(page.get_by_role("img", name="A green square")).to_be_visible()
        for i in range(3):
            assert loaded(page, squares.nth(i))["shown"] == 120
        expect(images.nth(1).locator("figcaption")).to_have_text(["Red", "Green", "Blue"])
        stretched = loaded(page, images.nth(2).locator("img"))
        column = images.nth(2).bounding_box()["width"]
        assert abs(stretched["shown"] - column) < 2
        assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0
        shot(page, artifacts_dir, f"images-{theme}-{width}")
    finally:
        context.close()


def test_a_picture_redrawn_by_a_rerun_is_replaced_in_place(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(IMAGES)
    page.goto(app.url)
    idle(page)
    swappable = page.get_by_test_id("ac-image").filter(has_text="Swappable").locator("img")
    loaded(page, swappable)
    before = swappable.get_attribute("src")
    first_pixel = "(img) => { const c = document.createElement('canvas'); c.width = c.height = 1; " \
                  "c.getContext('2d').drawImage(img, 0, 0); return c.getContext('2d').getImageData(0, 0, 1, 1).data[0]; }"
    assert swappable.evaluate(first_pixel) < 10
    page.get_by_role("button", name="Invert").click()
    expect(swappable).not_to_have_attribute("src", before)
    loaded(page, swappable)
    assert swappable.evaluate(first_pixel) > 245
    # The old picture is no longer served: the session let it go.
    assert page.request.get(app.url.rstrip("/") + before).status == 404
