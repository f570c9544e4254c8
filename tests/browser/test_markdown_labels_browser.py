"""Widget labels are Streamlit's markdown: bold is bold, the control's name is the text,
and a button draws its :material/ icon on the side icon_position says."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_markdown_label_is_drawn_as_markdown_and_still_names_its_control(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        st.text_input("Your **name**", key="name")
        st.button("Send *now*", icon=":material/send:", icon_position="right")
    """)
    page.goto(app.url)
    field = page.get_by_role("textbox", name="Your name")
    expect(field).to_be_visible()
    expect(page.locator("label strong")).to_have_text("name")
    button = page.get_by_role("button", name="Send now")
    expect(button.locator("em")).to_have_text("now")
    icon = button.locator(".ac-icon-material")
    expect(icon).to_have_text("send")
    assert icon.bounding_box()["x"] > button.locator("em").bounding_box()["x"], "the icon is on the right"
