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
