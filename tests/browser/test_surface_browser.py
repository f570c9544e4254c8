"""What a person sees of issue 12's new surface: Markdown icons in the Material Symbols
font, maths typeset, emoji shown; pills, segmented controls, feedback and select
sliders that answer clicks and keys; st.write_stream's text growing while the
generator is still running."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import idle

pytestmark = pytest.mark.browser


def open_app(page: Page, app, artifacts_dir: Path | None = None, shot: str | None = None) -> None:  # type: ignore[no-untyped-def]
    page.goto(app.url)
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(page.locator(".ac-fallback")).to_have_count(0)


def screenshot(page: Page, artifacts_dir: Path, name: str) -> None:
    page.screenshot(path=str(artifacts_dir / f"surface-{name}.png"), full_page=True)


def test_markdown_shows_material_icons_typeset_maths_and_emoji(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(r'''
        import appcore as st

        st.markdown(r"""
            ### :material/rocket_launch: Launch :tada:

            Euler's identity $e^{i\pi} + 1 = 0$ costs $5, not $10.

            $$
            \int_0^1 x^2\,dx = \frac{1}{3}
            $$

            :green-badge[:material/check: Ready] :small[fine print] :blue[blue text]
            """)
        st.badge("Beta", icon=":material/science:", color="violet")
        st.caption("No maths here, so no KaTeX :smile:")
    ''')
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    open_app(page, app)
    body = page.get_by_test_id("ac-markdown").first
    expect(body.locator("h3")).to_contain_text("🎉")
    # Icons are their names set in the font, whose ligature draws one square glyph.
    page.wait_for_function("[...document.fonts].some(f => f.family.includes('Material Symbols') && f.status === 'loaded')")
    icon = body.locator("h3 .ac-icon-material")
    expect(icon).to_have_attribute("aria-label", "rocket launch")
    box = icon.bounding_box()
    assert box is not None and abs(box["width"] - box["height"]) < 3, f"the icon is drawn as text: {box}"
    # Inline and display maths typeset by KaTeX; the prices stay text.
    expect(body.locator(".ac-math .katex")).to_have_count(2)
    expect(body.locator(".ac-math-display .katex-display")).to_have_count(1)
    expect(body).to_contain_text("costs $5, not $10.")
    expect(body.locator(".ac-badge-green")).to_contain_text("Ready")
    expect(page.locator(".ac-badge-violet")).to_contain_text("Beta")
    expect(page.locator(".ac-caption")).to_contain_text("😄")
    screenshot(page, artifacts_dir, "markdown")
    assert not failed, f"requests failed: {failed}"


def test_pills_segmented_control_and_feedback_answer_clicks(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_app('''
        import appcore as st

        tags = st.pills("Tags", [":material/home: Home", "Work", "Fun"], selection_mode="multi")
        view = st.segmented_control("View", ["List", "Grid"], default="List")
        kind = st.pills("Kind", ["Cat", "Dog"])
        stars = st.feedback("stars")
        st.markdown(f"tags={[t.split()[-1] for t in tags]} view={view} kind={kind} stars={stars}")
        thumbs = st.feedback("thumbs", key="thumbs")
        st.write(f"thumbs={thumbs}")
    ''')
    open_app(page, app)
    summary = page.get_by_test_id("ac-markdown").first
    expect(summary).to_have_text("tags=[] view=List kind=None stars=None")
    # As Streamlit: the thumb up first, and it is worth 1.
    thumbs = page.locator('[data-testid="ac-feedback"]').last.get_by_role("button")
    expect(thumbs).to_have_count(2)
    assert [thumbs.nth(i).get_attribute("aria-label") for i in range(2)] == ["thumbs up", "thumbs down"]
    thumbs.first.click()
    expect(page.get_by_text("thumbs=1")).to_be_visible()

    page.get_by_role("button", name="Fun").click()
    expect(summary).to_have_text("tags=['Fun'] view=List kind=None stars=None")
    page.get_by_role("button", name="Home").click()  # its icon is drawn in the font, named "home"
    expect(summary).to_have_text("tags=['Fun', 'Home'] view=List kind=None stars=None")
    expect(page.get_by_role("button", name="Fun")).to_have_attribute("aria-pressed", "true")

    page.get_by_role("button", name="Grid").click()
    expect(summary).to_contain_text("view=Grid")
    page.get_by_role("button", name="Dog").click()
    expect(summary).to_contain_text("kind=Dog")
    page.get_by_role("button", name="Dog").click()  # a second click clears a single choice
    expect(summary).to_contain_text("kind=None")
    page.get_by_role("button", name="4 stars").click()
    expect(summary).to_contain_text("stars=3")
    expect(page.locator('[data-testid="ac-feedback"]').first.locator(".ac-feedback-lit")).to_have_count(4)
    screenshot(page, artifacts_dir, "widgets")


def test_a_select_slider_moves_by_option_with_the_keyboard(serve_app, page: Page) -> None:
    app = serve_app('''
        import appcore as st

        size = st.select_slider("Size", ["XS", "S", "M", "L", "XL"], value="M")
        low, high = st.select_slider("Range", ["XS", "S", "M", "L", "XL"], value=("S", "L"))
        st.markdown(f"size={size} range={low}-{high}")
    ''')
    open_app(page, app)
    summary = page.get_by_test_id("ac-markdown")
    expect(summary).to_have_text("size=M range=S-L")
    thumb = page.get_by_role("slider", name="Size")
    expect(thumb).to_have_attribute("aria-valuetext", "M")
    thumb.focus()
    page.keyboard.press("ArrowRight")
    expect(summary).to_have_text("size=L range=S-L")
    page.get_by_role("slider", name="Range (end)").focus()
    page.keyboard.press("ArrowRight")
    expect(summary).to_have_text("size=L range=S-XL")


@pytest.mark.parametrize("inside", ["contextlib.nullcontext()", 'st.chat_message("assistant")'], ids=["page", "chat-reply"])
def test_write_stream_shows_the_text_while_the_generator_still_runs(serve_app, page: Page, script_gate, artifacts_dir,
                                                                    inside: str) -> None:  # type: ignore[no-untyped-def]
    # The app's generator waits at the gate, so the test looks at the page while the stream is half done.
    app = serve_app(script_gate.script + f'''
import contextlib
import appcore as st

def words():
    yield "The first half, "
    yield "streamed. "
    gate()  # until the test lets it through
    yield "And the rest."

with {inside}:
    text = st.write_stream(words)
st.markdown(f"done: {{len(text)}} characters")
''')
    page.goto(app.url)
    streamed = page.get_by_test_id("ac-markdown").first
    expect(streamed).to_have_text("The first half, streamed.")
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "running")
    expect(page.get_by_text("done:")).to_have_count(0)
    screenshot(page, artifacts_dir, "stream-partial" + ("-chat" if "chat" in inside else ""))
    script_gate.let_through()
    expect(page.get_by_test_id("ac-markdown").first).to_have_text("The first half, streamed. And the rest.")
    expect(page.get_by_text("done: 39 characters")).to_be_visible()
    idle(page)
