"""A dialog as a side drawer (position="left"/"right"), with an icon before its title."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("position", ["left", "right"])
def test_a_drawer_dialog_runs_the_full_height_at_its_edge(serve_app, page: Page, position: str) -> None:
    app = serve_app(f"""
        import appcore as st

        @st.dialog("Settings", position="{position}", icon=":material/settings:")
        def settings():
            st.text_input("Name")

        settings()
    """)
    page.goto(app.url)
    dialog = page.get_by_role("dialog", name="settings Settings")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    width = page.viewport_size["width"]
    assert box["height"] == page.viewport_size["height"]
    assert (box["x"] == 0) if position == "left" else (abs(box["x"] + box["width"] - width) < 1)
    expect(dialog.locator(".ac-icon-material")).to_have_text("settings")


def test_st_bottom_stays_at_the_foot_of_the_window_while_the_page_scrolls(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        for i in range(60):
            st.markdown(f"Message {i}")
        st.bottom.button("Send")
    """)
    page.goto(app.url)
    send = page.get_by_role("button", name="Send")
    expect(send).to_be_visible()
    height = page.viewport_size["height"]
    for scroll in (0, 800):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        expect(send).to_be_in_viewport()
        box = send.bounding_box()
        assert height - 80 < box["y"] + box["height"] <= height
