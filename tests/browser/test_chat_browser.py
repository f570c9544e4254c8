"""What a person sees of the chat elements in real Chromium: messages with their
avatars, the input pinned to the foot of the page, Enter to send and Shift+Enter for
a new line, the history kept. A reply that streams in while the script still runs:
test_surface_browser.py (st.write_stream, on the page and in a chat message).

Screenshots (light, dark, a 400 px wide window) go to the artifacts folder as
chat-*.png.
"""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import idle, open_app

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parents[2] / "examples" / "chat.py"
PNG_DATA = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==")


def field(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("ac-chat_input").locator("textarea")


def messages(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("ac-chat_message")


def bodies(page: Page):  # type: ignore[no-untyped-def]
    """What each message says (its avatar's icon name is text too, so not the whole row)."""
    return page.get_by_role("group", name="Chat message from")


def send(page: Page, text: str) -> None:
    field(page).click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_the_example_chat_streams_a_reply_and_keeps_the_history(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(EXAMPLE.read_text(encoding="utf-8"))
    open_app(page, app)
    expect(messages(page)).to_have_count(1)
    send(page, "hello there")
    expect(field(page)).to_have_value("")  # the field empties once sent
    expect(bodies(page).nth(1)).to_have_text("hello there")
    expect(bodies(page).nth(2)).to_have_text("You said: hello there. That makes 2 words.")
    idle(page)
    send(page, "and again")
    expect(bodies(page).nth(4)).to_have_text("You said: and again. That makes 2 words.")
    idle(page)
    texts = [t.strip() for t in bodies(page).all_inner_texts()]
    assert texts[1:] == ["hello there", "You said: hello there. That makes 2 words.", "and again",
                         "You said: and again. That makes 2 words."]
    # The user's messages carry the person icon, the replies the robot, as Streamlit draws them.
    expect(messages(page).nth(1).get_by_test_id("ac-chat-avatar-user")).to_be_visible()
    expect(messages(page).nth(2).get_by_test_id("ac-chat-avatar-assistant")).to_be_visible()
    expect(bodies(page).nth(2).locator("strong")).to_have_text("hello there")  # the reply is Markdown
    page.screenshot(path=str(artifacts_dir / "chat-light.png"))


def test_enter_sends_shift_enter_adds_a_line_and_the_field_grows(serve_app, page: Page) -> None:  # type: ignore[no-untyped-def]
    app = serve_app('''
        import appcore as st
        st.session_state.setdefault("got", [])
        if text := st.chat_input("Ask", max_chars=40):
            st.session_state.got.append(text)
        st.markdown(f"runs with a message: {len(st.session_state.got)}")
        st.text(repr(st.session_state.got))
    ''')
    open_app(page, app)
    box = field(page)
    expect(box).to_have_attribute("placeholder", "Ask")
    send_button = page.get_by_test_id("ac-chat-input-submit")
    expect(send_button).to_be_disabled()  # nothing to send yet
    one_line = box.bounding_box()["height"]
    box.click()
    page.keyboard.type("first line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    expect(box).to_have_value("first line\nsecond line")
    assert box.bounding_box()["height"] > one_line * 1.4, "the field did not grow with its second line"
    expect(send_button).to_be_enabled()
    page.keyboard.press("Enter")
    expect(page.get_by_text("runs with a message: 1")).to_be_visible()
    expect(page.get_by_test_id("ac-text")).to_have_text("['first line\\nsecond line']")
    # Past max_chars, the field takes no more; the send button sends too.
    box.click()
    page.keyboard.type("x" * 50)
    expect(box).to_have_value("x" * 40)
    send_button.click()
    expect(page.get_by_text("runs with a message: 2")).to_be_visible()
    # An empty (or blank) message is not sent.
    box.click()
    page.keyboard.type("   ")
    page.keyboard.press("Enter")
    idle(page)
    expect(page.get_by_text("runs with a message: 2")).to_be_visible()


def test_at_the_top_level_the_input_is_pinned_to_the_foot_of_the_window(serve_app, page: Page) -> None:  # type: ignore[no-untyped-def]
    app = serve_app('''
        import appcore as st
        for i in range(60):
            st.write(f"line {i}")
        st.chat_input("Pinned")
        with st.sidebar:
            st.chat_input("In the sidebar")
    ''')
    open_app(page, app)
    pinned = page.get_by_placeholder("Pinned")
    height = page.viewport_size["height"]
    for scroll in (0, 800):
        page.mouse.wheel(0, scroll)
        expect(page.get_by_text("line 0")).to_have_count(1)
        box = pinned.bounding_box()
        assert height - 120 < box["y"] + box["height"] <= height, f"not at the foot of the window: {box}"
    inline = page.get_by_placeholder("In the sidebar")
    expect(page.get_by_test_id("ac-bottom").get_by_placeholder("In the sidebar")).to_have_count(0)
    expect(inline).to_be_visible()


def test_avatars_emoji_icons_initials_and_images(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(f'''
        import base64
        import appcore as st
        st.chat_message("user").write("a person")
        st.chat_message("assistant").write("a bot")
        st.chat_message("Bob").write("an initial")
        st.chat_message("x", avatar="🦖").write("an emoji")
        st.chat_message("x", avatar=":material/thumb_up:").write("an icon")
        st.chat_message("x", avatar=base64.b64decode({PNG_DATA!r})).write("an image")
    ''')
    open_app(page, app)
    rows = messages(page)
    expect(rows).to_have_count(6)
    expect(rows.nth(2).locator(".ac-chat-avatar")).to_have_text("B")
    expect(rows.nth(3).locator(".ac-chat-avatar")).to_have_text("🦖")
    expect(rows.nth(4).locator(".ac-icon-material")).to_have_text("thumb_up")
    image = rows.nth(5).locator("img.ac-chat-avatar")
    expect(image).to_have_attribute("src", re.compile(r"^/_appcore/media/[0-9a-f-]+\.png$"))  # the session's media
    page.wait_for_function("(img) => img.complete && img.naturalWidth === 1", arg=image.element_handle())
    expect(rows.nth(0).get_by_role("group")).to_have_accessible_name("Chat message from user")
    # The person's own messages sit on a tinted row; the others do not.
    tint = [row.evaluate("el => getComputedStyle(el.firstElementChild).backgroundColor") for row in rows.all()[:2]]
    assert tint[0] != tint[1] and tint[1] in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(artifacts_dir / "chat-avatars.png"), full_page=True)


def test_submit_mode_disable_greys_the_field_until_the_reply_is_done(serve_app, page: Page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    app = serve_app(f'''
        import appcore as st
        if st.chat_input(submit_mode="disable"):
            with open({str(gate)!r}) as gate:
                gate.read()
            st.write("replied")
    ''')
    open_app(page, app)
    send(page, "wait for it")
    opener: threading.Thread | None = None
    try:
        expect(field(page)).to_be_disabled()
    finally:
        opener = threading.Thread(target=lambda: gate.write_text("go"), daemon=True)
        opener.start()
    expect(page.get_by_text("replied")).to_be_visible()
    expect(field(page)).to_be_enabled()
    opener.join(10)


@pytest.mark.parametrize("theme, width", [("dark", 1000), ("light", 400), ("dark", 400)])
def test_screenshots_of_the_chat(serve_app, browser, artifacts_dir, theme, width) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(EXAMPLE.read_text(encoding="utf-8"), env={"APPCORE_THEME_BASE": theme})
    context = browser.new_context(viewport={"width": width, "height": 700})
    try:
        page = context.new_page()
        open_app(page, app)
        send(page, "hello there")
        expect(messages(page)).to_have_count(3)
        expect(bodies(page).nth(2)).to_contain_text("That makes 2 words.")
        idle(page)
        expect(page.locator("html")).to_have_attribute("data-theme", theme)
        field(page).click()
        page.keyboard.type("a draft")
        # Nothing spills sideways in a narrow window.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(artifacts_dir / f"chat-{theme}-{width}.png"))
    finally:
        context.close()


ATTACHING = """
import appcore as st
message = st.chat_input("Ask about a file", accept_file="multiple", file_type=["txt", "csv"], max_upload_size=1)
if message:
    with st.chat_message("user"):
        st.write(message.text or "(no text)")
        for f in message.files:
            st.write(f"{f.name}: {f.getvalue().decode()}")
"""


def test_files_attached_with_the_paperclip_go_with_the_message(serve_app, page: Page, artifacts_dir: Path,
                                                               console_errors) -> None:
    console_errors.allow("status of 413")  # the file over max_upload_size, refused by the server
    open_app(page, serve_app(ATTACHING))
    chat = page.get_by_test_id("ac-chat_input")
    chat.locator('input[type="file"]').set_input_files([
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"buy milk"},
        {"name": "big.txt", "mimeType": "text/plain", "buffer": b"x" * (1024 * 1024 + 1)},
    ])
    chips = chat.get_by_role("list", name="Attached files").locator("li")
    expect(chips).to_have_count(2)
    expect(chips.nth(0)).to_contain_text("8 B")
    expect(chips.nth(1)).to_contain_text("File must be 1.0MB or smaller.")
    page.screenshot(path=str(artifacts_dir / "chat-attachments.png"))
    chat.get_by_role("button", name="Remove big.txt").click()
    field(page).fill("what is on my list?")
    field(page).press("Enter")
    expect(messages(page)).to_contain_text("what is on my list?")
    expect(messages(page)).to_contain_text("notes.txt: buy milk")
    expect(chat.get_by_role("list", name="Attached files")).to_have_count(0)
    # A file alone is a message too.
    chat.locator('input[type="file"]').set_input_files(
        [{"name": "list.csv", "mimeType": "text/csv", "buffer": b"a,b"}])
    expect(chips).to_have_count(1)
    expect(chips.nth(0)).to_contain_text("3 B")
    chat.get_by_role("button", name="Send message").click()
    expect(messages(page)).to_contain_text("list.csv: a,b")
    expect(messages(page)).to_contain_text("(no text)")
