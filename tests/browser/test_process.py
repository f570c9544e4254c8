"""The served process: it stops cleanly on Ctrl-C and on SIGTERM, even with a tab
open, and the tab then tells the person it has lost the server."""
from __future__ import annotations

import signal

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

APP = """
    import appcore as st

    st.title("Still here")
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_server_stops_cleanly_with_a_tab_open(serve_app, page: Page, console_errors, sig) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(APP)
    page.goto(app.url)
    status = page.get_by_test_id("ac-status")
    expect(status).to_have_attribute("data-state", "idle")
    expect(page.get_by_test_id("ac-title")).to_have_text("Still here")
    # The tab keeps trying to reconnect to the stopped server; the browser logs each try.
    console_errors.allow(r"WebSocket connection to .* failed")

    code = app.stop(sig)

    app.assert_clean_exit(code, sig)
    assert "Stopping" in app.stdout
    expect(status).to_have_attribute("data-state", "disconnected")
    expect(status).to_contain_text("Connecting")
    # What was drawn stays readable while it reconnects.
    expect(page.get_by_test_id("ac-title")).to_have_text("Still here")


def test_the_server_stops_cleanly_when_no_tab_is_open(serve_app) -> None:  # type: ignore[no-untyped-def]
    app = serve_app(APP)
    app.assert_clean_exit(app.stop(signal.SIGINT), signal.SIGINT)


@pytest.mark.parametrize("flags_before_script", [False, True], ids=["app.py --port N", "--port N app.py"])
def test_the_port_flag_is_applied_before_or_after_the_script(serve_app, page: Page, flags_before_script) -> None:  # type: ignore[no-untyped-def]
    """`appcore run app.py --port N --headless` (README's order, Streamlit's too) and
    `appcore run --port N --headless app.py` both serve on port N; only arguments
    after `--` belong to the script."""
    app = serve_app(APP, flags_before_script=flags_before_script)
    assert f"URL: {app.url}" in app.stdout
    page.goto(app.url)
    expect(page.get_by_test_id("ac-title")).to_have_text("Still here")
