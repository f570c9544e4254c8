"""An unmodified Streamlit app, served by `appcore run` as it is: `import streamlit`
is appcore's, even with a package named streamlit installed, and Streamlit's
theme settings are honoured."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_an_unmodified_streamlit_app_renders_through_appcore_with_its_theme(serve_app, page: Page, tmp_path) -> None:
    # A package named streamlit on the path, as when Streamlit itself is installed: importing it fails loudly.
    shadow = tmp_path / "site"
    (shadow / "streamlit").mkdir(parents=True)
    (shadow / "streamlit" / "__init__.py").write_text("raise RuntimeError('the real streamlit was imported')\n")
    app = serve_app("""
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        st.title("Ported as it was")
        if st.button("Greet"):
            st.markdown(f"Hello from session {get_script_run_ctx().session_id[:4]}")
    """, env={"PYTHONPATH": str(shadow), "STREAMLIT_THEME_BACKGROUND_COLOR": "#102030",
              "STREAMLIT_THEME_BASE": "dark"})
    page.goto(app.url)
    expect(page.get_by_test_id("ac-title")).to_have_text("Ported as it was")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_test_id("ac-markdown")).to_contain_text("Hello from session")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(16, 32, 48)"
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert "the real streamlit was imported" not in app.stderr


def test_streamlit_runtime_exists_under_appcore_run(serve_app, page: Page) -> None:
    app = serve_app("""
        import streamlit as st
        import streamlit.runtime
        st.markdown(f"exists={streamlit.runtime.exists()}")
    """)
    page.goto(app.url)
    expect(page.get_by_test_id("ac-markdown")).to_have_text("exists=True")
