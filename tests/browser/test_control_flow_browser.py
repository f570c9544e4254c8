"""Control flow as a person sees it in real Chromium: forms, fragments, run_every
timers, dialogs and st.stop.

Each test serves a small script with ``appcore run`` (the ``serve_app`` fixture of
conftest.py) and drives the page as a person would: typing, Tab, Enter, clicks, Esc.
What it asserts is what is on the screen (text, input values, an open <dialog>,
where the keyboard focus is), plus the run count the script itself shows.

Screenshots of a form and of an open dialog, light and dark, are written to
/tmp/appcore-shots/ for a person to look at.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect  # missing Playwright fails the run, as conftest.py wants

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/appcore-shots")
QUIET = 0.5  # seconds to watch for a run that must not happen


# -- helpers -------------------------------------------------------------------------


def status(page):
    return page.get_by_test_id("ac-status")


def open_app(page, app) -> None:
    """Load the app and wait until its first run has finished drawing."""
    page.goto(app.url)
    expect(status(page)).to_have_attribute("data-state", "idle")


def settle(page) -> None:
    """Wait for the run in flight (if any) to finish."""
    expect(status(page)).to_have_attribute("data-state", "idle")


def shown(page, label: str) -> str:
    """The value the script printed as ``<label>: <value>`` (one markdown line)."""
    line = page.get_by_test_id("ac-markdown").filter(has_text=re.compile(rf"^{re.escape(label)}: "))
    expect(line).to_have_count(1)
    return line.inner_text().split(": ", 1)[1].strip()


def expect_line(page, label: str, value: str, *, within=None) -> None:
    scope = within if within is not None else page
    line = scope.get_by_test_id("ac-markdown").filter(has_text=re.compile(rf"^{re.escape(label)}: "))
    expect(line).to_have_text(f"{label}: {value}")


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path))
    return path


def focus_in_dialog(page) -> bool:
    return page.evaluate("() => !!(document.activeElement && document.activeElement.closest('dialog'))")


def focused_text(page) -> str:
    return page.evaluate("() => document.activeElement ? (document.activeElement.textContent || '').trim() : ''")


# -- 1. forms ------------------------------------------------------------------------

FORM_APP = """
import appcore as st

st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.markdown(f"Runs: {st.session_state['runs']}")

with st.form("profile", clear_on_submit=CLEAR):
    first = st.text_input("First name")
    last = st.text_input("Last name")
    city = st.text_input("City")
    submitted = st.form_submit_button("Submit")

if submitted:
    st.markdown(f"Submitted: {first} / {last} / {city}")
"""


def form_app(clear: bool = False) -> str:
    return FORM_APP.replace("CLEAR", repr(clear))


def fill_form(page, values: dict[str, str]) -> None:
    """Type into each field and leave it with Tab, as a person does."""
    for label, value in values.items():
        field = page.get_by_label(label)
        field.fill(value)
        field.press("Tab")


VALUES = {"First name": "Ada", "Last name": "Lovelace", "City": "London"}


def test_form_holds_values_until_submit(page, serve_app):
    app = serve_app(form_app())
    open_app(page, app)
    expect(page.get_by_test_id("ac-form")).to_be_visible()
    expect_line(page, "Runs", "1")

    fill_form(page, VALUES)
    time.sleep(QUIET)
    settle(page)
    expect_line(page, "Runs", "1")  # typing and leaving fields inside a form runs nothing
    expect(page.get_by_text(re.compile(r"^Submitted:"))).to_have_count(0)
    for label, value in VALUES.items():
        expect(page.get_by_label(label)).to_have_value(value)
    shot = screenshot(page, "form-light.png")
    assert shot.stat().st_size > 0

    page.get_by_role("button", name="Submit").click()
    expect_line(page, "Submitted", "Ada / Lovelace / London")
    expect_line(page, "Runs", "2")
    time.sleep(QUIET)
    settle(page)
    expect_line(page, "Runs", "2")  # exactly one run for one submit
    # Without clear_on_submit the fields keep what was typed.
    for label, value in VALUES.items():
        expect(page.get_by_label(label)).to_have_value(value)


def test_enter_in_form_text_input_submits(page, serve_app):
    app = serve_app(form_app())
    open_app(page, app)
    expect_line(page, "Runs", "1")

    page.get_by_label("First name").fill("Grace")
    page.get_by_label("First name").press("Tab")
    page.get_by_label("Last name").fill("Hopper")
    page.get_by_label("Last name").press("Enter")

    expect_line(page, "Submitted", "Grace / Hopper / ")
    expect_line(page, "Runs", "2")
    time.sleep(QUIET)
    settle(page)
    expect_line(page, "Runs", "2")


def test_clear_on_submit_empties_fields_in_the_page(page, serve_app):
    app = serve_app(form_app(clear=True))
    open_app(page, app)

    fill_form(page, VALUES)
    page.get_by_role("button", name="Submit").click()

    # The submitted run still sees what was typed...
    expect_line(page, "Submitted", "Ada / Lovelace / London")
    settle(page)
    # ...and the fields in the page are empty again.
    for label in VALUES:
        expect(page.get_by_label(label)).to_have_value("")
    expect_line(page, "Runs", "2")

    # A second submission with new text works the same way, and empty fields stay empty.
    page.get_by_label("City").fill("Paris")
    page.get_by_label("City").press("Enter")
    expect_line(page, "Submitted", " /  / Paris")
    settle(page)
    expect(page.get_by_label("City")).to_have_value("")
    expect_line(page, "Runs", "3")


# -- 2. fragments --------------------------------------------------------------------

FRAGMENT_APP = """
import time
import appcore as st

st.markdown(f"Outside: {time.time():.6f}")

@st.fragment
def counter():
    if st.button("Add one", key="add"):
        st.session_state["count"] = st.session_state.get("count", 0) + 1
    st.markdown(f"Count: {st.session_state.get('count', 0)}")

counter()
"""


def test_fragment_button_reruns_only_the_fragment(page, serve_app):
    app = serve_app(FRAGMENT_APP)
    open_app(page, app)
    fragment = page.get_by_test_id("ac-fragment")
    expect(fragment).to_have_count(1)
    expect_line(page, "Count", "0", within=fragment)
    outside = shown(page, "Outside")

    for n in range(1, 5):
        fragment.get_by_role("button", name="Add one").click()
        expect_line(page, "Count", str(n), within=fragment)
    settle(page)
    time.sleep(QUIET)
    assert shown(page, "Outside") == outside, "a click inside the fragment reran the whole script"
    expect_line(page, "Count", "4", within=fragment)


# -- 3. run_every --------------------------------------------------------------------

TIMER_APP = """
import time
import appcore as st

LOG = LOG_PATH
st.markdown("Timer page")

@st.fragment(run_every="1s")
def tick():
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(f"{time.time()}\\n")
    st.markdown(f"Ticked: {time.time():.3f}")

tick()
"""


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def test_run_every_ticks_while_open_and_stops_when_closed(page, serve_app, tmp_path):
    log = tmp_path / "ticks.log"
    app = serve_app(TIMER_APP.replace("LOG_PATH", repr(str(log))))
    open_app(page, app)
    expect(page.get_by_test_id("ac-fragment")).to_have_count(1)
    expect(page.get_by_text(re.compile(r"^Ticked: "))).to_be_visible()
    start = lines(log)
    assert start >= 1, "the first full run did not run the fragment"

    time.sleep(5.0)
    ticks = lines(log) - start
    assert 3 <= ticks <= 7, f"run_every='1s' ran the fragment {ticks} times in 5 s"

    page.close()
    time.sleep(2.0)
    after_close = lines(log)
    time.sleep(2.0)
    assert lines(log) == after_close, (
        f"the fragment kept running after the tab closed: {after_close} -> {lines(log)} lines")


# -- 4. dialogs ----------------------------------------------------------------------

DIALOG_APP = """
import time
import appcore as st

st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.markdown(f"Main runs: {st.session_state['runs']}")
st.markdown(f"Stamp: {time.time():.6f}")

@st.dialog("Sign up", on_dismiss=ON_DISMISS)
def sign_up():
    name = st.text_input("Name")
    email = st.text_input("Email")
    st.markdown(f"Hello: {name or 'nobody'}")
    if st.button("Submit"):
        st.session_state["signed"] = f"{name} ({email})"
        st.rerun()

if st.button("Open sign-up"):
    sign_up()

if "signed" in st.session_state:
    st.markdown(f"Signed up: {st.session_state['signed']}")
"""


def dialog_app(on_dismiss: str = "ignore") -> str:
    return DIALOG_APP.replace("ON_DISMISS", repr(on_dismiss))


def open_dialog(page):
    page.get_by_role("button", name="Open sign-up").click()
    dialog = page.get_by_role("dialog", name="Sign up")
    expect(dialog).to_be_visible()
    expect(page.locator("dialog[open]")).to_have_count(1)
    settle(page)
    return dialog


def test_dialog_reruns_alone_closes_on_esc_and_on_rerun(page, serve_app):
    app = serve_app(dialog_app())
    open_app(page, app)
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect_line(page, "Main runs", "1")

    dialog = open_dialog(page)
    expect_line(page, "Main runs", "2")
    stamp = shown(page, "Stamp")
    expect(dialog.get_by_label("Name")).to_be_visible()
    expect(dialog.get_by_label("Email")).to_be_visible()
    assert focus_in_dialog(page), "an open modal dialog must hold the keyboard focus"
    screenshot(page, "dialog-light.png")

    # A widget inside the dialog reruns the dialog alone.
    dialog.get_by_label("Name").fill("Ada")
    dialog.get_by_label("Name").press("Enter")
    expect_line(page, "Hello", "Ada", within=dialog)
    settle(page)
    time.sleep(QUIET)
    expect(dialog).to_be_visible()
    assert shown(page, "Stamp") == stamp, "typing in the dialog reran the whole script"
    expect_line(page, "Main runs", "2")
    assert focus_in_dialog(page)

    # Esc closes it; with on_dismiss="ignore" nothing reruns; focus goes back to the page.
    page.keyboard.press("Escape")
    expect(page.locator("dialog[open]")).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert not focus_in_dialog(page)
    assert focused_text(page) == "Open sign-up", (
        f"focus should return to the button that opened the dialog, not {focused_text(page)!r}")
    time.sleep(QUIET)
    settle(page)
    expect_line(page, "Main runs", "2")
    assert shown(page, "Stamp") == stamp

    # Open again, fill it in and Submit: st.rerun() closes it and the page shows the result.
    dialog = open_dialog(page)
    assert focus_in_dialog(page)
    dialog.get_by_label("Name").fill("Grace")
    dialog.get_by_label("Email").fill("grace@example.com")
    dialog.get_by_role("button", name="Submit").click()
    expect_line(page, "Signed up", "Grace (grace@example.com)")
    expect(page.locator("dialog[open]")).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)
    settle(page)
    assert not focus_in_dialog(page)
    assert focused_text(page) == "Open sign-up", (
        f"focus should return to the button that opened the dialog, not {focused_text(page)!r}")


def test_dialog_on_dismiss_rerun_reruns_the_page(page, serve_app):
    app = serve_app(dialog_app("rerun"))
    open_app(page, app)
    open_dialog(page)
    expect_line(page, "Main runs", "2")

    page.keyboard.press("Escape")
    expect(page.locator("dialog[open]")).to_have_count(0)
    expect_line(page, "Main runs", "3")
    settle(page)
    expect(page.get_by_role("dialog")).to_have_count(0)  # the rerun does not reopen it
    time.sleep(QUIET)
    expect_line(page, "Main runs", "3")


def dark_colours(page, selector: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(background, text) of the first element matching ``selector``, as RGB."""
    colours = page.evaluate("""(selector) => {
        const s = getComputedStyle(document.querySelector(selector));
        return [s.backgroundColor, s.color];
    }""", selector)
    return tuple(tuple(int(v) for v in re.findall(r"\d+", c)[:3]) for c in colours)


def test_dark_theme_form(page, serve_app):
    """A form in the dark theme: dark page and fields, light text (screenshot)."""
    app = serve_app(form_app(), env={"APPCORE_THEME_BASE": "dark"})
    open_app(page, app)
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    fill_form(page, VALUES)
    settle(page)
    screenshot(page, "form-dark.png")
    background, text = dark_colours(page, "body")
    assert sum(background) < 3 * 80 and sum(text) > 3 * 180, f"the dark page is not dark: {background} / {text}"
    background, text = dark_colours(page, ".ac-input")
    assert sum(background) < 3 * 80 and sum(text) > 3 * 180, f"a dark field is not dark: {background} / {text}"


def test_dark_theme_dialog(page, serve_app):
    """The dialog in the dark theme: a dark surface with light text (screenshot)."""
    app = serve_app(dialog_app(), env={"APPCORE_THEME_BASE": "dark"})
    open_app(page, app)
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    dialog = open_dialog(page)
    expect(dialog.get_by_label("Name")).to_be_visible()
    screenshot(page, "dialog-dark.png")
    background, text = dark_colours(page, "dialog[open]")
    assert sum(background) < 3 * 80, f"the dark dialog is drawn on a light background {background}"
    assert sum(text) > 3 * 180, f"the dark dialog's text is not light: {text}"


# -- 5. st.stop ----------------------------------------------------------------------

STOP_APP = """
import appcore as st

st.session_state["clicks"] = st.session_state.get("clicks", 0)
if st.button("Click me"):
    st.session_state["clicks"] += 1
st.markdown(f"Clicks: {st.session_state['clicks']}")
st.stop()
st.markdown("After stop")
st.button("Never drawn")
"""


def test_stop_hides_what_follows_and_buttons_above_still_work(page, serve_app):
    app = serve_app(STOP_APP)
    open_app(page, app)
    expect_line(page, "Clicks", "0")
    expect(page.get_by_text("After stop")).to_have_count(0)
    expect(page.get_by_role("button", name="Never drawn")).to_have_count(0)

    for n in (1, 2):
        page.get_by_role("button", name="Click me").click()
        expect_line(page, "Clicks", str(n))
        settle(page)
        expect(page.get_by_text("After stop")).to_have_count(0)
        expect(page.get_by_role("button", name="Never drawn")).to_have_count(0)
    # A stopped run is a clean end, not an error.
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect(page.locator("#ac-error")).to_be_hidden()
    expect(page.get_by_test_id("ac-exception")).to_have_count(0)


# -- the first frame -----------------------------------------------------------------


def test_first_frame_with_session_and_deltas_draws_real_elements(page, serve_app):
    """The server may put the session message and the first run's deltas in one frame
    (they are queued together and flushed when the loop gets to it). The page must then
    draw the real renderers, not the JSON fallback: this happens by chance on a normal
    load (seen as flaky fragment/form tests), here it is forced by merging the frames."""

    app = serve_app(FRAGMENT_APP)
    merging = {"on": True, "messages": []}

    def route(ws) -> None:
        server = ws.connect_to_server()  # the page's own messages go through untouched

        def from_server(frame) -> None:
            if merging["on"]:
                # Hold the first frames until one carries deltas, then deliver them as one.
                merging["messages"].extend(json.loads(frame))
                if any(m.get("t") == "delta" for m in merging["messages"]):
                    merging["on"] = False
                    ws.send(json.dumps(merging["messages"]))
                return
            ws.send(frame)

        server.on_message(from_server)

    page.route_web_socket(re.compile(r".*/_appcore/stream$"), route)
    open_app(page, app)
    expect(page.get_by_role("button", name="Add one")).to_be_visible()
    expect(page.locator(".ac-fallback")).to_have_count(0)
    expect_line(page, "Count", "0", within=page.get_by_test_id("ac-fragment"))
