"""appcore-redis in Chromium: a tab whose process is killed reconnects, another process on
the same address resumes its session from Redis, and the person sees what they had:
their values, what they typed into a form and had not sent, and their page."""
from __future__ import annotations

import signal
import textwrap
import time

import pytest
from playwright.sync_api import Page, expect

from appcore_redis.testing import AppProcess, RedisServer

pytestmark = pytest.mark.browser

APP = """
import threading
import appcore as st

def home():
    st.session_state.setdefault("n", 0)
    st.session_state.lock = threading.Lock()
    if st.button("Add one"):
        st.session_state.n += 1
    name = st.text_input("Name", key="name")
    with st.form("address"):
        city = st.text_input("City")
        sent = st.form_submit_button("Send")
    st.markdown(f"n={st.session_state.n} name={name} city={city} sent={sent}")

def report():
    st.markdown(f"Report for n={st.session_state.get('n')}")

st.navigation([st.Page(home, title="Home", default=True), st.Page(report, title="Report")]).run()
"""


def wait_saved(redis: RedisServer, needle: bytes, timeout: float = 10.0) -> None:
    client = redis.client()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(needle in (client.get(key) or b"") for key in client.keys("appcore:session:*")):
            return
        time.sleep(0.05)
    raise AssertionError(f"{needle!r} never reached Redis")


def test_a_tab_whose_process_was_killed_resumes_on_a_new_process(
        page: Page, tmp_path, console_errors, artifacts_dir) -> None:
    console_errors.allow(r"WebSocket connection to .* failed")  # while no process listens
    redis = RedisServer(tmp_path / "redis").start()
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP))
    env = {"APPCORE_SESSION_STORE_URL": redis.url}
    first = AppProcess(script, env).start()
    second = None
    try:
        page.goto(first.url)
        result = page.get_by_test_id("ac-markdown").last
        expect(result).to_have_text("n=0 name= city= sent=False")
        # The lock cannot go to another process: the page says so, once, with the reason.
        note = page.get_by_test_id("ac-session_store")
        expect(note).to_contain_text("lock")
        expect(note).to_contain_text("cannot be pickled")
        page.get_by_role("button", name="Add one").click()
        expect(result).to_have_text("n=1 name= city= sent=False")
        page.get_by_role("button", name="Add one").click()
        expect(result).to_have_text("n=2 name= city= sent=False")
        page.get_by_label("Name").fill("Ada")
        page.get_by_label("Name").press("Enter")
        expect(result).to_have_text("n=2 name=Ada city= sent=False")
        page.get_by_label("City").fill("Paris")
        page.get_by_label("Name").focus()  # leaving the field hands the value to the form
        wait_saved(redis, b"Paris")

        first.signal(signal.SIGKILL)
        first.wait()
        status = page.get_by_test_id("ac-status")
        expect(status).to_have_attribute("data-state", "disconnected")
        second = AppProcess(script, env, port=first.port).start()  # a new process, nothing in memory

        expect(status).to_have_attribute("data-state", "idle", timeout=15_000)
        expect(result).to_have_text("n=2 name=Ada city= sent=False")
        expect(page.get_by_label("Name")).to_have_value("Ada")
        expect(page.get_by_label("City")).to_have_value("Paris")
        page.screenshot(path=artifacts_dir / "redis-resumed.png", full_page=True)
        page.get_by_role("button", name="Send").click()
        expect(result).to_have_text("n=2 name=Ada city=Paris sent=True")

        page.get_by_role("link", name="Report").click()
        expect(page.get_by_test_id("ac-markdown").last).to_have_text("Report for n=2")
        wait_saved(redis, b"report")
        second.signal(signal.SIGKILL)
        second.wait()
        expect(status).to_have_attribute("data-state", "disconnected")
        third = AppProcess(script, env, port=first.port).start()
        expect(status).to_have_attribute("data-state", "idle", timeout=15_000)
        expect(page.get_by_test_id("ac-markdown").last).to_have_text("Report for n=2")
        assert page.url.endswith("/report")
        third.stop()
    finally:
        page.context.close()
        first.stop()
        if second is not None:
            second.stop()
        redis.stop()
