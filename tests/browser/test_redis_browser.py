"""appcore-redis in Chromium: a tab whose process is killed reconnects, another process on
the same address resumes its session from Redis, and the person sees what they had:
their values, what they typed into a form and had not sent, and their page."""
from __future__ import annotations

import signal
import textwrap
import time

import pytest
from playwright.sync_api import Page, expect

from appcore_redis.testing import RESUME_APP, AppProcess, RedisServer

pytestmark = pytest.mark.browser


def test_a_tab_whose_process_was_killed_resumes_on_a_new_process(
        page: Page, tmp_path, console_errors, artifacts_dir) -> None:
    console_errors.allow(r"WebSocket connection to .* failed")  # while no process listens
    redis = RedisServer(tmp_path / "redis").start()
    script = tmp_path / "app.py"
    script.write_text(RESUME_APP)
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
        assert redis.holds(b"Paris")

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
        assert redis.holds(b"report")
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


DRAINED = """
import time
import appcore as st

st.session_state.setdefault("n", 0)
if st.button("Add one"):
    st.session_state.n += 1
if st.button("Slow"):
    with st.spinner("Working"):
        time.sleep(1.0)
    st.session_state.n += 10
st.markdown(f"n={st.session_state.n}")
"""


def test_behind_nginx_a_drained_process_finishes_the_run_and_the_tab_moves_to_a_live_one(
        page: Page, tmp_path, console_errors, artifacts_dir) -> None:
    import os
    from pathlib import Path

    from appcore_redis.testing import Deployment

    if not os.access("/usr/sbin/nginx", os.X_OK):
        pytest.fail("This test needs Debian's nginx: apt-get install nginx (scripts/test.sh does).", pytrace=False)
    console_errors.allow(r"WebSocket connection to .* failed")
    redis = RedisServer(tmp_path / "redis").start()
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(DRAINED))
    launch = Path(__file__).resolve().parents[2] / "deploy" / "launch.py"
    deployment = Deployment(launch, script, redis.url, tmp_path / "run").start()
    try:
        page.goto(deployment.url)
        result = page.get_by_test_id("ac-markdown").last
        expect(result).to_have_text("n=0")
        page.get_by_role("button", name="Add one").click()
        expect(result).to_have_text("n=1")
        drained = deployment.pid(deployment.holder())
        status = page.get_by_test_id("ac-status")
        page.get_by_role("button", name="Slow").click()
        expect(status).to_have_attribute("data-state", "running")
        os.kill(drained, signal.SIGTERM)  # a redeploy: drain, then go (launch.py starts a new one)
        # The draining process lets the run end; then the tab reconnects through nginx, to the
        # other process or to the one started in the drained one's place, whichever nginx picks.
        expect(result).to_have_text("n=11")
        expect(status).to_have_attribute("data-state", "idle")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            live = [port for port in deployment.ports
                    if deployment.pid(port) != drained and deployment.health(port).get("sessions") == 1]
            if live:
                break
            page.wait_for_timeout(100)
        assert live, "no live process took the tab after the drain"
        expect(result).to_have_text("n=11")
        page.get_by_role("button", name="Add one").click()
        expect(result).to_have_text("n=12")
        page.screenshot(path=artifacts_dir / "redis-behind-nginx.png", full_page=True)
    finally:
        page.context.close()
        code, output = deployment.stop()
        redis.stop()
    assert code == 0, output
