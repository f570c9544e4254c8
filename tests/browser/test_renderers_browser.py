"""The renderers as a person meets them: labels, help and names the same on every
widget, Enter-to-submit through the bubbling ``appcore:submit`` event, the page's
title and icon from the elements plugin's ``page_config`` module, highlighted code
in both themes, and the runtime's own check of the renderer contract
(docs/plugins.md, "The browser half").
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_app(page: Page, app) -> None:  # type: ignore[no-untyped-def]
    page.goto(app.url)
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")


def record_submits(page: Page) -> None:
    """Every appcore:submit event, seen on the way down (a form stops it on the way up)."""
    page.evaluate("""() => {
        window.__submits = [];
        document.addEventListener("appcore:submit", (event) => window.__submits.push({
            from: event.target.dataset.testid, bubbles: event.bubbles }), true);
    }""")


def test_enter_in_a_form_field_submits_through_the_appcore_submit_event(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        with st.form("order"):
            qty = st.number_input("Quantity", value=1)
            note = st.text_input("Note")
            st.form_submit_button("Order")
        with st.form("draft", enter_to_submit=False):
            title = st.text_input("Title")
            st.form_submit_button("Save")
        st.markdown(f"Ordered {qty} ({note or 'no note'}); draft: {title or 'none'}")
        outside = st.text_input("Outside any form")
    """)
    open_app(page, app)
    record_submits(page)
    summary = page.get_by_test_id("ac-markdown")

    page.get_by_label("Quantity").fill("3")
    page.get_by_label("Quantity").press("Enter")
    expect(summary).to_have_text("Ordered 3 (no note); draft: none")
    assert page.evaluate("window.__submits") == [{"from": "ac-number_input", "bubbles": True}]

    # enter_to_submit=False: the event still comes, and the form keeps the value.
    page.get_by_label("Title").fill("Plans")
    page.get_by_label("Title").press("Enter")
    page.wait_for_function("window.__submits.length === 2")
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(summary).to_have_text("Ordered 3 (no note); draft: none")
    page.get_by_role("button", name="Save").click()
    expect(summary).to_have_text("Ordered 3 (no note); draft: Plans")

    # Outside any form nobody listens: the value is sent as usual.
    page.get_by_label("Outside any form").fill("hi")
    page.get_by_label("Outside any form").press("Enter")
    page.wait_for_function("window.__submits.length === 3")
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(page.get_by_label("Outside any form")).to_have_value("hi")


def test_page_config_sets_title_icon_and_layout_through_the_plugins_module(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        st.set_page_config(page_title="Ledger", page_icon="📒", layout="wide")
        st.markdown("Accounts")
    """)
    open_app(page, app)
    expect(page).to_have_title("Ledger")
    icon = page.locator('link[rel="icon"]')
    expect(icon).to_have_attribute("href", re.compile(r"^data:image/svg\+xml,.*📒"))
    expect(page.locator("body")).to_have_attribute("data-layout", "wide")
    modules = page.evaluate("performance.getEntriesByType('resource').map((r) => r.name)")
    assert any(re.search(r"/_appcore/plugins/[^/]+/page_config\.[0-9a-f]{10}\.js$", url) for url in modules), modules


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_code_is_highlighted_by_the_vendored_highlight_js_in_both_themes(serve_app, page: Page, theme: str) -> None:
    app = serve_app('''
        import appcore as st

        st.code("def greet(name):\\n    return 'hi ' + name  # polite", language="python", line_numbers=True)
        st.code("plain <b>text</b>", language="no-such-language")
    ''', env={"APPCORE_THEME_BASE": theme})
    open_app(page, app)
    python, plain = page.get_by_test_id("ac-code").nth(0), page.get_by_test_id("ac-code").nth(1)
    keyword = python.locator(".hljs-keyword").first
    expect(keyword).to_have_text("def")
    expect(python.locator(".hljs-string")).to_have_text("'hi '")
    expect(python.locator(".hljs-comment")).to_have_text("# polite")
    expect(python.locator(".ac-code-line")).to_have_count(2)
    # An unknown language is shown as its text, never as markup.
    expect(plain.locator("code")).to_have_text("plain <b>text</b>")
    expect(plain.locator("b")).to_have_count(0)

    def colour(locator) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
        return tuple(int(c) for c in re.findall(r"\d+", locator.evaluate("el => getComputedStyle(el).color"))[:3])

    def luminance(rgb: tuple[int, ...]) -> float:
        def channel(c: int) -> float:
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    background = tuple(int(c) for c in re.findall(r"\d+", python.locator(".ac-code").evaluate("el => getComputedStyle(el).backgroundColor"))[:3])
    text = colour(python.locator("code"))
    # Keywords stand out from plain text (a11y-dark's barely do: why the dark theme is GitHub's).
    assert sum(abs(a - b) for a, b in zip(colour(keyword), text)) >= 120, f"keywords hardly differ from text in {theme}"
    for token in (keyword, python.locator(".hljs-string"), python.locator(".hljs-comment")):
        lighter, darker = sorted((luminance(colour(token)), luminance(background)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, f"{token} is hard to read on the {theme} code background"


WIDGETS = """
    import datetime
    import appcore as st

    st.text_input("Name", help="Your given name")
    st.text_area("Notes", help="Anything else")
    st.number_input("Age", value=30, help="In years")
    st.slider("Level", 0, 10, 3, help="How much")
    st.selectbox("City", ["Paris", "Rome"], help="Where you live")
    st.multiselect("Fruits", ["Apple", "Pear"], help="Pick any")
    st.radio("Size", ["S", "M"], help="Shirt size")
    st.checkbox("Agree", help="Terms")
    st.toggle("Dark", help="Theme")
    st.date_input("Birthday", value=datetime.date(2000, 1, 1), help="Day of birth")
    st.time_input("Alarm", value=datetime.time(7, 30), help="Wake up")
    st.color_picker("Colour", value="#3366ff", help="Favourite")
"""

HELP = {"text_input": "Your given name", "text_area": "Anything else", "number_input": "In years",
        "slider": "How much", "selectbox": "Where you live", "multiselect": "Pick any", "radio": "Shirt size",
        "checkbox": "Terms", "toggle": "Theme", "date_input": "Day of birth", "time_input": "Wake up",
        "color_picker": "Favourite"}


def test_every_widget_has_the_same_help_tooltip_and_describes_its_control_by_it(serve_app, page: Page) -> None:
    app = serve_app(WIDGETS)
    open_app(page, app)
    for kind, text in HELP.items():
        root = page.get_by_test_id(f"ac-{kind}")
        help_icon = root.locator(".ac-help")
        expect(help_icon, kind).to_have_count(1)
        expect(help_icon, kind).to_be_visible()
        for name, value in (("role", "img"), ("tabindex", "0"), ("aria-label", text)):
            expect(help_icon, f"{kind} help {name}").to_have_attribute(name, value)
        help_icon.hover()  # its tooltip shows the help (Markdown, rendered on the server)
        expect(page.get_by_test_id("ac-tooltip"), kind).to_have_text(text)
        described = root.locator(f'[aria-describedby="{help_icon.get_attribute("id")}"]')
        expect(described, f"{kind}: no control is described by its help").to_have_count(1)
    # The help is the control's description, not part of its name.
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_accessible_description("Your given name")
    expect(page.get_by_role("spinbutton", name="Age", exact=True)).to_be_visible()
    expect(page.get_by_role("radiogroup", name="Size", exact=True).or_(
        page.get_by_role("group", name="Size", exact=True))).to_be_visible()
    expect(page.get_by_role("switch", name="Dark", exact=True)).to_have_accessible_description("Theme")
    # The tooltip is reachable by keyboard and shows a focus ring.
    icon = page.get_by_test_id("ac-text_input").locator(".ac-help")
    icon.focus()
    assert icon.evaluate("el => getComputedStyle(el).outlineStyle") != "none"


@pytest.mark.parametrize("visibility", ["hidden", "collapsed"])
def test_a_hidden_or_collapsed_label_still_names_its_control(serve_app, page: Page, visibility: str) -> None:
    app = serve_app(f"""
        import appcore as st

        v = "{visibility}"
        st.text_input("Secret", label_visibility=v)
        st.number_input("Amount", label_visibility=v)
        st.selectbox("Country", ["France", "Italy"], label_visibility=v)
        st.slider("Volume", 0, 10, 5, label_visibility=v)
        st.radio("Plan", ["Free", "Pro"], label_visibility=v)
        st.checkbox("Subscribe", label_visibility=v)
        st.multiselect("Tags", ["a", "b"], label_visibility=v)
    """)
    open_app(page, app)
    controls = [
        page.get_by_role("textbox", name="Secret", exact=True),
        page.get_by_role("spinbutton", name="Amount", exact=True),
        page.get_by_role("combobox", name="Country", exact=True),
        page.get_by_role("slider", name="Volume", exact=True),
        page.get_by_role("checkbox", name="Subscribe", exact=True),
        page.get_by_role("button", name="Tags", exact=True),
        page.get_by_role("group", name="Plan", exact=True).or_(page.get_by_role("radiogroup", name="Plan", exact=True)),
    ]
    for control in controls:
        expect(control).to_have_count(1)
    # ... while no label text is seen.
    for text in ("Secret", "Amount", "Country", "Volume", "Plan", "Subscribe", "Tags"):
        expect(page.get_by_text(text, exact=True)).to_be_hidden()
    if visibility == "hidden":  # hidden keeps the label's room, so fields line up with labelled ones
        label = page.get_by_test_id("ac-text_input").locator(".ac-label")
        assert label.evaluate("el => el.getBoundingClientRect().height") > 0


def test_a_module_that_exports_no_renderer_is_reported_and_drawn_by_the_fallback(serve_app, page: Page,
                                                                                console_errors) -> None:  # type: ignore[no-untyped-def]
    app = serve_app("""
        import appcore as st

        st.divider()
        st.markdown("after the divider")
    """)
    console_errors.allow(r'element type "divider".*exports neither a default component nor mount')
    page.route(re.compile(r".*/_appcore/plugins/[^/]+/divider\.[0-9a-f]{10}\.js$"),
               lambda route: route.fulfill(content_type="text/javascript", body="export const nothing = 1;"))
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    open_app(page, app)
    fallback = page.get_by_test_id("ac-divider").locator(".ac-fallback")
    expect(fallback).to_contain_text("divider")
    expect(page.get_by_test_id("ac-markdown")).to_have_text("after the divider")
    assert any('element type "divider"' in text for text in messages), messages


def test_arrow_keys_step_a_number_input_and_send_at_once_in_its_format(serve_app, page: Page) -> None:
    page.goto(serve_app("""
        import appcore as st
        amount = st.number_input("Amount", value=4.5, step=0.5, format="%.1f")
        st.write(f"amount={amount}")
    """).url)
    field = page.get_by_role("spinbutton", name="Amount")
    expect(field).to_have_value("4.5")
    field.focus()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_text("amount=5.0")).to_be_visible()  # no blur or Enter needed, as Streamlit
    expect(field).to_have_value("5.0")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_text("amount=4.0")).to_be_visible()
    expect(field).to_be_focused()
