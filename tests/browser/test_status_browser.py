"""The status elements as a person sees them in real Chromium: a progress bar that
moves while a slow loop runs, a spinner shown while its block runs and gone after,
a status box that turns from running to complete (or error), toasts that stack at
the top right and go by themselves, balloons and snow that float over a page that
stays usable. Screenshots (light, dark, 400 px wide) go to the artifacts folder.

The app's script is held between steps by a gate across processes (``script_gate``):
it blocks reading a FIFO until the test lets one step through, so the test looks at
the page at each step without guessing how long anything takes.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import app_in_window

pytestmark = pytest.mark.browser


def status_indicator(page: Page):
    return page.locator('body > [data-testid="ac-status"]')


def idle(page: Page) -> None:
    expect(status_indicator(page)).to_have_attribute("data-state", "idle")


def running(page: Page) -> None:
    expect(status_indicator(page)).to_have_attribute("data-state", "running")


def shot(page: Page, artifacts_dir: Path, name: str) -> Path:
    path = artifacts_dir / f"status-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# -- progress --------------------------------------------------------------------------


def test_a_progress_bar_moves_at_each_step_of_a_slow_loop(serve_app, page: Page, script_gate, artifacts_dir) -> None:
    app = serve_app(script_gate.script + """
import appcore as st
bar = st.progress(0, text="Step 0 of 4")
for step in range(1, 5):
    gate()
    bar.progress(step * 25, text=f"Step {step} of 4")
st.markdown("Loop done")
""")
    page.goto(app.url)
    bar = page.get_by_role("progressbar")
    for step in range(0, 5):
        expect(bar).to_have_attribute("aria-valuenow", str(step * 25))
        expect(page.get_by_test_id("ac-progress")).to_contain_text(f"Step {step} of 4")
        if step < 4:
            running(page)  # the loop still runs: each update reached the page on its own
            expect(page.get_by_text("Loop done")).to_have_count(0)
            if step == 2:
                shot(page, artifacts_dir, "progress-half")
            script_gate.let_through()
    expect(page.get_by_text("Loop done")).to_be_visible()
    idle(page)
    # The bar is drawn to scale: a quarter of the track per 25 %.
    fill = page.locator(".ac-progress-fill")
    expect(fill).to_have_attribute("style", re.compile(r"translateX\(0%\)"))


# -- spinner ---------------------------------------------------------------------------


def test_a_spinner_shows_while_its_block_runs_and_goes_after(serve_app, page: Page, script_gate, artifacts_dir) -> None:
    app = serve_app(script_gate.script + """
import appcore as st
st.markdown("Before")
with st.spinner("Crunching **numbers**...", show_time=True):
    gate()
st.markdown("After the spinner")
""")
    page.goto(app.url)
    spinner = page.get_by_test_id("ac-spinner")
    expect(spinner).to_be_visible()
    expect(spinner.get_by_role("status")).to_contain_text("Crunching numbers...")
    expect(spinner.locator("strong")).to_have_text("numbers")
    # Drawn where the next element goes: below "Before".
    before = page.get_by_text("Before").bounding_box()
    assert spinner.bounding_box()["y"] > before["y"]
    # The time counts in the browser while the script waits.
    clock = spinner.locator(".ac-spinner-time")
    expect(clock).to_have_text(re.compile(r"^\(\d+\.\d seconds\)$"))
    first = clock.inner_text()
    expect(clock).not_to_have_text(first)
    shot(page, artifacts_dir, "spinner")
    running(page)
    script_gate.let_through()
    expect(page.get_by_text("After the spinner")).to_be_visible()
    expect(spinner).to_have_count(0)
    idle(page)


def test_a_quick_block_never_shows_its_spinner(serve_app, page: Page) -> None:
    app = serve_app("""
import appcore as st
st.markdown("Start")
with st.spinner("Too quick to see"):
    pass
st.markdown("End")
""")
    page.goto(app.url)
    page.evaluate("""() => {
        window.__spinners = 0;
        new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes)
            if (n.dataset?.testid === "ac-spinner") window.__spinners++; })
          .observe(document.body, { childList: true, subtree: true });
    }""")
    page.keyboard.press("r")  # a rerun observed from its start
    idle(page)
    expect(page.get_by_text("End")).to_be_visible()
    assert page.evaluate("window.__spinners") == 0
    expect(page.get_by_test_id("ac-spinner")).to_have_count(0)


# -- status ----------------------------------------------------------------------------


def test_a_status_goes_from_running_to_complete_and_shows_errors(serve_app, page: Page, script_gate,
                                                                  artifacts_dir) -> None:
    app = serve_app(script_gate.script + """
import appcore as st
with st.status("Downloading data...", expanded=True) as box:
    st.markdown("Searching for data...")
    gate()
    box.update(label="Almost there")
    gate()
st.button("Fail")
if st.session_state.get("fail"):
    with st.status("Risky step"):
        raise RuntimeError("it broke")
st.session_state.fail = True
""")
    page.goto(app.url)
    box = page.get_by_test_id("ac-status_container").first
    details = box.locator("details")
    expect(details).to_have_attribute("data-state", "running")
    expect(box.get_by_role("img", name="running")).to_be_visible()
    expect(box.get_by_text("Searching for data...")).to_be_visible()  # expanded=True
    shot(page, artifacts_dir, "status-running")
    script_gate.let_through()
    expect(box.locator("summary")).to_have_text("Almost there")
    expect(details).to_have_attribute("data-state", "running")
    script_gate.let_through()
    expect(details).to_have_attribute("data-state", "complete")
    expect(box.locator('[data-testid="ac-status-icon"] [role="img"]')).to_have_attribute("aria-label", "check")
    idle(page)
    # The person collapses it, and can open it again.
    box.locator("summary").click()
    expect(box.get_by_text("Searching for data...")).to_be_hidden()
    box.locator("summary").click()
    expect(box.get_by_text("Searching for data...")).to_be_visible()
    # An exception inside a status: the box turns to error, the traceback shows below it.
    script_gate.let_through(2)
    page.get_by_role("button", name="Fail").click()
    risky = page.get_by_test_id("ac-status_container").filter(has_text="Risky step")
    expect(risky.locator("details")).to_have_attribute("data-state", "error")
    expect(page.get_by_text("it broke").first).to_be_visible()
    shot(page, artifacts_dir, "status-error")


# -- toasts ----------------------------------------------------------------------------


def test_toasts_stack_at_the_top_right_update_in_place_and_go_away(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_app("""
import appcore as st
if st.button("Notify"):
    st.toast("First toast", icon="😍", duration=2)
    st.toast("Second toast", icon=":material/check:", duration=2)
    saving = st.toast("Saving...", duration="infinite")
    saving.toast("Saved **everything**", duration="infinite")
st.markdown("Page")
""")
    page.goto(app.url)
    idle(page)
    page.get_by_role("button", name="Notify").click()
    cards = page.get_by_test_id("ac-toast-card")
    expect(cards).to_have_count(3)
    # Newest on top; the handle's update replaced its toast rather than adding one.
    expect(cards.locator('[data-testid="ac-toast-body"]')).to_have_text(
        ["Saved everything", "Second toast", "First toast"])
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    width = page.viewport_size["width"]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"], "toasts are not stacked downwards"
    assert all(width - (b["x"] + b["width"]) < 40 for b in boxes), "toasts are not at the right edge"
    assert boxes[0]["y"] < 200, "toasts are not at the top"
    shot(page, artifacts_dir, "toasts")
    # The timed ones go by themselves, and a rerun does not take the others away.
    expect(cards).to_have_count(1)
    expect(cards).to_contain_text("Saved everything")
    page.keyboard.press("r")
    idle(page)
    expect(cards).to_have_count(1)
    cards.get_by_role("button", name="Close").click()
    expect(cards).to_have_count(0)


def test_a_toast_shows_above_an_open_dialog(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_app("""
import appcore as st
@st.dialog("Settings")
def settings():
    if st.button("Save"):
        st.toast("Settings saved", duration="infinite")
if st.button("Open"):
    settings()
""")
    page.goto(app.url)
    idle(page)
    page.get_by_role("button", name="Open").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Save").click()
    toast = page.get_by_test_id("ac-toast-card")
    expect(toast).to_be_visible()
    # In the top layer, shown after the modal opened: above its backdrop (the screenshot shows it).
    assert page.evaluate("() => document.querySelector('.ac-toasts').matches(':popover-open')")
    assert page.evaluate("() => document.querySelector('dialog').matches(':modal')")
    shot(page, artifacts_dir, "toast-over-dialog")


# -- balloons and snow -----------------------------------------------------------------


def test_balloons_and_snow_float_over_a_page_that_stays_usable(serve_app, page: Page, artifacts_dir) -> None:
    app = serve_app("""
import appcore as st
st.session_state.setdefault("clicks", 0)
if st.button("Celebrate"):
    st.balloons()
if st.button("Winter"):
    st.snow()
if st.button("Count"):
    st.session_state.clicks += 1
st.markdown(f"clicks: {st.session_state.clicks}")
""")
    page.goto(app.url)
    idle(page)
    page.get_by_role("button", name="Celebrate").click()
    overlay = page.get_by_test_id("ac-balloons-overlay")
    expect(overlay).to_have_count(1)
    expect(overlay.locator(".ac-balloon").first).to_be_visible()
    page.wait_for_function("() => [...document.querySelectorAll('.ac-balloon')].some((b) => {"
                           " const r = b.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })")
    shot(page, artifacts_dir, "balloons")
    # The overlay takes no clicks: the page under it still answers.
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("clicks: 1")).to_be_visible()
    # As Streamlit: the rerun that does not draw them again takes them away (they fly 4.5 s).
    expect(overlay).to_have_count(0, timeout=1500)
    page.get_by_role("button", name="Winter").click()
    snow = page.get_by_test_id("ac-snow-overlay")
    expect(snow.locator(".ac-snowflake").first).to_be_attached()
    expect(snow).to_have_count(0)


def test_reduced_motion_shows_no_balloons(serve_app, browser) -> None:  # type: ignore[no-untyped-def]
    app = serve_app("""
import appcore as st
if st.button("Celebrate"):
    st.balloons()
    st.markdown("celebrated")
""")
    context = browser.new_context(reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(app.url)
        idle(page)
        page.get_by_role("button", name="Celebrate").click()
        expect(page.get_by_text("celebrated")).to_be_visible()
        idle(page)
        expect(page.get_by_test_id("ac-balloons-overlay")).to_have_count(0)
        assert page.get_by_test_id("ac-balloons").count() == 1  # the element is there; it plays nothing
    finally:
        context.close()


# -- how it looks ----------------------------------------------------------------------

LOOKS = """
import appcore as st
st.title("Status elements")
st.progress(40, text="Loading **data**")
st.progress(0.75)
st.progress(10, text="Fixed width", width=300)
with st.status("Downloading data...", expanded=True):
    st.markdown("Searching for data...")
with st.status("Done", state="complete"):
    st.markdown("x")
st.status("Failed", state="error")
st.status("Still running")
with st.status("Compact", type="compact", expanded=True, state="complete"):
    st.markdown("A compact child")
with st.status("Step one", type="step", state="complete", expanded=True):
    st.markdown("A step's child")
st.status("Step two", type="step", state="error")
st.status("Step three", type="step")
st.sidebar.progress(30, text="In the sidebar")
st.toast("Your edited image was saved!", icon="😍", duration="infinite")
st.toast("A longer toast whose text wraps onto a second line in the box", duration="infinite")
"""


@pytest.mark.parametrize(("theme", "width"), [("light", 1200), ("dark", 1200), ("light", 400)])
def test_the_status_elements_look_right(serve_app, browser, artifacts_dir, theme, width) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(LOOKS, env={"APPCORE_THEME_BASE": theme})
    with app_in_window(browser, app, width) as page:
        expect(page.get_by_test_id("ac-toast-card")).to_have_count(2)
        expect(page.locator(".ac-fallback")).to_have_count(0)
        shot(page, artifacts_dir, f"looks-{theme}-{width}")
        # Nothing sticks out of the window, the toasts neither.
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0
        for card in page.get_by_test_id("ac-toast-card").all():
            box = card.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # The fixed-width bar is 300 px wide (there is room for it at 400 px too).
        fixed = page.get_by_test_id("ac-progress").filter(has_text="Fixed width").locator(".ac-progress")
        assert fixed.bounding_box()["width"] == 300
