"""Media as a person sees it in real Chromium: images loaded from the session's media
route with their captions, a row that wraps on a narrow screen, a picture replaced in
place. Screenshots (light, dark, 400 px wide) go to the artifacts folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import app_in_window

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
    with app_in_window(browser, app, width) as page:
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


# -- audio, video, downloads, the logo, a PDF: examples/media.py ----------------------------

EXAMPLE = Path(__file__).parents[2] / "examples" / "media.py"


def serve_example(serve_app, extra: str = "", theme: str = "light"):  # type: ignore[no-untyped-def]
    source = EXAMPLE.read_text(encoding="utf-8").replace(
        'Path(__file__).parent / "assets"', f"Path({str(EXAMPLE.parent / 'assets')!r})")
    return serve_app(source + extra, env={"APPCORE_THEME_BASE": theme})


def media_ready(page: Page, selector: str) -> None:
    page.wait_for_function(f"() => {{ const m = document.querySelector({selector!r}); return m && m.readyState >= 1; }}")


def test_a_video_starts_at_start_time_seeks_by_range_requests_and_shows_its_subtitles(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_example(serve_app)
    ranges: list[int] = []
    page.on("response", lambda r: ranges.append(r.status) if "/_appcore/media/" in r.url and r.url.endswith(".webm") else None)
    page.goto(app.url)
    idle(page)
    media_ready(page, "[data-testid=ac-video] video")
    video = page.locator("[data-testid=ac-video] video")
    assert 5.5 < video.evaluate("v => v.duration") < 6.5
    # The script's start_time moves the player; the browser fetches the part it needs (206).
    slider = page.get_by_test_id("ac-slider").filter(has_text="Start at")
    slider.get_by_role("slider").focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    idle(page)
    page.wait_for_function("() => Math.abs(document.querySelector('[data-testid=ac-video] video').currentTime - 4) < 0.3")
    video.evaluate("v => new Promise((done) => { v.addEventListener('seeked', done, { once: true }); v.currentTime = 2.2; })")
    assert abs(video.evaluate("v => v.currentTime") - 2.2) < 0.3
    assert 206 in ranges, ranges
    # The subtitles are a track the player shows, its cues read from the session's WebVTT file.
    page.wait_for_function("() => { const t = document.querySelector('[data-testid=ac-video] video').textTracks[0];"
                           " return t && t.mode === 'showing' && t.cues && t.cues.length === 6; }")
    assert video.evaluate("v => v.textTracks[0].cues[2].text") == "Second 2"
    video.scroll_into_view_if_needed()
    shot(page, artifacts_dir, "example-video")


def test_the_sound_loads_and_the_logo_and_pdf_are_served(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_example(serve_app)
    page.goto(app.url)
    idle(page)
    media_ready(page, "[data-testid=ac-audio] audio")
    assert 1.4 < page.locator("[data-testid=ac-audio] audio").evaluate("a => a.duration") < 1.6
    # No sidebar: the logo's icon shows at the top left, loaded from the session's media.
    icon = page.locator("#ac-logo .ac-logo-icon img")
    expect(icon).to_be_visible()
    page.wait_for_function("(img) => img.complete && img.naturalWidth === 32", arg=icon.element_handle())
    pdf = page.locator("[data-testid=ac-pdf] iframe")
    expect(pdf).to_have_attribute("title", "The report")
    response = page.request.get(app.url.rstrip("/") + pdf.get_attribute("src"))
    assert response.headers["content-type"] == "application/pdf" and response.body().startswith(b"%PDF")
    shot(page, artifacts_dir, "example-light-1200")


def test_downloads_save_their_files_and_a_click_reruns_unless_told_to_ignore(serve_app, page: Page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = serve_example(serve_app, extra="""
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.markdown(f"Runs: {st.session_state.runs}")
""")
    page.goto(app.url)
    idle(page)
    expect(page.get_by_text("Runs: 1")).to_be_visible()
    with page.expect_download() as table:
        page.get_by_role("button", name="Download the table").click()
    assert table.value.suggested_filename == "visits.csv"
    assert Path(table.value.path()).read_text() == "city,visits\nLisbon,12\nOslo,7\n"
    expect(page.get_by_text("Runs: 2")).to_be_visible()  # on_click="rerun", 1.67's default
    with page.expect_download() as report:
        page.get_by_role("button", name="Make a PDF report").click()
    assert report.value.suggested_filename == "report.pdf"
    assert Path(report.value.path()).read_bytes().startswith(b"%PDF")  # made when it was asked for
    idle(page)
    expect(page.get_by_text("Runs: 2")).to_be_visible()  # on_click="ignore": no run


@pytest.mark.parametrize(("theme", "width"), [("dark", 1200), ("light", 400)])
def test_the_example_fits_the_window_in_dark_and_narrow(serve_app, browser, artifacts_dir, theme, width) -> None:  # type: ignore[no-untyped-def]
    app = serve_example(serve_app, theme=theme)
    with app_in_window(browser, app, width, height=900) as page:
        media_ready(page, "[data-testid=ac-video] video")
        for player in ("audio", "video"):
            box = page.get_by_test_id(f"ac-{player}").locator(player).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0
        shot(page, artifacts_dir, f"example-{theme}-{width}")
