"""The Stop control in real Chromium: it shows while a run is in flight, stops a run
that makes no st call, says so when a run is stuck in a call that does not return,
and the page lives on. Screenshots go to /tmp/appcore-shots/ for a person to look at."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/appcore-shots")

RUNAWAY_APP = """
import time
import appcore as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.markdown(f"Runs: {st.session_state.runs}")
if st.button("Spin"):
    while True:
        pass
if st.button("Sleep"):
    time.sleep(4)
if st.button("Naps"):
    for _ in range(10**6):
        time.sleep(0.01)
"""


def status(page):
    return page.get_by_test_id("ac-status")


def test_stop_stops_a_runaway_run_and_the_page_lives_on(page, serve_app):
    app = serve_app(RUNAWAY_APP)
    page.goto(app.url)
    expect(status(page)).to_have_attribute("data-state", "idle")
    stop = page.get_by_test_id("ac-stop")
    expect(stop).to_be_hidden()

    page.get_by_role("button", name="Spin").click()
    expect(status(page)).to_have_attribute("data-state", "running")
    expect(stop).to_be_visible()
    expect(stop).to_have_text("Stop")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "stop-running.png"), clip={"x": 800, "y": 0, "width": 400, "height": 120})

    stop.click()
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect(stop).to_be_hidden()
    expect(page.locator("#ac-error")).to_be_hidden()
    expect(page.get_by_text("Runs: 2")).to_be_visible()  # the stopped run's page is kept

    page.get_by_role("button", name="Naps").click()  # the next interaction reruns as usual
    expect(page.get_by_text("Runs: 3")).to_be_visible()
    page.get_by_test_id("ac-stop").click()
    expect(status(page)).to_have_attribute("data-state", "idle")
    assert "could not be stopped" not in app.stderr


def test_a_run_stuck_in_a_long_call_is_reported_then_ends(page, serve_app):
    app = serve_app(RUNAWAY_APP.replace("time.sleep(4)", "time.sleep(5)"))
    page.goto(app.url)
    expect(status(page)).to_have_attribute("data-state", "idle")
    page.get_by_role("button", name="Sleep").click()
    expect(status(page)).to_have_attribute("data-state", "running")
    stop = page.get_by_test_id("ac-stop")
    stop.click()
    expect(stop).to_have_text("Stopping…")
    banner = page.locator("#ac-error")
    expect(banner).to_be_visible(timeout=4_000)
    expect(banner).to_contain_text("could not be stopped")
    expect(banner).to_contain_text("app.py, line 11: time.sleep(5)")
    page.screenshot(path=str(SHOTS / "stop-stuck.png"), clip={"x": 0, "y": 0, "width": 1200, "height": 160})
    expect(status(page)).to_have_attribute("data-state", "idle", timeout=8_000)  # the call returned
    expect(banner).to_be_hidden()
    assert "could not be stopped" in app.stderr


def test_max_run_seconds_stops_a_long_run_with_a_message(page, serve_app):
    app = serve_app(RUNAWAY_APP, env={"APPCORE_RUNNER_MAX_RUN_SECONDS": "0.5"})
    page.goto(app.url)
    expect(status(page)).to_have_attribute("data-state", "idle")
    page.get_by_role("button", name="Spin").click()
    banner = page.locator("#ac-error")
    expect(banner).to_contain_text("stopped after 0.5 s")
    expect(banner).to_contain_text("max_run_seconds")
    expect(status(page)).to_have_attribute("data-state", "idle")
    page.screenshot(path=str(SHOTS / "stop-timeout.png"), clip={"x": 0, "y": 0, "width": 1200, "height": 160})


def test_a_flood_of_clicks_is_told_busy_and_stop_drops_what_waits(page, serve_app):
    app = serve_app(RUNAWAY_APP)
    page.goto(app.url)
    expect(status(page)).to_have_attribute("data-state", "idle")
    page.get_by_role("button", name="Spin").click()
    expect(status(page)).to_have_attribute("data-state", "running")
    # 60 crafted clicks of "Sleep" while the runaway holds the session: 50 wait, 10 are refused
    page.evaluate("""() => {
      const node = [...window.appcore.nodes.values()].find((n) => n.type === "button" && n.props.label === "Sleep");
      for (let i = 0; i < 60; i++) window.appcore.send({ t: "widget", id: node.widgetId, value: true });
    }""")
    busy = status(page).locator(".ac-busy")
    expect(busy).to_be_visible()
    expect(busy).to_contain_text("ignored")
    page.screenshot(path=str(SHOTS / "stop-busy.png"), clip={"x": 700, "y": 0, "width": 500, "height": 60})
    page.get_by_test_id("ac-stop").click()
    expect(status(page)).to_have_attribute("data-state", "idle")  # the 50 waiting clicks went with the stop
    expect(page.get_by_text("Runs: 2")).to_be_visible()
    assert "rejected a message" in app.stderr
