"""st.context from a real tab: its cookies and headers, locale, timezone and URL."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_st_context_reports_what_the_tab_is(serve_app, browser) -> None:
    app = serve_app("""
        import appcore as st
        c = st.context
        st.markdown(f"{c.cookies.get('flavour')} | {c.headers['host'].split(':')[0]} | {c.locale} | "
                    f"{c.timezone} | {c.timezone_offset} | {c.url} | {c.ip_address} | {c.theme['type']}")
    """)
    context = browser.new_context(locale="fr-FR", timezone_id="Asia/Tokyo")
    try:
        context.add_cookies([{"name": "flavour", "value": "lemon", "url": app.url}])
        page = context.new_page()
        page.goto(app.url + "?x=1")
        expect(page.get_by_test_id("ac-markdown")).to_have_text(
            f"lemon | localhost | fr-FR | Asia/Tokyo | -540 | {app.url}?x=1 | None | light")
    finally:
        context.close()
