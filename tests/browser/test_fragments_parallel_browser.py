"""A parallel fragment's content appears in the page while the script is still blocked,
and the run ends when both have ended. The script waits for a file the test writes (the
server is another process: the test cannot hold a gate there)."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

APP = """
    import time
    from pathlib import Path
    import appcore as st

    @st.fragment(parallel=True)
    def report():
        st.markdown("fragment content")
        if st.button("again"):
            st.markdown("fragment reran")

    st.markdown("script started")
    report()
    while not Path("release").exists():   # the script is blocked until the test says so
        time.sleep(0.02)
    st.markdown("script done")
"""


def test_a_parallel_fragment_shows_while_the_script_is_blocked(serve_app, page: Page) -> None:
    app = serve_app(APP)
    page.goto(app.url)
    fragment = page.get_by_test_id("ac-fragment")
    expect(fragment.get_by_text("fragment content")).to_be_visible()
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "running")
    expect(page.get_by_text("script done")).to_have_count(0)
    (app.path.parent / "release").write_text("go")
    expect(page.get_by_text("script done")).to_be_visible()
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    # A widget in it reruns the fragment alone (the script, which would block again, does not run).
    page.get_by_role("button", name="again").click()
    expect(fragment.get_by_text("fragment reran")).to_be_visible()
    expect(page.get_by_text("script done")).to_be_visible()
    texts = page.get_by_test_id("ac-markdown").all_inner_texts()
    assert texts == ["script started", "fragment content", "fragment reran", "script done"], texts
