"""Streamlit 1.67's Markdown corpus drawn in Chromium (light, dark, 400 px), and help
tooltips that show their Markdown formatted. Screenshots go to the artifacts folder."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).parents[1] / "plugins" / "appcore_elements"))
from test_markdown_corpus import CORPUS  # noqa: E402  the same corpus as the server-side test

pytestmark = pytest.mark.browser


def corpus_app() -> str:
    return "import appcore as st\n" + "\n".join(f"st.markdown({text!r})" for text, _, _ in CORPUS) + "\n"


def rgb(page: Page, selector: str, prop: str = "color") -> tuple[int, ...]:
    value = page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]", [selector, prop])
    return tuple(int(v) for v in re.findall(r"\d+", value)[:3])


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_markdown_corpus_draws_as_streamlit_does(serve_app, page: Page, artifacts_dir: Path, theme) -> None:
    app = serve_app(corpus_app(), env={"APPCORE_THEME_BASE": theme})
    page.goto(app.url)
    expect(page.get_by_test_id("ac-markdown")).to_have_count(len(CORPUS))
    expect(page.locator("html")).to_have_attribute("data-theme", theme)
    boxes = page.locator("input.task-list-item-checkbox")
    expect(boxes).to_have_count(5)
    expect(page.locator("input.task-list-item-checkbox:checked")).to_have_count(3)
    for index in range(5):
        expect(boxes.nth(index)).to_be_disabled()
    assert rgb(page, ".ac-fg-custom") == (213, 0, 0)
    assert rgb(page, ".ac-bg-custom", "backgroundColor") == (255, 255, 204)
    assert page.evaluate("getComputedStyle(document.querySelector('.ac-shimmer')).animationName") == "ac-shimmer"
    link = page.get_by_role("link", name="www.example.org")
    expect(link).to_have_attribute("href", "http://www.example.org")
    expect(link).to_have_attribute("target", "_blank")
    expect(page.locator(".ac-math .katex").first).to_be_visible()  # $$y$$ inline, typeset
    page.screenshot(path=str(artifacts_dir / f"markdown-corpus-{theme}.png"), full_page=True)
    page.set_viewport_size({"width": 400, "height": 900})
    page.screenshot(path=str(artifacts_dir / f"markdown-corpus-{theme}-400.png"), full_page=True)


def test_help_tooltips_show_their_markdown_formatted(serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app("""
        import appcore as st
        st.text_input("Name", help="Your **full** name, as in `first last`")
        st.button("Go", help=":red[careful]: this *sends*")
        st.metric("Revenue", "1 k", help="- up\\n- since [May](https://example.com)")
        st.header("Section", help="A *header* tip")
    """)
    page.goto(app.url)
    tooltip = page.get_by_test_id("ac-tooltip")
    page.get_by_role("img", name="Your **full** name, as in `first last`").hover()
    expect(tooltip).to_be_visible()
    expect(tooltip.locator("strong")).to_have_text("full")
    expect(tooltip.locator("code")).to_have_text("first last")
    page.screenshot(path=str(artifacts_dir / "help-tooltip.png"))
    page.get_by_role("button", name="Go").hover()
    expect(tooltip.locator(".ac-fg-red")).to_have_text("careful")
    expect(tooltip.locator("em")).to_have_text("sends")
    page.get_by_test_id("ac-metric").get_by_role("img").hover()
    expect(tooltip.locator("li")).to_have_count(2)
    expect(tooltip.get_by_role("link", name="May")).to_have_attribute("href", "https://example.com")
    page.get_by_test_id("ac-header").get_by_role("img").focus()  # keyboard users see it too
    expect(tooltip.locator("em")).to_have_text("header")
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
