"""appcore-autorefresh (plugins/community, pip-installed by the test set-up) in Chromium: the
page's timer reruns the app, stops before the limit, pauses while the tab is hidden, and never
stacks."""
from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

START = dt.datetime(2026, 1, 1)

# What a browser does when the person switches to another tab (headless Chromium never hides one).
HIDE = """() => {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW = """() => {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => false });
  document.dispatchEvent(new Event("visibilitychange"));
}"""
# Counts the values the page sends, to prove what it did not send.
RECORD_SENT = """
const send = WebSocket.prototype.send;
window.__ticks = 0;
WebSocket.prototype.send = function (data) {
  if (String(data).includes('"t":"widget"')) window.__ticks += 1;
  return send.call(this, data);
};
"""


def open_counting(page: Page, app):  # type: ignore[no-untyped-def]
    """Open ``app`` with the page's clock paused (its timers fire when the test says, not when
    a busy machine gets to them) and the values it sends counted; return the count's
    markdown once it shows 0."""
    page.add_init_script(RECORD_SENT)
    page.clock.install(time=START)
    page.clock.pause_at(START + dt.timedelta(seconds=1))
    page.goto(app.url)
    markdown = page.get_by_test_id("ac-markdown")
    expect(markdown).to_have_text("count=0")
    return markdown


def counter_app(serve_app, call: str, *more: str):  # type: ignore[no-untyped-def]
    """An app whose st_autorefresh ``call`` counts the runs, shown as ``count=<n>`` after ``more`` lines."""
    return serve_app("\n".join(["import appcore as st", "from appcore_autorefresh import st_autorefresh",
                                 f"count = {call}", *more, 'st.markdown(f"count={count}")']))


def page_time(page: Page, ms: int) -> None:
    """Let ``ms`` of the page's time pass in steps, so that the server's answers come in between."""
    for _ in range(ms // 50):
        page.clock.run_for(50)


def ticks(page: Page) -> int:
    return page.evaluate("window.__ticks")


def test_the_timer_reruns_the_app_and_stops_before_the_limit(serve_app, page: Page, artifacts_dir) -> None:
    markdown = open_counting(page, counter_app(serve_app, 'st_autorefresh(interval=150, limit=4, key="tick")'))
    page_time(page, 3000)  # twenty intervals: it stops after three
    expect(markdown).to_have_text("count=3")
    assert ticks(page) == 3
    page.screenshot(path=str(artifacts_dir / "autorefresh-counter.png"), full_page=True)


def test_a_hidden_tab_pauses_the_timer_and_showing_it_starts_again(serve_app, page: Page) -> None:
    markdown = open_counting(page, counter_app(serve_app, 'st_autorefresh(interval=150, key="tick")'))
    page_time(page, 500)
    visible = ticks(page)
    assert visible >= 1
    expect(markdown).to_have_text(f"count={visible}")
    page.evaluate(HIDE)
    page_time(page, 1500)
    assert ticks(page) == visible
    page.evaluate(SHOW)
    page_time(page, 500)
    assert ticks(page) > visible
    expect(markdown).to_have_text(f"count={ticks(page)}")


def test_runs_in_a_row_never_stack_timers(serve_app, page: Page) -> None:
    open_counting(page, counter_app(serve_app, 'st_autorefresh(interval=400, debounce=False, key="tick")',
                                    'st.button("rerun")'))
    for _ in range(5):  # each run redraws the page; one timer goes on
        page.get_by_role("button", name="rerun").click()
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    before = ticks(page)
    page_time(page, 2000)
    # One 400 ms timer ticks five times in two seconds; five stacked timers would tick 25 times.
    assert 4 <= ticks(page) - before <= 5
